"""What a crash trial's child process does until it is killed: real work on a project
through the public API, one line written to its log after each step is committed.

    python -m bench.crash_work        # reads "KIND PROJECT FOLDER LOG" lines on stdin

Importing qdaw takes about a second, longer than the work of a trial: this process
imports it once, then forks a fresh worker for each line it reads (nothing is open
when it forks: no engine, no thread), prints the worker's pid, waits for it and prints
its exit status. The runner kills the worker, never this process.

The log is written with ``os.write`` (no buffer in the process), so a line reaches the
kernel before the next step starts and survives SIGKILL. A line is ``ready`` once the
project is open, then ``KIND NUMBER`` for each committed step. The trials' checks
(bench/crash_trials.py) read what the child was told was stored from these lines.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: Codings in one batch; a batch is all there or not at all.
BATCH = 100
#: Files in each folder the runner writes for the import kind; a folder is one import.
FOLDER_FILES = 12
FOLDERS = 100
#: Codings in the step that the undo kind undoes and redoes.
UNDO_STEP = 50
TEXT = "Q : Et ensuite ?\nR : " + "Nous avons préparé des capsules vidéo pour les étudiants. " * 60
DOCUMENT = "entretien"
KINDS = ("batch", "import", "undo", "single")


def batch_span(batch: int, k: int) -> tuple[int, int]:
    """Where the k-th coding of a batch goes (the same in the child and the checks)."""
    start = (batch * 31 + k * 7) % (len(TEXT) - 60)
    return start, start + 40


def folder_text(folder: int, k: int) -> str:
    """A transcript of its own (imports skip no duplicate, but names must not clash)."""
    words = " ".join(f"mot{folder}x{k}x{n}" for n in range(300))
    return f"Q : Entretien {folder}.{k} ?\nR : « Réponse » — {words}.\n"


def write_folders(root: Path) -> None:
    for folder in range(FOLDERS):
        directory = root / f"lot{folder:02d}"
        directory.mkdir(parents=True)
        for k in range(FOLDER_FILES):
            (directory / f"f{folder:02d}_{k:02d}.txt").write_text(
                folder_text(folder, k), encoding="utf-8"
            )


def prepare(target: str) -> None:
    """The project every trial of a kind starts from."""
    from qdaw import Project

    with Project.create(target, coder="crash") as p:
        p.add_document(DOCUMENT, TEXT, case="R1")
        p.add_code("Unique")


def _work(kind: str, target: str, folders: Path, log: int) -> None:
    from qdaw import Project

    def done(line: str) -> None:
        os.write(log, (line + "\n").encode())

    with Project.open(target, coder="crash") as p:
        done("ready")
        if kind == "batch":
            for number in range(10**6):
                with p.batch(f"lot {number}"):
                    code = p.add_code(f"Lot {number}")
                    for k in range(BATCH):
                        p.code_segment(DOCUMENT, *batch_span(number, k), code)
                done(f"batch {number}")
        elif kind == "import":
            for number in range(FOLDERS):
                report = p.import_files([folders / f"lot{number:02d}"])
                assert len(report.documents) == FOLDER_FILES and not report.failures
                done(f"import {number}")
        elif kind == "undo":
            with p.batch("undo step"):
                code = p.add_code("Annulé")
                for k in range(UNDO_STEP):
                    p.code_segment(DOCUMENT, *batch_span(0, k), code)
            done("undo 0")  # even: the step is there; odd: undone
            for number in range(1, 10**6):
                p.undo() if number % 2 else p.redo()
                done(f"undo {number}")
        elif kind == "single":
            for number in range(10**6):
                start = number % (len(TEXT) - 60)
                p.code_segment(DOCUMENT, start, start + 30, "Unique", memo=f"n{number}")
                done(f"single {number}")
        else:
            raise SystemExit(f"unknown kind {kind}")


def serve() -> None:
    import qdaw  # noqa: F401  (imported once, before any fork)

    for line in sys.stdin:
        kind, target, folders, log_path = line.split("\t")
        pid = os.fork()
        if pid == 0:
            status = 0
            try:
                log = os.open(log_path.strip(), os.O_WRONLY | os.O_CREAT | os.O_APPEND)
                _work(kind, target, Path(folders), log)
            except BaseException as exc:  # the runner reports it: work must not fail
                print(f"worker failed: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
                status = 1
            os._exit(status)
        print(pid, flush=True)
        _, status = os.waitpid(pid, 0)
        print(os.waitstatus_to_exitcode(status), flush=True)


if __name__ == "__main__":
    serve()
