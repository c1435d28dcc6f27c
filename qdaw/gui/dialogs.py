"""Smaller windows: variables, welcome, about."""

from __future__ import annotations

from collections.abc import Callable

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
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qdaw import __version__
from qdaw.errors import QdawError
from qdaw.gui.models.tables import VariablesModel
from qdaw.gui.session import Session, recent_projects

#: The types offered, as the core names them (the dialog shows them translated).
KINDS = ("text", "integer", "decimal", "date", "boolean", "categorical")


class VariablesDialog(QDialog):
    """Respondents × variables, and documents × document variables (interview date,
    interviewer, place) in a second tab, edited in place (each edit undoable)."""

    error = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Variables"))
        self.resize(720, 420)
        self.last_error: QMessageBox | None = None
        self.model = VariablesModel(session)
        self.document_model = VariablesModel(session, "document")
        self.table = self._table(self.model)
        self.document_table = self._table(self.document_model)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.table, self.tr("Respondents"))
        self.tabs.addTab(self.document_table, self.tr("Documents"))
        load = QPushButton(self.tr("Import CSV…"), self)
        add = QPushButton(self.tr("Add variable…"), self)
        retype = QPushButton(self.tr("Change type…"), self)
        close = QPushButton(self.tr("Close"), self)
        load.clicked.connect(self.import_csv)
        add.clicked.connect(lambda: self.add_variable())
        retype.clicked.connect(lambda: self.change_type())
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for widget in (load, add, retype):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("One row per respondent or document; double-click a cell to edit it."))
        )
        layout.addWidget(self.tabs)
        layout.addLayout(buttons)

    def _table(self, model: VariablesModel) -> QTableView:
        model.error.connect(self._error)
        table = QTableView(self)
        table.setModel(model)
        # Each column as wide as its name and values (no clipped header), the last one
        # taking what is left.
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    @property
    def scope(self) -> str:
        return "case" if self.tabs.currentIndex() == 0 else "document"

    def _kind_names(self) -> list[str]:
        return [self.tr("text"), self.tr("integer"), self.tr("decimal number"), self.tr("date"),
                self.tr("yes/no"), self.tr("categories (ordered)")]  # fmt: skip

    def _error(self, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Variables"), message, QMessageBox.StandardButton.Ok,
            self,
        )  # fmt: skip
        box.open()  # not exec(): the grid may be in the middle of committing an edit
        self.last_error = box

    def _run(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except QdawError as exc:
            self._error(str(exc))
            return False
        return True

    def import_csv(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import variables"), "", self.tr("CSV (*.csv *.txt)")
        )
        if path:
            self._run(lambda: self.session.require().import_variables(path))

    def _ask_kind(self, title: str) -> tuple[str, list[str] | None] | None:
        names = self._kind_names()
        chosen, ok = QInputDialog.getItem(self, title, self.tr("Type:"), names, 0, False)
        if not ok:
            return None
        kind = KINDS[names.index(chosen)]
        if kind != "categorical":
            return kind, None
        text, ok = QInputDialog.getText(
            self, title, self.tr("Categories, in their order, separated by ;")
        )
        if not ok:
            return None
        return kind, [part.strip() for part in text.split(";") if part.strip()]

    def add_variable(self, name: str | None = None) -> bool:
        """A new variable of the current tab's scope (respondents or documents)."""
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("Add variable"), self.tr("Name:"))
            if not ok or not name.strip():
                return False
        asked = self._ask_kind(self.tr("Add variable"))
        if asked is None:
            return False
        kind, levels = asked
        project, scope = self.session.require(), self.scope
        return self._run(lambda: project.add_variable(name, kind, levels=levels, scope=scope))

    def change_type(self, name: str | None = None) -> bool:
        """The current column's variable (or ``name``) given another type: every value
        converts, or nothing changes and the message names those that do not."""
        table = self.table if self.scope == "case" else self.document_table
        model = self.model if self.scope == "case" else self.document_model
        if name is None:
            column = table.currentIndex().column()
            if not 0 <= column < len(model.variables):
                self._error(self.tr("Choose a cell of the variable to change first."))
                return False
            name = model.variables[column]
        asked = self._ask_kind(self.tr("Change the type of {name}").format(name=name))
        if asked is None:
            return False
        kind, levels = asked
        project = self.session.require()
        return self._run(lambda: project.change_variable_type(name, kind, levels=levels))


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
                "Import interviews (.docx, .odt, .rtf, .pdf, .html, .txt, .md, .vtt, .srt, "
                "pictures), one or more files per respondent, or drop files and folders on "
                "this window; or bring a project from NVivo, ATLAS.ti or MAXQDA with File ▸ "
                "Import REFI-QDA project…. Then select a passage and press Ctrl+K to code it."
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
