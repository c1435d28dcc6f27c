"""One reader per file format. Each returns normalised text or raises ImportFailed.

Every reader works within the limits of ``qdaw.ingest.limits`` and reports a problem
as ``Unreadable`` with the reason in words; ``read_source`` adds the file's name. An
error no reader anticipated is still reported as ``ImportFailed`` (marked
"unexpected"), so one bad file never stops the import of the others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from qdaw.errors import ImportFailed
from qdaw.ingest import limits
from qdaw.ingest.docx_reader import read_docx
from qdaw.ingest.limits import Unreadable, too_long
from qdaw.ingest.odt_reader import read_odt
from qdaw.ingest.rtf import read_rtf
from qdaw.ingest.text import UndecodableText, decode_bytes, normalise


@dataclass(frozen=True)
class SourceText:
    text: str
    format: str
    encoding: str | None = None


def _read_plain(path: Path) -> tuple[str, str | None]:
    try:
        text, encoding = decode_bytes(path.read_bytes())
    except UndecodableText as exc:
        raise Unreadable(f"cannot decode: {exc}") from exc
    if len(text) > limits.MAX_CHARS:
        raise too_long(len(text))
    return text, encoding


def _formatted(reader: Callable[[Path], str]) -> Callable[[Path], tuple[str, str | None]]:
    return lambda path: (reader(path), None)


READERS: dict[str, Callable[[Path], tuple[str, str | None]]] = {
    ".txt": _read_plain,
    ".md": _read_plain,
    ".docx": _formatted(read_docx),
    ".odt": _formatted(read_odt),
    ".rtf": _formatted(read_rtf),
}
SUPPORTED_SUFFIXES = tuple(READERS)


def _size_limit(suffix: str) -> int:
    return limits.MAX_PLAIN_BYTES if suffix in (".txt", ".md") else limits.MAX_FILE_BYTES


def read_source(path: str | Path) -> SourceText:
    """Read one transcript. Raises ImportFailed naming the file and the reason."""
    path = Path(path)
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        raise ImportFailed(path, f"unsupported format {path.suffix or '(none)'} (use {supported})")
    try:
        limits.check_size(path, _size_limit(suffix))
        text, encoding = reader(path)
        text = normalise(text)
    except ImportFailed:
        raise
    except Unreadable as exc:
        raise ImportFailed(path, exc.reason) from exc
    except OSError as exc:
        raise ImportFailed(path, f"cannot read: {exc.strerror or exc}") from exc
    except Exception as exc:  # a reader's bug must not abort a folder import
        raise ImportFailed(path, f"unexpected error: {type(exc).__name__}: {exc}") from exc
    if not text.strip():
        raise ImportFailed(path, "no text in the file")
    return SourceText(text, suffix.lstrip("."), encoding)
