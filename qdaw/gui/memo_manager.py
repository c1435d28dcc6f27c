"""View ▸ Memos…: every memo of the project in one list, filtered by kind and text,
edited in place below it, each row a way back to what it belongs to.

An edit is saved when the editor loses the focus, when another row is chosen, with
Ctrl+S or Save, and when the window closes: one undoable step each (Edit ▸ Undo). It
is saved over the memo as it was read; if another writer changed it meanwhile, nothing
is overwritten: the editor keeps the user's text and says so, offering both versions.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFocusEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qdaw.core.operations import Area
from qdaw.errors import MemoChanged, QdawError
from qdaw.gui.models.memos import KEY, KIND_LABELS, MemoFilter, MemoModel, MemoRow, kind_label
from qdaw.gui.read_only import read_only_reason
from qdaw.gui.session import ChangeEvent, Session
from qdaw.gui.workers import Worker

SHOWN = {Area.CODING, Area.CODEBOOK, Area.DOCUMENTS, Area.CASES, Area.HYPOTHESES, Area.PROJECT}


class MemoEditor(QPlainTextEdit):
    left = Signal()  # the focus went elsewhere: time to save

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()


class MemoManager(QDialog):
    goTo = Signal(object)  # MemoRow: show what it belongs to
    status = Signal(str)  # for the window's status bar

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Memos"))
        self.resize(900, 640)
        self.model = MemoModel()
        self.proxy = MemoFilter()
        self.proxy.setSourceModel(self.model)
        self.current: MemoRow | None = None
        self.base = ""  # the memo as read: what a save expects to replace
        self._saving: tuple[tuple[str, int], str] | None = None  # (key, text) being saved
        self.kinds = QComboBox(self)
        self.kinds.addItem(self.tr("All kinds"), None)
        for kind in KIND_LABELS:
            self.kinds.addItem(kind_label(kind), kind)
        self.kinds.currentIndexChanged.connect(
            lambda _i: self.proxy.set_kind(self.kinds.currentData())
        )
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search the memos…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 320)
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        self.table.doubleClicked.connect(lambda _index: self.go_to())
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.editor = MemoEditor(self)
        self.editor.setPlaceholderText(self.tr("Choose a memo above to read and edit it"))
        self.editor.left.connect(self.save)
        self.notice = QLabel(self)  # a conflict or an error, in the window's words
        self.notice.setWordWrap(True)
        self.notice.setObjectName("memoNotice")
        button = self._button
        self.keep_mine = button(self.tr("Keep my version"), "", lambda: self.save(True))
        self.take_theirs = button(self.tr("Take theirs"), "", self.discard)
        self.save_button = button(self.tr("Save"), self.tr("Save the memo (Ctrl+S)"), self.save)
        self.go_button = button(
            self.tr("Go to"), self.tr("Show what the memo belongs to (double-click)"), self.go_to
        )
        self.export_button = button(
            self.tr("Export…"), self.tr("Write the memos listed to Word, Markdown or CSV"),
            self.export,
        )  # fmt: skip
        self.shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.shortcut.activated.connect(self.save)
        self._lay_out()
        self._show_conflict(None)
        session.changed.connect(self._on_change)
        self.refresh()
        self.table.selectRow(0)  # the project's memo, always listed first

    def _button(self, text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.kinds)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.export_button)
        lower = QWidget(self)
        below = QVBoxLayout(lower)
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.heading)
        below.addWidget(self.editor, 1)
        conflict = QHBoxLayout()
        conflict.addWidget(self.notice, 1)
        conflict.addWidget(self.keep_mine)
        conflict.addWidget(self.take_theirs)
        below.addLayout(conflict)
        buttons = QHBoxLayout()
        buttons.addWidget(self.go_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        below.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setSizes([330, 310])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split, 1)

    # -- the list ------------------------------------------------------------------
    def _on_change(self, event: ChangeEvent) -> None:
        # (A closed manager is kept by the window, unseen: it reads again when shown.)
        if self._saving is not None and self.model.set_memo(*self._saving):
            return  # this window's own save: that row only
        if event.areas & SHOWN and self.session.project is not None and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Reload the list (this window's saves, undo, another writer's edits), keeping
        the row chosen and the text being typed."""
        key = self.current.key if self.current else None
        selection = self.table.selectionModel()
        selection.blockSignals(True)  # (a reload is no choice of another row)
        try:
            self.model.reload(self.session.project)
            row = self.model.row_of(key) if key else None
            if key is not None:
                self.select(*key)
        finally:
            selection.blockSignals(False)
        typing = self.editor.document().isModified()
        if row is None and not typing:
            self._clear()  # its memo was emptied (undone, or by another writer)
        elif row is not None and not typing:
            self._load(self.model.rows[row])  # what it says now (undone, or theirs)
        elif row is not None:
            self.current = self.model.rows[row]
        self._enable()

    def _clear(self) -> None:
        self.current, self.base = None, ""
        self.heading.setText("")
        self.editor.setPlainText("")
        self.editor.document().setModified(False)

    def _chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return
        key = indexes[0].data(KEY)
        if self.current is not None and key == self.current.key:
            return
        if not self.save():  # the edit stays on screen, and so does its row
            self._reselect_current()
            return
        row = self.model.row_of(key)
        if row is not None:
            self._load(self.model.rows[row])

    def _reselect_current(self) -> None:
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        self.select(*self.current.key) if self.current else None
        selection.blockSignals(False)

    def _load(self, row: MemoRow) -> None:
        self.current, self.base = row, row.memo
        quote = self.tr("“{text}”").format(text=_escape(row.text)) if row.text else ""
        quote = f"<br><i>{quote}</i>" if quote else ""
        self.heading.setText(f"<b>{kind_label(row.kind)}</b> — {_escape(row.belongs_to)}{quote}")
        self.editor.setPlainText(row.memo)
        self.editor.document().setModified(False)
        self._show_conflict(None)
        self._enable()

    def _enable(self) -> None:
        reason = read_only_reason(self.session)
        chosen = self.current is not None
        self.editor.setReadOnly(reason is not None or not chosen)
        self.editor.setToolTip(reason or "")
        self.save_button.setEnabled(reason is None and chosen)
        self.go_button.setEnabled(self.current is not None and self.current.kind != "project")

    def select(self, kind: str, row_id: int) -> bool:
        row = self.model.row_of((kind, row_id))
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():  # (else filtered out)
            self.table.selectRow(index.row())
        return index.isValid()

    # -- saving --------------------------------------------------------------------
    def save(self, overwrite: bool = False) -> bool:
        """Save the edit, if any; False if it could not be (the text stays)."""
        if self.current is None or self.session.project is None:
            return True
        if not self.editor.document().isModified():
            return True
        text = self.editor.toPlainText()
        project = self.session.project
        self._saving = (self.current.key, text)
        try:
            expected = {} if overwrite else {"expected": self.base}
            project.set_memo(self.current.target(project), text, **expected)
        except MemoChanged as exc:
            self._show_conflict(exc.current or "")
            return False
        except QdawError as exc:
            self.notice.setText(str(exc))
            self.notice.show()
            return False
        finally:
            self._saving = None
        self.base = text
        self.editor.document().setModified(False)
        self._show_conflict(None)
        return True

    def settle(self) -> bool:
        """Before the project closes: the edit saved, or the researcher decides what
        becomes of it (never dropped without asking). False: keep the project open."""
        from qdaw.gui.memo_settle import ask_about_unsaved

        return self.save() or ask_about_unsaved(self)

    def _show_conflict(self, theirs: str | None) -> None:
        self.theirs = theirs
        for widget in (self.notice, self.keep_mine, self.take_theirs):
            widget.setVisible(theirs is not None)
        if theirs is not None:
            self.notice.setText(
                self.tr("Another writer changed this memo meanwhile; it now reads: “{text}”. "
                        "Your text is kept here, not saved.").format(text=theirs or "")
            )  # fmt: skip

    def discard(self) -> None:
        """The other writer's version replaces the text typed here."""
        self.editor.document().setModified(False)
        self.refresh()
        self._show_conflict(None)

    def discard_notice(self) -> None:
        """The edit was let go (copied away): no conflict or error left on screen."""
        self._show_conflict(None)
        self.notice.hide()

    # -- going to its object, exporting ----------------------------------------------
    def go_to(self) -> None:
        if self.current is not None and self.current.kind != "project":
            self.save()
            self.goTo.emit(self.current)

    def export(self) -> Worker | None:
        from qdaw.gui.memo_actions import export_memos

        return export_memos(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session.project is not None and not self.settle():
            event.ignore()  # never lose an edit: the researcher chose to keep it here
            return
        super().closeEvent(event)

    def reject(self) -> None:  # Escape
        if self.session.project is None or self.settle():
            super().reject()


def _escape(text: str) -> str:
    return escape(" ".join(text.split()))
