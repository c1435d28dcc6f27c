"""The open project as the workbench sees it: a Qt signal for every change."""

from __future__ import annotations

import contextlib
import getpass
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from qdaw.core.store import ChangeEvent
from qdaw.core.urls import without_password
from qdaw.errors import QdawError
from qdaw.project import Project

RECENT_LIMIT = 10
#: How often the window asks whether another writer changed the project (a cheap
#: probe: PRAGMA data_version on SQLite, LISTEN/NOTIFY on PostgreSQL).
POLL_MS = 250
#: After this long without an edit, the project file is brought up to date (its WAL
#: written into it), so that copying the file alone copies every change.
IDLE_CHECKPOINT_MS = 3000


def settings() -> QSettings:
    return QSettings("qdaw", "qdaw")


class Session(QObject):
    """Owns the Project on the GUI thread and re-emits its change events."""

    changed = Signal(object)  # ChangeEvent
    opened = Signal()
    closing = Signal()  # the project is still open: stop what uses it
    closed = Signal()
    coderChanged = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.poll)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(IDLE_CHECKPOINT_MS)
        self.idle.timeout.connect(self.checkpoint)
        self.changed.connect(self._edited)

    @property
    def coder(self) -> str:
        """Who is coding: the open project's coder (the one chosen in the settings, else
        QDAW_CODER, else the project's default coder, else the system's user name)."""
        if self.project is not None:
            return self.project.coder
        return str(self.chosen_coder() or getpass.getuser() or "coder")

    @staticmethod
    def chosen_coder() -> str | None:
        value = settings().value("coder", "")
        return str(value) if value else None

    def set_coder(self, name: str) -> str:
        """Code as ``name`` from now on, in this project and the next ones (remembered in
        the settings); returns the name as stored (checked, trimmed)."""
        from qdaw.core.names import CODER, check_name

        name = check_name(name, CODER)
        settings().setValue("coder", name)
        if self.project is not None:
            self.project.switch_coder(name)
        self.coderChanged.emit(name)
        return name

    @property
    def anonymise_exports(self) -> bool:
        """Exports (tables, workbook, report, documents) replace accepted names by their
        pseudonyms; the project itself never changes."""
        return str(settings().value("exports/anonymise", "false")).lower() == "true"

    @anonymise_exports.setter
    def anonymise_exports(self, on: bool) -> None:
        settings().setValue("exports/anonymise", "true" if on else "false")

    def open(self, target: str | Path, create: bool = False, read_only: bool = False) -> Project:
        """Open (or create) a project; one that cannot be written opens read-only."""
        coder = self.chosen_coder()
        project = (
            Project.create(target, coder=coder)
            if create
            else Project.open(target, coder=coder, read_only=read_only)
        )
        self.close()
        self.project = project
        self._unsubscribe = project.subscribe(self.changed.emit)
        # A server project is remembered without its password (libpq finds it again).
        remember_recent(
            str(project.path.resolve())
            if project.path is not None
            else without_password(project.location)
        )
        self.opened.emit()
        self._poll.start()
        return project

    def poll(self) -> None:
        """Another writer's edits (a colleague, the command line, a worker thread) reach
        the panels like this window's own, marked ``remote``."""
        if self.project is None:
            return
        try:
            event = self.project.poll_changes()
        except QdawError:  # the server is away for a moment: ask again next time
            return
        if event is not None:
            self.changed.emit(only_what_panels_show(event))

    def _edited(self, event: ChangeEvent) -> None:
        if not event.remote:  # (another writer brings the file up to date itself)
            self.idle.start()  # restarted by each edit: runs once they pause

    def checkpoint(self) -> None:
        if self.project is None:
            return
        # PASSIVE: on the GUI thread, never wait for another process's readers or
        # writers (TRUNCATE would, up to the busy timeout).
        with contextlib.suppress(QdawError):  # a full disk: safe in the WAL; next pause
            self.project.checkpoint("PASSIVE")

    def close(self) -> None:
        if self.project is None:
            return
        self.closing.emit()
        self._poll.stop()
        self.idle.stop()
        if self._unsubscribe:
            self._unsubscribe()
        self.project.close()
        self.project = None
        self.closed.emit()

    def require(self) -> Project:
        if self.project is None:
            raise RuntimeError("no project is open")
        return self.project


def only_what_panels_show(event: ChangeEvent) -> ChangeEvent:
    """Indexing (the window's own worker, or a colleague's) writes the text index and
    each document's language: no panel shows either, so nothing reloads for it."""
    if event.op is not None and event.op.kind == "index_text":
        return replace(event, tables=frozenset(event.tables) - {"documents"})
    return event


def recent_projects() -> list[str]:
    value = settings().value("recent", [])
    items: list[str] = [value] if isinstance(value, str) else [str(v) for v in value or []]  # type: ignore[attr-defined]
    return [item for item in items if "://" in item or Path(item).exists()]


def remember_recent(path: str) -> None:
    items = [path] + [item for item in recent_projects() if item != path]
    store = settings()
    store.setValue("recent", items[:RECENT_LIMIT])
    store.setValue("last_project", path)


__all__ = ["ChangeEvent", "Session", "recent_projects", "remember_recent", "settings"]
