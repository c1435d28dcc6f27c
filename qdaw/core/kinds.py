"""The types of variables and the values each accepts.

A value is stored as text in one canonical spelling per type, so that filters, crosstabs
and other writers read it alike: integers as typed ("007" reads 7), decimals with their
comma or point, dates as ISO "YYYY-MM-DD" (typed "14/05/2020" too), yes/no as "yes" or
"no" (typed oui/non, true/false, 1/0, vrai/faux too), categorical values as the level's
own spelling. ``parse`` turns what a user typed into that text or says why it does not
fit; ``typed`` reads the stored text back as a Python value.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from qdaw.errors import ConflictError

if TYPE_CHECKING:
    import pandas as pd

KINDS = ("text", "integer", "decimal", "date", "boolean", "categorical")
#: Other spellings accepted for a type: "float" is what projects before decimals said.
ALIASES = {"float": "decimal", "yes/no": "boolean", "bool": "boolean", "number": "decimal"}
NUMBERS = ("integer", "decimal")

_TRUE = {"yes", "oui", "true", "vrai", "1"}
_FALSE = {"no", "non", "false", "faux", "0"}
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
#: What a message says a type holds.
WHAT = {
    "integer": "a whole number",
    "decimal": "a number",
    "date": "a date (YYYY-MM-DD or DD/MM/YYYY)",
    "boolean": "yes or no (oui/non, true/false, 1/0)",
}


@dataclass(frozen=True)
class VariableInfo:
    """A variable as stored: ``scope`` "case" (a respondent's) or "document"."""

    id: int
    name: str
    kind: str
    scope: str
    levels: list[str] | None


def canonical_kind(kind: str) -> str:
    """The type's own name, or a ConflictError listing the types."""
    name = ALIASES.get(kind.strip().casefold(), kind.strip().casefold())
    if name not in KINDS:
        raise ConflictError(
            f"variable type must be text, integer, decimal, date, boolean (yes/no) or "
            f"categorical, not {kind!r}"
        )
    return name


def check_levels(levels: Any) -> list[str]:
    """A categorical variable's levels: distinct, non-blank, in their order."""
    if levels is None or isinstance(levels, str):
        raise ConflictError("a categorical variable needs its levels, in order (a list)")
    cleaned = [str(level).strip() for level in levels]
    if not cleaned or any(not level for level in cleaned):
        raise ConflictError("a categorical variable's levels may not be blank")
    folded = [level.casefold() for level in cleaned]
    for index, level in enumerate(folded):
        if level in folded[:index]:
            raise ConflictError(f"the level {cleaned[index]!r} is given twice")
    return cleaned


def levels_of(stored: str | None) -> list[str] | None:
    """The levels column (JSON) read back."""
    return None if stored is None else [str(level) for level in json.loads(stored)]


def levels_json(levels: list[str] | None) -> str | None:
    return None if levels is None else json.dumps(levels, ensure_ascii=False)


def _date(text: str) -> str | None:
    match = _ISO.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _DMY.match(text)
        if not match:
            return None
        day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def fit(kind: str, value: Any, levels: list[str] | None = None) -> str | None:
    """The canonical text of ``value`` for a ``kind`` variable, None when it is empty;
    a ValueError saying why when it does not fit."""
    if value is None:
        return None
    if isinstance(value, bool) and kind == "boolean":
        return "yes" if value else "no"
    if isinstance(value, date) and kind == "date":
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    if kind == "text":
        return text
    if kind == "integer":
        try:
            int(text)
        except ValueError:
            raise ValueError(f"is not {WHAT[kind]}") from None
        return text
    if kind == "decimal":
        try:
            float(text.replace(",", "."))
        except ValueError:
            raise ValueError(f"is not {WHAT[kind]}") from None
        return text
    if kind == "date":
        found = _date(text)
        if found is None:
            raise ValueError(f"is not {WHAT[kind]}")
        return found
    if kind == "boolean":
        folded = text.casefold()
        if folded in _TRUE:
            return "yes"
        if folded in _FALSE:
            return "no"
        raise ValueError(f"is not {WHAT[kind]}")
    for level in levels or []:
        if level.casefold() == text.casefold():
            return level
    raise ValueError(f"is not one of the levels ({', '.join(levels or [])})")


def parse(kind: str, value: Any, levels: list[str] | None, variable: str, who: str) -> str | None:
    """``fit``, with a ConflictError naming the respondent or document, the variable
    and the value."""
    try:
        return fit(kind, value, levels)
    except ValueError as exc:
        raise ConflictError(f"{who}, {variable}: “{str(value).strip()}” {exc}") from None


def typed(stored: str | None, kind: str) -> Any:
    """A stored value as Python reads it: int, float, date, bool or str (a value stored
    before the variable had its type, that does not fit, stays text)."""
    if stored is None:
        return None
    try:
        if kind == "integer":
            return int(stored)
        if kind == "decimal":
            return float(stored.replace(",", "."))
        if kind == "date":
            return date.fromisoformat(stored)
        if kind == "boolean":
            return fit("boolean", stored) == "yes"
    except ValueError:
        return stored
    return stored


def kind_of(value: str) -> str:
    """The narrowest type a new variable's value suggests: integer, decimal or text
    (dates, yes/no and categories are chosen, never guessed)."""
    try:
        int(value)
        return "integer"
    except ValueError:
        pass
    try:
        float(value.replace(",", "."))
        return "decimal"
    except ValueError:
        return "text"


def widen(current: str, incoming: str) -> str:
    """The narrowest type holding both: a whole number fits a decimal, anything text."""
    current, incoming = ALIASES.get(current, current), ALIASES.get(incoming, incoming)
    if current == incoming:
        return current
    if {current, incoming} == set(NUMBERS):
        return "decimal"
    return "text"


def typed_column(column: pd.Series, variable: VariableInfo) -> pd.Series:
    """A column of stored values as its type reads: Int64, float, dates, boolean, an
    ordered categorical in the levels' order, or text (a value that does not fit, stored
    before the variable had its type, is missing)."""
    import pandas as pd

    kind = variable.kind

    def fitting(stored: Any) -> Any:
        if not isinstance(stored, str):
            return None
        value = typed(stored, kind)
        if kind == "categorical":
            return value if value in (variable.levels or []) else None
        return None if kind != "text" and isinstance(value, str) else value

    values = [fitting(v) for v in column]
    if kind == "integer":
        return pd.Series(pd.array(values, dtype="Int64"), index=column.index, name=column.name)
    if kind == "decimal":
        floats = [float("nan") if v is None else v for v in values]
        return pd.Series(floats, index=column.index, name=column.name, dtype=float)
    if kind == "boolean":
        return pd.Series(pd.array(values, dtype="boolean"), index=column.index, name=column.name)
    if kind == "categorical":
        categories = pd.Categorical(values, categories=variable.levels or [], ordered=True)
        return pd.Series(categories, index=column.index, name=column.name)
    return pd.Series(values, index=column.index, name=column.name, dtype=object)


def infer(values: Any) -> str:
    """The narrowest type holding every non-empty value ("text" when there is none)."""
    found = [kind_of(str(v).strip()) for v in values if v is not None and str(v).strip()]
    if not found:
        return "text"
    result = found[0]
    for kind in found[1:]:
        result = widen(result, kind)
    return result


def convert(stored: str, old: str, new: str, levels: list[str] | None) -> str | None:
    """A stored value of an ``old`` variable as a ``new`` one's, or a ValueError why not
    (a decimal becomes a whole number only when it is one: "4,0", not "4,5")."""
    if old == "decimal" and new == "integer":
        try:
            number = float(stored.replace(",", "."))
        except ValueError:
            raise ValueError(f"is not {WHAT[new]}") from None
        if not number.is_integer():
            raise ValueError(f"is not {WHAT[new]}")
        return str(int(number))
    return fit(new, stored, levels)
