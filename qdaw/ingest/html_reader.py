"""HTML (a saved web page, an exported transcript): the visible text in order.

Paragraphs, headings, list items, table rows and line breaks end a line (a row's
cells are tab-separated); <head>, <script>, <style>, <template>, <noscript> and the
like are dropped; entities are decoded by the standard parser. Within a block, runs of
white space are one space, as a browser shows them (<pre> keeps its lines).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from qdaw.ingest import limits
from qdaw.ingest.limits import TextBudget, Unreadable
from qdaw.ingest.text import UndecodableText, decode_bytes

_BLOCKS = frozenset(
    "address article aside blockquote body dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary "
    "table tbody thead tfoot tr ul caption".split()
)
_HIDDEN = frozenset("head script style template noscript svg math iframe object title".split())
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_CELLS = frozenset({"td", "th"})
_CELL = "\ue000"  # between two cells until the line is done, then a tab
_SPACE = re.compile(r"[ \t\r\n\f\u200b]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.hidden = 0  # depth inside hidden elements
        self.pre = 0
        self.depth = 0
        self.cell = False
        self.budget = TextBudget()

    def _end_line(self) -> None:
        line = "".join(self.current)
        if not self.pre:
            line = _SPACE.sub(" ", line).strip()
            line = re.sub(f" ?{_CELL} ?", "\t", line)
        if line.strip():
            self.lines.append(line.rstrip())
        self.current = []
        self.cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag == "br" and not self.hidden:
                self._end_line()
            return
        self.depth += 1
        if self.depth > limits.MAX_DEPTH:
            raise Unreadable(f"elements nested more than {limits.MAX_DEPTH:,} deep")
        if tag in _HIDDEN:
            self.hidden += 1
        elif not self.hidden and tag in _BLOCKS:
            self._end_line()
            self.pre += tag == "pre"
        elif not self.hidden and tag in _CELLS:
            if self.cell:
                self.current.append(_CELL)
            self.cell = True

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        self.depth = max(0, self.depth - 1)
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif not self.hidden and tag in _BLOCKS:
            self._end_line()
            if tag == "pre":
                self.pre = max(0, self.pre - 1)

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        self.budget.spend(len(data))
        if self.pre:
            head, *rest = data.split("\n")
            self.current.append(head)
            for line in rest:
                self._end_line()
                self.current.append(line)
        else:
            self.current.append(data)


def _decode(data: bytes) -> str:
    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: guess as for text
    try:
        return decode_bytes(data)[0]
    except UndecodableText as exc:
        raise Unreadable(f"cannot decode: {exc}") from exc


def read_html(path: Path) -> str:
    parser = _Visible()
    parser.feed(_decode(path.read_bytes()))
    parser.close()
    parser._end_line()
    return "\n".join(parser.lines)
