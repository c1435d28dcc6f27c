"""Agreement: two coders (or all of them) compared code by code, and the units they
disagree on; double-clicking one opens the passage with their stripes side by side."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qdaw.errors import QdawError
from qdaw.gui.analysis_tab import AnalysisTab
from qdaw.gui.models.tables import RAW, FrameModel
from qdaw.gui.session import Session

if TYPE_CHECKING:
    import pandas as pd

ALL_CODERS = "*"


class AgreementTab(AnalysisTab):
    compareCoders = Signal(list)  # the coders to show side by side
    jumpTo = Signal(int, int, int)  # document id, start, end

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self._agreement, parent=parent)
        self.first, self.second = QComboBox(self), QComboBox(self)
        self.unit = QComboBox(self)
        units = (
            ("document", self.tr("Document"), self.tr("Does each coder apply the code there")),
            ("case", self.tr("Respondent"), self.tr("The same, per respondent")),
            ("character", self.tr("Character"), self.tr("Every character, coded or not by each")),
            ("segment", self.tr("Segment"), self.tr("Agreed when the segments overlap enough")),
        )
        for value, label, tip in units:
            self.unit.addItem(label, value)
            self.unit.setItemData(self.unit.count() - 1, tip, 3)  # ToolTipRole
        self.overlap = QDoubleSpinBox(self)
        self.overlap.setRange(0.05, 1.0)
        self.overlap.setSingleStep(0.05)
        self.overlap.setValue(0.5)
        self.overlap.setToolTip(self.tr("Segments: the share of their union two must overlap"))
        self.overlap.setEnabled(False)  # (the unit starts as Document)
        self.summary = QLabel(self)
        for widget in (
            QLabel(self.tr("Coders:")), self.first, self.second, QLabel(self.tr("Unit:")),
            self.unit, QLabel(self.tr("Overlap:")), self.overlap, self.summary,
        ):  # fmt: skip
            self.add_control(widget)
        self.model.decimals = {"percent": 1, "kappa": 3, "kappa_bp": 3, "alpha": 3}
        self.disagreement_model = FrameModel()
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.disagreement_model)
        proxy.setSortRole(RAW)
        self.disagreements = QTableView(self)
        self.disagreements.setModel(proxy)
        self.disagreements.setSortingEnabled(True)
        # In the order of the codebook and the text until a header click sorts.
        self.disagreements.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.disagreements.verticalHeader().hide()
        self.disagreements.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.disagreements.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.disagreements.doubleClicked.connect(self._open)
        self.disagreements.activated.connect(self._open)
        self.disagreement_frame: pd.DataFrame | None = None
        self.disagreement_label = QLabel(self.tr("Disagreements (double-click to compare):"))
        below = QWidget(self)
        column = QVBoxLayout(below)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.disagreement_label)
        column.addWidget(self.disagreements)
        # The two tables share the tab's height (a splitter): the tab asks no more room
        # of the window than the other analysis tabs do.
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.layout().replaceWidget(self.table, splitter)  # type: ignore[union-attr]
        splitter.addWidget(self.table)
        splitter.addWidget(below)
        for table in (self.table, self.disagreements):
            table.setMinimumHeight(24)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        for box in (self.first, self.second, self.unit):
            box.currentIndexChanged.connect(self._changed)
        self.overlap.valueChanged.connect(self._changed)
        self.export_name = "agreement"

    def headers(self) -> dict[str, str]:
        return {
            **super().headers(),
            "units": self.tr("Units"),
            "both": self.tr("Both"),
            "only_first": self.tr("Only first"),
            "only_second": self.tr("Only second"),
            "neither": self.tr("Neither"),
            "percent": self.tr("% agreement"),
            "kappa": self.tr("Cohen's κ"),
            "kappa_bp": self.tr("Brennan–Prediger κ"),
            "alpha": self.tr("Krippendorff's α"),
            "reason": self.tr("Note"),
            "start": self.tr("Start"),
            "end": self.tr("End"),
        }

    def _changed(self) -> None:
        self.overlap.setEnabled(self.unit.currentData() == "segment")
        self.refresh()

    def coders(self) -> list[str]:
        first, second = self.first.currentData(), self.second.currentData()
        if second == ALL_CODERS:
            return [str(self.first.itemData(i)) for i in range(self.first.count())]
        return [c for c in (first, second) if c]

    def _fill_coders(self) -> None:
        project = self.session.require()
        names = [row.name for row in project.coder_rows() if row.segments]
        for box, default in ((self.first, 0), (self.second, 1)):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            for name in names:
                box.addItem(name, name)
            if box is self.second and len(names) > 2:
                box.addItem(self.tr("all coders"), ALL_CODERS)
            index = box.findData(current)
            box.setCurrentIndex(index if index >= 0 else min(default, box.count() - 1))
            box.blockSignals(False)

    def _agreement(self) -> pd.DataFrame:
        import pandas as pd

        self._fill_coders()
        coders = self.coders()
        empty = pd.DataFrame()
        if len(coders) < 2 or len(set(coders)) < 2:
            self.summary.setText(self.tr("Choose two different coders"))
            self._show_disagreements(empty)
            return pd.DataFrame({self.tr("Agreement compares two coders or more"): []})
        project, unit = self.session.require(), self.unit.currentData()
        options = {"unit": unit, "min_overlap": self.overlap.value()}
        table = project.agreement(coders, **options)
        excluded = table.attrs["excluded"]
        self.summary.setText(
            self.tr("Documents coded by all, compared: {n}").format(n=table.attrs["documents"])
            + (
                self.tr(" (left out, coded by only some: {k})").format(k=excluded)
                if excluded
                else ""
            )
        )
        try:
            self._show_disagreements(project.disagreements(coders, **options))
        except QdawError as exc:
            self.error.emit(str(exc))
        return table

    def _show_disagreements(self, frame: pd.DataFrame) -> None:
        self.disagreement_frame = frame
        shown = frame.copy()
        for name in frame.attrs.get("coders", []):  # who applied the code there: a tick
            shown[name] = shown[name].map({True: "✓", False: ""})
        self.disagreement_model.set_frame(shown)
        names = self.headers()
        self.disagreement_model.header = [
            names.get(name, name) for name in self.disagreement_model.header
        ]
        self.disagreements.resizeColumnsToContents()
        for column in range(self.disagreement_model.columnCount()):
            width = min(self.disagreements.columnWidth(column), 420)
            self.disagreements.setColumnWidth(column, width)

    def clear(self) -> None:
        import pandas as pd

        super().clear()
        self._show_disagreements(pd.DataFrame())

    def _open(self, index: QModelIndex) -> None:
        frame = self.disagreement_frame
        if frame is None or frame.empty:
            return
        source = self.disagreements.model().mapToSource(index)  # type: ignore[attr-defined]
        row = frame.iloc[source.row()]
        ids = {d.name: d.id for d in self.session.require().document_rows()}
        self.compareCoders.emit(self.coders())
        self.jumpTo.emit(ids[str(row["document"])], int(row["start"]), int(row["end"]))
