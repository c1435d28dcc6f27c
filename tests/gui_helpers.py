"""Driving real dialogs the way a user does: find the modal window, type, click."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget


def when_modal(handle: Callable[[QWidget], None], attempts: int = 3000) -> None:
    """Run ``handle`` on the next modal dialog once it is on screen (polled for up to
    30 s: a loaded machine may be slow to open it, and an unanswered modal blocks)."""

    def poll(left: int = attempts) -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None and widget.isVisible():
            handle(widget)
        elif left:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)


def answer_file_dialog(path: str, name_filter: str | None = None) -> None:
    """Answer the next file dialog as a person does: pick the file type from the list of
    filters, type the name, press Save (or Open)."""
    from PySide6.QtWidgets import QFileDialog

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), f"expected a file dialog, got {dialog!r}"
        if name_filter is not None:
            assert name_filter in dialog.nameFilters(), dialog.nameFilters()
            dialog.selectNameFilter(name_filter)
        type_file_name(dialog, path)
        dialog.accept()

    when_modal(handle)


def type_file_name(dialog: QWidget, path: str) -> None:
    """Put ``path`` in a Qt file dialog as a person does: select it, and type it into
    the name field (``selectFile`` leaves the field as it is while the field has the
    keyboard focus, which it has as soon as the dialog is active)."""
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    assert isinstance(dialog, QFileDialog)
    dialog.selectFile(path)
    field = dialog.findChild(QLineEdit, "fileNameEdit")
    if field is not None:
        field.setText(path)


def menu_action(window: QWidget, *path: str) -> QAction:
    """The menu bar's action at ``path`` ("File", "Export workbook (XLSX)…"), read as
    the menus show them (without the & of their keyboard accelerator)."""
    from PySide6.QtWidgets import QMainWindow

    assert isinstance(window, QMainWindow)
    actions = window.menuBar().actions()
    for depth, text in enumerate(path):
        found = next((a for a in actions if a.text().replace("&", "") == text), None)
        assert found is not None, f"no menu item {text!r} in {[a.text() for a in actions]}"
        if depth == len(path) - 1:
            return found
        menu = found.menu()
        assert menu is not None, f"{text!r} is not a menu"
        actions = menu.actions()
    raise AssertionError("empty menu path")


def focus(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Give the window the keyboard again, as a click on it does (the offscreen
    platform does not give it back when a dialog closes), so its shortcuts work."""
    window.raise_()
    window.activateWindow()
    handle = window.windowHandle()
    if handle is not None:
        handle.requestActivate()
    if not window.isActiveWindow():
        import warnings

        with warnings.catch_warnings():  # deprecated, and the one call offscreen obeys
            warnings.simplefilter("ignore", DeprecationWarning)
            QApplication.setActiveWindow(window)
    qtbot.waitUntil(window.isActiveWindow)
