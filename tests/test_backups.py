"""Backups: written consistently (also while another process writes), checked, rolled,
restored; from the API, the command line and the workbench's File menu."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from qdaw import Project
from qdaw.cli import main
from qdaw.errors import QdawError
from qdaw.sample import build_sample
from qdaw.services.backups import restore_backup, verify
from tests.gui_helpers import answer_file_dialog, menu_action


def _segments(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM segments").fetchone()[0])
    finally:
        conn.close()


def test_a_backup_is_written_checked_and_listed(tmp_path: Path) -> None:
    project = Project.open(build_sample(tmp_path / "etude.qdaw"))
    first = project.backup()
    assert first.parent == tmp_path / "etude-backups" and first.name.startswith("etude-")
    assert _segments(first) == len(project.segments())
    assert not Path(f"{first}-shm").exists() and not Path(f"{first}-wal").exists()
    second = project.backup()
    assert project.backups() == [second, first]
    chosen = project.backup(tmp_path / "ailleurs.qdaw")
    assert chosen.exists() and len(project.backups()) == 2


def test_rolling_backups_at_most_one_a_day_and_the_newest_kept(tmp_path: Path) -> None:
    project = Project.open(build_sample(tmp_path / "etude.qdaw"))
    assert project.auto_backup() is not None
    assert project.auto_backup() is None  # one today already
    for _ in range(4):
        project.auto_backup(keep=3, every=timedelta(0))
    assert len(project.backups()) == 3


def test_a_damaged_backup_is_refused_and_deleted(tmp_path: Path) -> None:
    bad = tmp_path / "bad.qdaw"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(QdawError, match="integrity check"):
        verify(bad)
    assert not bad.exists()


def test_a_backup_while_another_process_writes_is_whole(tmp_path: Path) -> None:
    path = build_sample(tmp_path / "etude.qdaw")
    code = (
        "import time\n"
        "doc = p.documents()[0]\n"
        "for i in range(200):\n"
        "    p.code_segment(doc, i, i + 5, 'Rejet du numérique')\n"
    )
    script = f"from qdaw import Project\np = Project.open({str(path)!r}, coder='ben')\n{code}"
    writer = subprocess.Popen([sys.executable, "-c", script])
    try:
        with Project.open(path) as project:
            backups = [project.backup() for _ in range(5)]
    finally:
        assert writer.wait(timeout=120) == 0
    counts = [_segments(b) for b in backups]
    assert counts == sorted(counts)  # each a whole state, in order; none half-written
    with Project.open(path) as project:
        assert _segments(project.backup()) == len(project.segments())


def test_restore_and_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = build_sample(tmp_path / "etude.qdaw")
    assert main(["backup", str(path)]) == 0
    assert "integrity checked" in capsys.readouterr().out
    with Project.open(path) as project:
        (backup,) = project.backups()
        before = len(project.segments())
        project.code_segment(project.documents()[0], 0, 5, "Rejet du numérique")
    assert main(["restore", str(backup), str(path)]) == 0
    assert "before-restore" in capsys.readouterr().out
    with Project.open(path) as project:
        assert len(project.segments()) == before
    kept = tmp_path / "etude.before-restore.qdaw"
    assert _segments(kept) == before + 1  # the project as it was is kept
    with pytest.raises(QdawError, match="no such backup"):
        restore_backup(tmp_path / "missing.qdaw", path)


def test_the_workbench_backs_up_restores_and_rolls(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from qdaw.gui.main_window import MainWindow

    path = build_sample(tmp_path / "etude.qdaw")
    monkeypatch.setenv("QDAW_AUTO_BACKUP", "1")
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.backups.written, timeout=30_000):
        assert window.open_project(str(path))  # the rolling backup, on opening
    window.show()
    project = window.session.require()
    assert len(project.backups()) == 1
    with qtbot.waitSignal(window.backups.written, timeout=30_000):
        menu_action(window, "File", "Back up now").trigger()
    newest = project.backups()[0]
    before = len(project.segments())
    project.code_segment(project.documents()[0], 0, 5, "Rejet du numérique")
    answer_file_dialog(str(newest))
    menu_action(window, "File", "Restore a backup…").trigger()
    qtbot.waitUntil(lambda: window.backups.confirm is not None, timeout=10_000)
    box = window.backups.confirm
    assert isinstance(box, QMessageBox) and newest.name in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(
        lambda: window.session.project is not None and window.session.project is not project
    )
    assert len(window.session.require().segments()) == before
    assert (tmp_path / "etude.before-restore.qdaw").exists()
