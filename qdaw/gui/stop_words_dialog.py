"""Editing a stop list: the words one a line; OK saves the difference in one undo step."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from qdaw.core.text_units import fold
from qdaw.errors import QdawError
from qdaw.gui.session import Session


class StopWordsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Stop words"))
        self.resize(380, 520)
        self.language = QComboBox(self)
        self.language.addItem(self.tr("French"), "fr")
        self.language.addItem(self.tr("English"), "en")
        self.words = QPlainTextEdit(self)
        self.words.setObjectName("stopWords")
        self.message = QLabel(
            self.tr("One word a line. Words on the list are left out of the word counts."), self
        )
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.language)
        layout.addWidget(self.message)
        layout.addWidget(self.words, 1)
        layout.addWidget(buttons)
        self.shown: list[str] = []
        self.language.currentIndexChanged.connect(lambda _i: self.load())
        self.load()

    def current_language(self) -> str:
        return str(self.language.currentData())

    def load(self) -> None:
        self.shown = self.session.require().stop_words(self.current_language())
        self.words.setPlainText("\n".join(self.shown))

    def edits(self) -> tuple[list[str], list[str]]:
        """(added, removed): compared folded, as the counts compare words."""
        typed = [" ".join(line.split()) for line in self.words.toPlainText().splitlines()]
        typed = [word for word in typed if word]
        before = {fold(word) for word in self.shown}
        after = {fold(word) for word in typed}
        added = [word for word in typed if fold(word) not in before]
        removed = [word for word in self.shown if fold(word) not in after]
        return added, removed

    def save(self) -> None:
        added, removed = self.edits()
        if added or removed:
            try:
                self.session.require().set_stop_words(
                    self.current_language(), add=added, remove=removed
                )
            except QdawError as exc:
                self.message.setText(str(exc))
                return
        self.accept()
