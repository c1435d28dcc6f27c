"""Search the project: each hit with its sentence (or paragraph) around it, wrapped,
the match highlighted, and who said it in which document.

Index searches run on a worker thread with their own connection (the first lemma
search loads spaCy, ~5 s): the window keeps responding. "Autocode…" previews and codes
every hit.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qdaw.gui.passages import Passage, PassageList, PassageModel
from qdaw.gui.session import Session
from qdaw.gui.workers import Worker, start
from qdaw.nlp.kwic import ContextHit, Mode
from qdaw.project import Project

KwicHit = ContextHit  # the name the autocode dialog knows hits by


class HitsModel(PassageModel):
    """Search hits shown as passages: respondent · document, then the sentence."""

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[ContextHit] = []

    def set_hits(self, hits: list[ContextHit]) -> None:
        self.hits = hits
        self.set_passages(
            [
                Passage(
                    hit.document_id,
                    hit.start,
                    hit.end,
                    f"{hit.case} · {hit.document}",
                    hit.left,
                    hit.match,
                    hit.right,
                )
                for hit in hits
            ]
        )


class SearchPanel(QWidget):
    """Find words, lemmas, phrases or text across every document; a click opens the
    passage; "Autocode…" codes the hits."""

    hitChosen = Signal(int, int, int)  # document id, start, end
    searched = Signal(int)  # number of hits, once shown

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.worker: Worker | None = None
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Search all documents"))
        self.field.setClearButtonEnabled(True)
        self.case = QCheckBox(self.tr("Match case"), self)
        self.accents = QCheckBox(self.tr("Match accents"), self)
        self.words = QCheckBox(self.tr("Whole words"), self)
        self.mode = QComboBox(self)
        for value, label in (
            ("text", self.tr("Text")),
            ("exact", self.tr("Words (index)")),
            ("lemma", self.tr("Lemma: every form")),
            ("phrase", self.tr("Phrase")),
            ("regex", self.tr("Regular expression")),
        ):
            self.mode.addItem(label, value)
        self.summary = QLabel(self)
        self.autocode_button = QPushButton(self.tr("Autocode…"), self)
        self.autocode_button.setEnabled(False)
        self.autocode_button.clicked.connect(self.autocode)
        self.table = PassageList(self)
        self.model = HitsModel()
        self.table.setModel(self.model)
        self.table.clicked.connect(self._chosen)
        self.table.activated.connect(self._chosen)
        self.field.returnPressed.connect(self.search)
        options = QHBoxLayout()
        for widget in (self.mode, self.case, self.accents, self.words):
            options.addWidget(widget)
        options.addStretch(1)
        status = QHBoxLayout()
        status.addWidget(self.summary, 1)
        status.addWidget(self.autocode_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.field)
        layout.addLayout(options)
        layout.addLayout(status)
        layout.addWidget(self.table)
        session.opened.connect(self.reset)
        session.closed.connect(self.reset)

    def reset(self) -> None:
        """Forget the previous project's query and hits (their ids mean nothing here)."""
        if self.worker is not None:
            self.worker.cancel()
            self.worker = None
        self.field.clear()
        self.model.set_hits([])
        self.summary.clear()
        self.autocode_button.setEnabled(False)

    def focus(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def query(self) -> tuple[str, Mode]:
        return self.field.text().strip(), cast(Mode, self.mode.currentData())

    def search(self) -> Worker | None:
        project = self.session.project
        query, mode = self.query()
        if project is None or not query:
            return None
        if self.worker is not None:
            self.worker.cancel()  # its result will be ignored
        location = project.location
        options = (self.accents.isChecked(), self.case.isChecked(), self.words.isChecked())

        def task(worker: Worker) -> list[ContextHit]:
            with Project.open(location) as own:
                return own.keyword_in_context(query, mode, *options)

        worker = Worker(task)
        self.worker = worker
        self.summary.setText(self.tr("Searching…"))
        worker.signals.finished.connect(lambda hits: self._show(worker, hits))
        worker.signals.failed.connect(lambda message: self._failed(worker, message))
        return start(worker)

    def _show(self, worker: Worker, hits: list[ContextHit]) -> None:
        if worker is not self.worker:
            return
        self.worker = None
        self.model.set_hits(hits)
        documents = len({hit.document_id for hit in hits})
        self.summary.setText(
            self.tr("{n} matches in {d} documents").format(n=len(hits), d=documents)
        )
        self.autocode_button.setEnabled(bool(hits))
        self.searched.emit(len(hits))

    def _failed(self, worker: Worker, message: str) -> None:
        if worker is not self.worker:
            return
        self.worker = None
        self.model.set_hits([])
        self.autocode_button.setEnabled(False)
        self.summary.setText(message)
        self.searched.emit(-1)

    def autocode(self) -> None:
        from qdaw.gui.autocode_dialog import AutocodeDialog

        query, mode = self.query()
        dialog = AutocodeDialog(self.session, query, mode, self.model.hits, self)
        dialog.open()

    def _chosen(self, index: QModelIndex) -> None:
        hit = self.model.hits[index.row()]
        self.hitChosen.emit(hit.document_id, hit.start, hit.end)
