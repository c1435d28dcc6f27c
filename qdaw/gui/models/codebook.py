"""The codebook as a Qt tree: colour swatch, name, segments, k/N; drag to move."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap

from qdaw.core.operations import Area, op
from qdaw.errors import QdawError
from qdaw.gui.background import BackgroundLoad, is_large
from qdaw.gui.session import ChangeEvent, Session
from qdaw.services.listing import CodeRow

if TYPE_CHECKING:
    from qdaw.project import Project

CODE_MIME = "application/x-qdaw-codes"
Index = QModelIndex | QPersistentModelIndex
STRUCTURE = {Area.CODEBOOK, Area.HYPOTHESES}  # the tree and its links
COUNTS = {Area.CODING, Area.DOCUMENTS, Area.CASES}  # k/N


def encode_codes(code_ids: list[int]) -> QMimeData:
    data = QMimeData()
    data.setData(CODE_MIME, QByteArray(",".join(map(str, code_ids)).encode()))
    return data


def decode_codes(data: QMimeData) -> list[int]:
    if not data.hasFormat(CODE_MIME):
        return []
    raw = bytes(data.data(CODE_MIME).data()).decode()
    return [int(part) for part in raw.split(",") if part]


_swatches: dict[str, QIcon] = {}


def swatch(color: str) -> QIcon:
    if color not in _swatches:
        pixmap = QPixmap(12, 12)
        pixmap.fill(QColor(color))
        _swatches[color] = QIcon(pixmap)
    return _swatches[color]


Counts = dict[int, tuple[int, int]]


def _all_counts(project: Project) -> tuple[Counts, Counts, int]:
    """Every code's own counts, the roll-ups and N (the part that grows with the study)."""
    return project.code_counts(), project.code_counts(rollup=True), project.total_cases()


