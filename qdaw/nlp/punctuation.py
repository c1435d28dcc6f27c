"""Sentences and paragraphs found from punctuation and line breaks alone, for a
document that has not been through the text index yet (no model to load, instant).

The index's spaCy sentences are better; these are what a researcher expects from a
word processor: a sentence ends at . ! ? or … followed by a space and a capital (or at
the end of the line), abbreviations such as "M." or "p. ex." do not end one, and a
speaker's label ("R : ") belongs to no sentence.
"""

from __future__ import annotations

import re
from itertools import pairwise

from qdaw.nlp.speakers import DEFAULT_PATTERN, label_spans, without_labels

_END = re.compile(r"[.!?…]+[»\"”’')\]]*(?=\s+[«\"“(\[]?[A-ZÀ-ÖØ-Þ0-9])")
_ABBREVIATIONS = frozenset(
    "m mm mme mmes mlle dr pr st ste ex etc cf p pp vol chap fig env resp n no art".split()
)


def _sentence_ends(line: str) -> list[int]:
    ends = []
    for match in _END.finditer(line):
        word = re.search(r"(\w+)$", line[: match.start()])
        if match.group().startswith(".") and word and word.group(1).casefold() in _ABBREVIATIONS:
            continue  # "M. Dupont", "p. ex. Moodle"
        ends.append(match.end())
    return ends


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraphs(text: str, pattern: str = DEFAULT_PATTERN) -> list[tuple[int, int]]:
    """Each non-empty line, without the speaker label that opens it."""
    units = []
    position = 0
    for line in text.split("\n"):
        start, end = _trimmed(text, position, position + len(line))
        if start < end:
            units.append((start, end))
        position += len(line) + 1
    return without_labels(units, label_spans(text, pattern))


def sentences(text: str, pattern: str = DEFAULT_PATTERN) -> list[tuple[int, int]]:
    """Sentences within each line, labels left out."""
    units = []
    position = 0
    for line in text.split("\n"):
        cuts = [0, *_sentence_ends(line), len(line)]
        for first, last in pairwise(cuts):
            start, end = _trimmed(text, position + first, position + last)
            if start < end:
                units.append((start, end))
        position += len(line) + 1
    return without_labels(units, label_spans(text, pattern))
