"""The first project format: cases, documents, variables, codes, hypotheses, segments.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade() -> None:
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text),
    )
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(255), nullable=False, unique=True),
        sa.Column("memo", sa.Text),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(255), nullable=False, unique=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("source_name", sa.String(1024)),
        sa.Column("format", sa.String(16)),
        sa.Column("imported_at", sa.DateTime, nullable=False),
        sa.Column(
            "case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("memo", sa.Text),
    )
    op.create_index("ix_documents_case_id", "documents", ["case_id"])
    op.create_table(
        "variables",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(255), nullable=False, unique=True),
        sa.Column("type", sa.String(16), nullable=False),
    )
    op.create_table(
        "case_values",
        sa.Column(
            "case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column(
            "variable_id",
            sa.Integer,
            sa.ForeignKey("variables.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("value", sa.Text),
    )
    op.create_table(
        "codes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("description", sa.Text),
        sa.Column("color", sa.String(9), nullable=False),
        sa.Column("parent_id", sa.Integer, sa.ForeignKey("codes.id", ondelete="CASCADE")),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("author", sa.String(255)),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("memo", sa.Text),
    )
    op.create_index(
        "uq_codes_sibling_name",
        "codes",
        [sa.text("coalesce(parent_id, 0)"), "name"],
        unique=True,
    )
    op.create_index("ix_codes_parent", "codes", ["parent_id", "position"])
    op.create_table(
        "hypotheses",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("label", sa.String(64), nullable=False, unique=True),
        sa.Column("statement", sa.Text, nullable=False),
        sa.Column("description", sa.Text),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("memo", sa.Text),
    )
    op.create_table(
        "code_hypotheses",
        sa.Column(
            "code_id", sa.Integer, sa.ForeignKey("codes.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column(
            "hypothesis_id",
            sa.Integer,
            sa.ForeignKey("hypotheses.id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )
    op.create_index("ix_code_hypotheses_hypothesis_id", "code_hypotheses", ["hypothesis_id"])
    op.create_table(
        "coders",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(255), nullable=False, unique=True),
    )
    op.create_table(
        "segments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "code_id", sa.Integer, sa.ForeignKey("codes.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("coder_id", sa.Integer, sa.ForeignKey("coders.id", ondelete="SET NULL")),
        sa.Column("start_offset", sa.Integer, nullable=False),
        sa.Column("end_offset", sa.Integer, nullable=False),
        sa.Column("memo", sa.Text),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.CheckConstraint(
            "start_offset >= 0 AND end_offset > start_offset", name="ck_segment_span"
        ),
    )
    op.create_index("ix_segments_code", "segments", ["code_id"])
    op.create_index("ix_segments_document", "segments", ["document_id"])
