"""Files made to break the importers: minimal documents written by hand, zip headers
patched in place, and mutations (flipped bytes, truncations, bad members, deep nesting,
huge repeat counts). Used by tests/test_import_hostile.py, the property-based tests and
``python -m bench.import_fuzz``.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ODF = "urn:oasis:names:tc:opendocument:xmlns"
_ODF_NAMESPACES = " ".join(
    f'xmlns:{p}="{ODF}:{p}:1.0"' for p in ("office", "text", "table", "draw", "svg-compatible")
).replace("xmlns:svg-compatible", "xmlns:svg")
_DC = 'xmlns:dc="http://purl.org/dc/elements/1.1/"'


def zip_bytes(members: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members:
            # ODF wants its mimetype first and stored; the readers do not mind either way.
            stored = zipfile.ZIP_STORED if name == "mimetype" else method
            archive.writestr(name, data, compress_type=stored)
    return buffer.getvalue()


# What Word (and python-docx) need around word/document.xml.
DOCX_PACKAGE = [
    (
        "[Content_Types].xml",
        b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        b'<Override PartName="/word/document.xml" ContentType="application/vnd.'
        b'openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    (
        "_rels/.rels",
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        b"</Relationships>",
    ),
]


def docx_bytes(body: str, doctype: str = "") -> bytes:
    """A .docx whose <w:body> holds ``body`` (WordprocessingML, prefix w:)."""
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
        f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    )
    return zip_bytes([*DOCX_PACKAGE, ("word/document.xml", document.encode())])


def docx_paragraphs(*texts: str) -> str:
    return "".join(f"<w:p><w:r><w:t xml:space='preserve'>{t}</w:t></w:r></w:p>" for t in texts)


def odt_bytes(body: str, doctype: str = "", manifest: str = "") -> bytes:
    """An .odt whose <office:text> holds ``body`` (prefixes office, text, table, draw, svg)."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}'
        f"<office:document-content {_ODF_NAMESPACES} {_DC}><office:body><office:text>"
        f"{body}</office:text></office:body></office:document-content>"
    )
    members = [("mimetype", b"application/vnd.oasis.opendocument.text")]
    if manifest:
        members.append(("META-INF/manifest.xml", manifest.encode()))
    return zip_bytes([*members, ("content.xml", content.encode())])


def rtf_bytes(body: str) -> bytes:
    return (
        r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss\fcharset0 Arial;}}"
        r"{\colortbl;\red0\green0\blue0;}\f0 " + body + "}"
    ).encode("latin-1")


# -- zip headers patched in place ----------------------------------------------------
_CENTRAL = b"PK\x01\x02"
# Field offsets in a central directory header and in a local file header.
_FIELDS = ("version", "flags", "method", "crc", "compress_size", "file_size")
_KINDS = ("H", "H", "H", "I", "I", "I")
_CENTRAL_FIELDS = dict(zip(_FIELDS, zip((6, 8, 10, 16, 20, 24), _KINDS, strict=True), strict=True))
_LOCAL_FIELDS = dict(zip(_FIELDS, zip((4, 6, 8, 14, 18, 22), _KINDS, strict=True), strict=True))


def patch_member(data: bytes, name: str, **fields: int) -> bytes:
    """The archive with the named member's header fields replaced, in both headers:
    version (needed to extract), flags, method, crc, compress_size, file_size."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
        position = archive.start_dir
    out = bytearray(data)
    while out[position : position + 4] == _CENTRAL:
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", out, position + 28)
        if out[position + 46 : position + 46 + name_length] == name.encode():
            for field, value in fields.items():
                offset, kind = _CENTRAL_FIELDS[field]
                struct.pack_into(f"<{kind}", out, position + offset, value)
        position += 46 + name_length + extra_length + comment_length
    for field, value in fields.items():
        offset, kind = _LOCAL_FIELDS[field]
        struct.pack_into(f"<{kind}", out, info.header_offset + offset, value)
    return bytes(out)


def rezip(data: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    """The archive rewritten with one member's content changed."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [(i.filename, archive.read(i)) for i in archive.infolist()]
    return zip_bytes([(n, change(d) if n == name else d) for n, d in members])


