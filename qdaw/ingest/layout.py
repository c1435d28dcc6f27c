"""Paragraphs and tables out of an office document's XML events, in document order.

One engine for .docx and .odt: each format gives a table from element names to what
they are (paragraph, table row, cell, tab, skipped subtree…). Output lines: one per
paragraph, one per table row (cells separated by tabs, a cell's paragraphs joined by
spaces). Each cell element appears once, so a merged cell is neither repeated nor
confused with a neighbour holding the same text. Characters are counted as they come.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import Enum, auto

from qdaw.ingest.limits import TextBudget


class Kind(Enum):
    BODY = auto()  # text is collected only inside this element
    PARAGRAPH = auto()
    RUN_TEXT = auto()  # .docx: characters count only inside <w:t>
    TAB = auto()
    BREAK = auto()
    HYPHEN = auto()  # a non-breaking hyphen
    SPACES = auto()  # .odt <text:s c="N"/>: N spaces (counted by the format)
    ROW = auto()
    CELL = auto()
    SKIP = auto()  # the element and everything inside it are left out


class LayoutText:
    """An ``XmlHandler`` collecting the text; ``result()`` gives it."""

    def __init__(
        self,
        kinds: Mapping[str, Kind],
        text_only_in_runs: bool,
        spaces: Callable[[dict[str, str]], int] | None = None,
    ) -> None:
        self.kinds = kinds
        self.text_only_in_runs = text_only_in_runs
        self.spaces = spaces
        self.budget = TextBudget()
        self.lines: list[str] = []
        self.containers: list[list[str]] = [self.lines]  # rows (cells) and cells (lines)
        self.paragraphs: list[list[str]] = []  # open paragraphs, innermost last
        self.in_body = 0
        self.in_run = 0
        self.depth = 0
        self.skip_depth = 0  # the depth of the skipped element, 0 when not skipping

    def _emit(self, text: str) -> None:
        if self.paragraphs and text:
            self.budget.spend(len(text))
            self.paragraphs[-1].append(text)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.depth += 1
        if self.skip_depth:
            return
        kind = self.kinds.get(name)
        if kind is None:
            return
        if kind is Kind.BODY:
            self.in_body += 1
        elif not self.in_body:
            return
        elif kind is Kind.SKIP:
            self.skip_depth = self.depth
        elif kind is Kind.PARAGRAPH:
            self.paragraphs.append([])
        elif kind is Kind.RUN_TEXT:
            self.in_run += 1
        elif kind is Kind.TAB:
            self._emit("\t")
        elif kind is Kind.BREAK:
            self._emit("\n")
        elif kind is Kind.HYPHEN:
            self._emit("-")
        elif kind is Kind.SPACES and self.spaces is not None:
            self._emit(" " * self.spaces(attrs))
        elif kind in (Kind.ROW, Kind.CELL):
            self.containers.append([])

    def end(self, name: str) -> None:
        depth = self.depth
        self.depth -= 1
        if self.skip_depth:
            if depth == self.skip_depth:
                self.skip_depth = 0
            return
        kind = self.kinds.get(name)
        if kind is None or kind is Kind.SKIP:
            return
        if kind is Kind.BODY:
            self.in_body -= 1
        elif not self.in_body:
            return
        elif kind is Kind.PARAGRAPH:
            self._close_paragraph()
        elif kind is Kind.RUN_TEXT:
            self.in_run -= 1
        elif kind is Kind.ROW:
            self._add_line("\t".join(self.containers.pop()))
        elif kind is Kind.CELL:
            self._add_line(" ".join(self.containers.pop()).strip())

    def _close_paragraph(self) -> None:
        text = "".join(self.paragraphs.pop())
        if self.paragraphs:  # a text box inside a paragraph: its own line within it
            if text:
                self.budget.spend(2)
                self.paragraphs[-1].append(f"\n{text}\n")
        else:
            self._add_line(text)

    def _add_line(self, line: str) -> None:
        # The characters were counted as they came; this counts the separator.
        self.budget.spend(1)
        self.containers[-1].append(line)

    def text(self, data: str) -> None:
        if self.skip_depth or not self.paragraphs:
            return
        if self.text_only_in_runs and not self.in_run:
            return
        self._emit(data)

    def result(self) -> str:
        return "\n".join(self.lines)
