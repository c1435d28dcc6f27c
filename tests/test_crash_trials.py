"""A writer killed (SIGKILL) at a random moment leaves a whole project: a short run of
the crash trials of ``python -m bench.crash_trials`` (which runs hundreds), and the
checks themselves shown to catch a damaged project."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bench import crash_work as work
from bench.crash_checks import check
from bench.crash_trials import postgres_trials, sqlite_trials
from qdaw import Project


def _passed(results: list) -> None:  # type: ignore[type-arg]
    problems = [
        f"{t.kind} killed after {t.kill_after_s:.3f} s: {p}" for t in results for p in t.problems
    ]
    assert not problems, problems
    assert {t.kind for t in results} == set(work.KINDS)
    # Killed while working, not only before the first commit or after the work ran out.
    assert sum(t.committed for t in results) > 0
    assert not any(t.finished for t in results)


def test_killed_writers_leave_whole_sqlite_projects(tmp_path: Path) -> None:
    results = sqlite_trials(10, seed=7, window=0.8, root=tmp_path)
    assert len(results) == 10
    _passed(results)
    # SQLite had to recover from a write-ahead log the killed worker left behind.
    assert any(t.wal_bytes for t in results)


def test_killed_writers_leave_whole_postgres_projects(postgres_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    results = postgres_trials(4, seed=3, window=0.8, root=tmp_path, server=postgres_server)
    assert [t.backend for t in results] == ["postgres"] * 4
    _passed(results)


def test_the_checks_catch_a_half_stored_batch_and_a_lost_step(tmp_path: Path) -> None:
    target = str(tmp_path / "p.qdaw")
    work.prepare(target)
    with Project.open(target, coder="crash") as p, p.batch("lot 0"):
        code = p.add_code("Lot 0")
        for k in range(work.BATCH):
            p.code_segment(work.DOCUMENT, *work.batch_span(0, k), code)
    problems: list[str] = []
    assert check("batch", target, ["batch 0"], tmp_path, problems) == 0
    assert problems == []
    conn = sqlite3.connect(target)
    with conn:
        conn.execute("DELETE FROM segments WHERE id = (SELECT max(id) FROM segments)")
    conn.close()
    check("batch", target, ["batch 0", "batch 1"], tmp_path, problems)
    assert f"batch 0: {work.BATCH - 1} of {work.BATCH} codings stored" in problems
    assert "batch: steps reported as committed are missing: [1]" in problems
