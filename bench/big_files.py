"""Large transcripts just under and just over each import limit, written by streaming
(an archive member of a gigabyte never sits in memory here either)."""

from __future__ import annotations

import random
import zipfile
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path

from bench.generate import make_text
from bench.hostile_files import DOCX_PACKAGE, W

MB = 1024 * 1024
_RUN = (
    '<w:r w:rsidR="00A1B2C3"><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>'
    '<w:lang w:val="fr-FR"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>'
)
_ODT_OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content'
    ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
)
_ODT_CLOSE = "</office:text></office:body></office:document-content>"


@cache
def interview_lines(characters: int) -> tuple[str, ...]:
    """Interview-like lines (Q/R turns) adding up to about ``characters``."""
    lines: list[str] = []
    total, seed = 0, 0
    while total < characters:
        seed += 1
        for line in make_text(random.Random(seed), 200_000).split("\n"):
            lines.append(line)
            total += len(line) + 1
            if total >= characters:
                break
    return tuple(lines)


def write_docx(path: Path, parts: Iterable[str], declared: int | None = None) -> Path:
    """A .docx streamed from XML pieces of the body (``declared``: patch the size)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in DOCX_PACKAGE:
            archive.writestr(name, data)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(f'<w:document xmlns:w="{W}"><w:body>'.encode())
            _write_all(member, parts)
            member.write(b"</w:body></w:document>")
    if declared is not None:
        from bench.hostile_files import patch_member

        path.write_bytes(patch_member(path.read_bytes(), "word/document.xml", file_size=declared))
    return path


def write_odt(path: Path, parts: Iterable[str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        with archive.open("content.xml", "w", force_zip64=True) as member:
            member.write(_ODT_OPEN.encode())
            _write_all(member, parts)
            member.write(_ODT_CLOSE.encode())
    return path


def _write_all(member: object, parts: Iterable[str]) -> None:
    buffer: list[str] = []
    size = 0
    for part in parts:
        buffer.append(part)
        size += len(part)
        if size > MB:
            member.write("".join(buffer).encode())  # type: ignore[attr-defined]
            buffer, size = [], 0
    member.write("".join(buffer).encode())  # type: ignore[attr-defined]


def docx_paragraphs(lines: Iterable[str]) -> Iterator[str]:
    """Word-like markup: paragraph properties, runs of about 60 characters."""
    for line in lines:
        runs = "".join(_RUN.format(line[i : i + 60]) for i in range(0, len(line), 60))
        yield f'<w:p w:rsidR="00A1B2C3"><w:pPr><w:pStyle w:val="Normal"/></w:pPr>{runs}</w:p>'


def odt_paragraphs(lines: Iterable[str]) -> Iterator[str]:
    for line in lines:
        yield f'<text:p text:style-name="P1">{line}</text:p>'


def rtf(path: Path, lines: Iterable[str]) -> Path:
    """Word-like RTF: accents as \\'hh escapes, a group per paragraph."""
    with path.open("wb") as out:
        out.write(rb"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss\fcharset0 Arial;}}")
        for line in lines:
            escaped = "".join(
                c if ord(c) < 128 else f"\\'{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c)}?"
                for c in line
            )
            out.write(b"{\\pard\\plain\\f0\\fs22\\lang1036 " + escaped.encode() + b"\\par}\n")
        out.write(b"}")
    return path


def repeated(part: str, times: int) -> Iterator[str]:
    chunk = part * max(1, MB // max(1, len(part)))
    per_chunk = max(1, MB // max(1, len(part)))
    full, rest = divmod(times, per_chunk)
    for _ in range(full):
        yield chunk
    yield part * rest


def nested(open_tag: str, close_tag: str, depth: int, inner: str) -> Iterator[str]:
    yield open_tag * depth + inner + close_tag * depth


def with_lines(characters: int, write: Callable[[Iterable[str]], Path]) -> Path:
    return write(interview_lines(characters))
