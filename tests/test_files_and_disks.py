"""Project files on hostile disks: read-only files, folders and disks, a full disk, a
file copied while the project is open, and files qdaw refuses, which it leaves exactly
as they were, with nothing beside them.

Root ignores file permissions, so read-only and full disks are real small tmpfs
mounts (made when this runs as root and may mount; else those tests are skipped), and
permission tests run only where permissions bind.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event

from qdaw import Project
from qdaw.cli import main
from qdaw.core import writing
from qdaw.errors import (
    DiskFull,
    NewerFormatError,
    NotAProjectError,
    ProjectExistsError,
    QdawError,
    ReadOnlyProject,
)
from qdaw.export.tables import write_workbook
from tests.conftest import snapshot

TEXT = "Alpha one. Alpha two. Alpha three. Bravo quatre, élève."
SEGMENTS = 220


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "referents.qdaw")
    return str(request.getfixturevalue("pg_url"))


@contextmanager
def small_disk(folder: Path, size: str = "1m") -> Iterator[Path]:
    """A real file system of ``size`` mounted at ``folder`` (root only)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root")
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode:
        pytest.skip(f"cannot mount a small disk here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def make_read_only(disk: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)


def free_space(folder: Path) -> int:
    stats = os.statvfs(folder)
    return stats.f_bavail * stats.f_frsize


def fill(disk: Path, leave: int = 0) -> Path:
    """Fill the disk but ``leave`` bytes; returns the filler (delete it to free them)."""
    filler = disk / "filler"
    with filler.open("ab") as handle:
        handle.write(b"\0" * max(0, free_space(disk) - leave))
    return filler


def beside(path: Path) -> list[str]:
    """Every file in the project's folder."""
    return sorted(p.name for p in path.parent.iterdir())


def segments_in_file_alone(path: Path, scratch: Path, table: str = "segments") -> int:
    """The segments someone copying only the .qdaw file (not its -wal) would get."""
    alone = scratch / "alone.qdaw"
    alone.unlink(missing_ok=True)
    shutil.copyfile(path, alone)
    conn = sqlite3.connect(alone)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()
        for name in (alone, *(alone.with_name(alone.name + s) for s in ("-wal", "-shm"))):
            name.unlink(missing_ok=True)


def a_study(target: str | Path) -> None:
    with Project.create(target, coder="Ana") as p:
        p.add_document("entretien", TEXT, case="R1")
        p.code_segment("entretien", 0, 9, p.add_code("Alpha"))


# -- read-only --------------------------------------------------------------------------
def test_a_project_opened_read_only_reads_and_exports_but_refuses_every_change(
    target: str, tmp_path: Path
) -> None:
    a_study(target)
    path = None if "://" in target else Path(target)
    before_bytes = path.read_bytes() if path else b""
    with Project.open(target, coder="Ana", read_only=True) as p:
        assert p.read_only and p.read_only_reason == "it was opened read-only"
        before = snapshot(p)
        assert p.code_frequencies()["segments"].tolist() == [1]
        assert p.report().total_cases == 1
        sheets = p.workbook_sheets()
        assert any("Alpha" in sheet.frame.to_string() for sheet in sheets)
        assert write_workbook(sheets, tmp_path / "tables.xlsx").stat().st_size > 0
        for change in (lambda: p.add_code("Bravo"), p.undo, lambda: p.delete_code("Alpha")):
            with pytest.raises(ReadOnlyProject, match=r" is read-only: it was opened"):
                change()
        assert snapshot(p) == before
    if path is not None:
        assert path.read_bytes() == before_bytes
        assert beside(path) == ["referents.qdaw", "tables.xlsx"]
    with Project.open(target, coder="Ana") as p:  # and it is writable as ever
        assert not p.read_only and p.undo() == "Code segment"


def test_a_project_on_a_read_only_disk_opens_read_only_leaving_nothing_beside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        path = disk / "referents.qdaw"
        a_study(path)
        make_read_only(disk)
        with Project.open(path, coder="Ana") as p:
            assert p.read_only and "read-only disk" in str(p.read_only_reason)
            assert [s.text for s in p.segments()] == ["Alpha one"]
            assert p.poll_changes() is None
            with pytest.raises(ReadOnlyProject, match=r"referents\.qdaw is read-only: the file"):
                p.add_code("Bravo")
            assert beside(path) == ["referents.qdaw"]
        assert main(["codes", str(path)]) == 0
        assert "Alpha" in capsys.readouterr().out
        source = tmp_path / "e2.txt"
        source.write_text("Deuxième entretien.", encoding="utf-8")
        assert main(["import", str(path), str(source)]) == 1
        assert "referents.qdaw is read-only" in capsys.readouterr().err
        assert beside(path) == ["referents.qdaw"]


def _without_write_permission(folder: Path, path: Path) -> None:
    path.chmod(0o444)
    with Project.open(path) as p:
        assert p.read_only and [c.name for c in p.codes()] == ["Alpha"]
        with pytest.raises(ReadOnlyProject, match=r"referents\.qdaw is read-only"):
            p.add_code("Bravo")
    assert beside(path) == ["referents.qdaw"]
    path.chmod(0o644)
    folder.chmod(0o555)
    with Project.open(path) as p:  # (was: "not a readable qdaw project")
        assert p.read_only and "folder" in str(p.read_only_reason)
        assert [c.name for c in p.codes()] == ["Alpha"]
    assert beside(path) == ["referents.qdaw"]


def test_a_file_or_folder_without_write_permission_opens_read_only(tmp_path: Path) -> None:
    """Permissions do not bind root: run as root, the check runs in a forked child that
    has become an ordinary user (the parent has imported what it needs: the child
    cannot read root's Python installation)."""
    import tempfile
    import traceback

    root = Path(tempfile.mkdtemp(prefix="qdaw-perm-", dir="/tmp"))
    root.chmod(0o755)
    folder = root / "study"
    folder.mkdir()
    path = folder / "referents.qdaw"
    a_study(path)
    warm = root / "warm.qdaw"
    a_study(warm)
    with Project.open(warm, read_only=True) as p, pytest.raises(ReadOnlyProject):
        p.add_code("Bravo")  # the modules the child uses, imported here
    try:
        if os.geteuid() != 0:
            _without_write_permission(folder, path)
            return
        nobody = 65534
        os.chown(folder, nobody, nobody)
        os.chown(path, nobody, nobody)
        child = os.fork()
        if child == 0:  # pragma: no cover (reported through the exit status)
            status = 1
            try:
                os.setgid(nobody)
                os.setuid(nobody)
                _without_write_permission(folder, path)
                status = 0
            except BaseException:
                traceback.print_exc()  # (the parent only sees the exit status)
            finally:
                os._exit(status)
        _, status = os.waitpid(child, 0)
        assert os.waitstatus_to_exitcode(status) == 0, "the check failed as an ordinary user"
    finally:
        folder.chmod(0o755)
        shutil.rmtree(root)


def test_the_command_line_opens_read_only_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "referents.qdaw"
    a_study(path)
    before = path.read_bytes()
    codebook = tmp_path / "codebook.csv"
    codebook.write_text("name,parent\nÉlève,\n", encoding="utf-8")
    assert main(["--read-only", "import-codebook", str(path), str(codebook)]) == 1
    assert "referents.qdaw is read-only: it was opened read-only" in capsys.readouterr().err
    assert main(["--read-only", "codes", str(path)]) == 0
    assert "Alpha" in capsys.readouterr().out
    assert path.read_bytes() == before and beside(path) == ["codebook.csv", "referents.qdaw"]
    assert main(["import-codebook", str(path), str(codebook)]) == 0  # (only when asked)


# -- a full disk ------------------------------------------------------------------------
@pytest.mark.parametrize("leave", [0, 16 * 1024, 96 * 1024])
def test_creating_a_project_on_a_full_disk_leaves_nothing_behind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], leave: int
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        path = disk / "referents.qdaw"
        filler = fill(disk, leave)
        with pytest.raises(DiskFull, match=r"referents\.qdaw: the disk is full; the project"):
            Project.create(path)
        assert beside(path) == ["filler"]
        assert main(["new", str(path)]) == 1
        assert "the disk is full" in capsys.readouterr().err
        assert beside(path) == ["filler"]
        filler.unlink()  # space again: nothing blocks creating it now
        assert main(["new", str(path)]) == 0
        with Project.open(path) as p:
            assert p.codes() == []


