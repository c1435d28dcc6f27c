"""Undo and redo, per coder, checked against what others wrote since.

Undo and redo take this project's coder's own latest step from the operations log (so
the history survives closing the project, per coder) and apply it only if nothing
written since depends on what it would change (qdaw.core.conflicts); otherwise a
ConflictError names the later step and its author:
"Cannot undo 'Rename code to Y': 'Rename code to Z' by Ben changed it since".
"""

from __future__ import annotations

import sqlite3
from typing import Literal

from sqlalchemy import Connection
from sqlalchemy import exc as sa_exc

from qdaw.core import conflicts, oplog
from qdaw.core.dberrors import DB_ERRORS, is_transient, translate
from qdaw.core.journal import Operation, replay, revert
from qdaw.core.operations import Op
from qdaw.core.writing import ATTEMPTS, Writer
from qdaw.errors import ConflictError, NothingToUndo


class History:
    """The coder's undo and redo stacks as the log holds them, top last."""

    def __init__(self, writer: Writer) -> None:
        self._writer = writer

    @property
    def undo_stack(self) -> list[oplog.StepRecord]:
        return self._writer._read_log(lambda c: oplog.stack(c, self._writer.coder, oplog.DONE))

    @property
    def redo_stack(self) -> list[oplog.StepRecord]:
        return self._writer._read_log(lambda c: oplog.stack(c, self._writer.coder, oplog.UNDONE))


class Undoing(Writer):
    @property
    def history(self) -> History:
        """This coder's undo and redo stacks, read from the log."""
        return History(self)

    # -- undo / redo --------------------------------------------------------------
    def undo(self) -> str:
        """Undo this coder's last step (if nothing written since depends on it);
        returns its label."""
        return self._step("undo")

    def redo(self) -> str:
        """Redo this coder's last undone step; returns its label."""
        return self._step("redo")

    def _step(self, action: Literal["undo", "redo"]) -> str:
        if self._journal is not None:
            raise ConflictError("cannot undo or redo inside a batch")
        state = oplog.DONE if action == "undo" else oplog.UNDONE
        if self._read_log(lambda c: oplog.top(c, self.coder, state)) is None:
            raise NothingToUndo(f"nothing to {action}")
        for attempt in range(ATTEMPTS):
            try:
                with self._transaction() as conn:
                    operation, revision = self._apply_step(conn, action)
            except DB_ERRORS as exc:
                if attempt + 1 < ATTEMPTS and is_transient(exc):
                    continue
                raise translate(exc, self.shown) from exc
            finally:
                self._cache.clear()
            self._notify(operation, action, self._committed(revision))
            return operation.label
        raise AssertionError("unreachable")

    def _apply_step(
        self, conn: Connection, action: Literal["undo", "redo"]
    ) -> tuple[Operation, int]:
        state = oplog.DONE if action == "undo" else oplog.UNDONE
        record = oplog.top(conn, self.coder, state)
        if record is None:
            raise NothingToUndo(f"nothing to {action}")
        operation = self._steps.get(record.id)
        if operation is None:
            operation = Operation(record.label, oplog.load_changes(conn, record.id), record.op)
            self._keep(record.id, operation)
        # Nothing written since this step's last revision: no one can depend on it.
        alone = oplog.last_written_by(conn, record.id)
        verdict = conflicts.Verdict() if alone else conflicts.check(conn, operation, action)
        if verdict.blocker is not None:
            raise ConflictError(self._refusal(conn, record, action, verdict.blocker))
        if conflicts.keep_derived(operation, verdict, action):
            oplog.save_changes(conn, record.id, operation.changes)
        try:
            (revert if action == "undo" else replay)(conn, operation)
        except (sa_exc.IntegrityError, sqlite3.IntegrityError) as exc:
            raise ConflictError(
                f"Cannot {action} '{record.label}': a later change took a name or an entry "
                f"it would restore ({translate(exc, self.shown)})"
            ) from exc
        oplog.set_state(conn, record.id, oplog.UNDONE if action == "undo" else oplog.DONE)
        return operation, oplog.record_revision(conn, record.id, action)

    def _refusal(
        self,
        conn: Connection,
        record: oplog.StepRecord,
        action: str,
        blocker: conflicts.Blocker,
    ) -> str:
        later = oplog.blame(conn, record.id, blocker.table, blocker.key)
        what = {
            "changed": "changed it since",
            "depends": "depends on it",
            "missing": "removed what it needs",
            "taken": "took that name since",
        }[blocker.reason]
        if later is None:
            return f"Cannot {action} '{record.label}': another writer {what}"
        return f"Cannot {action} '{record.label}': '{later.label}' by {later.coder} {what}"

    @property
    def undo_label(self) -> str | None:
        top = self._read_log(lambda c: oplog.top(c, self.coder, oplog.DONE))
        return None if top is None else str(top.label)

    @property
    def undo_operation(self) -> Op | None:
        """What Undo would undo, as data (the workbench labels the menu from it)."""
        top = self._read_log(lambda c: oplog.top(c, self.coder, oplog.DONE))
        return None if top is None else top.op

    @property
    def redo_operation(self) -> Op | None:
        top = self._read_log(lambda c: oplog.top(c, self.coder, oplog.UNDONE))
        return None if top is None else top.op

    @property
    def redo_label(self) -> str | None:
        top = self._read_log(lambda c: oplog.top(c, self.coder, oplog.UNDONE))
        return None if top is None else str(top.label)
