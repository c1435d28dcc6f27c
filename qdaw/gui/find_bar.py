"""Find in the open document (Ctrl+F): every match highlighted, next and previous."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from qdaw.analysis.search import find_in_text


class FindBar(QWidget):
    matchesChanged = Signal()
    matchChosen = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Find in document"))
        self.field.setClearButtonEnabled(True)
        self.case = QCheckBox(self.tr("Match case"), self)
        self.accents = QCheckBox(self.tr("Match accents"), self)
        self.count = QLabel(self)
        previous = QToolButton(self)
        previous.setText("↑")
        previous.setToolTip(self.tr("Previous match (Shift+Enter)"))
        following = QToolButton(self)
        following.setText("↓")
        following.setToolTip(self.tr("Next match (Enter)"))
        close = QToolButton(self)
        close.setText("✕")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.field, previous, following, self.case, self.accents, self.count, close):
            layout.addWidget(widget)
        layout.setStretch(0, 1)
        self.field.textChanged.connect(self.search)
        self.case.toggled.connect(self.search)
        self.accents.toggled.connect(self.search)
        self.field.returnPressed.connect(self.next)
        QShortcut(QKeySequence("Shift+Return"), self.field, self.previous)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        previous.clicked.connect(self.previous)
        following.clicked.connect(self.next)
        close.clicked.connect(self.close_bar)
        self.hide()

    def set_text(self, text: str) -> None:
        self.text = text
        self.search()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.matches = []
        self.matchesChanged.emit()

    def search(self) -> None:
        query = self.field.text()
        self.matches = (
            find_in_text(self.text, query, self.accents.isChecked(), self.case.isChecked())
            if query and self.isVisible()
            else []
        )
        self.current = -1
        self.count.setText(self.tr("{n} matches").format(n=len(self.matches)) if query else "")
        self.matchesChanged.emit()

    def _go(self, step: int) -> None:
        if not self.matches:
            return
        self.current = (self.current + step) % len(self.matches)
        self.count.setText(self.tr("{i} of {n}").format(i=self.current + 1, n=len(self.matches)))
        self.matchChosen.emit(*self.matches[self.current])

    def next(self) -> None:
        self._go(1)

    def previous(self) -> None:
        self._go(-1)