def test_undo_and_redo_on_a_full_disk_say_so_and_store_nothing(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", "8m") as disk:
        path = disk / "referents.qdaw"
        with Project.create(path, coder="Ana") as p:
            p.add_document("long", "Un long entretien, à lire. " * 4000, case="R1")
            p.delete_document("long")
            filler = fill(disk)
            before = snapshot(p)
            with pytest.raises(DiskFull, match=r"referents\.qdaw: the disk is full; nothing"):
                p.undo()
            assert snapshot(p) == before and p.undo_label == "Delete document long"
            filler.unlink()
            p.undo()
            p.add_code("Alpha")
            p.undo()
            filler = fill(disk)
            with pytest.raises(DiskFull, match="the disk is full"):
                p.redo()
            filler.unlink()
            assert [d.name for d in p.documents()] == ["long"] and p.redo() == "Add code Alpha"


def test_a_database_at_its_size_limit_refuses_undo_in_words(tmp_path: Path) -> None:
    """The same refusal where no small disk can be mounted: SQLite's own page limit."""
    path = tmp_path / "referents.qdaw"
    with Project.create(path, coder="Ana") as p:
        p.add_document("long", "Un long entretien, à lire. " * 4000, case="R1")
        p.delete_document("long")
        p.checkpoint()
        with p.engine.connect() as conn:
            pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0)
        p.engine.dispose()

        @event.listens_for(p.engine, "connect")
        def _limit(dbapi_conn: sqlite3.Connection, _record: object) -> None:
            dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

        before = snapshot(p)
        with pytest.raises(DiskFull, match=r"referents\.qdaw: the disk is full; nothing"):
            p.undo()
        assert snapshot(p) == before and p.undo_label == "Delete document long"


