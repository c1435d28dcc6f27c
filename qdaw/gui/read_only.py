"""A read-only project in the panels: their edit buttons and the editing entries of
their context menus are disabled, saying why (the menus' commands are the window's)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from qdaw.gui.session import Session


def read_only_reason(session: Session) -> str | None:
    """Why the open project cannot be changed, in the window's words; None if it can."""
    project = session.project
    if project is None or not project.read_only:
        return None
    # The status bar's sentence, with its translation (same context).
    text = QCoreApplication.translate("ProjectFiles", "{name} is read-only: {reason}")
    return text.format(name=project.name, reason=project.read_only_reason)


def show_writable(actions: Iterable[QAction], session: Session) -> None:
    """Enable the edit buttons of a panel, or disable them with the reason."""
    reason = read_only_reason(session)
    for action in actions:
        action.setEnabled(reason is None)
        action.setToolTip(reason or action.text())
        action.setStatusTip(reason or "")


def disable_edits(menu: QMenu, session: Session, reads: Iterable[QAction] = ()) -> None:
    """On a read-only project, every entry of ``menu`` but ``reads`` is disabled (the
    entries of its sub-menus too), its tooltip saying why."""
    reason = read_only_reason(session)
    if reason is None:
        return
    kept = {id(action) for action in reads}
    menu.setToolTipsVisible(True)
    for action in menu.actions():
        if action.isSeparator() or id(action) in kept:
            continue
        action.setEnabled(False)
        action.setToolTip(reason)
