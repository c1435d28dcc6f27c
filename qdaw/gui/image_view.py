"""An image document in the document area: its picture, its regions drawn over it in
their code's colour, and a rectangle dragged with the mouse to code a new region."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QContextMenuEvent, QImage, QMouseEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from qdaw.services.listing import SegmentRow

FILL_ALPHA = 60
DRAG = QColor("#222222")

Rect = tuple[int, int, int, int]


class ImageView(QGraphicsView):
    """The picture at its size (scroll to see it all); regions are rectangles in image
    pixels, so the scene's coordinates are the image's."""

    regionDrawn = Signal(tuple)  # (x, y, width, height): the rectangle just dragged
    contextRequested = Signal(list, QPoint)  # region ids under the pointer, global point

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.pixmap_item: QGraphicsPixmapItem | None = None
        self.size_px = (0, 0)
        self.region_items: dict[int, QGraphicsRectItem] = {}
        self.pending: Rect | None = None  # the dragged rectangle, waiting for a code
        self._pending_item: QGraphicsRectItem | None = None
        self._origin: QPointF | None = None

    # -- loading ------------------------------------------------------------------
    def show_image(self, data: bytes, width: int, height: int) -> bool:
        """Show the picture; False when Qt cannot decode it."""
        self.scene().clear()
        self.region_items, self._pending_item, self.pending = {}, None, None
        image = QImage.fromData(data)
        if image.isNull():
            self.pixmap_item = None
            return False
        self.size_px = (width, height)
        self.pixmap_item = self.scene().addPixmap(QPixmap.fromImage(image))
        self.scene().setSceneRect(QRectF(0, 0, width, height))
        return True

    def set_regions(self, rows: list[SegmentRow]) -> None:
        for item in self.region_items.values():
            self.scene().removeItem(item)
        self.region_items = {}
        for row in rows:
            if row.region is None:
                continue
            x, y, w, h = row.region
            color = QColor(row.color)
            fill = QColor(color)
            fill.setAlpha(FILL_ALPHA)
            item = self.scene().addRect(QRectF(x, y, w, h), QPen(color, 2), QBrush(fill))
            item.setToolTip(
                row.code
                + (f"\n{row.coder}" if row.coder else "")
                + (f"\n{row.memo}" if row.memo else "")
            )
            item.setData(0, row.id)
            self.region_items[row.id] = item

    # -- dragging a rectangle ------------------------------------------------------
    def _clamped(self, point: QPointF) -> QPointF:
        width, height = self.size_px
        return QPointF(min(max(point.x(), 0.0), width), min(max(point.y(), 0.0), height))

    def _rect(self, a: QPointF, b: QPointF) -> Rect:
        left, top = int(min(a.x(), b.x())), int(min(a.y(), b.y()))
        right, bottom = round(max(a.x(), b.x())), round(max(a.y(), b.y()))
        return left, top, right - left, bottom - top

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.pixmap_item is not None:
            self._origin = self._clamped(self.mapToScene(event.position().toPoint()))
            self.clear_pending()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._origin is None:
            super().mouseMoveEvent(event)
            return
        here = self._clamped(self.mapToScene(event.position().toPoint()))
        x, y, w, h = self._rect(self._origin, here)
        if self._pending_item is None:
            pen = QPen(DRAG, 1, Qt.PenStyle.DashLine)
            self._pending_item = self.scene().addRect(QRectF(x, y, w, h), pen)
            self._pending_item.setZValue(10)
        else:
            self._pending_item.setRect(QRectF(x, y, w, h))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._origin is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        here = self._clamped(self.mapToScene(event.position().toPoint()))
        rect = self._rect(self._origin, here)
        self._origin = None
        if rect[2] < 2 or rect[3] < 2:  # a click, not a drag
            self.clear_pending()
            return
        self.pending = rect
        if self._pending_item is not None:
            self._pending_item.setRect(QRectF(*rect))
        self.regionDrawn.emit(rect)

    def clear_pending(self) -> None:
        self.pending = None
        if self._pending_item is not None:
            self.scene().removeItem(self._pending_item)
            self._pending_item = None

    def regions_at(self, point: QPoint) -> list[int]:
        scene_point = self.mapToScene(point)
        return [
            segment_id
            for segment_id, item in self.region_items.items()
            if item.rect().contains(scene_point)
        ]

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.contextRequested.emit(self.regions_at(event.pos()), event.globalPos())
