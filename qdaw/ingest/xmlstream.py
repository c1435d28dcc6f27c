"""Streaming XML for the office formats: expat, fed chunk by chunk.

Entities are never expanded, neither internal ones (billion laughs) nor external ones
(XXE: nothing is fetched or read). A reference to one stays in the text as written
("before &xxe; after"), so nothing around it disappears. The length of a single tag is
limited here, nesting depth and element count by the handler (``layout``); any XML
error becomes ``Unreadable``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol
from xml.parsers import expat

from qdaw.ingest import limits
from qdaw.ingest.limits import Unreadable

SEPARATOR = " "  # expat joins namespace and local name with this: "urn:… p"


class XmlHandler(Protocol):
    """Attributes come as a flat list: name, value, name, value…"""

    def start(self, name: str, attrs: list[str]) -> None: ...
    def end(self, name: str) -> None: ...
    def text(self, data: str) -> None: ...


def parse(chunks: Iterable[bytes], part: str, handler: XmlHandler) -> None:
    """Feed the part's bytes to expat; the handler sees elements and text."""
    parser = expat.ParserCreate(namespace_separator=SEPARATOR)
    parser.buffer_text = True
    parser.ordered_attributes = True  # a list is cheaper than a dict, element after element
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.text

    def other(data: str) -> None:
        # Everything expat does not report elsewhere: the DTD, comments, processing
        # instructions, and references to entities, which it then does not expand.
        if data.startswith("&"):
            handler.text(data)

    parser.DefaultHandler = other  # set, it also stops entity expansion
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
    except (LookupError, ValueError) as exc:  # what expat says of the declared encoding
        raise Unreadable(
            f"damaged document: {part} declares an encoding that cannot be read ({exc})"
        ) from exc
    except expat.ExpatError as exc:
        reason = expat.errors.messages.get(exc.code, str(exc))
        raise Unreadable(
            f"damaged document: broken XML in {part} ({reason}, line {exc.lineno},"
            f" column {exc.offset})"
        ) from exc
