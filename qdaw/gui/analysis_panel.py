"""The analysis tabs under the document: what the API computes, live."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qdaw.core.errors import QdawError
from qdaw.gui.models.tables import RAW, FrameModel
from qdaw.gui.save_dialog import ask_save_path
from qdaw.gui.session import ChangeEvent, Session
from qdaw.gui.workers import Worker, start

if TYPE_CHECKING:
    import pandas as pd


def category_labels(project: Any) -> set[str]:
    """Codes with sub-codes, as analysis tables name them (the path when the name is
    shared)."""
    rows = project.code_rows()
    by_id = {row.id: row for row in rows}
    names = [row.name for row in rows]

    def label(code_id: int) -> str:
        row = by_id[code_id]
        if names.count(row.name) == 1:
            return str(row.name)
        parts = []
        current: int | None = code_id
        while current is not None:
            parts.append(by_id[current].name)
            current = by_id[current].parent_id
        return "/".join(reversed(parts))

    return {label(row.parent_id) for row in rows if row.parent_id is not None}


class AnalysisTab(QWidget):
    """A table computed from the project, sortable, with an export button."""

    error = Signal(str)
    status = Signal(str)

    def __init__(
        self,
        session: Session,
        compute: Callable[[], pd.DataFrame],
        heat: bool = False,
        show_index: bool = False,
        index_header: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.compute = compute
        self.show_index = show_index
        self.frame: pd.DataFrame | None = None
        self.export_name = ""  # the file name the save dialog suggests
        self.marks = False  # rows of categories (codes with sub-codes) shown with Σ
        self.model = FrameModel(heat=heat, index_header=index_header)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(RAW)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        # Start in the order the analysis gives (codebook order); a header click sorts.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.controls = QHBoxLayout()
        self.controls.setContentsMargins(0, 0, 0, 0)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.clicked.connect(self.export)
        self.controls.addStretch(1)
        self.controls.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.controls)
        layout.addWidget(self.table)
        self.dirty = True

    def headers(self) -> dict[str, str]:
        """Column titles for people, in the interface language."""
        return {
            "code": self.tr("Code"),
            "parent": self.tr("Parent"),
            "hypotheses": self.tr("Hypotheses"),
            "hypothesis": self.tr("Hypothesis"),
            "statement": self.tr("Statement"),
            "codes": self.tr("Codes"),
            "segments": self.tr("Segments"),
            "cases": self.tr("Respondents"),
            "total_cases": self.tr("N"),
            "pct_cases": self.tr("% respondents"),
            "ratio": self.tr("k/N"),
            "case": self.tr("Respondent"),
            "document": self.tr("Document"),
            "coder": self.tr("Coder"),
            "text": self.tr("Passage"),
            "memo": self.tr("Memo"),
            "segment_id": "#",
        }

    def add_control(self, widget: QWidget) -> None:
        self.controls.insertWidget(self.controls.count() - 2, widget)

    def clear(self) -> None:
        import pandas as pd

        self.frame = None
        self.model.set_frame(pd.DataFrame())
        self.dirty = True

    def refresh(self) -> None:
        self.dirty = False
        if self.session.project is None:
            return
        try:
            self.frame = self.compute()
        except QdawError as exc:
            self.error.emit(str(exc))
            return
        self.model.categories = category_labels(self.session.require()) if self.marks else set()
        self.model.set_frame(self.frame, show_index=self.show_index)
        self.model.header = [self.headers().get(name, name) for name in self.model.header]
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 420))

    def export(self) -> Path | None:
        from qdaw.export.tables import write_table

        if self.frame is None:
            return None
        path = ask_save_path(self, self.tr("Export table"), [".xlsx", ".csv"], self.export_name)
        if path is None:
            return None
        frame = self.exported_frame()
        if self.session.anonymise_exports:
            frame = self.session.require().anonymiser().frame(frame, ["text", "memo"])
        try:
            written = write_table(frame, path, index=self.show_index)
        except (QdawError, OSError) as exc:
            self.error.emit(str(exc))
            return None
        self.status.emit(self.tr("Table written: {path}").format(path=written))
        return written

    def exported_frame(self) -> pd.DataFrame:
        assert self.frame is not None
        return self.frame


class AnalysisPanel(QTabWidget):
    jumpTo = Signal(int, int, int)  # document id, start, end
    error = Signal(str)
    status = Signal(str)

    def __init__(
        self,
        session: Session,
        selected_codes: Callable[[], list[int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.selected_codes = selected_codes
        self.own_only = QCheckBox(self.tr("Categories: their own segments only"))
        self.own_only.setToolTip(
            self.tr(
                "Unticked, a category (Σ) counts the respondents with any code below it; "
                "ticked, only the passages coded with the category itself."
            )
        )
        self.presence = QCheckBox(self.tr("Presence (0/1)"))
        self.variable = QComboBox()
        self.crosstab_value = QComboBox()
        for value, label in (
            ("label", self.tr("k/n")),
            ("cases", self.tr("Respondents")),
            ("pct", self.tr("% of group")),
            ("segments", self.tr("Segments")),
        ):
            self.crosstab_value.addItem(label, value)
        p = self._project
        self.frequencies = AnalysisTab(
            session, lambda: p().code_frequencies(rollup=self.rolled_up())
        )
        self.frequencies.add_control(self.own_only)
        self.matrix = AnalysisTab(
            session,
            lambda: p().case_code_matrix(
                "presence" if self.presence.isChecked() else "count", rollup=self.rolled_up()
            ).T,
            heat=True, show_index=True, index_header=self.tr("Code"),
        )  # fmt: skip
        self.matrix.add_control(self.presence)
        self.crosstab = AnalysisTab(
            session, self._crosstab, heat=True, show_index=True, index_header=self.tr("Code")
        )
        self.crosstab.add_control(QLabel(self.tr("Variable:")))
        self.crosstab.add_control(self.variable)
        self.crosstab.add_control(self.crosstab_value)
        self.retrieval = AnalysisTab(session, self._retrieve, show_index=False)
        self.retrieval.add_control(
            QLabel(self.tr("Segments of the codes selected in the codebook (double-click to read)"))
        )
        self.retrieval.table.doubleClicked.connect(self._jump)
        self.hypotheses = AnalysisTab(session, lambda: p().hypothesis_summary())
        report = QPushButton(self.tr("Report…"))
        report.clicked.connect(self.write_report)
        self.hypotheses.add_control(report)
        for tab, title in (
            (self.frequencies, self.tr("Frequencies")),
            (self.matrix, self.tr("Codes × respondents")),
            (self.crosstab, self.tr("Crosstab")),
            (self.retrieval, self.tr("Retrieval")),
            (self.hypotheses, self.tr("Hypotheses")),
        ):
            self.addTab(tab, title)
            tab.error.connect(self.error.emit)
            tab.status.connect(self.status.emit)
        for tab, name in (
            (self.frequencies, self.tr("frequencies")),
            (self.matrix, self.tr("codes-by-respondent")),
            (self.crosstab, self.tr("crosstab")),
            (self.retrieval, self.tr("segments")),
            (self.hypotheses, self.tr("hypotheses")),
        ):
            tab.export_name = name
        for tab in (self.frequencies, self.matrix, self.crosstab):
            tab.marks = True
        self.own_only.toggled.connect(lambda _on: self._on_change(None))
        self.presence.toggled.connect(self.matrix.refresh)
        self.variable.currentIndexChanged.connect(self.crosstab.refresh)
        self.crosstab_value.currentIndexChanged.connect(self.crosstab.refresh)
        self.currentChanged.connect(lambda _: self.refresh_visible())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self.refresh_visible)
        session.changed.connect(self._on_change)
        session.opened.connect(self._on_open)
        session.closed.connect(self._on_close)
        self._workers: list[Worker] = []

    def _project(self) -> Any:
        return self.session.require()

    def rolled_up(self) -> bool:
        """Categories count the codes below them unless asked for their own passages."""
        return not self.own_only.isChecked()

    def tabs(self) -> list[AnalysisTab]:
        return [self.widget(i) for i in range(self.count())]  # type: ignore[misc]

    def _on_open(self) -> None:
        self._fill_variables()
        self._on_change(None)

    def _on_close(self) -> None:
        self._timer.stop()
        for tab in self.tabs():
            tab.clear()
        self._fill_variables()

    def _fill_variables(self) -> None:
        current = self.variable.currentText()
        self.variable.blockSignals(True)
        self.variable.clear()
        project = self.session.project
        if project is not None:
            self.variable.addItems(list(project.variable_types()))
        if current:
            self.variable.setCurrentText(current)
        self.variable.blockSignals(False)

    def _on_change(self, event: ChangeEvent | None) -> None:
        if event is not None and event.tables & {"variables"}:
            self._fill_variables()
        for tab in self.tabs():
            tab.dirty = True
        self._timer.start()

    def refresh_visible(self) -> None:
        tab = self.currentWidget()
        if isinstance(tab, AnalysisTab) and tab.dirty and self.isVisible():
            tab.refresh()

    def refresh_codes_selection(self) -> None:
        self.retrieval.dirty = True
        if self.currentWidget() is self.retrieval:
            self.retrieval.refresh()

    def _crosstab(self) -> pd.DataFrame:
        import pandas as pd

        variable = self.variable.currentText()
        if not variable:
            return pd.DataFrame({self.tr("Add respondent variables to cross codes with them"): []})
        value = self.crosstab_value.currentData()
        from qdaw.analysis.crosstab import default_bins

        project = self._project()
        table = project.crosstab(
            variable, value=value, bins=default_bins(project, variable), rollup=self.rolled_up()
        )
        sizes = table.attrs["n"]
        table.columns = [f"{c} (n={sizes[c]})" for c in table.columns]
        return table

    def _retrieve(self) -> pd.DataFrame:
        import pandas as pd

        columns = ["segment_id", "code", "case", "document", "coder", "text", "memo"]
        codes = self.selected_codes()
        if not codes:  # nothing selected: nothing to fetch
            return pd.DataFrame(columns=columns)
        return self._project().retrieve(codes=codes).reset_index()[columns]

    def _jump(self, index: QModelIndex) -> None:
        from qdaw.core.entities import Segment

        frame = self.retrieval.frame
        if frame is None:
            return
        row = self.retrieval.proxy.mapToSource(index).row()
        segment = Segment(self._project(), int(frame.iloc[row]["segment_id"]))
        self.jumpTo.emit(segment.document.id, segment.start, segment.end)

    def write_report(self) -> Worker | None:
        path = ask_save_path(self, self.tr("Hypotheses report"), [".docx", ".html", ".md"])
        return self.start_report(str(path)) if path is not None else None

    def start_report(self, path: str) -> Worker:
        """Build and write the report on a worker thread, with its own connection."""
        from qdaw.core.project import Project

        location = self._project().location
        anonymise = self.session.anonymise_exports

        def task(worker: Worker) -> str:
            from qdaw.export.report import build_report, write_report

            worker.report(0, 2, "analyse")
            with Project.open(location) as project:
                document = build_report(project, anonymise=anonymise)
                worker.report(1, 2, "write")
                return str(write_report(document, path))

        progress = QProgressDialog(self.tr("Writing the report…"), self.tr("Hide"), 0, 2, self)
        progress.setWindowModality(Qt.WindowModality.NonModal)
        progress.setMinimumDuration(300)
        worker = Worker(task)

        def finished(written: str) -> None:
            progress.close()
            self.status.emit(self.tr("Report written: {path}").format(path=written))

        def failed(message: str) -> None:
            progress.close()
            self.error.emit(message)

        worker.signals.progress.connect(lambda done, total, _what: progress.setValue(done))
        worker.signals.finished.connect(finished)
        worker.signals.failed.connect(failed)
        return start(worker)
