"""Per-document language, and covering indexes for the analysis queries.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("language", sa.String(16)))
    # The two-column indexes cover what the single-column ones did.
    op.drop_index("ix_segments_code", "segments")
    op.drop_index("ix_segments_document", "segments")
    op.create_index("ix_segments_code_document", "segments", ["code_id", "document_id"])
    op.create_index("ix_segments_document_start", "segments", ["document_id", "start_offset"])
    op.create_index("ix_segments_coder", "segments", ["coder_id"])
    op.create_index("ix_case_values_variable", "case_values", ["variable_id", "value"])
