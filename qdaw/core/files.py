"""A project file on disk: whether it can be written, reading it without leaving files
beside it, writing its log into it (checkpoint) and copying it consistently.

SQLite keeps a WAL project's recent commits in ``-wal`` and its readers' shared state
in ``-shm`` beside the file. A connection opened ``mode=ro`` still creates both, and
leaves them after closing, so a file qdaw only looks at (a foreign database, a project
of a newer qdaw, a project on a read-only disk) is read ``immutable=1`` when no ``-wal``
exists: no other connection is open then, and the file alone holds everything.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from pathlib import Path

from qdaw.errors import DiskFull, ProjectExistsError, QdawError, ReadOnlyProject

#: The files SQLite may keep beside a database.
SIDECARS = ("-wal", "-shm", "-journal")


def sidecars(path: Path) -> list[Path]:
    """The files beside ``path`` that SQLite made (those that exist)."""
    return [found for suffix in SIDECARS if (found := path.with_name(path.name + suffix)).exists()]


def why_read_only(path: Path) -> str | None:
    """Why the project file cannot be written here, or None when it can.

    SQLite writes beside the file too (``-wal``, ``-shm``), so its folder must be
    writable as well. ``os.access`` answers for this user, a read-only disk included.
    """
    if not os.access(path, os.W_OK):
        return "the file cannot be written (its permissions, or a read-only disk)"
    if not os.access(path.parent, os.W_OK):
        return f"its folder {path.parent} cannot be written (permissions, or a read-only disk)"
    return None


def read_only_uri(path: Path) -> str:
    """The URI that reads ``path`` without creating anything beside it: ``immutable``
    when it has no ``-wal`` (nothing else has it open), else ``mode=ro`` (another
    connection's recent commits are in the ``-wal``, read through its ``-shm``)."""
    live = path.with_name(path.name + "-wal").exists()
    return f"{path.resolve().as_uri()}?{'mode=ro' if live else 'immutable=1'}"


def connect_read_only(path: Path, check_same_thread: bool = True) -> sqlite3.Connection:
    return sqlite3.connect(read_only_uri(path), uri=True, check_same_thread=check_same_thread)


def os_error(path: Path, exc: OSError) -> QdawError:
    """A file system refusal in words, naming the file."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(f"{path}: the disk is full; nothing was written. Free some space")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ReadOnlyProject(f"{path}: cannot be written here ({exc.strerror})")
    return QdawError(f"{path}: cannot be written ({exc.strerror or exc})")


def create_exclusively(path: Path) -> None:
    """Claim ``path`` for a new project: an error if anything is there already, so the
    files removed after a failed creation are only ever ours."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except FileExistsError as exc:
        raise ProjectExistsError(f"{path}: file exists (open it, or choose another name)") from exc
    except OSError as exc:
        raise os_error(path, exc) from exc


def remove_with_sidecars(path: Path) -> None:
    """Take away a project file qdaw created and could not finish, and SQLite's files
    beside it: no stub stays behind to block the next attempt."""
    for found in (path, *(path.with_name(path.name + suffix) for suffix in SIDECARS)):
        with contextlib.suppress(FileNotFoundError):
            found.unlink()


def checkpoint(conn: sqlite3.Connection, mode: str = "TRUNCATE") -> bool:
    """Write the WAL's commits into the project file; True when all of them went in
    (a reader still on an older snapshot keeps the rest for the next checkpoint)."""
    busy, _log, _copied = conn.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
    return not busy


def copy_database(source: sqlite3.Connection, target: Path, force: bool = False) -> Path:
    """Write a consistent copy of an open project to ``target`` with SQLite's backup API
    (the WAL's commits included, whoever writes meanwhile). The copy is written beside
    the target under a temporary name and renamed over it when complete, so a failed
    copy (a full disk) leaves neither a half file nor a changed target."""
    if target.exists() and not force:
        raise ProjectExistsError(f"{target}: file exists (choose another name, or --force)")
    if target.is_dir():
        raise QdawError(f"{target}: is a folder; give the name of the copy's file")
    if not target.parent.is_dir():
        raise QdawError(f"{target}: folder {target.parent} does not exist")
    partial = target.with_name(f".{target.name}.copying")
    remove_with_sidecars(partial)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = WAL")  # (a copy of a WAL file is one)
            checkpoint(copy)
        finally:
            copy.close()
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except BaseException:
        remove_with_sidecars(partial)
        raise
    return target
