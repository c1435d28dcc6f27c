"""Copying a project between a file and a server (either way, or server to server).

Every table of the schema (qdaw.core.models) is copied row by row, parents before
children, from one consistent snapshot of the source into a new project, in the one
transaction that creates it: a failed copy leaves no project behind. Ids are kept, and
so is each table's id counter (a counter may be ahead of the highest id when rows were
undone), so the copy's undo history means the same rows. The full-text index, stored
differently by SQLite and PostgreSQL, is rebuilt from the tokens.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, delete, insert, select, text

from qdaw.core import files, storage
from qdaw.core import models as m
from qdaw.core.dberrors import DB_ERRORS, translate
from qdaw.errors import ConflictError, ProjectExistsError, QdawError
from qdaw.nlp.fulltext import write_document
from qdaw.services.service import Service

#: Rows per INSERT (a table of tokens has millions).
CHUNK = 2000


class Copying(Service):
    def copy_to(self, target: str | Path, force: bool = False) -> str:
        """Write a complete copy of this project to ``target``: a ``.qdaw`` file or an
        empty PostgreSQL database's URL, from a file or a server. Every table is copied
        losslessly, the undo history included. An existing file is replaced only with
        ``force``; a database that already holds a project is never replaced. Returns
        the copy's file or URL as it may be shown."""
        store = self.store
        if store.path is not None and not storage.is_url(target):
            return str(store.save_copy(target, force))  # SQLite's own backup
        if storage.is_url(target):
            if storage.shown(target) == store.shown:
                raise ConflictError(f"{store.shown}: is the project itself; choose another")
            _translated(target, lambda: _to_server(store.engine, str(target)))
            return storage.shown(target)
        return str(_to_file(store.engine, Path(target), force))


def _translated(target: str | Path, call: Any) -> Any:
    try:
        return call()
    except DB_ERRORS as exc:
        raise translate(exc, storage.shown(target)) from exc


def _to_server(source: Engine, url: str) -> None:
    try:
        with _snapshot(source) as read:
            storage.create_database(url, fill=lambda conn: _fill(read, conn)).dispose()
    except ProjectExistsError as exc:
        raise ProjectExistsError(
            f"{exc}; copy into an empty database (createdb), then run `qdaw server init` "
            "on it: it keeps the project and gives the team its roles"
        ) from exc


def _to_file(source: Engine, target: Path, force: bool) -> Path:
    """Written beside the target under a temporary name and renamed over it when
    complete, as Save a copy does: a failure leaves neither a half file nor a changed
    target."""
    if target.exists() and not force:
        raise ProjectExistsError(f"{target}: file exists (choose another name, or --force)")
    if target.is_dir():
        raise QdawError(f"{target}: is a folder; give the name of the copy's file")
    if not target.parent.is_dir():
        raise QdawError(f"{target}: folder {target.parent} does not exist")
    partial = target.with_name(f".{target.name}.copying")
    files.remove_with_sidecars(partial)
    try:
        with _snapshot(source) as read:
            engine = _translated(
                target, lambda: storage.create_database(partial, fill=lambda c: _fill(read, c))
            )
        try:
            with engine.connect() as conn:
                files.checkpoint(conn.connection.driver_connection)
        finally:
            engine.dispose()
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        files.remove_with_sidecars(target)
        os.replace(partial, target)
    except OSError as exc:
        files.remove_with_sidecars(partial)
        raise files.os_error(target, exc) from exc
    except BaseException:
        files.remove_with_sidecars(partial)
        raise
    return target


@contextmanager
def _snapshot(engine: Engine) -> Iterator[Connection]:
    """One read transaction: every table as of the same commit, whoever writes."""
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield conn


def _fill(read: Connection, write: Connection) -> None:
    write.execute(delete(m.meta))  # (the new project's format marker: the source has its own)
    for table in m.Base.metadata.sorted_tables:
        _copy_table(read, write, table)
    _copy_counters(read, write)
    _rebuild_fulltext(read, write)


