"""One analysis table: computed from the project, sortable, exported as the file type
chosen in the save dialog; categories marked as roll-ups."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from qdaw.errors import QdawError
from qdaw.gui.background import BackgroundLoad, is_large
from qdaw.gui.models.tables import RAW, FrameModel, sortable_table
from qdaw.gui.save_dialog import ask_save_path
from qdaw.gui.session import Session

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.project import Project


def category_labels(project: Project) -> set[str]:
    """Codes with sub-codes, as the analysis tables name them."""
    from qdaw.analysis.frequencies import codebook_frame

    book = codebook_frame(project.store)
    parents = {int(p) for p in book["parent_id"].dropna()}
    return {str(label) for code_id, label in book["label"].items() if code_id in parents}


class AnalysisTab(QWidget):
    """A table computed from the project, sortable, with an export button."""

    error = Signal(str)
    status = Signal(str)

    def __init__(
        self,
        session: Session,
        compute: Callable[[], pd.DataFrame],
        heat: bool = False,
        show_index: bool = False,
        index_header: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.compute = compute
        self.show_index = show_index
        self.frame: pd.DataFrame | None = None
        self.export_name = ""  # the file name the save dialog suggests
        self.marks = False  # rows of categories (codes with sub-codes) shown with Σ
        self.model = FrameModel(heat=heat, index_header=index_header)
        self.proxy, self.table = sortable_table(self.model, self)
        self.controls = QHBoxLayout()
        self.controls.setContentsMargins(0, 0, 0, 0)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.clicked.connect(self.export)
        self.controls.addStretch(1)
        self.controls.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.controls)
        layout.addWidget(self.table)
        self.dirty = True
        #: For a large project: what to compute, as a function of a project opened on a
        #: worker thread (built on the GUI thread, from the tab's controls).
        self.background: Callable[[], Callable[[Project], pd.DataFrame]] | None = None
        self._loader: BackgroundLoad | None = None

    def headers(self) -> dict[str, str]:
        """Column titles for people, in the interface language."""
        return {
            "code": self.tr("Code"),
            "parent": self.tr("Parent"),
            "hypotheses": self.tr("Hypotheses"),
            "hypothesis": self.tr("Hypothesis"),
            "statement": self.tr("Statement"),
            "codes": self.tr("Codes"),
            "segments": self.tr("Segments"),
            "cases": self.tr("Respondents"),
            "total_cases": self.tr("N"),
            "pct_cases": self.tr("% respondents"),
            "ratio": self.tr("k/N"),
            "case": self.tr("Respondent"),
            "document": self.tr("Document"),
            "coder": self.tr("Coder"),
            "text": self.tr("Passage"),
            "memo": self.tr("Memo"),
            "segment_id": "#",
        }

    def add_control(self, widget: QWidget) -> None:
        self.controls.insertWidget(self.controls.count() - 2, widget)

    def clear(self) -> None:
        import pandas as pd

        self.frame = None
        self.model.set_frame(pd.DataFrame())
        self.dirty = True

    def refresh(self) -> None:
        self.dirty = False
        project = self.session.project
        if project is None:
            return
        if self.background is not None and is_large(project):
            # A large study: computed on a worker thread with its own connection, the
            # window staying responsive; the table shows the last result meanwhile.
            if self._loader is None:
                self._loader = BackgroundLoad(self.session, self.background())
                self._loader.loaded.connect(self._show_frame)
                self._loader.failed.connect(self.error.emit)
            self.status.emit(self.tr("Computing…"))
            self._loader.start(self.background())
            return
        try:
            frame = self.compute()
        except QdawError as exc:
            self.error.emit(str(exc))
            return
        self._show_frame(frame)

    def _show_frame(self, frame: pd.DataFrame) -> None:
        if self.session.project is None:
            return
        self.frame = frame
        self.model.categories = category_labels(self.session.require()) if self.marks else set()
        # The reader's place survives the refresh (an edit here or by another writer).
        vertical, horizontal = self.table.verticalScrollBar(), self.table.horizontalScrollBar()
        place = (vertical.value(), horizontal.value())
        self.model.set_frame(self.frame, show_index=self.show_index)
        self.model.header = [self.headers().get(name, name) for name in self.model.header]
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 420))
        vertical.setValue(place[0])
        horizontal.setValue(place[1])

    def export(self) -> Path | None:
        from qdaw.export.tables import write_table

        if self.frame is None:
            return None
        path = ask_save_path(self, self.tr("Export table"), [".xlsx", ".csv"], self.export_name)
        if path is None:
            return None
        frame = self.exported_frame()
        if self.session.anonymise_exports:
            frame = self.session.require().anonymiser().frame(frame, ["text", "memo"])
        try:
            written = write_table(frame, path, index=self.show_index)
        except (QdawError, OSError) as exc:
            self.error.emit(str(exc))
            return None
        self.status.emit(self.tr("Table written: {path}").format(path=written))
        return written

    def exported_frame(self) -> pd.DataFrame:
        assert self.frame is not None
        return self.frame


class BarDelegate(QStyledItemDelegate):
    """Draws k/N as a bar under its text: the frequencies read at a glance."""

    def __init__(self, fraction_column: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fraction_column = fraction_column  # a 0–100 column of the same row

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        share = index.sibling(index.row(), self.fraction_column).data(RAW)
        if isinstance(share, int | float) and share == share and share > 0:
            rect = option.rect.adjusted(2, 3, -2, -3)
            rect.setWidth(max(1, int(rect.width() * min(float(share), 100.0) / 100.0)))
            painter.fillRect(rect, QColor(67, 99, 216, 60))
        super().paint(painter, option, index)
