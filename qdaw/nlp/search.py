"""Searching the indexed text: exact words, prefixes (évalu*), phrases, lemmas, regex.

Word modes use the token index (folded forms and lemmas, B-tree indexed), so they cost
index look-ups, not scans. Exact search can then require accents and case.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import func, select

from qdaw.analysis.scope import ALL, Scope
from qdaw.core import models as m
from qdaw.core.text_units import fold
from qdaw.errors import QdawError
from qdaw.nlp.fulltext import positions as fulltext_positions

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.core.store import Store

Mode = Literal["exact", "lemma", "regex", "phrase"]
COLUMNS = [
    "document", "case", "start", "end", "match", "sentence",
    "document_id", "sentence_start", "sentence_end",
]  # fmt: skip
# Words that any tokenizer keeps whole: letters only.
_PLAIN = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)*")


def _query_terms(store: Store, query: str, mode: Mode, language: str) -> list[str]:
    if mode == "lemma":
        from qdaw.nlp.pipeline import pipeline

        doc = pipeline(language)(query)
        return [fold(t.lemma_ or t.text) for t in doc if not (t.is_space or t.is_punct)]
    prefix = query.rstrip().endswith("*")
    words = query.rstrip().rstrip("*")
    if _PLAIN.fullmatch(words):
        terms = [fold(word) for word in words.split()]
    else:
        # Apostrophes and hyphens: cut as the index was (qu'ils -> qu' + ils).
        from qdaw.nlp.pipeline import tokenizer

        doc = tokenizer(language)(words)
        terms = [fold(t.text) for t in doc if not (t.is_space or t.is_punct)]
    return terms + (["*"] if prefix else [])


def _token_hits(store: Store, terms: list[str], column: str, scope: Scope) -> Any:
    """A subquery of (document_id, start, end, sentence_id) for consecutive tokens
    matching the terms; a final '*' makes the last term a prefix.

    Word forms are looked up in the full-text index (FTS5 / tsvector), anchored on the
    longest word of a phrase (long words are rare: "distance" before "à"); the token
    table turns positions into offsets and checks the other words. Lemmas use the
    token table's lemma index."""
    prefix = bool(terms) and terms[-1] == "*"
    if prefix:
        terms = terms[:-1]
    if not terms:
        raise QdawError("the search has no word in it")
    aliases = [m.tokens.alias(f"t{i}") for i in range(len(terms))]
    anchor_at = max(range(len(terms)), key=lambda i: len(terms[i]))
    anchor = aliases[anchor_at]
    conditions = []
    for i, (alias, term) in enumerate(zip(aliases, terms, strict=True)):
        value = alias.c[column]
        if prefix and i == len(terms) - 1:
            # A prefix is a range of the index: "evalu" <= form < "evalv".
            conditions += [value >= term, value < term[:-1] + chr(ord(term[-1]) + 1)]
        else:
            conditions.append(value == term)
        if i != anchor_at:
            conditions += [
                alias.c.document_id == anchor.c.document_id,
                alias.c.position == anchor.c.position + (i - anchor_at),
            ]
    statement = select(
        aliases[0].c.document_id.label("document_id"),
        aliases[0].c.start_offset.label("start"),
        aliases[-1].c.end_offset.label("end"),
        aliases[0].c.sentence_id.label("sentence_id"),
    )
    if column == "form":
        is_prefix = prefix and anchor_at == len(terms) - 1
        found = fulltext_positions(store.engine.dialect.name, terms[anchor_at], is_prefix).subquery(
            "found"
        )
        statement = statement.select_from(found).join(
            anchor,
            (anchor.c.document_id == found.c.document_id) & (anchor.c.position == found.c.position),
        )
    else:
        statement = statement.select_from(anchor)
    for i, alias in enumerate(aliases):
        if i != anchor_at:
            statement = statement.join(alias, alias.c.document_id == anchor.c.document_id)
    statement = statement.where(*conditions)
    if scope.case_ids is not None or scope.document_ids is not None:
        statement = statement.where(
            anchor.c.document_id.in_(select(m.documents.c.id).where(*scope.document_conditions()))
        )
    return statement.subquery("hits")


def _with_context(hits: Any) -> Any:
    """Hits with their sentence: each token names its sentence, so the context is one
    primary-key seek. Names and order are added afterwards, on whole columns."""
    sentence = m.text_units.alias("sentence")
    return select(
        hits.c.document_id,
        hits.c.start,
        hits.c.end,
        sentence.c.start_offset,
        sentence.c.end_offset,
    ).outerjoin(sentence, sentence.c.id == hits.c.sentence_id)


