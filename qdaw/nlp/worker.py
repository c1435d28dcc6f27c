"""A text-analysis process: ``python -m qdaw.nlp.worker``, driven by qdaw.nlp.parallel.

It reads jobs (text, language) from stdin and writes analyses to stdout, in order, as
length-prefixed pickles. Jobs are read on a thread of their own so that the parent
never blocks writing a long text while this process is writing a long result. When the
parent goes away (stdin closed, even by kill -9), the process ends after its current
document.
"""

from __future__ import annotations

import pickle
import queue
import struct
import sys
import threading
from typing import IO, Any

HEADER = struct.Struct("!Q")


def write_frame(stream: IO[bytes], value: Any) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(HEADER.pack(len(data)))
    stream.write(data)
    stream.flush()


def read_frame(stream: IO[bytes]) -> Any:
    """The next value, or EOFError when the other side has closed the pipe."""
    header = stream.read(HEADER.size)
    if len(header) < HEADER.size:
        raise EOFError
    size = HEADER.unpack(header)[0]
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)


def _read_jobs(stream: IO[bytes], jobs: queue.Queue[Any]) -> None:
    try:
        while True:
            jobs.put(read_frame(stream))
    except (EOFError, OSError):
        jobs.put(None)


def main() -> None:
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not corrupt the results stream
    from qdaw.nlp.indexing import analyse
    from qdaw.nlp.pipeline import pipeline

    try:
        languages = read_frame(stdin)
    except EOFError:
        return
    for language in languages:
        pipeline(language)  # loaded before the first job, while the parent reads texts
    jobs: queue.Queue[Any] = queue.Queue()
    threading.Thread(target=_read_jobs, args=(stdin, jobs), daemon=True).start()
    while (job := jobs.get()) is not None:
        text, language = job
        try:
            result: tuple[str, Any] = ("ok", analyse(text, language))
        except Exception as exc:  # reported by the parent, naming the document
            result = ("error", f"{type(exc).__name__}: {exc}")
        try:
            write_frame(stdout, result)
        except (BrokenPipeError, OSError):
            return


if __name__ == "__main__":
    main()
