"""The text rules of PDF import: headers and footers repeated on most pages, and words
hyphenated at a line's end."""

from __future__ import annotations

import re
from collections import Counter

#: Lines looked at for a header or a footer, at each end of a page.
EDGE_LINES = 2
#: A line at a page's edge is a header or footer when it is on this share of the pages
#: with text (and on 3 pages at least), its numbers aside ("Page 3", "- 12 -").
REPEATED_SHARE = 0.6

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
# Second halves that make a French compound or an inverted question, not a syllable:
# "peut-être", "celui-ci", "dit-il", "vous-même", "est-ce".
COMPOUND_ENDS = frozenset(
    "être ci là il ils elle elles on ce je tu nous vous moi toi lui leur leurs eux y en "
    "t même mêmes dessus dessous delà".split()
)
_WORD_END = re.compile(r"(\w+)-$")
_WORD_START = re.compile(r"^(\w+)")
_WORDS = re.compile(r"\w+(?:-\w+)*")


#: Only a short line is compared with its numbers masked ("Page 3 / 12", "Rapport 2024 -
#: 7"): a longer one must repeat exactly, or the first line of every page of an
#: interview ("R : page 3, ligne 1 …") would pass for a header.
SHORT_LINE_WORDS = 8


def _key(line: str) -> str:
    text = line if len(line.split()) > SHORT_LINE_WORDS else _DIGITS.sub("#", line)
    return _SPACES.sub(" ", text).strip().casefold()


def repeated_lines(pages: list[list[str]]) -> set[str]:
    """Keys of the lines at a page's top or bottom on most pages."""
    with_text = [page for page in pages if page]
    counts: Counter[str] = Counter()
    for page in with_text:
        edges = {_key(line) for line in page[:EDGE_LINES] + page[-EDGE_LINES:]}
        counts.update(edges)
    needed = max(3, REPEATED_SHARE * len(with_text))
    return {key for key, count in counts.items() if key and count >= needed}


def drop_edges(page: list[str], repeated: set[str]) -> tuple[list[str], int]:
    """The page without its repeated top and bottom lines, and how many went."""
    first, last = 0, len(page)
    while first < min(EDGE_LINES, last) and _key(page[first]) in repeated:
        first += 1
    while last > max(first, len(page) - EDGE_LINES) and _key(page[last - 1]) in repeated:
        last -= 1
    return page[first:last], len(page) - (last - first)


def vocabulary(pages: list[list[str]]) -> Counter[str]:
    """Every word of the document, folded, hyphenated ones whole ("peut-être")."""
    words: Counter[str] = Counter()
    for page in pages:
        for line in page:
            words.update(w.casefold() for w in _WORDS.findall(line))
    return words


def keeps_hyphen(first: str, second: str, words: Counter[str]) -> bool:
    """Whether "first-" at a line's end and "second" on the next are a hyphenated word
    ("Jean-Pierre", "peut-être") rather than one word cut in two ("connais-sance").

    The hyphen stays when the second half starts with a capital, is one of the French
    compounds' usual ends, or when the document writes the hyphenated form elsewhere
    and never the joined one; otherwise the halves are joined.
    """
    if second[:1].isupper() or second.casefold() in COMPOUND_ENDS:
        return True
    joined, hyphenated = (first + second).casefold(), f"{first}-{second}".casefold()
    return words[hyphenated] > 0 and words[joined] == 0


def join_hyphenated(lines: list[str], words: Counter[str]) -> list[str]:
    """Lines with each word cut at a line's end put back together on the first line
    (the rest of the next line follows it)."""
    out: list[str] = []
    for line in lines:
        if out:
            cut, start = _WORD_END.search(out[-1]), _WORD_START.match(line)
            if cut and start and not cut.group(1).isdigit():
                hyphen = "-" if keeps_hyphen(cut.group(1), start.group(1), words) else ""
                out[-1] = out[-1][:-1] + hyphen + line
                continue
        out.append(line)
    return out
