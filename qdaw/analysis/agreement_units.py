"""The units compared by inter-coder agreement, as pattern masks, vectorised.

Each function takes the compared coders' segments (columns ``document_id, case_id,
code_id, bit, start, end``; ``bit`` is ``1 << j`` for the ``j``-th coder) restricted to
the compared documents, and returns one row per unit that at least one coder coded:
``code_id, mask`` plus where the unit is (``document_id, start, end``). Units nobody
coded are counted, not listed (there are as many as the document-by-code grid allows).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

UNIT_COLUMNS = ["code_id", "mask", "document_id", "start", "end", "units"]


def presence(segments: pd.DataFrame, key: str) -> pd.DataFrame:
    """Document or case units: which coders applied each code in each ``key``; the unit
    spans the coders' passages of that code there (the first document's, for a case)."""
    keys = [key, "code_id"]
    first_doc = segments.groupby(keys)["document_id"].transform("min")
    here = segments[segments["document_id"] == first_doc]
    spans = here.groupby(keys).agg(
        first_document=("document_id", "first"), start=("start", "min"), end=("end", "max")
    )
    masks = segments[[*keys, "bit"]].drop_duplicates().groupby(keys)["bit"].sum().rename("mask")
    units = spans.join(masks).reset_index()
    units["document_id"] = units["first_document"]  # a case's unit shows its first document
    units["units"] = 1
    return units[UNIT_COLUMNS]


def characters(segments: pd.DataFrame, coders: int) -> pd.DataFrame:
    """Character units: maximal runs of characters with the same coders, per code (a run
    of ``units`` characters counts that many units)."""
    import numpy as np
    import pandas as pd

    starts = segments[["document_id", "code_id", "start"]].rename(columns={"start": "pos"})
    ends = segments[["document_id", "code_id", "end"]].rename(columns={"end": "pos"})
    events = pd.concat([starts, ends], ignore_index=True)
    bits = np.concatenate([segments["bit"].to_numpy()] * 2)
    signs = np.concatenate([np.ones(len(segments)), -np.ones(len(segments))])
    for j in range(coders):
        events[f"c{j}"] = np.where(bits == (1 << j), signs, 0.0)
    keys = ["document_id", "code_id"]
    events = events.groupby([*keys, "pos"], sort=True).sum().reset_index()
    depth = events.groupby(keys)[[f"c{j}" for j in range(coders)]].cumsum()
    active = depth.to_numpy() > 0
    events["mask"] = (active * (1 << np.arange(coders))).sum(axis=1)
    events["end"] = events.groupby(keys)["pos"].shift(-1)
    runs = events[events["mask"] > 0].copy()
    runs["end"] = runs["end"].astype("int64")
    # Adjacent runs with the same coders are one run (a coder's two touching passages).
    new_run = (
        (runs["pos"] != runs.groupby(keys)["end"].shift(1))
        | (runs["mask"] != runs.groupby(keys)["mask"].shift(1))
    ).cumsum()
    merged = runs.groupby(new_run).agg(
        document_id=("document_id", "first"),
        code_id=("code_id", "first"),
        mask=("mask", "first"),
        start=("pos", "first"),
        end=("end", "last"),
    )
    merged["units"] = merged["end"] - merged["start"]
    return merged.reset_index(drop=True)[UNIT_COLUMNS]


def overlapping(segments: pd.DataFrame, min_overlap: float) -> pd.DataFrame:
    """Segment units: every segment of every coder; another coder agrees when one of
    their segments of the same code overlaps it by at least ``min_overlap`` of the two
    segments' union."""
    import numpy as np

    left = segments.reset_index(drop=True).reset_index(names="unit")
    pairs = left.merge(left, on=["document_id", "code_id"], suffixes=("", "_o"))
    pairs = pairs[pairs["bit"] != pairs["bit_o"]]
    overlap = np.minimum(pairs["end"], pairs["end_o"]) - np.maximum(
        pairs["start"], pairs["start_o"]
    )
    union = np.maximum(pairs["end"], pairs["end_o"]) - np.minimum(pairs["start"], pairs["start_o"])
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(union > 0, overlap / union, 0.0)
    agreed = pairs[(overlap > 0) & (ratio >= min_overlap)]
    others = agreed[["unit", "bit_o"]].drop_duplicates().groupby("unit")["bit_o"].sum()
    left["mask"] = left["bit"] + left["unit"].map(others).fillna(0).astype("int64")
    left["units"] = 1
    return left[UNIT_COLUMNS]
