"""The project merged in: everything a merge carries over, read once before the merge's
transaction starts (so a file that cannot be read stores nothing), without writing to
it (it is opened read-only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from qdaw.core import models as m
from qdaw.core import storage
from qdaw.core.dberrors import DB_ERRORS, translate
from qdaw.errors import QdawError

Row = dict[str, Any]


@dataclass
class Source:
    """The other project's rows, by table; codes parents first, each with its path."""

    shown: str
    name: str
    project_memo: str | None = None
    cases: list[Row] = field(default_factory=list)
    documents: list[Row] = field(default_factory=list)  # with their "text"
    # document id -> its (kind, start offset, value) marks: pages and turn times.
    marks: dict[int, list[tuple[str, int, str]]] = field(default_factory=dict)
    variables: list[Row] = field(default_factory=list)
    values: list[Row] = field(default_factory=list)
    document_values: list[Row] = field(default_factory=list)
    sets: list[Row] = field(default_factory=list)  # id, name, kind
    set_documents: list[tuple[int, int]] = field(default_factory=list)  # (set id, document id)
    set_codes: list[tuple[int, int]] = field(default_factory=list)  # (set id, code id)
    codes: list[Row] = field(default_factory=list)  # with their "path": ("Parent", "Child")
    hypotheses: list[Row] = field(default_factory=list)
    links: list[tuple[int, int]] = field(default_factory=list)  # (code id, hypothesis id)
    coders: dict[int, str] = field(default_factory=dict)
    # (document id, code id, coder id, start, end, memo, created_at): a large study has
    # 100,000 of them, so tuples rather than dicts.
    segments: list[tuple[Any, ...]] = field(default_factory=list)


def documents_with_texts() -> Any:
    """Documents with their text and, for an image, its picture (image_* columns, NULL
    for a text): an image's text is "", so the picture tells two images apart."""
    images = m.document_images
    return (
        select(
            m.documents,
            m.document_texts.c.text,
            images.c.format.label("image_format"),
            images.c.width.label("image_width"),
            images.c.height.label("image_height"),
            images.c.data.label("image_data"),
        )
        .join(m.document_texts, m.document_texts.c.document_id == m.documents.c.id)
        .outerjoin(images, images.c.document_id == m.documents.c.id)
    )


def _rows(conn: Connection, statement: Any) -> list[Row]:
    return [dict(r._mapping) for r in conn.execute(statement)]


def parents_first(codes: list[Row]) -> list[Row]:
    """Codes depth first in codebook order, each with its path of names."""
    children: dict[int | None, list[Row]] = {}
    for code in sorted(codes, key=lambda c: (c["position"], c["id"])):
        children.setdefault(code["parent_id"], []).append(code)
    ordered: list[Row] = []
    stack = [(code, ()) for code in reversed(children.get(None, []))]
    while stack:
        code, above = stack.pop()
        code["path"] = (*above, code["name"])
        ordered.append(code)
        stack.extend((child, code["path"]) for child in reversed(children.get(code["id"], [])))
    return ordered


def read(conn: Connection, shown: str, name: str) -> Source:
    source = Source(shown, name)
    source.project_memo = conn.execute(
        select(m.meta.c.value).where(m.meta.c.key == "memo")
    ).scalar()
    source.cases = _rows(conn, select(m.cases).order_by(m.cases.c.id))
    source.documents = _rows(conn, documents_with_texts().order_by(m.documents.c.id))
    for document_id, kind, start, value in conn.execute(
        select(
            m.document_marks.c.document_id,
            m.document_marks.c.kind,
            m.document_marks.c.start_offset,
            m.document_marks.c.value,
        ).order_by(m.document_marks.c.id)
    ):
        source.marks.setdefault(int(document_id), []).append((str(kind), int(start), str(value)))
    source.variables = _rows(conn, select(m.variables).order_by(m.variables.c.id))
    source.values = _rows(conn, select(m.case_values))
    source.document_values = _rows(conn, select(m.document_values))
    source.sets = _rows(conn, select(m.sets).order_by(m.sets.c.id))
    source.set_documents = [(int(a), int(b)) for a, b in conn.execute(select(m.set_documents))]
    source.set_codes = [(int(a), int(b)) for a, b in conn.execute(select(m.set_codes))]
    source.codes = parents_first(_rows(conn, select(m.codes)))
    source.hypotheses = _rows(conn, select(m.hypotheses).order_by(m.hypotheses.c.position))
    source.links = [(int(a), int(b)) for a, b in conn.execute(select(m.code_hypotheses))]
    source.coders = {int(i): str(n) for i, n in conn.execute(select(m.coders))}
    source.segments = [
        tuple(r)
        for r in conn.execute(
            select(
                m.segments.c.document_id,
                m.segments.c.code_id,
                m.segments.c.coder_id,
                m.segments.c.start_offset,
                m.segments.c.end_offset,
                m.segments.c.memo,
                m.segments.c.created_at,
                m.segments.c.x,
                m.segments.c.y,
                m.segments.c.width,
                m.segments.c.height,
            ).order_by(m.segments.c.id)
        )
    ]
    return source


def read_project(target: str | Path, this: Path | None) -> Source:
    """Read the project at ``target`` (a file or URL) for merging into the project at
    ``this``: an error naming it when it is not a qdaw project, cannot be read, or is
    this project itself."""
    shown = storage.shown(target)
    if this is not None and not storage.is_url(target):
        path = Path(target)
        if path.exists() and path.resolve() == this.resolve():
            raise QdawError(f"{shown}: is the project itself; merge another project into it")
    try:  # (its own errors name it: not a project, made by a newer qdaw…)
        engine, _backup = storage.open_database(target, read_only=True)
    except DB_ERRORS as exc:
        raise translate(exc, shown) from exc
    name = Path(target).stem if not storage.is_url(target) else shown.rsplit("/", 1)[-1]
    try:
        with engine.connect() as conn:
            return read(conn, shown, name)
    except DB_ERRORS as exc:
        raise translate(exc, shown) from exc
    finally:
        engine.dispose()
