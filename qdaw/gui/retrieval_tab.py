"""Retrieval: the passages of the codes selected in the codebook, each read in its
paragraph, with who said it, where, and under which code."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QImage

from qdaw.gui.analysis_tab import AnalysisTab
from qdaw.gui.passages import THUMBNAIL, Passage, PassageList
from qdaw.nlp.kwic import passages_in_context

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.project import Project


def light(color: str, share: float = 0.35) -> str:
    """The code's colour on white, as its translucent highlight looks in the text."""
    code = QColor(color)
    mix = [round(255 + (c - 255) * share) for c in (code.red(), code.green(), code.blue())]
    return QColor(*mix).name()


class RetrievalTab(AnalysisTab):
    jumpTo = Signal(int, int, int)  # document id, start, end

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.passages = PassageList(self)
        self.table.hide()
        self.layout().addWidget(self.passages)  # type: ignore[union-attr]
        self.passages.doubleClicked.connect(self._jump)
        self.passages.activated.connect(self._jump)

    def refresh(self) -> None:
        super().refresh()
        project = self.session.project
        if project is None or self.frame is None or self.frame.empty:
            self.passages.passages.set_passages([])
            return
        colors = {row.name: row.color for row in project.code_rows()}
        self._pictures: dict[int, QImage] = {}
        shown = []
        for row in passages_in_context(project.store, self.frame).to_dict("records"):
            page = row.get("page")
            where = self.tr("p. {page}").format(page=page) if isinstance(page, str) and page else ""
            heading = " · ".join(
                str(part)
                for part in (row["case"], row["document"], where, row.get("timecode"),
                             row["code"], row["coder"])
                if isinstance(part, str) and part  # (no coder: None or NaN)
            )  # fmt: skip
            picture = self._region_picture(project, row)
            shown.append(
                Passage(int(row["document_id"]), int(row["start"]), int(row["end"]), heading,
                        row["before"], str(row["text"]), row["after"],
                        light(colors.get(str(row["code"]), "#ffd54f")), picture)
            )  # fmt: skip
        self.passages.passages.set_passages(shown)

    def _region_picture(self, project: Project, row: dict[str, Any]) -> QImage | None:
        """An image region's thumbnail, cut out of its picture (decoded once per refresh
        and document)."""
        region = row.get("region")
        if not isinstance(region, str) or not region:
            return None
        doc_id = int(row["document_id"])
        if doc_id not in self._pictures:
            found = project.document_image(doc_id)
            image = QImage.fromData(found[3]) if found is not None else QImage()
            self._pictures[doc_id] = image
        image = self._pictures[doc_id]
        if image.isNull():
            return None
        x, y, width, height = (int(n) for n in region.split(","))
        crop = image.copy(x, y, width, height)
        return crop.scaled(THUMBNAIL, THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio,
                           Qt.TransformationMode.SmoothTransformation)  # fmt: skip

    def clear(self) -> None:
        super().clear()
        self.passages.passages.set_passages([])

    def exported_frame(self) -> pd.DataFrame:
        assert self.frame is not None
        return self.frame.drop(columns=["segment_id"], errors="ignore")

    def _jump(self, index: QModelIndex) -> None:
        passage = self.passages.passages.passages[index.row()]
        self.jumpTo.emit(passage.document_id, passage.start, passage.end)
