"""Opening, creating, validating, backing up and migrating project databases.

A project is an SQLite file (``.qdaw``) or any SQLAlchemy URL (PostgreSQL on a server).
Files are checked read-only before anything writes to them, so a file that is not a
qdaw project is never modified (not even switched to WAL).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text

from qdaw.core import files
from qdaw.core.models import SCHEMA_REVISION
from qdaw.errors import (
    NewerFormatError,
    NotAProjectError,
    ProjectExistsError,
    QdawError,
    ReadOnlyProject,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
FORMAT_KEY = "format"
FORMAT_VALUE = "qdaw-project"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def is_url(target: str | Path) -> bool:
    return isinstance(target, str) and "://" in target


def shown(target: str | Path) -> str:
    """The project's file or URL as messages and titles show it: a URL's password is
    replaced by ***, so it never reaches an error dialog, a log or a repr."""
    if not is_url(target):
        return str(target)
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(str(target)).render_as_string(hide_password=True)
    except ArgumentError:  # not a URL SQLAlchemy can read: show only its scheme
        return str(target).split("://", 1)[0] + "://…"


#: Seconds a writer waits for another writer's transaction before giving up.
BUSY_TIMEOUT = 5.0
#: Execution option marking a connection whose transactions write.
WRITE = "qdaw_write"


def sqlite_engine(
    path: Path, busy_timeout: float = BUSY_TIMEOUT, read_only: bool = False
) -> Engine:
    """An engine on a project file; ``read_only`` opens it so that nothing can write.

    A read-only project that could be written (opened read-only by choice) is opened
    as usual with ``query_only``: SQLite then sees other writers' commits and removes
    its ``-wal`` and ``-shm`` at close. One that cannot be written is read through
    ``files.read_only_uri``, which creates nothing beside it.
    """
    direct = read_only and files.why_read_only(path) is not None
    if direct:
        engine = create_engine(
            f"sqlite:///{path}", creator=lambda: files.connect_read_only(path, False)
        )
    else:
        engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _configure(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy issue BEGIN itself so every operation is exactly one transaction.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        if read_only:
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("PRAGMA journal_mode = WAL")
        # FULL: a commit is on disk before the UI shows the edit.
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # A writer takes the write lock when its transaction starts (IMMEDIATE), so a
        # second writer waits for it within the busy timeout; a deferred transaction
        # that upgrades to a write lock mid-way fails at once instead ("database is
        # locked") because waiting could deadlock. Readers stay deferred: in WAL mode
        # they never wait for writers.
        immediate = conn.get_execution_options().get(WRITE)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def server_engine(url: str) -> Engine:
    try:
        return create_engine(url, pool_pre_ping=True)
    except ImportError as exc:  # create_engine imports the URL's database driver
        raise QdawError(_missing_driver(url, exc)) from exc


def _missing_driver(url: str, exc: ImportError) -> str:
    """What to install (the PostgreSQL driver is the optional extra ``qdaw[postgres]``)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    shown = parsed.render_as_string(hide_password=True)
    if parsed.get_backend_name() != "postgresql":
        return f"{shown}: its database driver is not installed ({exc})"
    if parsed.get_driver_name() != "psycopg":
        return (
            f"{shown}: qdaw talks to PostgreSQL through psycopg 3: write the URL as "
            f"postgresql+psycopg://… and install it with: pip install 'qdaw[postgres]'"
        )
    return (
        f"{shown}: the PostgreSQL driver (psycopg) is not installed; "
        f"install it with: pip install 'qdaw[postgres]' ({exc})"
    )


#: The advisory lock every qdaw writer of a PostgreSQL project takes ("qdaw").
PG_WRITE_LOCK = 0x71646177


