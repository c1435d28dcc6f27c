"""The analysis tabs under the document: what the API computes, live."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTabWidget,
    QWidget,
)

from qdaw.core.operations import Area
from qdaw.gui.agreement_tab import AgreementTab
from qdaw.gui.analysis_tab import AnalysisTab, BarDelegate
from qdaw.gui.charts_tab import ChartsTab
from qdaw.gui.retrieval_tab import RetrievalTab
from qdaw.gui.save_dialog import ask_save_path
from qdaw.gui.session import ChangeEvent, Session
from qdaw.gui.words_tab import WordsTab
from qdaw.gui.workers import Worker, start

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.project import Project


#: What the analysis tables are computed from.
ANALYSED = frozenset({
    Area.CODING, Area.CODEBOOK, Area.DOCUMENTS, Area.CASES, Area.VARIABLES, Area.HYPOTHESES,
})  # fmt: skip


def _frequencies(project: Project, rollup: bool) -> pd.DataFrame:
    return project.code_frequencies(rollup=rollup)


def _matrix(project: Project, value: Literal["count", "presence"], rollup: bool) -> pd.DataFrame:
    return project.case_code_matrix(value, rollup=rollup).T


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
        self.frequencies.background = lambda: partial(_frequencies, rollup=self.rolled_up())
        # The k/N column (7) carries a bar of % respondents (6).
        self.frequencies.table.setItemDelegateForColumn(7, BarDelegate(6, self.frequencies.table))
        self.frequencies.table.setItemDelegateForColumn(6, BarDelegate(6, self.frequencies.table))
        self.matrix = AnalysisTab(
            session,
            lambda: p().case_code_matrix(
                "presence" if self.presence.isChecked() else "count", rollup=self.rolled_up()
            ).T,
            heat=True, show_index=True, index_header=self.tr("Code"),
        )  # fmt: skip
        self.matrix.add_control(self.presence)
        self.matrix.background = lambda: partial(
            _matrix,
            value="presence" if self.presence.isChecked() else "count",
            rollup=self.rolled_up(),
        )
        self.crosstab = AnalysisTab(
            session, self._crosstab, heat=True, show_index=True, index_header=self.tr("Code")
        )
        self.crosstab.add_control(QLabel(self.tr("Variable:")))
        self.crosstab.add_control(self.variable)
        self.crosstab.add_control(self.crosstab_value)
        self.retrieval = RetrievalTab(session, self._retrieve, show_index=False)
        self.retrieval.add_control(
            QLabel(self.tr("Segments of the codes selected in the codebook (double-click to read)"))
        )
        self.retrieval.jumpTo.connect(self.jumpTo.emit)
        self.hypotheses = AnalysisTab(session, lambda: p().hypothesis_summary())
        report = QPushButton(self.tr("Report…"))
        report.clicked.connect(self.write_report)
        self.hypotheses.add_control(report)
        self.agreement = AgreementTab(session)
        self.agreement.jumpTo.connect(self.jumpTo.emit)
        self.words = WordsTab(session, selected_codes)
        self.words.jumpTo.connect(self.jumpTo.emit)
        self.charts = ChartsTab(session)
        self.charts.jumpTo.connect(self.jumpTo.emit)
        for tab, title in (
            (self.frequencies, self.tr("Frequencies")),
            (self.matrix, self.tr("Codes × respondents")),
            (self.crosstab, self.tr("Crosstab")),
            (self.retrieval, self.tr("Retrieval")),
            (self.hypotheses, self.tr("Hypotheses")),
            (self.agreement, self.tr("Agreement")),
            (self.words, self.tr("Words")),
            (self.charts, self.tr("Charts")),
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

    def _project(self) -> Project:
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
        if event is not None and not event.areas & ANALYSED:
            return  # (the text index, names under review: no table here shows them)
        if event is not None and Area.VARIABLES in event.areas:
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
        self.words.codes_changed()

    def _crosstab(self) -> pd.DataFrame:
        import pandas as pd

        variable = self.variable.currentText()
        if not variable:
            return pd.DataFrame({self.tr("Add respondent variables to cross codes with them"): []})
        value = self.crosstab_value.currentData()
        from qdaw.analysis.crosstab import default_bins

        project = self._project()
        table = project.crosstab(
            variable,
            value=value,
            bins=default_bins(project.store, variable),
            rollup=self.rolled_up(),
        )
        sizes = table.attrs["n"]
        table.columns = [f"{c} (n={sizes[c]})" for c in table.columns]
        return table

    def _retrieve(self) -> pd.DataFrame:
        import pandas as pd

        columns = [
            "segment_id",
            "code",
            "case",
            "document",
            "coder",
            "start",
            "end",
            "text",
            "memo",
            "page",
            "timecode",
            "region",
        ]
        codes = self.selected_codes()
        if not codes:  # nothing selected: nothing to fetch
            return pd.DataFrame(columns=columns)
        return self._project().retrieve(codes=codes).reset_index()[columns]

    def write_report(self) -> Worker | None:
        path = ask_save_path(self, self.tr("Hypotheses report"), [".docx", ".html", ".md"])
        return self.start_report(str(path)) if path is not None else None

    def start_report(self, path: str) -> Worker:
        """Build and write the report on a worker thread, with its own connection."""
        from qdaw.project import Project

        location = self._project().location
        anonymise = self.session.anonymise_exports

        def task(worker: Worker) -> str:
            from qdaw.export.report import write_report

            worker.report(0, 2, "analyse")
            with Project.open(location) as project:
                document = project.report(anonymise=anonymise)
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
