"""Retrieving coded passages: one row per segment, in document order."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import String, cast, func, select

from qdaw.analysis.frequencies import _frame, codebook_frame
from qdaw.analysis.query import Compiler, parse, positive_codes
from qdaw.analysis.scope import ALL, Scope
from qdaw.core import models as m
from qdaw.errors import QdawError

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.core.store import Store

COLUMNS = [
    "code", "document", "case", "coder", "start", "end", "text", "memo", "time",
    "page", "timecode", "region",
]  # fmt: skip


def region_of(seg: Any) -> Any:
    """ "x,y,w,h" of an image region in pixels, "" for a text segment (NULL x makes the
    whole concatenation NULL)."""
    parts = [cast(seg.c[name], String) for name in ("x", "y", "width", "height")]
    joined = parts[0] + "," + parts[1] + "," + parts[2] + "," + parts[3]
    return func.coalesce(joined, "")


def mark_at(kind: str, document_id: Any, offset: Any) -> Any:
    """The value of the document's last ``kind`` mark at or before ``offset`` (the page
    a passage starts on, the time of the turn it starts in), as a scalar subquery."""
    marks = m.document_marks
    return (
        select(marks.c.value)
        .where(
            marks.c.document_id == document_id,
            marks.c.kind == kind,
            marks.c.start_offset <= offset,
        )
        .order_by(marks.c.start_offset.desc(), marks.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def retrieve(
    store: Store,
    scope: Scope = ALL,
    query: str | None = None,
    level: Literal["segment", "case"] = "segment",
    segment_ids: Any = None,
) -> pd.DataFrame:
    """Columns: code, document, case, coder, start, end, text, memo, time (when it was
    coded), page and timecode (the page the passage starts on, "4", and the time of the
    turn it starts in, "00:01:23": empty when the file gave none), region ("x,y,w,h"
    in pixels for a region of an image, whose text is empty); index: segment_id.
    ``query`` is a boolean expression over codes (see qdaw.analysis.query)."""
    if level not in ("segment", "case"):
        raise QdawError(f"level must be 'segment' or 'case', not {level!r}")
    seg = m.segments.alias("s")
    doc, case, coder, texts = m.documents, m.cases, m.coders, m.document_texts
    statement = (
        select(
            seg.c.id,
            seg.c.code_id,
            doc.c.name,
            case.c.name,
            coder.c.name,
            seg.c.start_offset,
            seg.c.end_offset,
            # substr counts characters (code points) in SQLite and PostgreSQL alike.
            func.substr(
                texts.c.text, seg.c.start_offset + 1, seg.c.end_offset - seg.c.start_offset
            ),
            seg.c.memo,
            seg.c.created_at,
            func.coalesce(mark_at("page", seg.c.document_id, seg.c.start_offset), ""),
            func.coalesce(mark_at("time", seg.c.document_id, seg.c.start_offset), ""),
            region_of(seg),
        )
        .join(doc, doc.c.id == seg.c.document_id)
        .join(case, case.c.id == doc.c.case_id)
        .join(texts, texts.c.document_id == doc.c.id)
        .outerjoin(coder, coder.c.id == seg.c.coder_id)
        .where(*scope.segment_conditions(seg))
        .order_by(doc.c.id, seg.c.start_offset, seg.c.end_offset, seg.c.id)
    )
    if scope.code_ids is not None:
        statement = statement.where(seg.c.code_id.in_(scope.code_ids))
    if segment_ids is not None:  # a list, or a subquery selecting segment ids
        statement = statement.where(seg.c.id.in_(segment_ids))
    if query is not None:
        tree = parse(query)
        compiler = Compiler(store, scope)
        wanted = sorted({i for name in positive_codes(tree) for i in compiler.code_ids(name)})
        if not wanted:
            raise QdawError("the query names no code positively (nothing to retrieve)")
        condition = (
            compiler.segment_condition(tree, seg)
            if level == "segment"
            else compiler.case_condition(tree, doc.c.case_id)
        )
        statement = statement.where(seg.c.code_id.in_(wanted), condition)
    frame = _frame(store, statement, ["segment_id", "code_id", *COLUMNS[1:]])
    labels = codebook_frame(store)["label"]
    frame.insert(1, "code", frame["code_id"].map(labels))
    frame = frame.drop(columns="code_id").set_index("segment_id")
    return frame[COLUMNS]


def query_cases(store: Store, query: str, scope: Scope = ALL) -> list[str]:
    """Names of the respondents (with documents, in scope) for whom ``query`` holds."""
    tree = parse(query)
    compiler = Compiler(store, scope)
    statement = (
        select(m.cases.c.name)
        .where(
            m.cases.c.id.in_(select(m.documents.c.case_id).where(*scope.document_conditions())),
            compiler.case_condition(tree, m.cases.c.id),
        )
        .order_by(m.cases.c.id)
    )
    return [row[0] for row in store.rows(statement)]
