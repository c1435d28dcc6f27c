"""The distinctive words and noun phrases of a code, computed off the GUI thread,
with export to CSV / XLSX."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qdaw.errors import QdawError
from qdaw.gui.models.tables import FrameModel, sortable_table
from qdaw.gui.save_dialog import ask_save_path
from qdaw.gui.session import Session
from qdaw.gui.workers import Worker, start
from qdaw.project import Project

if TYPE_CHECKING:
    import pandas as pd


class WordsDialog(QDialog):
    def __init__(self, session: Session, code_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.code_id = code_id
        self.frame: pd.DataFrame | None = None
        self.worker: Worker | None = None
        name = session.require().code(code_id).name
        self.setWindowTitle(self.tr("Distinctive words of “{code}”").format(code=name))
        self.resize(860, 560)
        self.summary = QLabel(self.tr("Comparing the code's passages with the rest…"), self)
        self.summary.setWordWrap(True)
        self.model = FrameModel()
        self.proxy, self.table = sortable_table(self.model, self)  # most distinctive first
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(lambda: self.export())
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.compute()

    def compute(self) -> Worker:
        location, code_id = self.session.require().location, self.code_id

        def task(_worker: Worker) -> pd.DataFrame:
            with Project.open(location) as project:
                return project.distinctive_words(code_id, limit=40)

        worker = Worker(task)
        self.worker = worker
        worker.signals.finished.connect(self._show)
        worker.signals.failed.connect(self._failed)
        return start(worker)

    def headers(self) -> dict[str, str]:
        return {"term": self.tr("Word or phrase"), "kind": self.tr("Kind"),
                "in_code": self.tr("In the code"), "in_rest": self.tr("Elsewhere"),
                "per_1000_code": self.tr("‰ in the code"), "per_1000_rest": self.tr("‰ elsewhere"),
                "g2": self.tr("Log-likelihood (G²)")}  # fmt: skip

    def _show(self, frame: pd.DataFrame) -> None:
        self.worker = None
        self.frame = frame
        shown = frame.copy()
        shown["kind"] = shown["kind"].map({"word": self.tr("word"), "phrase": self.tr("phrase")})
        self.model.set_frame(shown.round(2))
        self.model.header = [self.headers().get(n, n) for n in self.model.header]
        self.table.resizeColumnsToContents()
        self.export_button.setEnabled(not frame.empty)
        self.summary.setText(
            self.tr(
                "Words and noun phrases over-represented in this code's passages compared "
                "with the rest of the transcripts (log-likelihood); {n} found."
            ).format(n=len(frame))
            if not frame.empty
            else self.tr("Nothing stands out yet: code more passages, or index the text.")
        )

    def _failed(self, message: str) -> None:
        self.worker = None
        self.summary.setText(message)

    def export(self, path: str | None = None) -> str | None:
        from qdaw.export.tables import write_table

        if self.frame is None:
            return None
        if path is None:
            chosen = ask_save_path(self, self.tr("Export table"), [".xlsx", ".csv"])
            if chosen is None:
                return None
            path = str(chosen)
        try:
            return str(write_table(self.frame, path, "Distinctive words"))
        except (QdawError, OSError) as exc:
            self.summary.setText(str(exc))
            return None
