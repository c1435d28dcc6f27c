"""Checking a respondent-variables table before it is stored (``Library.import_variables``
stores it): each problem with its row and column, against the variables the project has
at the moment of storing."""

from __future__ import annotations

from dataclasses import dataclass, field

from qdaw.core.kinds import NUMBERS, VariableInfo, fit, kind_of
from qdaw.ingest.table import Problem, Row, Table


@dataclass
class VariablesImport:
    """What an import of respondent variables did: how many respondents' rows were
    stored, and the rows left out (only with ``skip_bad_rows``), each with its problem."""

    cases: int
    skipped: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # the type it is stored as


def column_kind(values: list[str]) -> str:
    """The type a new column is stored as: the narrowest that holds the values.

    A new column of numbers with a few words is a number column with typos, as a number
    variable is when typed into: most values numbers makes it a number column, and the
    words are refused (a variable meant to hold words can be made a text one first).
    """
    found = [kind_of(v) for v in values if v]
    numbers = [k for k in found if k != "text"]
    if not numbers or len(numbers) * 2 <= len(found):
        return "text"
    return "decimal" if "decimal" in numbers else "integer"


def _why(name: str, kind: str, reason: str, value: str) -> str:
    held = "holds numbers" if kind in NUMBERS else f"is {kind}"
    return f"'{value}' {reason} ({name} {held})"


def check_variables(
    table: Table, variables: dict[str, VariableInfo]
) -> tuple[list[Problem], list[Column]]:
    """Every problem of the table's rows (a respondent without a name or on two rows, a
    cell that does not fit its column's type) and each column's type. ``variables``:
    the project's variables as they are."""
    problems = list(table.problems)
    case_column = table.label(0)
    first_row: dict[str, int] = {}
    for row in table.rows:
        name = row.cells[0]
        if not name:
            problems.append(Problem(row.number, case_column, "the respondent has no name"))
        elif name in first_row:
            message = f"'{name}' is also on row {first_row[name]}"
            problems.append(Problem(row.number, case_column, message))
        else:
            first_row[name] = row.number
    columns: list[Column] = []
    for index, name in enumerate(table.header[1:], start=1):
        existing = variables.get(name)
        if existing is not None and existing.scope != "case":
            problems.append(Problem(1, name, f"{name} is a document variable, not a respondent's"))
        cells = [row.cells[index] for row in table.rows]
        kind = existing.kind if existing else column_kind(cells)
        levels = existing.levels if existing else None
        columns.append(Column(name, kind))
        for row in table.rows:
            value = row.cells[index]
            try:
                fit(kind, value, levels)
            except ValueError as exc:
                problems.append(Problem(row.number, name, _why(name, kind, str(exc), value)))
    return sorted(problems, key=lambda p: p.row), columns


def good_rows(table: Table, problems: list[Problem]) -> list[Row]:
    bad = {problem.row for problem in problems}
    return [row for row in table.rows if row.number not in bad]
