"""Checking a respondent-variables table before it is stored (``Library.import_variables``
stores it): each problem with its row and column, against the variables the project has
at the moment of storing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import reduce
from typing import Any

from qdaw.ingest.table import Problem, Row, Table

NUMBER_KINDS = ("integer", "float")


@dataclass
class VariablesImport:
    """What an import of respondent variables did: how many respondents' rows were
    stored, and the rows left out (only with ``skip_bad_rows``), each with its problem."""

    cases: int
    skipped: list[Problem] = field(default_factory=list)


def kind_of(value: str) -> str:
    """'12' is integer, '3,5' and '3.5' float, anything else text."""
    try:
        int(value)
        return "integer"
    except ValueError:
        pass
    try:
        float(value.replace(",", "."))
        return "float"
    except ValueError:
        return "text"


def widen_type(current: str, incoming: str) -> str:
    """The narrowest type holding both: integer < float < text."""
    order = ["integer", "float", "text"]
    return order[max(order.index(current), order.index(incoming))]


def infer_type(values: Iterable[Any]) -> str:
    """The narrowest type holding every non-empty value ("text" when there is none)."""
    kinds = {kind_of(str(v).strip()) for v in values if v is not None and str(v).strip()}
    return reduce(widen_type, kinds, "integer") if kinds else "text"


def column_kind(existing: str | None, values: list[str]) -> str:
    """The type a column is stored as: an existing variable's (a whole-number one widened
    by a decimal), else the narrowest that holds the values.

    A new column of numbers with a few words is a number column with typos, as a number
    variable is when typed into: most values numbers makes it a number column, and the
    words are refused (a variable meant to hold words can be made a text one first).
    """
    kinds = [kind_of(v) for v in values if v]
    numbers = [k for k in kinds if k != "text"]
    if existing is None:
        if not numbers or len(numbers) * 2 <= len(kinds):
            return "text"
        existing = "integer"
    if existing == "integer" and "float" in numbers:
        return "float"
    return existing


def check_variables(table: Table, types: dict[str, str]) -> tuple[list[Problem], dict[str, str]]:
    """Every problem of the table's rows (a respondent without a name or on two rows,
    words in a number column) and the type each column is stored as. ``types``: the
    project's variables and their types."""
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
    kinds: dict[str, str] = {}
    for index, name in enumerate(table.header[1:], start=1):
        kind = column_kind(types.get(name), [row.cells[index] for row in table.rows])
        kinds[name] = kind
        if kind not in NUMBER_KINDS:
            continue
        what = "a whole number" if kind == "integer" else "a number"
        for row in table.rows:
            value = row.cells[index]
            if value and kind_of(value) == "text":
                message = f"'{value}' is not {what} ({name} holds numbers)"
                problems.append(Problem(row.number, name, message))
    return sorted(problems, key=lambda p: p.row), kinds


def good_rows(table: Table, problems: list[Problem]) -> list[Row]:
    bad = {problem.row for problem in problems}
    return [row for row in table.rows if row.number not in bad]
