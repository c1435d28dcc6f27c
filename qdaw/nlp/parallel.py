"""Analysing documents in worker processes while the caller stores the results, in order.

spaCy's taggers run under the interpreter lock, so threads would not use a second core,
and a worker thread in the workbench would stall the window. Worker processes
(qdaw.nlp.worker, started as ``python -m``: unlike multiprocessing's spawn, that never
re-imports the caller's script, so a researcher's script needs no ``__main__`` guard)
each load the pipeline once; the one writer (the caller) receives the analyses in
document order and stores each in its own transaction, so cancelling or killing the run
keeps every document already stored and the next run does only the rest.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterable
from typing import IO, TYPE_CHECKING

from qdaw.errors import QdawError

if TYPE_CHECKING:
    from qdaw.nlp.indexing import Analysis

#: Below this much text, starting processes (each loads spaCy: about a second from a
#: warm disk) costs more than the second core gives back.
PARALLEL_FROM_CHARS = 400_000
#: Analyses queued ahead per worker: enough that no worker waits for the writer, few
#: enough that a 20-million-word study is not read into memory at once.
AHEAD_PER_WORKER = 2

Job = tuple[int, str, "str | None"]  # document id, text, language (None: guess)


#: Default ceiling: each process holds a spaCy pipeline (about 350 MB), so a 64-core
#: workstation does not start 64 of them unless told to.
MOST_BY_DEFAULT = 8


def worker_count(requested: int | None = None) -> int:
    """How many processes analyse (0: none, in the caller): as asked, else
    QDAW_INDEX_WORKERS, else the cores this process may run on, at most 8."""
    if requested is None:
        setting = os.environ.get("QDAW_INDEX_WORKERS", "").strip()
        if setting:
            try:
                requested = int(setting)
            except ValueError:
                raise ValueError(
                    f"QDAW_INDEX_WORKERS must be a whole number, not {setting!r}"
                ) from None
    if requested is None:
        try:
            cores = len(os.sched_getaffinity(0))
        except AttributeError:  # not on Linux
            cores = os.cpu_count() or 1
        requested = min(cores, MOST_BY_DEFAULT)
    return max(0, requested)


class _Process:
    """One analysing process and the pipes to it."""

    def __init__(self, languages: tuple[str, ...]) -> None:
        from qdaw.nlp.worker import write_frame

        self.process = subprocess.Popen(
            [sys.executable, "-m", "qdaw.nlp.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self.write = write_frame
        write_frame(self._stdin, languages)

    @property
    def _stdin(self) -> IO[bytes]:
        assert self.process.stdin is not None
        return self.process.stdin

    def send(self, text: str, language: str | None) -> None:
        self.write(self._stdin, (text, language))

    def receive(self, name: str) -> Analysis:
        from qdaw.nlp.worker import read_frame

        assert self.process.stdout is not None
        try:
            status, value = read_frame(self.process.stdout)
        except EOFError:
            code = self.process.wait()
            raise QdawError(
                f"the text analysis process stopped (exit code {code}) while analysing {name}"
            ) from None
        if status != "ok":
            raise QdawError(f"could not analyse {name}: {value}")
        analysis: Analysis = value
        return analysis

    def close(self, finished: bool) -> None:
        if finished:
            with contextlib.suppress(OSError):
                self._stdin.close()  # the process ends once its queue is empty
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=10)
        if self.process.poll() is None:
            self.process.kill()  # cancelled: the analysis under way is not wanted
            self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None and not pipe.closed:
                with contextlib.suppress(OSError):
                    pipe.close()


def analysed(
    jobs: Iterable[Job],
    workers: int,
    cancelled: Callable[[], bool] | None = None,
    languages: tuple[str, ...] = (),
    names: dict[int, str] | None = None,
) -> Generator[tuple[int, Analysis], None, None]:
    """(document id, analysis) for each job, in the jobs' order. With no workers, in this
    process; otherwise in ``workers`` processes, each given every workers-th job (so the
    results come back in order without a reorder buffer). Stops early, without waiting
    for the analyses under way, once ``cancelled()`` says so."""
    if workers <= 0:
        from qdaw.nlp.indexing import analyse

        for document_id, text, language in jobs:
            if cancelled is not None and cancelled():
                return
            yield document_id, analyse(text, language)
        return
    names = names or {}
    processes: list[_Process] = []
    pending: deque[tuple[int, _Process]] = deque()
    finished = False
    try:
        processes = [_Process(languages) for _ in range(workers)]
        for number, (document_id, text, language) in enumerate(jobs):
            while len(pending) >= workers * AHEAD_PER_WORKER:
                ready_id, process = pending.popleft()
                yield ready_id, process.receive(names.get(ready_id, f"document #{ready_id}"))
                if cancelled is not None and cancelled():
                    return
            process = processes[number % workers]
            process.send(text, language)
            pending.append((document_id, process))
        while pending:
            ready_id, process = pending.popleft()
            yield ready_id, process.receive(names.get(ready_id, f"document #{ready_id}"))
            if pending and cancelled is not None and cancelled():
                return
        finished = True
    finally:
        for process in processes:
            process.close(finished)
