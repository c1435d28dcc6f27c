"""Code ▸ Sets…: document and code sets, filled by dragging documents from the
respondents tree and codes from the codebook onto a set (each change undoable)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qdaw.core.operations import Area
from qdaw.errors import QdawError
from qdaw.gui.models.cases import DOCUMENT_MIME, decode_documents
from qdaw.gui.models.codebook import CODE_MIME, decode_codes
from qdaw.gui.session import ChangeEvent, Session

SHOWN = {Area.SETS, Area.DOCUMENTS, Area.CODEBOOK, Area.CASES}
NAME = Qt.ItemDataRole.UserRole


class SetList(QListWidget):
    """The sets; documents or codes dropped on a set join it."""

    def __init__(self, dialog: SetsDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def _accepts(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        data = event.mimeData()
        return data.hasFormat(CODE_MIME) or data.hasFormat(DOCUMENT_MIME)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        if self._accepts(event) and item is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        if item is None or not self._accepts(event):
            event.ignore()
            return
        data = event.mimeData()
        kind = "document" if data.hasFormat(DOCUMENT_MIME) else "code"
        members = decode_documents(data) if kind == "document" else decode_codes(data)
        if self.dialog.add_members(str(item.data(NAME)), kind, members):
            event.acceptProposedAction()
        else:
            event.ignore()


class SetsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Sets"))
        self.resize(560, 380)
        self.last_error: QMessageBox | None = None
        self.sets = SetList(self)
        self.members = QListWidget(self)
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.sets.currentItemChanged.connect(lambda *_: self._show_members())
        new_documents = QPushButton(self.tr("New document set…"), self)
        new_codes = QPushButton(self.tr("New code set…"), self)
        self.delete_button = QPushButton(self.tr("Delete set"), self)
        self.remove_button = QPushButton(self.tr("Remove from set"), self)
        close = QPushButton(self.tr("Close"), self)
        new_documents.clicked.connect(lambda: self.new_set("document"))
        new_codes.clicked.connect(lambda: self.new_set("code"))
        self.delete_button.clicked.connect(self.delete_set)
        self.remove_button.clicked.connect(self.remove_members)
        close.clicked.connect(self.accept)
        lists = QHBoxLayout()
        lists.addWidget(self.sets, 1)
        lists.addWidget(self.members, 2)
        buttons = QHBoxLayout()
        for button in (new_documents, new_codes, self.delete_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Drag documents from the respondents or codes from the codebook onto a "
                    "set. Filter any analysis by a set."
                )
            )
        )
        layout.addLayout(lists)
        layout.addLayout(buttons)
        session.changed.connect(self._on_change)
        self.reload()

    def _on_change(self, event: ChangeEvent) -> None:
        if event.areas & SHOWN:
            QTimer.singleShot(0, self.reload)

    def reload(self) -> None:
        project = self.session.project
        current = self.current_set()
        self.sets.clear()
        for item in project.sets() if project is not None else []:
            label = (
                self.tr("{name} · documents: {n}")
                if item.kind == "document"
                else self.tr("{name} · codes: {n}")
            ).format(name=item.name, n=len(item.members))
            row = QListWidgetItem(label, self.sets)
            row.setData(NAME, item.name)
            if item.name == current:
                self.sets.setCurrentItem(row)
        if self.sets.currentItem() is None and self.sets.count():
            self.sets.setCurrentRow(0)
        self._show_members()

    def current_set(self) -> str | None:
        item = self.sets.currentItem()
        return None if item is None else str(item.data(NAME))

    def _show_members(self) -> None:
        self.members.clear()
        name, project = self.current_set(), self.session.project
        if name is not None and project is not None:
            self.members.addItems(project.set(name).members)
        self.delete_button.setEnabled(name is not None)
        self.remove_button.setEnabled(name is not None)

    def _run(self, action: object) -> bool:
        try:
            action()  # type: ignore[operator]
        except QdawError as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Sets"), str(exc),
                              QMessageBox.StandardButton.Ok, self)  # fmt: skip
            box.open()
            self.last_error = box
            return False
        return True

    def new_set(self, kind: str, name: str | None = None) -> bool:
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("New set"), self.tr("Name:"))
            if not ok or not name.strip():
                return False
        project = self.session.require()
        return self._run(lambda: project.add_set(name, kind=kind))

    def add_members(self, name: str, kind: str, members: list[int]) -> bool:
        """Dropped documents or codes (ids) join the set, if it holds their kind."""
        project = self.session.require()

        def add() -> None:
            if project.set(name).kind != kind:
                raise QdawError(
                    self.tr("{name} holds documents: drop documents on it").format(name=name)
                    if kind == "code"
                    else self.tr("{name} holds codes: drop codes on it").format(name=name)
                )
            project.add_to_set(name, members)

        return bool(members) and self._run(add)

    def remove_members(self) -> None:
        name = self.current_set()
        chosen = [item.text() for item in self.members.selectedItems()]
        if name is not None and chosen:
            project = self.session.require()
            self._run(lambda: project.remove_from_set(name, chosen))

    def delete_set(self) -> None:
        name = self.current_set()
        if name is not None:
            project = self.session.require()
            self._run(lambda: project.delete_set(name))
