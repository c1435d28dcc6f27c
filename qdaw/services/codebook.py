"""Codes (a hierarchy) and hypotheses, with their links."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, select

from qdaw import resources
from qdaw.core import models as m
from qdaw.core.entities import Code, Hypothesis, Owner
from qdaw.core.journal import Journal
from qdaw.core.names import (
    CODE,
    CODER,
    HYPOTHESIS,
    PATH_SEPARATOR,
    check_name,
    check_optional_name,
    check_text,
)
from qdaw.core.operations import op
from qdaw.core.store import Store
from qdaw.core.tree import subtree_query
from qdaw.errors import ConflictError, NotFoundError
from qdaw.services.coding import Coding
from qdaw.services.service import Service

#: Colours given to new codes in turn (least used first): resources/palette.json, chosen
#: to stay distinguishable from one another, colour-vision deficiencies included.
PALETTE = tuple(resources.palette())
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _check_color(color: str) -> str:
    if not _COLOR.match(color):
        raise ConflictError(f"colour {color!r} is not of the form #rrggbb")
    return color.lower()


class Codebook(Service):
    def __init__(self, store: Store, owner: Owner, coding: Coding) -> None:
        super().__init__(store, owner)
        self.coding = coding  # memos of imported codes

    # -- reading ------------------------------------------------------------------
    def codes(
        self,
        parent: Code | int | str | None = None,
        hypothesis: Hypothesis | int | str | None = None,
    ) -> list[Code]:
        """All codes in codebook order (depth first), or a parent's children, or a
        hypothesis' linked codes."""
        if hypothesis is not None:
            rows = self.store.rows(
                select(m.code_hypotheses.c.code_id)
                .join(m.codes, m.codes.c.id == m.code_hypotheses.c.code_id)
                .where(m.code_hypotheses.c.hypothesis_id == self.store.hypothesis_id(hypothesis))
            )
            linked = {r[0] for r in rows}
            return [c for c in self.codes() if c.id in linked]
        if parent is not None:
            rows = self.store.rows(
                select(m.codes.c.id)
                .where(m.codes.c.parent_id == self.store.code_id(parent))
                .order_by(m.codes.c.position, m.codes.c.id)
            )
            return [Code(self.owner, r[0]) for r in rows]
        return [Code(self.owner, code_id) for code_id in self.store.tree_order()]

    def code(self, name: str | int) -> Code:
        return Code(self.owner, self.store.code_id(name))

    def segment_count(self, code: Code | int | str) -> int:
        code_id = self.store.code_id(code)
        return int(
            self.store.scalar(select(func.count()).where(m.segments.c.code_id == code_id)) or 0
        )

    # -- changing codes -------------------------------------------------------------
    def _check_sibling_name(
        self, parent_id: int | None, name: str, exclude: int | None = None
    ) -> str:
        # Names read back (a move, a merge) are not checked again: validated on write.
        parent_cond = (
            m.codes.c.parent_id.is_(None) if parent_id is None else m.codes.c.parent_id == parent_id
        )
        query = select(m.codes.c.id).where(parent_cond, m.codes.c.name == name)
        if exclude is not None:
            query = query.where(m.codes.c.id != exclude)
        if self.store.scalar(query) is not None:
            where = "at the top of the codebook" if parent_id is None else "under that parent"
            raise ConflictError(f"a code named {name!r} already exists {where}")
        return name

    def _next_color(self) -> str:
        used = dict(
            self.store.rows(select(m.codes.c.color, func.count()).group_by(m.codes.c.color))
        )
        return min(PALETTE, key=lambda c: (used.get(c, 0), PALETTE.index(c)))

    def _next_position(self, journal: Journal, parent_id: int | None) -> int:
        parent_cond = (
            m.codes.c.parent_id.is_(None) if parent_id is None else m.codes.c.parent_id == parent_id
        )
        top = journal.conn.execute(select(func.max(m.codes.c.position)).where(parent_cond)).scalar()
        return 0 if top is None else int(top) + 1

    def add_code(
        self,
        name: str,
        parent: Code | int | str | None = None,
        color: str | None = None,
        description: str | None = None,
        author: str | None = None,
    ) -> Code:
        color = _check_color(color) if color else None
        name = check_name(name, CODE)
        description = check_text(description, "Description")
        author = check_optional_name(author, CODER)
        with self.store.writing(op("add_code", name=name)) as journal:
            # Inside the transaction: a writer who just added the same name is seen.
            parent_id = None if parent is None else self.store.code_id(parent)
            name = self._check_sibling_name(parent_id, name)
            code_id = journal.insert(
                m.codes,
                {
                    "name": name,
                    "description": description,
                    "color": color or self._next_color(),
                    "parent_id": parent_id,
                    "position": self._next_position(journal, parent_id),
                    "author": author or self.store.coder,
                    "created_at": m.utcnow(),
                    "memo": None,
                },
            )
        assert code_id is not None
        return Code(self.owner, code_id)

    def code_or_new(self, name: str, author: str | None = None) -> tuple[Code, bool]:
        """The code so named (a name or a "Category/Name" path), or a new emergent one,
        created with any category of its path that is missing, as one step.
        Returns (code, created). Two writers asking for the same new name at once get
        the same code."""
        try:
            return self.code(name), False
        except NotFoundError:
            pass
        parts = [check_name(part, CODE) for part in name.split(PATH_SEPARATOR) if part.strip()]
        if not parts:
            check_name(name, CODE)  # blank: says so
        parent: int | None = None
        with self.store.batch(op("add_code", name=parts[-1])):
            try:  # again, as a writer: another one may have created it meanwhile
                return self.code(name), False
            except NotFoundError:
                pass
            for depth, part in enumerate(parts, start=1):
                # A path starts at the top: its category is not a same-named sub-code.
                found = self.store.code_by_path(parts[:depth])
                parent = (
                    found
                    if found is not None
                    else self.add_code(part, parent=parent, author=author).id
                )
        assert parent is not None
        return Code(self.owner, parent), True

    def _code_name(self, code: Code | int | str) -> str:
        return str(self.store.value(m.codes, self.store.code_id(code), "name"))

    def rename_code(self, code: Code | int | str, new_name: str) -> None:
        new_name = check_name(new_name, CODE)
        with self.store.writing(op("rename_code", name=new_name)) as journal:
            code_id = self.store.code_id(code)
            parent_id = self.store.value(m.codes, code_id, "parent_id")
            new_name = self._check_sibling_name(parent_id, new_name, exclude=code_id)
            journal.update(m.codes, {"id": code_id}, {"name": new_name})

    def recolor_code(self, code: Code | int | str, color: str) -> None:
        color = _check_color(color)
        with self.store.writing(lambda: op("recolour_code", name=self._code_name(code))) as journal:
            journal.update(m.codes, {"id": self.store.code_id(code)}, {"color": color})

    def describe_code(self, code: Code | int | str, description: str | None) -> None:
        description = check_text(description, "Description")
        with self.store.writing(lambda: op("describe_code", name=self._code_name(code))) as journal:
            journal.update(
                m.codes, {"id": self.store.code_id(code)}, {"description": description or None}
            )

    def move_code(
        self,
        code: Code | int | str,
        parent: Code | int | str | None = None,
        position: int | None = None,
    ) -> None:
        """Put a code under ``parent`` (None: top level) at ``position`` among its siblings."""
        with self.store.writing(lambda: op("move_code", name=self._code_name(code))) as journal:
            code_id = self.store.code_id(code)
            parent_id = None if parent is None else self.store.code_id(parent)
            if parent_id is not None:
                subtree = {r[0] for r in self.store.rows(select(subtree_query(code_id).c.id))}
                if parent_id in subtree:
                    raise ConflictError("a code cannot be moved under itself or its own sub-codes")
            self._check_sibling_name(parent_id, self._code_name(code_id), exclude=code_id)
            parent_cond = (
                m.codes.c.parent_id.is_(None)
                if parent_id is None
                else m.codes.c.parent_id == parent_id
            )
            siblings = [
                r[0]
                for r in journal.conn.execute(
                    select(m.codes.c.id)
                    .where(parent_cond, m.codes.c.id != code_id)
                    .order_by(m.codes.c.position, m.codes.c.id)
                )
            ]
            index = len(siblings) if position is None else max(0, min(position, len(siblings)))
            siblings.insert(index, code_id)
            journal.update(m.codes, {"id": code_id}, {"parent_id": parent_id})
            for new_position, sibling_id in enumerate(siblings):
                journal.update(m.codes, {"id": sibling_id}, {"position": new_position})

    def delete_code(self, code: Code | int | str) -> int:
        """Delete a code, its sub-codes, their segments and links. Returns segments removed."""
        with self.store.writing(lambda: op("delete_code", name=self._code_name(code))) as journal:
            tree = subtree_query(self.store.code_id(code))
            ids = select(tree.c.id)
            removed = journal.delete_where(m.segments, m.segments.c.code_id.in_(ids))
            journal.delete_where(m.code_hypotheses, m.code_hypotheses.c.code_id.in_(ids))
            journal.delete_where(m.set_codes, m.set_codes.c.code_id.in_(ids))
            # Deepest first, so undo (which replays in reverse) restores parents first.
            depth = {r[0]: r[1] for r in journal.conn.execute(select(tree.c.id, tree.c.depth))}
            for code_depth in sorted(set(depth.values()), reverse=True):
                level = [i for i, d in depth.items() if d == code_depth]
                journal.delete_where(m.codes, m.codes.c.id.in_(level))
        return removed

    def merge_codes(self, source: Code | int | str, target: Code | int | str) -> None:
        """Fold ``source`` into ``target``: its segments, sub-codes and hypothesis links
        move over (a segment the target already has on the same span is dropped)."""
        label = lambda: op(  # noqa: E731
            "merge_codes", name=self._code_name(source), target=self._code_name(target)
        )
        with self.store.writing(label) as journal:
            source_id, target_id = self.store.code_id(source), self.store.code_id(target)
            self._check_merge(source_id, target_id)
            self._merge(journal, source_id, target_id)

    def _check_merge(self, source_id: int, target_id: int) -> None:
        if source_id == target_id:
            raise ConflictError("a code cannot be merged into itself")
        if target_id in {r[0] for r in self.store.rows(select(subtree_query(source_id).c.id))}:
            raise ConflictError("a code cannot be merged into one of its own sub-codes")
        for child in self.codes(parent=source_id):
            self._check_sibling_name(target_id, child.name)

    def _merge(self, journal: Journal, source_id: int, target_id: int) -> None:
        s, t = m.segments.alias("s"), m.segments.alias("t")
        duplicates = (
            select(s.c.id)
            .join(
                t,
                and_(
                    t.c.code_id == target_id,
                    t.c.document_id == s.c.document_id,
                    t.c.start_offset == s.c.start_offset,
                    t.c.end_offset == s.c.end_offset,
                ),
            )
            .where(s.c.code_id == source_id)
        )
        duplicate_ids = [r[0] for r in journal.conn.execute(duplicates)]
        journal.delete_where(m.segments, m.segments.c.id.in_(duplicate_ids))
        journal.update_where(m.segments, m.segments.c.code_id == source_id, {"code_id": target_id})
        position = self._next_position(journal, target_id)
        for offset, child in enumerate(self.codes(parent=source_id)):
            journal.update(
                m.codes,
                {"id": child.id},
                {"parent_id": target_id, "position": position + offset},
            )
        target_links = select(m.code_hypotheses.c.hypothesis_id).where(
            m.code_hypotheses.c.code_id == target_id
        )
        for (hypothesis_id,) in journal.conn.execute(
            select(m.code_hypotheses.c.hypothesis_id).where(
                m.code_hypotheses.c.code_id == source_id,
                m.code_hypotheses.c.hypothesis_id.not_in(target_links),
            )
        ).all():
            journal.insert(
                m.code_hypotheses, {"code_id": target_id, "hypothesis_id": hypothesis_id}
            )
        journal.delete_where(m.code_hypotheses, m.code_hypotheses.c.code_id == source_id)
        # The target joins the source's sets.
        target_sets = select(m.set_codes.c.set_id).where(m.set_codes.c.code_id == target_id)
        for (set_id,) in journal.conn.execute(
            select(m.set_codes.c.set_id).where(
                m.set_codes.c.code_id == source_id, m.set_codes.c.set_id.not_in(target_sets)
            )
        ).all():
            journal.insert(m.set_codes, {"set_id": set_id, "code_id": target_id})
        journal.delete_where(m.set_codes, m.set_codes.c.code_id == source_id)
        journal.delete(m.codes, {"id": source_id})

    # -- hypotheses -------------------------------------------------------------------
    def hypotheses(self, code: Code | int | str | None = None) -> list[Hypothesis]:
        query = select(m.hypotheses.c.id).order_by(m.hypotheses.c.position, m.hypotheses.c.id)
        if code is not None:
            query = query.join(
                m.code_hypotheses, m.code_hypotheses.c.hypothesis_id == m.hypotheses.c.id
            ).where(m.code_hypotheses.c.code_id == self.store.code_id(code))
        return [Hypothesis(self.owner, r[0]) for r in self.store.rows(query)]

    def hypothesis(self, label: str | int) -> Hypothesis:
        return Hypothesis(self.owner, self.store.hypothesis_id(label))

    def add_hypothesis(
        self, label: str, statement: str = "", description: str | None = None
    ) -> Hypothesis:
        label = check_name(label, HYPOTHESIS)
        statement = check_text(statement, "Statement") or ""
        description = check_text(description, "Description")
        with self.store.writing(op("add_hypothesis", label=label)) as journal:
            taken = select(m.hypotheses.c.id).where(m.hypotheses.c.label == label)
            if self.store.scalar(taken) is not None:
                raise ConflictError(f"a hypothesis labelled {label!r} already exists")
            top = journal.conn.execute(select(func.max(m.hypotheses.c.position))).scalar()
            hypothesis_id = journal.insert(
                m.hypotheses,
                {
                    "label": label,
                    "statement": statement,
                    "description": description,
                    "position": 0 if top is None else int(top) + 1,
                    "memo": None,
                },
            )
        assert hypothesis_id is not None
        return Hypothesis(self.owner, hypothesis_id)

    def edit_hypothesis(
        self,
        hypothesis: Hypothesis | int | str,
        label: str | None = None,
        statement: str | None = None,
        description: str | None = None,
    ) -> None:
        label = None if label is None else check_name(label, HYPOTHESIS)
        statement = check_text(statement, "Statement")
        description = check_text(description, "Description")
        with self.store.writing(
            lambda: op("edit_hypothesis", label=self._hypothesis_label(hypothesis))
        ) as journal:
            hypothesis_id = self.store.hypothesis_id(hypothesis)
            values: dict[str, Any] = {}
            if label is not None:
                clash = select(m.hypotheses.c.id).where(
                    m.hypotheses.c.label == label, m.hypotheses.c.id != hypothesis_id
                )
                if self.store.scalar(clash) is not None:
                    raise ConflictError(f"a hypothesis labelled {label!r} already exists")
                values["label"] = label
            if statement is not None:
                values["statement"] = statement
            if description is not None:
                values["description"] = description or None
            journal.update(m.hypotheses, {"id": hypothesis_id}, values)

    def delete_hypothesis(self, hypothesis: Hypothesis | int | str) -> None:
        with self.store.writing(
            lambda: op("delete_hypothesis", label=self._hypothesis_label(hypothesis))
        ) as journal:
            hypothesis_id = self.store.hypothesis_id(hypothesis)
            journal.delete_where(
                m.code_hypotheses, m.code_hypotheses.c.hypothesis_id == hypothesis_id
            )
            journal.delete(m.hypotheses, {"id": hypothesis_id})

    def _hypothesis_label(self, hypothesis: Hypothesis | int | str) -> str:
        return str(self.store.value(m.hypotheses, self.store.hypothesis_id(hypothesis), "label"))

    def link_code(self, code: Code | int | str, hypothesis: Hypothesis | int | str) -> None:
        label = lambda: op(  # noqa: E731
            "link_code", name=self._code_name(code), label=self._hypothesis_label(hypothesis)
        )
        with self.store.writing(label) as journal:
            code_id, hypothesis_id = self.store.code_id(code), self.store.hypothesis_id(hypothesis)
            exists = select(m.code_hypotheses.c.code_id).where(
                m.code_hypotheses.c.code_id == code_id,
                m.code_hypotheses.c.hypothesis_id == hypothesis_id,
            )
            if self.store.scalar(exists) is None:  # linked already: nothing to do
                journal.insert(
                    m.code_hypotheses, {"code_id": code_id, "hypothesis_id": hypothesis_id}
                )

    def unlink_code(self, code: Code | int | str, hypothesis: Hypothesis | int | str) -> None:
        label = lambda: op(  # noqa: E731
            "unlink_code", name=self._code_name(code), label=self._hypothesis_label(hypothesis)
        )
        with self.store.writing(label) as journal:
            code_id, hypothesis_id = self.store.code_id(code), self.store.hypothesis_id(hypothesis)
            journal.delete(m.code_hypotheses, {"code_id": code_id, "hypothesis_id": hypothesis_id})

    def import_codebook(self, path: str | Path) -> int:
        """Create codes from a CSV/XLSX codebook (name, parent, description, color,
        hypotheses, memo) in one undoable step; returns the number of codes created."""
        from qdaw.services.codebook_import import import_codebook

        return import_codebook(self, self.coding, path)
