"""The project's file as the window shows it: read-only or not, and Save a copy."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow

from qdaw.core.urls import server_name
from qdaw.errors import QdawError
from qdaw.gui.save_dialog import ask_save_path
from qdaw.gui.session import Session


class ProjectFiles(QObject):
    def __init__(
        self, window: QMainWindow, session: Session, show_error: Callable[[str], None]
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.show_error = show_error
        #: "Read-only" in the status bar while the open project cannot be changed.
        self.label = QLabel(window)
        self.label.setObjectName("read_only_label")
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)

    def title(self) -> str:
        project = self.session.project
        if project is None:
            return "qdaw"
        name = project.name
        if project.path is None:  # a team's project: on which server, as whom, who codes
            name = self.tr("{name} on {server}, coder {coder}").format(
                name=name, server=server_name(project.location), coder=project.coder
            )
        if project.read_only:
            return self.tr("{name} — Read-only — qdaw").format(name=name)
        return f"{name} — qdaw"

    def show_state(self, edit_actions: Sequence[QAction]) -> None:
        """A read-only project: the status bar says so, and each command that would
        change it is disabled, its tooltip and status tip saying why."""
        project = self.session.project
        read_only = project is not None and project.read_only
        reason = ""
        if project is not None and project.read_only:
            reason = self.tr("{name} is read-only: {reason}").format(
                name=project.name, reason=project.read_only_reason
            )
        self.label.setText(self.tr("Read-only") if read_only else "")
        self.label.setToolTip(reason)
        self.label.setVisible(read_only)
        for action in edit_actions:
            if read_only:
                action.setEnabled(False)
            action.setToolTip(reason)  # (empty: the action's own text again)
            action.setStatusTip(reason)

    def save_copy(self, path: str | None = None) -> Path | None:
        """File ▸ Save a copy…: a consistent copy of the project file, every change
        included (SQLite's backup), while the project stays open here."""
        project = self.session.require()
        suggested = f"{project.name} copy.qdaw"
        target = (
            ask_save_path(self.window, self.tr("Save a copy"), [".qdaw"], suggested)
            if path is None
            else Path(path)
        )
        if target is None:
            return None
        try:
            # The dialog asked before replacing an existing file; a path given is not
            # replaced.
            written = project.save_copy(target, force=path is None)
        except (QdawError, OSError) as exc:
            self.show_error(str(exc))
            return None
        self.window.statusBar().showMessage(
            self.tr("Copy saved: {path}").format(path=written), 8000
        )
        return written
