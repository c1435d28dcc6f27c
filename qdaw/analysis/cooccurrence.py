"""Which codes occur together: in overlapping passages, or for the same respondents.

``scope="segment"``: the cell (A, B) counts pairs of overlapping segments, one of A and
one of B, in the same document; the diagonal holds each code's number of segments.
``scope="case"``: the cell counts respondents who have both codes; the diagonal holds
each code's number of respondents.

``measure="jaccard"`` gives a similarity from 0 to 1. At case level it is
|A ∩ B| / |A ∪ B| over respondents. At segment level the units are segments: those of
A or B that overlap a segment of the other code, over all segments of A and B. The
diagonal is 1 for codes in use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from sqlalchemy import select

from qdaw.analysis.frequencies import _frame, _restrict, case_code_matrix, codebook_frame
from qdaw.analysis.scope import ALL, Scope
from qdaw.core import models as m
from qdaw.errors import QdawError

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.core.store import Store

Level = Literal["segment", "case"]
Measure = Literal["count", "jaccard"]


def overlapping_pairs(store: Store, scope: Scope = ALL) -> pd.DataFrame:
    """Every pair of overlapping segments (first, second) in scope, as positions and codes.

    Segments sorted by (document, start): the segments overlapping segment i that start
    at or after it are exactly those up to the first one starting at or after its end,
    so one searchsorted finds them all without comparing every pair.
    """
    import numpy as np
    import pandas as pd

    seg = m.segments
    frame = _frame(
        store,
        select(seg.c.id, seg.c.document_id, seg.c.start_offset, seg.c.end_offset, seg.c.code_id)
        .where(seg.c.x.is_(None), *scope.segment_conditions())
        .order_by(seg.c.document_id, seg.c.start_offset, seg.c.id),
        ["id", "document", "start", "end", "code"],
    )
    if scope.code_ids is not None:
        frame = frame[frame["code"].isin(scope.code_ids)].reset_index(drop=True)
    regions = _overlapping_regions(store, scope)
    documents = frame["document"].to_numpy(dtype=np.int64)
    width = int(frame["end"].max() + 1) if len(frame) else 1
    keys = documents * width + frame["start"].to_numpy(dtype=np.int64)
    limits = np.searchsorted(keys, documents * width + frame["end"].to_numpy(), side="left")
    counts = np.maximum(limits - np.arange(len(frame)) - 1, 0)
    first = np.repeat(np.arange(len(frame)), counts)
    offsets = np.arange(len(first)) - np.repeat(np.cumsum(counts) - counts, counts)
    second = first + 1 + offsets
    codes = frame["code"].to_numpy()
    ids = frame["id"].to_numpy()
    text_pairs = pd.DataFrame(
        {
            "first": ids[first],
            "second": ids[second],
            "first_code": codes[first],
            "second_code": codes[second],
        }
    )
    return pd.concat([text_pairs, regions], ignore_index=True) if len(regions) else text_pairs


def _overlapping_regions(store: Store, scope: Scope) -> pd.DataFrame:
    """Pairs of image regions whose rectangles intersect (their offsets are all 0, so
    the text search above leaves them out). An image holds few regions: every pair of
    one image's regions is compared."""
    import pandas as pd

    seg = m.segments
    rows = store.rows(
        select(seg.c.id, seg.c.document_id, seg.c.code_id, seg.c.x, seg.c.y, seg.c.width,
               seg.c.height)
        .where(seg.c.x.is_not(None), *scope.segment_conditions())
        .order_by(seg.c.document_id, seg.c.id)
    )  # fmt: skip
    if scope.code_ids is not None:
        rows = [r for r in rows if r[2] in scope.code_ids]
    pairs = []
    for i, a in enumerate(rows):
        for b in rows[i + 1 :]:
            if b[1] != a[1]:
                break
            if (
                a[3] < b[3] + b[5]
                and b[3] < a[3] + a[5]
                and a[4] < b[4] + b[6]
                and b[4] < a[4] + a[6]
            ):
                pairs.append((a[0], b[0], a[2], b[2]))
    return pd.DataFrame(pairs, columns=["first", "second", "first_code", "second_code"])


def cooccurrence(
    store: Store, scope: Scope = ALL, level: Level = "segment", measure: Measure = "count"
) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    if level not in ("segment", "case"):
        raise QdawError(f"scope must be 'segment' or 'case', not {level!r}")
    if measure not in ("count", "jaccard"):
        raise QdawError(f"measure must be 'count' or 'jaccard', not {measure!r}")
    book = _restrict(codebook_frame(store), scope)
    labels = book["label"].tolist()
    size = len(book)
    if level == "case":
        presence = (case_code_matrix(store, scope) > 0).astype(np.int64).to_numpy()
        both = presence.T @ presence
        if measure == "count":
            values = both.astype(float)
        else:
            alone = np.diag(both)
            union = alone[:, None] + alone[None, :] - both
            with np.errstate(divide="ignore", invalid="ignore"):
                values = np.where(union > 0, both / union, 0.0)
    else:
        position = pd.Index(book.index)
        pairs = overlapping_pairs(store, scope)
        pairs = pairs[pairs["first_code"] != pairs["second_code"]]
        a = position.get_indexer(pairs["first_code"])
        b = position.get_indexer(pairs["second_code"])
        segments_per_code = _frame(
            store,
            select(m.segments.c.code_id, m.segments.c.id).where(*scope.segment_conditions()),
            ["code", "id"],
        )["code"].value_counts()
        own = segments_per_code.reindex(book.index, fill_value=0).to_numpy()
        if measure == "count":
            grid = np.zeros((size, size))
            np.add.at(grid, (a, b), 1)
            values = grid + grid.T
            np.fill_diagonal(values, own)
        else:
            # Segments of each code that overlap at least one segment of the other code.
            involved = pd.DataFrame(
                {
                    "segment": np.concatenate([pairs["first"], pairs["second"]]),
                    "code": np.concatenate([a, b]),
                    "other": np.concatenate([b, a]),
                }
            ).drop_duplicates()
            grid = np.zeros((size, size))
            np.add.at(grid, (involved["code"].to_numpy(), involved["other"].to_numpy()), 1)
            shared = grid + grid.T
            total = own[:, None] + own[None, :]
            with np.errstate(divide="ignore", invalid="ignore"):
                values = np.where(total > 0, shared / total, 0.0)
            np.fill_diagonal(values, (own > 0).astype(float))
    result = pd.DataFrame(values, index=labels, columns=labels)
    if measure == "count":
        result = result.astype(int)
    result.index.name = "code"
    return result
