"""Bulk reads for views: one query per list, plain immutable rows (no pandas).

Handles read one value per query, which is right for scripts but slow for a view that
shows hundreds of codes or thousands of segments.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from qdaw.core import models as m
from qdaw.core.entities import Document
from qdaw.services.service import Service


@dataclass(frozen=True)
class CodeRow:
    id: int
    name: str
    parent_id: int | None
    color: str
    description: str | None
    memo: str | None


@dataclass(frozen=True)
class DocumentRow:
    id: int
    name: str
    case_id: int
    case: str
    length: int


@dataclass(frozen=True)
class CoderRow:
    name: str
    segments: int


@dataclass(frozen=True)
class CaseRow:
    id: int
    name: str
    memo: str | None


@dataclass(frozen=True)
class HypothesisRow:
    id: int
    label: str
    statement: str
    description: str | None
    memo: str | None
    code_ids: tuple[int, ...]


@dataclass(frozen=True)
class SegmentRow:
    id: int
    document_id: int
    start: int
    end: int
    code_id: int
    code: str
    color: str
    coder: str | None
    memo: str | None
    region: tuple[int, int, int, int] | None = None  # an image region's x, y, w, h


def _region(row: Any) -> tuple[int, int, int, int] | None:
    return None if row[9] is None else (row[9], row[10], row[11], row[12])


class Listing(Service):
    def code_rows(self) -> list[CodeRow]:
        """Every code, in codebook order (depth first)."""
        from qdaw.core.store import tree_order_of

        c = m.codes.c
        # One read, the order from the same rows: another writer may add codes meanwhile.
        found = self.store.rows(
            select(c.id, c.name, c.parent_id, c.color, c.description, c.memo).order_by(
                c.position, c.id
            )
        )
        rows = {r[0]: CodeRow(*r) for r in found}
        return [rows[i] for i in tree_order_of([(r.id, r.parent_id) for r in rows.values()])]

    def case_rows(self) -> list[CaseRow]:
        return [
            CaseRow(*r)
            for r in self.store.rows(
                select(m.cases.c.id, m.cases.c.name, m.cases.c.memo).order_by(m.cases.c.id)
            )
        ]

    def first_document_id(self) -> int | None:
        """The document a freshly opened project shows (without listing them all)."""
        value = self.store.scalar(select(func.min(m.documents.c.id)))
        return None if value is None else int(value)

    def total_segments(self) -> int:
        """Coded segments in the whole project (the size panes decide on)."""
        return int(self.store.scalar(select(func.count()).select_from(m.segments)) or 0)

    def document_rows(self) -> list[DocumentRow]:
        d, t = m.documents, m.document_texts
        return [
            DocumentRow(*r)
            for r in self.store.rows(
                select(d.c.id, d.c.name, d.c.case_id, m.cases.c.name, func.length(t.c.text))
                .join(m.cases, m.cases.c.id == d.c.case_id)
                .join(t, t.c.document_id == d.c.id)
                .order_by(d.c.id)
            )
        ]

    def hypothesis_rows(self) -> list[HypothesisRow]:
        h = m.hypotheses
        links: dict[int, list[int]] = {}
        for hypothesis_id, code_id in self.store.rows(
            select(m.code_hypotheses.c.hypothesis_id, m.code_hypotheses.c.code_id)
        ):
            links.setdefault(hypothesis_id, []).append(code_id)
        return [
            HypothesisRow(r[0], r[1], r[2], r[3], r[4], tuple(sorted(links.get(r[0], []))))
            for r in self.store.rows(
                select(h.c.id, h.c.label, h.c.statement, h.c.description, h.c.memo).order_by(
                    h.c.position, h.c.id
                )
            )
        ]

    def segment_rows(self, document: Document | int | str) -> list[SegmentRow]:
        """A document's segments in text order, with their code's name and colour."""
        s = m.segments
        document_id = self.store.document_id(document)
        return [
            SegmentRow(*r[:9], region=_region(r))  # type: ignore[misc]
            for r in self.store.rows(
                select(
                    s.c.id,
                    s.c.document_id,
                    s.c.start_offset,
                    s.c.end_offset,
                    s.c.code_id,
                    m.codes.c.name,
                    m.codes.c.color,
                    m.coders.c.name,
                    s.c.memo,
                    s.c.x,
                    s.c.y,
                    s.c.width,
                    s.c.height,
                )
                .join(m.codes, m.codes.c.id == s.c.code_id)
                .outerjoin(m.coders, m.coders.c.id == s.c.coder_id)
                .where(s.c.document_id == document_id)
                .order_by(s.c.start_offset, s.c.end_offset, s.c.id)
            )
        ]

    def coder_rows(self) -> list[CoderRow]:
        """Every coder known to the project, by name, with their number of segments."""
        s = m.segments
        return [
            CoderRow(name, int(count))
            for name, count in self.store.rows(
                select(m.coders.c.name, func.count(s.c.id))
                .outerjoin(s, s.c.coder_id == m.coders.c.id)
                .group_by(m.coders.c.id, m.coders.c.name)
                .order_by(m.coders.c.name)
            )
        ]

    def documents_with_text(self, texts: list[str]) -> dict[int, str]:
        """For each text already stored in the project, the name of a document holding
        it, by the text's position in ``texts`` (before a re-import: "already there")."""
        t = m.document_texts
        lengths = {len(text) for text in texts}
        if not lengths:
            return {}
        stored: dict[str, str] = {}
        for name, text in self.store.rows(
            select(m.documents.c.name, t.c.text)
            .join(t, t.c.document_id == m.documents.c.id)
            .where(func.length(t.c.text).in_(sorted(lengths)))
            .order_by(m.documents.c.id)
        ):
            stored.setdefault(text, name)
        return {i: stored[text] for i, text in enumerate(texts) if text in stored}