# -- mutations -----------------------------------------------------------------------
MUTATIONS = ("flip", "truncate", "insert", "delete", "duplicate")
XML_MUTATIONS = (
    "flip", "truncate", "insert", "delete", "duplicate", "nest", "repeat", "entity", "span",
)  # fmt: skip
ZIP_MUTATIONS = ("method", "encrypted", "version", "sizes", "crc")
RTF_MUTATIONS = ("groups", "unicode", "bin", "uc")


@dataclass(frozen=True)
class Mutation:
    kind: str
    at: float  # where, as a fraction of the length
    size: int  # how much (bytes, depth or count, by kind)
    byte: int


def mutate_bytes(data: bytes, mutation: Mutation) -> bytes:
    position = int(mutation.at * len(data))
    kind, size = mutation.kind, mutation.size
    if kind == "flip":
        out = bytearray(data)
        for k in range(max(1, size % 16)):
            if out:
                out[(position + k * 7919) % len(out)] ^= 1 << (mutation.byte % 8)
        return bytes(out)
    if kind == "truncate":
        return data[:position]
    if kind == "insert":
        return data[:position] + bytes([mutation.byte]) * (size % 64 + 1) + data[position:]
    if kind == "delete":
        return data[:position] + data[position + size % 256 + 1 :]
    if kind == "duplicate":
        return data[:position] + data[position : position + size % 4096] * 3 + data[position:]
    raise ValueError(kind)


def mutate_xml(xml: bytes, mutation: Mutation, fmt: str) -> bytes:
    """Byte mutations, or structural ones aimed at the readers' limits."""
    if mutation.kind in MUTATIONS:
        return mutate_bytes(xml, mutation)
    close = xml.rfind(b"</w:body>" if fmt == "docx" else b"</office:text>")
    if close < 0:
        return xml
    head, tail = xml[:close], xml[close:]
    depth = mutation.size * 40 + 1  # up to a few thousand levels
    if mutation.kind == "nest":
        opening, ending = (
            (b"<w:sdt><w:sdtContent>", b"</w:sdtContent></w:sdt>")
            if fmt == "docx"
            else (b"<text:section>", b"</text:section>")
        )
        return head + opening * depth + b"x" + ending * depth + tail
    if mutation.kind == "repeat":
        count = str(10 ** (mutation.byte % 12) + mutation.size).encode()
        inner = (
            b'<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="' + count + b'"/></w:tcPr>'
            b"<w:p><w:r><w:t>Oui</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
            if fmt == "docx"
            else b'<text:p>a<text:s text:c="' + count + b'"/>b</text:p>'
        )
        return head + inner + tail
    if mutation.kind == "span":
        value = random.Random(mutation.size).choice([b"x", b"-1", b"", b"1e9", b"99999999999"])
        inner = (
            b'<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="' + value + b'"/><w:vMerge/>'
            b"</w:tcPr><w:p/></w:tc></w:tr></w:tbl>"
            if fmt == "docx"
            else b'<text:p>a<text:s text:c="' + value + b'"/>b</text:p>'
        )
        return head + inner + tail
    if mutation.kind == "entity":
        root = xml.find(b"<w:document" if fmt == "docx" else b"<office:document-content")
        laughs = "".join(f'<!ENTITY l{k} "{f"&l{k - 1};" * 10 if k else "ha"}">' for k in range(9))
        doctype = f'<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">{laughs}]>'.encode()
        return xml[:root] + doctype + xml[root:close] + b"&x;&l8;" + tail
    raise ValueError(mutation.kind)


def mutate_zip(data: bytes, part: str, mutation: Mutation, fmt: str) -> bytes:
    """A mutation of the archive as a whole, of its headers, or of its text part."""
    if mutation.kind in MUTATIONS and mutation.byte % 2:
        return mutate_bytes(data, mutation)
    if mutation.kind == "method":
        return patch_member(data, part, method=(1, 6, 9, 12, 14, 99)[mutation.size % 6])
    if mutation.kind == "encrypted":
        return patch_member(data, part, flags=1)
    if mutation.kind == "version":
        return patch_member(data, part, version=mutation.size % 256 + 64)
    if mutation.kind == "sizes":
        return patch_member(data, part, file_size=mutation.size * 997, compress_size=mutation.size)
    if mutation.kind == "crc":
        return patch_member(data, part, crc=mutation.size * 2654435761 % 2**32)
    return rezip(data, part, lambda xml: mutate_xml(xml, mutation, fmt))


