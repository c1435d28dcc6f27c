"""Code frequencies, the case × code matrix and the hypothesis summary.

Counting rules: a code's ``cases`` are the distinct respondents with at least one of
its segments (several passages, or passages in several documents of one respondent,
count once). ``total_cases`` is the number of respondents with at least one document.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import distinct, func, select

from qdaw.analysis.scope import ALL, Scope
from qdaw.core import models as m

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.core.store import Store

RATIO_COLUMNS = ["segments", "cases", "total_cases", "pct_cases", "ratio"]


def codebook_frame(store: Store) -> pd.DataFrame:
    """One row per code in codebook order: id, name, label, parent, path, hypotheses."""
    import pandas as pd

    from qdaw.core.store import tree_order_of

    c = m.codes.c
    # One read: the order comes from the same rows (another writer may add codes between
    # two reads, and a code in the order but not in the rows would have no name).
    rows = store.rows(select(c.id, c.name, c.parent_id, c.color).order_by(c.position, c.id))
    frame = pd.DataFrame(rows, columns=["id", "name", "parent_id", "color"]).set_index("id")
    order = tree_order_of([(int(r[0]), None if r[2] is None else int(r[2])) for r in rows])
    frame = frame.reindex(order)
    names = frame["name"].to_dict()
    parents = frame["parent_id"].to_dict()

    def path(code_id: int) -> str:
        parts = []
        current: Any = code_id
        while current is not None and current == current:  # NaN-safe
            parts.append(names[int(current)])
            current = parents[int(current)]
        return "/".join(reversed(parts))

    frame["path"] = [path(i) for i in frame.index]
    duplicated = frame["name"].duplicated(keep=False)
    # Names are unique among siblings only; a shared name is shown with its path.
    frame["label"] = frame["name"].where(~duplicated, frame["path"])
    label_of = frame["label"].to_dict()
    frame["parent"] = [
        label_of.get(int(p)) if p is not None and p == p else None for p in frame["parent_id"]
    ]
    links = store.rows(
        select(m.code_hypotheses.c.code_id, m.hypotheses.c.label)
        .join(m.hypotheses, m.hypotheses.c.id == m.code_hypotheses.c.hypothesis_id)
        .order_by(m.hypotheses.c.position, m.hypotheses.c.id)
    )
    joined: dict[int, list[str]] = {}
    for code_id, label in links:
        joined.setdefault(code_id, []).append(label)
    frame["hypotheses"] = [", ".join(joined.get(i, [])) for i in frame.index]
    frame.index.name = "code_id"
    return frame


def total_cases(store: Store, scope: Scope = ALL) -> int:
    """Respondents in scope with at least one document: the N of "k/N"."""
    query = select(func.count(distinct(m.documents.c.case_id))).where(*scope.document_conditions())
    return int(store.scalar(query) or 0)


def _restrict(frame: pd.DataFrame, scope: Scope) -> pd.DataFrame:
    if scope.code_ids is None:
        return frame
    return frame[frame.index.isin(scope.code_ids)]


def _add_ratios(frame: pd.DataFrame, total: int) -> pd.DataFrame:
    frame["segments"] = frame["segments"].fillna(0).astype(int)
    frame["cases"] = frame["cases"].fillna(0).astype(int)
    frame["total_cases"] = total
    frame["pct_cases"] = (100.0 * frame["cases"] / total) if total else 0.0
    frame["ratio"] = frame["cases"].astype(str) + f"/{total}"
    return frame


def code_frequencies(store: Store, scope: Scope = ALL, rollup: bool = False) -> pd.DataFrame:
    """Columns: code, parent, hypotheses, segments, cases, total_cases, pct_cases, ratio.

    With ``rollup=False`` a parent's row counts its own segments only. With
    ``rollup=True`` each row counts the code and all its descendants (a respondent
    coded with two sub-codes still counts once).
    """
    book = codebook_frame(store)
    seg, doc = m.segments, m.documents
    if rollup:
        tree = _descendants()
        query = (
            select(
                tree.c.ancestor.label("code_id"),
                func.count(distinct(seg.c.id)).label("segments"),
                func.count(distinct(doc.c.case_id)).label("cases"),
            )
            .join(seg, seg.c.code_id == tree.c.descendant)
            .join(doc, doc.c.id == seg.c.document_id)
            .where(*scope.segment_conditions())
            .group_by(tree.c.ancestor)
        )
    else:
        query = (
            select(
                seg.c.code_id,
                func.count(seg.c.id).label("segments"),
                func.count(distinct(doc.c.case_id)).label("cases"),
            )
            .join(doc, doc.c.id == seg.c.document_id)
            .where(*scope.segment_conditions(), *_code_condition(seg.c.code_id, scope))
            .group_by(seg.c.code_id)
        )
    counts = _frame(store, query, ["code_id", "segments", "cases"]).set_index("code_id")
    frame = _restrict(book[["label", "parent", "hypotheses"]], scope).join(counts)
    frame = _add_ratios(frame.rename(columns={"label": "code"}), total_cases(store, scope))
    return frame.reset_index(drop=True)[["code", "parent", "hypotheses", *RATIO_COLUMNS]]


def _descendants(of: Collection[int] | None = None) -> Any:
    """(ancestor, descendant) for every code (or those ``of``) and each code below it,
    itself included."""
    base = select(m.codes.c.id.label("ancestor"), m.codes.c.id.label("descendant"))
    if of is not None:
        base = base.where(m.codes.c.id.in_(list(of)))
    tree = base.cte("tree", recursive=True)
    return tree.union_all(
        select(tree.c.ancestor, m.codes.c.id).where(m.codes.c.parent_id == tree.c.descendant)
    )


def case_code_matrix(
    store: Store,
    scope: Scope = ALL,
    value: Literal["count", "presence"] = "count",
    rollup: bool = False,
) -> pd.DataFrame:
    """Rows: respondents with documents; columns: codes (codebook order).

    ``count``: segments per respondent and code; ``presence``: 1 if any, else 0.
    ``rollup``: a code's column also counts its sub-codes' segments, so a category is
    present for every respondent with any code below it.
    """
    if value not in ("count", "presence"):
        raise ValueError(f"value must be 'count' or 'presence', not {value!r}")
    import numpy as np
    import pandas as pd

    book = _restrict(codebook_frame(store), scope)
    seg, doc = m.segments, m.documents
    # Grouping by (code, document) follows the covering index with no sort; documents
    # are then summed into their respondents below.
    counts = _frame(
        store,
        select(seg.c.document_id, seg.c.code_id, func.count())
        .where(*scope.segment_conditions())
        .group_by(seg.c.code_id, seg.c.document_id),
        ["document_id", "code_id", "n"],
    )
    owners = _frame(store, select(doc.c.id, doc.c.case_id), ["document_id", "case_id"])
    cases = _frame(
        store,
        select(m.cases.c.id, m.cases.c.name)
        .where(m.cases.c.id.in_(select(doc.c.case_id).where(*scope.document_conditions())))
        .order_by(m.cases.c.id),
        ["case_id", "case"],
    )
    counts = counts[counts["code_id"].isin(book.index)]
    case_of_document = owners.set_index("document_id")["case_id"]
    rows = pd.Index(cases["case_id"]).get_indexer(case_of_document.reindex(counts["document_id"]))
    columns = pd.Index(book.index).get_indexer(counts["code_id"])
    cells = np.zeros((len(cases), len(book)), dtype=np.int64)
    np.add.at(cells, (rows, columns), counts["n"].to_numpy())
    if rollup:
        cells = _rolled_up(cells, book)
    if value == "presence":
        cells = (cells > 0).astype(np.int64)
    table = pd.DataFrame(cells, index=pd.Index(cases["case"], name="case"), columns=book["label"])
    table.columns.name = None
    return table


def _rolled_up(cells: Any, book: pd.DataFrame) -> Any:
    """Each code's column plus its descendants' (one vector addition per code and
    ancestor: the codebook's size, never the segments')."""
    position = {code_id: i for i, code_id in enumerate(book.index)}
    parents = book["parent_id"].to_dict()
    rolled = cells.copy()
    for code_id, column in position.items():
        parent = parents.get(code_id)
        while parent is not None and parent == parent and int(parent) in position:
            rolled[:, position[int(parent)]] += cells[:, column]
            parent = parents.get(int(parent))
    return rolled


def hypothesis_summary(store: Store, scope: Scope = ALL) -> pd.DataFrame:
    """Columns: hypothesis, statement, codes, segments, cases, total_cases, pct_cases, ratio.

    A hypothesis' cases are the respondents with a segment of any of its linked codes.
    """
    import pandas as pd

    link, seg, doc, hyp = m.code_hypotheses, m.segments, m.documents, m.hypotheses
    counts = _frame(
        store,
        select(
            link.c.hypothesis_id,
            func.count(distinct(seg.c.id)).label("segments"),
            func.count(distinct(doc.c.case_id)).label("cases"),
        )
        .join(seg, seg.c.code_id == link.c.code_id)
        .join(doc, doc.c.id == seg.c.document_id)
        .where(*scope.segment_conditions(), *_code_condition(link.c.code_id, scope))
        .group_by(link.c.hypothesis_id),
        ["hypothesis_id", "segments", "cases"],
    ).set_index("hypothesis_id")
    hypotheses = _frame(
        store,
        select(hyp.c.id, hyp.c.label, hyp.c.statement).order_by(hyp.c.position, hyp.c.id),
        ["hypothesis_id", "hypothesis", "statement"],
    ).set_index("hypothesis_id")
    if scope.hypothesis_ids is not None:
        hypotheses = hypotheses[hypotheses.index.isin(scope.hypothesis_ids)]
    book = codebook_frame(store)
    order = {code_id: i for i, code_id in enumerate(book.index)}
    links = store.rows(select(link.c.hypothesis_id, link.c.code_id))
    names: dict[int, list[int]] = {}
    for hypothesis_id, code_id in links:
        if scope.keeps_code(code_id):
            names.setdefault(hypothesis_id, []).append(code_id)
    hypotheses["codes"] = [
        ", ".join(str(book.at[c, "label"]) for c in sorted(names.get(h, []), key=order.__getitem__))
        for h in hypotheses.index
    ]
    frame = hypotheses.join(counts)
    frame = _add_ratios(frame, total_cases(store, scope))
    columns = ["hypothesis", "statement", "codes", *RATIO_COLUMNS]
    return pd.DataFrame(frame.reset_index(drop=True)[columns])


def _code_condition(column: Any, scope: Scope) -> list[Any]:
    return [] if scope.code_ids is None else [column.in_(scope.code_ids)]


def _frame(store: Store, query: Any, columns: list[str]) -> pd.DataFrame:
    import pandas as pd

    # Plain tuples: building a frame from SQLAlchemy Row objects is ~20 times slower.
    with store.reading() as conn:
        rows = [tuple(row) for row in conn.execute(query)]
    return pd.DataFrame.from_records(rows, columns=columns)


def code_counts(
    store: Store, scope: Scope = ALL, rollup: bool = False, only: Collection[int] | None = None
) -> dict[int, tuple[int, int]]:
    """code id → (segments, respondents), in SQL only and free of pandas (the
    workbench's codebook shows these). ``rollup``: codes that have sub-codes count them
    too (respondents with any code below, once). ``only``: just these codes (what an
    edit changed: a few index ranges instead of every segment of the project); codes
    without segments are left out."""
    seg, doc = m.segments, m.documents
    if rollup:
        tree = _descendants(only)
        rows = store.rows(
            select(
                tree.c.ancestor, func.count(distinct(seg.c.id)), func.count(distinct(doc.c.case_id))
            )
            .join(seg, seg.c.code_id == tree.c.descendant)
            .join(doc, doc.c.id == seg.c.document_id)
            .where(*scope.segment_conditions())
            .group_by(tree.c.ancestor)
        )
        return {int(code): (int(n), int(k)) for code, n, k in rows}
    only_codes = [] if only is None else [seg.c.code_id.in_(list(only))]
    rows = store.rows(
        select(seg.c.code_id, func.count(seg.c.id), func.count(distinct(doc.c.case_id)))
        .join(doc, doc.c.id == seg.c.document_id)
        .where(*scope.segment_conditions(), *only_codes)
        .group_by(seg.c.code_id)
    )
    return {int(code): (int(n), int(k)) for code, n, k in rows}


def hypothesis_counts(
    store: Store, scope: Scope = ALL, only: Collection[int] | None = None
) -> dict[int, tuple[int, int]]:
    """hypothesis id → (segments, respondents) over its linked codes, in SQL only
    (``only``: just these hypotheses)."""
    link, seg, doc = m.code_hypotheses, m.segments, m.documents
    only_hypotheses = [] if only is None else [link.c.hypothesis_id.in_(list(only))]
    rows = store.rows(
        select(
            link.c.hypothesis_id,
            func.count(distinct(seg.c.id)),
            func.count(distinct(doc.c.case_id)),
        )
        .join(seg, seg.c.code_id == link.c.code_id)
        .join(doc, doc.c.id == seg.c.document_id)
        .where(*scope.segment_conditions(), *only_hypotheses)
        .group_by(link.c.hypothesis_id)
    )
    return {int(h): (int(n), int(k)) for h, n, k in rows}
