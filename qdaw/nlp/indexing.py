"""The text index: sentences, paragraphs, speaker turns and tokens, stored as offsets.

Derived data: rebuilt from the text, so it is on nobody's undo stack; one transaction
per document, logged as an "Index text" write so that other windows see it. The
language it detects is written through the journal (the only journaled row it
changes). A document without units is simply not indexed yet.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, exists, func, select

from qdaw.core import models as m
from qdaw.core.operations import op
from qdaw.core.text_units import fold
from qdaw.nlp.fulltext import optimize, write_document
from qdaw.nlp.pipeline import guess_language, pipeline
from qdaw.nlp.speakers import DEFAULT_PATTERN, Turn, detect_turns, label_spans, without_labels

if TYPE_CHECKING:
    from qdaw.core.store import Store

MAX_TOKEN = 100
INDEX_LABEL = op("index_text")
INDEX_TABLES = ("text_units", "tokens")
# Indexing this many documents at once ends by merging the full-text index.
OPTIMIZE_AFTER = 20


@dataclass
class Analysis:
    language: str
    sentences: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    # start, end, form, lemma, part of speech
    tokens: list[tuple[int, int, str, str, str]] = field(default_factory=list)


def paragraphs_of(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            offset = start + line.index(stripped[0])
            spans.append((offset, offset + len(stripped)))
        start += len(line) + 1
    return spans


def analyse(text: str, language: str | None = None) -> Analysis:
    """Sentences and tokens paragraph by paragraph (a paragraph never splits a sentence
    across lines, and short inputs keep spaCy fast and its memory low)."""
    language = language or guess_language(text)
    nlp = pipeline(language)
    result = Analysis(language, paragraphs=paragraphs_of(text))
    texts = (text[start:end] for start, end in result.paragraphs)
    for (offset, _), doc in zip(result.paragraphs, nlp.pipe(texts, batch_size=64), strict=True):
        for sentence in doc.sents:
            words = [t for t in sentence if not t.is_space]
            if words:
                result.sentences.append(
                    (offset + words[0].idx, offset + words[-1].idx + len(words[-1].text))
                )
        for token in doc:
            if token.is_space or token.is_punct:
                continue
            form = fold(token.text)[:MAX_TOKEN]
            lemma = fold(token.lemma_ or token.text)[:MAX_TOKEN]
            start = offset + token.idx
            result.tokens.append((start, start + len(token.text), form, lemma, token.pos_))
    return result


def save_analysis(store: Store, document_id: int, text: str, analysis: Analysis) -> None:
    pattern = store.get_meta("speaker_pattern") or DEFAULT_PATTERN
    turns = detect_turns(text, pattern)
    sentences = without_labels(analysis.sentences, label_spans(text, pattern))
    with store.deriving(INDEX_LABEL, INDEX_TABLES) as journal:
        conn = journal.conn
        conn.execute(delete(m.text_units).where(m.text_units.c.document_id == document_id))
        conn.execute(delete(m.tokens).where(m.tokens.c.document_id == document_id))
        sentence_ids = _insert_units(conn, document_id, sentences, analysis.paragraphs, turns)
        if analysis.tokens:
            starts = [start for start, _ in sentences]

            def sentence_of(start: int) -> int | None:
                # A speaker label's words are in no sentence.
                index = bisect_right(starts, start) - 1
                return sentence_ids[index] if index >= 0 and start < sentences[index][1] else None

            rows = [
                (document_id, i, start, end, form, lemma, pos or None, sentence_of(start))
                for i, (start, end, form, lemma, pos) in enumerate(analysis.tokens)
            ]
            raw = conn.connection.dbapi_connection
            if conn.dialect.name == "sqlite" and raw is not None:
                # Tuples straight to the DB-API, in this same transaction: a dict per
                # word through SQLAlchemy was a fifth of the indexing time.
                raw.executemany(
                    "INSERT INTO tokens (document_id, position, start_offset, end_offset, "
                    "form, lemma, pos, sentence_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )
            else:
                columns = ("document_id", "position", "start_offset", "end_offset",
                           "form", "lemma", "pos", "sentence_id")  # fmt: skip
                conn.execute(
                    m.tokens.insert(), [dict(zip(columns, row, strict=True)) for row in rows]
                )
        write_document(conn, document_id, [token[2] for token in analysis.tokens])
        journal.update_where(
            m.documents,
            (m.documents.c.id == document_id) & m.documents.c.language.is_(None),
            {"language": analysis.language},
        )


def _insert_units(
    conn: Connection,
    document_id: int,
    sentences: list[tuple[int, int]],
    paragraphs: list[tuple[int, int]],
    turns: list[Turn],
) -> list[int]:
    """Store sentences (returning their ids, in order), paragraphs and turns."""
    sentence_ids: list[int] = []
    if sentences:
        inserted = conn.execute(
            m.text_units.insert().returning(m.text_units.c.id, sort_by_parameter_order=True),
            [
                {
                    "document_id": document_id,
                    "kind": "sentence",
                    "start_offset": s,
                    "end_offset": e,
                    "label": None,
                    "role": None,
                }
                for s, e in sentences
            ],
        )
        sentence_ids = [int(row[0]) for row in inserted]
    others: list[dict[str, Any]] = [
        {"document_id": document_id, "kind": "paragraph", "start_offset": s,
         "end_offset": e, "label": None, "role": None}
        for s, e in paragraphs
    ] + [
        {"document_id": document_id, "kind": "turn", "start_offset": t.start,
         "end_offset": t.end, "label": t.speaker, "role": t.role}
        for t in turns
    ]  # fmt: skip
    if others:
        conn.execute(m.text_units.insert(), others)
    return sentence_ids


def unindexed(store: Store) -> list[int]:
    """Documents without units (one index seek each)."""
    has_units = exists().where(m.text_units.c.document_id == m.documents.c.id)
    rows = store.rows(select(m.documents.c.id).where(~has_units))
    return [int(r[0]) for r in rows]


def _facts(store: Store, targets: list[int]) -> dict[int, tuple[str, str | None, int]]:
    """Name, language and length in characters of each document, by id."""
    d, t = m.documents, m.document_texts
    facts: dict[int, tuple[str, str | None, int]] = {}
    for first in range(0, len(targets), 10_000):  # within any database's parameter limit
        chunk = targets[first : first + 10_000]
        query = (
            select(d.c.id, d.c.name, d.c.language, func.length(t.c.text))
            .join(t, t.c.document_id == d.c.id)
            .where(d.c.id.in_(chunk))
        )
        for row in store.rows(query):
            facts[int(row[0])] = (str(row[1]), row[2], int(row[3] or 0))
    return facts


def index_documents(
    store: Store,
    documents: Iterable[int] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
) -> int:
    """Index the given documents (default: those not indexed yet); returns how many.
    The text is analysed in ``workers`` processes (0: in this one; default: every core
    for a large run, this process for a small one; see qdaw.nlp.parallel) while this
    thread stores each document as it comes, in order."""
    from qdaw.nlp.parallel import PARALLEL_FROM_CHARS, analysed, worker_count

    targets = list(dict.fromkeys(documents)) if documents is not None else unindexed(store)
    facts = _facts(store, targets)
    targets = [t for t in targets if t in facts]  # deleted meanwhile by another writer
    default_language = store.get_meta("language")
    total_chars = sum(chars for _, _, chars in facts.values())
    if workers is None:  # small runs stay in this process: starting workers costs more
        workers = worker_count() if total_chars >= PARALLEL_FROM_CHARS else 0
    processes = min(workers, len(targets))
    texts: dict[int, str] = {}

    def jobs() -> Iterator[tuple[int, str, str | None]]:
        for document_id in targets:
            # Read as the job is queued (a few ahead of the writer), not all at once.
            texts[document_id] = store.document_text(document_id)
            yield document_id, texts[document_id], facts[document_id][1] or default_language

    languages = tuple(
        sorted({language or default_language or "fr" for _, language, _ in facts.values()})
    )
    done = 0
    names = {document_id: name for document_id, (name, _, _) in facts.items()}
    results = analysed(jobs(), processes, cancelled, languages, names)
    with closing(results):
        for document_id, analysis in results:
            if progress is not None:
                progress(done, len(targets), facts[document_id][0])
            save_analysis(store, document_id, texts.pop(document_id), analysis)
            done += 1
            if cancelled is not None and cancelled():
                break
    if done >= OPTIMIZE_AFTER:
        with store.transaction() as conn:  # the same content, merged: no revision
            optimize(conn)
    if progress is not None:
        progress(done, len(targets), "")
    return done
