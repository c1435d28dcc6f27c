"""Finding text in documents (accent- and case-insensitive on request)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from qdaw.analysis.scope import ALL, Scope
from qdaw.core import models as m
from qdaw.core.text_units import fold

if TYPE_CHECKING:
    from qdaw.core.project import Project


@dataclass(frozen=True)
class TextHit:
    document_id: int
    document: str
    case: str
    start: int
    end: int
    context: str  # the match with some words around it, on one line


def find_in_text(
    text: str, query: str, accents: bool = False, case: bool = False, whole_words: bool = False
) -> list[tuple[int, int]]:
    """(start, end) of every match of ``query`` in ``text``."""
    if not query:
        return []
    pattern = re.escape(fold(query, accents, case))
    if whole_words:
        pattern = rf"(?<!\w){pattern}(?!\w)"
    return [(hit.start(), hit.end()) for hit in re.finditer(pattern, fold(text, accents, case))]


def find_text(
    project: Project,
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
    for doc_id, name, case_name, text in project._rows(statement):
        for start, end in find_in_text(text, query, accents, case, whole_words):
            left = text[max(0, start - context) : start].replace("\n", " ")
            right = text[end : end + context].replace("\n", " ")
            hits.append(
                TextHit(doc_id, name, case_name, start, end, f"…{left}[{text[start:end]}]{right}…")
            )
    return hits
