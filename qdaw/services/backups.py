"""Backups: a consistent copy of the project, checked once written, kept beside it.

``backup()`` writes one now (SQLite's online backup, so the copy is whole while the
window or a colleague writes; a server project is copied table by table), then runs
SQLite's integrity check on the copy and deletes it if the check fails.
``auto_backup()`` is the rolling one the workbench makes on opening: at most one a
day, the newest ``keep`` kept. ``restore_backup`` puts a backup in a project file's
place, the file as it was set aside first.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote

from qdaw.core import files, storage
from qdaw.errors import QdawError
from qdaw.services.service import Service

AUTO_KEEP = 10
AUTO_EVERY = timedelta(days=1)
STAMP = "%Y%m%d-%H%M%S"


def backup_folder(location: str, path: Path | None, name: str) -> Path:
    """``<folder of the file>/<name>-backups``; for a server project, the user's data
    folder (there is no file to put them beside)."""
    if path is not None:
        return path.parent / f"{path.stem}-backups"
    return Path.home() / ".local" / "share" / "qdaw" / "backups" / name


def verify(path: Path) -> None:
    """SQLite's integrity check on a written backup; a damaged one is deleted."""
    try:
        # immutable: the copy was just written whole; nothing beside it is made (-shm).
        uri = f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1"
        connection = sqlite3.connect(uri, uri=True)
        try:
            result = connection.execute("PRAGMA integrity_check").fetchone()
        finally:
            connection.close()
    except sqlite3.Error as exc:
        result = (str(exc),)
    if not result or result[0] != "ok":
        files.remove_with_sidecars(path)
        raise QdawError(f"{path}: the backup failed its integrity check ({result}); deleted")


class Backups(Service):
    def backup(self, target: str | Path | None = None) -> Path:
        """Back the project up now, to ``target`` or into its backups folder
        (``<project>-backups/<project>-YYYYMMDD-HHMMSS.qdaw``); returns the file."""
        store = self.store
        if target is None:
            folder = backup_folder(store.location, store.path, store.name)
            folder.mkdir(parents=True, exist_ok=True)
            stamp = datetime.now().strftime(STAMP)
            target = folder / f"{store.name}-{stamp}.qdaw"
            counter = 1
            while target.exists():  # (two backups within the same second)
                counter += 1
                target = folder / f"{store.name}-{stamp}-{counter}.qdaw"
        from qdaw.services.transfer import Copying

        destination = Path(target)
        Copying(store, self.owner).copy_to(destination)
        verify(destination)
        return destination

    def backups(self) -> list[Path]:
        """The backups in the project's backups folder, newest first."""
        store = self.store
        folder = backup_folder(store.location, store.path, store.name)
        found = folder.glob(f"{store.name}-*.qdaw") if folder.is_dir() else []
        return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)

    def auto_backup(self, keep: int = AUTO_KEEP, every: timedelta = AUTO_EVERY) -> Path | None:
        """A backup unless the newest is younger than ``every``; then only the newest
        ``keep`` are kept. Returns the new backup, or None when none was due."""
        existing = self.backups()
        if existing:
            age = datetime.now() - datetime.fromtimestamp(existing[0].stat().st_mtime)
            if age < every:
                return None
        made = self.backup()
        for old in self.backups()[keep:]:
            files.remove_with_sidecars(old)
        return made


def restore_backup(backup: str | Path, project: str | Path) -> Path:
    """Put ``backup`` in the place of the project file ``project`` (closed), after
    checking it; the file as it was is kept beside it as ``<name>.before-restore.qdaw``.
    Returns where the earlier file went."""
    backup, project = Path(backup), Path(project)
    if storage.is_url(str(project)):
        raise QdawError(f"{project}: a server project is restored with qdaw copy")
    if not backup.is_file():
        raise QdawError(f"{backup}: no such backup")
    verify(backup)  # (a damaged backup is deleted, never restored)
    kept = project.with_name(f"{project.stem}.before-restore.qdaw")
    if project.exists():
        files.remove_with_sidecars(kept)
        project.replace(kept)
        for suffix in ("-wal", "-shm"):
            side = Path(f"{project}{suffix}")
            if side.exists():
                side.replace(Path(f"{kept}{suffix}"))
    data = backup.read_bytes()
    partial = project.with_name(f".{project.name}.restoring")
    partial.write_bytes(data)
    partial.replace(project)
    return kept
