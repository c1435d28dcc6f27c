"""Smaller windows: respondent variables, search across the project, welcome, about."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qdaw import __version__
from qdaw.analysis.search import TextHit
from qdaw.core.errors import QdawError
from qdaw.core.project import Project
from qdaw.gui.models.tables import HitsModel, VariablesModel
from qdaw.gui.session import Session, recent_projects


class VariablesDialog(QDialog):
    """Respondents × variables, edited in place (each edit undoable)."""

    error = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Respondent variables"))
        self.resize(720, 420)
        self.model = VariablesModel(session)
        self.model.error.connect(self._error)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        load = QPushButton(self.tr("Import CSV…"), self)
        add = QPushButton(self.tr("Add variable…"), self)
        close = QPushButton(self.tr("Close"), self)
        load.clicked.connect(self.import_csv)
        add.clicked.connect(self.add_variable)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for widget in (load, add):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("One row per respondent; double-click a cell to edit it.")))
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def _error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Variables"), message)

    def import_csv(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import variables"), "", self.tr("CSV (*.csv *.txt)")
        )
        if path:
            try:
                self.session.require().import_variables(path)
            except QdawError as exc:
                self._error(str(exc))

    def add_variable(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add variable"), self.tr("Name:"))
        if not ok or not name.strip():
            return
        kinds = [self.tr("text"), self.tr("integer"), self.tr("decimal number")]
        kind, ok = QInputDialog.getItem(
            self, self.tr("Add variable"), self.tr("Type:"), kinds, 0, False
        )
        if ok:
            try:
                self.session.require().add_variable(
                    name, ["text", "integer", "float"][kinds.index(kind)]
                )
            except QdawError as exc:
                self._error(str(exc))


class SearchPanel(QWidget):
    """Find text across every document; a click opens the passage."""

    hitChosen = Signal(int, int, int)  # document id, start, end

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
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
        self.model = HitsModel()
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.clicked.connect(self._chosen)
        self.table.activated.connect(self._chosen)
        self.field.returnPressed.connect(self.search)
        options = QHBoxLayout()
        for widget in (self.mode, self.case, self.accents, self.words):
            options.addWidget(widget)
        options.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.field)
        layout.addLayout(options)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)

    def focus(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def search(self) -> None:
        project = self.session.project
        query = self.field.text().strip()
        if project is None or not query:
            return
        mode = self.mode.currentData()
        try:
            if mode == "text":
                hits = project.find_text(
                    query, self.accents.isChecked(), self.case.isChecked(), self.words.isChecked()
                )
            else:
                hits = self._index_hits(project, query, mode)
        except QdawError as exc:
            self.summary.setText(str(exc))
            self.model.set_hits([])
            return
        self.model.set_hits(hits)
        documents = len({hit.document_id for hit in hits})
        self.summary.setText(
            self.tr("{n} matches in {d} documents").format(n=len(hits), d=documents)
        )
        self.table.resizeColumnsToContents()

    def _index_hits(self, project: Project, query: str, mode: str) -> list[TextHit]:
        """Word, lemma, phrase and regex search through the text index, in context."""
        frame = project.search(query, mode, self.accents.isChecked(), self.case.isChecked())  # type: ignore[arg-type]
        ids = {row.name: row.id for row in project.document_rows()}
        hits = []
        for row in frame.to_dict("records"):
            sentence, match = str(row["sentence"]), str(row["match"])
            at = sentence.find(match)
            context = f"{sentence[:at]}[{match}]{sentence[at + len(match) :]}" if at >= 0 else match
            hits.append(TextHit(ids[row["document"]], row["document"], row["case"],
                                int(row["start"]), int(row["end"]), context))  # fmt: skip
        return hits

    def _chosen(self, index: QModelIndex) -> None:
        hit = self.model.hits[index.row()]
        self.hitChosen.emit(hit.document_id, hit.start, hit.end)


class WelcomePage(QWidget):
    newRequested = Signal()
    openRequested = Signal()
    sampleRequested = Signal()
    recentChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("qdaw", self)
        title.setStyleSheet("font-size: 32px; font-weight: bold; color: #2c3e73")
        subtitle = QLabel(
            self.tr("Qualitative interview analysis: read, code, count respondents."), self
        )
        subtitle.setStyleSheet("font-size: 14px; color: #555")
        new = QPushButton(self.tr("New project…"), self)
        open_ = QPushButton(self.tr("Open project…"), self)
        sample = QPushButton(self.tr("Open the sample project"), self)
        new.clicked.connect(self.newRequested.emit)
        open_.clicked.connect(self.openRequested.emit)
        sample.clicked.connect(self.sampleRequested.emit)
        self.recent = QListWidget(self)
        self.recent.itemActivated.connect(
            lambda item: self.recentChosen.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.recent.itemClicked.connect(
            lambda item: self.recentChosen.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        buttons = QHBoxLayout()
        for widget in (new, open_, sample):
            widget.setMinimumHeight(36)
            buttons.addWidget(widget)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(title)
        column.addWidget(subtitle)
        column.addSpacing(20)
        column.addLayout(buttons)
        column.addSpacing(20)
        column.addWidget(QLabel(self.tr("Recent projects:"), self))
        column.addWidget(self.recent)
        column.addStretch(1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 3)
        outer.addStretch(1)
        self.fill_recent()

    def fill_recent(self) -> None:
        self.recent.clear()
        for path in recent_projects():
            item = QListWidgetItem(path)
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent.addItem(item)


def about(parent: QWidget) -> None:
    from PySide6.QtCore import QCoreApplication

    text = QCoreApplication.translate(
        "About",
        "<h3>qdaw {version}</h3><p>A free, scriptable workbench for qualitative interview "
        "analysis: import transcripts, code passages, count respondents (“5/8”), cross codes "
        "with respondents' variables and report by hypothesis.</p>"
        "<p>Every change is saved as you make it and can be undone.</p>",
    ).format(version=__version__)
    QMessageBox.about(parent, QCoreApplication.translate("About", "About qdaw"), text)
