"""What a name may be: codes, cases, documents, hypotheses, variables, coders, the
anonymisation list's names and pseudonyms.

One rule for every kind, checked where a name is written (the API, imports, the command
line and the workbench all come through the services), so SQLite and PostgreSQL store
the same names and refuse the same ones with the same message. A name is NFC-normalised
("é" typed as e + combining accent is the same name as "é") and stripped; it may not be
blank, hold control characters (NUL, tabs, line breaks) or lone surrogates, nor be
longer than its column allows on PostgreSQL. Code names may not hold "/": a path
"Parent/Child" addresses a code. Lookups normalise the same way (``lookup_forms``),
and names already stored are read as they are: only writing is checked.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from qdaw.errors import InvalidName, InvalidText

#: Separates a code from its parent in a path ("Évaluation/Triche").
PATH_SEPARATOR = "/"


@dataclass(frozen=True)
class NameKind:
    label: str  # how a message names it: "Code name", "Hypothesis label"
    what: str  # "a code"
    limit: int  # characters; within the column's size (qdaw.core.models)


CODE = NameKind("Code name", "a code", 255)
CASE = NameKind("Respondent name", "a respondent", 255)
#: Documents leave room for the " (2)" that tells apart two files of the same name.
DOCUMENT = NameKind("Document name", "a document", 240)
HYPOTHESIS = NameKind("Hypothesis label", "a hypothesis", 64)
VARIABLE = NameKind("Variable name", "a variable", 255)
CODER = NameKind("Coder name", "a coder", 255)
ENTITY = NameKind("Name", "a name to anonymise", 255)
PSEUDONYM = NameKind("Pseudonym", "a pseudonym", 255)

#: How many characters of a refused name its message shows.
SHOWN = 60


def shown(value: str) -> str:
    """The value quoted for a message: invisible characters escaped, long ones cut."""
    visible = "".join(ch if ch.isprintable() else _escaped(ch) for ch in value[:SHOWN])
    return f"'{visible}{'…' if len(value) > SHOWN else ''}'"


def _bad_character(value: str, one_line: bool) -> tuple[int, str] | None:
    """The first character that cannot be stored (a lone surrogate, NUL) or, for a
    one-line name, shown (a control character or line separator): (position, kind)."""
    for position, ch in enumerate(value, start=1):
        category = unicodedata.category(ch)
        if category == "Cs":
            return position, "a lone surrogate (not a character: a broken encoding)"
        if ch == "\x00":
            return position, "a NUL character"
        if one_line and (category in ("Cc", "Zl", "Zp")):
            return position, "a control character (names are one line of visible text)"
    return None


def _escaped(ch: str) -> str:
    return ch.encode("unicode_escape", "backslashreplace").decode()


def check_name(value: object, kind: NameKind) -> str:
    """The name as stored (NFC, stripped), or InvalidName saying what is wrong."""
    if not isinstance(value, str):
        raise InvalidName(f"{kind.label} must be text, not {type(value).__name__}")
    name = unicodedata.normalize("NFC", value).strip()
    bad = _bad_character(name, one_line=True)
    if bad is not None:
        position, what = bad
        raise InvalidName(
            f"{kind.label} {shown(name)} contains {what}: "
            f"{_escaped(name[position - 1])} at position {position}"
        )
    if not name:
        raise InvalidName(f"{kind.label} is empty: {kind.what} needs a name")
    if len(name) > kind.limit:
        raise InvalidName(
            f"{kind.label} {shown(name)} is {len(name)} characters long; "
            f"at most {kind.limit} are allowed"
        )
    if kind is CODE and PATH_SEPARATOR in name:
        raise InvalidName(
            f"{kind.label} {shown(name)} contains '/', which separates a code from its parent"
        )
    return name


def check_optional_name(value: str | None, kind: NameKind) -> str | None:
    """None or blank stays None; anything else is checked as a name."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return check_name(value, kind)


def check_text(value: str | None, what: str) -> str | None:
    """A free text (memo, description, statement) as stored: any length and any
    lines, but no lone surrogate or NUL, which no database can store alike."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidText(f"{what} must be text, not {type(value).__name__}")
    bad = _bad_character(value, one_line=False)
    if bad is not None:
        position, kind = bad
        raise InvalidText(
            f"{what} {shown(value)} contains {kind}: "
            f"{_escaped(value[position - 1])} at position {position}"
        )
    return value


def lookup_forms(value: str) -> list[str]:
    """The forms a looked-up name is searched under: the stored form first (NFC,
    stripped), then the value as given (a name stored before names were checked).
    A form no database could hold is left out: nothing can be named so."""
    forms = [unicodedata.normalize("NFC", value).strip(), value]
    return [
        form
        for index, form in enumerate(forms)
        if form and form not in forms[:index] and _bad_character(form, one_line=False) is None
    ]
