"""Storing an a-priori codebook read by qdaw.ingest.codebook: one undo step."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from qdaw.core.names import CODE, HYPOTHESIS, check_name, check_text
from qdaw.core.operations import op
from qdaw.errors import InvalidName, InvalidText, NotFoundError, QdawError

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
        raise QdawError(f"{path}: the codebook has no codes")
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
                created += _apply_row(codebook, coding, row, parent_code)
            if len(waiting) == len(pending):
                missing = ", ".join(sorted({str(r["parent"]) for r in waiting}))
                raise QdawError(f"{path}: parent codes not found: {missing}")
            pending = waiting
    return created


def _checked(path: Path, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with a name, their names, labels and texts checked before anything is
    stored; a refusal names the file and the row (the header is row 1)."""
    checked = []
    for number, row in enumerate(rows, start=2):
        if not row.get("name"):
            continue
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


def _apply_row(codebook: Codebook, coding: Coding, row: dict[str, Any], parent: Any) -> int:
    name = row["name"]
    siblings = {c.name: c for c in (codebook.codes(parent=parent) if parent else _top(codebook))}
    color = row.get("color") or row.get("colour")
    if name in siblings:
        code = siblings[name]
        if row.get("description"):
            codebook.describe_code(code, row["description"])
        if color:
            codebook.recolor_code(code, color)
        made = 0
    else:
        code = codebook.add_code(
            name, parent=parent, color=color, description=row.get("description")
        )
        made = 1
    if row.get("memo"):
        coding.set_memo(code, row["memo"])
    for label in filter(None, (part.strip() for part in (row.get("hypotheses") or "").split(";"))):
        try:
            hypothesis = codebook.hypothesis(label)
        except NotFoundError:
            hypothesis = codebook.add_hypothesis(label)
        codebook.link_code(code, hypothesis)
    return made


def _top(codebook: Codebook) -> list[Any]:
    return [c for c in codebook.codes() if c.parent is None]