class CodebookModel(QAbstractItemModel):
    error = Signal(str)
    COLUMNS = 3

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.rows: dict[int, CodeRow] = {}
        self.child_ids: dict[int | None, list[int]] = {None: []}
        self.counts: dict[int, tuple[int, int]] = {}
        self.rolled: dict[int, tuple[int, int]] = {}
        self.total = 0
        #: Counted on a worker thread for a large project; "…" until then.
        self.loading = False
        self._background = BackgroundLoad(session, _all_counts)
        self._background.loaded.connect(self._counts_loaded)
        self._background.failed.connect(self.error.emit)
        session.changed.connect(self._on_change)
        session.opened.connect(self.reload)
        session.closed.connect(self.reload)
        self.reload()

    # -- loading ------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        self.rows, self.child_ids = {}, {None: []}
        project = self.session.project
        if project is not None:
            for row in project.code_rows():
                self.rows[row.id] = row
                self.child_ids.setdefault(row.parent_id, []).append(row.id)
        self._load_counts()
        self.endResetModel()

    def _load_counts(self) -> None:
        project = self.session.project
        if project is not None and is_large(project):
            self.loading = True
            self._background.start()
            return
        self.loading = False
        self.counts, self.rolled, self.total = _all_counts(project) if project else ({}, {}, 0)

    def _counts_loaded(self, result: tuple[Counts, Counts, int]) -> None:
        self.counts, self.rolled, self.total = result
        self.loading = False
        self._counts_changed(None)

    def is_category(self, code_id: int) -> bool:
        return bool(self.child_ids.get(code_id))

    def shown_counts(self, code_id: int) -> tuple[int, int]:
        """A category's roll-up (its codes and everything below them); a code's own."""
        source = self.rolled if self.is_category(code_id) else self.counts
        return source.get(code_id, (0, 0))

    def _on_change(self, event: ChangeEvent) -> None:
        if event.areas & STRUCTURE:
            self.reload()
        elif event.areas & COUNTS:
            if self.loading:
                self._background.start()  # (counted again once the load under way ends)
            elif event.codes is not None and not event.areas & {Area.DOCUMENTS, Area.CASES}:
                self._recount(event.codes)
            else:
                self._load_counts()
                self._counts_changed(None)

    def _recount(self, codes: frozenset[int]) -> None:
        """After coding: only the codes it touched and the categories above them, so an
        edit costs a few index ranges whatever the size of the project."""
        project = self.session.project
        touched = {code for code in codes if code in self.rows}
        if project is None or not touched:
            return
        above = set(touched)
        for code in touched:
            parent = self.rows[code].parent_id
            while parent is not None and parent not in above:
                above.add(parent)
                parent = self.rows[parent].parent_id
        own = project.code_counts(only=touched)
        rolled = project.code_counts(rollup=True, only=above)
        for code in touched:
            self.counts[code] = own.get(code, (0, 0))
        for code in above:
            self.rolled[code] = rolled.get(code, (0, 0))
        for code in above:
            self.dataChanged.emit(self.index_of(code, 1), self.index_of(code, 2))

    def _counts_changed(self, parent_id: int | None) -> None:
        kids = self.child_ids.get(parent_id, [])
        if not kids:
            return
        parent = self.index_of(parent_id) if parent_id is not None else QModelIndex()
        self.dataChanged.emit(self.index(0, 1, parent), self.index(len(kids) - 1, 2, parent))
        for kid in kids:
            self._counts_changed(kid)

    # -- structure ----------------------------------------------------------------
    def index_of(self, code_id: int, column: int = 0) -> QModelIndex:
        row = self.rows.get(code_id)
        if row is None:
            return QModelIndex()
        return self.createIndex(self.child_ids[row.parent_id].index(code_id), column, code_id)

    def code_id(self, index: Index) -> int | None:
        return int(index.internalId()) if index.isValid() else None

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        kids = self.child_ids.get(self.code_id(parent), [])
        if 0 <= row < len(kids) and 0 <= column < self.COLUMNS:
            return self.createIndex(row, column, kids[row])
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent_id = self.rows[int(index.internalId())].parent_id
        return QModelIndex() if parent_id is None else self.index_of(parent_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() > 0:
            return 0
        return len(self.child_ids.get(self.code_id(parent), []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:  # short: the names need the width
            return [self.tr("Code"), self.tr("Seg."), self.tr("k/N")][section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return [
                self.tr("Code"),
                self.tr("Coded segments (passages)"),
                self.tr("Respondents who mentioned it, out of all respondents (k/N)"),
            ][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[int(index.internalId())]
        segments, cases = self.shown_counts(row.id)
        column = index.column()
        category = self.is_category(row.id)
        if role == Qt.ItemDataRole.DisplayRole and column > 0 and self.loading:
            return "…"
        if role == Qt.ItemDataRole.DisplayRole and category and column > 0:
            return f"Σ {segments}" if column == 1 else f"Σ {cases}/{self.total}"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return [row.name, segments, f"{cases}/{self.total}"][column]
        if role == Qt.ItemDataRole.FontRole and category and column > 0:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and category and column > 0:
            own_segments, own_cases = self.counts.get(row.id, (0, 0))
            return self.tr(
                "Category: {k} of {n} respondents have a code below it ({s} passages).\n"
                "Coded with the category itself: {own_s} passages, {own_k}/{n} respondents."
            ).format(k=cases, n=self.total, s=segments, own_s=own_segments, own_k=own_cases)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return swatch(row.color)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = [row.name]
            if row.description:
                tip.append(row.description)
            if row.memo:
                tip.append(self.tr("Memo: ") + row.memo)
            return "\n".join(tip)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        flags = base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        flags |= Qt.ItemFlag.ItemIsDragEnabled
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != 0 or not index.isValid():
            return False
        name = str(value).strip()
        row = self.rows[int(index.internalId())]
        if not name or name == row.name:
            return False
        try:
            self.session.require().rename_code(row.id, name)
        except QdawError as exc:
            self.error.emit(str(exc))
            return False
        return True

    # -- drag and drop --------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.LinkAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [CODE_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        ids = sorted({int(i.internalId()) for i in indexes if i.isValid()})
        return encode_codes(ids)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        ids = decode_codes(data)
        if not ids:
            return False
        parent_id = self.code_id(parent)
        position = row if row >= 0 else None
        try:
            with self.session.require().batch(
                op("move_code", name=self.rows[ids[0]].name) if len(ids) == 1 else op("move_codes")
            ):
                for offset, code_id in enumerate(ids):
                    target = None if position is None else position + offset
                    self.session.require().move_code(code_id, parent_id, target)
        except QdawError as exc:
            self.error.emit(str(exc))
            return False
        return True

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:
        # A drag-move is done by move_code and the reload that follows; nothing to remove.
        return False