def lock_for_writing(conn: Connection, busy_timeout: float = BUSY_TIMEOUT) -> None:
    """At the start of a write transaction on PostgreSQL, wait (at most
    ``busy_timeout``) for the project's write lock, released at commit or rollback:
    writers take turns as SQLite's ``BEGIN IMMEDIATE`` makes them, so the checks a
    writer makes inside its transaction still hold when it commits, and two qdaw
    writers can neither deadlock nor fail each other's serialization."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{max(1, int(busy_timeout * 1000))}ms'")
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITE_LOCK})")


def read_only_reason(target: str | Path, asked: bool) -> str | None:
    """Why a project opens read-only: asked for, or a file that cannot be written here."""
    if asked:
        return "it was opened read-only"
    if is_url(target) or not Path(target).exists():
        return None  # (a server says so itself; a missing file is refused on opening)
    return files.why_read_only(Path(target))


def read_sqlite_revision(path: Path) -> str:
    """Return the schema revision of a qdaw file, reading it without writing anything."""
    if not path.exists():
        raise NotAProjectError(f"{path}: no such file")
    if path.is_dir():
        raise NotAProjectError(f"{path}: is a folder, not a qdaw project file")
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_MAGIC))
    if header != SQLITE_MAGIC:
        raise NotAProjectError(f"{path}: not a qdaw project (the file is not a project database)")
    try:
        conn = files.connect_read_only(path)  # leaves nothing beside a file it refuses
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if not {"alembic_version", "meta"} <= tables:
                raise NotAProjectError(
                    f"{path}: not a qdaw project (an SQLite database of another program)"
                )
            marker = conn.execute("SELECT value FROM meta WHERE key = ?", (FORMAT_KEY,)).fetchone()
            if not marker or marker[0] != FORMAT_VALUE:
                raise NotAProjectError(f"{path}: not a qdaw project (no qdaw format marker)")
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise NotAProjectError(f"{path}: not a readable qdaw project ({exc})") from exc
    if not row:
        raise NotAProjectError(f"{path}: not a qdaw project (no schema version)")
    return str(row[0])


def read_server_revision(engine: Engine, url: str) -> str:
    with engine.connect() as conn:
        try:
            marker = conn.execute(
                text("SELECT value FROM meta WHERE key = :k"), {"k": FORMAT_KEY}
            ).scalar()
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except Exception as exc:  # missing tables: not a project
            raise NotAProjectError(f"{shown(url)}: not a qdaw project database") from exc
    if marker != FORMAT_VALUE or not revision:
        raise NotAProjectError(f"{shown(url)}: not a qdaw project database")
    return str(revision)


def _alembic_config(connection: Any) -> Any:
    from alembic.config import Config  # lazy: only creating or migrating needs Alembic

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return str(ScriptDirectory.from_config(_alembic_config(None)).get_current_head())


def known_revisions() -> list[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config(None))
    return [rev.revision for rev in script.walk_revisions()]


def upgrade(
    engine: Engine, target: str = "head", then: Callable[[Connection], None] | None = None
) -> None:
    """Run the migrations in one transaction.

    On SQLite, rebuilding a table (Alembic's batch mode) drops the old one; with foreign
    keys on, that would cascade-delete dependent rows. So keys are off during the
    migration (switched outside the transaction, as SQLite requires) and the result is
    checked with foreign_key_check before commit. ``then`` runs in the same
    transaction (creating a project marks it as one in the same commit).
    """
    from alembic import command

    with engine.connect() as conn:
        # A writer's transaction: two processes opening an old project at once migrate
        # it once (the second finds it done).
        conn.execution_options(**{WRITE: True})
        sqlite = conn.dialect.name == "sqlite"
        raw = conn.connection.dbapi_connection
        if sqlite and raw is not None:
            raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                lock_for_writing(conn)
                command.upgrade(_alembic_config(conn), target)
                if then is not None:
                    then(conn)
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"migration left broken references: {broken[:5]}")
        finally:
            if sqlite and raw is not None:
                raw.execute("PRAGMA foreign_keys = ON")


def backup_sqlite(path: Path, revision: str) -> Path:
    """Copy a project (WAL content included) beside it before a migration touches it."""
    backup = path.with_name(f"{path.name}.v{revision}.bak")
    counter = 1
    while backup.exists():
        counter += 1
        backup = path.with_name(f"{path.name}.v{revision}-{counter}.bak")
    src = sqlite3.connect(path)
    dst = sqlite3.connect(backup)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return backup


def _mark_as_project(conn: Connection) -> None:
    conn.execute(
        text("INSERT INTO meta (key, value) VALUES (:k, :v)"),
        {"k": FORMAT_KEY, "v": FORMAT_VALUE},
    )


def create_database(
    target: str | Path,
    busy_timeout: float = BUSY_TIMEOUT,
    fill: Callable[[Connection], None] | None = None,
) -> Engine:
    """Create an empty project at the newest schema, in one transaction: a failure
    (a full disk) leaves no project behind, and a new file is removed again. ``fill``
    writes the project's content in that same transaction (a copy of another)."""

    def then(conn: Connection) -> None:
        _mark_as_project(conn)
        if fill is not None:
            fill(conn)

    if is_url(target):
        engine = server_engine(str(target))
        with engine.connect() as conn:
            has_tables = conn.execute(
                text("SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'")
            ).scalar()
        if has_tables:
            raise ProjectExistsError(f"{shown(target)}: a project already exists in this database")
        upgrade(engine, then=then)
        return engine
    path = Path(target)
    if path.is_dir():
        raise ProjectExistsError(f"{path}: is a folder (choose a file name)")
    if not path.parent.exists():
        raise ProjectExistsError(f"{path}: folder {path.parent} does not exist")
    files.create_exclusively(path)
    engine = sqlite_engine(path, busy_timeout)
    try:
        upgrade(engine, then=then)
    except BaseException:
        engine.dispose()
        files.remove_with_sidecars(path)
        raise
    return engine


def open_database(
    target: str | Path, busy_timeout: float = BUSY_TIMEOUT, read_only: bool = False
) -> tuple[Engine, Path | None]:
    """Open an existing project, migrating (after a backup) when its schema is older.

    Returns the engine and the backup written, if any. ``read_only`` (SQLite files)
    opens the file so that nothing can write to it.
    """
    backup: Path | None = None
    if is_url(target):
        engine = server_engine(str(target))
        revision = read_server_revision(engine, str(target))
    else:
        path = Path(target)
        revision = read_sqlite_revision(path)
        engine = None
    if revision != SCHEMA_REVISION:
        if revision not in known_revisions():
            raise NewerFormatError(
                f"{shown(target)}: made by a newer qdaw (schema {revision}); update qdaw to open it"
            )
        if read_only:
            raise ReadOnlyProject(
                f"{shown(target)}: made by an older qdaw (schema {revision}); open it once "
                "for writing so that it can be upgraded"
            )
        if not is_url(target):
            backup = backup_sqlite(Path(target), revision)
    if engine is None:
        engine = sqlite_engine(Path(target), busy_timeout, read_only)
    if revision != SCHEMA_REVISION:
        upgrade(engine)
    return engine, backup
