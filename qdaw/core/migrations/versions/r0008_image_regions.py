"""Images as sources: their pictures, and segments that are regions.

Revision ID: 0008
Revises: 0007

- ``document_images``: an image document's PNG or JPEG bytes with its format and size
  in pixels (its text is ""), written with the document through the journal.
- ``segments.x, y, width, height``: a region's rectangle in image pixels (NULL for a
  text segment); a region's offsets are 0, 0, so the span check now accepts an empty
  span when the segment has a rectangle. SQLite cannot change a check in place: the
  segments table is rebuilt with its rows, ids, indexes and autoincrement counter.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.schema import CreateTable

revision = "0008"
down_revision = "0007"

SPAN = (
    "start_offset >= 0 AND (end_offset > start_offset OR (x IS NOT NULL AND"
    " x >= 0 AND y >= 0 AND width > 0 AND height > 0))"
)


def _ref(column: str) -> sa.ForeignKey:
    return sa.ForeignKey(column, ondelete="RESTRICT")


def _segments() -> sa.Table:
    """The segments table as this revision defines it (frozen: later model changes must
    not change what this migration builds)."""
    md = sa.MetaData()
    for name in ("documents", "codes", "coders"):
        sa.Table(name, md, sa.Column("id", sa.Integer, primary_key=True))
    return sa.Table(
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
        sa.Column("x", sa.Integer),
        sa.Column("y", sa.Integer),
        sa.Column("width", sa.Integer),
        sa.Column("height", sa.Integer),
        sa.CheckConstraint(SPAN, name="ck_segment_span"),
        sqlite_autoincrement=True,
    )


def _rebuild_sqlite_segments() -> None:
    """As revision 0005 rebuilt its tables (foreign keys are off during migrations),
    keeping the autoincrement high-water mark: a deleted segment's id is never reused."""
    conn = op.get_bind()
    seen = conn.exec_driver_sql("SELECT seq FROM sqlite_sequence WHERE name = 'segments'").scalar()
    kept = [
        row[0]
        for row in conn.execute(
            sa.text(
                "SELECT sql FROM sqlite_master WHERE tbl_name = 'segments' "
                "AND type IN ('index', 'trigger') AND sql IS NOT NULL"
            )
        )
    ]
    table = _segments()
    ddl = str(CreateTable(table).compile(dialect=conn.dialect)).strip()
    prefix = "CREATE TABLE segments ("
    assert ddl.startswith(prefix), ddl
    conn.exec_driver_sql("CREATE TABLE segments__0008 (" + ddl[len(prefix) :])
    old = "id, document_id, code_id, coder_id, start_offset, end_offset, memo, created_at"
    conn.exec_driver_sql(f"INSERT INTO segments__0008 ({old}) SELECT {old} FROM segments")
    conn.exec_driver_sql("DROP TABLE segments")
    conn.exec_driver_sql("ALTER TABLE segments__0008 RENAME TO segments")
    for sql in kept:
        conn.exec_driver_sql(sql)
    if seen is not None:
        conn.exec_driver_sql("DELETE FROM sqlite_sequence WHERE name = 'segments'")
        conn.execute(
            sa.text("INSERT INTO sqlite_sequence (name, seq) VALUES ('segments', :s)"),
            {"s": seen},
        )


def upgrade() -> None:
    op.create_table(
        "document_images",
        sa.Column("document_id", sa.Integer, _ref("documents.id"), primary_key=True),
        sa.Column("format", sa.String(8), nullable=False),
        sa.Column("width", sa.Integer, nullable=False),
        sa.Column("height", sa.Integer, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_sqlite_segments()
        return
    for column in ("x", "y", "width", "height"):
        op.add_column("segments", sa.Column(column, sa.Integer))
    op.drop_constraint("ck_segment_span", "segments", type_="check")
    op.create_check_constraint("ck_segment_span", "segments", SPAN)
