"""What becomes of a memo edit that could not be saved when its project closes: the
researcher decides (save it over the other writer's, or copy it and let it go, or stay
open); it is never dropped without asking."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from qdaw.gui.memo_manager import MemoManager


def ask_about_unsaved(manager: MemoManager) -> bool:
    """True once the edit is saved or deliberately let go; False to stay open."""
    translate = QCoreApplication.translate
    text = manager.editor.toPlainText()
    gone = manager.theirs is None  # not a conflict: what it belonged to was deleted
    question = QMessageBox(manager)
    question.setIcon(QMessageBox.Icon.Warning)
    question.setWindowTitle(translate("MemoSettle", "Memos"))
    question.setText(
        translate("MemoSettle", "Your memo could not be saved: {reason}").format(
            reason=manager.notice.text()
        )
    )
    question.setInformativeText(translate("MemoSettle", "Your text: “{text}”").format(text=text))
    mine = None
    if not gone:
        mine = question.addButton(
            translate("MemoSettle", "Save mine over theirs"), QMessageBox.ButtonRole.AcceptRole
        )
    copy = question.addButton(
        translate("MemoSettle", "Copy my text and discard"), QMessageBox.ButtonRole.DestructiveRole
    )
    cancel = question.addButton(QMessageBox.StandardButton.Cancel)
    question.setDefaultButton(cancel)
    question.exec()
    chosen = question.clickedButton()
    if mine is not None and chosen is mine:
        return manager.save(overwrite=True)
    if chosen is copy:
        QGuiApplication.clipboard().setText(text)
        manager.editor.document().setModified(False)
        manager.discard_notice()
        return True
    return False
