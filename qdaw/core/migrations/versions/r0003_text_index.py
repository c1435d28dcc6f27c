"""The text index: sentences, paragraphs, speaker turns and tokens of each document.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    op.create_table(
        "text_units",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("start_offset", sa.Integer, nullable=False),
        sa.Column("end_offset", sa.Integer, nullable=False),
        sa.Column("label", sa.String(255)),
        sa.Column("role", sa.String(16)),
    )
    op.create_index("ix_text_units_document", "text_units", ["document_id", "kind", "start_offset"])
    op.create_table(
        "tokens",
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("start_offset", sa.Integer, nullable=False),
        sa.Column("end_offset", sa.Integer, nullable=False),
        sa.Column("form", sa.String(100), nullable=False),
        sa.Column("lemma", sa.String(100), nullable=False),
        sa.Column("pos", sa.String(8)),
    )
    op.create_index("ix_tokens_form", "tokens", ["form"])
    op.create_index("ix_tokens_lemma", "tokens", ["lemma"])
