"""The persistent operations log: every writer's steps, their state and row images.

Each step (``operations`` row) holds its coder, label, state and the row images the
journal recorded, as JSON: consecutive changes of one kind on one table with the same
columns are one run ``[kind, table, columns, before rows, after rows]``, values encoded
by column type so that they read back exactly (datetimes as ISO text, with their
microseconds). Each committed write (do, undo, redo) adds a ``revisions`` row: the
project's revision is the highest id.

A coder's undo stack is their ``done`` steps, newest on top; their redo stack their
``undone`` steps, oldest on top (undo is last-in first-out, so every undone step of a
coder is newer than every done one). A new step drops the coder's redo stack.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, DateTime, LargeBinary, Table, func, select, update

from qdaw.core import models as m
from qdaw.core.journal import Change, Operation, Row
from qdaw.core.operations import Op

DONE, UNDONE, DROPPED, DERIVED = "done", "undone", "dropped", "derived"
KINDS = {"insert": "i", "update": "u", "delete": "d"}
KIND_NAMES = {v: k for k, v in KINDS.items()}
#: How many later steps a conflict message looks through to name the one to blame.
BLAME_HORIZON = 5000

ops, revs = m.operations, m.revisions


@dataclass(frozen=True)
class StepRecord:
    """A logged step without its row images."""

    id: int
    coder: str
    label: str
    state: str
    kind: str | None = None
    args: str | None = None

    @property
    def op(self) -> Op:
        return Op.from_log(self.kind, self.args, self.label)


def _table(name: str) -> Table:
    return m.Base.metadata.tables[name]


def _encoder(table: Table, columns: Sequence[str]) -> list[bool]:
    return [isinstance(table.c[name].type, DateTime) for name in columns]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return value


def _json_default(value: Any) -> Any:
    """Values JSON has no type for: numpy scalars (from pandas) are plain numbers, bytes
    (an image's) base64 text, read back as bytes by the column's type."""
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    item = getattr(value, "item", None)
    if callable(item):
        return item()
    raise TypeError(f"cannot store {value!r} in the operations log")


def _unplain(value: Any, is_datetime: bool) -> Any:
    if is_datetime and isinstance(value, str):
        return datetime.fromisoformat(value)
    return value


def _encode_rows(rows: Iterable[Row | None], columns: Sequence[str], dates: list[int]) -> list[Any]:
    # itemgetter of several keys returns a tuple; of one key, the bare value.
    get = itemgetter(*columns) if len(columns) > 1 else lambda row: (row[columns[0]],)
    encoded = []
    for row in rows:
        if row is None:
            continue
        values = list(get(row))
        for at in dates:  # only datetime columns need a conversion
            value = values[at]
            if isinstance(value, datetime):
                values[at] = value.isoformat(sep=" ")
        encoded.append(values)
    return encoded


def encode(changes: Sequence[Change]) -> str:
    runs = []

    def run_key(change: Change) -> tuple[str, str, tuple[str, ...]]:
        image = change.after if change.after is not None else change.before
        return change.kind, change.table.name, tuple(image or ())

    for (kind, name, columns), group in groupby(changes, key=run_key):
        items = list(group)
        dates = [i for i, d in enumerate(_encoder(items[0].table, columns)) if d]
        runs.append([
            KINDS[kind], name, list(columns),
            _encode_rows((c.before for c in items), columns, dates),
            _encode_rows((c.after for c in items), columns, dates),
        ])  # fmt: skip
    return json.dumps(runs, ensure_ascii=False, separators=(",", ":"), default=_json_default)


def _decode_rows(table: Table, columns: list[str], values: list[list[Any]]) -> list[Row]:
    dates = _encoder(table, columns)
    binary = [c for c in columns if isinstance(table.c[c].type, LargeBinary)]
    rows = [
        {c: _unplain(v, d) for c, v, d in zip(columns, row, dates, strict=True)} for row in values
    ]
    for row in rows:
        for name in binary:
            if isinstance(row[name], str):
                row[name] = base64.b64decode(row[name])
    return rows


def decode(text: str) -> list[Change]:
    changes: list[Change] = []
    for kind, name, columns, befores, afters in json.loads(text):
        table = _table(name)
        kind_name = KIND_NAMES[kind]
        if kind_name == "insert":
            rows = _decode_rows(table, columns, afters)
            changes.extend(Change("insert", table, None, after) for after in rows)
        elif kind_name == "delete":
            rows = _decode_rows(table, columns, befores)
            changes.extend(Change("delete", table, before, None) for before in rows)
        else:
            pairs = zip(
                _decode_rows(table, columns, befores),
                _decode_rows(table, columns, afters),
                strict=True,
            )
            changes.extend(Change("update", table, before, after) for before, after in pairs)
    return changes


def tables_of(changes: Iterable[Change], extra: Iterable[str] = ()) -> str:
    names = sorted({c.table.name for c in changes} | set(extra))
    return "," + ",".join(names) + "," if names else ","


def record(
    conn: Connection, operation: Operation, coder: str, state: str, extra_tables: Iterable[str] = ()
) -> int:
    result = conn.execute(
        ops.insert().values(
            coder=coder,
            label=operation.label,
            kind=operation.op.kind if operation.op is not None else None,
            args=operation.op.to_json() if operation.op is not None else None,
            state=state,
            created_at=m.utcnow(),
            tables=tables_of(operation.changes, extra_tables),
            changes=encode(operation.changes),
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def record_revision(conn: Connection, operation_id: int, action: str) -> int:
    result = conn.execute(
        revs.insert().values(operation_id=operation_id, action=action, at=m.utcnow())
    )
    revision = int(result.inserted_primary_key[0])  # type: ignore[index]
    if conn.dialect.name == "postgresql":
        # Delivered to the listeners when (and only if) the transaction commits.
        conn.exec_driver_sql(f"NOTIFY qdaw_changes, '{revision}'")
    return revision


def current_revision(conn: Connection) -> int:
    return int(conn.execute(select(func.max(revs.c.id))).scalar() or 0)


def last_written_by(conn: Connection, operation_id: int) -> bool:
    """Whether the project's latest revision is this step's own (done, undone or
    redone): then nobody has written since and its rows are as it left them."""
    latest = conn.execute(select(revs.c.operation_id).order_by(revs.c.id.desc()).limit(1))
    return latest.scalar() == operation_id


def drop_redo(conn: Connection, coder: str) -> None:
    conn.execute(
        update(ops).where(ops.c.coder == coder, ops.c.state == UNDONE).values(state=DROPPED)
    )


def set_state(conn: Connection, operation_id: int, state: str) -> None:
    conn.execute(update(ops).where(ops.c.id == operation_id).values(state=state))


def save_changes(conn: Connection, operation_id: int, changes: Sequence[Change]) -> None:
    conn.execute(update(ops).where(ops.c.id == operation_id).values(changes=encode(changes)))


def load_changes(conn: Connection, operation_id: int) -> list[Change]:
    text = conn.execute(select(ops.c.changes).where(ops.c.id == operation_id)).scalar()
    return decode(str(text)) if text else []


_RECORD = (ops.c.id, ops.c.coder, ops.c.label, ops.c.state, ops.c.kind, ops.c.args)


def _record(r: Any) -> StepRecord:
    return StepRecord(int(r[0]), str(r[1]), str(r[2]), str(r[3]), r[4], r[5])


def _records(rows: Iterable[Any]) -> list[StepRecord]:
    return [_record(r) for r in rows]


def top(conn: Connection, coder: str, state: str) -> StepRecord | None:
    """The top of a coder's undo stack (state done: newest) or redo stack (undone:
    oldest)."""
    order = ops.c.id.desc() if state == DONE else ops.c.id.asc()
    found = _records(
        conn.execute(
            select(*_RECORD).where(ops.c.coder == coder, ops.c.state == state).order_by(order)
            .limit(1)
        )
    )  # fmt: skip
    return found[0] if found else None


def stack(conn: Connection, coder: str, state: str, limit: int = 500) -> list[StepRecord]:
    """A coder's undo (done) or redo (undone) stack, its top last."""
    order = ops.c.id.desc() if state == DONE else ops.c.id.asc()
    rows = conn.execute(
        select(*_RECORD).where(ops.c.coder == coder, ops.c.state == state).order_by(order)
        .limit(limit)
    )  # fmt: skip
    return list(reversed(_records(rows)))


