"""Driving real dialogs the way a user does: find the modal window, type, click."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def when_modal(handle: Callable[[QWidget], None], attempts: int = 200) -> None:
    """Run ``handle`` on the next modal dialog once it is on screen."""

    def poll(left: int = attempts) -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None and widget.isVisible():
            handle(widget)
        elif left:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)
