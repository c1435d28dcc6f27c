"""Passages as a researcher reads them: who said it and where, then the sentence or
paragraph around it, wrapped, with the passage itself highlighted."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QImage,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex
HTML = Qt.ItemDataRole.UserRole + 1
PICTURE_ROLE = Qt.ItemDataRole.UserRole + 2
PICTURE = "qdaw-region:picture"  # the resource name a region's thumbnail is given
THUMBNAIL = 160  # pixels: the longer side of a region's thumbnail in the list


@dataclass(frozen=True)
class Passage:
    document_id: int
    start: int  # the passage (or match), offsets into the document's text
    end: int
    heading: str  # "Référent 2 · referent2 · Code"
    before: str
    text: str
    after: str
    color: str = "#ffd54f"
    picture: QImage | None = None  # an image region: the region cut out of its picture

    def html(self) -> str:
        if self.picture is not None:  # (the delegate gives the document this resource)
            return (
                f'<div style="color:#555; font-size:small">{escape(self.heading)}</div>'
                f'<div><img src="{PICTURE}"></div>'
            )
        return (
            f'<div style="color:#555; font-size:small">{escape(self.heading)}</div>'
            f"<div>{escape(self.before)}"
            f'<span style="background-color:{self.color}; font-weight:600">'
            f"{escape(self.text)}</span>{escape(self.after)}</div>"
        )


class PassageModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.passages: list[Passage] = []

    def set_passages(self, passages: list[Passage]) -> None:
        self.beginResetModel()
        self.passages = passages
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.passages)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        passage = self.passages[index.row()]
        if role == HTML:
            return passage.html()
        if role == PICTURE_ROLE:
            return passage.picture
        if role == Qt.ItemDataRole.DisplayRole:  # for accessibility and copying
            return f"{passage.heading}: {passage.before}{passage.text}{passage.after}"
        return None


class PassageDelegate(QStyledItemDelegate):
    """Paints an item's HTML wrapped to the view's width."""

    MARGIN = 6

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        picture = index.data(PICTURE_ROLE)
        if isinstance(picture, QImage):
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(PICTURE), picture)
        document.setHtml(str(index.data(HTML) or ""))
        document.setTextWidth(max(80, option.rect.width() - 2 * self.MARGIN))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text = option.text
        option.text = ""
        if style is not None:  # the selection background, without the plain text
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        option.text = text
        document = self._document(option, index)
        painter.save()
        rect = option.rect
        painter.translate(rect.left() + self.MARGIN, rect.top() + self.MARGIN // 2)
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(
                QPalette.ColorRole.Text,
                option.palette.color(QPalette.ColorRole.HighlightedText),
            )
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        self.initStyleOption(option, index)
        view = option.widget
        if isinstance(view, QAbstractItemView):
            option.rect.setWidth(view.viewport().width())
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()) + self.MARGIN)


class PassageList(QListView):
    """A list of passages, each wrapped with its context; heights follow the width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.passages = PassageModel()
        self.setModel(self.passages)
        self.setItemDelegate(PassageDelegate(self))
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
