"""Streaming XML for the office formats: expat, fed chunk by chunk, with limits.

Entities are never expanded, neither internal ones (billion laughs) nor external ones
(XXE: nothing is fetched or read). A reference to one stays in the text as written
("before &xxe; after"), so nothing around it disappears. Nesting depth, element count
and the length of a single tag are limited; any XML error becomes ``Unreadable``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol
from xml.parsers import expat

from qdaw.ingest import limits
from qdaw.ingest.limits import Unreadable

SEPARATOR = " "  # expat joins namespace and local name with this: "urn:… p"


class XmlHandler(Protocol):
    def start(self, name: str, attrs: dict[str, str]) -> None: ...
    def end(self, name: str) -> None: ...
    def text(self, data: str) -> None: ...


class _Counter:
    """Depth and element limits, wrapped around the handler's own callbacks."""

    def __init__(self, handler: XmlHandler, part: str) -> None:
        self.handler = handler
        self.part = part
        self.depth = 0
        self.elements = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.depth += 1
        self.elements += 1
        if self.depth > limits.MAX_DEPTH:
            raise Unreadable(
                f"refused: elements nested more than {limits.MAX_DEPTH:,} deep in {self.part}"
            )
        if self.elements > limits.MAX_ELEMENTS:
            raise Unreadable(
                f"refused: more than {limits.millions(limits.MAX_ELEMENTS)} XML elements"
                f" in {self.part}"
            )
        self.handler.start(name, attrs)

    def end(self, name: str) -> None:
        self.depth -= 1
        self.handler.end(name)

    def other(self, data: str) -> None:
        # Everything expat does not report elsewhere: the DTD, comments, processing
        # instructions, and references to entities, which it then does not expand.
        if data.startswith("&"):
            self.handler.text(data)


def parse(chunks: Iterable[bytes], part: str, handler: XmlHandler) -> None:
    """Feed the part's bytes to expat; the handler sees elements and text."""
    counter = _Counter(handler, part)
    parser = expat.ParserCreate(namespace_separator=SEPARATOR)
    parser.buffer_text = True
    parser.StartElementHandler = counter.start
    parser.EndElementHandler = counter.end
    parser.CharacterDataHandler = handler.text
    parser.DefaultHandler = counter.other  # set, it also stops entity expansion
    fed = 0
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
            fed += len(chunk)
            # Inside one unfinished tag expat reports no event and re-reads the tag
            # from its start at every chunk: a huge tag would take quadratic time.
            if fed - parser.CurrentByteIndex > limits.MAX_TOKEN_BYTES:
                raise Unreadable(
                    f"damaged document: a single tag or comment longer than"
                    f" {limits.MAX_TOKEN_BYTES // (1024 * 1024)} MB in {part}"
                )
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        reason = expat.errors.messages.get(exc.code, str(exc))
        raise Unreadable(
            f"damaged document: broken XML in {part} ({reason}, line {exc.lineno},"
            f" column {exc.offset})"
        ) from exc
