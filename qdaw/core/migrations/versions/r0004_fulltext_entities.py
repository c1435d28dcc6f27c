"""A full-text index of word forms, and the named entities of anonymisation.

Revision ID: 0004
Revises: 0003
"""

from collections import defaultdict

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import TSVECTOR

revision = "0004"
down_revision = "0003"

CHUNK = 16_000


def _term(form: str) -> str:
    # Frozen copy of the index term rule (letters and digits only).
    return "".join(ch for ch in form if ch.isalnum()) or "qdawsymbol"


def _tsvector(terms: list[str]) -> str:
    where: dict[str, list[int]] = defaultdict(list)
    for offset, term in enumerate(terms):
        where[term].append(offset + 1)
    return " ".join(
        "'" + t.replace("\\", "\\\\").replace("'", "''") + "':" + ",".join(map(str, p))
        for t, p in where.items()
    )


SENTENCE_OF_TOKEN = (
    "(SELECT u.id FROM text_units u WHERE u.document_id = t.document_id"
    " AND u.kind = 'sentence' AND u.start_offset <= t.start_offset"
    " AND t.start_offset < u.end_offset"
    " ORDER BY u.start_offset DESC LIMIT 1)"
)


def _tokens_with_sentences(sqlite: bool) -> None:
    """Each token names its sentence (a search hit's context is one key seek away);
    on SQLite the table is clustered by (document, position): WITHOUT ROWID."""
    if not sqlite:
        op.add_column("tokens", sa.Column("sentence_id", sa.Integer))
        op.execute(f"UPDATE tokens t SET sentence_id = {SENTENCE_OF_TOKEN}")
        op.create_index("ix_tokens_document_start", "tokens", ["document_id", "start_offset"])
        return
    op.execute(
        "CREATE TABLE tokens_new ("
        "document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE, "
        "position INTEGER NOT NULL, start_offset INTEGER NOT NULL, "
        "end_offset INTEGER NOT NULL, form VARCHAR(100) NOT NULL, "
        "lemma VARCHAR(100) NOT NULL, pos VARCHAR(8), sentence_id INTEGER, "
        "PRIMARY KEY (document_id, position)) WITHOUT ROWID"
    )
    op.execute(
        "INSERT INTO tokens_new SELECT t.document_id, t.position, t.start_offset, "
        f"t.end_offset, t.form, t.lemma, t.pos, {SENTENCE_OF_TOKEN} FROM tokens t"
    )
    op.execute("DROP TABLE tokens")
    op.execute("ALTER TABLE tokens_new RENAME TO tokens")
    op.execute("CREATE INDEX ix_tokens_form ON tokens (form)")
    op.execute("CREATE INDEX ix_tokens_lemma ON tokens (lemma)")
    op.execute("CREATE INDEX ix_tokens_document_start ON tokens (document_id, start_offset)")


def upgrade() -> None:
    conn = op.get_bind()
    sqlite = conn.dialect.name == "sqlite"
    _tokens_with_sentences(sqlite)
    if sqlite:
        op.execute(
            "CREATE VIRTUAL TABLE token_index USING fts5("
            'forms, detail=full, tokenize="unicode61 remove_diacritics 0")'
        )
        op.execute("CREATE VIRTUAL TABLE token_index_terms USING fts5vocab(token_index, instance)")
        # The index is not a foreign-key child: a deleted document takes its entry along.
        op.execute(
            "CREATE TRIGGER documents_token_index AFTER DELETE ON documents "
            "BEGIN DELETE FROM token_index WHERE rowid = old.id; END"
        )
    else:
        op.create_table(
            "token_chunks",
            sa.Column(
                "document_id",
                sa.Integer,
                sa.ForeignKey("documents.id", ondelete="CASCADE"),
                primary_key=True,
            ),
            sa.Column("chunk", sa.Integer, primary_key=True),
            sa.Column("terms", TSVECTOR, nullable=False),
        )
        op.execute("CREATE INDEX ix_token_chunks_terms ON token_chunks USING gin (terms)")
    forms: dict[int, list[str]] = defaultdict(list)
    for document_id, form in conn.execute(
        sa.text("SELECT document_id, form FROM tokens ORDER BY document_id, position")
    ):
        forms[int(document_id)].append(_term(str(form)))
    for document_id, terms in forms.items():
        if sqlite:
            conn.execute(
                sa.text("INSERT INTO token_index (rowid, forms) VALUES (:d, :f)"),
                {"d": document_id, "f": " ".join(terms)},
            )
        else:
            for i in range(0, len(terms), CHUNK):
                conn.execute(
                    sa.text("INSERT INTO token_chunks VALUES (:d, :c, CAST(:v AS tsvector))"),
                    {"d": document_id, "c": i // CHUNK, "v": _tsvector(terms[i : i + CHUNK])},
                )
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("key", sa.String(255), nullable=False, unique=True),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("pseudonym", sa.String(255)),
        sa.Column("origin", sa.String(10), nullable=False),
        sa.Column("mentions", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_entities_status", "entities", ["status"])
