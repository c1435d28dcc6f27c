"""Crash trials: a process writing a project is killed (SIGKILL) at a random moment;
the project is then opened and checked.

    python -m bench.crash_trials [--trials 300] [--seed 1] [--postgres 0]

Each trial copies a fresh project, starts a worker (bench/crash_work.py) doing one kind
of work through the public API — batches of 100 codings (and their code), folder
imports of 12 files, undo and redo of a 50-coding step, single codings — and kills
it at a moment drawn uniformly from the first ``--window`` seconds after it opened
the project. The checks:

- SQLite: ``PRAGMA integrity_check`` is ok and ``PRAGMA foreign_key_check`` finds nothing;
- all or nothing: a batch or an import is entirely there or entirely absent, its rows
  exactly the ones the worker wrote, its step in the log exactly when its rows are;
- every step the worker reported as committed is there, and at most one step more;
- counts through the API equal raw SQL counts;
- the project still takes a write and its undo (and the undo kind's own step).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import crash_work as work


@dataclass
class Trial:
    kind: str
    backend: str
    kill_after_s: float  # from the worker's "ready" (project open) to the kill
    committed: int  # steps the worker reported as committed
    unreported: int = 0  # steps stored that the worker had not yet reported
    wal_bytes: int = 0  # the SQLite write-ahead log left by the killed worker
    finished: bool = False  # the worker ran out of work before the kill
    problems: list[str] = field(default_factory=list)


class Workers:
    """The forking server of bench/crash_work.py, started once per run."""

    def __init__(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
        self.server = subprocess.Popen(
            [sys.executable, "-m", "bench.crash_work"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )

    def start(self, kind: str, target: str, folders: Path, log: Path) -> int:
        assert self.server.stdin is not None and self.server.stdout is not None
        self.server.stdin.write(f"{kind}\t{target}\t{folders}\t{log}\n")
        self.server.stdin.flush()
        return int(self.server.stdout.readline())

    def exit_code(self) -> int:
        assert self.server.stdout is not None
        return int(self.server.stdout.readline())

    def close(self) -> None:
        assert self.server.stdin is not None
        self.server.stdin.close()
        self.server.wait(timeout=30)


def _lines(log: Path) -> list[str]:
    return log.read_text().splitlines() if log.exists() else []


def run_trial(
    workers: Workers, kind: str, target: str, folders: Path, log: Path, delay: float
) -> Trial:
    """Start the work, kill it ``delay`` seconds after it opened the project, check."""
    from bench.crash_checks import check

    pid = workers.start(kind, target, folders, log)
    deadline = time.monotonic() + 60
    while "ready" not in _lines(log)[:1]:
        if time.monotonic() > deadline:
            raise SystemExit(f"the {kind} worker never opened {target}")
        time.sleep(0.002)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    code = workers.exit_code()
    lines = _lines(log)[1:]
    backend = "postgres" if "://" in target else "sqlite"
    trial = Trial(kind, backend, delay, committed=len(lines), finished=code == 0)
    if code not in (0, -signal.SIGKILL):
        trial.problems.append(f"the worker failed (exit {code}) before it was killed")
    wal = Path(target + "-wal")
    trial.wal_bytes = wal.stat().st_size if backend == "sqlite" and wal.exists() else 0
    trial.unreported = check(kind, target, lines, folders, trial.problems)
    return trial


def sqlite_trials(
    trials: int, seed: int, window: float, root: Path, kinds: tuple[str, ...] = work.KINDS
) -> list[Trial]:
    rng = random.Random(seed)
    folders = root / "folders"
    work.write_folders(folders)
    template = root / "template.qdaw"
    work.prepare(str(template))
    workers = Workers()
    results = []
    try:
        for number in range(trials):
            kind = kinds[number % len(kinds)]
            target = root / f"trial{number}.qdaw"
            shutil.copy(template, target)
            log = root / f"trial{number}.log"
            results.append(
                run_trial(workers, kind, str(target), folders, log, rng.uniform(0, window))
            )
            for leftover in root.glob(f"trial{number}.qdaw*"):
                leftover.unlink()  # the checks are done: keep the disk small
    finally:
        workers.close()
    return results


def postgres_trials(
    trials: int, seed: int, window: float, root: Path, server: Any = None
) -> list[Trial]:
    """The same kinds on a PostgreSQL server (``server``, else a throwaway one); each
    trial a database copied from a template database."""
    import psycopg

    from tests.pg_server import PostgresServer

    own = server is None
    server = server or PostgresServer()
    prefix = f"crash{os.getpid()}_{seed}_"
    rng = random.Random(seed)
    folders = root / "pg-folders"
    work.write_folders(folders)
    workers = Workers()
    results = []
    try:
        work.prepare(server.create_database(prefix + "template"))
        admin = f"host=127.0.0.1 port={server.port} user=qdaw dbname=postgres"
        for number in range(trials):
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f"CREATE DATABASE {prefix}{number} TEMPLATE {prefix}template")
            log = root / f"pg{number}.log"
            kind = work.KINDS[number % len(work.KINDS)]
            target = server.url(f"{prefix}{number}")
            results.append(run_trial(workers, kind, target, folders, log, rng.uniform(0, window)))
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE {prefix}{number} WITH (FORCE)")
    finally:
        workers.close()
        if own:
            server.stop()
    return results


def summary(results: list[Trial], seconds: float) -> dict[str, object]:
    figures: dict[str, object] = {"trials": len(results), "seconds": round(seconds, 1)}
    for backend in sorted({t.backend for t in results}):
        ours = [t for t in results if t.backend == backend]
        figures[backend] = {
            "trials": dict(Counter(t.kind for t in ours)),
            "failed_trials": sum(1 for t in ours if t.problems),
            "median_kill_after_s": round(statistics.median(t.kill_after_s for t in ours), 3),
            "median_committed_steps": {
                kind: statistics.median(t.committed for t in ours if t.kind == kind)
                for kind in sorted({t.kind for t in ours})
            },
            "killed_before_first_commit": sum(1 for t in ours if t.committed == 0),
            "stored_but_unreported": sum(t.unreported for t in ours),
            "wal_left_nonempty": sum(1 for t in ours if t.wal_bytes),
            "finished_before_kill": sum(1 for t in ours if t.finished),
            "problems": [f"{t.kind}: {p}" for t in ours for p in t.problems][:20],
        }
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.crash_trials")
    parser.add_argument("--trials", type=int, default=300)
    parser.add_argument("--postgres", type=int, default=0, help="trials on PostgreSQL too")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--window", type=float, default=0.8, help="kill within (seconds)")
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="qdaw-crash-") as tmp:
        results = sqlite_trials(args.trials, args.seed, args.window, Path(tmp))
        if args.postgres:
            results += postgres_trials(args.postgres, args.seed, args.window, Path(tmp))
    figures = summary(results, time.perf_counter() - started)
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    if any(t.problems for t in results):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
