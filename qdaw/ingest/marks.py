"""Where pages and timed turns start in a document's text, as readers find them.

A reader that knows pages (PDF) or times (subtitles, timestamped transcripts) returns
its text as pieces, each opened by a mark. The pieces are normalised one by one, so the
offsets stay exact in the stored text whatever normalising changes (NFC may shorten a
piece, a control character goes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from qdaw.ingest.text import normalise

MarkKind = Literal["page", "time"]


@dataclass(frozen=True)
class Mark:
    kind: MarkKind
    offset: int  # where the page or turn starts, in characters of the stored text
    value: str  # "4", "00:01:23"


@dataclass
class Extracted:
    """A reader's result: the text, the marks into it, and what the reader did that
    the import report should say ("removed 6 repeated header/footer lines")."""

    text: str
    encoding: str | None = None
    marks: list[Mark] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def assemble(
    pieces: list[tuple[MarkKind | None, str | None, str]], separator: str
) -> tuple[str, list[Mark]]:
    """Join normalised pieces with ``separator``; a piece with a kind gets a mark at its
    first character."""
    parts: list[str] = []
    marks: list[Mark] = []
    offset = 0
    for kind, value, piece in pieces:
        piece = normalise(piece)
        if parts:
            parts.append(separator)
            offset += len(separator)
        if kind is not None and value is not None:
            marks.append(Mark(kind, offset, value))
        parts.append(piece)
        offset += len(piece)
    return "".join(parts), marks


def format_seconds(seconds: float) -> str:
    """123.4 -> '00:02:03' (hours always shown: times sort and read alike)."""
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