def _touches(runs: list[Any], table: str, key: dict[str, Any]) -> bool:
    for _kind, name, columns, befores, afters in runs:
        if name != table or not all(k in columns for k in key):
            continue
        positions = [columns.index(k) for k in key]
        wanted = [_plain(v) for v in key.values()]
        for row in (*befores, *afters):
            if [row[p] for p in positions] == wanted:
                return True
    return False


def blame(conn: Connection, after_id: int, table: str, key: dict[str, Any]) -> StepRecord | None:
    """The latest step after ``after_id`` that changed the row (a step still applied
    before one that was undone since)."""
    rows = conn.execute(
        select(*_RECORD, ops.c.changes)
        .where(ops.c.id > after_id, ops.c.tables.like(f"%,{table},%"))
        .order_by(ops.c.id.desc())
        .limit(BLAME_HORIZON)
    )
    fallback: StepRecord | None = None
    for row in rows:
        if not _touches(json.loads(row[len(_RECORD)]), table, key):
            continue
        (found,) = _records([row])
        if found.state in (DONE, DERIVED):
            return found
        fallback = fallback or found
    return fallback


@dataclass(frozen=True)
class RevisionRecord:
    revision: int
    action: str
    step: StepRecord
    tables: frozenset[str]


def revisions_since(conn: Connection, revision: int, limit: int = 1000) -> list[RevisionRecord]:
    rows = conn.execute(
        select(revs.c.id, revs.c.action, *_RECORD, ops.c.tables)
        .join(ops, ops.c.id == revs.c.operation_id)
        .where(revs.c.id > revision)
        .order_by(revs.c.id)
        .limit(limit)
    )
    return [
        RevisionRecord(
            int(r[0]),
            str(r[1]),
            _record(r[2:8]),
            frozenset(t for t in str(r[8]).split(",") if t),
        )
        for r in rows
    ]
