"""What the interactive report recomputes in the reader's browser: who has each code
(with their segments), a pool of quotes per code with their respondent, the coders."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import case, func, select

from qdaw.analysis.hypotheses import READABLE_QUOTE
from qdaw.analysis.retrieval import retrieve
from qdaw.analysis.scope import Scope
from qdaw.core import models as m

#: Segment ids per query (SQLite allows 32,766 parameters, PostgreSQL 65,535).
ID_SLICE = 5000

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.core.store import Store


def code_case_segments(
    store: Store, scope: Scope, code_ids: frozenset[int]
) -> list[tuple[int, int, int]]:
    """(code id, case id, segments) for each respondent with passages of each code."""
    seg, doc = m.segments, m.documents
    rows = store.rows(
        select(seg.c.code_id, doc.c.case_id, func.count(seg.c.id))
        .join(doc, doc.c.id == seg.c.document_id)
        .where(seg.c.code_id.in_(code_ids), *scope.segment_conditions())
        .group_by(seg.c.code_id, doc.c.case_id)
        .order_by(seg.c.code_id, doc.c.case_id)
    )
    return [(int(a), int(b), int(n)) for a, b, n in rows]


def quote_pool(store: Store, scope: Scope, code_ids: frozenset[int], cap: int) -> pd.DataFrame:
    """At most ``cap`` quotes per code: first one per respondent (readable length first,
    then shortest, as the printed report chooses), then their other passages. Columns as
    ``retrieve``'s plus ``first`` (the respondent's chosen quote) and ``rank``."""
    import pandas as pd

    seg, doc = m.segments.alias("p"), m.documents
    length = seg.c.end_offset - seg.c.start_offset
    too_short = case((length < READABLE_QUOTE, 1), else_=0)
    order = (too_short, length, doc.c.id, seg.c.start_offset, seg.c.id)
    per_case = (
        select(
            seg.c.id,
            seg.c.code_id,
            *[c.label(f"o{i}") for i, c in enumerate(order[:-1])],
            func.row_number()
            .over(partition_by=(seg.c.code_id, doc.c.case_id), order_by=order)
            .label("rank_in_case"),
        )
        .join(doc, doc.c.id == seg.c.document_id)
        .where(seg.c.code_id.in_(code_ids), *scope.segment_conditions(seg))
        .subquery()
    )
    c = per_case.c
    ranked = select(
        c.id,
        c.rank_in_case,
        func.row_number()
        .over(
            partition_by=c.code_id,
            order_by=(c.rank_in_case > 1, c.o0, c.o1, c.o2, c.o3, c.id),
        )
        .label("rank"),
    ).subquery()
    picked = select(ranked.c.id, ranked.c.rank_in_case, ranked.c.rank).where(ranked.c.rank <= cap)
    ranks = {int(i): (int(r_case) == 1, int(rank)) for i, r_case, rank in store.rows(picked)}
    # The passages by their ids, in slices: the window query runs once, and no IN list
    # outgrows SQLite's or PostgreSQL's limit on parameters.
    ids = sorted(ranks)
    within = replace(scope, code_ids=code_ids)
    slices = [ids[i : i + ID_SLICE] for i in range(0, len(ids), ID_SLICE)] or [[-1]]
    frames = [retrieve(store, within, segment_ids=part) for part in slices]
    frame = pd.concat(frames) if len(frames) > 1 else frames[0]
    frame["first"] = [ranks[int(i)][0] for i in frame.index]
    frame["rank"] = [ranks[int(i)][1] for i in frame.index]
    return frame.sort_values(["code", "rank"], kind="stable")


def coders_in(store: Store, scope: Scope) -> list[str]:
    """The coders of the passages in scope, by name."""
    seg = m.segments
    rows = store.rows(
        select(m.coders.c.name)
        .distinct()
        .join(seg, seg.c.coder_id == m.coders.c.id)
        .where(*scope.segment_conditions())
        .order_by(m.coders.c.name)
    )
    return [str(r[0]) for r in rows]
