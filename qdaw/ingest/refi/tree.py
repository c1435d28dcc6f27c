"""REFI-QDA XML read into an ElementTree, defensively: entities are never expanded
(qdaw.ingest.xmlstream), nesting depth and element count are bounded, and tags lose
their namespace (exporters write ``urn:QDA-XML:project:1.0``, ``…:codebook:0:4`` or
``…:1:0``: the element names are what counts)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from xml.etree.ElementTree import Element, TreeBuilder

from qdaw.ingest import limits, xmlstream
from qdaw.ingest.limits import Unreadable


def local(name: str) -> str:
    return name.rsplit(xmlstream.SEPARATOR, 1)[-1].rsplit("}", 1)[-1]


class _Builder:
    def __init__(self, part: str) -> None:
        self.part = part
        self.builder = TreeBuilder()
        self.depth = 0
        self.elements = 0
        self.namespace = ""

    def start(self, name: str, attrs: list[str]) -> None:
        self.depth += 1
        self.elements += 1
        if self.depth > limits.MAX_DEPTH:
            raise Unreadable(f"refused: {self.part} nests more than {limits.MAX_DEPTH} deep")
        if self.elements > limits.MAX_ELEMENTS:
            raise Unreadable(
                f"refused: {self.part} holds more than {limits.MAX_ELEMENTS:,} elements"
            )
        if self.elements == 1 and xmlstream.SEPARATOR in name:
            self.namespace = name.rsplit(xmlstream.SEPARATOR, 1)[0]
        pairs = zip(attrs[0::2], attrs[1::2], strict=True)
        self.builder.start(local(name), {local(key): value for key, value in pairs})

    def end(self, name: str) -> None:
        self.depth -= 1
        self.builder.end(local(name))

    def text(self, data: str) -> None:
        self.builder.data(data)


#: A document type declaration is where entities are declared: REFI-QDA has none, so
#: one is refused outright (nothing to expand, nothing to fetch).
_DTD = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))


def _refusing_dtd(chunks: Iterable[bytes], part: str) -> Iterator[bytes]:
    seen = b""
    for chunk in chunks:
        if len(seen) < 65536:
            seen += chunk[:65536]
            if any(marker in seen for marker in _DTD):
                raise Unreadable(
                    f"refused: {part} declares a document type (entities), which REFI-QDA "
                    "files never need"
                )
        yield chunk


def parse_xml(chunks: Iterable[bytes], part: str) -> tuple[Element, str]:
    """The document's root element and its namespace."""
    builder = _Builder(part)
    xmlstream.parse(_refusing_dtd(chunks, part), part, builder)
    try:
        root = builder.builder.close()
    except AssertionError as exc:  # (no root element: an empty document)
        raise Unreadable(f"damaged document: {part} holds no XML element") from exc
    return root, builder.namespace
