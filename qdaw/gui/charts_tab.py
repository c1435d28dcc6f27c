"""The Charts tab: codes by a variable, the co-occurrence heatmap and map, drawn off
the GUI thread and shown on matplotlib's Qt canvas; and the code matrix browser,
whose cells open their passages. "Export…" writes the chart as PNG or SVG."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from qdaw.errors import QdawError
from qdaw.gui.analysis_tab import AnalysisTab
from qdaw.gui.code_matrix import CodeMatrixView
from qdaw.gui.retrieval_tab import RetrievalTab
from qdaw.gui.save_dialog import ask_save_path
from qdaw.gui.session import Session
from qdaw.gui.workers import Worker, start

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

MATRIX = "matrix"
#: The passage columns the retrieval list reads (as the Retrieval tab's).
PASSAGE_COLUMNS = ["segment_id", "code", "case", "document", "coder", "start", "end", "text",
                   "memo", "page", "timecode", "region"]  # fmt: skip


class ChartsTab(AnalysisTab):
    jumpTo = Signal(int, int, int)  # document id, start, end
    drawn = Signal()  # a chart is on the canvas (or the matrix filled)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        # (show_index: the matrix is exported with its codes)
        super().__init__(session, lambda: None, show_index=True, parent=parent)  # type: ignore[arg-type,return-value]
        self.table.hide()
        self.export_name = self.tr("chart")
        self.figure: Figure | None = None
        self._generation = 0  # a newer request outdates an older chart still being drawn
        self.kind = self._combo(
            ("by-variable", self.tr("Codes by a variable")),
            ("heatmap", self.tr("Co-occurrence heatmap")),
            ("network", self.tr("Co-occurrence map")),
            (MATRIX, self.tr("Code matrix browser")),
        )
        self.variable = _narrow(QComboBox())
        self.mode = self._combo(("grouped", self.tr("Grouped")), ("stacked", self.tr("Stacked")))
        self.value = self._combo(("pct", self.tr("% of respondents")),
                                 ("cases", self.tr("Respondents (k)")))  # fmt: skip
        self.level = self._combo(("case", self.tr("Same respondent")),
                                 ("segment", self.tr("Overlapping passages")))  # fmt: skip
        self.measure = self._combo(("count", self.tr("Count")), ("jaccard", self.tr("Jaccard")))
        self.threshold = QDoubleSpinBox()
        self.threshold.setToolTip(self.tr("The weakest link the map draws"))
        self._threshold_label = QLabel(self.tr("Threshold:"))
        self._variable_label = QLabel(self.tr("Variable:"))
        for widget in (QLabel(self.tr("Chart:")), self.kind, self._variable_label, self.variable,
                       self.mode, self.value, self.level, self.measure, self._threshold_label,
                       self.threshold):  # fmt: skip
            self.add_control(widget)
        self.canvas_area = QScrollArea()
        self.canvas_area.setWidgetResizable(False)
        self.canvas_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.matrix = CodeMatrixView()
        self.passages = RetrievalTab(session, self._cell_passages, show_index=False)
        self.passages.export_name = self.tr("segments")
        self.passages.jumpTo.connect(self.jumpTo.emit)
        self.passages.error.connect(self.error.emit)
        self.passages.status.connect(self.status.emit)
        self.chosen: tuple[int, list[str], str] | None = None
        self.cell_heading = QLabel(self.tr("Click a square to read its passages"))
        self.passages.add_control(self.cell_heading)
        browser = QSplitter(Qt.Orientation.Vertical)
        browser.addWidget(self.matrix)
        browser.addWidget(self.passages)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.canvas_area)
        self.pages.addWidget(browser)
        # (the browser's two parts must not make the analysis panel taller than the
        # other tabs do, and squeeze the document above it)
        self.pages.setMinimumHeight(60)
        self.layout().addWidget(self.pages)  # type: ignore[union-attr]
        self.matrix.cellChosen.connect(self.show_cell)
        self._measure_changed()
        self._show_options()
        self.kind.currentIndexChanged.connect(self._show_options)
        self.measure.currentIndexChanged.connect(self._measure_changed)
        for combo in (self.kind, self.variable, self.mode, self.value, self.level, self.measure):
            combo.currentIndexChanged.connect(self.refresh)
        self.threshold.valueChanged.connect(self.refresh)
        session.opened.connect(self._fill_variables)

    def sizeHint(self) -> QSize:
        """Small: the panel's size is the other tabs' (a chart scrolls in its area), so
        adding this tab leaves the window's layout as it was."""
        return QSize(300, 200)

    def _combo(self, *items: tuple[str, str]) -> QComboBox:
        combo = _narrow(QComboBox())
        for value, label in items:
            combo.addItem(label, value)
        return combo

    def _show_options(self) -> None:
        kind = self.kind.currentData()
        for widget, shown in (
            (self._variable_label, kind in ("by-variable", MATRIX)),
            (self.variable, kind in ("by-variable", MATRIX)),
            (self.mode, kind == "by-variable"),
            (self.value, kind == "by-variable"),
            (self.level, kind in ("heatmap", "network")),
            (self.measure, kind in ("heatmap", "network")),
            (self._threshold_label, kind == "network"),
            (self.threshold, kind == "network"),
        ):
            widget.setVisible(shown)
        self.pages.setCurrentIndex(1 if kind == MATRIX else 0)
        self._fill_variables()

    def _measure_changed(self) -> None:
        self.threshold.blockSignals(True)
        if self.measure.currentData() == "jaccard":
            self.threshold.setRange(0.05, 1.0)
            self.threshold.setDecimals(2)
            self.threshold.setSingleStep(0.05)
            self.threshold.setValue(0.2)
        else:
            self.threshold.setRange(1, 10000)
            self.threshold.setDecimals(0)
            self.threshold.setSingleStep(1)
            self.threshold.setValue(1)
        self.threshold.blockSignals(False)

    def _fill_variables(self) -> None:
        """The respondents' variables; the matrix can also show respondents one by one."""
        project = self.session.project
        info = project.variable_info() if project else {}
        names = [name for name, variable in info.items() if variable.scope == "case"]
        items: list[tuple[str, str | None]] = []
        if self.kind.currentData() == MATRIX:
            items.append((self.tr("(each respondent)"), None))
        items += [(name, name) for name in names]
        current = self.variable.currentData()
        shown = [self.variable.itemData(i) for i in range(self.variable.count())]
        if shown == [data for _label, data in items]:
            return
        self.variable.blockSignals(True)
        self.variable.clear()
        for label, data in items:
            self.variable.addItem(label, data)
        found = self.variable.findData(current)
        self.variable.setCurrentIndex(max(found, 0))
        self.variable.blockSignals(False)

    def options(self) -> dict[str, Any]:
        """What ``Project.chart`` is asked to draw, as the controls say."""
        return {
            "kind": self.kind.currentData(),
            "variable": self.variable.currentData(),
            "mode": self.mode.currentData(),
            "value": self.value.currentData(),
            "level": self.level.currentData(),
            "measure": self.measure.currentData(),
            "threshold": self.threshold.value(),
            # The charts' words follow the interface ("fr" in the French translation).
            "lang": self.tr("en"),
        }

    def clear(self) -> None:
        super().clear()
        self._generation += 1
        self.figure = None
        self.canvas_area.takeWidget()
        self.matrix.matrix.clear()
        self.passages.clear()
        self.chosen = None

    def refresh(self) -> None:
        self.dirty = False
        project = self.session.project
        if project is None:
            return
        self._fill_variables()
        options = self.options()
        self._generation += 1
        if options["kind"] == MATRIX:
            self._refresh_matrix(options["variable"])
            return
        if options["kind"] == "by-variable" and not options["variable"]:
            self._show_message(self.tr("Add respondent variables to chart codes by them"))
            return
        self.start_chart(options)

    def _refresh_matrix(self, variable: str | None) -> None:
        from qdaw.export.charts import code_colors

        project = self.session.require()
        try:
            matrix = project.code_matrix(variable)
        except QdawError as exc:
            self.error.emit(str(exc))
            return
        self.frame = matrix  # (what Export… writes: the table)
        self.matrix.matrix.set_matrix(matrix, code_colors(project.store))
        self.matrix.resizeColumnsToContents()
        self.chosen = None
        self.passages.clear()
        self.cell_heading.setText(self.tr("Click a square to read its passages"))
        self.drawn.emit()

    def start_chart(self, options: dict[str, Any]) -> Worker:
        """Draw on a worker thread with its own connection; show on the GUI thread."""
        from qdaw.project import Project

        location = self.session.require().location
        generation = self._generation
        kind = options.pop("kind")

        def task(_worker: Worker) -> Figure:
            with Project.open(location, read_only=True) as project:
                return project.chart(kind, **options)

        worker = Worker(task)
        worker.signals.finished.connect(lambda figure: self._show(figure, generation))
        worker.signals.failed.connect(lambda message: self._failed(message, generation))
        return start(worker)

    def _failed(self, message: str, generation: int) -> None:
        if generation == self._generation:
            self._show_message(message)
            self.error.emit(message)

    def _show_message(self, text: str) -> None:
        self.figure = None
        label = QLabel(text)
        label.setWordWrap(True)
        self.canvas_area.setWidget(label)
        self.drawn.emit()

    def _show(self, figure: Figure, generation: int) -> None:
        if generation != self._generation or self.session.project is None:
            return  # (the options or the project changed while it was drawn)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        self.figure = figure
        canvas = FigureCanvasQTAgg(figure)
        width, height = figure.get_size_inches() * figure.dpi
        canvas.setFixedSize(int(width), int(height))
        self.canvas_area.setWidget(canvas)
        self.drawn.emit()

    def show_cell(self, row: int, column: int) -> None:
        self.chosen = self.matrix.matrix.cell(row, column)
        self.cell_heading.setText(self.chosen[2])
        self.passages.refresh()

    def _cell_passages(self) -> pd.DataFrame:
        import pandas as pd

        if self.chosen is None or not self.chosen[1]:
            return pd.DataFrame(columns=PASSAGE_COLUMNS)
        code_id, cases, _heading = self.chosen
        found = self.session.require().retrieve(codes=[code_id], cases=cases)
        return found.reset_index()[PASSAGE_COLUMNS]

    def export(self) -> Path | None:
        """The chart as PNG or SVG (the chosen file type); the matrix as a table."""
        if self.kind.currentData() == MATRIX:
            self.export_name = self.tr("code-matrix")
            return super().export()
        self.export_name = self.tr("chart")
        if self.figure is None:
            return None
        from qdaw.export.charts import save

        suggested = f"{self.export_name}-{self.kind.currentData()}"
        path = ask_save_path(self, self.tr("Export chart"), [".png", ".svg"], suggested)
        if path is None:
            return None
        try:
            written = save(self.figure, path)
        except (QdawError, OSError) as exc:
            self.error.emit(str(exc))
            return None
        self.status.emit(self.tr("Chart written: {path}").format(path=written))
        return written


def _narrow(combo: QComboBox) -> QComboBox:
    """A combo box as narrow as a few letters at least: the tab's row of options must
    not widen the analysis panel (and squeeze the panels beside it) in a small window."""
    combo.setMinimumWidth(64)  # (its text's width while there is room)
    return combo
