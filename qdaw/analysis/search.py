"""Finding text in documents (accent- and case-insensitive on request)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from sqlalchemy import select

from qdaw.analysis.scope import ALL, Scope
from qdaw.core import models as m
from qdaw.core.text_units import fold

if TYPE_CHECKING:
    from qdaw.core.store import Store


@dataclass(frozen=True)
class TextHit:
    document_id: int
    document: str
    case: str
    start: int
    end: int
    context: str  # the match with some words around it, on one line


@lru_cache(maxsize=4)
def _variants(accents: bool, case: bool) -> dict[str, str]:
    """Each folded character → every character that folds to it (é, è, É … for "e")."""
    groups: dict[str, list[str]] = {}
    for code in range(0x20, 0x2500):
        char = chr(code)
        folded = fold(char, accents, case)
        if len(folded) == 1:
            groups.setdefault(folded, []).append(char)
    return {key: "".join(chars) for key, chars in groups.items()}


@lru_cache(maxsize=256)
def _pattern(query: str, accents: bool, case: bool, whole_words: bool) -> re.Pattern[str]:
    """A regular expression that matches, in the original text, exactly what the folded
    query matches in the folded text: each letter becomes the class of its variants.
    The text itself is never folded (copying 2 million words for each search was most
    of a search's time)."""
    variants = _variants(accents, case)
    parts = []
    for char in fold(query, accents, case):
        chars = variants.get(char)
        if chars is None:  # beyond the table, folding only lowers the case
            chars = char if case else "".join({char, char.upper(), char.lower()})
        parts.append(re.escape(chars) if len(chars) == 1 else f"[{re.escape(chars)}]")
    pattern = "".join(parts)
    if whole_words:
        pattern = rf"(?<!\w){pattern}(?!\w)"
    # No IGNORECASE: it would also let "i" match "ı", which folding does not.
    return re.compile(pattern)


def find_in_text(
    text: str, query: str, accents: bool = False, case: bool = False, whole_words: bool = False
) -> list[tuple[int, int]]:
    """(start, end) of every match of ``query`` in ``text``, accents and case ignored
    unless asked for (offsets are the text's own: folding keeps lengths)."""
    if not query:
        return []
    return [
        (hit.start(), hit.end())
        for hit in _pattern(query, accents, case, whole_words).finditer(text)
    ]


def find_text(
    store: Store,
    query: str,
    scope: Scope = ALL,
    accents: bool = False,
    case: bool = False,
    whole_words: bool = False,
    context: int = 40,
) -> list[TextHit]:
    """Every match across the documents in scope, in document order."""
    statement = (
        select(m.documents.c.id, m.documents.c.name, m.cases.c.name, m.document_texts.c.text)
        .join(m.cases, m.cases.c.id == m.documents.c.case_id)
        .join(m.document_texts, m.document_texts.c.document_id == m.documents.c.id)
        .where(*scope.document_conditions())
        .order_by(m.documents.c.id)
    )
    hits = []
    for doc_id, name, case_name, text in store.rows(statement):
        for start, end in find_in_text(text, query, accents, case, whole_words):
            left = text[max(0, start - context) : start].replace("\n", " ")
            right = text[end : end + context].replace("\n", " ")
            hits.append(
                TextHit(doc_id, name, case_name, start, end, f"…{left}[{text[start:end]}]{right}…")
            )
    return hits
