"""What sharing a project guarantees at the storage level: ids never given twice, writers
queueing, database errors in words, other writers' changes seen within a second."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import event

from qdaw import Project
from qdaw.core import models as m
from qdaw.core import storage
from qdaw.errors import DatabaseBusy, DiskFull, IntegrityConflict, ReadOnlyProject
from tests.conftest import snapshot
from tests.other_writer import finish, start

TEXT = "Alpha one. Alpha two. Alpha three."


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "study.qdaw")
    return str(request.getfixturevalue("pg_url"))


def test_ids_are_never_given_twice(tmp_path: Path) -> None:
    path = tmp_path / "study.qdaw"
    with Project.create(path, coder="Ana") as p:
        p.add_document("d", TEXT, case="R1")
        code = p.add_code("X")
        first = p.code_segment("d", 0, 5, code).id
        p.undo()
        second = p.code_segment("d", 0, 5, code).id
        p.undo()
        p.redo()  # the same row again, under its own id
        assert [s.id for s in p.segments()] == [second] and second == first + 1
        p.undo()
        discarded = p.add_code("Y").id
        p.undo()
    with Project.open(path, coder="Ana") as p:
        assert p.code_segment("d", 0, 5, "X").id == second + 1
        assert p.add_code("Z").id == discarded + 1
    conn = sqlite3.connect(path)
    sequence = dict(conn.execute("SELECT name, seq FROM sqlite_sequence"))
    conn.close()
    assert sequence["segments"] == second + 1 and sequence["codes"] == discarded + 1


def test_many_codings_from_two_processes_all_arrive(target: str) -> None:
    with Project.create(target, coder="Ana") as p:
        p.add_document("d", TEXT, case="R1")
        p.add_code("X")
    script = (
        "import time\n"
        f"while time.time() < {time.time() + 1.5}: time.sleep(0.005)\n"
        "for i in range(100): p.code_segment('d', i % 30, i % 30 + 3, 'X')\n"
        "result = 100"
    )
    outcomes = [finish(w) for w in [start(target, c, script) for c in ("Ana", "Ben")]]
    assert all(o["ok"] for o in outcomes), outcomes
    with Project.open(target) as p:
        assert len(p.segments()) == 200
        assert sorted({s.coder for s in p.segments()}) == ["Ana", "Ben"]


HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO meta (key, value) VALUES ('held', 'yes')")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
"""


def test_a_writer_that_waited_too_long_is_told_the_project_is_busy(tmp_path: Path) -> None:
    path = tmp_path / "study.qdaw"
    Project.create(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path), "6"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with Project.open(path, coder="Ana", busy_timeout=0.2) as p:
            before = time.perf_counter()
            with pytest.raises(DatabaseBusy, match=r"study\.qdaw: another writer is saving"):
                p.add_code("X")
            waited = time.perf_counter() - before
            assert 0.5 < waited < 3, "three attempts of 0.2 s, then a clear refusal"
            assert p.codes() == []  # reading is never blocked by a writer
    finally:
        holder.kill()
        holder.wait()
    with Project.open(path, coder="Ana") as p:
        p.add_code("X")  # the lock is gone: the same call works
        assert [c.name for c in p.codes()] == ["X"]


@pytest.mark.postgres
def test_a_writer_waiting_for_the_postgresql_lock_is_told_it_is_busy(pg_url: str) -> None:
    import psycopg

    Project.create(pg_url).close()
    holder = psycopg.connect(pg_url.replace("+psycopg", ""), autocommit=True)
    try:
        holder.execute(f"SELECT pg_advisory_lock({storage.PG_WRITE_LOCK})")
        with Project.open(pg_url, coder="Ana", busy_timeout=0.2) as p:
            with pytest.raises(DatabaseBusy, match="another writer is saving"):
                p.add_code("X")
            assert p.codes() == []
        holder.execute(f"SELECT pg_advisory_unlock({storage.PG_WRITE_LOCK})")
        with Project.open(pg_url, coder="Ana") as p:
            p.add_code("X")
            assert [c.name for c in p.codes()] == ["X"]
    finally:
        holder.close()


def test_a_read_only_project_can_be_read_but_not_changed(tmp_path: Path) -> None:
    path = tmp_path / "study.qdaw"
    with Project.create(path, coder="Ana") as p:
        p.add_document("d", TEXT, case="R1")
    with Project.open(path, read_only=True) as p:
        before = snapshot(p)
        assert [d.name for d in p.documents()] == ["d"]
        with pytest.raises(ReadOnlyProject, match=r"study\.qdaw is read-only: it was opened"):
            p.add_code("X")
        assert snapshot(p) == before


@pytest.mark.postgres
def test_a_read_only_postgresql_database_is_read_only(pg_url: str) -> None:
    import psycopg

    with Project.create(pg_url, coder="Ana") as p:
        p.add_document("d", TEXT, case="R1")
    database = pg_url.rsplit("/", 1)[1]
    with psycopg.connect(pg_url.replace("+psycopg", ""), autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{database}" SET default_transaction_read_only = on')
    with Project.open(pg_url, coder="Ana") as p:
        assert [d.name for d in p.documents()] == ["d"]
        with pytest.raises(ReadOnlyProject, match="the project is read-only"):
            p.add_code("X")
        assert p.codes() == []


def test_a_full_disk_stores_nothing_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "study.qdaw"
    with Project.create(path, coder="Ana") as p:
        p.add_document("d", TEXT, case="R1")
        with p.engine.connect() as conn:
            pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0)
        p.engine.dispose()

        # SQLite's own page limit: the database cannot grow, as on a full disk.
        @event.listens_for(p.engine, "connect")
        def _limit(dbapi_conn: sqlite3.Connection, _record: object) -> None:
            dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 2}")

        before = snapshot(p)
        with pytest.raises(DiskFull, match=r"study\.qdaw: the disk is full; nothing"):
            p.add_document("long", "Un long entretien. " * 20_000, case="R2")
        assert snapshot(p) == before and p.undo_label == "Add document d"


def test_a_database_rule_broken_inside_a_step_is_a_conflict(project: Project) -> None:
    project.add_case("A")
    with pytest.raises(IntegrityConflict, match="already exists"):  # noqa: SIM117
        with project.store.writing("Add case A") as journal:
            journal.insert(m.cases, {"name": "A", "created_at": m.utcnow(), "memo": None})
    assert [c.name for c in project.cases()] == ["A"]


def test_another_process_s_changes_are_seen_within_a_second(target: str) -> None:
    with Project.create(target, coder="Ana") as ana:
        ana.add_document("d", TEXT, case="R1")
        assert ana.poll_changes() is None
        ana.add_code("X")
        assert ana.poll_changes() is None  # its own changes go to listeners instead
        # Asked first, so that a poll finding nothing costs no query.
        assert type(ana.store._probe).__name__ in ("SqliteProbe", "ListenProbe")
        for script, label, action in (
            ("p.code_segment('d', 0, 5, 'X')", "Code segment", "do"),
            ("p.undo()", "Code segment", "undo"),
        ):
            writer = start(target, "Ben", f"import time\n{script}\nresult = time.time()")
            event, seen = None, 0.0
            while event is None:
                running = writer.poll() is None
                event, seen = ana.poll_changes(), time.time()
                if event is None and not running:
                    raise AssertionError(f"not seen: {finish(writer)}")
                time.sleep(0.02)
            committed = float(finish(writer)["result"])
            assert (event.label, event.action, event.coder) == (label, action, "Ben")
            assert event.remote and event.tables == {"segments", "coders"}
            assert seen - committed < 1.0
            assert ana.poll_changes() is None
