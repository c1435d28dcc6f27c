"""Search the project, keyword in context: left context | match | right context.

Index searches run on a worker thread with their own connection (the first lemma
search loads spaCy, ~5 s): the window keeps responding. "Autocode…" previews and codes
every hit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qdaw.core.project import Project
from qdaw.gui.session import Session
from qdaw.gui.workers import Worker, start

Index = QModelIndex | QPersistentModelIndex
CONTEXT = 60  # characters of context on each side


@dataclass(frozen=True)
class KwicHit:
    document_id: int
    case: str
    document: str
    start: int
    end: int
    left: str
    match: str
    right: str


def kwic_hits(project: Project, query: str, mode: str, accents: bool, case: bool,
              whole_words: bool) -> list[KwicHit]:  # fmt: skip
    """Hits with their context, for any search mode (runs on a worker thread)."""
    ids = {row.name: row.id for row in project.document_rows()}
    if mode == "text":
        hits = []
        texts: dict[int, str] = {}
        for hit in project.find_text(query, accents, case, whole_words):
            if hit.document_id not in texts:  # read once per document, not per hit
                texts[hit.document_id] = project.document_text(hit.document_id)
            text = texts[hit.document_id]
            hits.append(KwicHit(hit.document_id, hit.case, hit.document, hit.start, hit.end,
                                _left(text[: hit.start]), text[hit.start : hit.end],
                                _right(text[hit.end :])))  # fmt: skip
        return hits
    frame = project.search(query, mode, accents, case)  # type: ignore[arg-type]
    found = []
    for row in frame.to_dict("records"):
        sentence, match = str(row["sentence"]), str(row["match"])
        at = sentence.find(match)
        left, right = (sentence[:at], sentence[at + len(match) :]) if at >= 0 else ("", "")
        found.append(KwicHit(ids[row["document"]], str(row["case"]), str(row["document"]),
                             int(row["start"]), int(row["end"]), _left(left), match,
                             _right(right)))  # fmt: skip
    return found


def _left(text: str) -> str:
    line = text.rsplit("\n", 1)[-1]
    return ("…" + line[-CONTEXT:]) if len(line) > CONTEXT else line


def _right(text: str) -> str:
    line = text.split("\n", 1)[0]
    return (line[:CONTEXT] + "…") if len(line) > CONTEXT else line


class KwicModel(QAbstractTableModel):
    """Hits as keyword-in-context rows; the match column lines up."""

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[KwicHit] = []

    def set_hits(self, hits: list[KwicHit]) -> None:
        self.beginResetModel()
        self.hits = hits
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Before"), self.tr("Match"), self.tr("After"), self.tr("Respondent"),
                self.tr("Document")][section]  # fmt: skip

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (hit.left, hit.match, hit.right, hit.case, hit.document)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == 1:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None


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
        self.model = KwicModel()
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
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

    def query(self) -> tuple[str, str]:
        return self.field.text().strip(), str(self.mode.currentData())

    def search(self) -> Worker | None:
        project = self.session.project
        query, mode = self.query()
        if project is None or not query:
            return None
        if self.worker is not None:
            self.worker.cancel()  # its result will be ignored
        location = project.location
        options = (self.accents.isChecked(), self.case.isChecked(), self.words.isChecked())

        def task(worker: Worker) -> list[KwicHit]:
            with Project.open(location) as own:
                return kwic_hits(own, query, mode, *options)

        worker = Worker(task)
        self.worker = worker
        self.summary.setText(self.tr("Searching…"))
        worker.signals.finished.connect(lambda hits: self._show(worker, hits))
        worker.signals.failed.connect(lambda message: self._failed(worker, message))
        return start(worker)

    def _show(self, worker: Worker, hits: list[KwicHit]) -> None:
        if worker is not self.worker:
            return
        self.worker = None
        self.model.set_hits(hits)
        documents = len({hit.document_id for hit in hits})
        self.summary.setText(
            self.tr("{n} matches in {d} documents").format(n=len(hits), d=documents)
        )
        self.autocode_button.setEnabled(bool(hits))
        self.table.resizeColumnToContents(1)
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
