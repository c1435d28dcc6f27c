"""A cheap probe for "has another writer committed since I last looked?".

``Project.poll_changes`` asks the probe first and reads the revisions table only when
it says yes, so a window can poll several times a second for nothing:

- SQLite: ``PRAGMA data_version`` on a connection of its own, which changes when any
  other connection (another process, or this process's writing connections) commits;
- PostgreSQL: ``LISTEN qdaw_changes`` on a connection of its own; every qdaw commit
  sends ``NOTIFY qdaw_changes`` in its transaction (qdaw.core.oplog.record_revision).

When the probe cannot work (its connection failed), it answers yes every time and the
caller falls back to reading the revision.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine

from qdaw.core import oplog
from qdaw.core.writing import ChangeEvent

CHANNEL = "qdaw_changes"


class Probe:
    """Answers yes every time: the caller reads the revision on each poll."""

    def changed(self) -> bool:
        return True

    def close(self) -> None:
        pass


class SqliteProbe(Probe):
    def __init__(self, path: Path) -> None:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        # Polled from whichever thread owns the window; one poll at a time.
        self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._version = self._read()

    def _read(self) -> int:
        with self._lock:
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        version = self._read()
        changed, self._version = version != self._version, version
        return changed

    def close(self) -> None:
        self._conn.close()


class ListenProbe(Probe):
    def __init__(self, engine: Engine) -> None:
        raw = engine.raw_connection()
        self._conn: Any = raw.driver_connection
        raw.detach()  # kept out of the pool: it only listens
        self._raw: Any = raw
        assert self._conn is not None
        self._conn.rollback()
        self._conn.autocommit = True
        self._conn.execute(f"LISTEN {CHANNEL}")
        self._lock = threading.Lock()
        self._broken = False

    def changed(self) -> bool:
        if self._broken:
            return True
        try:
            with self._lock:
                return sum(1 for _ in self._conn.notifies(timeout=0)) > 0
        except Exception:  # the connection dropped: read the revision from now on
            self._broken = True
            return True

    def close(self) -> None:
        with contextlib.suppress(Exception):  # already gone with the server
            self._raw.close()


def open_probe(engine: Engine, path: Path | None) -> Probe:
    try:
        if engine.dialect.name == "sqlite" and path is not None:
            return SqliteProbe(path)
        if engine.dialect.name == "postgresql":
            return ListenProbe(engine)
    except Exception:  # no probe: poll the revision instead
        pass
    return Probe()


class ChangeWatching:
    """``poll_changes`` for the Project facade (state kept by qdaw.core.writing)."""

    engine: Engine
    path: Path | None
    _cache: dict[Any, Any]
    _own_revisions: set[int]
    _polled: int
    _probe: Probe | None = None
    _read_log: Callable[[Callable[[Connection], Any]], Any]  # the Writer's

    def poll_changes(self) -> ChangeEvent | None:
        """What other writers (other processes, or other Project objects on the same
        project) committed since the last poll, or None: cheap enough to call from a
        timer several times a second.

        The event's ``tables`` is every table they changed (a step done, undone or
        redone, or the text index rebuilt), ``remote`` is True, and ``label``,
        ``action``, ``coder`` and ``revision`` describe the newest of them. This
        project's own changes are not reported (listeners hear those at once).

        The workbench wires it to a QTimer on the GUI thread, e.g. every 250 ms::

            timer.timeout.connect(lambda: (e := project.poll_changes()) and refresh(e))

        SQLite asks ``PRAGMA data_version`` first, PostgreSQL a LISTEN connection;
        the revisions table is read only when something was committed.
        """
        if self._probe is None:  # first poll: anything since the project was opened
            self._probe = open_probe(self.engine, self.path)
        elif not self._probe.changed():
            return None
        remote: list[oplog.RevisionRecord] = []
        while True:
            batch = self._read_log(lambda c: oplog.revisions_since(c, self._polled))
            if not batch:
                break
            self._polled = batch[-1].revision
            for item in batch:
                if item.revision in self._own_revisions:
                    self._own_revisions.discard(item.revision)
                else:
                    remote.append(item)
        if not remote:
            return None
        self._cache.clear()  # lookups may be stale now
        newest = remote[-1]
        tables = frozenset().union(*(item.tables for item in remote))
        return ChangeEvent(
            newest.step.label,
            newest.action,
            tables,
            newest.step.coder,
            newest.revision,
            remote=True,
            op=newest.step.op,
        )

    def _stop_watching(self) -> None:
        if self._probe is not None:
            self._probe.close()
            self._probe = None
