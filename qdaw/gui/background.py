"""Loading what a pane shows on a worker thread, for projects too large to count at once.

A pane over a study of a million segments cannot count them on the GUI thread without
freezing the window for seconds at every open. It shows what it has, starts a worker
with its own read-only connection, and fills in when the result comes. A change that
arrives meanwhile makes the result stale: it is loaded once more when the first load
ends, so the pane never settles on counts older than the project.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from qdaw.gui.workers import Worker, start

if TYPE_CHECKING:
    from qdaw.gui.session import Session
    from qdaw.project import Project

#: From this many segments, counts are loaded in the background (below, at once: a
#: few milliseconds, and what tests and scripts read straight after opening).
BACKGROUND_FROM = 200_000


def is_large(project: Project) -> bool:
    return project.total_segments() >= BACKGROUND_FROM


class BackgroundLoad(QObject):
    """``compute(project)`` on a worker thread; ``loaded`` carries its result."""

    loaded = Signal(object)
    failed = Signal(str)

    def __init__(self, session: Session, compute: Callable[[Project], Any]) -> None:
        super().__init__()
        self.session = session
        self.compute = compute
        self.running = False
        self.stale = False
        self._generation = 0
        session.closed.connect(self._forget)

    def _forget(self) -> None:
        self._generation += 1  # a result for a closed project is dropped
        self.running = self.stale = False

    def start(self, compute: Callable[[Project], Any] | None = None) -> None:
        """Load (with ``compute`` from now on, when given: what the pane's controls
        ask for, read on the GUI thread); if a load is under way, once more after it."""
        if compute is not None:
            self.compute = compute
        if self.running:
            self.stale = True
            return
        from qdaw.project import Project

        project = self.session.require()
        location, generation, compute = project.location, self._generation, self.compute
        self.running, self.stale = True, False

        def task(_worker: Worker) -> Any:
            with Project.open(location, read_only=True) as reader:
                return compute(reader)

        worker = Worker(task)
        worker.signals.finished.connect(lambda result: self._done(generation, result))
        worker.signals.failed.connect(lambda message: self._failed(generation, message))
        start(worker)

    def _done(self, generation: int, result: Any) -> None:
        if generation != self._generation:
            return
        self.running = False
        if self.stale:
            self.start()
            return
        self.loaded.emit(result)

    def _failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self.running = False
        if self.stale:  # a change came meanwhile: try again with it
            self.start()
            return
        self.failed.emit(message)
