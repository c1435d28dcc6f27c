"""Running a user action and reporting a QdawError instead of raising it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import SignalInstance

from qdaw.errors import QdawError


def run_reporting(action: Callable[[], object], error: SignalInstance) -> bool:
    """Run ``action``; a QdawError goes to ``error`` (shown to the user). True if it ran."""
    try:
        action()
    except QdawError as exc:
        error.emit(str(exc))
        return False
    return True