def mutate_rtf(data: bytes, mutation: Mutation) -> bytes:
    """Byte mutations, or control words and groups aimed at the RTF reader's limits."""
    if mutation.kind in MUTATIONS:
        return mutate_bytes(data, mutation)
    position = int(mutation.at * len(data))
    size, byte = mutation.size, mutation.byte
    if mutation.kind == "groups":
        depth = size * 40 + 1
        inner = b"{" * depth + b"x" + (b"}" * depth if byte % 2 else b"")
    elif mutation.kind == "unicode":
        value = (-32768, -10240, 55296, 56320, 65535, 65536, 9999999999, size * 509)[byte % 8]
        inner = b"\\u%d?" % value
    elif mutation.kind == "bin":
        inner = b"\\bin%d " % (size * 10 ** (byte % 10))
    else:
        inner = b"\\uc%d " % (size * 10 ** (byte % 10))
    return data[:position] + inner + data[position:]


def random_mutation(rng: random.Random, kinds: tuple[str, ...]) -> Mutation:
    return Mutation(rng.choice(kinds), rng.random(), rng.randrange(0, 128), rng.randrange(256))


def apply(data: bytes, fmt: str, mutations: list[Mutation]) -> bytes:
    """Apply mutations in order; for archives each may target the text part or the zip."""
    part = {"docx": "word/document.xml", "odt": "content.xml"}.get(fmt)
    for mutation in mutations:
        if fmt == "rtf":
            data = mutate_rtf(data, mutation)
            continue
        if part is None:
            data = mutate_bytes(data, mutation) if mutation.kind in MUTATIONS else data
            continue
        try:
            data = mutate_zip(data, part, mutation, fmt)
        except Exception:  # an archive damaged by an earlier mutation: flip bytes instead
            data = mutate_bytes(data, Mutation("flip", mutation.at, mutation.size, 1))
    return data


def kinds_for(fmt: str) -> tuple[str, ...]:
    if fmt in ("docx", "odt"):
        return (*XML_MUTATIONS, *ZIP_MUTATIONS)
    return (*MUTATIONS, *RTF_MUTATIONS) if fmt == "rtf" else MUTATIONS


# -- real files to mutate ------------------------------------------------------------
INTERVIEW = [
    "Entretien avec le référent 3",
    "Q : Quels outils utilisez-vous ?",
    "R : « Les enseignants ont créé des capsules vidéo », déjà en œuvre à l'été.",
    "Q : Et le forum ?",
    "R : Oui, surtout en première année — c'est très utile.",
]


def _docx_real() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(INTERVIEW[0], level=1)
    for line in INTERVIEW[1:]:
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate([["Outil", "Usage"], ["Moodle", "Oui"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _odt_real() -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, P, S

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=INTERVIEW[0]))
    for line in INTERVIEW[1:]:
        paragraph = P(text=line)
        paragraph.addElement(S(c=3))
        document.text.addElement(paragraph)
    table = Table()
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    row = TableRow()
    for value in ("Zoom", "visio"):
        cell = TableCell()
        cell.addElement(P(text=value))
        row.addElement(cell)
    table.addElement(row)
    document.text.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def _rtf_real() -> bytes:
    lines = [line.encode("cp1252", "replace").decode("latin-1") for line in INTERVIEW]
    escaped = "".join(
        "".join(f"\\'{ord(ch):02x}" if ord(ch) > 127 else ch for ch in line) + "\\par\n"
        for line in lines
    )
    return rtf_bytes(escaped + r"\u339?uvre {\b gras}\tab A\cell B\cell\row\par")


def real_files() -> dict[str, list[bytes]]:
    """For each format, genuine files of a short interview to start mutating from."""
    text = "\n".join(INTERVIEW)
    return {
        "txt": [text.encode(), text.encode("cp1252", "replace"), text.encode("utf-16")],
        "md": [("# " + text).encode("utf-8-sig")],
        "docx": [_docx_real(), docx_bytes(docx_paragraphs(*INTERVIEW[:3]))],
        "odt": [_odt_real(), odt_bytes("".join(f"<text:p>{t}</text:p>" for t in INTERVIEW))],
        "rtf": [_rtf_real()],
    }