def search(
    store: Store,
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
    if mode not in ("exact", "lemma", "regex", "phrase"):
        raise QdawError(f"search mode must be exact, lemma, regex or phrase, not {mode!r}")
    from qdaw.nlp.indexing import unindexed

    missing = unindexed(store)
    if missing and mode != "regex":
        names = ", ".join(str(store.value(m.documents, i, "name")) for i in missing[:5])
        raise QdawError(f"these documents are not indexed yet: {names} (run the text index)")
    if mode == "regex":
        return _regex_search(store, query, scope, case)
    language = language or store.get_meta("language") or _main_language(store)
    column = "lemma" if mode == "lemma" else "form"
    terms = _query_terms(store, query, mode, language)
    frame = hits_frame(store, _with_context(_token_hits(store, terms, column, scope)))
    if mode in ("exact", "phrase") and (accents or case):
        wanted = fold(query.rstrip("*").strip(), accents, case)
        keep = [fold(match, accents, case).startswith(wanted) for match in frame["match"]]
        frame = frame[keep].reset_index(drop=True)
    return frame


def hits_frame(store: Store, statement: Any) -> pd.DataFrame:
    """The search's rows (COLUMNS) for a statement of (document_id, start, end,
    sentence start, sentence end), in document order."""
    import pandas as pd

    located = store.rows(statement)
    located.sort(key=lambda row: (row[0], row[1]))
    documents = {int(row[0]) for row in located}
    # Each document's text is read once, however many hits it has.
    texts = dict(
        store.rows(
            select(m.document_texts.c.document_id, m.document_texts.c.text).where(
                m.document_texts.c.document_id.in_(documents)
            )
        )
    )
    labels = {
        int(row[0]): (row[1], row[2])
        for row in store.rows(
            select(m.documents.c.id, m.documents.c.name, m.cases.c.name)
            .join(m.cases, m.cases.c.id == m.documents.c.case_id)
            .where(m.documents.c.id.in_(documents))
        )
    }
    # Without a sentence (a label's words), the hit is its own context.
    rows = [
        (*labels[doc], start, end, texts[doc][start:end],
         texts[doc][s_start:s_end] if s_start is not None else texts[doc][start:end],
         doc, start if s_start is None else s_start, end if s_end is None else s_end)
        for doc, start, end, s_start, s_end in located
    ]  # fmt: skip
    return pd.DataFrame.from_records(rows, columns=COLUMNS)


def _regex_search(store: Store, query: str, scope: Scope, case: bool) -> pd.DataFrame:
    import pandas as pd

    try:
        pattern = re.compile(query, 0 if case else re.IGNORECASE)
    except re.error as exc:
        raise QdawError(f"regular expression {query!r}: {exc}") from exc
    documents = store.rows(
        select(m.documents.c.id, m.documents.c.name, m.cases.c.name, m.document_texts.c.text)
        .join(m.cases, m.cases.c.id == m.documents.c.case_id)
        .join(m.document_texts, m.document_texts.c.document_id == m.documents.c.id)
        .where(*scope.document_conditions())
        .order_by(m.documents.c.id)
    )
    sentences = _sentences(store, [int(d[0]) for d in documents])
    rows = []
    for doc_id, name, case_name, text in documents:
        starts, spans = sentences.get(int(doc_id), ([], []))
        for hit in pattern.finditer(text):
            index = bisect_right(starts, hit.start()) - 1
            first, last = spans[index] if index >= 0 else (hit.start(), hit.end())
            rows.append(
                (name, case_name, hit.start(), hit.end(), hit.group(), text[first:last],
                 doc_id, first, last)
            )  # fmt: skip
    return pd.DataFrame(rows, columns=COLUMNS)


def _main_language(store: Store) -> str:
    rows = store.rows(
        select(m.documents.c.language, func.count())
        .where(m.documents.c.language.is_not(None))
        .group_by(m.documents.c.language)
        .order_by(func.count().desc())
    )
    return str(rows[0][0]) if rows else "fr"


def _sentences(
    store: Store, document_ids: list[int]
) -> dict[int, tuple[list[int], list[tuple[int, int]]]]:
    units = store.rows(
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
