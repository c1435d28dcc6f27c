"""One reader per file format. Each returns normalised text or raises ImportFailed.

Every reader works within the limits of ``qdaw.ingest.limits`` and reports a problem
as ``Unreadable`` with the reason in words; ``read_source`` adds the file's name. An
error no reader anticipated is still reported as ``ImportFailed`` (marked
"unexpected"), so one bad file never stops the import of the others.

Readers of paged or timed formats (PDF, subtitles) also give marks: where each page
or turn starts (qdaw.ingest.marks). A text, Word or HTML file written by a
transcription service ("Speaker 1  00:01:23" lines) is read as a timed transcript.
An image (PNG, JPEG) gives an empty text and its picture (qdaw.ingest.images).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from qdaw.errors import ImportFailed
from qdaw.ingest import limits
from qdaw.ingest.docx_reader import read_docx
from qdaw.ingest.html_reader import read_html
from qdaw.ingest.images import IMAGE_SUFFIXES, ImageData, read_image
from qdaw.ingest.limits import Unreadable, too_long
from qdaw.ingest.marks import Extracted, Mark
from qdaw.ingest.odt_reader import read_odt
from qdaw.ingest.rtf import read_rtf
from qdaw.ingest.text import UndecodableText, decode_bytes, normalise
from qdaw.ingest.transcripts import read_srt, read_vtt, timestamped_turns


@dataclass(frozen=True)
class SourceText:
    text: str
    format: str
    encoding: str | None = None
    marks: tuple[Mark, ...] = ()  # pages and turn times, offsets into ``text``
    notes: tuple[str, ...] = ()  # what reading did, for the import report
    image: ImageData | None = None  # an image document's picture (its text is "")


def _decoded(path: Path) -> tuple[str, str | None]:
    try:
        text, encoding = decode_bytes(path.read_bytes())
    except UndecodableText as exc:
        raise Unreadable(f"cannot decode: {exc}") from exc
    if len(text) > limits.MAX_CHARS:
        raise too_long(len(text))
    return text, encoding


def _read_plain(path: Path, drop_repeated_lines: bool) -> Extracted:
    return Extracted(*_decoded(path))


def _formatted(reader: Callable[[Path], str]) -> Callable[[Path, bool], Extracted]:
    return lambda path, _drop: Extracted(reader(path))


def _subtitles(reader: Callable[[str], Extracted]) -> Callable[[Path, bool], Extracted]:
    def read(path: Path, _drop: bool) -> Extracted:
        text, encoding = _decoded(path)
        extracted = reader(normalise(text))
        extracted.encoding = encoding
        return extracted

    return read


def _read_pdf(path: Path, drop_repeated_lines: bool) -> Extracted:
    from qdaw.ingest.pdf import read_pdf  # pypdf loads only for a PDF

    return read_pdf(path, drop_repeated_lines)


READERS: dict[str, Callable[[Path, bool], Extracted]] = {
    ".txt": _read_plain,
    ".md": _read_plain,
    ".docx": _formatted(read_docx),
    ".odt": _formatted(read_odt),
    ".rtf": _formatted(read_rtf),
    ".pdf": _read_pdf,
    ".html": _formatted(read_html),
    ".htm": _formatted(read_html),
    ".vtt": _subtitles(read_vtt),
    ".srt": _subtitles(read_srt),
}
SUPPORTED_SUFFIXES = (*READERS, *IMAGE_SUFFIXES)
_PLAIN = (".txt", ".md", ".vtt", ".srt", ".html", ".htm")
# Formats whose text may be a transcription service's export with timed speaker lines.
_MAY_BE_TIMED = (".txt", ".md", ".docx", ".odt", ".rtf", ".html", ".htm")


def _size_limit(suffix: str) -> int:
    return limits.MAX_PLAIN_BYTES if suffix in _PLAIN else limits.MAX_FILE_BYTES


def _finished(suffix: str, extracted: Extracted) -> Extracted:
    """Normalised text (marked pieces are normalised by their reader), read as a timed
    transcript when it is one."""
    if extracted.marks:
        return extracted
    text = normalise(extracted.text)
    timed = timestamped_turns(text) if suffix in _MAY_BE_TIMED else None
    if timed is None:
        return Extracted(text, extracted.encoding, [], extracted.notes)
    notes = [*extracted.notes, f"read as a timed transcript ({len(timed.marks)} turns)"]
    return Extracted(timed.text, extracted.encoding, timed.marks, notes)


def read_source(path: str | Path, drop_repeated_lines: bool = True) -> SourceText:
    """Read one transcript. Raises ImportFailed naming the file and the reason.

    ``drop_repeated_lines``: leave out a PDF's headers and footers (lines repeated at
    the top or bottom of most pages); the notes say how many went."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        return _read_image_source(path, IMAGE_SUFFIXES[suffix])
    reader = READERS.get(suffix)
    if reader is None:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        raise ImportFailed(path, f"unsupported format {path.suffix or '(none)'} (use {supported})")
    try:
        limits.check_size(path, _size_limit(suffix))
        extracted = _finished(suffix, reader(path, drop_repeated_lines))
    except ImportFailed:
        raise
    except Unreadable as exc:
        raise ImportFailed(path, exc.reason) from exc
    except OSError as exc:
        raise ImportFailed(path, f"cannot read: {exc.strerror or exc}") from exc
    except Exception as exc:  # a reader's bug must not abort a folder import
        raise ImportFailed(path, f"unexpected error: {type(exc).__name__}: {exc}") from exc
    if not extracted.text.strip():
        raise ImportFailed(path, "no text in the file")
    return SourceText(
        extracted.text,
        suffix.lstrip("."),
        extracted.encoding,
        tuple(extracted.marks),
        tuple(extracted.notes),
    )


def _read_image_source(path: Path, fmt: str) -> SourceText:
    try:
        image = read_image(path, fmt)
    except Unreadable as exc:
        raise ImportFailed(path, exc.reason) from exc
    except OSError as exc:
        raise ImportFailed(path, f"cannot read: {exc.strerror or exc}") from exc
    return SourceText("", image.format, image=image)
