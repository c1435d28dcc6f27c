"""The respondents tree and the hypotheses list."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTableView,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from qdaw.gui.models.cases import CasesModel
from qdaw.gui.models.tables import HypothesesModel
from qdaw.gui.read_only import disable_edits, show_writable
from qdaw.gui.reporting import run_reporting
from qdaw.gui.session import Session


class _Panel(QWidget):
    error = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session

    def run(self, action: Callable[[], object]) -> bool:
        return run_reporting(action, self.error)

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text + "\n\n" + self.tr("You can undo this with Ctrl+Z."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes


class CasesPanel(_Panel):
    documentActivated = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = CasesModel(session)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setDragEnabled(True)  # documents onto a set (Code ▸ Sets…)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self.context_menu)
        self.tree.clicked.connect(self._clicked)
        self.tree.activated.connect(self._clicked)
        self.model.modelReset.connect(self.tree.expandAll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)

    def _clicked(self, index: QModelIndex) -> None:
        document = self.model.document_row(index)
        if document is None:  # a respondent: read their first document
            case = self.model.case_row(index)
            documents = self.model.documents.get(case.id, []) if case is not None else []
            document = documents[0] if documents else None
        if document is not None:
            self.documentActivated.emit(document.id)

    def show_document(self, document_id: int) -> None:
        self.tree.setCurrentIndex(self.model.index_of_document(document_id))

    def context_menu(self, point: QPoint) -> None:
        index = self.tree.indexAt(point)
        if not index.isValid():
            return
        menu = QMenu(self)
        project = self.session.require()
        document = self.model.document_row(index)
        case = self.model.case_row(index)
        if document is not None:
            menu.addAction(
                self.tr("Rename document…"),
                partial(self.rename_document, document.id, document.name),
            )
            cases = menu.addMenu(self.tr("Move to respondent"))
            for other in self.model.cases:
                if other.id != document.case_id:
                    cases.addAction(
                        other.name,
                        partial(self.run, partial(project.move_document, document.id, other.id)),
                    )
            menu.addAction(self.tr("Memo…"), partial(self.memo_document, document.id))
            menu.addSeparator()
            menu.addAction(
                self.tr("Delete document…"),
                partial(self.delete_document, document.id, document.name),
            )
        elif case is not None:
            menu.addAction(
                self.tr("Rename respondent…"), partial(self.rename_case, case.id, case.name)
            )
            menu.addAction(self.tr("Memo…"), partial(self.memo_case, case.id, case.memo))
            menu.addSeparator()
            menu.addAction(
                self.tr("Delete respondent…"), partial(self.delete_case, case.id, case.name)
            )
        menu.exec(self.tree.viewport().mapToGlobal(point))

    def rename_document(self, document_id: int, name: str) -> None:
        new, ok = QInputDialog.getText(
            self, self.tr("Rename document"), self.tr("Name:"), text=name
        )
        if ok and new.strip() and new != name:
            self.run(lambda: self.session.require().rename_document(document_id, new))

    def rename_case(self, case_id: int, name: str) -> None:
        new, ok = QInputDialog.getText(
            self, self.tr("Rename respondent"), self.tr("Name:"), text=name
        )
        if ok and new.strip() and new != name:
            self.run(lambda: self.session.require().rename_case(case_id, new))

    def memo_document(self, document_id: int) -> None:
        project = self.session.require()
        handle = project.document(document_id)
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Document memo"), self.tr("Memo:"), handle.memo or ""
        )
        if ok:
            self.run(lambda: project.set_memo(handle, text))

    def memo_case(self, case_id: int, memo: str | None) -> None:
        project = self.session.require()
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Respondent memo"), self.tr("Memo:"), memo or ""
        )
        if ok:
            self.run(lambda: project.set_memo(project.case(case_id), text))

    def delete_document(self, document_id: int, name: str) -> None:
        project = self.session.require()
        count = len(project.segment_rows(document_id))
        text = self.tr("Delete the document “{name}” and its {n} coded segments?").format(
            name=name, n=count
        )
        if self.confirm(self.tr("Delete document"), text):
            self.run(lambda: project.delete_document(document_id))

    def delete_case(self, case_id: int, name: str) -> None:
        documents = len(self.model.documents.get(case_id, []))
        text = self.tr(
            "Delete the respondent “{name}” with {n} documents and their coding?"
        ).format(name=name, n=documents)
        if self.confirm(self.tr("Delete respondent"), text):
            self.run(lambda: self.session.require().delete_case(case_id))


class HypothesisDialog(QDialog):
    def __init__(
        self, parent: QWidget, label: str = "", statement: str = "", description: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hypothesis"))
        self.label = QLineEdit(label, self)
        self.statement = QLineEdit(statement, self)
        self.description = QPlainTextEdit(description, self)
        form = QFormLayout(self)
        form.addRow(self.tr("Label:"), self.label)
        form.addRow(self.tr("Statement:"), self.statement)
        form.addRow(self.tr("Description:"), self.description)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class HypothesesPanel(_Panel):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = HypothesesModel(session)
        self.model.error.connect(self.error.emit)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAcceptDrops(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.table.setDropIndicatorShown(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self.context_menu)
        self.table.doubleClicked.connect(lambda index: self.edit(index.row()))
        self.table.setToolTip(self.tr("Drop a code here to link it to a hypothesis"))
        # Whole statements, wrapped between words: a supervisor reads them here.
        self.table.setWordWrap(True)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.model.modelReset.connect(self.table.resizeRowsToContents)
        tools = QToolBar(self)
        tools.addAction(self.tr("New hypothesis"), self.new)
        #: Disabled, saying why, while the project is read-only.
        self.edit_tools = tools.actions()
        session.opened.connect(lambda: show_writable(self.edit_tools, session))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(tools)
        layout.addWidget(self.table)

    def new(self) -> None:
        dialog = HypothesisDialog(self, f"H{len(self.model.rows) + 1}")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.run(
                lambda: self.session.require().add_hypothesis(
                    dialog.label.text(),
                    dialog.statement.text(),
                    dialog.description.toPlainText() or None,
                )
            )

    def edit(self, row: int) -> None:
        if not 0 <= row < len(self.model.rows):
            return
        hypothesis = self.model.rows[row]
        dialog = HypothesisDialog(
            self, hypothesis.label, hypothesis.statement, hypothesis.description or ""
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.run(
                lambda: self.session.require().edit_hypothesis(
                    hypothesis.id,
                    dialog.label.text(),
                    dialog.statement.text(),
                    dialog.description.toPlainText(),
                )
            )

    def memo(self, row: int) -> None:
        hypothesis = self.model.rows[row]
        project = self.session.require()
        text, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Memo on {label}").format(label=hypothesis.label),
            self.tr("Memo:"),
            hypothesis.memo or "",
        )
        if ok:
            self.run(lambda: project.set_memo(project.hypothesis(hypothesis.id), text))

    def delete(self, row: int) -> None:
        hypothesis = self.model.rows[row]
        text = self.tr("Delete the hypothesis {label}? Its codes stay in the codebook.").format(
            label=hypothesis.label
        )
        if self.confirm(self.tr("Delete hypothesis"), text):
            self.run(lambda: self.session.require().delete_hypothesis(hypothesis.id))

    def context_menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        menu = QMenu(self)
        menu.addAction(self.tr("New hypothesis…"), self.new)
        if index.isValid():
            menu.addAction(self.tr("Edit…"), partial(self.edit, index.row()))
            menu.addAction(self.tr("Memo…"), partial(self.memo, index.row()))
            menu.addSeparator()
            menu.addAction(self.tr("Delete…"), partial(self.delete, index.row()))
        disable_edits(menu, self.session)
        menu.exec(self.table.viewport().mapToGlobal(point))
