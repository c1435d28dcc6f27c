"""Long work off the GUI thread: progress, cancel, and results back as signals."""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from qdaw.errors import QdawError


class WorkerSignals(QObject):
    progress = Signal(int, int, str)  # done, total, what
    finished = Signal(object)
    failed = Signal(str)


class Worker(QRunnable):
    """Runs ``task(worker)`` on the thread pool. The task reports with
    ``worker.report(done, total, what)`` and polls ``worker.cancelled``; it must not
    touch widgets (signals carry everything back to the GUI thread)."""

    def __init__(self, task: Callable[[Worker], Any]) -> None:
        super().__init__()
        self.task = task
        self.signals = WorkerSignals()
        self.cancelled = False
        self.setAutoDelete(False)

    def report(self, done: int, total: int, what: str = "") -> None:
        self.signals.progress.emit(done, total, what)

    def cancel(self) -> None:
        self.cancelled = True

    def run(self) -> None:
        try:
            result = self.task(self)
        except Exception as exc:  # shown to the user; an unexpected one's traceback to stderr
            if not isinstance(exc, QdawError):
                traceback.print_exc()
            message = f"{type(exc).__name__}: {exc}" if not str(exc) else str(exc)
            self._send(self.signals.failed, message)
            return
        self._send(self.signals.finished, result)

    @staticmethod
    def _send(signal: Any, value: Any) -> None:
        # RuntimeError: the application has gone while this ran: no one to tell.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


_running: set[Worker] = set()


def start(worker: Worker) -> Worker:
    """Start a worker, keeping it alive until it reports back."""
    _running.add(worker)
    worker.signals.finished.connect(lambda *_: _running.discard(worker))
    worker.signals.failed.connect(lambda *_: _running.discard(worker))
    QThreadPool.globalInstance().start(worker)
    return worker


def stop_all(timeout_ms: int = 60000) -> bool:
    """Ask every running worker to stop, and wait for them (before a window closes)."""
    for worker in list(_running):
        worker.cancel()
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
