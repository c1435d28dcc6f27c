"""Coded segments and memos."""

from __future__ import annotations

from typing import Literal

from sqlalchemy import func, select

from qdaw.core import models as m
from qdaw.core.entities import Case, Code, Document, Handle, Hypothesis, Segment
from qdaw.core.journal import Journal
from qdaw.core.names import check_text
from qdaw.core.operations import op
from qdaw.errors import ConflictError, MemoChanged
from qdaw.services.service import Service

MemoTarget = Document | Case | Code | Hypothesis | Segment | Literal["project"]


class Unchecked:
    """set_memo's default: write whatever the memo says now."""


UNCHECKED = Unchecked()


def _blank_is_none(text: str | None) -> str | None:
    return text if text and text.strip() else None


def _what(target: MemoTarget) -> str:
    if target == "project":
        return "the project"
    if isinstance(target, Hypothesis):
        return f"hypothesis {target.label!r}"
    if isinstance(target, Segment):
        return f"segment #{target.id}"
    assert isinstance(target, Case | Code | Document)
    kind = "respondent" if isinstance(target, Case) else type(target).__name__.lower()
    return f"{kind} {target.name!r}"


class Coding(Service):
    def _document_length(self, journal: Journal, document_id: int) -> int:
        key = ("doclen", document_id)
        if key not in self.store.cache:
            length = journal.conn.execute(
                select(func.length(m.document_texts.c.text)).where(
                    m.document_texts.c.document_id == document_id
                )
            ).scalar()
            if length is None:
                raise ConflictError(f"document #{document_id} does not exist")
            self.store.cache[key] = int(length)
        return int(self.store.cache[key])

    def _check_span(self, journal: Journal, document_id: int, start: int, end: int) -> None:
        length = self._document_length(journal, document_id)
        if not (0 <= start < end <= length):
            raise ConflictError(
                f"segment {start}–{end} is not inside the document (0–{length}, start before end)"
            )

    def code_segment(
        self,
        document: Document | int | str,
        start: int,
        end: int,
        code: Code | int | str,
        coder: str | None = None,
        memo: str | None = None,
    ) -> Segment:
        """Tag text[start:end] (code points, end exclusive) of a document with a code."""
        memo = check_text(memo, "Memo")
        with self.store.writing(op("code_segment")) as journal:
            document_id = (
                self.store.document_id(document)
                if not isinstance(document, Document)
                else document.id
            )
            code_id = code.id if isinstance(code, Code) else self.store.code_id(code)
            self._check_span(journal, document_id, start, end)
            segment_id = journal.insert(
                m.segments,
                {
                    "document_id": document_id,
                    "code_id": code_id,
                    "coder_id": self.store.coder_id(journal, coder),
                    "start_offset": int(start),
                    "end_offset": int(end),
                    "memo": memo,
                    "created_at": m.utcnow(),
                },
            )
        assert segment_id is not None
        return Segment(self.owner, segment_id)

    def code_region(
        self,
        document: Document | int | str,
        x: int,
        y: int,
        width: int,
        height: int,
        code: Code | int | str,
        coder: str | None = None,
        memo: str | None = None,
    ) -> Segment:
        """Tag a rectangle of an image document (in image pixels, from its top left)
        with a code: a region, counted in every analysis like a text segment."""
        memo = check_text(memo, "Memo")
        x, y, width, height = (int(v) for v in (x, y, width, height))
        with self.store.writing(op("code_region")) as journal:
            document_id = self.store.document_id(document)
            code_id = code.id if isinstance(code, Code) else self.store.code_id(code)
            size = journal.conn.execute(
                select(m.document_images.c.width, m.document_images.c.height).where(
                    m.document_images.c.document_id == document_id
                )
            ).first()
            name = self.store.value(m.documents, document_id, "name")
            if size is None:
                raise ConflictError(
                    f"document {name!r} is a text, not an image: code a passage of it instead"
                )
            if not (x >= 0 and y >= 0 and width > 0 and height > 0) or (
                x + width > size[0] or y + height > size[1]
            ):
                raise ConflictError(
                    f"region {x},{y} {width}×{height} is not inside the image of {name!r}"
                    f" ({size[0]}×{size[1]} pixels; width and height above 0)"
                )
            segment_id = journal.insert(
                m.segments,
                {
                    "document_id": document_id,
                    "code_id": code_id,
                    "coder_id": self.store.coder_id(journal, coder),
                    "start_offset": 0,
                    "end_offset": 0,
                    "memo": memo,
                    "created_at": m.utcnow(),
                    "x": x,
                    "y": y,
                    "width": width,
                    "height": height,
                },
            )
        assert segment_id is not None
        return Segment(self.owner, segment_id)

    def segments(
        self,
        document: Document | int | str | None = None,
        code: Code | int | str | None = None,
    ) -> list[Segment]:
        """Segments in document and text order, optionally of one document or code."""
        query = select(m.segments.c.id).order_by(
            m.segments.c.document_id,
            m.segments.c.start_offset,
            m.segments.c.end_offset,
            m.segments.c.id,
        )
        if document is not None:
            query = query.where(m.segments.c.document_id == self.store.document_id(document))
        if code is not None:
            query = query.where(m.segments.c.code_id == self.store.code_id(code))
        return [Segment(self.owner, r[0]) for r in self.store.rows(query)]

    def delete_segment(self, segment: Segment | int) -> None:
        with self.store.writing(op("remove_coding")) as journal:
            journal.delete(m.segments, {"id": self.store.segment_id(segment)})

    def resize_segment(self, segment: Segment | int, start: int, end: int) -> None:
        with self.store.writing(op("resize_segment")) as journal:
            segment_id = self.store.segment_id(segment)
            document_id = self.store.value(m.segments, segment_id, "document_id")
            self._check_span(journal, document_id, start, end)
            journal.update(
                m.segments, {"id": segment_id}, {"start_offset": start, "end_offset": end}
            )

    def recode_segment(self, segment: Segment | int, code: Code | int | str) -> None:
        with self.store.writing(
            lambda: op(
                "recode_segment", name=self.store.value(m.codes, self.store.code_id(code), "name")
            )
        ) as journal:
            segment_id, code_id = self.store.segment_id(segment), self.store.code_id(code)
            journal.update(m.segments, {"id": segment_id}, {"code_id": code_id})

    # -- memos ----------------------------------------------------------------------
    def set_memo(
        self, target: MemoTarget, text: str | None, expected: str | Unchecked | None = UNCHECKED
    ) -> None:
        """Write the memo of the project, a document, case, code, hypothesis or segment.

        ``expected``: the memo as the writer last read it. If another writer changed it
        since, nothing is written and MemoChanged says what it reads now, so that two
        people editing one memo never silently overwrite each other."""
        text = check_text(text, "Memo") if text and text.strip() else None
        if target != "project" and not isinstance(target, Handle):
            raise ConflictError(f"cannot attach a memo to {target!r}")
        step = (
            op("edit_project_memo")
            if target == "project"
            else op("edit_memo", target=type(target).__name__.lower())
        )
        with self.store.writing(step) as journal:
            if target == "project":
                query = select(m.meta.c.value).where(m.meta.c.key == "memo")
            else:
                assert isinstance(target, Handle)
                self.store.ensure(target.table, target.id, type(target).__name__.lower())
                query = select(target.table.c.memo).where(target.table.c.id == target.id)
            if not isinstance(expected, Unchecked):
                # Read in the write transaction: no other writer can slip in between.
                current = _blank_is_none(journal.conn.execute(query).scalar())
                if current != _blank_is_none(expected) and current != text:
                    raise MemoChanged(
                        f"the memo of {_what(target)} was changed by another writer since "
                        "it was read; nothing was saved (read it again, then save)",
                        current,
                    )
            if target == "project":
                self.store.set_meta(journal, "memo", text)
            else:
                assert isinstance(target, Handle)
                journal.update(target.table, {"id": target.id}, {"memo": text})

    def memo(self, target: MemoTarget) -> str | None:
        if target == "project":
            return self.store.get_meta("memo")
        if not isinstance(target, Handle):
            raise ConflictError(f"{target!r} has no memo")
        return target.memo
