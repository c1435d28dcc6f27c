"""Everything a supervisor reads about one hypothesis."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, func, select

from qdaw.analysis.frequencies import code_frequencies, total_cases
from qdaw.analysis.retrieval import retrieve
from qdaw.analysis.scope import ALL, Scope
from qdaw.core import models as m

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.core.store import Store

QUOTE_COLUMNS = [
    "code", "case", "document", "text", "start", "end", "memo", "page", "timecode", "region",
]  # fmt: skip
#: Quotes shorter than this are used only when a code has nothing longer.
READABLE_QUOTE = 30


@dataclass
class HypothesisReport:
    label: str
    statement: str
    description: str | None
    memo: str | None
    codes: pd.DataFrame  # code, description, memo, segments, cases, total_cases, pct_cases, ratio
    segments: int
    cases_with: list[str]
    cases_without: list[str]
    total_cases: int
    quotes: pd.DataFrame  # QUOTE_COLUMNS
    outside: bool = False  # the codes linked to no hypothesis, not a hypothesis

    @property
    def heading(self) -> str:
        return f"{self.label} — {self.statement}" if self.statement else self.label

    @property
    def cases(self) -> int:
        return len(self.cases_with)

    @property
    def ratio(self) -> str:
        return f"{self.cases}/{self.total_cases}"

    @property
    def pct_cases(self) -> float:
        return 100.0 * self.cases / self.total_cases if self.total_cases else 0.0


def choose_quotes(segments: pd.DataFrame, per_code: int, codes_in_order: list[str]) -> pd.DataFrame:
    """At most one quote per respondent per code, ``per_code`` per code; readable
    length first, then shortest, then document order: the same choice every time."""
    if segments.empty:
        return segments.assign(length=[])
    frame = segments.reset_index().assign(length=segments["text"].str.len().to_numpy())
    frame["too_short"] = frame["length"] < READABLE_QUOTE
    frame["order"] = range(len(frame))
    frame = frame.sort_values(["too_short", "length", "order"], kind="stable")
    frame = frame.drop_duplicates(["code", "case"])
    frame = frame.groupby("code", sort=False).head(per_code)
    # Present them code by code, in codebook order (the order segments carry codes in).
    code_order = {code: i for i, code in enumerate(codes_in_order)}
    frame["code_order"] = frame["code"].map(code_order)
    return frame.sort_values(["code_order", "too_short", "length", "order"], kind="stable")


def quote_candidates(scope: Scope, per_code: int) -> Any:
    """A subquery of the segment ids choose_quotes would pick, found in SQL with window
    functions (SQLite and PostgreSQL), so that only those passages are fetched."""
    seg, doc = m.segments.alias("q"), m.documents
    length = seg.c.end_offset - seg.c.start_offset
    too_short = case((length < READABLE_QUOTE, 1), else_=0)
    order = (too_short, length, doc.c.id, seg.c.start_offset, seg.c.id)
    first_per_case = (
        select(
            seg.c.id,
            seg.c.code_id,
            too_short.label("too_short"),
            length.label("length"),
            doc.c.id.label("document_id"),
            seg.c.start_offset,
            func.row_number()
            .over(partition_by=(seg.c.code_id, doc.c.case_id), order_by=order)
            .label("rank_in_case"),
        )
        .join(doc, doc.c.id == seg.c.document_id)
        .where(seg.c.code_id.in_(scope.code_ids or []), *scope.segment_conditions(seg))
        .subquery()
    )
    ranked = (
        select(
            first_per_case.c.id,
            func.row_number()
            .over(
                partition_by=first_per_case.c.code_id,
                order_by=(
                    first_per_case.c.too_short,
                    first_per_case.c.length,
                    first_per_case.c.document_id,
                    first_per_case.c.start_offset,
                    first_per_case.c.id,
                ),
            )
            .label("rank_in_code"),
        )
        .where(first_per_case.c.rank_in_case == 1)
        .subquery()
    )
    return select(ranked.c.id).where(ranked.c.rank_in_code <= per_code)


def hypothesis_report(
    store: Store, label: str, scope: Scope = ALL, quotes_per_code: int = 3
) -> HypothesisReport:

    hypothesis_id = store.hypothesis_id(label)
    hyp = m.hypotheses
    row = store.rows(
        select(hyp.c.label, hyp.c.statement, hyp.c.description, hyp.c.memo).where(
            hyp.c.id == hypothesis_id
        )
    )[0]
    linked = frozenset(
        r[0]
        for r in store.rows(
            select(m.code_hypotheses.c.code_id).where(
                m.code_hypotheses.c.hypothesis_id == hypothesis_id
            )
        )
        if scope.keeps_code(r[0])
    )
    return _report(store, tuple(row), linked, scope, quotes_per_code)


def outside_report(
    store: Store, heading: str, scope: Scope = ALL, quotes_per_code: int = 3
) -> HypothesisReport | None:
    """The codes with passages in scope that no hypothesis names (findings a report
    must not leave out), as one section; None when every coded code has a hypothesis."""
    seg = m.segments
    used = {
        int(r[0])
        for r in store.rows(select(seg.c.code_id).distinct().where(*scope.segment_conditions()))
    }
    linked = {int(r[0]) for r in store.rows(select(m.code_hypotheses.c.code_id).distinct())}
    codes = frozenset(c for c in used - linked if scope.keeps_code(c))
    if not codes:
        return None
    report = _report(store, (heading, "", None, None), codes, scope, quotes_per_code)
    return replace(report, outside=True)


def _report(
    store: Store,
    row: tuple[Any, ...],
    linked: frozenset[int],
    scope: Scope,
    quotes_per_code: int,
) -> HypothesisReport:
    import pandas as pd

    code_scope = replace(scope, code_ids=linked)
    total = total_cases(store, scope)
    codes = code_frequencies(store, code_scope)
    details = store.rows(
        select(m.codes.c.id, m.codes.c.description, m.codes.c.memo).where(m.codes.c.id.in_(linked))
    )
    order = {code_id: i for i, code_id in enumerate(store.tree_order())}
    details.sort(key=lambda r: order[r[0]])
    # object columns keep None for "no description" (a str column would turn it into NaN)
    codes.insert(1, "description", pd.Series([r[1] for r in details], dtype=object))
    codes.insert(2, "memo", pd.Series([r[2] for r in details], dtype=object))
    codes = codes.drop(columns=["parent", "hypotheses"])
    seg, doc = m.segments, m.documents
    with_rows = store.rows(
        select(m.cases.c.name, m.cases.c.id)
        .distinct()
        .join(doc, doc.c.case_id == m.cases.c.id)
        .join(seg, seg.c.document_id == doc.c.id)
        .where(seg.c.code_id.in_(linked), *scope.segment_conditions())
        .order_by(m.cases.c.id)
    )
    all_rows = store.rows(
        select(m.cases.c.name)
        .where(m.cases.c.id.in_(select(doc.c.case_id).where(*scope.document_conditions())))
        .order_by(m.cases.c.id)
    )
    cases_with = [r[0] for r in with_rows]
    candidates = quote_candidates(code_scope, quotes_per_code)
    segments = retrieve(store, code_scope, segment_ids=candidates)
    quotes = choose_quotes(segments, quotes_per_code, codes["code"].tolist())
    return HypothesisReport(
        label=row[0],
        statement=row[1],
        description=row[2],
        memo=row[3],
        codes=codes,
        segments=int(codes["segments"].sum()),
        cases_with=cases_with,
        cases_without=[r[0] for r in all_rows if r[0] not in set(cases_with)],
        total_cases=total,
        quotes=quotes[QUOTE_COLUMNS].reset_index(drop=True),
    )
