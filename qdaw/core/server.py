"""A team's project on a PostgreSQL server: its schema, two group roles, their users.

``init`` creates the project (or keeps the one there) and two group roles, named after
the database: ``qdaw_<db>_coders`` may read and write every project table,
``qdaw_<db>_readers`` (supervisors) may only read. ``add_user`` creates a login role in
one of them. Rights are the database's own GRANTs, so a reader's write is refused by
the server whatever the program does; ``read_only_reason`` lets the workbench say so
before anything is tried.

Passwords never reach the server in clear: they are hashed here with libpq's
``PQencryptPasswordConn`` (as psql's ``\\password``), so no statement log holds them,
and qdaw stores them nowhere.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, text

from qdaw.core import models as m
from qdaw.core import storage
from qdaw.core.dberrors import DB_ERRORS, translate
from qdaw.errors import NotAProjectError, ProjectExistsError, QdawError

#: PostgreSQL truncates identifiers to NAMEDATALEN - 1 bytes (not characters).
NAME_LIMIT = 63
ROLES = ("coder", "reader")
READER_REASON = "this project is read-only for you (reader role on the server)"
#: Every table of the project (the migrations' table too: readers see the schema's
#: revision; the full-text index of PostgreSQL projects is not a model).
EXTRA_TABLES = ("alembic_version", "token_chunks")


@dataclass(frozen=True)
class Groups:
    coders: str
    readers: str

    def of(self, role: str) -> str:
        return self.coders if role == "coder" else self.readers


@dataclass
class InitReport:
    database: str
    groups: Groups
    project_created: bool = False
    roles_created: list[str] = field(default_factory=list)


def _fits(name: str) -> bool:
    return len(name.encode()) <= NAME_LIMIT


def group_roles(database: str) -> Groups:
    """The two group roles of a database. A long database name is cut (on a character
    boundary) and a hash of the whole name added, so two long names never share roles."""
    if _fits(f"qdaw_{database}_readers") and _fits(f"qdaw_{database}_coders"):
        return Groups(f"qdaw_{database}_coders", f"qdaw_{database}_readers")
    digest = hashlib.sha1(database.encode()).hexdigest()[:8]
    room = NAME_LIMIT - len(f"qdaw__{digest}_readers")
    stem = database
    while len(stem.encode()) > room:
        stem = stem[:-1]
    return Groups(f"qdaw_{stem}_{digest}_coders", f"qdaw_{stem}_{digest}_readers")


def _server_engine(url: str) -> Engine:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        backend = make_url(url).get_backend_name()
    except ArgumentError as exc:
        raise QdawError(f"{storage.shown(url)}: not a database URL ({exc})") from exc
    if backend != "postgresql":
        raise QdawError(
            f"{storage.shown(url)}: a team server is a PostgreSQL database; give a URL "
            "such as postgresql+psycopg://admin@host/study"
        )
    return storage.server_engine(url)


def _quote(conn: Connection, name: str) -> str:
    return str(conn.dialect.identifier_preparer.quote_identifier(name))


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"  # (standard_conforming_strings is on)


def _role_exists(conn: Connection, name: str) -> bool:
    found = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name})
    return found.scalar() is not None


def _check_admin(conn: Connection, where: str) -> None:
    row = conn.execute(
        text(
            "SELECT rolsuper OR rolcreaterole, current_user FROM pg_roles "
            "WHERE rolname = current_user"
        )
    ).one()
    if not row[0]:
        raise QdawError(
            f"{where}: {row[1]} may not create roles; run this as the database's owner "
            "with CREATEROLE, or as a superuser"
        )


def project_tables(conn: Connection) -> list[str]:
    present = set(
        conn.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        ).scalars()
    )
    wanted = [t.name for t in m.Base.metadata.sorted_tables] + list(EXTRA_TABLES)
    return [name for name in wanted if name in present]


def _grant(conn: Connection, groups: Groups, database: str) -> None:
    coders, readers = _quote(conn, groups.coders), _quote(conn, groups.readers)
    both = f"{coders}, {readers}"
    run = conn.exec_driver_sql
    run(f"GRANT CONNECT ON DATABASE {_quote(conn, database)} TO {both}")
    run(f"GRANT USAGE ON SCHEMA {_quote(conn, _schema(conn))} TO {both}")
    tables = ", ".join(_quote(conn, name) for name in project_tables(conn))
    run(f"GRANT SELECT ON {tables} TO {readers}")
    run(f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {tables} FROM {readers}")
    run(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {tables} TO {coders}")
    sequences = [
        seq
        for seq in conn.execute(
            text(
                "SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename) "
                "FROM pg_sequences WHERE schemaname = current_schema()"
            )
        ).scalars()
    ]
    if sequences:  # (readers read the counters too: a copy to a file keeps them)
        run(f"GRANT USAGE, SELECT ON SEQUENCE {', '.join(sequences)} TO {coders}")
        run(f"GRANT SELECT ON SEQUENCE {', '.join(sequences)} TO {readers}")
    # Tables a later qdaw's migration creates (run by this owner) are shared alike.
    schema = _quote(conn, _schema(conn))
    run(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT SELECT ON TABLES TO {both}")
    run(
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} "
        f"GRANT INSERT, UPDATE, DELETE ON TABLES TO {coders}"
    )
    run(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT SELECT ON SEQUENCES TO {both}")
    run(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT USAGE ON SEQUENCES TO {coders}")


def _schema(conn: Connection) -> str:
    return str(conn.execute(text("SELECT current_schema()")).scalar())


def _database(conn: Connection) -> str:
    return str(conn.execute(text("SELECT current_database()")).scalar())


def _translated(url: str, call: Callable[[], Any]) -> Any:
    try:
        return call()
    except DB_ERRORS as exc:
        raise translate(exc, storage.shown(url)) from exc


def init(url: str) -> InitReport:
    """Make the database a team's project: the schema (kept if a project is there,
    upgraded if it is older), the two group roles and their rights. Running it again
    changes nothing but the rights, given again (after an upgrade, to new tables)."""
    where = storage.shown(url)
    engine = _server_engine(url)
    try:
        with engine.connect() as conn:
            _translated(url, lambda: _check_admin(conn, where))
        created = True
        try:
            _translated(url, lambda: storage.create_database(url).dispose())
        except ProjectExistsError:
            created = False
            _translated(url, lambda: storage.open_database(url)[0].dispose())
        return _translated(url, lambda: _roles(engine, created))
    finally:
        engine.dispose()


def _roles(engine: Engine, created: bool) -> InitReport:
    with engine.begin() as conn:
        database = _database(conn)
        groups = group_roles(database)
        report = InitReport(database, groups, project_created=created)
        for name in (groups.coders, groups.readers):
            if not _role_exists(conn, name):
                conn.exec_driver_sql(f"CREATE ROLE {_quote(conn, name)} NOLOGIN")
                report.roles_created.append(name)
        _grant(conn, groups, database)
    return report


@dataclass(frozen=True)
class UserReport:
    name: str
    group: str
    created: bool  # False: an existing login, now in this group (its password kept)


def check_role_name(name: str) -> str:
    name = name.strip()
    if not name or "\x00" in name or not name.isprintable():
        raise QdawError(f"{name!r}: not a user name (empty, or with control characters)")
    if not _fits(name):
        raise QdawError(
            f"{name!r}: a PostgreSQL user name is at most {NAME_LIMIT} bytes "
            f"(this one is {len(name.encode())})"
        )
    if name.startswith("pg_"):
        raise QdawError(f"{name!r}: names starting with pg_ are PostgreSQL's own")
    return name


def add_user(url: str, name: str, role: str, password: Callable[[], str]) -> UserReport:
    """A login in the ``role`` group ("coder" or "reader"). A new login's password is
    asked of ``password`` (only then); an existing login moves to this group, leaving
    the other, and keeps its password."""
    if role not in ROLES:
        raise QdawError(f"{role!r}: the role is coder or reader")
    name = check_role_name(name)
    where = storage.shown(url)
    engine = _server_engine(url)
    try:
        return _translated(url, lambda: _add_user(engine, where, name, role, password))
    finally:
        engine.dispose()


def _add_user(
    engine: Engine, where: str, name: str, role: str, password: Callable[[], str]
) -> UserReport:
    try:
        storage.read_server_revision(engine, where)
    except NotAProjectError as exc:
        raise NotAProjectError(f"{exc}; run qdaw server init on it first") from exc
    with engine.begin() as conn:
        _check_admin(conn, where)
        groups = group_roles(_database(conn))
        if not (_role_exists(conn, groups.coders) and _role_exists(conn, groups.readers)):
            raise QdawError(
                f"{where}: not set up for a team (no roles {groups.coders}, "
                f"{groups.readers}); run qdaw server init on it first"
            )
        if name in (groups.coders, groups.readers):
            raise QdawError(f"{name!r}: is one of the project's group roles, not a user")
        group, other = groups.of(role), groups.of("reader" if role == "coder" else "coder")
        user = _quote(conn, name)
        created = not _role_exists(conn, name)
        if created:
            secret = password()
            if not secret:
                raise QdawError(f"{name}: a new user needs a password")
            raw: Any = conn.connection.driver_connection
            hashed = raw.pgconn.encrypt_password(secret.encode(), name.encode()).decode()
            conn.exec_driver_sql(
                f"CREATE ROLE {user} LOGIN PASSWORD {_literal(hashed)} "
                f"IN ROLE {_quote(conn, group)}"
            )
        else:
            conn.exec_driver_sql(f"GRANT {_quote(conn, group)} TO {user}")
            conn.exec_driver_sql(f"REVOKE {_quote(conn, other)} FROM {user}")
    return UserReport(name, group, created)


def read_only_reason(engine: Engine) -> str | None:
    """Why the connected user may not change this PostgreSQL project (a reader), or None."""
    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as conn:
        allowed = conn.execute(text("SELECT has_table_privilege('segments', 'INSERT')")).scalar()
    return None if allowed else READER_REASON
