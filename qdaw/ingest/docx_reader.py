"""Word .docx: the main document part streamed, paragraphs and tables in order.

Left out, as Word shows them or as a transcript needs: tracked deletions (insertions
are kept), drawings and text boxes, ruby annotations, the VML fallbacks that duplicate
newer content. Comments, footnotes, headers and footers live in other parts, unread.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from qdaw.ingest.archive import has_member, member_chunks, open_archive, read_small
from qdaw.ingest.layout import Kind, LayoutText
from qdaw.ingest.limits import Unreadable
from qdaw.ingest.xmlstream import SEPARATOR, parse

_WORD = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # "Strict Open XML"
)
_MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DEFAULT_PART = "word/document.xml"

_STRUCTURE = {
    "body": Kind.BODY,
    "p": Kind.PARAGRAPH,
    "t": Kind.RUN_TEXT,
    "tab": Kind.TAB,  # in a run; tab stops live in w:pPr, which is skipped
    "ptab": Kind.TAB,
    "br": Kind.BREAK,
    "cr": Kind.BREAK,
    "noBreakHyphen": Kind.HYPHEN,
    "tr": Kind.ROW,
    "tc": Kind.CELL,
}
_SKIPPED = (
    "del", "moveFrom",  # tracked deletions and the old place of moved text
    "pPr", "rPr", "sectPr", "tblPr", "tblGrid", "trPr", "tcPr", "sdtPr", "sdtEndPr",
    "customXmlPr", "drawing", "pict", "object", "rt", "fldData", "ffData",
)  # fmt: skip


def _kinds() -> dict[str, Kind]:
    kinds: dict[str, Kind] = {}
    for namespace in _WORD:
        kinds.update({f"{namespace}{SEPARATOR}{k}": v for k, v in _STRUCTURE.items()})
        kinds.update({f"{namespace}{SEPARATOR}{k}": Kind.SKIP for k in _SKIPPED})
    kinds[f"{_MARKUP_COMPATIBILITY}{SEPARATOR}Fallback"] = Kind.SKIP
    return kinds


KINDS = _kinds()


class _MainPart:
    """Finds the officeDocument relationship in _rels/.rels."""

    def __init__(self) -> None:
        self.target: str | None = None

    def start(self, name: str, attrs: list[str]) -> None:
        if self.target is None and name == f"{_RELATIONSHIPS}{SEPARATOR}Relationship":
            values = dict(zip(attrs[::2], attrs[1::2], strict=False))
            if values.get("Type", "").endswith("/officeDocument"):
                self.target = values.get("Target")

    def end(self, name: str) -> None:
        pass

    def text(self, data: str) -> None:
        pass


def _main_part(archive: zipfile.ZipFile) -> str:
    """The document part's name; word/document.xml when the relationships don't say."""
    if not has_member(archive, "_rels/.rels"):
        return _DEFAULT_PART
    finder = _MainPart()
    try:
        parse([read_small(archive, "_rels/.rels")], "_rels/.rels", finder)
    except Unreadable:
        return _DEFAULT_PART  # damaged relationships: the usual name may still be there
    if not finder.target:
        return _DEFAULT_PART
    return posixpath.normpath(finder.target.lstrip("/"))


def read_docx(path: Path) -> str:
    with open_archive(path, ".docx") as archive:
        part = _main_part(archive)
        if not has_member(archive, part):
            raise Unreadable(f"not a valid .docx file (no {part})")
        layout = LayoutText(KINDS, part, text_only_in_runs=True)
        parse(member_chunks(archive, part), part, layout)
    return layout.result()
