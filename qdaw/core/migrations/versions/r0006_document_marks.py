"""Document marks: where each page or timed turn starts in a document's text.

Revision ID: 0006
Revises: 0005

- ``document_marks``: (document, kind 'page' or 'time', start offset, value "4" or
  "00:01:23"), written with the document on import, through the journal (undone with
  it, deleted with it). Older projects have no marks: their passages cite none.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    op.create_table(
        "document_marks",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("start_offset", sa.Integer, nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.CheckConstraint("kind IN ('page', 'time')", name="ck_document_mark_kind"),
        sa.CheckConstraint("start_offset >= 0", name="ck_document_mark_offset"),
        sqlite_autoincrement=True,
    )
    op.create_index(
        "ix_document_marks_document", "document_marks", ["document_id", "kind", "start_offset"]
    )
