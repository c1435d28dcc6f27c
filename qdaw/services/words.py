"""Word frequencies over the text index, their stop lists, KWIC lines and word cloud."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Unpack

from qdaw.core.entities import Owner
from qdaw.core.store import Store
from qdaw.services.analysis import Analysis, Filters
from qdaw.services.service import Service

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.nlp.kwic import ContextHit


class Words(Service):
    def __init__(self, store: Store, owner: Owner, analysis: Analysis) -> None:
        super().__init__(store, owner)
        self.analysis = analysis

    def word_frequencies(
        self,
        by: Literal["lemma", "form"] = "lemma",
        ngram: int = 1,
        limit: int | None = None,
        min_count: int = 1,
        stop_words: bool = True,
        **filters: Unpack[Filters],
    ) -> pd.DataFrame:
        """term, count, documents, respondents, share: the words (lemmas or forms) or
        their n-grams (``ngram`` 2 or 3, within a sentence) of the selection, commonest
        first. The filters select: ``codes`` counts the words inside their passages,
        ``cases`` / ``where`` / ``documents`` the respondents' documents, ``speakers``
        ("respondent", "interviewer", a label) the words of their turns. With
        ``stop_words``, the project's stop lists drop words (at an n-gram's edges).
        The text must be indexed (``p.index_text()``)."""
        from qdaw.nlp.word_counts import word_frequencies

        scope = self.analysis.scope(**filters)
        return word_frequencies(self.store, scope, by, ngram, limit, min_count, stop_words)

    def term_in_context(
        self, term: str, by: Literal["lemma", "form"] = "lemma", **filters: Unpack[Filters]
    ) -> list[ContextHit]:
        """The KWIC lines of a term of ``word_frequencies`` (its ``attrs["keys"]``
        spelling or the term as shown), in the same selection."""
        from qdaw.nlp.kwic import term_in_context

        return term_in_context(self.store, term, by, self.analysis.scope(**filters))

    def stop_words(self, language: str = "fr") -> list[str]:
        """The project's stop list ("fr" or "en"): spaCy's, with the project's edits."""
        from qdaw.nlp.stop_words import stop_words

        return stop_words(self.store, language)

    def set_stop_words(
        self,
        language: str,
        add: Iterable[str] | str | None = None,
        remove: Iterable[str] | str | None = None,
    ) -> list[str]:
        """Add words to and remove words from a stop list, one undoable step; returns
        the new list."""
        from qdaw.nlp.stop_words import set_stop_words

        return set_stop_words(self.store, language, add, remove)

    def word_cloud(
        self, path: str | Path, frame: pd.DataFrame | None = None, **filters: Unpack[Filters]
    ) -> Path:
        """A PNG or SVG word cloud of ``frame`` (else the lemma frequencies of the
        selection); the same table always draws the same picture."""
        from qdaw.export.word_cloud import word_cloud

        if frame is None:
            frame = self.word_frequencies(limit=150, **filters)
        return word_cloud(frame, path)
