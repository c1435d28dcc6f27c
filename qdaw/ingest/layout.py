"""Paragraphs and tables out of an office document's XML events, in document order.

One engine for .docx and .odt: each format gives a table from element names to what
they are (paragraph, table row, cell, tab, skipped subtree…). Output lines: one per
paragraph, one per table row (cells separated by tabs, a cell's paragraphs joined by
spaces). Each cell element appears once, so a merged cell is neither repeated nor
confused with a neighbour holding the same text. Characters are counted as they come.

The handlers run for every element of a part that may hold millions: they dispatch
through dictionaries of bound methods, and text is collected by one flag test.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import Enum, auto

from qdaw.ingest import limits


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
    """An ``XmlHandler`` collecting the text; ``result()`` gives it.

    ``spaces`` reads the count of a SPACES element from its attributes (a flat list of
    names and values, as expat gives them with ``ordered_attributes``).
    """

    def __init__(
        self,
        kinds: Mapping[str, Kind],
        part: str,
        text_only_in_runs: bool,
        spaces: Callable[[list[str]], int] | None = None,
    ) -> None:
        self.part = part
        self.text_only_in_runs = text_only_in_runs
        self.spaces = spaces
        self.max_depth, self.max_elements = limits.MAX_DEPTH, limits.MAX_ELEMENTS
        self.left = limits.MAX_CHARS  # characters still allowed
        self.lines: list[str] = []
        self.containers: list[list[str]] = [self.lines]  # rows (cells) and cells (lines)
        self.paragraphs: list[list[str]] = []  # open paragraphs, innermost last
        self.in_body = self.in_run = self.depth = self.elements = 0
        self.skip_depth = 0  # the depth of the skipped element, 0 when not skipping
        self.collecting = False  # whether characters are text now
        starts: dict[Kind, Callable[[list[str]], None]] = {
            Kind.BODY: self._enter_body,
            Kind.PARAGRAPH: self._open_paragraph,
            Kind.RUN_TEXT: self._enter_run,
            Kind.TAB: lambda attrs: self._emit("\t"),
            Kind.BREAK: lambda attrs: self._emit("\n"),
            Kind.HYPHEN: lambda attrs: self._emit("-"),
            Kind.SPACES: self._add_spaces,
            Kind.ROW: self._open_container,
            Kind.CELL: self._open_container,
            Kind.SKIP: self._start_skipping,
        }
        ends: dict[Kind, Callable[[], None]] = {
            Kind.BODY: self._leave_body,
            Kind.PARAGRAPH: self._close_paragraph,
            Kind.RUN_TEXT: self._leave_run,
            Kind.ROW: lambda: self._add_line("\t".join(self.containers.pop())),
            Kind.CELL: lambda: self._add_line(" ".join(self.containers.pop()).strip()),
        }
        self.body_starts = {name: starts[kind] for name, kind in kinds.items()}
        self.body_ends = {name: ends[kind] for name, kind in kinds.items() if kind in ends}
        self.outside_starts = {n: starts[k] for n, k in kinds.items() if k is Kind.BODY}
        self.starts = self.outside_starts
        self.ends: dict[str, Callable[[], None]] = {}

    # -- the XmlHandler callbacks ---------------------------------------------------
    def start(self, name: str, attrs: list[str]) -> None:
        self.depth += 1
        self.elements += 1
        if self.depth > self.max_depth or self.elements > self.max_elements:
            self._too_much()
        if self.skip_depth:
            return
        handler = self.starts.get(name)
        if handler is not None:
            handler(attrs)

    def end(self, name: str) -> None:
        depth = self.depth
        self.depth = depth - 1
        if self.skip_depth:
            if depth == self.skip_depth:
                self.skip_depth = 0
                self._refresh()
            return
        handler = self.ends.get(name)
        if handler is not None:
            handler()

    def text(self, data: str) -> None:
        if self.collecting:
            self.left -= len(data)
            if self.left < 0:
                raise limits.too_long()
            self.paragraphs[-1].append(data)

    def result(self) -> str:
        return "\n".join(self.lines)

    # -- state ------------------------------------------------------------------------
    def _too_much(self) -> None:
        if self.depth > self.max_depth:
            raise limits.Unreadable(
                f"refused: elements nested more than {self.max_depth:,} deep in {self.part}"
            )
        raise limits.Unreadable(
            f"refused: more than {limits.millions(self.max_elements)} XML elements in {self.part}"
        )

    def _refresh(self) -> None:
        self.collecting = (
            bool(self.paragraphs)
            and not self.skip_depth
            and (self.in_run > 0 or not self.text_only_in_runs)
        )

    def _spend(self, count: int) -> None:
        self.left -= count
        if self.left < 0:
            raise limits.too_long()

    def _enter_body(self, attrs: list[str]) -> None:
        self.in_body += 1
        self.starts, self.ends = self.body_starts, self.body_ends

    def _leave_body(self) -> None:
        self.in_body -= 1
        if not self.in_body:
            self.starts, self.ends = self.outside_starts, {}

    def _start_skipping(self, attrs: list[str]) -> None:
        self.skip_depth = self.depth
        self.collecting = False

    def _enter_run(self, attrs: list[str]) -> None:
        self.in_run += 1
        self._refresh()

    def _leave_run(self) -> None:
        self.in_run -= 1
        self._refresh()

    def _open_paragraph(self, attrs: list[str]) -> None:
        self.paragraphs.append([])
        self._refresh()

    def _close_paragraph(self) -> None:
        text = "".join(self.paragraphs.pop())
        if self.paragraphs:  # a text box inside a paragraph: its own line within it
            if text:
                self._spend(2)
                self.paragraphs[-1].append(f"\n{text}\n")
        else:
            self._add_line(text)
        self._refresh()

    def _open_container(self, attrs: list[str]) -> None:
        self.containers.append([])

    def _add_line(self, line: str) -> None:
        # The characters were counted as they came; this counts the separator.
        self._spend(1)
        self.containers[-1].append(line)

    def _emit(self, text: str) -> None:
        if self.paragraphs:
            self._spend(len(text))
            self.paragraphs[-1].append(text)

    def _add_spaces(self, attrs: list[str]) -> None:
        if self.spaces is not None:
            self._emit(" " * self.spaces(attrs))
