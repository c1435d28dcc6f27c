"""Reading and coding a transcript: highlighted text, coding stripes, find bar."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from qdaw.core.colors import readable_text
from qdaw.core.operations import Area
from qdaw.gui.coder_display import MODES, Mode, arrange
from qdaw.gui.find_bar import FindBar
from qdaw.gui.image_view import ImageView
from qdaw.gui.models.codebook import CODE_MIME, decode_codes
from qdaw.gui.offsets import OffsetMap
from qdaw.gui.session import ChangeEvent, Session
from qdaw.gui.stripe_layout import StripeLayout
from qdaw.services.listing import SegmentRow

MARGIN_BACKGROUND = "#f4f5f7"
HIGHLIGHT_ALPHA = 70
HOVER_ALPHA = 170
BAND = QColor(0, 0, 0, 14)  # the shade behind every other coder's band of lanes


class TextView(QPlainTextEdit):
    """Read-only, selectable text that accepts codes dropped from the codebook."""

    codesDropped = Signal(list)
    contextRequested = Signal(int, QPoint)  # Qt position, global point

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAcceptDrops(True)
        font = QFont("DejaVu Sans")
        font.setPointSize(11)
        self.setFont(font)
        self.setCursorWidth(2)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(CODE_MIME):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: Any) -> None:
        if event.mimeData().hasFormat(CODE_MIME):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        codes = decode_codes(event.mimeData())
        if codes:
            event.acceptProposedAction()
            self.codesDropped.emit(codes)
        else:
            super().dropEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        position = self.cursorForPosition(event.pos()).position()
        self.contextRequested.emit(position, event.globalPos())


class StripeMargin(QWidget):
    """One bracket per segment beside the text, in its code's colour, stacked in lanes
    where segments overlap. Only the stripes in view are laid out and painted."""

    hovered = Signal(object)  # segment id or None
    clicked = Signal(int)
    contextRequested = Signal(int, QPoint)
    LANE = 14
    LABELS = 170  # a column of code names beside the lanes

    def __init__(self, view: TextView) -> None:
        super().__init__(view.parentWidget())
        self.view = view
        self.layout_: StripeLayout = StripeLayout.build([])
        self.rows: dict[int, SegmentRow] = {}
        self.offsets = OffsetMap("")
        self.painted: list[tuple[QRect, int]] = []
        self.hovered_id: int | None = None
        self.last_painted = 0
        self.setMouseTracking(True)
        self.setMinimumWidth(40)
        view.updateRequest.connect(lambda *_: self.update())
        font = QFont("DejaVu Sans")
        font.setPointSize(8)
        self.setFont(font)

    def set_segments(
        self, rows: list[SegmentRow], offsets: OffsetMap, group_of: dict[int, int] | None = None
    ) -> None:
        self.rows = {row.id: row for row in rows}
        self.offsets = offsets
        self.layout_ = StripeLayout.build(rows, group_of)
        self.setFixedWidth(self.lanes_width() + self.LABELS)
        self.update()

    def lanes_width(self) -> int:
        return max(1, self.layout_.lane_count) * self.LANE + 6

    def sizeHint(self) -> QSize:
        return QSize(self.width(), 0)

    def _line_rect(self, position: int) -> QRect:
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self.offsets.to_qt(position))
        return self.view.cursorRect(cursor)

    def visible_range(self) -> tuple[int, int]:
        viewport = self.view.viewport()
        first = self.view.cursorForPosition(QPoint(0, 0)).position()
        last = self.view.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
        return self.offsets.from_qt(first), self.offsets.from_qt(last)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(MARGIN_BACKGROUND))
        for band, (first_lane, lanes) in enumerate(self.layout_.bands):
            if band % 2:  # every other coder's band shaded, so the bands read apart
                x = 6 + first_lane * self.LANE - 5
                painter.fillRect(QRect(x, 0, max(1, lanes) * self.LANE, self.height()), BAND)
        self.painted = []
        if not self.rows:
            self.last_painted = 0
            return
        first, last = self.visible_range()
        height = self.view.viewport().height()
        visible = self.layout_.visible(first, last)
        self.last_painted = len(visible)
        placed: list[tuple[int, SegmentRow, int, int]] = []
        for span in visible:
            row = self.rows[span.id]
            top = self._line_rect(row.start).top() + 2
            bottom = self._line_rect(max(row.start, row.end - 1)).bottom() - 2
            x = 6 + self.layout_.lanes[row.id] * self.LANE
            color = QColor(row.color)
            hovered = row.id == self.hovered_id
            if hovered:
                shade = QColor(color)
                shade.setAlpha(50)
                painter.fillRect(QRect(x - 3, top, self.LANE - 2, bottom - top), shade)
            painter.setPen(QPen(color, 4 if hovered else 2.5))
            painter.drawLine(x, max(top, 0), x, min(bottom, height))
            if top >= 0:
                painter.drawLine(x, top, x + 5, top)
            if bottom <= height:
                painter.drawLine(x, bottom, x + 5, bottom)
            self.painted.append((QRect(x - 4, top, self.LANE - 2, bottom - top), row.id))
            placed.append((max(top, 0), row, x, bottom))
        self._paint_labels(painter, placed)

    def _paint_labels(
        self, painter: QPainter, placed: list[tuple[int, SegmentRow, int, int]]
    ) -> None:
        """Code names in a column beside the lanes, each at its bracket's top, pushed down
        so that labels never overlap, with a thin line back to the bracket."""
        metrics = painter.fontMetrics()
        line = metrics.height()
        left = self.lanes_width() + 4
        width = self.width() - left - 4
        next_free = -line
        for top, row, x, bottom in sorted(placed, key=lambda item: (item[0], item[2])):
            y = max(top, next_free)
            if y > bottom and y > top + 3 * line:
                continue  # no room near its bracket: the tooltip still names it
            next_free = y + line
            color = QColor(row.color)
            hovered = row.id == self.hovered_id
            connector = QColor(color)
            connector.setAlpha(110)
            painter.setPen(QPen(connector, 1))
            painter.drawLine(x + 5, top, left - 2, y + line // 2)
            label = metrics.elidedText(row.code, Qt.TextElideMode.ElideRight, width)
            text_color = QColor(readable_text(row.color, MARGIN_BACKGROUND))
            painter.setPen(text_color.darker(130) if hovered else text_color)
            font = painter.font()
            font.setBold(hovered)
            painter.setFont(font)
            painter.drawText(left, y + metrics.ascent(), label)
            self.painted.append((QRect(left, y, width, line), row.id))

    def segment_at(self, point: QPoint) -> int | None:
        for rect, segment_id in reversed(self.painted):
            if rect.contains(point):
                return segment_id
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        segment_id = self.segment_at(event.position().toPoint())
        if segment_id != self.hovered_id:
            self.hovered_id = segment_id
            self.hovered.emit(segment_id)
            row = self.rows.get(segment_id) if segment_id is not None else None
            tip = ""
            if row is not None:
                tip = (
                    row.code
                    + (f"\n{row.coder}" if row.coder else "")
                    + (f"\n{row.memo}" if row.memo else "")
                )
            self.setToolTip(tip)
            self.update()

    def leaveEvent(self, event: Any) -> None:
        if self.hovered_id is not None:
            self.hovered_id = None
            self.hovered.emit(None)
            self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        segment_id = self.segment_at(event.position().toPoint())
        if segment_id is not None and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(segment_id)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        segment_id = self.segment_at(event.pos())
        if segment_id is not None:
            self.contextRequested.emit(segment_id, event.globalPos())


class DocumentView(QWidget):
    """A transcript with its coding: the centre of the workbench."""

    segmentContext = Signal(list, QPoint)  # segment ids under the pointer, global point
    codesDropped = Signal(list)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.document_id: int | None = None
        self.text = ""
        self.offsets = OffsetMap("")
        self.rows: list[SegmentRow] = []
        self.coder_mode: Mode = "code"
        self.shown_coder: str | None = None  # the coder of "one" mode
        self.compared: list[str] = []  # the bands of "lanes" mode, in order
        self.legend = QLabel(self)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setContentsMargins(6, 2, 6, 2)
        self.legend.hide()
        self.hovered_id: int | None = None
        self._highlights: dict[tuple[int, int, int, str], QTextEdit.ExtraSelection] = {}
        self.text_view = TextView(self)
        self.margin = StripeMargin(self.text_view)
        self.find_bar = FindBar(self)
        self.find_bar.matchesChanged.connect(self._paint_selections)
        self.find_bar.matchChosen.connect(self.select_range)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.text_view, 1)
        row.addWidget(self.margin)
        # An image document is shown here instead of the text and its stripes.
        self.image_view = ImageView(self)
        self.image_view.hide()
        row.addWidget(self.image_view, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.legend)
        column.addLayout(row, 1)
        column.addWidget(self.find_bar)
        self.margin.hovered.connect(self._on_hover)
        self.margin.clicked.connect(self.select_segment)
        self.margin.contextRequested.connect(
            lambda sid, point: self.segmentContext.emit([sid], point)
        )
        self.text_view.contextRequested.connect(self._text_context)
        self.text_view.codesDropped.connect(self.codesDropped.emit)
        self.image_view.contextRequested.connect(self.segmentContext.emit)
        session.changed.connect(self._on_change)
        session.closed.connect(self.clear)

    # -- loading ------------------------------------------------------------------
    def load(self, document_id: int) -> None:
        project = self.session.require()
        self.document_id = document_id
        self.text = project.document_text(document_id)
        self.offsets = OffsetMap(self.text)
        # The previous document's segments and highlights must not be painted on this
        # text (their offsets may lie beyond its end) while the find bar repaints.
        self._highlights = {}
        self.rows = []
        self.hovered_id = None
        self.margin.set_segments([], self.offsets)
        self.text_view.setPlainText(self.text)
        self.find_bar.set_text(self.text)
        self._show_image(project.document_image(document_id))
        self.refresh_segments()

    @property
    def is_image(self) -> bool:
        return not self.image_view.isHidden()

    def _show_image(self, image: tuple[str, int, int, bytes] | None) -> None:
        shown = image is not None and self.image_view.show_image(image[3], image[1], image[2])
        self.image_view.setVisible(shown)
        self.text_view.setVisible(not shown)
        self.margin.setVisible(not shown)
        self.find_bar.setEnabled(not shown)

    def clear(self) -> None:
        self.document_id = None
        self.text = ""
        self.rows = []
        self.offsets = OffsetMap("")
        self._highlights = {}
        self.hovered_id = None
        self.margin.set_segments([], self.offsets)
        self.text_view.clear()
        self.find_bar.set_text("")
        self._show_image(None)
        self._paint_selections()

    def refresh_segments(self) -> None:
        if self.document_id is None:
            return
        top = self.text_view.cursorForPosition(QPoint(0, 0)).blockNumber()
        width = self.margin.width()
        project = self.session.require()
        # Every edit repaints: the project's coders (a count over all its segments) are
        # read only when the margin shows coders, for colours stable across documents.
        coders = self.compared
        if not coders and self.coder_mode in ("coder", "lanes"):
            coders = [row.name for row in project.coder_rows() if row.segments]
        arranged = arrange(
            project.segment_rows(self.document_id), self.coder_mode, self.shown_coder, coders
        )
        self.rows = arranged.rows
        self._show_legend(arranged.legend)
        self.margin.set_segments(self.rows, self.offsets, arranged.group_of)
        self.image_view.set_regions(self.rows)
        self._paint_selections()
        if self.margin.width() != width:  # a lane more or less re-wraps the text:
            QTimer.singleShot(0, lambda: self._keep_at_top(top))  # the reader stays put

    def show_coders(
        self, mode: Mode, coder: str | None = None, coders: list[str] | None = None
    ) -> None:
        """Stripes by ``"code"`` (colours of the codes), by ``"coder"`` (a colour per
        coder, with a legend), ``"one"`` coder only, or ``"lanes"``: a band of lanes per
        coder side by side (``coders`` in order; default every coder)."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
        if mode == "one" and not coder:
            raise ValueError("mode 'one' needs the coder to show")
        self.coder_mode, self.shown_coder = mode, coder
        self.compared = list(coders or [])
        self._highlights = {}
        self.refresh_segments()

    def _show_legend(self, entries: list[tuple[str, str]]) -> None:
        if self.coder_mode == "code" or self.document_id is None:
            self.legend.hide()
            return
        swatches = " ".join(
            f'<span style="color:{color}">■</span> {html.escape(name)}' for name, color in entries
        )
        if self.coder_mode == "one":
            text = self.tr("Only {coder}'s coding").format(
                coder=html.escape(self.shown_coder or "")
            )
        elif self.coder_mode == "lanes":  # stripes keep their codes' colours: names only
            names = " | ".join(html.escape(name) for name, _color in entries)
            text = self.tr("Coders side by side, left to right: {coders}").format(coders=names)
        else:
            text = self.tr("Stripes by coder: {coders}").format(coders=swatches)
        self.legend.setText(text)
        self.legend.show()

    def _keep_at_top(self, block: int) -> None:
        """Scroll until paragraph ``block`` is the first one in view again."""
        bar = self.text_view.verticalScrollBar()
        for _ in range(500):  # a line a step; a transcript's re-wrap moves a few
            current = self.text_view.cursorForPosition(QPoint(0, 0)).blockNumber()
            if current == block:
                return
            before = bar.value()
            bar.setValue(before + (1 if current < block else -1))
            if bar.value() == before:  # at an end of the text
                return

    def _on_change(self, event: ChangeEvent) -> None:
        if self.document_id is None or self.session.project is None:
            return
        gone = Area.DOCUMENTS in event.areas and self.document_id not in {
            d.id for d in self.session.project.document_rows()
        }
        if gone:
            self.clear()
            return
        if event.areas & {Area.CODING, Area.CODEBOOK, Area.DOCUMENTS}:
            self.refresh_segments()

    # -- painting -------------------------------------------------------------------
    def _selection(self, start: int, end: int, color: QColor) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text_view.document())
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        text_format = QTextCharFormat()
        text_format.setBackground(color)
        selection.format = text_format
        return selection

    def _paint_selections(self) -> None:
        # Highlights are kept per segment: after an edit only new or changed segments
        # get a new one (building 2,000 of them costs ~40 ms).
        cache: dict[tuple[int, int, int, str], QTextEdit.ExtraSelection] = {}
        selections = []
        for row in self.rows:
            key = (row.id, row.start, row.end, row.color)
            selection = self._highlights.get(key)
            if selection is None:
                color = QColor(row.color)
                color.setAlpha(HIGHLIGHT_ALPHA)
                selection = self._selection(row.start, row.end, color)
            cache[key] = selection
            selections.append(selection)
        self._highlights = cache
        hovered = next((r for r in self.rows if r.id == self.hovered_id), None)
        if hovered is not None:
            color = QColor(hovered.color)
            color.setAlpha(HOVER_ALPHA)
            selections.append(self._selection(hovered.start, hovered.end, color))
        found = QColor("#ffd54f")
        for start, end in self.find_bar.matches:
            selections.append(self._selection(start, end, found))
        self.text_view.setExtraSelections(selections)

    def _on_hover(self, segment_id: int | None) -> None:
        self.hovered_id = segment_id
        self._paint_selections()

    # -- selection ------------------------------------------------------------------
    def selection(self) -> tuple[int, int]:
        cursor = self.text_view.textCursor()
        return self.offsets.from_qt(cursor.selectionStart()), self.offsets.from_qt(
            cursor.selectionEnd()
        )

    def select_range(self, start: int, end: int) -> None:
        cursor = self.text_view.textCursor()
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.text_view.setTextCursor(cursor)
        self.text_view.centerCursor()
        self.text_view.setFocus()

    def select_segment(self, segment_id: int) -> None:
        row = next((r for r in self.rows if r.id == segment_id), None)
        if row is not None:
            self.select_range(row.start, row.end)

    def segments_at(self, position: int) -> list[SegmentRow]:
        return [r for r in self.rows if r.start <= position < r.end]

    def _text_context(self, qt_position: int, point: QPoint) -> None:
        position = self.offsets.from_qt(qt_position)
        self.segmentContext.emit([r.id for r in self.segments_at(position)], point)
