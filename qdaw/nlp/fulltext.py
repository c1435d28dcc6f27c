"""The full-text index of word forms: SQLite FTS5, PostgreSQL tsvector with GIN.

Both store, per document, the folded form of every token in order, so a full-text
position is a token position: the index answers "where does this word (or prefix)
occur" and the token table turns positions into character offsets.

SQLite: ``token_index`` (FTS5, one row per document, rowid = document id) read through
``token_index_terms`` (fts5vocab 'instance': term, doc, col, offset).
PostgreSQL: ``token_chunks`` (document, chunk, tsvector); a tsvector position is at most
16,383, so a document's tokens are stored in chunks of ``CHUNK`` positions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, column, select, table, text

CHUNK = 16_000
# A token with no letter or digit (€, %, emoji) still takes its position.
SYMBOL = "qdawsymbol"

token_index_terms = table("token_index_terms", column("term"), column("doc"), column("offset"))


def fts_term(form: str) -> str:
    """The index term of a folded form: letters and digits only, so the full-text
    tokenizer reads it as exactly one word (aujourd'hui -> aujourdhui)."""
    return "".join(ch for ch in form if ch.isalnum()) or SYMBOL


def _lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(terms: Sequence[str]) -> str:
    """A tsvector written out (no text-search parser involved): 'term':1,5 …"""
    where: dict[str, list[int]] = defaultdict(list)
    for offset, term in enumerate(terms):
        where[term].append(offset + 1)
    return " ".join(
        f"{_lexeme(term)}:{','.join(map(str, positions))}" for term, positions in where.items()
    )


def write_document(conn: Connection, document_id: int, forms: Sequence[str]) -> None:
    """Replace a document's entry in the full-text index (inside the caller's
    transaction)."""
    terms = [fts_term(form) for form in forms]
    if conn.dialect.name == "sqlite":
        conn.execute(text("DELETE FROM token_index WHERE rowid = :d"), {"d": document_id})
        if terms:
            conn.execute(
                text("INSERT INTO token_index (rowid, forms) VALUES (:d, :f)"),
                {"d": document_id, "f": " ".join(terms)},
            )
        return
    conn.execute(text("DELETE FROM token_chunks WHERE document_id = :d"), {"d": document_id})
    rows = [
        {"d": document_id, "c": i // CHUNK, "v": tsvector_literal(terms[i : i + CHUNK])}
        for i in range(0, len(terms), CHUNK)
    ]
    if rows:
        conn.execute(
            text(
                "INSERT INTO token_chunks (document_id, chunk, terms) "
                "VALUES (:d, :c, CAST(:v AS tsvector))"
            ),
            rows,
        )


def positions(dialect: str, term: str, prefix: bool) -> Any:
    """A selectable of (document_id, position) where the term (or a term starting with
    it) occurs, answered by the full-text index."""
    term = fts_term(term)
    upper = term[:-1] + chr(ord(term[-1]) + 1)
    if dialect == "sqlite":
        terms = token_index_terms
        condition = (
            (terms.c.term >= term) & (terms.c.term < upper) if prefix else terms.c.term == term
        )
        return select(terms.c.doc.label("document_id"), terms.c.offset.label("position")).where(
            condition
        )
    query = _lexeme(term) + (":*" if prefix else "")
    lexeme_condition = "u.lexeme >= :term AND u.lexeme < :upper" if prefix else "u.lexeme = :term"
    return (
        text(
            "SELECT c.document_id AS document_id, "
            f"c.chunk * {CHUNK} + p.pos - 1 AS position "
            "FROM token_chunks c "
            "CROSS JOIN LATERAL unnest(c.terms) AS u(lexeme, positions, weights) "
            "CROSS JOIN LATERAL unnest(u.positions) AS p(pos) "
            f"WHERE c.terms @@ CAST(:query AS tsquery) AND {lexeme_condition}"
        )
        .bindparams(**({"query": query, "term": term} | ({"upper": upper} if prefix else {})))
        .columns(column("document_id"), column("position"))
    )


def optimize(conn: Connection) -> None:
    """Merge the index's segments after a bulk indexing run (SQLite FTS5 writes one
    segment per document; PostgreSQL's GIN index needs nothing)."""
    if conn.dialect.name == "sqlite":
        conn.execute(text("INSERT INTO token_index (token_index) VALUES ('optimize')"))
