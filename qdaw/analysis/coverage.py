"""Words coded: how much text each code and each respondent covers.

Overlapping segments of one code are merged before counting, so a word counts once per
code. A word is coded when it starts inside a segment.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from sqlalchemy import select

from qdaw.analysis.frequencies import _frame, _restrict, codebook_frame
from qdaw.analysis.scope import ALL, Scope
from qdaw.core import models as m
from qdaw.errors import QdawError

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from qdaw.core.store import Store

WORD = re.compile(r"\w+(?:['’-]\w+)*")


def merge_intervals(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Union of [start, end) intervals within each group of ``keys`` (vectorised)."""
    frame = frame.sort_values([*keys, "start"]).reset_index(drop=True)
    reach = frame.groupby(keys, sort=False)["end"].cummax()
    previous = reach.groupby([frame[k] for k in keys], sort=False).shift()
    fresh = previous.isna() | (frame["start"] > previous)
    block = fresh.cumsum()
    merged = frame.groupby(block).agg({**{k: "first" for k in keys}, "start": "min", "end": "max"})
    return merged.reset_index(drop=True)


def _word_starts(store: Store, document_ids: list[int]) -> dict[int, np.ndarray]:
    import numpy as np

    texts = store.rows(
        select(m.document_texts.c.document_id, m.document_texts.c.text).where(
            m.document_texts.c.document_id.in_(document_ids)
        )
    )
    return {
        doc_id: np.fromiter((w.start() for w in WORD.finditer(text)), dtype=np.int64)
        for doc_id, text in texts
    }


def _count_words(intervals: pd.DataFrame, starts: dict[int, np.ndarray]) -> pd.Series:
    import numpy as np
    import pandas as pd

    words = pd.Series(0, index=intervals.index, dtype=np.int64)
    for doc_id, rows in intervals.groupby("document").groups.items():
        positions = starts[int(doc_id)]  # type: ignore[call-overload]
        part = intervals.loc[rows]
        words.loc[rows] = np.searchsorted(positions, part["end"]) - np.searchsorted(
            positions, part["start"]
        )
    return words


def words_coded(
    store: Store, scope: Scope = ALL, by: Literal["code", "case", "matrix"] = "code"
) -> pd.DataFrame:
    """``by="code"``: code, words, pct_words (of all words of the respondents in scope).
    ``by="case"``: case, words_coded (any code, overlaps once), words_total, pct_coded.
    ``by="matrix"``: codes × respondents, words coded."""
    import pandas as pd

    if by not in ("code", "case", "matrix"):
        raise QdawError(f"by must be 'code', 'case' or 'matrix', not {by!r}")
    seg, doc = m.segments, m.documents
    segments = _frame(
        store,
        select(
            seg.c.document_id, doc.c.case_id, seg.c.code_id, seg.c.start_offset, seg.c.end_offset
        )
        .join(doc, doc.c.id == seg.c.document_id)
        .where(*scope.segment_conditions()),
        ["document", "case_id", "code", "start", "end"],
    )
    book = _restrict(codebook_frame(store), scope)
    segments = segments[segments["code"].isin(book.index)]
    documents = _frame(
        store,
        select(doc.c.id, doc.c.case_id, m.cases.c.name)
        .join(m.cases, m.cases.c.id == doc.c.case_id)
        .where(*scope.document_conditions())
        .order_by(m.cases.c.id, doc.c.id),
        ["document", "case_id", "case"],
    )
    starts = _word_starts(store, documents["document"].tolist())
    documents["words"] = documents["document"].map(lambda d: len(starts[d]))
    case_names = documents.drop_duplicates("case_id").set_index("case_id")["case"]
    if by == "case":
        merged = merge_intervals(segments, ["document"])
        merged["words"] = _count_words(merged, starts)
        merged["case_id"] = merged["document"].map(documents.set_index("document")["case_id"])
        coded = merged.groupby("case_id")["words"].sum()
        totals = documents.groupby("case_id")["words"].sum()
        result = pd.DataFrame(
            {
                "case": case_names,
                "words_coded": coded.reindex(case_names.index, fill_value=0).astype(int),
                "words_total": totals.reindex(case_names.index).astype(int),
            }
        )
        result["pct_coded"] = 100.0 * result["words_coded"] / result["words_total"].clip(lower=1)
        return result.reset_index(drop=True)
    merged = merge_intervals(segments, ["document", "code"])
    merged["words"] = _count_words(merged, starts)
    merged["case_id"] = merged["document"].map(documents.set_index("document")["case_id"])
    if by == "matrix":
        table = (
            merged.pivot_table(index="code", columns="case_id", values="words", aggfunc="sum")
            .reindex(index=book.index, columns=case_names.index)
            .fillna(0)
            .astype(int)
        )
        table.index = book["label"].to_numpy()
        table.index.name = "code"
        table.columns = case_names.to_numpy()
        return table
    per_code = merged.groupby("code")["words"].sum().reindex(book.index, fill_value=0)
    total = int(documents["words"].sum())
    return pd.DataFrame(
        {
            "code": book["label"].to_numpy(),
            "words": per_code.astype(int).to_numpy(),
            "pct_words": (100.0 * per_code / max(total, 1)).to_numpy(),
        }
    )
