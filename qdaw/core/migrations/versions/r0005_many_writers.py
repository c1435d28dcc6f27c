"""Many writers: the operations log, project revisions, restricting keys, ids never reused.

Revision ID: 0005
Revises: 0004

- ``operations``: every step (who, what, when, undone or not, the row images undo and
  redo need), so that undo checks what others changed since, and the history survives
  closing the project. ``revisions``: one row per committed write (do, undo or redo).
- Foreign keys between journaled tables RESTRICT: a delete can no longer take another
  writer's rows with it; qdaw deletes dependents explicitly, in the journal.
  Derived tables (text units, tokens, the full-text index) still cascade.
- SQLite: AUTOINCREMENT on every journaled table, so an id is never given twice and a
  journal entry always means the row it recorded (the high-water mark is kept in
  ``sqlite_sequence`` across deletes and undo).
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.schema import CreateTable

revision = "0005"
down_revision = "0004"

# (table, column, referenced table) of the keys that now restrict.
RESTRICTED = [
    ("documents", "case_id", "cases"),
    ("document_texts", "document_id", "documents"),
    ("case_values", "case_id", "cases"),
    ("case_values", "variable_id", "variables"),
    ("codes", "parent_id", "codes"),
    ("code_hypotheses", "code_id", "codes"),
    ("code_hypotheses", "hypothesis_id", "hypotheses"),
    ("segments", "document_id", "documents"),
    ("segments", "code_id", "codes"),
    ("segments", "coder_id", "coders"),
]


def _ref(column: str) -> sa.ForeignKey:
    return sa.ForeignKey(column, ondelete="RESTRICT")


def _frozen_tables() -> sa.MetaData:
    """The journaled tables as revision 0005 defines them (a frozen copy: later model
    changes must not change what this migration builds)."""
    md = sa.MetaData()
    sa.Table(
        "cases",
        md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(255), nullable=False, unique=True),
        sa.Column("memo", sa.Text),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sqlite_autoincrement=True,
    )
    sa.Table(
        "documents",
        md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(255), nullable=False, unique=True),
        sa.Column("source_name", sa.String(1024)),
        sa.Column("format", sa.String(16)),
        sa.Column("imported_at", sa.DateTime, nullable=False),
        sa.Column("case_id", sa.Integer, _ref("cases.id"), nullable=False),
        sa.Column("memo", sa.Text),
        sa.Column("language", sa.String(16)),
        sqlite_autoincrement=True,
    )
    sa.Table(
        "document_texts",
        md,
        sa.Column("document_id", sa.Integer, _ref("documents.id"), primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
    )
    sa.Table(
        "variables",
        md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(255), nullable=False, unique=True),
        sa.Column("type", sa.String(16), nullable=False),
        sqlite_autoincrement=True,
    )
    sa.Table(
        "case_values",
        md,
        sa.Column("case_id", sa.Integer, _ref("cases.id"), primary_key=True),
        sa.Column("variable_id", sa.Integer, _ref("variables.id"), primary_key=True),
        sa.Column("value", sa.Text),
    )
    sa.Table(
        "codes",
        md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("description", sa.Text),
        sa.Column("color", sa.String(9), nullable=False),
        sa.Column("parent_id", sa.Integer, _ref("codes.id")),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("author", sa.String(255)),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("memo", sa.Text),
        sqlite_autoincrement=True,
    )
    sa.Table(
        "hypotheses",
        md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("label", sa.String(64), nullable=False, unique=True),
        sa.Column("statement", sa.Text, nullable=False),
        sa.Column("description", sa.Text),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("memo", sa.Text),
        sqlite_autoincrement=True,
    )
    sa.Table(
        "code_hypotheses",
        md,
        sa.Column("code_id", sa.Integer, _ref("codes.id"), primary_key=True),
        sa.Column("hypothesis_id", sa.Integer, _ref("hypotheses.id"), primary_key=True),
    )
    sa.Table(
        "coders",
        md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(255), nullable=False, unique=True),
        sqlite_autoincrement=True,
    )
    sa.Table(
        "segments",
        md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, _ref("documents.id"), nullable=False),
        sa.Column("code_id", sa.Integer, _ref("codes.id"), nullable=False),
        sa.Column("coder_id", sa.Integer, _ref("coders.id")),
        sa.Column("start_offset", sa.Integer, nullable=False),
        sa.Column("end_offset", sa.Integer, nullable=False),
        sa.Column("memo", sa.Text),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.CheckConstraint(
            "start_offset >= 0 AND end_offset > start_offset", name="ck_segment_span"
        ),
        sqlite_autoincrement=True,
    )
    sa.Table(
        "entities",
        md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("key", sa.String(255), nullable=False, unique=True),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("pseudonym", sa.String(255)),
        sa.Column("origin", sa.String(10), nullable=False),
        sa.Column("mentions", sa.Integer, nullable=False, server_default="0"),
        sqlite_autoincrement=True,
    )
    return md


def _rebuild_sqlite_table(table: sa.Table) -> None:
    """Recreate a table with its new definition, keeping its rows, indexes and
    triggers (SQLite cannot alter a key or add AUTOINCREMENT in place). Foreign keys
    are off during migrations, so dropping the old table touches no other rows."""
    conn = op.get_bind()
    name = table.name
    kept = [
        row[0]
        for row in conn.execute(
            sa.text(
                "SELECT sql FROM sqlite_master WHERE tbl_name = :t "
                "AND type IN ('index', 'trigger') AND sql IS NOT NULL"
            ),
            {"t": name},
        )
    ]
    ddl = str(CreateTable(table).compile(dialect=conn.dialect)).strip()
    prefix = f"CREATE TABLE {name} ("
    assert ddl.startswith(prefix), ddl
    conn.exec_driver_sql(f"CREATE TABLE {name}__0005 (" + ddl[len(prefix) :])
    columns = ", ".join(conn.dialect.identifier_preparer.quote(c.name) for c in table.columns)
    conn.exec_driver_sql(f"INSERT INTO {name}__0005 ({columns}) SELECT {columns} FROM {name}")
    conn.exec_driver_sql(f"DROP TABLE {name}")
    conn.exec_driver_sql(f"ALTER TABLE {name}__0005 RENAME TO {name}")
    for sql in kept:
        conn.exec_driver_sql(sql)


def _restrict_server_keys() -> None:
    inspector = sa.inspect(op.get_bind())
    for table, column, referred in RESTRICTED:
        for key in inspector.get_foreign_keys(table):
            if key["constrained_columns"] == [column] and key["name"]:
                op.drop_constraint(key["name"], table, type_="foreignkey")
        op.create_foreign_key(
            f"fk_{table}_{column}", table, referred, [column], ["id"], ondelete="RESTRICT"
        )


def _log_tables() -> None:
    op.create_table(
        "operations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("coder", sa.String(255), nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("kind", sa.String(64)),
        sa.Column("args", sa.Text),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("tables", sa.Text, nullable=False),
        sa.Column("changes", sa.Text, nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_operations_coder_state", "operations", ["coder", "state", "id"])
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("operation_id", sa.Integer, sa.ForeignKey("operations.id"), nullable=False),
        sa.Column("action", sa.String(8), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sqlite_autoincrement=True,
    )


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in _frozen_tables().sorted_tables:
            _rebuild_sqlite_table(table)
    else:
        _restrict_server_keys()
    _log_tables()
