"""The Words tab: word frequencies of the project or a selection, computed off the GUI
thread; a double-click on a term lists its lines in context, a double-click on a
line opens the passage. Export… writes the table (CSV or XLSX, as the save dialog's
chosen type says), Word cloud… draws it (PNG or SVG)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from qdaw.core.operations import Area
from qdaw.gui import words_output
from qdaw.gui.models.tables import FrameModel, sortable_table
from qdaw.gui.passages import PassageList
from qdaw.gui.search_panel import HitsModel
from qdaw.gui.session import ChangeEvent, Session
from qdaw.gui.words_selection import SelectionBox
from qdaw.gui.workers import Worker, start
from qdaw.project import Project

if TYPE_CHECKING:
    import pandas as pd

#: What the counts are computed from.
COUNTED = frozenset({Area.TEXT_INDEX, Area.PROJECT, Area.CODING, Area.DOCUMENTS,
                     Area.CASES, Area.VARIABLES, Area.CODEBOOK})  # fmt: skip


class WordsTab(QWidget):
    jumpTo = Signal(int, int, int)  # document id, start, end
    error = Signal(str)
    status = Signal(str)
    computed = Signal(int)  # terms shown (-1: failed)
    listed = Signal(int)  # lines in context shown

    def __init__(
        self,
        session: Session,
        selected_codes: Callable[[], list[int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.frame: pd.DataFrame | None = None
        self.keys: list[str] = []
        self.worker: Worker | None = None
        self.kwic_worker: Worker | None = None
        self.dirty = True
        self.by = QComboBox(self)
        self.by.addItem(self.tr("Lemmas"), "lemma")
        self.by.addItem(self.tr("Word forms"), "form")
        self.ngram = QComboBox(self)
        for n, label in ((1, self.tr("Single words")), (2, self.tr("Bigrams")),
                         (3, self.tr("Trigrams"))):  # fmt: skip
            self.ngram.addItem(label, n)
        self.selection = SelectionBox(session, selected_codes, self)
        self.stop = QCheckBox(self.tr("Leave out stop words"), self)
        self.stop.setChecked(True)
        self.edit_stop = QPushButton(self.tr("Edit stop words…"), self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.cloud_button = QPushButton(self.tr("Word cloud…"), self)
        for button in (self.export_button, self.cloud_button):
            button.setEnabled(False)
        self.summary = QLabel(self)
        self.model = FrameModel()
        self.proxy, self.table = sortable_table(self.model, self)
        self.kwic_label = QLabel(self.tr("Double-click a term to read it in context"), self)
        self.kwic = PassageList(self)
        self.hits = HitsModel()
        self.kwic.setModel(self.hits)
        self.kwic.doubleClicked.connect(self._jump)
        self.kwic.activated.connect(self._jump)
        self.table.doubleClicked.connect(self.show_context)
        # Two rows: the tab must not widen the analysis panel beyond what it needs.
        controls = QHBoxLayout()
        for widget in (self.by, self.ngram, *self.selection.widgets()):
            controls.addWidget(widget)
        controls.addStretch(1)
        actions = QHBoxLayout()
        for widget in (self.stop, self.edit_stop):
            actions.addWidget(widget)
        actions.addWidget(self.summary, 1)
        actions.addWidget(self.export_button)
        actions.addWidget(self.cloud_button)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.kwic_label)
        side_layout.addWidget(self.kwic, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setSizes([600, 440])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        for combo in (self.by, self.ngram):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.selection.changed.connect(self.refresh)
        self.stop.toggled.connect(lambda _on: self.refresh())
        self.edit_stop.clicked.connect(self.edit_stop_words)
        self.export_button.clicked.connect(lambda: self.export())
        self.cloud_button.clicked.connect(lambda: self.draw_cloud())
        session.changed.connect(self._on_change)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(lambda: self.refresh() if self.dirty else None)

    # -- computing ---------------------------------------------------------------------
    def options(self) -> dict[str, Any]:
        return {"by": self.by.currentData(), "ngram": int(self.ngram.currentData()),
                "stop_words": self.stop.isChecked(), **self.selection.filters()}  # fmt: skip

    def _on_change(self, event: ChangeEvent) -> None:
        if self._matters(event):
            self.dirty = True
            if self.isVisible():
                self._timer.start()  # edits in a row: one count, after them

    def _matters(self, event: ChangeEvent) -> bool:
        """Whether a change can move the counts shown: coding only when the selection
        is codes' passages; of the project's settings, only its stop words."""
        areas = event.areas & COUNTED
        if not areas:
            return False
        if areas <= {Area.CODING, Area.CODEBOOK}:
            return self.selection.kind() == "codes"
        if areas == {Area.PROJECT} and event.op is not None and not event.remote:
            return event.op.kind == "set_stop_words"
        return True

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.dirty:
            self.refresh()

    def codes_changed(self) -> None:
        """The codebook's selection changed: it matters when it is the selection."""
        if self.selection.kind() == "codes":
            self.dirty = True
            if self.isVisible():
                self.refresh()

    def clear(self) -> None:
        import pandas as pd

        if self.worker is not None:
            self.worker.cancel()
            self.worker = None
        self.frame, self.keys = None, []
        self.model.set_frame(pd.DataFrame())
        self.hits.set_hits([])
        self.summary.clear()
        self.dirty = True

    def refresh(self) -> Worker | None:
        self.dirty = False
        project = self.session.project
        if project is None:
            return None
        if self.worker is not None:
            self.worker.cancel()  # its result is ignored (and it stops at its next check)
        self.worker = None
        if self.selection.kind() == "codes" and not self.selection.filters():
            self._show(None, None)
            self.summary.setText(self.tr("Select codes in the codebook to count their words"))
            return None
        location, options = project.location, self.options()

        def task(_worker: Worker) -> pd.DataFrame:
            with Project.open(location, read_only=True) as own:
                return own.word_frequencies(**options)

        worker = Worker(task)
        self.worker = worker
        self.summary.setText(self.tr("Counting…"))
        worker.signals.finished.connect(lambda frame: self._show(worker, frame))
        worker.signals.failed.connect(lambda message: self._failed(worker, message))
        return start(worker)

    def headers(self) -> list[str]:
        return [self.tr("Term"), self.tr("Count"), self.tr("Documents"),
                self.tr("Respondents"), self.tr("Share (%)")]  # fmt: skip

    def _show(self, worker: Worker | None, frame: pd.DataFrame | None) -> None:
        import pandas as pd

        if worker is not self.worker:
            return
        self.worker = None
        self.frame = frame
        self.keys = list(frame.attrs.get("keys", [])) if frame is not None else []
        shown = pd.DataFrame() if frame is None else frame.assign(share=frame["share"] * 100)
        self.model.decimals = {"share": 2}
        self.model.set_frame(shown)
        if frame is not None:
            self.model.header = self.headers()
            self.table.resizeColumnsToContents()
            total = int(frame["count"].sum())
            self.summary.setText(
                self.tr("{n} terms, {total} occurrences").format(n=len(frame), total=total)
            )
        self.hits.set_hits([])
        for button in (self.export_button, self.cloud_button):
            button.setEnabled(frame is not None and not frame.empty)
        self.computed.emit(0 if frame is None else len(frame))

    def _failed(self, worker: Worker, message: str) -> None:
        if worker is not self.worker:
            return
        self.worker = None
        self.summary.setText(message)
        self.computed.emit(-1)

    # -- in context ----------------------------------------------------------------------
    def show_context(self, index: QModelIndex) -> Worker | None:
        row = self.proxy.mapToSource(index).row()
        project = self.session.project
        if project is None or not 0 <= row < len(self.keys):
            return None
        key, location, options = self.keys[row], project.location, self.options()
        by, filters = options.pop("by"), self.selection.filters()

        def task(_worker: Worker) -> list[Any]:
            with Project.open(location, read_only=True) as own:
                return own.term_in_context(key, by, **filters)

        worker = Worker(task)
        self.kwic_worker = worker
        term = str(self.model.values[row][0])
        self.kwic_label.setText(self.tr("Looking for “{term}”…").format(term=term))

        def shown(hits: list[Any]) -> None:
            if worker is self.kwic_worker:
                self.hits.set_hits(hits)
                self.kwic_label.setText(
                    self.tr("“{term}” in context: {n} lines (double-click to read)").format(
                        term=term, n=len(hits)
                    )
                )
                self.listed.emit(len(hits))

        worker.signals.finished.connect(shown)
        worker.signals.failed.connect(self.kwic_label.setText)
        return start(worker)

    def _jump(self, index: QModelIndex) -> None:
        hit = self.hits.hits[index.row()]
        self.jumpTo.emit(hit.document_id, hit.start, hit.end)

    # -- stop words, export, cloud (qdaw.gui.words_output) ----------------------------
    def edit_stop_words(self) -> None:
        words_output.edit_stop_words(self)

    def export(self, path: str | None = None) -> str | None:
        return words_output.export(self, path)

    def draw_cloud(self, path: str | None = None) -> Worker | None:
        return words_output.draw_cloud(self, path)
