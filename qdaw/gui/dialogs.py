"""Smaller windows: respondent variables, welcome, about."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qdaw import __version__
from qdaw.errors import QdawError
from qdaw.gui.models.tables import VariablesModel
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
        self.last_error: QMessageBox | None = None
        self.model.error.connect(self._error)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        # Each column as wide as its name and values (no clipped header), the last one
        # taking what is left.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
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
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Variables"), message, QMessageBox.StandardButton.Ok,
            self,
        )  # fmt: skip
        box.open()  # not exec(): the grid may be in the middle of committing an edit
        self.last_error = box

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


class EmptyProjectPage(QWidget):
    """The centre of a project without transcripts: what to do next."""

    importRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("No transcripts yet"), self)
        title.setStyleSheet("font-size: 22px; font-weight: bold; color: #2c3e73")
        hint = QLabel(
            self.tr(
                "Import interviews (.docx, .odt, .rtf, .txt, .md), one or more files per "
                "respondent, or drop files and folders on this window. Then select a "
                "passage and press Ctrl+K to code it."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("font-size: 13px; color: #444")
        button = QPushButton(self.tr("Import transcripts…"), self)
        button.setMinimumHeight(36)
        button.clicked.connect(self.importRequested.emit)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(title)
        column.addSpacing(8)
        column.addWidget(hint)
        column.addSpacing(16)
        column.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 4)
        outer.addStretch(1)


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
