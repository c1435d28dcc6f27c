"""Code > Apply a rule file…: preview on a worker thread, confirm, apply (one undo step)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from qdaw.errors import QdawError
from qdaw.gui.session import Session
from qdaw.gui.workers import Worker, start
from qdaw.project import Project

if TYPE_CHECKING:
    import pandas as pd


class RuleFileAction(QObject):
    previewed = Signal(object)  # the preview DataFrame
    status = Signal(str)
    error = Signal(str)

    def __init__(self, session: Session, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.window = window
        self.path = ""

    def choose(self) -> Worker | None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Apply a rule file"), "", self.tr("Rule files (*.json)")
        )
        return self.preview(path) if path else None

    def preview(self, path: str) -> Worker:
        self.path = path
        location = self.session.require().location

        def task(_worker: Worker) -> Any:
            with Project.open(location) as project:
                return project.rules_preview(path)

        worker = Worker(task)
        worker.signals.finished.connect(self._confirm)
        worker.signals.failed.connect(self.error.emit)
        self.status.emit(self.tr("Matching the rules…"))
        return start(worker)

    def summary(self, frame: pd.DataFrame) -> str:
        lines = [
            self.tr("{code}: {n} passages in {d} documents").format(
                code=row["code"], n=row["passages"], d=row["documents"]
            )
            for row in frame.to_dict("records")
        ]
        return "\n".join(lines)

    def _confirm(self, frame: pd.DataFrame) -> None:
        self.previewed.emit(frame)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Apply a rule file"),
            self.tr("Code these passages?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setInformativeText(self.summary(frame))
        box.accepted.connect(self.apply)
        box.open()

    def apply(self) -> dict[str, int]:
        try:
            created = self.session.require().apply_rules(self.path, self.session.coder)
        except QdawError as exc:
            self.error.emit(str(exc))
            return {}
        self.status.emit(self.tr("{n} passages coded by the rules").format(n=sum(created.values())))
        return created
