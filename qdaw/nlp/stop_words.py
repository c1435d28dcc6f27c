"""Stop lists for the word counts: spaCy's French and English lists, edited per project.

A project keeps only its edits (``stop_words_fr`` in the meta table: the words added
and those removed, JSON), so a newer spaCy's list still reaches old projects. Words
are compared folded (no accents, lower case), as the text index stores them: removing
"été" also frees "ete".
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from qdaw.core.operations import op
from qdaw.core.text_units import fold
from qdaw.errors import QdawError

if TYPE_CHECKING:
    from qdaw.core.store import Store

LANGUAGES = ("fr", "en")


def _check(language: str) -> str:
    if language not in LANGUAGES:
        raise QdawError(f"stop words: language must be 'fr' or 'en', not {language!r}")
    return language


def base_list(language: str) -> set[str]:
    """spaCy's list (imported here: spaCy loads on first use only)."""
    if _check(language) == "fr":
        from spacy.lang.fr.stop_words import STOP_WORDS
    else:
        from spacy.lang.en.stop_words import STOP_WORDS
    # The typographic apostrophe's twins (l’) are not needed: the index folds to '.
    return {word for word in STOP_WORDS if "’" not in word}


def edits(store: Store, language: str) -> tuple[list[str], list[str]]:
    """(added, removed) as the project stores them."""
    raw = store.get_meta(f"stop_words_{_check(language)}")
    if not raw:
        return [], []
    data = json.loads(raw)
    return list(data.get("add", [])), list(data.get("remove", []))


def stop_words(store: Store, language: str) -> list[str]:
    """The project's list for ``language``, as written (accents kept), sorted."""
    added, removed = edits(store, language)
    gone = {fold(word) for word in removed}
    words = {w for w in base_list(language) if fold(w) not in gone} | set(added)
    return sorted(words, key=lambda w: (fold(w), w))


def folded_stop_words(store: Store, language: str) -> set[str]:
    """The list as the text index spells words."""
    return {fold(word) for word in stop_words(store, language)}


def _cleaned(words: Iterable[str] | str | None) -> list[str]:
    if words is None:
        return []
    if isinstance(words, str):
        words = [words]
    cleaned = []
    for word in words:
        word = " ".join(str(word).split()).lower()
        if not word:
            raise QdawError("stop words: an empty word cannot be added or removed")
        if " " in word:
            raise QdawError(f"stop words: {word!r} is several words; give one word at a time")
        cleaned.append(word)
    return cleaned


def set_stop_words(
    store: Store,
    language: str,
    add: Iterable[str] | str | None = None,
    remove: Iterable[str] | str | None = None,
) -> list[str]:
    """Add and remove words in one undoable step; returns the new list. A word added
    after being removed is back, and the reverse."""
    _check(language)
    to_add, to_remove = _cleaned(add), _cleaned(remove)
    if not to_add and not to_remove:
        raise QdawError("stop words: give words to add or to remove")
    added, removed = edits(store, language)
    base = {fold(w) for w in base_list(language)}
    for word in to_add:
        removed = [w for w in removed if fold(w) != fold(word)]
        if fold(word) not in base and fold(word) not in {fold(w) for w in added}:
            added.append(word)
    for word in to_remove:
        added = [w for w in added if fold(w) != fold(word)]
        if fold(word) in base and fold(word) not in {fold(w) for w in removed}:
            removed.append(word)
    value = json.dumps({"add": sorted(added), "remove": sorted(removed)}, ensure_ascii=False)
    with store.writing(op("set_stop_words", language=language)) as journal:
        store.set_meta(journal, f"stop_words_{language}", value)
    return stop_words(store, language)