# -- the WAL: copies ----------------------------------------------------------------------
def write_segments(p: Project) -> None:
    p.add_document("entretien", TEXT, case="R1")
    code = p.add_code("Alpha")
    for start in range(20):  # commits of their own
        p.code_segment("entretien", start, start + 5, code)
    with p.batch("Coder le reste"):
        for start in range(SEGMENTS - 20):
            p.code_segment("entretien", start % 40, start % 40 + 6 + start // 40, code)


def test_a_copy_holds_every_change_while_another_project_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(writing, "CHECKPOINT_EVERY", 1e9)  # no checkpoint while writing
    path = tmp_path / "referents.qdaw"
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    writer = Project.create(path, coder="Ana")
    try:
        write_segments(writer)
        assert segments_in_file_alone(path, scratch) < SEGMENTS  # the rest is in the -wal
        copy = tmp_path / "copies" / "copie élève.qdaw"
        copy.parent.mkdir()
        with Project.open(path, coder="Ben") as other:
            assert other.save_copy(copy) == copy
            with pytest.raises(ProjectExistsError, match="file exists"):
                other.save_copy(copy)
            with pytest.raises(QdawError, match="is the project itself"):
                other.save_copy(path, force=True)
        assert beside(copy) == ["copie élève.qdaw"]  # one file, complete
        assert segments_in_file_alone(copy, scratch) == SEGMENTS
        assert main(["copy", str(path), str(copy)]) == 1
        assert "file exists" in capsys.readouterr().err
        writer.add_code("Bravo")
        assert main(["copy", str(path), str(copy), "--force"]) == 0
        assert f"Copied {path} to {copy}" in capsys.readouterr().out
        with Project.open(copy) as copied:
            assert len(copied.segments()) == SEGMENTS
            assert [c.name for c in copied.codes()] == ["Alpha", "Bravo"]
    finally:
        writer.close()
    assert segments_in_file_alone(path, scratch) == SEGMENTS  # closing wrote the -wal in
    assert beside(path) == ["copies", "referents.qdaw", "scratch"]


def test_the_file_alone_holds_the_changes_after_a_while_of_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writing, "CHECKPOINT_EVERY", 0.0)  # every commit is "a while"
    path = tmp_path / "referents.qdaw"
    with Project.create(path, coder="Ana") as writer, Project.open(path) as reader:
        write_segments(writer)
        assert len(reader.segments()) == SEGMENTS
        assert segments_in_file_alone(path, tmp_path) == SEGMENTS


def test_closing_one_of_two_writers_brings_the_file_up_to_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writing, "CHECKPOINT_EVERY", 1e9)
    path = tmp_path / "referents.qdaw"
    other = Project.create(path, coder="Ben")
    try:
        with Project.open(path, coder="Ana") as writer:
            write_segments(writer)
            assert writer.checkpoint() is True
            assert segments_in_file_alone(path, tmp_path) == SEGMENTS
            writer.add_code("Bravo")
        assert len(other.codes()) == 2  # (other is still open: the -wal stays)
        assert segments_in_file_alone(path, tmp_path) == SEGMENTS
    finally:
        other.close()
    assert beside(path) == ["referents.qdaw"]


