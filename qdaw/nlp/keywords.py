"""Distinctive words of a code: lemmas over-represented in its passages compared with
the rest of the corpus, ranked by Dunning's log-likelihood (G²)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, func, literal, select, union_all

from qdaw.analysis.frequencies import _frame
from qdaw.analysis.scope import ALL, Scope
from qdaw.core import models as m

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.core.store import Store

#: Parts of speech that carry content; untagged tokens (English blank pipeline) count too.
CONTENT = ("NOUN", "PROPN", "VERB", "ADJ")


def _stop_words() -> set[str]:
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.fr.stop_words import STOP_WORDS as FR

    from qdaw.core.text_units import fold

    return {fold(word) for word in FR | EN}


def _content(tokens: Any) -> Any:
    return (tokens.c.pos.in_(CONTENT)) | (tokens.c.pos.is_(None))


COLUMNS = ["term", "kind", "in_code", "in_rest", "per_1000_code", "per_1000_rest", "g2"]
#: Noun phrases by part of speech: "classe virtuelle", "examen en ligne".
PHRASE_PATTERNS = (("NOUN", "ADJ"), ("ADJ", "NOUN"), ("NOUN", "ADP", "NOUN"))


def _phrases(scope_documents: Any) -> Any:
    """(document_id, start, end, key) of every noun phrase: consecutive tokens whose
    parts of speech follow a pattern, keyed by their lemmas. One self-join per pattern,
    all in SQL. Punctuation is not in the index, so "consecutive" also asks that only a
    space (or nothing: l'examen) separates two words: "examens. R : tous" is no phrase."""
    parts = []
    for pattern in PHRASE_PATTERNS:
        aliases = [m.tokens.alias(f"p{i}") for i in range(len(pattern))]
        first = aliases[0]
        key: Any = aliases[0].c.lemma
        for alias in aliases[1:]:
            key = key + literal(" ") + alias.c.lemma
        statement = select(
            first.c.document_id.label("document_id"),
            first.c.start_offset.label("start"),
            aliases[-1].c.end_offset.label("end"),
            key.label("term"),
        ).where(first.c.pos == pattern[0], first.c.document_id.in_(scope_documents))
        for i, alias in enumerate(aliases[1:], start=1):
            statement = statement.join(
                alias,
                and_(
                    alias.c.document_id == first.c.document_id,
                    alias.c.position == first.c.position + i,
                    alias.c.pos == pattern[i],
                    alias.c.start_offset - aliases[i - 1].c.end_offset <= 1,
                ),
            )
        parts.append(statement)
    return union_all(*parts).subquery("phrases")


def _counts(store: Store, code_id: int, scope: Scope, units: Any, term: Any) -> tuple[Any, Any]:
    """(in_code, total) per term: in_code counts units inside the code's passages (a unit
    under two overlapping segments once), total counts every unit in scope."""
    s = m.segments
    inside = (
        select(units.c.document_id, units.c.start, term.label("term"))
        .join(
            s,
            and_(
                s.c.document_id == units.c.document_id,
                s.c.start_offset <= units.c.start,
                units.c.start < s.c.end_offset,  # bounds the index range
                units.c.end <= s.c.end_offset,
            ),
        )
        .where(s.c.code_id == code_id, *scope.segment_conditions(s))
        .distinct()
        .subquery()
    )
    in_code = _frame(
        store,
        select(inside.c.term, func.count()).group_by(inside.c.term),
        ["term", "in_code"],
    ).set_index("term")["in_code"]
    total = _frame(store, select(term, func.count()).group_by(term), ["term", "total"]).set_index(
        "term"
    )["total"]
    return in_code, total


def _g2_table(in_code: Any, total: Any, stop: set[str]) -> Any:
    import numpy as np
    import pandas as pd

    table = pd.DataFrame({"in_code": in_code}).join(total, how="left").fillna(0)
    table = table[~table.index.isin(stop) & (table.index.str.len() > 2)]
    table["in_rest"] = (table["total"] - table["in_code"]).clip(lower=0)
    code_size = float(in_code.sum())
    rest_size = float(total.sum()) - code_size
    if code_size == 0 or rest_size <= 0:
        return table.iloc[0:0]
    a, b = table["in_code"].to_numpy(float), table["in_rest"].to_numpy(float)
    expected_a = code_size * (a + b) / (code_size + rest_size)
    expected_b = rest_size * (a + b) / (code_size + rest_size)
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2 * (
            np.where(a > 0, a * np.log(a / expected_a), 0)
            + np.where(b > 0, b * np.log(b / expected_b), 0)
        )
    table["per_1000_code"] = 1000 * a / code_size
    table["per_1000_rest"] = 1000 * b / rest_size
    table["g2"] = g2
    return table[table["per_1000_code"] > table["per_1000_rest"]]


def distinctive_words(
    store: Store, code: Any, scope: Scope = ALL, limit: int = 20, phrases: bool = True
) -> pd.DataFrame:
    """Columns: term, kind (word | phrase), in_code, in_rest, per_1000_code,
    per_1000_rest, g2; most distinctive first. Words are content lemmas; phrases are
    noun phrases (noun + adjective, noun + preposition + noun), each compared with its
    own kind. Terms are shown as written ("évaluation à distance"), not folded."""
    import pandas as pd

    code_id = store.code_id(code)
    t = m.tokens
    documents = select(m.documents.c.id).where(*scope.document_conditions())
    words = (
        select(t.c.document_id, t.c.start_offset.label("start"),
               t.c.end_offset.label("end"), t.c.lemma)
        .where(_content(t), t.c.document_id.in_(documents))
        .subquery("words")
    )  # fmt: skip
    stop = _stop_words()
    tables = [_g2_table(*_counts(store, code_id, scope, words, words.c.lemma), stop)
              .assign(kind="word")]  # fmt: skip
    if phrases:
        found = _phrases(documents)
        tables.append(
            _g2_table(*_counts(store, code_id, scope, found, found.c.term), set()).assign(
                kind="phrase"
            )
        )
    table = pd.concat(tables)
    if table.empty:
        return pd.DataFrame(columns=COLUMNS)
    result = table.sort_values(["g2", "in_code"], ascending=False).head(limit)
    result = result.rename_axis("term").reset_index()
    result["in_code"] = result["in_code"].astype(int)
    result["in_rest"] = result["in_rest"].astype(int)
    result["term"] = _as_written(store, code_id, result)
    return result[COLUMNS].reset_index(drop=True)


def _as_written(store: Store, code_id: int, result: Any) -> list[str]:
    """Each folded term as the transcripts write it: the commonest lower-cased spelling
    among its first occurrences in the code's passages' documents (a word whose form is
    its lemma: "evaluation" -> "évaluation"). Two statements, whatever the number of
    terms."""
    from collections import Counter

    t, s = m.tokens, m.segments
    documents = select(s.c.document_id).where(s.c.code_id == code_id)
    kinds = dict(zip(result["term"].astype(str), result["kind"], strict=True))
    words = [term for term, kind in kinds.items() if kind == "word"]
    phrases = [term for term, kind in kinds.items() if kind == "phrase"]
    found = _phrases(documents)
    occurrences = [
        select(t.c.lemma.label("term"), t.c.document_id, t.c.start_offset.label("start"),
               t.c.end_offset.label("end"))
        .where(t.c.lemma.in_(words), t.c.form == t.c.lemma, t.c.document_id.in_(documents)),
        select(found.c.term, found.c.document_id, found.c.start, found.c.end)
        .where(found.c.term.in_(phrases)),
    ]  # fmt: skip
    spellings: dict[str, Counter[str]] = {}
    for occurrence in occurrences:
        ranked = occurrence.subquery("occurrences")
        numbered = select(
            ranked.c.term,
            ranked.c.document_id,
            ranked.c.start,
            ranked.c.end,
            func.row_number()
            .over(partition_by=ranked.c.term, order_by=(ranked.c.document_id, ranked.c.start))
            .label("n"),
        ).subquery("numbered")
        texts = m.document_texts
        rows = store.rows(
            select(
                numbered.c.term,
                func.substr(texts.c.text, numbered.c.start + 1, numbered.c.end - numbered.c.start),
            )
            .join(texts, texts.c.document_id == numbered.c.document_id)
            .where(numbered.c.n <= 20)
        )
        for term, written in rows:
            spellings.setdefault(str(term), Counter())[" ".join(str(written).lower().split())] += 1
    return [
        spellings[str(term)].most_common(1)[0][0] if str(term) in spellings else str(term)
        for term in result["term"]
    ]
