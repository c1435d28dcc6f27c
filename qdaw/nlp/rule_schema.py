"""The shape of a rule file, checked before any rule runs.

A hand-written schema (the file is small, and its messages must name the rule and the
field a researcher got wrong): every key is known, every value of the expected kind,
and the walk goes no deeper than a rule file does, so a hostile file (huge, or nested a
hundred thousand levels) is refused in bounded time and memory. What a token's
attributes mean (LEMMA, POS, OP…) is spaCy's to check, with its own validation.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

from qdaw.core.names import CODE, PATH_SEPARATOR, check_name, shown
from qdaw.errors import InvalidName, InvalidRuleFile

#: A rule file is written by hand: a few kilobytes. Anything this big is not one.
MAX_BYTES = 5 * 1024 * 1024
UNITS = ("match", "sentence", "paragraph")
FILE_KEYS = ("rules",)
RULE_KEYS = ("code", "patterns", "unit", "speakers")
EXAMPLE_PATTERNS = '[[{"LEMMA": "tricher"}]]'
SCALARS = (str, int, float, bool)


def read_rule_file(path: Path) -> Any:
    """The parsed JSON of a rule file, or InvalidRuleFile saying why not."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InvalidRuleFile(
                f"{path}: the rule file is {size / 1e6:.1f} MB; a rule file may be at most "
                f"{MAX_BYTES // (1024 * 1024)} MB"
            )
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InvalidRuleFile(f"{path}: cannot read the rule file ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise InvalidRuleFile(
            f"{path}: not a JSON rule file (not UTF-8 text: byte {exc.start + 1})"
        ) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidRuleFile(f"{path}: not a JSON rule file ({exc})") from exc
    except RecursionError as exc:  # the decoder's own bound on nesting
        raise InvalidRuleFile(
            f"{path}: not a rule file: its lists and objects are nested too deeply"
        ) from exc


def _unknown(where: str, keys: Any, known: tuple[str, ...], what: str) -> None:
    for key in keys:
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise InvalidRuleFile(
                f"{where}: unknown key {shown(str(key))}{hint}; {what} has {', '.join(known)}"
            )


def check_rule_file(content: Any, name: str) -> list[dict[str, Any]]:
    """The rules of a parsed rule file, each with its code (checked as a code path),
    patterns, unit and speakers; InvalidRuleFile names the rule and the field."""
    shape = f'{{"rules": [{{"code": …, "patterns": {EXAMPLE_PATTERNS}}}]}}'
    if not isinstance(content, dict):
        raise InvalidRuleFile(f"{name}: a rule file is an object {shape}")
    _unknown(name, content, FILE_KEYS, "a rule file")
    entries = content.get("rules")
    if not isinstance(entries, list) or not entries:
        raise InvalidRuleFile(f"{name}: 'rules' must be a non-empty list of rules, as in {shape}")
    return [_check_rule(entry, f"{name}: rule {n}") for n, entry in enumerate(entries, start=1)]


def _check_rule(entry: Any, where: str) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise InvalidRuleFile(
            f'{where}: a rule is an object {{"code": …, "patterns": {EXAMPLE_PATTERNS}}}'
        )
    code = entry.get("code")
    if isinstance(code, str) and code.strip():
        where = f"{where} ({shown(code.strip())})"
    _unknown(where, entry, RULE_KEYS, "a rule")
    if "code" not in entry:
        raise InvalidRuleFile(f"{where}: 'code' is missing: the code to apply, e.g. \"Triche\"")
    if not isinstance(code, str):
        raise InvalidRuleFile(
            f"{where}: 'code' must be a code's name or path, e.g. \"Évaluation/Triche\""
        )
    try:
        parts = [check_name(part, CODE) for part in code.split(PATH_SEPARATOR) if part.strip()]
        if not parts:
            check_name(code, CODE)
    except InvalidName as exc:
        raise InvalidRuleFile(f"{where}: 'code': {exc}") from exc
    unit = entry.get("unit", "match")
    if unit not in UNITS:
        raise InvalidRuleFile(f"{where}: 'unit' must be one of {', '.join(UNITS)}")
    speakers = entry.get("speakers", [])
    if not isinstance(speakers, list) or not all(
        isinstance(s, str) and s.strip() for s in speakers
    ):
        raise InvalidRuleFile(
            f"{where}: 'speakers' must be a list of speaker names, e.g. [\"respondent\"]"
        )
    return {
        "code": PATH_SEPARATOR.join(parts),
        "patterns": _check_patterns(entry.get("patterns"), where),
        "unit": unit,
        "speakers": [s.strip() for s in speakers],
    }


def _check_patterns(patterns: Any, where: str) -> list[list[dict[str, Any]]]:
    if not isinstance(patterns, list) or not patterns:
        raise InvalidRuleFile(
            f"{where}: 'patterns' must be a list of patterns, each a list of token "
            f"descriptions, e.g. {EXAMPLE_PATTERNS}"
        )
    for p, pattern in enumerate(patterns, start=1):
        if not isinstance(pattern, list) or not pattern:
            raise InvalidRuleFile(
                f"{where}: pattern {p} must be a list of token descriptions, "
                f'e.g. [{{"LEMMA": "tricher"}}]'
            )
        for t, token in enumerate(pattern, start=1):
            if not isinstance(token, dict) or not token:
                raise InvalidRuleFile(
                    f"{where}: pattern {p}, token {t} must be an object, "
                    'e.g. {"LEMMA": "tricher"}'
                )
            for key, value in token.items():
                if not _attribute_value(value):
                    raise InvalidRuleFile(
                        f"{where}: pattern {p}, token {t}: {shown(key)} must be a word, a "
                        'number, true or false, or an object such as {"IN": ["a", "b"]}'
                    )
    return patterns


def _attribute_value(value: Any) -> bool:
    """A word, number or flag; or {"IN": [...]}, {"REGEX": "..."}, {">=": 3}…: one level
    of object, whose values are scalars or lists of scalars (what spaCy takes)."""
    if isinstance(value, SCALARS):
        return True
    if not isinstance(value, dict) or not value:
        return False
    return all(
        isinstance(v, SCALARS) or (isinstance(v, list) and all(isinstance(x, SCALARS) for x in v))
        for v in value.values()
    )
