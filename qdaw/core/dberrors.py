"""Database errors in words a researcher understands.

SQLite and PostgreSQL report the same situations with different codes; ``translate``
maps both to the few ``QdawError`` subclasses the workbench and scripts handle, each
message naming the project and what to do. ``is_transient`` says which are worth a
bounded retry (a lock held by another writer, a deadlock or serialization failure).
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from sqlalchemy import exc as sa_exc

from qdaw.errors import (
    DatabaseBusy,
    DatabaseError,
    DatabaseUnavailable,
    DiskFull,
    IntegrityConflict,
    QdawError,
    ReadOnlyProject,
)

# SQLite primary result codes (the low byte of the extended code).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 5, 6, 8, 10
SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_CONSTRAINT, SQLITE_PERM = 13, 14, 19, 3
SQLITE_CONSTRAINT_FOREIGNKEY, SQLITE_CONSTRAINT_CHECK = 787, 275
#: The WAL's shared memory (``-shm``) could not grow: on a full disk, where SQLite's
#: other writes report SQLITE_FULL.
SQLITE_IOERR_SHMSIZE = 4874

# PostgreSQL SQLSTATEs.
PG_TRANSIENT = {"40001", "40P01", "55P03"}  # serialization, deadlock, lock timeout
PG_UNIQUE, PG_FOREIGN_KEY, PG_CHECK, PG_NOT_NULL = "23505", "23503", "23514", "23502"
#: insufficient_privilege: the user's role (a team's reader) may not do this.
PG_NO_PRIVILEGE = "42501"

#: What a database call can raise: SQLAlchemy's errors, and the DB-API's own from the
#: journal's direct inserts on SQLite.
DB_ERRORS = (sa_exc.SQLAlchemyError, sqlite3.Error)

_SQLITE_TABLE = re.compile(r"constraint failed: (\w+)\.(\w+)")


def _sqlite_code(orig: Any) -> int | None:
    code = getattr(orig, "sqlite_errorcode", None)
    return int(code) if isinstance(code, int) else None


def _pg_state(orig: Any) -> str | None:
    state = getattr(orig, "sqlstate", None)
    return str(state) if state else None


def is_transient(error: BaseException) -> bool:
    """A lock held by another writer, a deadlock or a serialization failure: trying the
    same transaction again later can succeed."""
    if isinstance(error, DatabaseBusy):
        return True
    orig = error if isinstance(error, sqlite3.Error) else getattr(error, "orig", None)
    code = _sqlite_code(orig)
    if code is not None:
        return code & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED)
    return _pg_state(orig) in PG_TRANSIENT


def _integrity(where: str, orig: Any, text: str) -> IntegrityConflict:
    code, state = _sqlite_code(orig), _pg_state(orig)
    table = getattr(getattr(orig, "diag", None), "table_name", None)
    match = _SQLITE_TABLE.search(text)
    if match:
        table = match.group(1)
    thing = f" ({table})" if table else ""
    if code == SQLITE_CONSTRAINT_FOREIGNKEY or state == PG_FOREIGN_KEY:
        return IntegrityConflict(
            f"{where}: the change refers to something that no longer exists, or removes "
            f"something still in use{thing}; another writer may have just changed it. "
            "Nothing was stored."
        )
    if code == SQLITE_CONSTRAINT_CHECK or state in (PG_CHECK, PG_NOT_NULL):
        return IntegrityConflict(
            f"{where}: a value is not allowed here{thing}. Nothing was stored."
        )
    return IntegrityConflict(
        f"{where}: that name or entry already exists{thing}; another writer may have just "
        "created it. Nothing was stored."
    )


def translate(error: BaseException, where: str) -> QdawError:
    """The QdawError for a database error raised while working on ``where``."""
    if isinstance(error, QdawError):
        return error
    orig = error if isinstance(error, sqlite3.Error) else getattr(error, "orig", None)
    text = str(orig if orig is not None else error)
    if isinstance(error, sa_exc.IntegrityError | sqlite3.IntegrityError):
        return _integrity(where, orig, text)
    code, state = _sqlite_code(orig), _pg_state(orig)
    primary = None if code is None else code & 0xFF
    if primary in (SQLITE_BUSY, SQLITE_LOCKED) or state == "55P03":
        return DatabaseBusy(
            f"{where}: another writer is saving a long change and the project stayed locked "
            "longer than qdaw waits; nothing was stored, try again in a moment"
        )
    if state in ("40001", "40P01"):
        return DatabaseBusy(
            f"{where}: another writer changed the same rows at the same moment; nothing "
            "was stored, try again"
        )
    if state == PG_NO_PRIVILEGE:
        return ReadOnlyProject(
            f"{where}: this project is read-only for you (your role on the server may "
            "read it, not change it); nothing was stored. It can be read, analysed and "
            "exported"
        )
    if primary in (SQLITE_READONLY, SQLITE_PERM) or state == "25006":
        return ReadOnlyProject(
            f"{where}: the project is read-only here (file permissions, read-only disk or "
            "database rights); it can be read but not changed"
        )
    if (
        primary == SQLITE_FULL
        or code == SQLITE_IOERR_SHMSIZE
        or state in ("53100", "53200", "54000")
    ):
        return DiskFull(
            f"{where}: the disk is full; nothing of this change was stored. Free some space "
            "and do it again"
        )
    if primary in (SQLITE_IOERR, SQLITE_CANTOPEN) or (state or "").startswith("08"):
        return DatabaseUnavailable(f"{where}: the project cannot be read or written ({text})")
    if isinstance(error, sa_exc.DBAPIError) and error.connection_invalidated:
        return DatabaseUnavailable(f"{where}: the connection to the database was lost ({text})")
    return DatabaseError(f"{where}: the database reported an error ({text})")
