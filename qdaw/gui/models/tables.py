"""Table models: hypotheses, analysis results (DataFrames), variables, search hits."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from qdaw.core.natural import natural_key
from qdaw.core.operations import Area, op
from qdaw.errors import QdawError
from qdaw.gui.background import BackgroundLoad, is_large
from qdaw.gui.models.codebook import CODE_MIME, decode_codes
from qdaw.gui.session import ChangeEvent, Session
from qdaw.services.listing import HypothesisRow

if TYPE_CHECKING:
    import pandas as pd


Index = QModelIndex | QPersistentModelIndex
RAW = Qt.ItemDataRole.UserRole  # the unformatted value, for sorting
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


#: What the hypotheses table shows: links, labels, code names and k/N.
HYPOTHESES_SHOW = frozenset(
    {Area.HYPOTHESES, Area.CODEBOOK, Area.CODING, Area.DOCUMENTS, Area.CASES}
)


class HypothesesModel(QAbstractTableModel):
    error = Signal(str)

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.rows: list[HypothesisRow] = []
        self.names: dict[int, str] = {}
        self.counts: dict[int, tuple[int, int]] = {}
        self.total = 0
        self.loading = False  # counted on a worker thread for a large project
        self._background = BackgroundLoad(
            session, lambda project: (project.hypothesis_counts(), project.total_cases())
        )
        self._background.loaded.connect(self._counts_loaded)
        self._background.failed.connect(self.error.emit)
        session.changed.connect(self._on_change)
        session.opened.connect(self.reload)
        session.closed.connect(self.reload)
        self.reload()

    def _counts_loaded(self, result: tuple[dict[int, tuple[int, int]], int]) -> None:
        self.counts, self.total = result
        self.loading = False
        if self.rows:
            self.dataChanged.emit(self.index(0, 3), self.index(len(self.rows) - 1, 3))

    def _on_change(self, event: ChangeEvent) -> None:
        if event.areas <= {Area.CODING} and event.codes is not None and not self.loading:
            self._recount(event.codes)
        elif event.areas & HYPOTHESES_SHOW:
            self.reload()

    def _recount(self, codes: frozenset[int]) -> None:
        """After coding: only the hypotheses linked to the codes it touched."""
        project = self.session.project
        rows = [i for i, row in enumerate(self.rows) if codes.intersection(row.code_ids)]
        if project is None or not rows:
            return
        ids = [self.rows[i].id for i in rows]
        counts = project.hypothesis_counts(only=ids)
        for i, hypothesis_id in zip(rows, ids, strict=True):
            self.counts[hypothesis_id] = counts.get(hypothesis_id, (0, 0))
            self.dataChanged.emit(self.index(i, 3), self.index(i, 3))

    def reload(self) -> None:
        self.beginResetModel()
        project = self.session.project
        self.rows = project.hypothesis_rows() if project else []
        self.names = {row.id: row.name for row in project.code_rows()} if project else {}
        self.loading = project is not None and is_large(project)
        if project is not None and self.loading:
            self._background.start()
        else:
            self.counts = project.hypothesis_counts() if project else {}
            self.total = project.total_cases() if project else 0
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [
                self.tr("Label"),
                self.tr("Statement"),
                self.tr("Codes"),
                self.tr("k/N"),
            ][section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return [
                self.tr("Label"),
                self.tr("Statement"),
                self.tr("Codes linked to the hypothesis"),
                self.tr("Respondents with any of its codes, out of all respondents"),
            ][section]
        return None

    def ratio(self, row: HypothesisRow) -> str:
        if self.loading:
            return "…"
        return f"{self.counts.get(row.id, (0, 0))[1]}/{self.total}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        codes = [self.names[i] for i in row.code_ids if i in self.names]
        if role == Qt.ItemDataRole.DisplayRole:
            return [row.label, row.statement, str(len(codes)), self.ratio(row)][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.label}: {row.statement}\n\n" + "\n".join(f"• {c}" for c in codes)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return RIGHT
        if role == RAW:
            return row.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsDropEnabled
        if index.isValid():
            flags |= Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags

    def mimeTypes(self) -> list[str]:
        return [CODE_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction | Qt.DropAction.LinkAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return bool(decode_codes(data)) and (parent.isValid() or 0 <= row < len(self.rows))

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """A code dropped on a hypothesis is linked to it."""
        target = parent.row() if parent.isValid() else row
        ids = decode_codes(data)
        if not ids or not 0 <= target < len(self.rows):
            return False
        hypothesis = self.rows[target]
        project = self.session.require()
        try:
            if len(ids) == 1:  # the same step, and label, as the codebook's menu gives
                project.link_code(ids[0], hypothesis.id)
            else:
                with project.batch(op("link_codes", count=len(ids), label=hypothesis.label)):
                    for code_id in ids:
                        project.link_code(code_id, hypothesis.id)
        except QdawError as exc:
            self.error.emit(str(exc))
            return False
        return True


class FrameModel(QAbstractTableModel):
    """A pandas DataFrame, fetched into the view in chunks; ``heat`` shades numbers."""

    CHUNK = 500

    def __init__(self, heat: bool = False, index_header: str = "") -> None:
        super().__init__()
        self.frame: pd.DataFrame | None = None
        self.values: list[list[Any]] = []
        self.labels: list[str] = []
        self.header: list[str] = []
        self.loaded = 0
        self.heat = heat
        self.peak = 0.0
        self.index_header = index_header
        self.categories: set[str] = set()  # first-column values shown as roll-ups (Σ)
        self.decimals: dict[str, int] = {}  # columns (by name) shown with more decimals
        self.frame_columns: list[str] = []

    def set_frame(self, frame: pd.DataFrame, show_index: bool = False) -> None:
        self.beginResetModel()
        self.frame = frame
        shown = frame.reset_index() if show_index else frame
        self.header = [str(c) for c in shown.columns]
        self.frame_columns = list(self.header)  # (header may be translated afterwards)
        if show_index and self.index_header:
            self.header[0] = self.index_header
        self.values = shown.astype(object).where(shown.notna(), None).values.tolist()
        self.loaded = min(len(self.values), self.CHUNK)
        numbers = [v for row in self.values for v in row if isinstance(v, int | float)]
        self.peak = max(numbers, default=0.0) if self.heat else 0.0
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self.loaded < len(self.values)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        extra = min(self.CHUNK, len(self.values) - self.loaded)
        self.beginInsertRows(QModelIndex(), self.loaded, self.loaded + extra - 1)
        self.loaded += extra
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.loaded

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.header)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header[section] if orientation == Qt.Orientation.Horizontal else section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.values[index.row()][index.column()]
        number = isinstance(value, int | float) and not isinstance(value, bool)
        category = index.column() == 0 and value in self.categories
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return ""
            if category:
                return f"Σ {value}"
            if isinstance(value, float):
                if math.isnan(value):
                    return ""
                places = self.decimals.get(self.frame_columns[index.column()])
                if places is not None:
                    return f"{value:.{places}f}"
                # One decimal throughout a column ("0.0", "62.5", "100.0"); tiny values
                # (p-values) keep three significant digits.
                return f"{value:.1f}" if abs(value) >= 0.1 or value == 0 else f"{value:.3g}"
            return str(value)
        if role == RAW:
            return value
        if role == Qt.ItemDataRole.FontRole and category:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and category:
            return self.tr("Category: counts every code below it")
        if role == Qt.ItemDataRole.TextAlignmentRole and number:
            return RIGHT
        if role == Qt.ItemDataRole.BackgroundRole and self.heat and number and self.peak:
            share = max(0.0, min(1.0, float(value) / self.peak))
            return QColor.fromRgbF(0.26, 0.39, 0.85, 0.08 + 0.72 * share) if value else None
        if role == Qt.ItemDataRole.ForegroundRole and self.heat and number and self.peak:
            return QColor("white") if float(value) / self.peak > 0.6 else None
        return None


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


class VariablesModel(QAbstractTableModel):
    """Respondents (or documents, ``scope="document"``) × their variables, editable:
    an edit is an undoable set_variable (set_document_variable)."""

    error = Signal(str)

    def __init__(self, session: Session, scope: str = "case") -> None:
        super().__init__()
        self.session = session
        self.scope = scope
        self.cases: list[str] = []  # the rows: respondents, or documents
        self.variables: list[str] = []
        self.values: dict[tuple[str, str], Any] = {}
        session.changed.connect(self._on_change)
        self.reload()

    def _on_change(self, event: ChangeEvent) -> None:
        if event.areas & {Area.CASES, Area.DOCUMENTS, Area.VARIABLES}:
            # After the view has finished committing the edit that caused it: a reset
            # during the commit would pull the editor from under the view.
            QTimer.singleShot(0, self.reload)

    def reload(self) -> None:
        self.beginResetModel()
        project = self.session.project
        rows = (
            []
            if project is None
            else (project.case_rows() if self.scope == "case" else project.document_rows())
        )
        self.cases = sorted((row.name for row in rows), key=natural_key)
        self.variables = list(project.variable_types(self.scope)) if project else []
        self.values = {}
        if project is not None and self.variables:
            import pandas as pd

            table = (
                project.variables() if self.scope == "case" else project.document_variable_table()
            )
            for case in self.cases:
                for variable in self.variables:
                    value: Any = table.at[case, variable] if case in table.index else None
                    self.values[(case, variable)] = None if pd.isna(value) else value
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.cases)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.variables)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.variables[section]
            if orientation == Qt.Orientation.Horizontal
            else self.cases[section]
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.values.get((self.cases[index.row()], self.variables[index.column()]))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return _shown(value)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        case, variable = self.cases[index.row()], self.variables[index.column()]
        project = self.session.require()
        write = project.set_variable if self.scope == "case" else project.set_document_variable
        try:  # a value that does not fit the type is refused: the core says why
            write(case, variable, str(value).strip() or None)
        except (QdawError, ValueError) as exc:
            self.error.emit(str(exc))
            return False
        return True


def sortable_table(
    model: QAbstractTableModel, parent: QWidget
) -> tuple[QSortFilterProxyModel, QTableView]:
    """A read-only table of whole rows over ``model``, sorted on raw values by a header
    click and unsorted until then (the order the analysis gives: codebook order, most
    distinctive first)."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(RAW)
    table = QTableView(parent)
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(22)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return proxy, table
