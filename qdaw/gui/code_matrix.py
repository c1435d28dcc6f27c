"""The code matrix browser: codes × respondents (or × a variable's groups), a square
in each cell sized by its number of passages, in the code's colour; a click on a cell
asks for exactly those passages."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

if TYPE_CHECKING:
    import pandas as pd

Index = QModelIndex | QPersistentModelIndex
COUNT = Qt.ItemDataRole.UserRole  # the cell's number of passages
COLOR = Qt.ItemDataRole.UserRole + 1  # its code's colour
#: Rows handed to the view at a time: a codebook of thousands fills as it scrolls.
CHUNK = 200


class CodeMatrixModel(QAbstractTableModel):
    """Reads the counts from one array; nothing per cell is stored or built up front."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.codes: list[str] = []
        self.columns: list[str] = []
        self.code_ids: list[int] = []
        self.cases: dict[str, list[str]] = {}
        self.colors: list[str] = []
        self.values: Any = None
        self.peak = 0
        self.loaded = 0
        self.sizes: dict[str, int] = {}

    def set_matrix(self, matrix: pd.DataFrame, colors: dict[str, str]) -> None:
        self.beginResetModel()
        self.codes = [str(c) for c in matrix.index]
        self.columns = [str(c) for c in matrix.columns]
        self.code_ids = list(matrix.attrs.get("code_ids", []))
        self.cases = dict(matrix.attrs.get("cases", {}))
        self.colors = [colors.get(code, "#4363d8") for code in self.codes]
        self.values = matrix.to_numpy(dtype=int)
        self.peak = int(self.values.max()) if self.values.size else 0
        self.loaded = min(CHUNK, len(self.codes))
        self.endResetModel()

    def clear(self) -> None:
        import pandas as pd

        self.set_matrix(pd.DataFrame(), {})

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.loaded

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self.loaded < len(self.codes)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        more = min(CHUNK, len(self.codes) - self.loaded)
        self.beginInsertRows(QModelIndex(), self.loaded, self.loaded + more - 1)
        self.loaded += more
        self.endInsertRows()

    def count(self, row: int, column: int) -> int:
        return int(self.values[row, column])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == COUNT:
            return self.count(row, column)
        if role == COLOR:
            return self.colors[row]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{code} — {column}: {n} passage(s)").format(
                code=self.codes[row], column=self.columns[column], n=self.count(row, column)
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return str(self.count(row, column))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        names = self.columns if orientation == Qt.Orientation.Horizontal else self.codes
        if section >= len(names):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return names[section]
        if role == Qt.ItemDataRole.DecorationRole and orientation == Qt.Orientation.Vertical:
            swatch = QPixmap(10, 10)  # (a header draws a pixmap, not a bare colour)
            swatch.fill(QColor(self.colors[section]))
            return swatch
        return None

    def cell(self, row: int, column: int) -> tuple[int, list[str], str]:
        """The code id, the respondents and a heading for one cell's passages."""
        heading = f"{self.codes[row]} × {self.columns[column]}"
        return self.code_ids[row], self.cases.get(self.columns[column], []), heading


class SquareDelegate(QStyledItemDelegate):
    """A square of area proportional to the cell's passages, outlined for print."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        model = index.model()
        count = index.data(COUNT) or 0
        rect: QRect = option.rect
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, option.palette.highlight())
        if not count or not isinstance(model, CodeMatrixModel) or not model.peak:
            return
        room = min(rect.width(), rect.height()) - 4
        side = max(3, round(room * math.sqrt(count / model.peak)))
        square = QRect(0, 0, side, side)
        square.moveCenter(rect.center())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QPen(QColor("black"), 1))
        painter.setBrush(QColor(index.data(COLOR)))
        painter.drawRect(square)
        painter.restore()


class CodeMatrixView(QTableView):
    """Emits ``cellChosen(row, column)`` for a click on a cell with passages."""

    cellChosen = QtSignal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix = CodeMatrixModel(self)
        self.setModel(self.matrix)
        self.setItemDelegate(SquareDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setDefaultSectionSize(26)
        self.horizontalHeader().setDefaultSectionSize(34)
        self.horizontalHeader().setMinimumSectionSize(26)
        self.clicked.connect(self._chosen)

    def _chosen(self, index: QModelIndex) -> None:
        if index.isValid() and self.matrix.count(index.row(), index.column()):
            self.cellChosen.emit(index.row(), index.column())
