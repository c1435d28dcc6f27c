"""Retrieval: the passages of the codes selected in the codebook, each read in its
paragraph, with who said it, where, and under which code."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QColor

from qdaw.gui.analysis_tab import AnalysisTab
from qdaw.gui.passages import Passage, PassageList
from qdaw.nlp.kwic import passages_in_context

if TYPE_CHECKING:
    import pandas as pd


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
            shown.append(
                Passage(int(row["document_id"]), int(row["start"]), int(row["end"]), heading,
                        row["before"], str(row["text"]), row["after"],
                        light(colors.get(str(row["code"]), "#ffd54f")))
            )  # fmt: skip
        self.passages.passages.set_passages(shown)

    def clear(self) -> None:
        super().clear()
        self.passages.passages.set_passages([])

    def exported_frame(self) -> pd.DataFrame:
        assert self.frame is not None
        return self.frame.drop(columns=["segment_id"], errors="ignore")

    def _jump(self, index: QModelIndex) -> None:
        passage = self.passages.passages.passages[index.row()]
        self.jumpTo.emit(passage.document_id, passage.start, passage.end)