@pytest.mark.postgres
def test_a_postgresql_project_is_not_copied_to_a_file(pg_url: str, tmp_path: Path) -> None:
    with Project.create(pg_url) as p, pytest.raises(QdawError, match="qdaw copy URL FILE"):
        p.save_copy(tmp_path / "copy.qdaw")
    assert list(tmp_path.iterdir()) == []


# -- files qdaw refuses -------------------------------------------------------------------
def test_refused_files_stay_byte_identical_with_nothing_beside(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign" / "autre.qdaw"
    foreign.parent.mkdir()
    conn = sqlite3.connect(foreign)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE notes (texte TEXT)")
    conn.execute("INSERT INTO notes VALUES ('é')")
    conn.commit()
    conn.close()
    newer = tmp_path / "newer" / "futur.qdaw"
    newer.parent.mkdir()
    a_study(newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    conn.commit()
    conn.close()
    for path, refusal in ((foreign, NotAProjectError), (newer, NewerFormatError)):
        assert beside(path) == [path.name]
        before = path.read_bytes()
        for read_only in (False, True):
            with pytest.raises(refusal, match=path.name):
                Project.open(path, read_only=read_only)
            assert path.read_bytes() == before, path
            assert beside(path) == [path.name], path


# -- the workbench ------------------------------------------------------------------------
def test_the_workbench_shows_a_read_only_project_and_saves_copies(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from qdaw.gui.main_window import MainWindow
    from tests.gui_helpers import answer_file_dialog, menu_action

    path = tmp_path / "referents.qdaw"
    a_study(path)
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_project(str(path), read_only=True)
    assert "Read-only" in window.windowTitle()
    assert window.files.label.text() == "Read-only"
    new_code = menu_action(window, "Code", "New code…")
    assert not new_code.isEnabled() and "is read-only" in new_code.toolTip()
    assert menu_action(window, "File", "Export workbook (XLSX)…").isEnabled()
    copy = tmp_path / "copie.qdaw"
    answer_file_dialog(str(copy))
    menu_action(window, "File", "Save a copy…").trigger()
    qtbot.waitUntil(copy.exists)
    with Project.open(copy) as copied:
        assert [c.name for c in copied.codes()] == ["Alpha"]
    window.close_project()
    assert window.open_project(str(path))
    assert window.windowTitle() == "referents — qdaw" and new_code.isEnabled()
    window.session.idle.setInterval(10)
    window.session.require().add_code("Bravo")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    qtbot.waitUntil(lambda: segments_in_file_alone(path, scratch, "codes") == 2)
    window.close_project()


def _popup_entries(qtbot, open_menu) -> dict[str, bool]:  # type: ignore[no-untyped-def]
    """Right-click: the context menu's entries and whether each is enabled."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen: dict[str, bool] = {}

    def read() -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(10, read)
            return
        seen.update({a.text(): a.isEnabled() for a in menu.actions() if a.text()})
        menu.close()

    QTimer.singleShot(10, read)
    open_menu()
    qtbot.waitUntil(lambda: bool(seen))
    return seen


def test_a_read_only_project_s_panels_offer_no_edits(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint

    from qdaw.gui.main_window import MainWindow

    path = tmp_path / "referents.qdaw"
    a_study(path)
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_project(str(path), read_only=True)
    for tool in window.codebook.edit_tools + window.hypotheses.edit_tools:
        assert not tool.isEnabled() and "is read-only" in tool.toolTip(), tool.text()
    tree = window.codebook.tree
    alpha = window.session.require().code("Alpha")
    point = tree.visualRect(window.codebook.model.index_of(alpha.id)).center()
    entries = _popup_entries(qtbot, lambda: window.codebook.context_menu(point))
    assert entries.pop("Distinctive words…") is True  # reading stays possible
    assert entries and not any(entries.values()), entries
    entries = _popup_entries(qtbot, lambda: window.hypotheses.context_menu(QPoint(1, 1)))
    assert entries == {"New hypothesis…": False}
    segment = window.document.rows[0]
    menu = window.coding.build_segment_menu([segment.id])
    assert [a.isEnabled() for a in menu.actions() if a.text() == "Remove coding"] == [False]
    window.close_project()
    assert window.open_project(str(path))  # writable again: the buttons come back
    assert all(tool.isEnabled() for tool in window.codebook.edit_tools)
    window.close_project()
