"""The study workbook: every table a team takes to R, SPSS or pandas, one sheet each."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qdaw.analysis.crosstab import default_bins
from qdaw.export.codebook import codebook_table
from qdaw.export.tables import Sheet

if TYPE_CHECKING:
    from qdaw.core.store import Store
    from qdaw.nlp.entities import Anonymiser


def workbook_sheets(
    store: Store, anonymiser: Anonymiser | None = None, **filters: Any
) -> list[Sheet]:
    """With an ``anonymiser``, accepted names become pseudonyms in passages and memos."""
    from qdaw.analysis.cooccurrence import cooccurrence
    from qdaw.analysis.crosstab import crosstab
    from qdaw.analysis.frequencies import case_code_matrix, code_frequencies, hypothesis_summary
    from qdaw.analysis.retrieval import retrieve
    from qdaw.analysis.scope import resolve_scope

    scope = resolve_scope(store, **filters)
    segments = retrieve(store, scope)
    if anonymiser is not None:
        segments = anonymiser.frame(segments, ["text", "memo"])
    sheets = [
        Sheet("Frequencies", code_frequencies(store, scope)),
        Sheet("Matrix", case_code_matrix(store, scope), index=True),
        Sheet("Hypotheses", hypothesis_summary(store, scope)),
    ]
    for name in store.variable_types():
        table = crosstab(store, name, scope, bins=default_bins(store, name))
        sheets.append(Sheet(f"Crosstab {name}", table, index=True))
    sheets += [
        Sheet("Co-occurrence", cooccurrence(store, scope, "segment"), index=True),
        Sheet("Co-occurrence cases", cooccurrence(store, scope, "case"), index=True),
        Sheet("Segments", segments, index=True),
        Sheet("Codebook", codebook_table(store)),
    ]
    sets = sets_table(store)
    if len(sets):
        sheets.append(Sheet("Sets", sets))
    agreement = _agreement(store, segments, filters)
    if agreement is not None:
        sheets.insert(3, Sheet("Agreement", agreement))
    return sheets


def _agreement(store: Store, segments: Any, filters: dict[str, Any]) -> Any:
    """With two coders or more on the same documents: their agreement by document (the
    coders filter, when given, names the compared coders)."""
    from qdaw.analysis.agreement import agreement
    from qdaw.analysis.scope import resolve_scope

    coders = sorted(str(c) for c in segments["coder"].dropna().unique())
    if len(coders) < 2:
        return None
    others = {key: value for key, value in filters.items() if key != "coders"}
    table = agreement(store, coders, "document", resolve_scope(store, **others))
    return table if table.attrs["documents"] else None


def sets_table(store: Store) -> Any:
    """One row per member of each set: set, kind, member (a document's name, a code's
    path), sets by name, members in document or codebook order."""
    import pandas as pd
    from sqlalchemy import select

    from qdaw.core import models as m

    order = {code_id: i for i, code_id in enumerate(store.tree_order())}
    codes = {r[0]: (r[1], r[2]) for r in store.rows(
        select(m.codes.c.id, m.codes.c.name, m.codes.c.parent_id))}  # fmt: skip

    def path(code_id: int) -> str:
        name, parent = codes[code_id]
        return name if parent is None else f"{path(parent)}/{name}"

    rows: list[tuple[str, str, str, int]] = []
    documents = store.rows(
        select(m.sets.c.name, m.documents.c.name, m.documents.c.id)
        .join(m.set_documents, m.set_documents.c.set_id == m.sets.c.id)
        .join(m.documents, m.documents.c.id == m.set_documents.c.document_id)
    )
    rows += [(str(s), "document", str(d), int(i)) for s, d, i in documents]
    in_code_sets = store.rows(
        select(m.sets.c.name, m.set_codes.c.code_id).join(
            m.set_codes, m.set_codes.c.set_id == m.sets.c.id
        )
    )
    rows += [(str(s), "code", path(c), order.get(c, 0)) for s, c in in_code_sets]
    empty = store.rows(
        select(m.sets.c.name, m.sets.c.kind).where(
            ~m.sets.c.id.in_(select(m.set_documents.c.set_id)),
            ~m.sets.c.id.in_(select(m.set_codes.c.set_id)),
        )
    )
    rows += [(str(s), str(k), "", 0) for s, k in empty]
    rows.sort(key=lambda r: (r[0], r[3]))
    return pd.DataFrame([r[:3] for r in rows], columns=["set", "kind", "member"])
