"""Whether a step can be undone or redone without losing what others wrote since.

A step changed some rows from a start image to an end image (its net effect, however
many changes it made to each row). Undo puts the start images back, redo the end
images; either applies only when

- every row it touches is still as the step left it (undo: the end image; redo: the
  start image; "absent" for a row deleted or not yet created), column by column for an
  update, so a colleague's change of another column is kept and allowed;
- no other row still refers to a row it would delete (a colleague's segment on a code
  whose creation is undone);
- every row it would write refers to rows that exist, or that it restores too;
- no other row took a name it would give back (a code named "X" added since).

Otherwise ``check`` returns what blocks it and the caller names the later step to blame.
Derived columns (``documents.language``, set by the text index) are not compared in
whole-row images; the undo records their current value so that redo restores it.
Coders are shared names: a coder row is kept while anyone's segment uses it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import Column, Connection, Table, UniqueConstraint, and_, select, tuple_

from qdaw.core import models as m
from qdaw.core.journal import SHARED_TABLES, Change, Operation, key_columns

Row = dict[str, Any]
Key = tuple[Any, ...]
Action = Literal["undo", "redo"]

#: Tables written only by the text index, rebuilt from the text: never checked.
DERIVED_TABLES = frozenset({"text_units", "tokens"})
#: Columns the text index fills in on journaled rows.
DERIVED_COLUMNS = {"documents": frozenset({"language"})}
LOG_TABLES = frozenset({"operations", "revisions"})
CHUNK = 5000  # keys per IN (…) list: far below SQLite's 32,766 parameters


@dataclass
class RowChange:
    """The net effect of a step on one row; None stands for "absent"."""

    table: Table
    key: Key
    start: Row | None
    end: Row | None
    start_whole: bool = False  # start is a whole row (from a delete)
    end_whole: bool = False  # end is a whole row (from an insert)


@dataclass(frozen=True)
class Blocker:
    reason: Literal["changed", "depends", "missing", "taken"]
    table: str
    key: Row  # the row to blame a later step for


@dataclass
class Verdict:
    blocker: Blocker | None = None
    # Rows this action deletes, as they are now (their derived columns are kept).
    deleted_now: dict[tuple[str, Key], Row] = field(default_factory=dict)


def _key(table: Table, row: Row) -> Key:
    return tuple([row[name] for name in key_columns(table)])


def net_changes(changes: Iterable[Change]) -> dict[tuple[str, Key], RowChange]:
    """Images are shared with the changes until a second change of the same row has to
    be folded in; then the net images are copies."""
    rows: dict[tuple[str, Key], RowChange] = {}
    for change in changes:
        image = change.after if change.after is not None else change.before
        assert image is not None
        ident = (change.table.name, _key(change.table, image))
        net = rows.get(ident)
        if net is None:
            whole_start, whole_end = change.kind == "delete", change.kind == "insert"
            rows[ident] = RowChange(
                change.table, ident[1], change.before, change.after, whole_start, whole_end
            )
        elif change.kind == "insert":
            net.end, net.end_whole = dict(image), True
        elif change.kind == "delete":
            assert change.before is not None
            if net.start is not None and not net.start_whole:
                # Columns it updated before deleting start from their first value.
                net.start, net.start_whole = {**change.before, **net.start}, True
            net.end, net.end_whole = None, False
        else:
            assert change.before is not None and change.after is not None
            if net.start is not None:
                net.start = {**change.before, **net.start}
            if net.end is not None:
                net.end = {**net.end, **change.after}
    return {k: v for k, v in rows.items() if v.start is not None or v.end is not None}


def _current(conn: Connection, table: Table, keys: list[Key]) -> dict[Key, Row]:
    names = key_columns(table)
    columns = [c.name for c in table.columns]
    at = [columns.index(n) for n in names]
    found: dict[Key, Row] = {}
    for i in range(0, len(keys), CHUNK):
        chunk = keys[i : i + CHUNK]
        if len(names) == 1:
            condition = table.c[names[0]].in_([k[0] for k in chunk])
        else:
            condition = tuple_(*(table.c[n] for n in names)).in_(chunk)
        for row in conn.execute(select(table).where(condition)).all():
            found[tuple([row[j] for j in at])] = dict(zip(columns, row, strict=True))
    return found


def _differs(expected: Row, whole: bool, current: Row, table: str) -> bool:
    skip = DERIVED_COLUMNS.get(table, frozenset()) if whole else frozenset()
    return any(current.get(n) != v and n not in skip for n, v in expected.items())


def _references() -> list[tuple[Table, Column[Any], Table, Column[Any]]]:
    """(child table, its column, parent table, parent column) between journaled tables."""
    found = []
    for table in m.Base.metadata.sorted_tables:
        if table.name in DERIVED_TABLES | LOG_TABLES:
            continue
        for key in table.foreign_keys:
            found.append((table, key.parent, key.column.table, key.column))
    return found


def check(conn: Connection, operation: Operation, action: Action) -> Verdict:
    rows = net_changes(operation.changes)
    verdict = Verdict()
    by_table: dict[str, list[RowChange]] = {}
    for net in rows.values():
        if net.table.name not in SHARED_TABLES:
            by_table.setdefault(net.table.name, []).append(net)
    deleting: dict[str, set[Key]] = {}
    future: dict[str, list[tuple[Key, Row, Row]]] = {}  # key, row after, what changes
    for name, nets in by_table.items():
        table = nets[0].table
        current = _current(conn, table, [n.key for n in nets])
        for net in nets:
            expected, whole = (
                (net.end, net.end_whole) if action == "undo" else (net.start, net.start_whole)
            )
            target = net.start if action == "undo" else net.end
            now = current.get(net.key)
            if (expected is None) != (now is None) or (
                expected is not None and now is not None and _differs(expected, whole, now, name)
            ):
                key = dict(zip(key_columns(table), net.key, strict=True))
                verdict.blocker = Blocker("changed", name, key)
                return verdict
            if target is None and now is not None:
                deleting.setdefault(name, set()).add(net.key)
                verdict.deleted_now[(name, net.key)] = now
            elif target is not None:
                future.setdefault(name, []).append((net.key, {**(now or {}), **target}, target))
    verdict.blocker = (
        _dependents(conn, rows, deleting)
        or _missing_parents(conn, rows, action)
        or _names_taken(conn, rows, future)
    )
    return verdict


def _unique_groups(table: Table) -> set[tuple[str, ...]]:
    """The columns whose values must be unique together (a code's name among its
    siblings: the index on coalesce(parent_id, 0), name)."""
    groups: set[tuple[str, ...]] = {(c.name,) for c in table.columns if c.unique}
    groups |= {
        tuple(c.name for c in constraint.columns)
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
    }
    if table.name == "codes":
        groups.add(("parent_id", "name"))
    return groups


def _names_taken(
    conn: Connection,
    rows: dict[tuple[str, Key], RowChange],
    future: dict[str, list[tuple[Key, Row, Row]]],
) -> Blocker | None:
    """Another row that now holds a name the action would write."""
    for name, written in future.items():
        table = m.Base.metadata.tables[name]
        names = key_columns(table)
        for group in _unique_groups(table):
            for key, row, changes in written:
                if not any(column in changes for column in group) or any(
                    column not in row for column in group
                ):
                    continue
                same = [
                    table.c[c].is_(None) if row[c] is None else table.c[c] == row[c] for c in group
                ]
                query = select(*(table.c[n] for n in names)).where(and_(*same))
                for other in conn.execute(query):
                    if tuple(other) != key and (name, tuple(other)) not in rows:
                        return Blocker("taken", name, dict(zip(names, other, strict=True)))
    return None


def _dependents(
    conn: Connection, rows: dict[tuple[str, Key], RowChange], deleting: dict[str, set[Key]]
) -> Blocker | None:
    """A row outside the step that refers to a row the action deletes."""
    for child, column, parent, parent_column in _references():
        doomed = [k[0] for k in deleting.get(parent.name, ()) if len(k) == 1]
        if not doomed or parent_column.name != key_columns(parent)[0]:
            continue
        names = key_columns(child)
        for i in range(0, len(doomed), CHUNK):
            query = select(*(child.c[n] for n in names)).where(column.in_(doomed[i : i + CHUNK]))
            for found in conn.execute(query):
                if (child.name, tuple(found)) not in rows:
                    return Blocker("depends", child.name, dict(zip(names, found, strict=True)))
    return None


def _missing_parents(
    conn: Connection, rows: dict[tuple[str, Key], RowChange], action: Action
) -> Blocker | None:
    """A row the action writes that would refer to a row that is gone."""
    restored = {
        ident for ident, net in rows.items() if (net.start if action == "undo" else net.end)
    }
    by_table: dict[str, list[Row]] = {}
    for net in rows.values():
        target = net.start if action == "undo" else net.end
        if target is not None:
            by_table.setdefault(net.table.name, []).append(target)
    wanted: dict[str, set[Any]] = {}
    parents: dict[str, Table] = {}
    for child, column, parent, _parent_column in _references():
        for target in by_table.get(child.name, ()):
            value = target.get(column.name)
            if value is not None and (parent.name, (value,)) not in restored:
                wanted.setdefault(parent.name, set()).add(value)
                parents[parent.name] = parent
    for name, values in wanted.items():
        parent = parents[name]
        keys = [(v,) for v in values]
        present = _current(conn, parent, keys)
        for key in keys:
            if key not in present:
                return Blocker("missing", name, {key_columns(parent)[0]: key[0]})
    return None


def keep_derived(operation: Operation, verdict: Verdict, action: Action) -> bool:
    """Record the derived columns of rows this action deletes in the image that puts
    them back (undo of an insert: the insert's row; redo of a delete: the delete's).
    Returns whether an image changed."""
    changed = False
    for change in operation.changes:
        columns = DERIVED_COLUMNS.get(change.table.name)
        if not columns:
            continue
        image = (
            change.after
            if action == "undo" and change.kind == "insert"
            else change.before
            if action == "redo" and change.kind == "delete"
            else None
        )
        if image is None:
            continue
        now = verdict.deleted_now.get((change.table.name, _key(change.table, image)))
        if now is None:
            continue
        for name in columns:
            if name in now and image.get(name) != now[name]:
                image[name] = now[name]
                changed = True
    return changed
