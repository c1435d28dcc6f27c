"""Keyword in context: each hit with the sentence (or the stretch of its paragraph)
around it, built once here for the workbench and the command line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import select

from qdaw.analysis.scope import ALL, Scope
from qdaw.core import models as m
from qdaw.core.text_units import fold
from qdaw.errors import QdawError

if TYPE_CHECKING:
    from qdaw.core.store import Store

WINDOW = 160  # characters of a paragraph kept on each side of a plain-text hit
Mode = Literal["text", "exact", "lemma", "phrase", "regex"]


@dataclass(frozen=True)
class ContextHit:
    document_id: int
    document: str
    case: str
    start: int  # the match, offsets into the document's text
    end: int
    context_start: int  # the sentence (or paragraph stretch) around it
    context: str

    @property
    def left(self) -> str:
        return self.context[: self.start - self.context_start]

    @property
    def match(self) -> str:
        return self.context[self.start - self.context_start : self.end - self.context_start]

    @property
    def right(self) -> str:
        return self.context[self.end - self.context_start :]


def around(text: str, start: int, end: int, window: int = WINDOW) -> tuple[int, int]:
    """The paragraph holding [start, end), cut at word boundaries to ``window``
    characters on each side."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    last = len(text) if last < 0 else last
    if start - first > window:
        cut = text.find(" ", start - window, start)
        first = cut + 1 if cut >= 0 else start - window
    if last - end > window:
        cut = text.rfind(" ", end, end + window)
        last = cut if cut > end else end + window
    return first, last


def keyword_in_context(
    store: Store,
    query: str,
    mode: Mode = "text",
    scope: Scope = ALL,
    accents: bool = False,
    case: bool = False,
    whole_words: bool = False,
) -> list[ContextHit]:
    """Every hit in document order with its context: the sentence from the text index
    for index searches, the surrounding stretch of the paragraph for plain text."""
    from qdaw.analysis.search import find_text
    from qdaw.nlp.search import search

    if mode == "text":
        hits = []
        texts: dict[int, str] = {}
        for hit in find_text(store, query, scope, accents, case, whole_words):
            if hit.document_id not in texts:  # read once per document, not per hit
                texts[hit.document_id] = store.document_text(hit.document_id)
            text = texts[hit.document_id]
            first, last = around(text, hit.start, hit.end)
            hits.append(ContextHit(hit.document_id, hit.document, hit.case, hit.start, hit.end,
                                   first, text[first:last]))  # fmt: skip
        return hits
    frame = search(store, query, mode, scope, accents, case)
    return [
        ContextHit(
            int(row["document_id"]),
            str(row["document"]),
            str(row["case"]),
            int(row["start"]),
            int(row["end"]),
            int(row["sentence_start"]),
            str(row["sentence"]),
        )
        for row in frame.to_dict("records")
    ]


#: Two or more characters between words that are neither letters nor digits.
WIDE_GAP = re.compile(r"[^\w]{2,}")


def term_in_context(
    store: Store, term: str, by: Literal["lemma", "form"] = "lemma", scope: Scope = ALL
) -> list[ContextHit]:
    """The occurrences of a term of ``p.word_frequencies`` (its index spelling: folded
    words, space-separated) inside the same selection: coded passages of the scope's
    codes, its speakers' turns, its respondents. An n-gram is found within a sentence."""
    from qdaw.nlp.search import _token_hits, _with_context, hits_frame
    from qdaw.nlp.word_counts import require_index, selection_conditions

    words = [fold(word) for word in term.split()]
    if not words:
        raise QdawError("keyword in context: the term has no word in it")
    require_index(store, scope)
    hits = _token_hits(store, words, by, scope)
    statement = _with_context(hits).where(
        *selection_conditions(scope, hits.c.document_id, hits.c.start, hits.c.end)
    )
    frame = hits_frame(store, statement)
    frame = frame[frame["end"] <= frame["sentence_end"]]
    if len(words) > 1 and not frame.empty:
        # As the counts have it: an n-gram's words are at most one character apart
        # ("oui mais", not "oui, mais"), so the lines listed are the ones counted.
        spans = [
            str(sentence)[int(start) - int(first) : int(end) - int(first)]
            for sentence, start, end, first in zip(
                frame["sentence"], frame["start"], frame["end"], frame["sentence_start"],
                strict=True,
            )
        ]  # fmt: skip
        frame = frame[[WIDE_GAP.search(span) is None for span in spans]]
    return [
        ContextHit(int(row["document_id"]), str(row["document"]), str(row["case"]),
                   int(row["start"]), int(row["end"]), int(row["sentence_start"]),
                   str(row["sentence"]))
        for row in frame.to_dict("records")
    ]  # fmt: skip


def passages_in_context(store: Store, frame: Any, window: int = WINDOW) -> Any:
    """Retrieved segments (``p.retrieve``'s rows) with ``document_id``, ``before`` and
    ``after``: the stretch of the paragraph around each passage. Each document's text is
    read once."""
    documents = dict(store.rows(select(m.documents.c.name, m.documents.c.id)))
    texts: dict[int, str] = {}
    ids, befores, afters = [], [], []
    for name, start, end in zip(frame["document"], frame["start"], frame["end"], strict=True):
        document_id = documents[str(name)]
        if document_id not in texts:
            texts[document_id] = store.document_text(document_id)
        text = texts[document_id]
        first, last = around(text, int(start), int(end), window)
        ids.append(document_id)
        befores.append(text[first : int(start)])
        afters.append(text[int(end) : last])
    return frame.assign(document_id=ids, before=befores, after=afters)
