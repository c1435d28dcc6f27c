"""A team coding at once: ``team_postgres`` and ``team_sqlite``.

``team_postgres``: a throwaway PostgreSQL server made a team's project with
``qdaw server init``, eight coders added with ``qdaw server add-user --role coder``;
eight processes, each logged in as its own coder, open and wait, then at the same
instant each code 500 passages, one transaction per coding. ``team_sqlite``: the same
with two processes on one project file.

Figures: segments a raw ``SELECT count(*)`` finds (in all, and the fewest and most of
one coder: 500 each) and how many the writers were told were stored (equal: nothing
lost), failures (any exception a writer saw) and raw errors
(an exception that is not a QdawError: a driver's message reaching the user), the
coding latency seen by the caller (median, 95th percentile, worst) and codings per
second over all writers.
"""

from __future__ import annotations

import multiprocessing
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

CODINGS = 500
TEXT = "Q : Et ensuite ?\nR : " + "Nous avons préparé des capsules vidéo pour les étudiants. " * 40


def _coder(target: str, coder: str, start_at: float, count: int) -> dict[str, Any]:
    from qdaw import Project
    from qdaw.errors import QdawError

    stored, errors, raw, latencies = 0, [], [], []
    with Project.open(target, coder=coder) as p:
        code = p.code("Capsules")
        while time.time() < start_at:
            time.sleep(0.001)
        began = time.perf_counter()
        for i in range(count):
            start = (i * 7) % (len(TEXT) - 60)
            before = time.perf_counter()
            try:
                p.code_segment("d", start, start + 50, code)
                stored += 1
            except QdawError as exc:  # counted: the figure is how many there are
                errors.append(f"{type(exc).__name__}: {exc}")
            except Exception as exc:
                raw.append(f"{type(exc).__name__}: {exc}")
            latencies.append(time.perf_counter() - before)
        elapsed = time.perf_counter() - began
    return {
        "stored": stored,
        "errors": errors,
        "raw": raw,
        "latencies": latencies,
        "seconds": elapsed,
    }


#: Each coder's segments, by raw SQL (not through qdaw).
PER_CODER = (
    "SELECT c.name, count(*) FROM segments s JOIN coders c ON c.id = s.coder_id GROUP BY c.name"
)


def _raw_counts(target: str) -> dict[str, int]:
    if "://" in target:
        import psycopg

        with psycopg.connect(target.replace("+psycopg", "")) as conn:
            rows = conn.execute(PER_CODER).fetchall()
    else:
        import sqlite3

        conn = sqlite3.connect(target)
        rows = conn.execute(PER_CODER).fetchall()
        conn.close()
    return {str(name): int(count) for name, count in rows}


def _team(setup_url: str, targets: list[str]) -> dict[str, float]:
    from qdaw import Project

    with Project.open(setup_url, coder="setup") as p:
        p.add_document("d", TEXT, case="R1")
        p.add_code("Capsules")
    start_at = time.time() + 3.0  # every coder open and waiting before the start
    context = multiprocessing.get_context("spawn")
    with context.Pool(len(targets)) as pool:
        jobs = [
            pool.apply_async(_coder, (target, f"coder{i}", start_at, CODINGS))
            for i, target in enumerate(targets)
        ]
        results = [job.get(timeout=1800) for job in jobs]
    stored = sum(r["stored"] for r in results)
    per_coder = _raw_counts(setup_url)
    counted = sum(per_coder.values())
    latencies = sorted(t for r in results for t in r["latencies"])
    wall = max(r["seconds"] for r in results)
    problems = sorted({e for r in results for e in r["errors"] + r["raw"]})
    if problems:
        print(problems[:5], flush=True)
    return {
        "coders": len(targets),
        "codings": len(targets) * CODINGS,
        "stored": stored,
        "raw_count": counted,
        "lost": stored - counted,
        "fewest_of_one_coder": min(per_coder.values(), default=0),
        "most_of_one_coder": max(per_coder.values(), default=0),
        "failures": sum(len(r["errors"]) + len(r["raw"]) for r in results),
        "raw_errors": sum(len(r["raw"]) for r in results),
        "latency_median_ms": statistics.median(latencies) * 1000,
        "latency_p95_ms": latencies[int(0.95 * (len(latencies) - 1))] * 1000,
        "latency_max_ms": latencies[-1] * 1000,
        "seconds_s": wall,
        "codings_per_second": stored / wall,
    }


def team_postgres(coders: int = 8) -> dict[str, float]:
    from sqlalchemy.engine import make_url

    from qdaw.core import server
    from tests.pg_server import PostgresServer

    try:
        pg = PostgresServer()
    except (RuntimeError, OSError):
        return {"no_postgresql_server": 1.0}
    try:
        url = pg.create_database("bench_team")
        server.init(url)
        logins = []
        for i in range(coders):
            server.add_user(url, f"coder{i}", "coder", lambda: "bench-only")
            logins.append(
                make_url(url).set(username=f"coder{i}").render_as_string(hide_password=False)
            )
        return _team(url, logins)
    finally:
        pg.stop()


def team_sqlite(coders: int = 2) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        target = str(Path(tmp) / "team.qdaw")
        from qdaw import Project

        Project.create(target).close()
        return _team(target, [target] * coders)


if __name__ == "__main__":
    import json
    import sys

    which = sys.argv[1:] or ["team_postgres", "team_sqlite"]
    tasks = {"team_postgres": team_postgres, "team_sqlite": team_sqlite}
    print(json.dumps({name: tasks[name]() for name in which}, indent=2))
