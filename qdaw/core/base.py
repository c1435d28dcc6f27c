"""The plumbing every part of the Project facade shares.

Every change runs inside ``_writing(label)``: one transaction and one undo step. Calls
made inside ``Project.batch`` join the batch's transaction instead of opening their own.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, select

from qdaw.core import models as m
from qdaw.core.entities import Case, Code, Document, Hypothesis, Segment
from qdaw.core.errors import ConflictError, NotFoundError, NothingToUndo
from qdaw.core.journal import History, Journal, Operation, replay, revert


@dataclass(frozen=True)
class ChangeEvent:
    """Sent to listeners after each committed change, undo or redo."""

    label: str
    action: str  # "do" | "undo" | "redo"
    tables: frozenset[str]


Listener = Callable[[ChangeEvent], None]


class ProjectBase:
    engine: Engine
    location: str
    path: Path | None

    def __init__(self, engine: Engine, location: str, path: Path | None) -> None:
        self.engine = engine
        self.location = location
        self.path = path
        self.history = History()
        self._journal: Journal | None = None
        self._listeners: list[Listener] = []
        self._cache: dict[Any, Any] = {}
        self.backup_path: Path | None = None

    # -- transactions -------------------------------------------------------------
    @contextmanager
    def _writing(self, label: str) -> Iterator[Journal]:
        if self._journal is not None:  # inside a batch: join it
            yield self._journal
            return
        operation = Operation(label)
        try:
            with self.engine.begin() as conn:
                self._journal = Journal(conn, operation, on_delete=self._cache.clear)
                yield self._journal
        except BaseException:
            self._cache.clear()  # ids created in the rolled-back transaction are gone
            raise
        finally:
            self._journal = None
        self.history.push(operation)
        self._notify(operation, "do")

    @contextmanager
    def batch(self, label: str) -> Iterator[None]:
        """Many edits, one transaction, one undo step. Nothing is stored if it raises."""
        with self._writing(label):
            yield

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        if self._journal is not None:
            yield self._journal.conn
            return
        with self.engine.connect() as conn:
            yield conn

    def _rows(self, statement: Any) -> list[Any]:
        with self._reading() as conn:
            return list(conn.execute(statement).all())  # fetchall: one call, not one per row

    def _scalar(self, statement: Any) -> Any:
        with self._reading() as conn:
            return conn.execute(statement).scalar()

    # -- undo / redo --------------------------------------------------------------
    def undo(self) -> str:
        """Undo the last operation; returns its label."""
        return self._step(self.history.undo_stack, self.history.redo_stack, revert, "undo")

    def redo(self) -> str:
        """Redo the last undone operation; returns its label."""
        return self._step(self.history.redo_stack, self.history.undo_stack, replay, "redo")

    def _step(
        self,
        source: list[Operation],
        target: list[Operation],
        apply: Callable[[Connection, Operation], None],
        action: str,
    ) -> str:
        if self._journal is not None:
            raise ConflictError("cannot undo or redo inside a batch")
        if not source:
            raise NothingToUndo(f"nothing to {action}")
        operation = source.pop()
        try:
            with self.engine.begin() as conn:
                apply(conn, operation)
        except Exception:
            source.append(operation)
            raise
        finally:
            self._cache.clear()
        target.append(operation)
        self._notify(operation, action)
        return operation.label

    @property
    def undo_label(self) -> str | None:
        return self.history.undo_label

    @property
    def redo_label(self) -> str | None:
        return self.history.redo_label

    # -- notifications ------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` after every committed change; returns an unsubscribe function."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _notify(self, operation: Operation, action: str) -> None:
        event = ChangeEvent(
            operation.label, action, frozenset(c.table.name for c in operation.changes)
        )
        for listener in list(self._listeners):
            listener(event)

    # -- lookups ------------------------------------------------------------------
    def _value(self, table: Table, row_id: int, column: str) -> Any:
        row = self._rows(select(table.c[column]).where(table.c.id == row_id))
        if not row:
            raise NotFoundError(f"{table.name[:-1]} #{row_id} no longer exists")
        return row[0][0]

    def _id_by(self, table: Table, column: str, value: str, kind: str) -> int:
        found = self._scalar(select(table.c.id).where(table.c[column] == value))
        if found is None:
            raise NotFoundError(f"no {kind} named {value!r}")
        return int(found)

    def _ensure(self, table: Table, row_id: int, kind: str) -> int:
        # Remembered until anything is deleted, rolled back, undone or redone.
        key = ("exists", table.name, row_id)
        if key not in self._cache:
            if self._scalar(select(table.c.id).where(table.c.id == row_id)) is None:
                raise NotFoundError(f"no {kind} #{row_id}")
            self._cache[key] = True
        return row_id

    def _document_id(self, document: Document | int | str) -> int:
        if isinstance(document, Document):
            return document.id
        if isinstance(document, int):
            return self._ensure(m.documents, document, "document")
        return self._id_by(m.documents, "name", document, "document")

    def _case_id(self, case: Case | int | str) -> int:
        if isinstance(case, Case):
            return case.id
        if isinstance(case, int):
            return self._ensure(m.cases, case, "case")
        return self._id_by(m.cases, "name", case, "case")

    def _hypothesis_id(self, hypothesis: Hypothesis | int | str) -> int:
        if isinstance(hypothesis, Hypothesis):
            return hypothesis.id
        if isinstance(hypothesis, int):
            return self._ensure(m.hypotheses, hypothesis, "hypothesis")
        return self._id_by(m.hypotheses, "label", hypothesis, "hypothesis")

    def _segment_id(self, segment: Segment | int) -> int:
        if isinstance(segment, Segment):
            return segment.id
        return self._ensure(m.segments, segment, "segment")

    def _code_id(self, code: Code | int | str) -> int:
        """A code by handle, id, unique name, or path ("Parent/Child")."""
        if isinstance(code, Code):
            return code.id
        if isinstance(code, int):
            return self._ensure(m.codes, code, "code")
        rows = self._rows(select(m.codes.c.id).where(m.codes.c.name == code))
        if len(rows) == 1:
            return int(rows[0][0])
        if len(rows) > 1:
            raise ConflictError(f"several codes are named {code!r}; give the path (Parent/Child)")
        if "/" in code:
            parent_id: int | None = None
            for part in code.split("/"):
                parent_cond = (
                    m.codes.c.parent_id.is_(None)
                    if parent_id is None
                    else m.codes.c.parent_id == parent_id
                )
                found = self._scalar(
                    select(m.codes.c.id).where(parent_cond, m.codes.c.name == part.strip())
                )
                if found is None:
                    break
                parent_id = int(found)
            else:
                assert parent_id is not None
                return parent_id
        raise NotFoundError(f"no code named {code!r}")

    def _coder_id(self, journal: Journal, coder: str | None) -> int:
        name = coder or self.default_coder
        key = ("coder", name)
        if key not in self._cache:
            found = journal.conn.execute(
                select(m.coders.c.id).where(m.coders.c.name == name)
            ).scalar()
            self._cache[key] = (
                int(found) if found is not None else journal.insert(m.coders, {"name": name})
            )
        return int(self._cache[key])

    @property
    def default_coder(self) -> str:
        return self.get_meta("default_coder") or getpass.getuser() or "coder"

    def get_meta(self, key: str) -> str | None:
        value = self._scalar(select(m.meta.c.value).where(m.meta.c.key == key))
        return None if value is None else str(value)

    def _set_meta(self, journal: Journal, key: str, value: str | None) -> None:
        if not journal.update(m.meta, {"key": key}, {"value": value}):
            journal.insert(m.meta, {"key": key, "value": value})
