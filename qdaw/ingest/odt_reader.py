"""OpenDocument .odt: content.xml streamed, paragraphs, headings and tables in order.

Left out: footnotes and endnotes, reviewers' comments (office:annotation, with their
author and date), text deleted under tracked changes (kept in text:tracked-changes;
insertions are part of the body and kept), image titles and descriptions, ruby
annotations, and the templates of tables of contents.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from qdaw.ingest import limits
from qdaw.ingest.archive import has_member, member_chunks, open_archive, read_small
from qdaw.ingest.layout import Kind, LayoutText
from qdaw.ingest.limits import Unreadable
from qdaw.ingest.xmlstream import SEPARATOR, parse

_ODF = "urn:oasis:names:tc:opendocument:xmlns:"
_OFFICE = f"{_ODF}office:1.0{SEPARATOR}"
_TEXT = f"{_ODF}text:1.0{SEPARATOR}"
_TABLE = f"{_ODF}table:1.0{SEPARATOR}"
_SVG = f"{_ODF}svg-compatible:1.0{SEPARATOR}"
_SPACE_COUNT = f"{_TEXT}c"
_DIGITS = re.compile(r"[0-9]+")

_INDEXES = (  # the templates of tables of contents and indexes
    "table-of-content", "illustration-index", "table-index", "object-index",
    "user-index", "alphabetical-index", "bibliography",
)  # fmt: skip
KINDS = {
    f"{_OFFICE}body": Kind.BODY,
    f"{_TEXT}p": Kind.PARAGRAPH,
    f"{_TEXT}h": Kind.PARAGRAPH,
    f"{_TEXT}s": Kind.SPACES,
    f"{_TEXT}tab": Kind.TAB,
    f"{_TEXT}line-break": Kind.BREAK,
    f"{_TABLE}table-row": Kind.ROW,
    f"{_TABLE}table-cell": Kind.CELL,
    f"{_TABLE}covered-table-cell": Kind.CELL,
    f"{_OFFICE}annotation": Kind.SKIP,
    f"{_TEXT}note": Kind.SKIP,
    f"{_TEXT}tracked-changes": Kind.SKIP,
    f"{_TEXT}ruby-text": Kind.SKIP,
    f"{_SVG}title": Kind.SKIP,
    f"{_SVG}desc": Kind.SKIP,
    **{f"{_TEXT}{index}-source": Kind.SKIP for index in _INDEXES},
}


def _spaces(attrs: list[str]) -> int:
    """The count of <text:s c="N"/>, checked: a number, and not absurd."""
    value = "1"
    for index in range(0, len(attrs) - 1, 2):
        if attrs[index] == _SPACE_COUNT:
            value = attrs[index + 1].strip()
    if not _DIGITS.fullmatch(value):
        raise Unreadable(
            f'damaged document: a space count that is not a number (text:s c="{value[:20]}")'
        )
    if len(value) > 9 or int(value) > limits.MAX_REPEAT:
        shown = f"{int(value):,}" if len(value) <= 15 else f"{value[:15]}…"
        raise Unreadable(
            f"refused: a run of {shown} spaces (text:s c=), limit {limits.MAX_REPEAT:,}"
        )
    return int(value)


def _encrypted(archive: zipfile.ZipFile) -> bool:
    """LibreOffice's password protection is declared in the manifest."""
    if not has_member(archive, "META-INF/manifest.xml"):
        return False
    try:
        return b"encryption-data" in read_small(archive, "META-INF/manifest.xml")
    except Unreadable:
        return False  # a damaged manifest: content.xml may still be readable


def read_odt(path: Path) -> str:
    with open_archive(path, ".odt") as archive:
        if _encrypted(archive):
            raise Unreadable(
                "encrypted (password-protected): save it without a password and import it again"
            )
        if not has_member(archive, "content.xml"):
            raise Unreadable("not a valid .odt file (no content.xml)")
        layout = LayoutText(KINDS, "content.xml", text_only_in_runs=False, spaces=_spaces)
        parse(member_chunks(archive, "content.xml"), "content.xml", layout)
    return layout.result()
