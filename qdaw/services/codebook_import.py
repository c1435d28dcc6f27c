"""Storing an a-priori codebook read by qdaw.ingest.codebook: one undo step; a row the
codebook refuses is reported with its row and column, and nothing is stored."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qdaw.core.names import CODE, HYPOTHESIS, check_name, check_text
from qdaw.core.operations import op
from qdaw.errors import ImportFailed, InvalidName, InvalidText, NotFoundError, QdawError
from qdaw.ingest.table import Problem, TableError

if TYPE_CHECKING:
    from qdaw.services.codebook import Codebook
    from qdaw.services.coding import Coding


def import_codebook(codebook: Codebook, coding: Coding, path: str | Path) -> int:
    """Create the codes of a codebook file; returns how many were created.

    Columns: name (required), parent (a name or path), description, color, hypotheses
    (labels separated by ';' — created if missing), memo. A code that exists under the
    same parent is updated (description, colour, memo if given; links added). Rows may
    come in any order: a child can precede its parent.
    """
    path = Path(path)
    from qdaw.ingest.codebook import read_codebook

    rows = _checked(path, read_codebook(path))
    if not rows:
        raise ImportFailed(path, "the codebook has no codes")
    created = 0
    with codebook.store.batch(op("import_codebook", name=path.name)):
        pending = rows
        while pending:
            waiting = []
            for row in pending:
                parent = row.get("parent") or None
                if parent is not None:
                    try:
                        parent_code = codebook.code(parent)
                    except NotFoundError:
                        waiting.append(row)
                        continue
                else:
                    parent_code = None
                created += _apply_row(codebook, coding, path, row, parent_code)
            if len(waiting) == len(pending):
                raise TableError(
                    path,
                    [
                        Problem(r["row"], "parent", f"no code named '{r['parent']}'")
                        for r in waiting
                    ],
                )
            pending = waiting
    return created


def _checked(path: Path, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with a name, their names, labels and texts checked before anything is
    stored; a refusal names the file and the row (the header is row 1)."""
    checked = []
    for row in rows:
        number = row["row"]
        try:
            row = {
                **row,
                "name": check_name(row["name"], CODE),
                "hypotheses": ";".join(
                    check_name(label, HYPOTHESIS)
                    for label in (row.get("hypotheses") or "").split(";")
                    if label.strip()
                ),
            }
            for column in ("description", "memo"):
                check_text(row.get(column), column.capitalize())
        except (InvalidName, InvalidText) as exc:
            hint = "; put the parent in the 'parent' column" if "'/'" in str(exc) else ""
            raise type(exc)(f"{path}, row {number}: {exc}{hint}") from exc
        checked.append(row)
    return checked


@contextmanager
def _at(path: Path, row: dict[str, Any], column: str) -> Iterator[None]:
    """A refusal of the codebook's, told with the row and column it came from."""
    try:
        yield
    except TableError:
        raise
    except QdawError as exc:
        raise TableError(path, [Problem(row["row"], column, str(exc))]) from exc


def _apply_row(
    codebook: Codebook, coding: Coding, path: Path, row: dict[str, Any], parent: Any
) -> int:
    name = row["name"]
    siblings = {c.name: c for c in (codebook.codes(parent=parent) if parent else _top(codebook))}
    color_column = "color" if row.get("color") else "colour"
    color = row.get(color_column)
    if name in siblings:
        code = siblings[name]
        if row.get("description"):
            codebook.describe_code(code, row["description"])
        made = 0
    else:
        with _at(path, row, "name"):
            code = codebook.add_code(name, parent=parent, description=row.get("description"))
        made = 1
    if color:
        with _at(path, row, color_column):
            codebook.recolor_code(code, color)
    if row.get("memo"):
        with _at(path, row, "memo"):
            coding.set_memo(code, row["memo"])
    for label in filter(None, (part.strip() for part in (row.get("hypotheses") or "").split(";"))):
        with _at(path, row, "hypotheses"):
            try:
                hypothesis = codebook.hypothesis(label)
            except NotFoundError:
                hypothesis = codebook.add_hypothesis(label)
            codebook.link_code(code, hypothesis)
    return made


def _top(codebook: Codebook) -> list[Any]:
    return [c for c in codebook.codes() if c.parent is None]
