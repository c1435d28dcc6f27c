"""spaCy pipelines, loaded once per process, only with the components needed."""

from __future__ import annotations

import gzip
import json
import re
import threading
from pathlib import Path
from typing import Any

SUPPORTED = ("fr", "en")
#: spaCy's English lemma lookup table (from spacy-lookups-data 1.0.5; data/README.md),
#: shipped alone so that the 98.5 MB package of every language's tables is not needed.
ENGLISH_LEMMAS = Path(__file__).with_name("data") / "en_lemma_lookup.json.gz"
_pipelines: dict[str, Any] = {}
_lock = threading.Lock()

_STOPWORDS = {
    "fr": set(
        "le la les de des du un une et est que qui dans pour pas sur avec je nous vous ils "
        "elle ce on".split()
    ),
    "en": set(
        "the of and to a in is that it for was on are with as they be at this have you we".split()
    ),
}
_WORD = re.compile(r"[^\W\d_]+")


def guess_language(text: str) -> str:
    """'fr' or 'en', by the share of each language's commonest words (first 20,000 chars)."""
    words = [w.lower() for w in _WORD.findall(text[:20_000])]
    scores = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    return max(scores, key=lambda lang: (scores[lang], lang == "fr"))


def pipeline(language: str) -> Any:
    """French: fr_core_news_sm with tok2vec, morphologizer, senter, attribute_ruler and
    lemmatizer (no parser, no NER: faster). English: a blank pipeline with a rule-based
    sentencizer and lookup lemmas (the table in data/)."""
    if language not in SUPPORTED:
        raise ValueError(
            f"no pipeline for language {language!r} (supported: {', '.join(SUPPORTED)})"
        )
    with _lock:
        if language not in _pipelines:
            import spacy

            if language == "fr":
                nlp = spacy.load("fr_core_news_sm", exclude=["parser", "ner"])
                nlp.enable_pipe("senter")
            else:
                nlp = spacy.blank("en")
                nlp.add_pipe("sentencizer")
                lemmatizer: Any = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
                lemmatizer.initialize(lookups=english_lookups())
            _pipelines[language] = nlp
        return _pipelines[language]


def english_lookups() -> Any:
    """The lookups the English lemmatizer needs: its ``lemma_lookup`` table (word ->
    lemma), as spaCy would load it from spacy-lookups-data."""
    from spacy.lookups import Lookups

    with gzip.open(ENGLISH_LEMMAS, "rt", encoding="utf-8") as handle:
        table = json.load(handle)
    lookups = Lookups()
    lookups.add_table("lemma_lookup", table)
    return lookups


_tokenizers: dict[str, Any] = {}


def tokenizer(language: str) -> Any:
    """The language's tokenizer alone (the loaded pipeline's, else a blank one): cuts a
    query exactly as the text was cut (qu'ils -> qu' ils, vouliez-vous -> vouliez -vous)."""
    with _lock:
        if language in _pipelines:
            return _pipelines[language].tokenizer
        if language not in _tokenizers:
            import spacy

            _tokenizers[language] = spacy.blank(language).tokenizer
        return _tokenizers[language]
