"""Every memo of a project in one table: the memo manager's list and the memo export.

One query per kind of thing (the codes' query also gives their paths), so a project
with thousands of annotated segments lists them without a query per row.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from qdaw.core import models as m
from qdaw.core.text_units import fold
from qdaw.errors import QdawError

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.core.store import Store

#: The kinds of things that carry a memo, in the order the list and exports show them.
KINDS = ("project", "document", "respondent", "code", "hypothesis", "segment")
COLUMNS = [
    "kind", "id", "name", "memo", "coder", "document_id", "document", "respondent",
    "code_id", "code", "start", "end", "text",
]  # fmt: skip


def check_kinds(kinds: str | Iterable[str] | None) -> tuple[str, ...]:
    if kinds is None:
        return KINDS
    wanted = (kinds,) if isinstance(kinds, str) else tuple(kinds)
    unknown = [kind for kind in wanted if kind not in KINDS]
    if unknown:
        raise QdawError(
            f"memo kind {', '.join(map(repr, unknown))} is not one of {', '.join(KINDS)}"
        )
    return tuple(kind for kind in KINDS if kind in wanted)


def code_paths(rows: Iterable[Any]) -> dict[int, str]:
    """code id → "Category/Name" from (id, name, parent_id) rows."""
    names = {int(r[0]): (str(r[1]), r[2]) for r in rows}

    def path(code_id: int) -> str:
        parts, current, seen = [], code_id, set()
        while current is not None and current in names and current not in seen:
            seen.add(current)
            name, current = names[current]
            parts.append(name)
        return "/".join(reversed(parts))

    return {code_id: path(code_id) for code_id in names}


def _blank(kind: str, row_id: int, name: str, memo: str, coder: str | None) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row.update(kind=kind, id=row_id, name=name, memo=memo, coder=coder)
    return row


def _filled(column: Any) -> Any:
    """A memo that says something (not NULL, not only blanks)."""
    return func.length(func.trim(func.coalesce(column, ""))) > 0


def _rows(store: Store, kind: str, paths: dict[int, str]) -> list[dict[str, Any]]:
    if kind == "project":
        memo = store.get_meta("memo")
        title = store.get_meta("title") or store.name
        return [_blank("project", 0, title, memo, None)] if memo and memo.strip() else []
    if kind == "document":
        d = m.documents.c
        query = (
            select(d.id, d.name, d.memo, m.cases.c.name)
            .join(m.cases, m.cases.c.id == d.case_id)
            .where(_filled(d.memo))
            .order_by(d.name, d.id)
        )
        found = []
        for row_id, name, memo, case in store.rows(query):
            row = _blank("document", row_id, name, memo, None)
            row.update(document_id=row_id, document=name, respondent=case)
            found.append(row)
        return found
    if kind == "respondent":
        c = m.cases.c
        query = select(c.id, c.name, c.memo).where(_filled(c.memo))
        return [
            {**_blank("respondent", i, name, memo, None), "respondent": name}
            for i, name, memo in store.rows(query.order_by(c.name, c.id))
        ]
    if kind == "code":
        return []  # (made with the paths, in memo_table)
    if kind == "hypothesis":
        h = m.hypotheses.c
        query = select(h.id, h.label, h.statement, h.memo).where(_filled(h.memo))
        return [
            _blank("hypothesis", i, f"{label} — {statement}" if statement else label, memo, None)
            for i, label, statement, memo in store.rows(query.order_by(h.position, h.id))
        ]
    s, d = m.segments.c, m.documents.c
    # The passage only, cut in SQL (in code points on both databases), not whole texts.
    text = m.document_texts.c.text
    passage = func.substr(text, s.start_offset + 1, s.end_offset - s.start_offset)
    columns = (s.id, s.memo, m.coders.c.name, s.document_id, d.name, m.cases.c.name, s.code_id,
               s.start_offset, s.end_offset, passage, s.width)  # fmt: skip
    query = (
        select(*columns)
        .join(m.documents, m.documents.c.id == s.document_id)
        .join(m.cases, m.cases.c.id == d.case_id)
        .join(m.document_texts, m.document_texts.c.document_id == s.document_id)
        .outerjoin(m.coders, m.coders.c.id == s.coder_id)
        .where(_filled(s.memo))
        .order_by(d.name, s.start_offset, s.end_offset, s.id)
    )
    found = []
    for i, memo, coder, document_id, document, case, code_id, start, end, text, width in store.rows(
        query
    ):
        row = _blank("segment", i, paths.get(code_id, ""), memo, coder)
        row.update(
            document_id=document_id, document=document, respondent=case, code_id=code_id,
            code=paths.get(code_id, ""), start=start, end=end,
            text=text if width is None else "",  # an image region quotes no text
        )  # fmt: skip
        found.append(row)
    return found


def memo_table(
    store: Store,
    kinds: str | Iterable[str] | None = None,
    search: str | None = None,
    coder: str | None = None,
    document: int | None = None,
) -> pd.DataFrame:
    """Every non-empty memo (see ``Project.memos``)."""
    import pandas as pd

    wanted = check_kinds(kinds)
    c = m.codes.c
    codes = store.rows(select(c.id, c.name, c.parent_id, c.memo, c.author).order_by(c.id))
    paths = code_paths((r[0], r[1], r[2]) for r in codes)
    rows: list[dict[str, Any]] = []
    for kind in wanted:
        if kind == "code":
            rows += [
                {**_blank("code", i, paths[i], memo, author), "code_id": i, "code": paths[i]}
                for i, _name, _parent, memo, author in sorted(codes, key=lambda r: paths[r[0]])
                if memo and memo.strip()
            ]
        else:
            rows += _rows(store, kind, paths)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    if document is not None:
        frame = frame[frame["document_id"] == document]
    if coder is not None:
        frame = frame[frame["coder"] == coder]
    if search:
        needle = fold(search.strip())
        # What the manager's search box reads too: the memo and what it belongs to (a
        # segment's code, document and respondent; a document's respondent).
        haystack = frame["memo"].fillna("")
        for column in ("name", "code", "document", "respondent"):
            haystack = haystack + "\n" + frame[column].fillna("").astype(str)
        haystack = haystack.map(fold)
        frame = frame[haystack.str.contains(needle, regex=False)]
    for column in ("id", "document_id", "code_id", "start", "end"):
        frame[column] = frame[column].astype("Int64")
    for column in ("name", "memo", "coder", "document", "respondent", "code", "text"):
        # None, not NaN, for what a kind does not have: readable and falsy alike.
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame.reset_index(drop=True)
