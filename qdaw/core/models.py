"""The project schema: SQLAlchemy 2 declarative models.

The facade works on these tables through Core statements (fast, and every row change
goes through the journal that provides undo), but the models are the single definition
of the schema, used by the migrations' tests and by anyone scripting with the ORM.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

#: Alembic revision that the models describe; a project at an older revision is migrated.
SCHEMA_REVISION = "0008"


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


#: SQLite AUTOINCREMENT: an id is never given twice, even after the row with the highest
#: id was deleted (by undo, say), so a journal entry always means the row it recorded.
NEVER_REUSED_IDS = {"sqlite_autoincrement": True}


class Meta(Base):
    """Key/value facts about the project (format marker, default coder, project memo)."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text)


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = NEVER_REUSED_IDS
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    memo: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = NEVER_REUSED_IDS
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    source_name: Mapped[str | None] = mapped_column(String(1024))
    format: Mapped[str | None] = mapped_column(String(16))
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    memo: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(16))


class DocumentText(Base):
    """A document's text, apart from its row: documents stay small, so the joins that
    map segments to respondents never read through the texts."""

    __tablename__ = "document_texts"
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="RESTRICT"), primary_key=True
    )
    text: Mapped[str] = mapped_column(Text)


class DocumentMark(Base):
    """Where a page ("4") or a timed turn ("00:01:23") starts in a document's text, as
    its file said: a passage cites the mark in force at its start."""

    __tablename__ = "document_marks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(8))  # page | time
    start_offset: Mapped[int] = mapped_column(Integer)
    value: Mapped[str] = mapped_column(Text)
    __table_args__ = (
        CheckConstraint("kind IN ('page', 'time')", name="ck_document_mark_kind"),
        CheckConstraint("start_offset >= 0", name="ck_document_mark_offset"),
        Index("ix_document_marks_document", "document_id", "kind", "start_offset"),
        NEVER_REUSED_IDS,
    )


class DocumentImage(Base):
    """An image document's picture (PNG or JPEG bytes as imported); its text is "" and
    its segments are regions (rectangles in image pixels)."""

    __tablename__ = "document_images"
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="RESTRICT"), primary_key=True
    )
    format: Mapped[str] = mapped_column(String(8))  # png | jpeg
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Variable(Base):
    __tablename__ = "variables"
    __table_args__ = NEVER_REUSED_IDS
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    # text | integer | decimal | date | boolean | categorical (qdaw.core.kinds)
    type: Mapped[str] = mapped_column(String(16), default="text")
    # case: a respondent's (case_values) | document: a document's (document_values)
    scope: Mapped[str] = mapped_column(String(8), default="case", server_default="case")
    levels: Mapped[str | None] = mapped_column(Text)  # categorical: the levels in order, JSON


class CaseValue(Base):
    __tablename__ = "case_values"
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="RESTRICT"), primary_key=True
    )
    variable_id: Mapped[int] = mapped_column(
        ForeignKey("variables.id", ondelete="RESTRICT"), primary_key=True
    )
    value: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (Index("ix_case_values_variable", "variable_id", "value"),)


class DocumentValue(Base):
    """A document variable's value (interview date, interviewer, place)."""

    __tablename__ = "document_values"
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="RESTRICT"), primary_key=True
    )
    variable_id: Mapped[int] = mapped_column(
        ForeignKey("variables.id", ondelete="RESTRICT"), primary_key=True
    )
    value: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (Index("ix_document_values_variable", "variable_id", "value"),)


class Code(Base):
    __tablename__ = "codes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(Text)
    color: Mapped[str] = mapped_column(String(9))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("codes.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    author: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    memo: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (
        # Names are unique among siblings; coalesce makes top-level codes collide too.
        Index("uq_codes_sibling_name", func.coalesce(parent_id, 0), name, unique=True),
        Index("ix_codes_parent", "parent_id", "position"),
        NEVER_REUSED_IDS,
    )


class Hypothesis(Base):
    __tablename__ = "hypotheses"
    __table_args__ = NEVER_REUSED_IDS
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[str] = mapped_column(String(64), unique=True)
    statement: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    memo: Mapped[str | None] = mapped_column(Text)


class CodeHypothesis(Base):
    __tablename__ = "code_hypotheses"
    code_id: Mapped[int] = mapped_column(
        ForeignKey("codes.id", ondelete="RESTRICT"), primary_key=True
    )
    hypothesis_id: Mapped[int] = mapped_column(
        ForeignKey("hypotheses.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class Coder(Base):
    __tablename__ = "coders"
    __table_args__ = NEVER_REUSED_IDS
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)


# A text segment spans at least one character; a region is a non-empty rectangle.
SEGMENT_SPAN = (
    "start_offset >= 0 AND (end_offset > start_offset OR (x IS NOT NULL AND"
    " x >= 0 AND y >= 0 AND width > 0 AND height > 0))"
)


class Segment(Base):
    __tablename__ = "segments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="RESTRICT"))
    code_id: Mapped[int] = mapped_column(ForeignKey("codes.id", ondelete="RESTRICT"))
    coder_id: Mapped[int | None] = mapped_column(ForeignKey("coders.id", ondelete="RESTRICT"))
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)
    memo: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # A region of an image document: a rectangle in image pixels (offsets are 0, 0).
    x: Mapped[int | None] = mapped_column(Integer)
    y: Mapped[int | None] = mapped_column(Integer)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    __table_args__ = (
        CheckConstraint(SEGMENT_SPAN, name="ck_segment_span"),
        # Frequencies and matrices group segments by code, then by document (-> case).
        Index("ix_segments_code_document", "code_id", "document_id"),
        # The viewer and retrieval read a document's segments in text order.
        Index("ix_segments_document_start", "document_id", "start_offset"),
        Index("ix_segments_coder", "coder_id"),
        NEVER_REUSED_IDS,
    )


