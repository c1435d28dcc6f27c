"""The memo manager's list: every memo of the project (Project.memos) as a Qt table,
and the proxy that filters it by kind and by text."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from qdaw.core.entities import Case, Code, Document, Hypothesis, Segment
from qdaw.core.text_units import fold
from qdaw.project import Project

if TYPE_CHECKING:
    from qdaw.services.coding import MemoTarget

Index = QModelIndex | QPersistentModelIndex
KEY = Qt.ItemDataRole.UserRole  # (kind, id): what a row is the memo of
KIND_LABELS: dict[str, Any] = {
    "project": QT_TRANSLATE_NOOP("MemoModel", "Project"),
    "document": QT_TRANSLATE_NOOP("MemoModel", "Document"),
    "respondent": QT_TRANSLATE_NOOP("MemoModel", "Respondent"),
    "code": QT_TRANSLATE_NOOP("MemoModel", "Code"),
    "hypothesis": QT_TRANSLATE_NOOP("MemoModel", "Hypothesis"),
    "segment": QT_TRANSLATE_NOOP("MemoModel", "Segment"),
}

HANDLES = {"document": Document, "respondent": Case, "code": Code, "hypothesis": Hypothesis,
           "segment": Segment}  # fmt: skip


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("MemoModel", str(KIND_LABELS[kind]))


@dataclass(frozen=True)
class MemoRow:
    kind: str
    id: int
    belongs_to: str
    memo: str
    coder: str | None = None
    document_id: int | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None  # a segment's passage

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.id)

    def target(self, project: Project) -> MemoTarget:
        """What Project.set_memo writes the memo of."""
        if self.kind == "project":
            return "project"
        return cast("MemoTarget", HANDLES[self.kind](project, self.id))


def _int(value: Any) -> int | None:
    return None if value is None or value != value else int(value)  # (pandas' NA)


def _row(record: dict[Any, Any]) -> MemoRow:
    kind, name = str(record["kind"]), str(record["name"])
    if kind == "segment":
        where = "{code} · {document} ({respondent}) {start}–{end}".format(**record)
    elif kind == "document":
        where = f"{name} ({record['respondent']})"
    else:
        where = name
    return MemoRow(
        kind, int(record["id"]), where, str(record["memo"]), record["coder"],
        _int(record["document_id"]), _int(record["start"]), _int(record["end"]), record["text"],
    )  # fmt: skip


class MemoModel(QAbstractTableModel):
    """Kind, what the memo belongs to, and the memo's first line. The project's memo is
    always listed, empty or not, so that it can be written here."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[MemoRow] = []

    def reload(self, project: Project | None) -> None:
        self.beginResetModel()
        rows = [_row(r) for r in project.memos().to_dict("records")] if project else []
        if project is not None and not any(r.kind == "project" for r in rows):
            rows.insert(0, MemoRow("project", 0, project.title, ""))
        self.rows = rows
        self.endResetModel()

    def set_memo(self, key: tuple[str, int], memo: str) -> bool:
        """The row's memo as just saved here, without reading every memo again (a list
        of 20,000 takes most of a second); False if the row has to go (reload)."""
        row = self.row_of(key)
        if row is None or (not memo.strip() and key[0] != "project"):
            return False
        self.rows[row] = replace(self.rows[row], memo=memo)
        self.dataChanged.emit(self.index(row, 0), self.index(row, 2))
        return True

    def row_of(self, key: tuple[str, int]) -> int | None:
        return next((i for i, row in enumerate(self.rows) if row.key == key), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Kind"), self.tr("Belongs to"), self.tr("Memo"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == KEY:
            return row.key
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return kind_label(row.kind)
            if index.column() == 1:
                return row.belongs_to
            first = next((line for line in row.memo.splitlines() if line.strip()), "")
            return first.strip() or self.tr("(empty)")
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.memo or None
        return None


class MemoFilter(QSortFilterProxyModel):
    """Rows of one kind (or all) whose memo or owner holds the text, ignoring case and
    accents as Project.memos(search=…) does."""

    def __init__(self) -> None:
        super().__init__()
        self.kind: str | None = None
        self.needle = ""

    def set_kind(self, kind: str | None) -> None:
        self.beginFilterChange()
        self.kind = kind
        self.endFilterChange()

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.needle = fold(text.strip())
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, MemoModel)
        row = model.rows[source_row]
        if self.kind is not None and row.kind != self.kind:
            return False
        return not self.needle or self.needle in fold(f"{row.memo}\n{row.belongs_to}")
