"""Texts apart from document rows; per-document language; covering analysis indexes.

Revision ID: 0002
Revises: 0001

Moving the text out of ``documents`` keeps those rows small: the analysis joins
segments to documents to find respondents, and with the text inline SQLite had to read
through every text's overflow pages to reach ``case_id``.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.create_table(
        "document_texts",
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.execute("INSERT INTO document_texts (document_id, text) SELECT id, text FROM documents")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("text")
        batch.add_column(sa.Column("language", sa.String(16)))
    # The two-column indexes cover what the single-column ones did.
    op.drop_index("ix_segments_code", "segments")
    op.drop_index("ix_segments_document", "segments")
    op.create_index("ix_segments_code_document", "segments", ["code_id", "document_id"])
    op.create_index("ix_segments_document_start", "segments", ["document_id", "start_offset"])
    op.create_index("ix_segments_coder", "segments", ["coder_id"])
    op.create_index("ix_case_values_variable", "case_values", ["variable_id", "value"])
