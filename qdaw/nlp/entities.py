"""Names for anonymisation: detection, keys, pseudonyms, and the text replacer.

French uses fr_core_news_sm's named-entity recogniser alone (it has its own token
vectors, so nothing else of the pipeline is loaded). English has no statistical model
here: capitalised word runs inside a sentence are proposed, for the researcher to
review. Detection only proposes; nothing is replaced until a name is accepted.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from qdaw.core.text_units import fold

KINDS = ("person", "place", "organisation", "other")
# MISC (works, events, software…) is left out: mostly noise for anonymisation.
_LABELS = {"PER": "person", "PERSON": "person", "LOC": "place", "GPE": "place",
           "ORG": "organisation"}  # fmt: skip
PSEUDONYM_WORDS = {
    "fr": {"person": "Personne", "place": "Lieu", "organisation": "Organisation",
           "other": "Nom"},
    "en": {"person": "Person", "place": "Place", "organisation": "Organisation",
           "other": "Name"},
}  # fmt: skip
# Titles are not part of a person's name: "Mme Dupont" is the person "Dupont".
_TITLES = re.compile(
    r"^(?:(?:m|mme|mlle|mr|mrs|ms|dr|pr|prof|madame|monsieur|mademoiselle|docteur|"
    r"professeur|professeure)\.?\s+)+",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
_WORDS = re.compile(r"[^\W\d_]+")
_ner: dict[str, Any] = {}
_lock = threading.Lock()


@dataclass(frozen=True)
class Candidate:
    name: str
    kind: str
    mentions: int


def entity_key(name: str) -> str:
    """Same key, same name: case, accents and spacing do not matter."""
    return _SPACES.sub(" ", fold(name.strip()))


def clean_name(name: str, kind: str) -> str:
    name = _SPACES.sub(" ", name.strip().strip(".,;:!?«»\"'’()[]"))
    return _TITLES.sub("", name) if kind == "person" else name


def _recogniser(language: str) -> Any:
    with _lock:
        if language not in _ner:
            import spacy

            if language == "fr":
                _ner[language] = spacy.load(
                    "fr_core_news_sm",
                    exclude=["tok2vec", "morphologizer", "parser", "senter",
                             "attribute_ruler", "lemmatizer"],
                )  # fmt: skip
            else:
                _ner[language] = spacy.blank(language)
        return _ner[language]


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n")
_LEADING_LABEL = re.compile(r"^\s*[^:\n]{1,40}:\s*")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


def _opens_sentence(doc: Any, index: int) -> bool:
    return index == 0 or doc[index - 1].text in (".", "!", "?", ":", "…", "-", "—")


def _english_names(text: str) -> list[tuple[str, str, bool]]:
    """Capitalised word runs, except a single word opening a sentence ("The")."""
    names = []
    for sentence in _SENTENCE_BREAK.split(text):
        sentence = _LEADING_LABEL.sub("", sentence, count=1)
        for match in _CAPITALISED.finditer(sentence):
            name = match.group()
            if name in ("I", "I'm", "I've", "I'd", "I'll"):
                continue
            if match.start() == 0 and " " not in name:
                continue
            names.append((name, "other", match.start() == 0))
    return names


def detect(
    texts: Iterable[tuple[str, str]],
    total: int,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Candidate] | None:
    """Names in (language, text) pairs with their mention counts; None if cancelled."""
    found: Counter[tuple[str, str]] = Counter()
    # Words written in lower case somewhere are common words, not names: the small
    # French model tags capitalised sentence openers ("Durée", "Pouvez") as names.
    common: set[str] = set()
    inside: set[str] = set()  # names seen inside a sentence at least once
    for number, (language, text) in enumerate(texts):
        common.update(w for w in _WORDS.findall(text) if w.islower())
        if cancelled is not None and cancelled():
            return None
        if progress is not None:
            progress(number, total, "")
        if language == "fr":
            nlp = _recogniser("fr")
            paragraphs = [p for p in text.split("\n") if p.strip()]
            pairs = [
                (entity.text, _LABELS[entity.label_], _opens_sentence(doc, entity.start))
                for doc in nlp.pipe(paragraphs, batch_size=64)
                for entity in doc.ents
                if entity.label_ in _LABELS
            ]
        else:
            pairs = _english_names(text)
        for raw, kind, opening in pairs:
            name = clean_name(raw, kind)
            if len(name) > 1 and any(ch.isalpha() for ch in name):
                found[(name, kind)] += 1
                if not opening:
                    inside.add(name)
    by_key: dict[str, Candidate] = {}
    for (name, kind), count in found.most_common():
        if " " not in name and name.lower() in common and name not in inside:
            continue  # "Durée" opening sentences, "durée" elsewhere: a common word
        key = entity_key(name)
        known = by_key.get(key)
        # The commonest spelling and kind of a name stands for all of them.
        by_key[key] = Candidate(
            known.name if known else name, known.kind if known else kind,
            count + (known.mentions if known else 0),
        )  # fmt: skip
    return sorted(by_key.values(), key=lambda c: (-c.mentions, c.name))


def related_pseudonym(name: str, kind: str, accepted: Iterable[tuple[str, str, str]]) -> str | None:
    """The pseudonym of an accepted name of the same kind that contains this one as
    whole words, or is contained in it: "Dupont" and "Marie Dupont" are one person."""
    words = entity_key(name).split()
    for other_name, other_kind, pseudonym in accepted:
        if other_kind != kind or not pseudonym:
            continue
        other = entity_key(other_name).split()
        shorter, longer = sorted((words, other), key=len)
        if any(longer[i : i + len(shorter)] == shorter for i in range(len(longer))):
            return pseudonym
    return None


def numbered_pseudonym(kind: str, language: str, taken: Iterable[str]) -> str:
    word = PSEUDONYM_WORDS.get(language, PSEUDONYM_WORDS["en"])[kind]
    used = set(taken)
    number = 1
    while f"[{word} {number}]" in used:
        number += 1
    return f"[{word} {number}]"


class Anonymiser:
    """Replaces accepted names by their pseudonyms in any text. Matching ignores case
    and accents (fold keeps offsets), on whole words, longest names first."""

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        self.pseudonyms: dict[str, str] = {}
        for name, pseudonym in names:
            key = entity_key(name)
            if key:
                self.pseudonyms[key] = pseudonym
        keys = sorted(self.pseudonyms, key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(map(re.escape, k.split())) for k in keys)
        self._pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if keys else None

    def __bool__(self) -> bool:
        return self._pattern is not None

    def __call__(self, text: Any) -> Any:
        if self._pattern is None or not isinstance(text, str) or not text:
            return text
        folded = fold(text)
        out, last = [], 0
        for match in self._pattern.finditer(folded):
            out += [text[last : match.start()], self.pseudonyms[_SPACES.sub(" ", match.group())]]
            last = match.end()
        if not out:
            return text
        out.append(text[last:])
        return "".join(out)

    def frame(self, frame: Any, columns: Iterable[str] | None = None) -> Any:
        """A copy of a DataFrame with its text columns (or those named) anonymised."""
        from pandas.api.types import is_numeric_dtype

        copy = frame.copy()
        names = list(columns) if columns is not None else list(copy.columns)
        for column in names:
            if column in copy.columns and not is_numeric_dtype(copy[column]):
                copy[column] = copy[column].map(self)
        return copy
