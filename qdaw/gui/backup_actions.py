"""File ▸ Back up now, File ▸ Restore a backup…, and the rolling backup made when a
project opens (at most one a day, the last ten kept), on a worker thread with its own
connection: the window stays free while the copy is written and checked."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from qdaw.errors import QdawError
from qdaw.gui.session import Session
from qdaw.gui.workers import Worker, start
from qdaw.project import Project

#: "0" turns the backup on opening off (the test suite opens thousands of projects).
AUTO_VARIABLE = "QDAW_AUTO_BACKUP"


class BackupActions(QObject):
    status = Signal(str)
    error = Signal(str)
    written = Signal(object)  # the backup's Path

    def __init__(self, session: Session, window: QWidget) -> None:
        super().__init__(window)
        self.session, self.window = session, window
        self.dialog: QFileDialog | None = None
        self.confirm: QMessageBox | None = None
        session.opened.connect(self.auto)

    def _run(self, make: str) -> Worker:
        location = self.session.require().location

        def task(_worker: Worker) -> Path | None:
            with Project.open(location, read_only=True) as project:
                return project.backup() if make == "now" else project.auto_backup()

        worker = Worker(task)
        worker.signals.finished.connect(self._done)
        worker.signals.failed.connect(self.error.emit)
        return start(worker)

    def back_up_now(self) -> Worker:
        self.status.emit(self.tr("Backing up…"))
        return self._run("now")

    def auto(self) -> Worker | None:
        project = self.session.project
        if project is None or project.path is None or os.environ.get(AUTO_VARIABLE) == "0":
            return None
        return self._run("auto")

    def _done(self, path: Path | None) -> None:
        if path is not None:
            self.status.emit(self.tr("Backup written and checked: {path}").format(path=path))
            self.written.emit(path)

    def choose_restore(self) -> QFileDialog:
        project = self.session.require()
        folder = project.backups()[0].parent if project.backups() else Path(project.location).parent
        dialog = QFileDialog(
            self.window, self.tr("Restore a backup"), str(folder), self.tr("qdaw projects (*.qdaw)")
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self._confirm)
        dialog.open()
        self.dialog = dialog
        return dialog

    def _confirm(self, backup: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Restore a backup"),
            self.tr("Put {backup} in the place of this project?").format(backup=Path(backup).name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setInformativeText(
            self.tr("The project as it is now is kept beside it (…before-restore.qdaw).")
        )
        box.accepted.connect(lambda: self.restore(backup))
        box.open()
        self.confirm = box

    def restore(self, backup: str) -> Path | None:
        """Close the project, put the backup in its place, open it again."""
        from qdaw.services.backups import restore_backup

        project = self.session.require()
        if project.path is None:
            self.error.emit(self.tr("A server project is restored with qdaw copy"))
            return None
        target = project.path
        self.session.close()
        try:
            kept = restore_backup(backup, target)
        except (QdawError, OSError) as exc:
            self.error.emit(str(exc))
            return None
        finally:
            self.window.open_project(str(target))  # type: ignore[attr-defined]
        self.status.emit(self.tr("Restored; the earlier project is {path}").format(path=kept))
        return kept
