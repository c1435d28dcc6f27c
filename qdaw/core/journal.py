"""Row-level change journal: the basis of undo and redo for every operation.

Operations never write with raw statements; they call ``Journal.insert/update/delete``,
which record before- and after-images of each row. Undoing an operation replays the
inverse changes in reverse order inside one transaction; redoing replays them forward.
Dependent rows are deleted explicitly (children first), so undo restores them too.
Consecutive changes of one kind on one table are replayed with executemany.

Coders are shared names rather than anyone's work: undoing the step that first used a
coder's name removes the coder only if no segment uses it any more, and redo puts it
back only if it is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any, Literal

from sqlalchemy import Connection, Table, and_, bindparam, exists, select

from qdaw.core import models as m

Kind = Literal["insert", "update", "delete"]
Row = dict[str, Any]
#: Tables of names that many steps share (see the module docstring).
SHARED_TABLES = frozenset({"coders"})


@dataclass(slots=True)
class Change:
    kind: Kind
    table: Table
    before: Row | None  # full row for delete, changed columns (+ key) for update
    after: Row | None  # full row for insert, changed columns (+ key) for update


@dataclass
class Operation:
    """One user-visible step: what the Edit menu calls "Undo <label>"."""

    label: str
    changes: list[Change] = field(default_factory=list)
    op: Any = None  # the step as data (qdaw.core.operations.Op): kind and arguments


_KEYS: dict[Table, list[str]] = {}


def key_columns(table: Table) -> list[str]:
    if table not in _KEYS:  # asked once per row when a large step is checked
        _KEYS[table] = [col.name for col in table.primary_key.columns]
    return _KEYS[table]


_key_columns = key_columns


def _key_clause(table: Table, key: Row) -> Any:
    return and_(*(table.c[name] == key[name] for name in _key_columns(table)))


def _key_clause_bound(table: Table) -> Any:
    return and_(*(table.c[name] == bindparam(f"k_{name}") for name in _key_columns(table)))


class Journal:
    """Writes through one connection and records what it changed."""

    def __init__(
        self, conn: Connection, operation: Operation, on_delete: Callable[[], None] | None = None
    ) -> None:
        self.conn = conn
        self.operation = operation
        self._on_delete = on_delete
        # On SQLite, single-row inserts skip SQLAlchemy's per-statement work and go to the
        # DB-API cursor of the same connection (same transaction), using the column types'
        # own bind processors so stored values are identical. Coding 100,000 segments in
        # one batch is about 5 times faster this way.
        self._raw_inserts = conn.dialect.name == "sqlite"
        self._compiled: dict[tuple[str, tuple[str, ...]], tuple[str, list[Any]]] = {}
        self._cursor: Any = None

    def _raw_insert(self, table: Table, values: Row) -> int:
        key = (table.name, tuple(values))
        if key not in self._compiled:
            quote = self.conn.dialect.identifier_preparer.quote
            columns = ", ".join(quote(name) for name in values)
            marks = ", ".join("?" for _ in values)
            processors = [table.c[name].type.bind_processor(self.conn.dialect) for name in values]
            self._compiled[key] = (
                f"INSERT INTO {quote(table.name)} ({columns}) VALUES ({marks})",
                processors,
            )
        sql, processors = self._compiled[key]
        if self._cursor is None:
            self._cursor = self.conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        params = [
            value if process is None else process(value)
            for value, process in zip(values.values(), processors, strict=True)
        ]
        self._cursor.execute(sql, params)
        return int(self._cursor.lastrowid)

    def insert(self, table: Table, values: Row) -> int | None:
        keys = _key_columns(table)
        row = dict(values)
        if self._raw_inserts and len(keys) == 1 and keys[0] not in values:
            row[keys[0]] = self._raw_insert(table, values)
        else:
            result = self.conn.execute(table.insert(), values)
            for name, value in zip(keys, result.inserted_primary_key or (), strict=False):
                row[name] = value
        self.operation.changes.append(Change("insert", table, None, row))
        return row[keys[0]] if len(keys) == 1 else None

    def update(self, table: Table, key: Row, values: Row) -> bool:
        columns = [table.c[name] for name in values]
        current = self.conn.execute(select(*columns).where(_key_clause(table, key))).first()
        if current is None:
            return False
        before = dict(zip(values, current, strict=True))
        if before == values:
            return True
        self.conn.execute(table.update().where(_key_clause(table, key)).values(values))
        self.operation.changes.append(Change("update", table, {**key, **before}, {**key, **values}))
        return True

    def update_where(self, table: Table, condition: Any, values: Row) -> int:
        """Set ``values`` on every matching row in one statement, recording each row."""
        keys = _key_columns(table)
        columns = [table.c[k] for k in keys] + [table.c[n] for n in values]
        rows = list(self.conn.execute(select(*columns).where(condition)))
        if not rows:
            return 0
        self.conn.execute(table.update().where(condition).values(values))
        for row in rows:
            key = dict(zip(keys, row[: len(keys)], strict=True))
            before = dict(zip(values, row[len(keys) :], strict=True))
            self.operation.changes.append(
                Change("update", table, {**key, **before}, {**key, **values})
            )
        return len(rows)

    def delete_where(self, table: Table, condition: Any) -> int:
        """Delete matching rows, recording each one (callers delete children first)."""
        rows = [dict(r._mapping) for r in self.conn.execute(select(table).where(condition))]
        if not rows:
            return 0
        if self._on_delete is not None:
            self._on_delete()
        self.conn.execute(table.delete().where(condition))
        self.operation.changes.extend(Change("delete", table, row, None) for row in rows)
        return len(rows)

    def delete(self, table: Table, key: Row) -> int:
        return self.delete_where(table, _key_clause(table, key))


def _runs(
    changes: Iterable[Change],
) -> Iterator[tuple[tuple[Kind, str, tuple[str, ...]], list[Change]]]:
    def run_key(change: Change) -> tuple[Kind, str, tuple[str, ...]]:
        image = change.after if change.after is not None else change.before
        return change.kind, change.table.name, tuple(sorted(image or ()))

    for key, group in groupby(changes, key=run_key):
        yield key, list(group)


def _insert_rows(conn: Connection, table: Table, rows: Sequence[Row]) -> None:
    if table.name in SHARED_TABLES:
        (key,) = _key_columns(table)
        present = {
            r[0]
            for r in conn.execute(
                select(table.c[key]).where(table.c[key].in_([row[key] for row in rows]))
            )
        }
        rows = [row for row in rows if row[key] not in present]
        if not rows:
            return
    conn.execute(table.insert(), list(rows))


def _unreferenced(table: Table) -> Any:
    """No row of another table refers to this row."""
    conditions = [
        ~exists().where(key.parent == table.c[key.column.name])
        for other in m.Base.metadata.sorted_tables
        for key in other.foreign_keys
        if key.column.table is table
    ]
    return and_(*conditions)


def _delete_rows(conn: Connection, table: Table, rows: Sequence[Row]) -> None:
    keys = _key_columns(table)
    params = [{f"k_{k}": row[k] for k in keys} for row in rows]
    condition = _key_clause_bound(table)
    if table.name in SHARED_TABLES:
        condition = and_(condition, _unreferenced(table))
    conn.execute(table.delete().where(condition), params)


def _update_rows(conn: Connection, table: Table, rows: Sequence[Row]) -> None:
    keys = _key_columns(table)
    value_names = [name for name in rows[0] if name not in keys]
    if not value_names:
        return
    stmt = (
        table.update()
        .where(_key_clause_bound(table))
        .values({name: bindparam(f"v_{name}") for name in value_names})
    )
    params = [
        {**{f"k_{k}": row[k] for k in keys}, **{f"v_{n}": row[n] for n in value_names}}
        for row in rows
    ]
    conn.execute(stmt, params)


def revert(conn: Connection, operation: Operation) -> None:
    for (kind, _name, _cols), run in _runs(reversed(operation.changes)):
        table = run[0].table
        if kind == "insert":
            _delete_rows(conn, table, [c.after for c in run if c.after is not None])
        elif kind == "delete":
            _insert_rows(conn, table, [c.before for c in run if c.before is not None])
        else:
            _update_rows(conn, table, [c.before for c in run if c.before is not None])


def replay(conn: Connection, operation: Operation) -> None:
    for (kind, _name, _cols), run in _runs(operation.changes):
        table = run[0].table
        if kind == "insert":
            _insert_rows(conn, table, [c.after for c in run if c.after is not None])
        elif kind == "delete":
            _delete_rows(conn, table, [c.before for c in run if c.before is not None])
        else:
            _update_rows(conn, table, [c.after for c in run if c.after is not None])
