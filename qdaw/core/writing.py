"""Write transactions, the steps they log, and undo/redo, for many writers at once.

Every change runs inside ``_writing(label)``: one transaction and one undo step.
Calls made inside ``Project.batch`` join the batch's transaction instead of opening
their own. A write transaction

1. starts as a writer: SQLite ``BEGIN IMMEDIATE``, PostgreSQL the project's advisory
   lock, so concurrent writers queue (within the busy timeout) instead of failing, and
   the checks a method makes inside its transaction still hold at commit;
2. reads the project revision: if another writer committed since this project last
   looked, cached lookups are dropped;
3. logs the step (coder, label, row images) and a new revision with the data, in the
   same commit.

Undo and redo (qdaw.core.undo) are write transactions too. Database errors become
QdawError subclasses (qdaw.core.dberrors); a writer that could not get the lock
retries a bounded number of times.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine

from qdaw.core import files, oplog, storage
from qdaw.core.dberrors import DB_ERRORS, is_transient, translate
from qdaw.core.journal import Change, Journal, Operation
from qdaw.core.operations import Area, Op, areas_of, as_op
from qdaw.errors import ConflictError, QdawError, ReadOnlyProject

#: Attempts at a transaction that found the project locked (each waits the busy timeout).
ATTEMPTS = 3
#: Seconds of writing between two checkpoints (writing the WAL into the project file).
CHECKPOINT_EVERY = 10.0
#: Steps whose row images stay in memory (undo reads older ones from the log).
KEPT_STEPS = 100
#: A step's name: an operation (kind and arguments), a plain label for a batch, or a
#: function giving either, called inside the transaction when it needs to read.
Label = str | Op | Callable[[], str | Op]


@dataclass(frozen=True)
class ChangeEvent:
    """Sent to listeners after each committed change, undo or redo, and returned by
    ``poll_changes`` for other writers' changes (``remote``; then ``label``, ``action``
    and ``coder`` are those of the newest one)."""

    label: str
    action: str  # "do" | "undo" | "redo"
    tables: frozenset[str]
    coder: str | None = None
    revision: int | None = None
    remote: bool = False
    op: Op | None = None  # the step as data; for another writer's, the newest
    #: The codes whose segments this step added, removed or recoded; None when that is
    #: not known (another writer's steps) or a segment changed document.
    codes: frozenset[int] | None = None

    @property
    def areas(self) -> frozenset[Area]:
        """What changed, for the panels that show it (from the tables written)."""
        return areas_of(self.tables)


Listener = Callable[[ChangeEvent], None]
#: Segment columns whose change leaves every count as it was.
_COUNT_NEUTRAL = frozenset({"id", "start_offset", "end_offset", "memo", "coder_id", "created_at",
                            "x", "y", "width", "height"})  # fmt: skip


def codes_touched(changes: Iterable[Change]) -> frozenset[int] | None:
    """The codes whose segment counts a step may have changed (see ChangeEvent.codes)."""
    codes: set[int] = set()
    for change in changes:
        if change.table.name != "segments":
            continue
        for row in (change.before, change.after):
            if row is None:
                continue
            if "code_id" in row:
                codes.add(int(row["code_id"]))
            elif change.kind == "update" and not set(row) <= _COUNT_NEUTRAL:
                return None  # moved to another document without its code in the row
    return frozenset(codes)


class Writer:
    engine: Engine
    location: str
    path: Path | None
    coder: str

    def __init__(
        self,
        engine: Engine,
        location: str,
        path: Path | None,
        busy_timeout: float = storage.BUSY_TIMEOUT,
        read_only: str | None = None,
    ) -> None:
        self.engine = engine
        #: Why nothing may be written (opened read-only, a file or folder that cannot
        #: be written), or None.
        self.read_only_reason = read_only
        #: The file or URL the project was opened from (a URL keeps its password, so
        #: worker threads can open their own connection); ``shown`` is the one to print.
        self.location = location
        self.shown = storage.shown(location)
        self.path = path
        self.busy_timeout = busy_timeout
        self._write_engine = engine.execution_options(**{storage.WRITE: True})
        self._journal: Journal | None = None
        self._listeners: list[Listener] = []
        self._cache: dict[Any, Any] = {}
        # Row images of steps made or loaded here, by id (saves decoding them again).
        self._steps: dict[int, Operation] = {}
        self._revision = self._read_log(oplog.current_revision)
        self._own_revisions: set[int] = set()
        self._polled = self._revision  # the newest revision poll_changes has seen
        self.backup_path: Path | None = None
        self._checkpointed = time.monotonic()

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    # -- transactions -------------------------------------------------------------
    @contextmanager
    def _transaction(self) -> Iterator[Connection]:
        """A write transaction that holds the project's write lock."""
        conn = self._begin()
        try:
            yield conn
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
        finally:
            conn.close()

    def _begin(self) -> Connection:
        if self.read_only_reason is not None:
            raise ReadOnlyProject(
                f"{self.shown} is read-only: {self.read_only_reason}; it can be read, "
                "analysed and exported, not changed"
            )
        for attempt in range(ATTEMPTS):
            conn = self._write_engine.connect()
            try:
                conn.begin()
                storage.lock_for_writing(conn, self.busy_timeout)
                revision = oplog.current_revision(conn)
            except DB_ERRORS as exc:
                conn.close()
                if attempt + 1 < ATTEMPTS and is_transient(exc):
                    time.sleep(0.05 * (attempt + 1))
                    continue
                raise
            if revision != self._revision:  # another writer committed: lookups may be stale
                self._cache.clear()
                self._revision = revision
            return conn
        raise AssertionError("unreachable")

    @contextmanager
    def _writing(self, label: Label) -> Iterator[Journal]:
        """One step: ``label`` names it (a function is called inside the transaction,
        when the label needs to read what the step changes)."""
        if self._journal is not None:  # inside a batch: join it
            yield self._journal
            return
        operation = Operation("")
        logged: tuple[int, int] | None = None
        try:
            with self._transaction() as conn:
                self._journal = Journal(conn, operation, on_delete=self._cache.clear)
                named = as_op(label() if callable(label) else label)
                operation.label, operation.op = named.label, named
                yield self._journal
                if operation.changes:
                    logged = self._log(conn, operation, oplog.DONE, "do")
        except DB_ERRORS as exc:
            self._cache.clear()  # ids created in the rolled-back transaction are gone
            raise translate(exc, self.shown) from exc
        except BaseException:
            self._cache.clear()
            raise
        finally:
            self._journal = None
        if logged is not None:  # committed
            step, revision = logged
            self._keep(step, operation)
            self._notify(operation, "do", self._committed(revision))

    @contextmanager
    def _deriving(self, label: str | Op, tables: Iterable[str]) -> Iterator[Journal]:
        """A write of derived data (the text index): logged and announced like a step
        but on nobody's undo stack. ``tables`` names what it writes besides the
        journal's rows."""
        if self._journal is not None:
            raise ConflictError("the text index cannot be rebuilt inside a batch")
        named = as_op(label)
        operation = Operation(named.label, op=named)
        written = frozenset(tables)
        try:
            with self._transaction() as conn:
                # Reads inside go through this transaction, as in a step.
                self._journal = Journal(conn, operation)
                yield self._journal
                _step, revision = self._log(conn, operation, oplog.DERIVED, "do", written)
        except DB_ERRORS as exc:
            self._cache.clear()
            raise translate(exc, self.shown) from exc
        finally:
            self._journal = None
        self._notify(operation, "do", self._committed(revision), written)

    def _log(
        self,
        conn: Connection,
        operation: Operation,
        state: str,
        action: str,
        tables: Iterable[str] = (),
    ) -> tuple[int, int]:
        """Log a step and its revision in the step's transaction: (step, revision)."""
        step = oplog.record(conn, operation, self.coder, state, tables)
        if state == oplog.DONE:
            oplog.drop_redo(conn, self.coder)  # a new step clears the redo stack
        return step, oplog.record_revision(conn, step, action)

    def _keep(self, step: int, operation: Operation) -> None:
        self._steps[step] = operation
        while len(self._steps) > KEPT_STEPS:  # the oldest are read from the log if needed
            del self._steps[next(iter(self._steps))]

    def _committed(self, revision: int) -> int:
        """After the commit: this project has seen its own revision (its cache holds)."""
        self._revision = revision
        self._own_revisions.add(revision)
        if time.monotonic() - self._checkpointed >= CHECKPOINT_EVERY:
            with contextlib.suppress(QdawError):  # (the commit stands; the next one retries)
                self.checkpoint("PASSIVE")
        return revision

    def checkpoint(self, mode: str = "TRUNCATE") -> bool:
        """Write an SQLite project's recent commits (kept in its ``-wal``) into the
        project file, so that the file alone holds them: done at close, every
        CHECKPOINT_EVERY seconds of writing (PASSIVE: never waits), and by the
        workbench when edits pause. True when every commit went in; nothing to do on
        PostgreSQL or read-only."""
        if self.engine.dialect.name != "sqlite" or self.read_only:
            return True
        self._checkpointed = time.monotonic()
        try:
            with self.engine.connect() as conn:
                raw: Any = conn.connection.driver_connection
                return files.checkpoint(raw, mode)
        except DB_ERRORS as exc:
            raise translate(exc, self.shown) from exc

    @contextmanager
    def batch(self, label: str | Op) -> Iterator[None]:
        """Many edits, one transaction, one undo step. Nothing is stored if it raises.
        ``label`` names the step: words of the script's own, or an operation."""
        with self._writing(label):
            yield

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        if self._journal is not None:
            yield self._journal.conn
            return
        try:
            with self.engine.connect() as conn:
                yield conn
        except DB_ERRORS as exc:
            raise translate(exc, self.shown) from exc

    def _rows(self, statement: Any) -> list[Any]:
        with self._reading() as conn:
            return list(conn.execute(statement).all())  # fetchall: one call, not one per row

    def _scalar(self, statement: Any) -> Any:
        with self._reading() as conn:
            return conn.execute(statement).scalar()

    def _read_log(self, read: Callable[[Connection], Any]) -> Any:
        with self._reading() as conn:
            return read(conn)

    # -- the store's public reading and writing, for analysis, nlp and export ----------
    # (the underscored names are the same functions, used inside the core)
    writing = _writing
    rows = _rows
    scalar = _scalar
    reading = _reading
    transaction = _transaction
    deriving = _deriving

    # -- notifications ------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` after every committed change; returns an unsubscribe function."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _notify(
        self, operation: Operation, action: str, revision: int, extra: Iterable[str] = ()
    ) -> None:
        tables = frozenset(c.table.name for c in operation.changes) | frozenset(extra)
        event = ChangeEvent(
            operation.label, action, tables, self.coder, revision, op=operation.op,
            codes=codes_touched(operation.changes),
        )  # fmt: skip
        for listener in list(self._listeners):
            listener(event)


__all__ = ["ChangeEvent", "Listener", "QdawError", "Writer"]
