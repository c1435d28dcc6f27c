"""One reader per file format. Each returns normalised text or raises ImportFailed."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from qdaw.core.errors import ImportFailed
from qdaw.ingest.text import UndecodableText, decode_bytes, normalise

MAX_FILE_BYTES = 256 * 1024 * 1024
# Limits against hostile archives (zip bombs) in .docx and .odt files.
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
MAX_ARCHIVE_MEMBERS = 10_000


@dataclass(frozen=True)
class SourceText:
    text: str
    format: str
    encoding: str | None = None


def _read_plain(path: Path) -> SourceText:
    try:
        text, encoding = decode_bytes(path.read_bytes())
    except UndecodableText as exc:
        raise ImportFailed(path, f"cannot decode: {exc}") from exc
    return SourceText(normalise(text), path.suffix.lower().lstrip("."), encoding)


def _check_archive(path: Path, what: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise ImportFailed(path, f"not a valid {what} file (damaged or not a zip archive)") from exc
    members = archive.infolist()
    if len(members) > MAX_ARCHIVE_MEMBERS:
        raise ImportFailed(path, f"refused: the archive holds {len(members)} files")
    unpacked = sum(info.file_size for info in members)
    packed = max(1, sum(info.compress_size for info in members))
    if unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_COMPRESSION_RATIO:
        raise ImportFailed(
            path, f"refused: the archive would unpack to {unpacked:,} bytes (possible zip bomb)"
        )
    for info in members:
        if info.filename.startswith("/") or ".." in Path(info.filename).parts:
            raise ImportFailed(path, f"refused: unsafe path in archive ({info.filename})")
    return archive


def _read_docx(path: Path) -> SourceText:
    import docx  # lazy: python-docx pulls in lxml
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    _check_archive(path, ".docx").close()
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise ImportFailed(path, f"not a valid .docx file ({exc})") from exc
    except Exception as exc:  # lxml and zip errors surface under many names
        raise ImportFailed(path, f"cannot read .docx: {type(exc).__name__}: {exc}") from exc
    lines: list[str] = []
    # Body content in document order: paragraphs (headings included) and tables.
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = " ".join(p.text for p in cell.paragraphs).strip()
                    if not cells or value != cells[-1]:  # merged cells repeat their text
                        cells.append(value)
                lines.append("\t".join(cells))
        else:
            lines.append(block.text)
    return SourceText(normalise("\n".join(lines)), "docx")


_ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_ODF_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


def _odf_inline(element: ElementTree.Element) -> str:
    parts: list[str] = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == f"{{{_ODF_TEXT}}}s":
            parts.append(" " * int(child.get(f"{{{_ODF_TEXT}}}c", "1")))
        elif tag == f"{{{_ODF_TEXT}}}tab":
            parts.append("\t")
        elif tag == f"{{{_ODF_TEXT}}}line-break":
            parts.append("\n")
        elif tag == f"{{{_ODF_TEXT}}}note":
            pass  # footnotes are not part of the spoken text
        else:
            parts.append(_odf_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _odf_blocks(element: ElementTree.Element, lines: list[str]) -> None:
    for child in element:
        if child.tag in (f"{{{_ODF_TEXT}}}p", f"{{{_ODF_TEXT}}}h"):
            lines.append(_odf_inline(child))
        elif child.tag == f"{{{_ODF_TABLE}}}table-row":
            cells = []
            for cell in child:
                cell_lines: list[str] = []
                _odf_blocks(cell, cell_lines)
                cells.append(" ".join(cell_lines).strip())
            lines.append("\t".join(cells))
        else:
            _odf_blocks(child, lines)


def _read_odt(path: Path) -> SourceText:
    archive = _check_archive(path, ".odt")
    try:
        content = archive.read("content.xml")
    except KeyError as exc:
        raise ImportFailed(path, "not a valid .odt file (no content.xml)") from exc
    finally:
        archive.close()
    try:
        root = ElementTree.fromstring(content)
    except ElementTree.ParseError as exc:
        raise ImportFailed(path, f"not a valid .odt file (broken XML: {exc})") from exc
    lines: list[str] = []
    body = root.find("{urn:oasis:names:tc:opendocument:xmlns:office:1.0}body")
    _odf_blocks(body if body is not None else root, lines)
    return SourceText(normalise("\n".join(lines)), "odt")


def _read_rtf(path: Path) -> SourceText:
    from striprtf.striprtf import rtf_to_text

    raw = path.read_bytes()
    if not raw.lstrip().startswith(b"{\\rtf"):
        raise ImportFailed(path, "not an RTF file (no {\\rtf header)")
    try:
        # RTF is 7-bit; non-ASCII comes as \'hh (code page) or \uN escapes.
        text = rtf_to_text(raw.decode("latin-1"), encoding="cp1252", errors="strict")
    except Exception as exc:
        raise ImportFailed(path, f"cannot read RTF: {exc}") from exc
    return SourceText(normalise(text), "rtf")


READERS: dict[str, Callable[[Path], SourceText]] = {
    ".txt": _read_plain,
    ".md": _read_plain,
    ".docx": _read_docx,
    ".odt": _read_odt,
    ".rtf": _read_rtf,
}
SUPPORTED_SUFFIXES = tuple(READERS)


def read_source(path: str | Path) -> SourceText:
    """Read one transcript. Raises ImportFailed naming the file and the reason."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        raise ImportFailed(path, f"unsupported format {path.suffix or '(none)'} (use {supported})")
    if not path.is_file():
        raise ImportFailed(path, "no such file")
    size = path.stat().st_size
    if size == 0:
        raise ImportFailed(path, "the file is empty")
    if size > MAX_FILE_BYTES:
        raise ImportFailed(path, f"too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})")
    try:
        source = reader(path)
    except ImportFailed:
        raise
    except OSError as exc:
        raise ImportFailed(path, f"cannot read: {exc.strerror or exc}") from exc
    if not source.text.strip():
        raise ImportFailed(path, "no text in the file")
    return source
