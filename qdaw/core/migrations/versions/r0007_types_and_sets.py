"""Typed variables, document variables, document and code sets.

Revision ID: 0007
Revises: 0006

- ``variables.scope``: "case" (a respondent's, in ``case_values``) or "document" (a
  document's, in the new ``document_values``); every variable so far is a case one.
- ``variables.levels``: a categorical variable's levels in order (JSON).
- The type "float" is now called "decimal" (the old name is still read as its alias).
- ``sets`` (named, of documents or of codes) with their members in ``set_documents``
  and ``set_codes``; keys restrict, as on every journaled table (qdaw deletes
  memberships explicitly, in the journal).
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"


def _ref(column: str) -> sa.ForeignKey:
    return sa.ForeignKey(column, ondelete="RESTRICT")


def upgrade() -> None:
    op.add_column(
        "variables", sa.Column("scope", sa.String(8), nullable=False, server_default="case")
    )
    op.add_column("variables", sa.Column("levels", sa.Text))
    op.execute("UPDATE variables SET type = 'decimal' WHERE type = 'float'")
    op.create_table(
        "document_values",
        sa.Column("document_id", sa.Integer, _ref("documents.id"), primary_key=True),
        sa.Column("variable_id", sa.Integer, _ref("variables.id"), primary_key=True),
        sa.Column("value", sa.Text),
    )
    op.create_index("ix_document_values_variable", "document_values", ["variable_id", "value"])
    op.create_table(
        "sets",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(255), nullable=False, unique=True),
        sa.Column("kind", sa.String(8), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "set_documents",
        sa.Column("set_id", sa.Integer, _ref("sets.id"), primary_key=True),
        sa.Column("document_id", sa.Integer, _ref("documents.id"), primary_key=True),
    )
    op.create_index("ix_set_documents_document_id", "set_documents", ["document_id"])
    op.create_table(
        "set_codes",
        sa.Column("set_id", sa.Integer, _ref("sets.id"), primary_key=True),
        sa.Column("code_id", sa.Integer, _ref("codes.id"), primary_key=True),
    )
    op.create_index("ix_set_codes_code_id", "set_codes", ["code_id"])
