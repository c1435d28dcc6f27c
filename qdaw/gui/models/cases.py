"""Respondents and their documents as a Qt tree."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from qdaw.core.natural import natural_key
from qdaw.core.operations import Area
from qdaw.gui.session import ChangeEvent, Session
from qdaw.services.listing import CaseRow, DocumentRow

Index = QModelIndex | QPersistentModelIndex
SHOWN = {Area.CASES, Area.DOCUMENTS}
#: Documents dragged from the tree (onto a document set): their ids.
DOCUMENT_MIME = "application/x-qdaw-documents"


def decode_documents(data: QMimeData) -> list[int]:
    if not data.hasFormat(DOCUMENT_MIME):
        return []
    raw = bytes(data.data(DOCUMENT_MIME).data()).decode()
    return [int(part) for part in raw.split(",") if part]


# internalId: 0 for a case row (its position is the row); document rows carry 1 + case row.


class CasesModel(QAbstractItemModel):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.cases: list[CaseRow] = []
        self.documents: dict[int, list[DocumentRow]] = {}
        session.changed.connect(self._on_change)
        session.opened.connect(self.reload)
        session.closed.connect(self.reload)
        self.reload()

    def _on_change(self, event: ChangeEvent) -> None:
        if event.areas & SHOWN:
            self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        project = self.session.project
        rows = project.case_rows() if project is not None else []
        self.cases = sorted(rows, key=lambda case: natural_key(case.name))
        self.documents = {}
        for row in project.document_rows() if project is not None else []:
            self.documents.setdefault(row.case_id, []).append(row)
        for documents in self.documents.values():
            documents.sort(key=lambda document: natural_key(document.name))
        self.endResetModel()

    def is_document(self, index: Index) -> bool:
        return index.isValid() and index.internalId() > 0

    def case_row(self, index: Index) -> CaseRow | None:
        if not index.isValid():
            return None
        case_position = index.row() if index.internalId() == 0 else int(index.internalId()) - 1
        return self.cases[case_position]

    def document_row(self, index: Index) -> DocumentRow | None:
        if not self.is_document(index):
            return None
        case = self.cases[int(index.internalId()) - 1]
        return self.documents[case.id][index.row()]

    def index_of_document(self, document_id: int) -> QModelIndex:
        for position, case in enumerate(self.cases):
            for row, doc in enumerate(self.documents.get(case.id, [])):
                if doc.id == document_id:
                    return self.createIndex(row, 0, position + 1)
        return QModelIndex()

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if column != 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if 0 <= row < len(self.cases) else QModelIndex()
        if parent.internalId() == 0:
            docs = self.documents.get(self.cases[parent.row()].id, [])
            return (
                self.createIndex(row, 0, parent.row() + 1)
                if 0 <= row < len(docs)
                else QModelIndex()
            )
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(int(index.internalId()) - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self.cases)
        if parent.internalId() == 0:
            return len(self.documents.get(self.cases[parent.row()].id, []))
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Respondents and documents")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        document = self.document_row(index)
        if document is not None:
            if role == Qt.ItemDataRole.DisplayRole:
                return document.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("{name}: {n} characters").format(
                    name=document.name, n=document.length
                )
            return None
        case = self.cases[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            count = len(self.documents.get(case.id, []))
            return f"{case.name}  ({count})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return case.memo or case.name
        return None

    # -- dragging documents (a respondent's row drags all its documents) -----------
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def mimeTypes(self) -> list[str]:
        return [DOCUMENT_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        ids: list[int] = []
        for index in indexes:
            document = self.document_row(index)
            if document is not None:
                ids.append(document.id)
            elif index.isValid() and index.internalId() == 0:
                ids += [d.id for d in self.documents.get(self.cases[index.row()].id, [])]
        data = QMimeData()
        data.setData(DOCUMENT_MIME, QByteArray(",".join(map(str, dict.fromkeys(ids))).encode()))
        return data
