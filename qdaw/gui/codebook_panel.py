"""The codebook panel: the tree of codes and everything done to codes."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialog,
    QHeaderView,
    QInputDialog,
    QMenu,
    QMessageBox,
    QStyle,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from qdaw.errors import QdawError
from qdaw.gui.models.codebook import CodebookModel
from qdaw.gui.read_only import disable_edits, show_writable
from qdaw.gui.reporting import run_reporting
from qdaw.gui.session import Session


def shortened(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut between words, with "…" when cut."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


class CodebookPanel(QWidget):
    codeActivated = Signal(int)  # double-click: apply to the selection
    error = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = CodebookModel(session)
        self.model.error.connect(self.error.emit)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self.context_menu)
        self.tree.doubleClicked.connect(self._activated)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed, fitted to the widest count: "resize to contents" measured every row of
        # the codebook after each edit (a tenth of a second on a large codebook).
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.tree.setUniformRowHeights(True)
        self.model.modelReset.connect(self._fit_counts)
        self.model.dataChanged.connect(lambda *_: self._fit_counts())
        self._expanded: set[int] = set()
        self._selected: list[int] = []
        self._current: int | None = None
        self._scroll = 0
        self._first_load = True
        self.model.modelAboutToBeReset.connect(self._remember_expansion)
        self.model.modelReset.connect(self._restore_expansion)
        tools = QToolBar(self)
        tools.addAction(self.tr("New code"), self.new_code)
        tools.addAction(self.tr("New sub-code"), self.new_subcode)
        tools.addAction(self.tr("Delete"), self.delete_selected)
        #: Disabled, saying why, while the project is read-only.
        self.edit_tools = tools.actions()
        session.opened.connect(lambda: show_writable(self.edit_tools, session))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(tools)
        layout.addWidget(self.tree)
        self._restore_expansion()

    def _fit_counts(self) -> None:
        """Widen the count columns when the widest count needs it (never per row)."""
        model = self.model
        segments = max((n for n, _ in (*model.counts.values(), *model.rolled.values())), default=0)
        metrics = self.tree.fontMetrics()
        margin = 2 * self.tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
        texts = (f"Σ {segments}", f"Σ {model.total}/{model.total}")
        header = self.tree.header()
        for column, text in ((1, texts[0]), (2, texts[1])):
            wanted = max(
                metrics.horizontalAdvance(text) + margin,
                metrics.horizontalAdvance(str(model.headerData(column, Qt.Orientation.Horizontal)))
                + margin,
            )
            if header.sectionSize(column) != wanted:
                header.resizeSection(column, wanted)

    # -- expansion survives reloads ----------------------------------------------------
    def _remember_expansion(self) -> None:
        self._expanded = set()
        for code_id in self.model.rows:
            if self.tree.isExpanded(self.model.index_of(code_id)):
                self._expanded.add(code_id)
        self._selected = self.selected_ids()
        self._current = self.current_id()
        self._scroll = self.tree.verticalScrollBar().value()

    def _restore_expansion(self) -> None:
        """After a reload (an edit here or by another writer) the tree looks as it did:
        what was open, selected and scrolled to."""
        if self._first_load and self.model.rows:
            self.tree.expandAll()
            self._first_load = False
            return
        for code_id in self._expanded:
            self.tree.expand(self.model.index_of(code_id))
        selection = self.tree.selectionModel()
        if self._current in self.model.rows:
            self.tree.setCurrentIndex(self.model.index_of(self._current))
        for code_id in self._selected:
            if code_id in self.model.rows and selection is not None:
                selection.select(
                    self.model.index_of(code_id),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        self.tree.verticalScrollBar().setValue(self._scroll)

    # -- selection -----------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = self.tree.selectionModel().selectedRows(0) if self.tree.selectionModel() else []
        return [int(index.internalId()) for index in rows]

    def current_id(self) -> int | None:
        index = self.tree.currentIndex()
        return int(index.internalId()) if index.isValid() else None

    def select(self, code_id: int) -> None:
        self.tree.setCurrentIndex(self.model.index_of(code_id))

    def reveal(self, code_id: int) -> None:
        """Expand the categories above a code, select it and scroll to it."""
        parent = self.model.rows[code_id].parent_id if code_id in self.model.rows else None
        while parent is not None:
            self.tree.expand(self.model.index_of(parent))
            parent = self.model.rows[parent].parent_id
        self.select(code_id)
        self.tree.scrollTo(self.model.index_of(code_id))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.codeActivated.emit(int(index.internalId()))

    def _run(self, action: Callable[[], object]) -> bool:
        return run_reporting(action, self.error)

    # -- actions ---------------------------------------------------------------------
    def new_code(self, parent_id: int | None = None) -> int | None:
        name, ok = QInputDialog.getText(self, self.tr("New code"), self.tr("Name:"))
        if not ok or not name.strip():
            return None
        try:
            code = self.session.require().add_code(
                name, parent=parent_id, author=self.session.coder
            )
        except QdawError as exc:
            self.error.emit(str(exc))
            return None
        if parent_id is not None:
            self.tree.expand(self.model.index_of(parent_id))
        self.select(code.id)
        return code.id

    def new_subcode(self) -> int | None:
        return self.new_code(self.current_id())

    def rename(self, code_id: int) -> None:
        self.tree.edit(self.model.index_of(code_id))

    def recolor(self, code_id: int) -> None:
        color = QColorDialog.getColor(
            QColor(self.model.rows[code_id].color), self, self.tr("Code colour")
        )
        if color.isValid():
            self._run(lambda: self.session.require().recolor_code(code_id, color.name()))

    def describe(self, code_id: int) -> None:
        row = self.model.rows[code_id]
        text, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Describe {name}").format(name=row.name),
            self.tr("Definition:"),
            row.description or "",
        )
        if ok:
            self._run(lambda: self.session.require().describe_code(code_id, text))

    def memo(self, code_id: int) -> None:
        from qdaw.core.entities import Code

        row = self.model.rows[code_id]
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Memo on {name}").format(name=row.name), self.tr("Memo:"), row.memo or ""
        )
        if ok:
            self._run(
                lambda: self.session.require().set_memo(Code(self.session.require(), code_id), text)
            )

    def merge(self, code_id: int) -> None:
        others = {self.path(i): i for i in self.model.rows if i != code_id}
        name = self.model.rows[code_id].name
        target, ok = QInputDialog.getItem(
            self,
            self.tr("Merge {name}").format(name=name),
            self.tr("Merge into:"),
            sorted(others),
            0,
            False,
        )
        if ok and target:
            self._run(lambda: self.session.require().merge_codes(code_id, others[target]))

    def distinctive_words(self, code_id: int) -> QDialog:
        from qdaw.gui.words_dialog import WordsDialog

        dialog = WordsDialog(self.session, code_id, self.window())
        dialog.show()
        return dialog

    def path(self, code_id: int) -> str:
        row = self.model.rows[code_id]
        return row.name if row.parent_id is None else f"{self.path(row.parent_id)}/{row.name}"

    def subtree(self, code_id: int) -> list[int]:
        ids = [code_id]
        for child in self.model.child_ids.get(code_id, []):
            ids += self.subtree(child)
        return ids

    def confirm_delete(self, code_id: int) -> bool:
        ids = self.subtree(code_id)
        segments = sum(self.model.counts.get(i, (0, 0))[0] for i in ids)
        name = self.model.rows[code_id].name
        text = self.tr("Delete the code “{name}”?").format(name=name)
        details = []
        if len(ids) > 1:
            details.append(self.tr("{n} sub-codes will be deleted too.").format(n=len(ids) - 1))
        details.append(self.tr("{n} coded segments will be removed.").format(n=segments))
        details.append(self.tr("You can undo this with Ctrl+Z."))
        answer = QMessageBox.question(
            self,
            self.tr("Delete code"),
            text + "\n\n" + "\n".join(details),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def delete(self, code_id: int) -> bool:
        if not self.confirm_delete(code_id):
            return False
        self._run(lambda: self.session.require().delete_code(code_id))
        return True

    def delete_selected(self) -> None:
        code_id = self.current_id()
        if code_id is not None:
            self.delete(code_id)

    def toggle_link(self, code_id: int, hypothesis_id: int, linked: bool) -> None:
        project = self.session.require()
        if linked:
            self._run(lambda: project.unlink_code(code_id, hypothesis_id))
        else:
            self._run(lambda: project.link_code(code_id, hypothesis_id))

    def context_menu(self, point: QPoint) -> None:
        index = self.tree.indexAt(point)
        menu = QMenu(self)
        menu.addAction(self.tr("New code…"), self.new_code)
        reads: list[QAction] = []
        if index.isValid():
            code_id = int(index.internalId())
            menu.addAction(self.tr("New sub-code…"), partial(self.new_code, code_id))
            menu.addSeparator()
            menu.addAction(self.tr("Apply to selection"), partial(self.codeActivated.emit, code_id))
            menu.addAction(self.tr("Rename"), partial(self.rename, code_id))
            menu.addAction(self.tr("Colour…"), partial(self.recolor, code_id))
            menu.addAction(self.tr("Describe…"), partial(self.describe, code_id))
            menu.addAction(self.tr("Memo…"), partial(self.memo, code_id))
            menu.addAction(self.tr("Merge into…"), partial(self.merge, code_id))
            reads.append(
                menu.addAction(
                    self.tr("Distinctive words…"), partial(self.distinctive_words, code_id)
                )
            )
            project = self.session.require()
            hypotheses = project.hypothesis_rows()
            if hypotheses:
                links = menu.addMenu(self.tr("Hypotheses"))
                for hypothesis in hypotheses:
                    linked = code_id in hypothesis.code_ids
                    action = links.addAction(
                        f"{hypothesis.label} — {shortened(hypothesis.statement, 60)}"
                    )
                    action.setCheckable(True)
                    action.setChecked(linked)
                    action.triggered.connect(
                        partial(self.toggle_link, code_id, hypothesis.id, linked)
                    )
            menu.addSeparator()
            menu.addAction(self.tr("Delete…"), partial(self.delete, code_id))
        disable_edits(menu, self.session, reads)
        menu.exec(self.tree.viewport().mapToGlobal(point))
