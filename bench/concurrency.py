"""Many writers on one project: processes coding at once, and what one coding costs.

``concurrent_codings``: N processes each code 1,000 passages, one transaction each,
all starting at the same moment, on one SQLite file or one PostgreSQL database (a
throwaway server, started as the test suite starts one). Figures: failures (any
exception a writer saw), lost (codings a writer was told were stored but a raw SQL
count does not find), the raw count, and codings per second over all writers.

``one_coding``: the median time of one ``code_segment`` (a transaction of its own,
write lock, revision check, step and revision logged, commit on disk), and of the
revision check alone.
"""

from __future__ import annotations

import multiprocessing
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

CODINGS = 1000
TEXT = "Q : Et ensuite ?\nR : " + "Nous avons préparé des capsules vidéo pour les étudiants. " * 40


def _opened(target: str, coder: str, create: bool = False) -> Any:
    """A project as ``coder``; qdaw before 0005 (compared in docs/benchmarks.md) knew
    no coders."""
    import inspect

    from qdaw import Project

    method = Project.create if create else Project.open
    if "coder" in inspect.signature(method).parameters:
        return method(target, coder=coder)
    return method(target)


def _setup(target: str) -> None:
    with _opened(target, "setup", create=True) as p:
        p.add_document("d", TEXT, case="R1")
        p.add_code("Capsules")


def _writer(target: str, coder: str, start_at: float, count: int) -> dict[str, Any]:
    stored, errors = 0, []
    with _opened(target, coder) as p:
        while time.time() < start_at:
            time.sleep(0.001)
        began = time.perf_counter()
        for i in range(count):
            start = (i * 7) % (len(TEXT) - 60)
            try:
                p.code_segment("d", start, start + 50, "Capsules")
                stored += 1
            except Exception as exc:  # counted: the figure is how many there are
                errors.append(f"{type(exc).__name__}: {exc}")
        elapsed = time.perf_counter() - began
    return {"stored": stored, "errors": errors, "seconds": elapsed}


def _raw_count(target: str) -> int:
    if "://" in target:
        import psycopg

        with psycopg.connect(target.replace("+psycopg", "")) as conn:
            row = conn.execute("SELECT count(*) FROM segments").fetchone()
    else:
        import sqlite3

        conn = sqlite3.connect(target)
        row = conn.execute("SELECT count(*) FROM segments").fetchone()
        conn.close()
    assert row is not None
    return int(row[0])


def _run(target: str, writers: int) -> dict[str, float]:
    _setup(target)
    start_at = time.time() + 2.0  # every writer open and waiting before the start
    context = multiprocessing.get_context("spawn")
    with context.Pool(writers) as pool:
        jobs = [
            pool.apply_async(_writer, (target, f"coder{i}", start_at, CODINGS))
            for i in range(writers)
        ]
        results = [job.get(timeout=1800) for job in jobs]
    stored = sum(r["stored"] for r in results)
    failures = sum(len(r["errors"]) for r in results)
    counted = _raw_count(target)
    wall = max(r["seconds"] for r in results)
    figures: dict[str, float] = {
        "writers": writers,
        "codings": writers * CODINGS,
        "failures": failures,
        "lost": stored - counted,
        "raw_count": counted,
        "seconds_s": wall,
        "codings_per_second": stored / wall,
    }
    if failures:
        print(sorted({e for r in results for e in r["errors"]})[:5], flush=True)
    return figures


def concurrent_codings_sqlite(writers: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        return _run(str(Path(tmp) / "shared.qdaw"), writers)


def _on_postgres(name: str, task: Any) -> dict[str, float]:
    """``task(url)`` on a throwaway PostgreSQL server, if this machine has one."""
    from tests.pg_server import PostgresServer

    try:
        server = PostgresServer()
    except (RuntimeError, OSError):
        return {"no_postgresql_server": 1.0}
    try:
        return dict(task(server.create_database(name)))
    finally:
        server.stop()


def concurrent_codings_postgres(writers: int) -> dict[str, float]:
    return _on_postgres("bench_shared", lambda url: _run(url, writers))


def one_coding(repeat: int = 300) -> dict[str, float]:
    """A coding alone (one transaction), and the revision check inside it."""
    with tempfile.TemporaryDirectory() as tmp:
        target = str(Path(tmp) / "p.qdaw")
        _setup(target)
        with _opened(target, "Ana") as p:
            codings = []
            for i in range(repeat):
                began = time.perf_counter()
                p.code_segment("d", i, i + 50, "Capsules")
                codings.append(time.perf_counter() - began)
            figures = {"coding_ms": statistics.median(codings) * 1000}
            if hasattr(p, "_transaction"):
                from qdaw.core import oplog

                checks = []
                with p.store.transaction() as conn:
                    for _ in range(repeat):
                        began = time.perf_counter()
                        oplog.current_revision(conn)
                        checks.append(time.perf_counter() - began)
                figures["revision_check_ms"] = statistics.median(checks) * 1000
    return figures


def _committer(target: str, count: int) -> list[tuple[int, float]]:
    """Codings at irregular intervals: (revision, time it was committed)."""
    import random

    from qdaw import Project

    rng = random.Random(4)
    committed: list[tuple[int, float]] = []
    with Project.open(target, coder="Ben") as p:
        p.subscribe(lambda event: committed.append((event.revision or 0, time.time())))
        time.sleep(1.0)
        for i in range(count):
            time.sleep(rng.uniform(0.1, 0.5))
            p.code_segment("d", i, i + 50, "Capsules")
    return committed


def poll_latency(target: str, interval: float = 0.25, count: int = 40) -> dict[str, float]:
    """How long after another process's commit ``poll_changes`` reports it, polled every
    ``interval`` seconds as a window's timer would (the core side of live refresh)."""
    from qdaw import Project

    _setup(target)
    seen: list[tuple[int, float]] = []
    context = multiprocessing.get_context("spawn")
    with Project.open(target, coder="Ana") as p, context.Pool(1) as pool:
        job = pool.apply_async(_committer, (target, count))
        polls = []
        while True:
            done = job.ready()
            began = time.perf_counter()
            event = p.poll_changes()
            polls.append(time.perf_counter() - began)
            if event is not None and event.revision is not None:
                seen.append((event.revision, time.time()))
            elif done:
                break
            time.sleep(interval)
        committed = job.get()
        idle = []
        for _ in range(1000):  # nothing new: the probe alone
            began = time.perf_counter()
            p.poll_changes()
            idle.append(time.perf_counter() - began)
    latencies = []
    for revision, at in committed:
        first = min(t for r, t in seen if r >= revision)
        latencies.append(first - at)
    latencies.sort()
    return {
        "latency_median_s": statistics.median(latencies),
        "latency_p95_s": latencies[int(0.95 * (len(latencies) - 1))],
        "poll_median_ms": statistics.median(polls) * 1000,
        "idle_poll_median_us": statistics.median(idle) * 1e6,
        "commits": len(latencies),
    }


def poll_latency_sqlite() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        return poll_latency(str(Path(tmp) / "shared.qdaw"))


def poll_latency_postgres() -> dict[str, float]:
    return _on_postgres("bench_poll", poll_latency)
