"""What the Words tab counts: the whole project, the codes selected in the codebook, a
respondent, the respondents with a variable's value, or a speaker's turns."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from qdaw.gui.session import Session


class SelectionBox(QObject):
    changed = Signal()

    def __init__(
        self, session: Session, selected_codes: Callable[[], list[int]], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.selected_codes = selected_codes
        self.kinds = QComboBox(parent)
        self.kinds.setObjectName("wordsSelection")
        for kind, label in (
            ("all", self.tr("Whole project")),
            ("codes", self.tr("Codes selected in the codebook")),
            ("case", self.tr("Respondent")),
            ("variable", self.tr("Variable value")),
            ("speaker", self.tr("Speaker")),
        ):
            self.kinds.addItem(label, kind)
        self.values = QComboBox(parent)
        self.values.setObjectName("wordsSelectionValue")
        for combo in (self.kinds, self.values):  # long names must not widen the panel
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
        self.values.setVisible(False)
        self.kinds.currentIndexChanged.connect(self._kind_changed)
        self.values.currentIndexChanged.connect(lambda _i: self.changed.emit())
        session.opened.connect(lambda: self.kinds.setCurrentIndex(0))

    def widgets(self) -> list[QWidget]:
        return [self.kinds, self.values]

    def kind(self) -> str:
        return str(self.kinds.currentData())

    def _kind_changed(self) -> None:
        self.values.blockSignals(True)
        self.values.clear()
        for label, value in self._choices():
            self.values.addItem(label, value)
        self.values.blockSignals(False)
        self.values.setVisible(self.kind() in ("case", "variable", "speaker"))
        self.changed.emit()

    def _choices(self) -> list[tuple[str, Any]]:
        project = self.session.project
        if project is None:
            return []
        kind = self.kind()
        if kind == "case":
            return [(row.name, row.name) for row in project.case_rows()]
        if kind == "speaker":
            return [(self.tr("Respondents' turns"), "respondent"),
                    (self.tr("Interviewers' turns"), "interviewer")]  # fmt: skip
        if kind == "variable":
            table = project.variables()
            choices = []
            for name in table.columns:
                for value in sorted({str(v) for v in table[name].dropna()}):
                    choices.append((f"{name} = {value}", (str(name), value)))
            return choices
        return []

    def filters(self) -> dict[str, Any]:
        """The word counts' filters; empty for the whole project (and for codes while
        none is selected)."""
        kind, value = self.kind(), self.values.currentData()
        if kind == "codes":
            codes = self.selected_codes()
            return {"codes": codes} if codes else {}
        if kind == "case" and value is not None:
            return {"cases": [value]}
        if kind == "variable" and value is not None:
            return {"where": {value[0]: value[1]}}
        if kind == "speaker" and value is not None:
            return {"speakers": value}
        return {}
