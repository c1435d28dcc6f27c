"""Text units for selections: word boundaries, paragraphs, accent-insensitive folding."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD_CHAR = re.compile(r"[\w'’-]")


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) so that it neither begins nor ends inside a word, and trim
    the white space at its edges. Returns the span unchanged when it holds no word."""
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return start, end
    while start > 0 and _WORD_CHAR.match(text[start - 1]) and _WORD_CHAR.match(text[start]):
        start -= 1
    while end < len(text) and _WORD_CHAR.match(text[end]) and _WORD_CHAR.match(text[end - 1]):
        end += 1
    return start, end


def paragraph_at(text: str, position: int) -> tuple[int, int]:
    """The line (paragraph) holding ``position``, without its newline."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    table = {}
    for code in range(0x80, 0x2500):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base != char and len(base) == 1:
            table[code] = base
    table.update({ord("’"): "'", ord("œ"): "œ", ord("Œ"): "Œ"})
    return table


def fold(text: str, accents: bool = False, case: bool = False) -> str:
    """A same-length copy of ``text`` for matching: without accents unless ``accents``,
    lower-cased unless ``case``. Offsets in the copy are offsets in the original."""
    folded = text if accents else text.translate(_fold_table())
    if not case:
        lowered = folded.lower()
        # lower() can lengthen a few characters (İ); keep offsets exact in that case.
        folded = lowered if len(lowered) == len(folded) else "".join(c.lower()[0] for c in folded)
    return folded
