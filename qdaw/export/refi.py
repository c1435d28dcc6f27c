"""REFI-QDA export: a whole project as a ``.qdpx`` archive, its codebook as a ``.qdc``.

A ``.qdpx`` is a ZIP holding ``project.qde`` (the XML, see qdaw.export.refi_xml) and
``sources/<guid>.txt``, each document's text exactly as stored (UTF-8, no BOM, ``\\n``
line ends). Positions count code points, as the standard says; ``offsets="utf16"``
counts UTF-16 code units instead, which is what NVivo reads. Both files appear
complete or not at all (written beside the target, then moved), and nothing is
written to the project, so a read-only project exports too.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import select

from qdaw.core import files
from qdaw.core import models as m
from qdaw.errors import QdawError
from qdaw.export.refi_ids import Guids, project_identity
from qdaw.export.refi_xml import (
    CODEBOOK_NS,
    OFFSETS,
    PROJECT_NS,
    Builder,
    position_map,
    root_element,
    stamp,
)
from qdaw.export.tables import partial_path

if TYPE_CHECKING:
    from qdaw.core.store import Store


def origin() -> str:
    # The package is imported before any of its modules, so its version is there to
    # read; importing it here would make the export layer import the façade above it.
    return f"qdaw {getattr(sys.modules.get('qdaw'), '__version__', '')}".strip()


def write_qdpx(store: Store, path: str | Path, offsets: str = "codepoints") -> Path:
    """The project as a REFI-QDA 1.5 archive; ``offsets``: "codepoints" or "utf16"."""
    if offsets not in OFFSETS:
        raise QdawError(f"offsets must be one of {', '.join(OFFSETS)}, not {offsets!r}")
    path = Path(path)
    builder = Builder(store, Guids(project_identity(store)))
    root = root_element("Project", PROJECT_NS, name=store.name, origin=origin())
    builder.users(root)
    builder.codes(root, with_notes=True)
    kinds = builder.variables(root)
    builder.cases(root, kinds)
    texts = _sources(builder, root, offsets, kinds)
    sets = ET.Element("sets")  # built before the Notes (they hold its memos), placed after
    builder.hypotheses(sets, with_notes=True)
    builder.sets(sets)
    builder.notes_element(root, builder.notes)
    root.extend(list(sets))
    memo = store.get_meta("memo")
    if memo:
        builder.text_el(root, "Description", memo)

    def write(stream: IO[bytes]) -> None:
        with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
            with archive.open("project.qde", "w") as qde:
                _write_xml(root, qde)
            for file_name, data in texts:
                archive.writestr(f"sources/{file_name}", data)

    return _atomically(path, write)


def write_qdc(store: Store, path: str | Path) -> Path:
    """The codebook as a REFI-QDA codebook: codes with their hierarchy, colours and
    descriptions, hypotheses as Sets of their codes (memos have no place in a .qdc)."""
    path = Path(path)
    builder = Builder(store, Guids(project_identity(store)), ns=CODEBOOK_NS)
    root = root_element("CodeBook", CODEBOOK_NS, origin=origin())
    codes = ET.SubElement(root, "Codes")
    builder.codes(codes, with_notes=False)
    if not len(codes):
        raise QdawError(f"{path}: the project has no codes; a REFI codebook needs one at least")
    sets = ET.Element("sets")
    builder.hypotheses(sets, with_notes=False)
    builder.sets(sets, codes_only=True)
    root.extend(list(sets))
    return _atomically(path, lambda stream: _write_xml(root, stream))


def _sources(
    builder: Builder, root: ET.Element, offsets: str, kinds: dict[int, str]
) -> list[tuple[str, bytes]]:
    """A TextSource per document with a PlainTextSelection per segment, a PictureSource
    per image with a PictureSelection per region; returns each source's archive member
    (its file name under sources/ and its bytes)."""
    store, guids = builder.store, builder.guids
    d, s = m.documents.c, m.segments.c
    documents = store.rows(
        select(d.id, d.name, d.memo, d.imported_at, m.document_texts.c.text)
        .join(m.document_texts, m.document_texts.c.document_id == d.id)
        .order_by(d.id)
    )
    if not documents:
        return []
    images = {
        int(doc_id): (str(fmt), bytes(data))
        for doc_id, fmt, data in store.rows(
            select(m.document_images.c.document_id, m.document_images.c.format,
                   m.document_images.c.data)
        )
    }  # fmt: skip
    segments: dict[int, list[Any]] = {}
    for row in store.rows(
        select(s.document_id, s.id, s.code_id, s.coder_id, s.start_offset, s.end_offset,
               s.memo, s.created_at, s.x, s.y, s.width, s.height)
        .order_by(s.document_id, s.start_offset, s.id)
    ):  # fmt: skip
        segments.setdefault(row[0], []).append(row[1:])
    coders = {row[0]: guids("coder", row[0]) for row in store.rows(select(m.coders.c.id))}
    values: dict[int, list[tuple[int, str]]] = {}
    v = m.document_values.c
    for doc_id, variable_id, value in store.rows(
        select(v.document_id, v.variable_id, v.value)
        .where(v.value.is_not(None))
        .order_by(v.document_id, v.variable_id)
    ):
        values.setdefault(doc_id, []).append((variable_id, value))
    sources = builder.el(root, "Sources")
    members = []
    for doc_id, name, memo, imported_at, text in documents:
        guid = guids("document", doc_id)
        image = images.get(int(doc_id))
        if image is None:
            file_name = f"{guid}.txt"
            source = builder.el(sources, "TextSource", guid=guid, name=name,
                                plainTextPath=f"internal://{file_name}",
                                creationDateTime=stamp(imported_at))  # fmt: skip
            members.append((file_name, text.encode("utf-8")))
        else:
            file_name = f"{guid}.{'png' if image[0] == 'png' else 'jpg'}"
            source = builder.el(sources, "PictureSource", guid=guid, name=name,
                                path=f"internal://{file_name}",
                                creationDateTime=stamp(imported_at))  # fmt: skip
            members.append((file_name, image[1]))
        position = position_map(text, offsets)
        for segment_id, code_id, coder_id, start, end, segment_memo, created, *box in segments.get(
            doc_id, []
        ):
            user = coders.get(coder_id) if coder_id is not None else None
            when = stamp(created)
            if image is None:
                selection = builder.el(source, "PlainTextSelection",
                                       guid=guids("segment", segment_id),
                                       startPosition=str(position(int(start))),
                                       endPosition=str(position(int(end))),
                                       creatingUser=user, creationDateTime=when)  # fmt: skip
            else:
                x, y, width, height = (int(n or 0) for n in box)
                selection = builder.el(source, "PictureSelection",
                                       guid=guids("segment", segment_id),
                                       firstX=str(x), firstY=str(y), secondX=str(x + width),
                                       secondY=str(y + height),
                                       creatingUser=user, creationDateTime=when)  # fmt: skip
            if segment_memo:
                builder.text_el(selection, "Description", str(segment_memo))
            coding = builder.el(
                selection,
                "Coding",
                guid=guids("coding", segment_id),
                creatingUser=user,
                creationDateTime=when,
            )
            builder.el(coding, "CodeRef", targetGUID=guids("code", code_id))
        if memo:
            builder.note(source, "document", doc_id, f"Memo of document {name}", memo)
        for variable_id, value in values.get(doc_id, []):  # document variables
            builder.value(source, variable_id, kinds.get(variable_id, "text"), value)
    return members


def _write_xml(root: ET.Element, stream: IO[bytes]) -> None:
    ET.indent(root, space=" ")
    stream.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    ET.ElementTree(root).write(stream, encoding="utf-8", xml_declaration=False)


def _atomically(path: Path, write: Callable[[IO[bytes]], None]) -> Path:
    partial = partial_path(path)
    try:
        with partial.open("wb") as stream:
            write(stream)
        partial.replace(path)
    except OSError as exc:
        raise files.os_error(path, exc) from exc
    finally:
        partial.unlink(missing_ok=True)
    return path