class TextUnit(Base):
    """Sentences, paragraphs and speaker turns of a document, as offsets (derived by
    the text index; rebuilt, never edited, so they are not part of undo, and they go
    with their document)."""

    __tablename__ = "text_units"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(12))  # sentence | paragraph | turn
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)
    label: Mapped[str | None] = mapped_column(String(255))  # a turn's speaker
    role: Mapped[str | None] = mapped_column(String(16))  # interviewer | respondent
    __table_args__ = (Index("ix_text_units_document", "document_id", "kind", "start_offset"),)


class Token(Base):
    """Words of a document: folded form and lemma (lower case, no accents), indexed for
    exact, prefix, phrase and lemma search."""

    __tablename__ = "tokens"
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)
    form: Mapped[str] = mapped_column(String(100))
    lemma: Mapped[str] = mapped_column(String(100))
    pos: Mapped[str | None] = mapped_column(String(8))  # universal part of speech
    # The sentence (text_units.id) the token is in: a hit's context in one seek.
    sentence_id: Mapped[int | None] = mapped_column(Integer)
    __table_args__ = (
        Index("ix_tokens_form", "form"),
        Index("ix_tokens_lemma", "lemma"),
        # The words inside a passage: a range of one document (suggestions, keywords).
        Index("ix_tokens_document_start", "document_id", "start_offset"),
        {"sqlite_with_rowid": False},
    )


class Entity(Base):
    """A name to anonymise: a person, place or organisation found by the named-entity
    recogniser or added by hand. One row per surface form (key: folded name); forms of
    the same person share a pseudonym."""

    __tablename__ = "entities"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    key: Mapped[str] = mapped_column(String(255), unique=True)
    kind: Mapped[str] = mapped_column(String(12))  # person | place | organisation | other
    status: Mapped[str] = mapped_column(String(10))  # proposed | accepted | rejected
    pseudonym: Mapped[str | None] = mapped_column(String(255))
    origin: Mapped[str] = mapped_column(String(10))  # detected | manual
    mentions: Mapped[int] = mapped_column(Integer, server_default="0")
    __table_args__ = (Index("ix_entities_status", "status"), NEVER_REUSED_IDS)


class Set(Base):
    """A named set of documents or of codes (MAXQDA's sets, ATLAS.ti's groups)."""

    __tablename__ = "sets"
    __table_args__ = NEVER_REUSED_IDS
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    kind: Mapped[str] = mapped_column(String(8))  # document | code


class SetDocument(Base):
    __tablename__ = "set_documents"
    set_id: Mapped[int] = mapped_column(
        ForeignKey("sets.id", ondelete="RESTRICT"), primary_key=True
    )
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class SetCode(Base):
    __tablename__ = "set_codes"
    set_id: Mapped[int] = mapped_column(
        ForeignKey("sets.id", ondelete="RESTRICT"), primary_key=True
    )
    code_id: Mapped[int] = mapped_column(
        ForeignKey("codes.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class LoggedOperation(Base):
    """One step of one coder, as the Edit menu names it, with the row images that undo
    and redo need (JSON, see qdaw.core.oplog). ``id`` orders the steps of all writers."""

    __tablename__ = "operations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    coder: Mapped[str] = mapped_column(String(255))
    label: Mapped[str] = mapped_column(Text)
    # The step as data (qdaw.core.operations): its kind and arguments (JSON), from
    # which the workbench writes its translated label.
    kind: Mapped[str | None] = mapped_column(String(64))
    args: Mapped[str | None] = mapped_column(Text)
    # done | undone | dropped (undone, then a new step cleared the redo) | derived
    # (written by the text index: nobody's undo step)
    state: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    tables: Mapped[str] = mapped_column(Text)  # ",codes,segments,": what it changed
    changes: Mapped[str] = mapped_column(Text)
    __table_args__ = (
        Index("ix_operations_coder_state", "coder", "state", "id"),
        NEVER_REUSED_IDS,
    )


class Revision(Base):
    """One committed write (a step done, undone or redone): the project's revision is
    the highest id, and another writer's window polls for newer ones."""

    __tablename__ = "revisions"
    __table_args__ = NEVER_REUSED_IDS
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    operation_id: Mapped[int] = mapped_column(ForeignKey("operations.id"))
    action: Mapped[str] = mapped_column(String(8))  # do | undo | redo
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


meta = Base.metadata.tables["meta"]
cases = Base.metadata.tables["cases"]
documents = Base.metadata.tables["documents"]
document_texts = Base.metadata.tables["document_texts"]
document_marks = Base.metadata.tables["document_marks"]
document_images = Base.metadata.tables["document_images"]
variables = Base.metadata.tables["variables"]
case_values = Base.metadata.tables["case_values"]
document_values = Base.metadata.tables["document_values"]
sets = Base.metadata.tables["sets"]
set_documents = Base.metadata.tables["set_documents"]
set_codes = Base.metadata.tables["set_codes"]
codes = Base.metadata.tables["codes"]
hypotheses = Base.metadata.tables["hypotheses"]
code_hypotheses = Base.metadata.tables["code_hypotheses"]
coders = Base.metadata.tables["coders"]
segments = Base.metadata.tables["segments"]
text_units = Base.metadata.tables["text_units"]
tokens = Base.metadata.tables["tokens"]
entities = Base.metadata.tables["entities"]
operations = Base.metadata.tables["operations"]
revisions = Base.metadata.tables["revisions"]
