"""Indexing in worker processes: the same index as one process, in document order,
resumable after a cancel or a kill, and a failing worker named."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from qdaw import Project, QdawError
from qdaw.nlp import parallel
from qdaw.nlp.parallel import worker_count

TEXTS = {
    f"entretien-{n:02d}": (
        f"ENQ : Comment s'organise l'équipe {n} ?\n"
        f"R{n} : Aujourd'hui, nous travaillons à distance. Les réunions se font en visio. "
        f"On s'échange les dossiers par mail, c'est plus rapide qu'avant.\n"
        f"ENQ : Et les difficultés ?\n"
        f"R{n} : Le manque de moyens pèse, mais on mutualise les ressources entre services {n}."
    )
    for n in range(1, 9)
}


def make_project(path: Path) -> Project:
    path.parent.mkdir(parents=True, exist_ok=True)
    project = Project.create(path)
    folder = path.parent / "sources"
    folder.mkdir(exist_ok=True)
    files = []
    for name, text in TEXTS.items():
        file = folder / f"{name}.txt"
        file.write_text(text, encoding="utf-8")
        files.append(file)
    project.import_files(files)
    project.set_language("fr")
    return project


def index_rows(path: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Tokens and units by document name and offsets (ids differ between projects)."""
    with sqlite3.connect(path) as conn:
        tokens = conn.execute(
            "SELECT d.name, t.position, t.start_offset, t.end_offset, t.form, t.lemma, t.pos "
            "FROM tokens t JOIN documents d ON d.id = t.document_id "
            "ORDER BY d.name, t.position"
        ).fetchall()
        units = conn.execute(
            "SELECT d.name, u.kind, u.start_offset, u.end_offset, u.label, u.role "
            "FROM text_units u JOIN documents d ON d.id = u.document_id "
            "ORDER BY d.name, u.kind, u.start_offset"
        ).fetchall()
    return tokens, units


def test_two_processes_build_the_same_index_as_this_one(tmp_path: Path) -> None:
    with make_project(tmp_path / "one" / "p.qdaw") as one:
        reported: list[tuple[int, int, str]] = []
        assert one.index_text(workers=0, progress=lambda *a: reported.append(a)) == len(TEXTS)
    with make_project(tmp_path / "two" / "p.qdaw") as two:
        order: list[str] = []
        count = two.index_text(workers=2, progress=lambda d, t, name: order.append(name))
        assert count == len(TEXTS)
        # Stored in document order, every document once, then the closing report.
        assert order == [*TEXTS, ""]
        hits = two.search("ressource", "lemma")
        assert set(hits["document"]) == set(TEXTS)
        assert two.index_text(workers=2) == 0  # nothing left to do
    tokens_one, units_one = index_rows(tmp_path / "one" / "p.qdaw")
    tokens_two, units_two = index_rows(tmp_path / "two" / "p.qdaw")
    assert tokens_one and units_one
    assert tokens_two == tokens_one
    assert units_two == units_one


def test_a_cancelled_run_keeps_what_it_stored_and_the_next_does_the_rest(
    tmp_path: Path,
) -> None:
    with make_project(tmp_path / "p.qdaw") as project:
        stored: list[str] = []

        def progress(done: int, total: int, name: str) -> None:
            if name:
                stored.append(name)

        count = project.index_text(workers=2, progress=progress, cancelled=lambda: len(stored) >= 3)
        assert count == 3
        documents = {d.name: d for d in project.documents()}
        assert all(project.sentences(documents[name]) for name in list(TEXTS)[:3])
        with pytest.raises(QdawError, match="not indexed yet"):
            project.sentences(documents[list(TEXTS)[3]])
        assert project.index_text(workers=2) == len(TEXTS) - 3
        assert all(project.sentences(d) for d in project.documents())


KILLED = r"""
import sys
from qdaw import Project
with Project.open(sys.argv[1]) as p:
    def progress(done, total, name):
        if name:
            print("stored", done, flush=True)
    p.index_text(workers=2, progress=progress)
"""


def test_a_killed_run_leaves_whole_documents_and_no_process_behind(tmp_path: Path) -> None:
    path = tmp_path / "p.qdaw"
    make_project(path).close()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    run = subprocess.Popen(
        [sys.executable, "-c", KILLED, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    assert run.stdout is not None
    first = run.stdout.readline()  # the first document is being stored
    assert first.startswith("stored")
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    # Its analysing processes see their input close and end.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        found = subprocess.run(
            ["pgrep", "-s", str(run.pid), "-f", "qdaw.nlp.worker"], capture_output=True
        )
        if found.returncode != 0:
            break
        time.sleep(0.2)
    else:
        pytest.fail("analysing processes outlived the killed indexing run")
    with Project.open(path) as project:
        indexed = [d for d in project.documents() if _is_indexed(project, d)]
        for document in indexed:  # a document is either wholly indexed or not at all
            assert project.sentences(document) and project.paragraphs(document)
        rest = len(TEXTS) - len(indexed)
        assert project.index_text(workers=2) == rest
    tokens, units = index_rows(path)
    with make_project(tmp_path / "fresh" / "p.qdaw") as fresh:
        fresh.index_text(workers=0)
    assert (tokens, units) == index_rows(tmp_path / "fresh" / "p.qdaw")


def _is_indexed(project: Project, document: object) -> bool:
    try:
        project.sentences(document)  # type: ignore[arg-type]
    except QdawError:
        return False
    return True


def test_a_failing_analysis_names_the_document() -> None:
    # A language no pipeline exists for fails inside the worker process.
    jobs = [(1, "Bonjour.", "fr"), (2, "Texte.", "xx")]
    with pytest.raises(QdawError, match=r"could not analyse entretien-02: .*'xx'"):
        list(parallel.analysed(iter(jobs), 2, names={1: "entretien-01", 2: "entretien-02"}))


def test_the_number_of_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    assert worker_count(3) == 3
    monkeypatch.setenv("QDAW_INDEX_WORKERS", "1")
    assert worker_count() == 1
    monkeypatch.setenv("QDAW_INDEX_WORKERS", "deux")
    with pytest.raises(ValueError, match="QDAW_INDEX_WORKERS"):
        worker_count()
    monkeypatch.setenv("QDAW_INDEX_WORKERS", "0")
    assert worker_count() == 0  # in the calling process
    monkeypatch.delenv("QDAW_INDEX_WORKERS")
    assert worker_count() == min(len(os.sched_getaffinity(0)), 8)