def _copy_table(read: Connection, write: Connection, table: Table) -> None:
    keys = list(table.primary_key.columns)
    result = read.execution_options(stream_results=True).execute(select(table).order_by(*keys))
    rows = result.mappings()
    if any(fk.column.table is table for fk in table.foreign_keys):
        ordered = _parents_first(table, [dict(row) for row in rows])
        for start in range(0, len(ordered), CHUNK):
            write.execute(insert(table), ordered[start : start + CHUNK])
        return
    for chunk in rows.partitions(CHUNK):
        write.execute(insert(table), [dict(row) for row in chunk])


def _parents_first(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A table that refers to itself (codes and their parents): PostgreSQL checks each
    reference as the row is inserted, so every parent goes in before its children."""
    (key,) = [c.name for c in table.primary_key.columns]
    links = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    placed: set[Any] = set()
    ordered: list[dict[str, Any]] = []
    pending = rows
    while pending:
        ready = [r for r in pending if all(r[c] is None or r[c] in placed for c in links)]
        if not ready:
            raise QdawError(f"{table.name}: rows refer to each other in a cycle; not copied")
        ordered += ready
        placed.update(r[key] for r in ready)
        pending = [r for r in pending if r[key] not in placed]
    return ordered


def _counted_tables() -> list[tuple[str, str]]:
    """(table, id column) of the tables whose ids a counter gives."""
    found = []
    for table in m.Base.metadata.sorted_tables:
        keys = list(table.primary_key.columns)
        if len(keys) == 1 and table.autoincrement_column is not None:
            found.append((table.name, keys[0].name))
    return found


def _counters(conn: Connection) -> dict[str, int]:
    """The highest id each table's counter has given (0: none yet)."""
    if conn.dialect.name == "sqlite":
        rows = conn.execute(text("SELECT name, seq FROM sqlite_sequence"))
        return {str(name): int(seq) for name, seq in rows}
    counters = {}
    for name, column in _counted_tables():
        sequence = conn.execute(
            text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": name, "c": column}
        ).scalar()
        if sequence is None:
            continue
        value, called = conn.execute(
            text(f"SELECT last_value, is_called FROM {sequence}")  # (quoted by PostgreSQL)
        ).one()
        counters[name] = int(value) if called else int(value) - 1
    return counters


def _copy_counters(read: Connection, write: Connection) -> None:
    given = _counters(read)
    for name, column in _counted_tables():
        highest = write.execute(text(f"SELECT coalesce(max({column}), 0) FROM {name}")).scalar()
        value = max(int(highest or 0), given.get(name, 0))
        if write.dialect.name == "sqlite":
            if not m.Base.metadata.tables[name].kwargs.get("sqlite_autoincrement"):
                continue  # (SQLite gives these the next rowid: no counter to keep)
            params = {"t": name, "v": value}
            # (A counter at 0 stays as the new project has it: no id given yet.)
            updated = write.execute(
                text("UPDATE sqlite_sequence SET seq = :v WHERE name = :t"), params
            )
            if value and not updated.rowcount:
                write.execute(
                    text("INSERT INTO sqlite_sequence (name, seq) VALUES (:t, :v)"), params
                )
            continue
        sequence = write.execute(
            text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": name, "c": column}
        ).scalar()
        if sequence is not None:
            # setval(s, 1, false): the next id is 1, as in a new project.
            write.execute(
                text("SELECT setval(:s, :v, :called)"),
                {"s": sequence, "v": max(value, 1), "called": value > 0},
            )


def _rebuild_fulltext(read: Connection, write: Connection) -> None:
    tokens = m.tokens
    result = read.execution_options(stream_results=True).execute(
        select(tokens.c.document_id, tokens.c.form).order_by(
            tokens.c.document_id, tokens.c.position
        )
    )
    current: int | None = None
    forms: list[str] = []
    for document_id, form in result:
        if document_id != current:
            if current is not None:
                write_document(write, current, forms)
            current, forms = int(document_id), []
        forms.append(str(form))
    if current is not None:
        write_document(write, current, forms)
