"""Searching the indexed text: exact words, prefixes (évalu*), phrases, lemmas, regex.

Word modes use the token index (folded forms and lemmas, B-tree indexed), so they cost
index look-ups, not scans. Exact search can then require accents and case.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING, Literal

from sqlalchemy import and_, select

from qdaw.analysis.frequencies import _frame
from qdaw.analysis.scope import ALL, Scope
from qdaw.core import models as m
from qdaw.core.errors import QdawError
from qdaw.core.text_units import fold

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.core.project import Project

Mode = Literal["exact", "lemma", "regex", "phrase"]
COLUMNS = ["document", "case", "start", "end", "match", "sentence"]
_WORDS = re.compile(r"[\w'’-]+")


def _query_terms(project: Project, query: str, mode: Mode, language: str) -> list[str]:
    if mode == "lemma":
        from qdaw.nlp.pipeline import pipeline

        doc = pipeline(language)(query)
        return [fold(t.lemma_ or t.text) for t in doc if not (t.is_space or t.is_punct)]
    return [fold(word) for word in _WORDS.findall(query)] + (
        ["*"] if query.rstrip().endswith("*") else []
    )


def _token_hits(
    project: Project, terms: list[str], column: str, scope: Scope
) -> list[tuple[int, int, int]]:
    """(document, start, end) of consecutive tokens matching the terms; a final '*'
    makes the last term a prefix."""
    prefix = bool(terms) and terms[-1] == "*"
    if prefix:
        terms = terms[:-1]
    if not terms:
        raise QdawError("the search has no word in it")
    aliases = [m.tokens.alias(f"t{i}") for i in range(len(terms))]
    first, last = aliases[0], aliases[-1]
    conditions = []
    for i, (alias, term) in enumerate(zip(aliases, terms, strict=True)):
        value = alias.c[column]
        if prefix and i == len(terms) - 1:
            # A prefix is a range of the index: "evalu" <= form < "evalv".
            conditions += [value >= term, value < term[:-1] + chr(ord(term[-1]) + 1)]
        else:
            conditions.append(value == term)
        if i:
            previous = aliases[i - 1]
            conditions += [alias.c.document_id == previous.c.document_id,
                           alias.c.position == previous.c.position + 1]  # fmt: skip
    statement = select(first.c.document_id, first.c.start_offset, last.c.end_offset)
    for alias in aliases[1:]:
        statement = statement.join(alias, and_(alias.c.document_id == first.c.document_id))
    statement = statement.where(*conditions)
    if scope.case_ids is not None:
        statement = statement.where(
            first.c.document_id.in_(
                select(m.documents.c.id).where(m.documents.c.case_id.in_(scope.case_ids))
            )
        )
    ordered = statement.order_by(first.c.document_id, first.c.start_offset)
    return [(int(r[0]), int(r[1]), int(r[2])) for r in project._rows(ordered)]


def search(
    project: Project,
    query: str,
    mode: Mode = "exact",
    scope: Scope = ALL,
    accents: bool = False,
    case: bool = False,
    language: str | None = None,
) -> pd.DataFrame:
    """One row per match, in document order: document, case, start, end, match, sentence.

    ``exact`` finds words (a phrase for several words, a prefix with a final ``*``),
    accent- and case-insensitively unless ``accents`` / ``case``; ``phrase`` is exact
    on a word sequence; ``lemma`` finds every inflected form ("vouloir" finds "voulais");
    ``regex`` is a Python regular expression on the text.
    """
    import pandas as pd

    if mode not in ("exact", "lemma", "regex", "phrase"):
        raise QdawError(f"search mode must be exact, lemma, regex or phrase, not {mode!r}")
    from qdaw.nlp.indexing import unindexed

    missing = unindexed(project)
    if missing and mode != "regex":
        names = ", ".join(str(project._value(m.documents, i, "name")) for i in missing[:5])
        raise QdawError(f"these documents are not indexed yet: {names} (run the text index)")
    documents = _frame(
        project,
        select(m.documents.c.id, m.documents.c.name, m.cases.c.name, m.documents.c.language)
        .join(m.cases, m.cases.c.id == m.documents.c.case_id)
        .where(*scope.document_conditions()),
        ["id", "document", "case", "language"],
    ).set_index("id")
    if mode == "regex":
        try:
            pattern = re.compile(query, 0 if case else re.IGNORECASE)
        except re.error as exc:
            raise QdawError(f"regular expression {query!r}: {exc}") from exc
        hits = [
            (doc_id, hit.start(), hit.end())
            for doc_id in documents.index
            for hit in pattern.finditer(project.document_text(int(doc_id)))
        ]
    else:
        language = language or project.get_meta("language") or _main_language(documents)
        column = "lemma" if mode == "lemma" else "form"
        hits = _token_hits(project, _query_terms(project, query, mode, language), column, scope)
    rows = []
    texts: dict[int, str] = {}
    sentences = _sentences(project, sorted({h[0] for h in hits}))
    for doc_id, start, end in hits:
        if doc_id not in documents.index:
            continue
        text = texts.setdefault(doc_id, project.document_text(doc_id))
        match = text[start:end]
        if mode in ("exact", "phrase") and (accents or case):
            wanted = query.rstrip("*").strip()
            if not fold(match, accents, case).startswith(fold(wanted, accents, case)):
                continue
        starts, spans = sentences.get(doc_id, ([], []))
        index = bisect_right(starts, start) - 1
        sentence = text[spans[index][0] : spans[index][1]] if index >= 0 else ""
        rows.append(
            (
                documents.at[doc_id, "document"],
                documents.at[doc_id, "case"],
                start,
                end,
                match,
                sentence,
            )
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def _main_language(documents: pd.DataFrame) -> str:
    languages = documents["language"].dropna()
    return str(languages.mode().iloc[0]) if len(languages) else "fr"


def _sentences(
    project: Project, document_ids: list[int]
) -> dict[int, tuple[list[int], list[tuple[int, int]]]]:
    units = project._rows(
        select(m.text_units.c.document_id, m.text_units.c.start_offset, m.text_units.c.end_offset)
        .where(m.text_units.c.kind == "sentence", m.text_units.c.document_id.in_(document_ids))
        .order_by(m.text_units.c.document_id, m.text_units.c.start_offset)
    )
    found: dict[int, tuple[list[int], list[tuple[int, int]]]] = {}
    for doc_id, start, end in units:
        starts, spans = found.setdefault(doc_id, ([], []))
        starts.append(start)
        spans.append((start, end))
    return found
