"""Text intelligence: the index, search, suggestions, autocoding (spaCy loads on first use)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Unpack

from sqlalchemy import select

from qdaw.core import models as m
from qdaw.core.entities import Document, Owner
from qdaw.core.operations import op
from qdaw.core.store import Store
from qdaw.errors import QdawError
from qdaw.services.analysis import Analysis, Filters
from qdaw.services.codebook import Codebook
from qdaw.services.coding import Coding
from qdaw.services.service import Service

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.nlp.kwic import ContextHit
    from qdaw.nlp.speakers import Turn


class Nlp(Service):
    def __init__(
        self, store: Store, owner: Owner, analysis: Analysis, codebook: Codebook, coding: Coding
    ) -> None:
        super().__init__(store, owner)
        self.analysis, self.codebook, self.coding = analysis, codebook, coding

    def set_language(self, language: str, document: Document | int | str | None = None) -> None:
        """The project's default language, or one document's ("fr" or "en")."""
        if language not in ("fr", "en"):
            raise QdawError(f"language must be 'fr' or 'en', not {language!r}")
        if document is None:
            with self.store.writing(op("set_language", language=language)) as journal:
                self.store.set_meta(journal, "language", language)
            return
        with self.store.writing(op("set_language", language=language)) as journal:
            journal.update(
                m.documents, {"id": self.store.document_id(document)}, {"language": language}
            )

    def set_speaker_pattern(self, pattern: str | None) -> None:
        """A regex with a named group 'speaker' matching a turn's label at a line start."""
        import re

        if pattern:
            try:
                if "speaker" not in re.compile(pattern).groupindex:
                    raise QdawError("the speaker pattern needs a group named 'speaker'")
            except re.error as exc:
                raise QdawError(f"speaker pattern {pattern!r}: {exc}") from exc
        with self.store.writing(op("set_speaker_pattern")) as journal:
            self.store.set_meta(journal, "speaker_pattern", pattern)

    def index_text(
        self,
        documents: Iterable[Document | int | str] | None = None,
        progress: Callable[[int, int, str], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        workers: int | None = None,
    ) -> int:
        """Sentences, paragraphs, speaker turns and tokens of the documents not indexed
        yet (or of those given). Derived data: not part of undo. Returns how many.
        The text is analysed in ``workers`` processes (0: in this one; default for a
        large run: QDAW_INDEX_WORKERS, else every core); each document is stored as
        soon as it is done, so a cancelled or killed run keeps them and the next does
        only the rest."""
        from qdaw.nlp.indexing import index_documents

        ids = None if documents is None else [self.store.document_id(d) for d in documents]
        return index_documents(self.store, ids, progress, cancelled, workers)

    def _units(self, document: Document | int | str, kind: str) -> list[Any]:
        document_id = self.store.document_id(document)
        u = m.text_units
        rows = self.store.rows(
            select(u.c.start_offset, u.c.end_offset, u.c.label, u.c.role)
            .where(u.c.document_id == document_id, u.c.kind == kind)
            .order_by(u.c.start_offset)
        )
        if (
            not rows
            and self.store.scalar(select(u.c.id).where(u.c.document_id == document_id)) is None
        ):
            raise QdawError(
                f"document {self.store.value(m.documents, document_id, 'name')} is not indexed yet"
            )
        return rows

    def sentences(self, document: Document | int | str) -> list[tuple[int, int]]:
        return [(int(r[0]), int(r[1])) for r in self._units(document, "sentence")]

    def paragraphs(self, document: Document | int | str) -> list[tuple[int, int]]:
        return [(int(r[0]), int(r[1])) for r in self._units(document, "paragraph")]

    def speaker_turns(self, document: Document | int | str) -> list[Turn]:
        from qdaw.nlp.speakers import Turn

        return [
            Turn(int(r[0]), int(r[1]), str(r[2]), str(r[3])) for r in self._units(document, "turn")
        ]

    def search(
        self,
        query: str,
        mode: Literal["exact", "lemma", "regex", "phrase"] = "exact",
        accents: bool = False,
        case: bool = False,
        **filters: Unpack[Filters],
    ) -> pd.DataFrame:
        """document, case, start, end, match, sentence, document_id, sentence_start,
        sentence_end (the sentence's offsets place the match in it) — see qdaw.nlp.search."""
        from qdaw.nlp.search import search

        return search(self.store, query, mode, self.analysis.scope(**filters), accents, case)

    def keyword_in_context(
        self,
        query: str,
        mode: Literal["text", "exact", "lemma", "phrase", "regex"] = "text",
        accents: bool = False,
        case: bool = False,
        whole_words: bool = False,
        **filters: Unpack[Filters],
    ) -> list[ContextHit]:
        """Hits with their sentence (index modes) or paragraph stretch ("text"): each has
        document_id, start, end, context_start, context, and left / match / right."""
        from qdaw.nlp.kwic import keyword_in_context

        return keyword_in_context(
            self.store,
            query,
            mode,
            self.analysis.scope(**filters),
            accents,
            case,
            whole_words,
        )

    def distinctive_words(
        self, code: Any, limit: int = 20, **filters: Unpack[Filters]
    ) -> pd.DataFrame:
        """Lemmas over-represented in a code's passages versus the rest of the corpus
        (log-likelihood G²): lemma, in_code, in_rest, per_1000_code, per_1000_rest, g2."""
        from qdaw.nlp.keywords import distinctive_words

        return distinctive_words(self.store, code, self.analysis.scope(**filters), limit)

    def suggest_codes(
        self, document: Document | int | str, start: int, end: int, limit: int = 5
    ) -> pd.DataFrame:
        """Codes whose passages resemble text[start:end] (TF-IDF over lemmas, cosine):
        code, score, shared lemmas. Suggestions only: nothing is coded."""
        from qdaw.nlp.suggest import suggest_codes

        return suggest_codes(self.store, document, start, end, limit)

    def autocode_preview(
        self,
        query: str,
        mode: Literal["exact", "lemma", "regex", "phrase"] = "exact",
        unit: Literal["match", "sentence", "paragraph"] = "match",
        **filters: Unpack[Filters],
    ) -> list[tuple[int, int, int]]:
        """(document id, start, end) that autocode would code."""
        from qdaw.nlp.autocode import planned_spans

        return planned_spans(self.store, query, mode, unit, self.analysis.scope(**filters))

    def autocode(
        self,
        query: str,
        code: Any,
        mode: Literal["exact", "lemma", "regex", "phrase"] = "exact",
        unit: Literal["match", "sentence", "paragraph"] = "match",
        coder: str | None = None,
        **filters: Unpack[Filters],
    ) -> int:
        """Code every hit (one undoable operation); returns the segments created.
        ``speakers="respondent"`` codes only what respondents said."""
        from qdaw.nlp.autocode import autocode

        return autocode(
            self.store, self.coding.code_segment, query, code, mode, unit,
            self.analysis.scope(**filters), coder,
        )  # fmt: skip

    def enclosing_passages(
        self,
        hits: Iterable[tuple[int, int, int]],
        unit: Literal["match", "sentence", "paragraph"] = "match",
        speakers: Iterable[str] | None = None,
    ) -> list[tuple[int, int, int]]:
        """(document id, start, end) of hits widened to their sentence or paragraph,
        kept only in the given speakers' turns ("respondent", "R"…): what to code."""
        from qdaw.nlp.autocode import enclose

        return enclose(self.store, hits, unit, speakers)

    def code_passages(
        self,
        spans: Iterable[tuple[int, int, int]],
        code: Any,
        coder: str | None = None,
        label: str | None = None,
    ) -> int:
        """Code many passages in one undoable operation (no doubles); returns how many
        segments were created."""
        from qdaw.nlp.autocode import code_spans

        return code_spans(self.store, self.coding.code_segment, spans, code, coder, label)

    def rules_preview(self, source: str | Path | dict[str, Any]) -> pd.DataFrame:
        """What a rule file (spaCy Matcher patterns mapped to codes) would code: code,
        unit, passages, documents — nothing is coded. See qdaw.nlp.rules."""
        import pandas as pd

        from qdaw.nlp.rules import plan

        rows = [
            (rule.code, rule.unit, len(spans), len({s[0] for s in spans}))
            for rule, spans in plan(self.store, source)
        ]
        return pd.DataFrame(rows, columns=["code", "unit", "passages", "documents"])

    def apply_rules(
        self, source: str | Path | dict[str, Any], coder: str | None = None
    ) -> dict[str, int]:
        """Code what each rule matches (missing codes are created, "Parent/Child" paths
        included); one undoable operation. Returns the segments created per code."""
        from qdaw.nlp.rules import plan

        planned = plan(self.store, source)
        name = Path(source).name if isinstance(source, str | Path) else "rules"
        created: dict[str, int] = {}
        with self.store.batch(op("apply_rules", name=name)):
            for rule, spans in planned:
                code, _new = self.codebook.code_or_new(rule.code, coder)
                created[rule.code] = created.get(rule.code, 0) + self.code_passages(
                    spans, code.id, coder
                )
        return created
