"""Document sets and code sets (MAXQDA's sets, ATLAS.ti's groups, NVivo's sets).

A set is named and holds documents or codes; its name filters every analysis
(``documents="Vague 1"``, ``codes="Outils"``, see qdaw.analysis.scope.members).
Deleting a document or a code takes it out of its sets, in the same undo step.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, select

from qdaw.core import models as m
from qdaw.core.journal import Journal
from qdaw.core.names import NameKind, check_name
from qdaw.core.operations import op
from qdaw.errors import ConflictError, NotFoundError
from qdaw.services.service import Service

SET = NameKind("Set name", "a set", 255)
KINDS = ("document", "code")


@dataclass(frozen=True)
class SetInfo:
    """A set: its name, kind ("document" or "code") and its members' names (codes by
    path), in document order or codebook order."""

    id: int
    name: str
    kind: str
    members: list[str]


def _link(kind: str) -> tuple[Table, str]:
    if kind == "document":
        return m.set_documents, "document_id"
    return m.set_codes, "code_id"


class Sets(Service):
    def sets(self, kind: str | None = None) -> list[SetInfo]:
        """Every set (or those of one kind), by name."""
        query = select(m.sets.c.id, m.sets.c.name, m.sets.c.kind).order_by(m.sets.c.name)
        if kind is not None:
            query = query.where(m.sets.c.kind == _kind(kind))
        return [
            SetInfo(int(i), str(n), str(k), self._member_names(int(i), str(k)))
            for i, n, k in self.store.rows(query)
        ]

    def set(self, name: str) -> SetInfo:
        set_id, kind = self._find(name)
        return SetInfo(set_id, self.store.value(m.sets, set_id, "name"), kind,
                       self._member_names(set_id, kind))  # fmt: skip

    def _member_names(self, set_id: int, kind: str) -> list[str]:
        link, column = _link(kind)
        ids = {r[0] for r in self.store.rows(select(link.c[column]).where(link.c.set_id == set_id))}
        if kind == "document":
            rows = self.store.rows(
                select(m.documents.c.name)
                .where(m.documents.c.id.in_(ids))
                .order_by(m.documents.c.id)
            )
            return [str(r[0]) for r in rows]
        rows = self.store.rows(select(m.codes.c.id, m.codes.c.name, m.codes.c.parent_id))
        names = {r[0]: (str(r[1]), r[2]) for r in rows}

        def path(code_id: int) -> str:
            name, parent = names[code_id]
            return name if parent is None else f"{path(parent)}/{name}"

        return [path(i) for i in self.store.tree_order() if i in ids]

    def _find(self, name: str) -> tuple[int, str]:
        row = self.store.rows(
            select(m.sets.c.id, m.sets.c.kind).where(m.sets.c.name == str(name).strip())
        )
        if not row:
            known = ", ".join(s.name for s in self.sets()) or "none yet"
            raise NotFoundError(f"no set named {name!r} (sets: {known})")
        return int(row[0][0]), str(row[0][1])

    def _member_ids(self, kind: str, members: Iterable[Any]) -> list[int]:
        if isinstance(members, str) or not isinstance(members, Iterable):
            members = [members]
        resolve = self.store.document_id if kind == "document" else self.store.code_id
        return list(dict.fromkeys(resolve(member) for member in members))

    def add_set(self, name: str, kind: str = "document", members: Iterable[Any] = ()) -> SetInfo:
        """A new set of documents (``kind="document"``) or codes (``"code"``), with its
        first members (names, code paths, handles or ids)."""
        name, kind = check_name(name, SET), _kind(kind)
        with self.store.writing(op("add_set", name=name)) as journal:
            if self.store.scalar(select(m.sets.c.id).where(m.sets.c.name == name)) is not None:
                raise ConflictError(f"a set named {name!r} already exists")
            set_id = journal.insert(m.sets, {"name": name, "kind": kind})
            assert set_id is not None
            self._add(journal, set_id, kind, self._member_ids(kind, members))
        return self.set(name)

    def _add(self, journal: Journal, set_id: int, kind: str, ids: list[int]) -> int:
        link, column = _link(kind)
        held = {r[0] for r in journal.conn.execute(
            select(link.c[column]).where(link.c.set_id == set_id))}  # fmt: skip
        new = [i for i in ids if i not in held]
        for member_id in new:
            journal.insert(link, {"set_id": set_id, column: member_id})
        return len(new)

    def add_to_set(self, name: str, members: Iterable[Any]) -> int:
        """Put documents or codes in a set (those already in it stay as they are);
        returns how many were added."""
        with self.store.writing(op("add_to_set", name=name)) as journal:
            set_id, kind = self._find(name)
            return self._add(journal, set_id, kind, self._member_ids(kind, members))

    def remove_from_set(self, name: str, members: Iterable[Any]) -> int:
        """Take documents or codes out of a set; returns how many were in it."""
        with self.store.writing(op("remove_from_set", name=name)) as journal:
            set_id, kind = self._find(name)
            link, column = _link(kind)
            ids = self._member_ids(kind, members)
            return journal.delete_where(link, (link.c.set_id == set_id) & link.c[column].in_(ids))

    def delete_set(self, name: str) -> None:
        """Delete a set (its documents and codes stay)."""
        with self.store.writing(op("delete_set", name=name)) as journal:
            set_id, kind = self._find(name)
            link, _ = _link(kind)
            journal.delete_where(link, link.c.set_id == set_id)
            journal.delete(m.sets, {"id": set_id})


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise ConflictError(f"a set holds documents or codes: kind document or code, not {kind!r}")
    return kind
