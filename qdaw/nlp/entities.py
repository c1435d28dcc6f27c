"""Names for anonymisation: detection, keys, pseudonyms, and the text replacer.

French uses fr_core_news_sm's named-entity recogniser alone (it has its own token
vectors, so nothing else of the pipeline is loaded). English has no statistical model
here: spaCy's tokenizer and sentencizer find runs of capitalised words, in any script
("Élodie", "Łukasz", "Дмитрий"; "Dr." is an abbreviation, not a sentence end), for the
researcher to review. Detection only proposes; nothing is replaced until a name is
accepted.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from qdaw.core.text_units import fold
from qdaw.nlp.speakers import DEFAULT_PATTERN

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
    """The pipeline of a language, loaded once (spaCy is a heavy import)."""
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
                # No model: spaCy's tokenizer knows abbreviations ("Dr.", "Mrs.") and
                # the sentencizer finds where sentences open.
                nlp = spacy.blank(language)
                nlp.add_pipe("sentencizer")
                _ner[language] = nlp
        return _ner[language]


# After these, a capital letter opens a sentence (or a quotation) and proves nothing.
_OPENERS = frozenset('.!?:…-–—"“”«»')
_HYPHENS = frozenset("-‐")
# Lower-case words inside names: "Ludwig van Beethoven", "Maria da Silva".
_PARTICLES = frozenset("van von der den de da di du del della dos das bin ibn al le la".split())
_TITLE_WORDS = frozenset(
    "mr mrs ms miss mx dr prof sir dame madam mme mlle m pr professor doctor".split()
)
_SPEAKER_LABEL = re.compile(DEFAULT_PATTERN, re.IGNORECASE)


def _opens_sentence(doc: Any, index: int) -> bool:
    if index == 0 or doc[index].is_sent_start:
        return True
    previous = doc[index - 1]
    return previous.is_space or previous.text in _OPENERS


def _name_like(token: Any) -> bool:
    """Any script's capital (Élodie, Łukasz, Дмитрий), not the pronoun "I"."""
    text = token.text
    return text[:1].isupper() and text != "I" and any(ch.isalpha() for ch in text)


def _runs(doc: Any, start: int) -> Iterable[tuple[int, int]]:
    """(first, last + 1) token indexes of each run of capitalised words, joined by
    spaces, hyphens without spaces (Jean-Pierre) or name particles (van, da)."""
    index, length = start, len(doc)
    while index < length:
        if not _name_like(doc[index]):
            index += 1
            continue
        first, index = index, index + 1
        while index < length:
            token, previous = doc[index], doc[index - 1]
            if _name_like(token):
                index += 1
            elif (
                index + 1 < length
                and _name_like(doc[index + 1])
                and (
                    (token.text in _HYPHENS and not previous.whitespace_ and not token.whitespace_)
                    or (token.text in _PARTICLES and previous.whitespace_ and token.whitespace_)
                )
            ):
                index += 2
            else:
                break
        yield first, index


def _english_names(doc: Any) -> list[tuple[str, str, bool]]:
    """Capitalised word runs, except a common word opening a sentence ("The", "Then");
    a title before a run makes it a person ("Dr. Smith" is the person "Smith")."""
    label = _SPEAKER_LABEL.match(doc.text)  # "Interviewer:", "Respondent 2:"
    start = 0
    if label:
        while start < len(doc) and doc[start].idx < label.end():
            start += 1
    names = []
    for first, end in _runs(doc, start):
        opening = _opens_sentence(doc, first)
        kind = "other"
        while end - first > 1 and doc[first].text.rstrip(".").lower() in _TITLE_WORDS:
            first, kind, opening = first + 1, "person", False
        while end - first > 1 and opening and doc[first].is_stop:
            first += 1  # "So Mary came": Mary
            opening = _opens_sentence(doc, first)
        if end - first == 1 and opening and doc[first].is_stop:
            continue
        names.append((doc[first:end].text, kind, opening))
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
        nlp = _recogniser("fr" if language == "fr" else language)
        paragraphs = [p for p in text.split("\n") if p.strip()]
        docs = nlp.pipe(paragraphs, batch_size=64)
        if language == "fr":
            pairs = [
                (entity.text, _LABELS[entity.label_], _opens_sentence(doc, entity.start))
                for doc in docs
                for entity in doc.ents
                if entity.label_ in _LABELS
            ]
        else:
            pairs = [pair for doc in docs for pair in _english_names(doc)]
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
