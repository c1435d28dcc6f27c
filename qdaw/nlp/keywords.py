"""Distinctive words of a code: lemmas over-represented in its passages compared with
the rest of the corpus, ranked by Dunning's log-likelihood (G²)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, func, select

from qdaw.analysis.frequencies import _frame
from qdaw.analysis.scope import ALL, Scope
from qdaw.core import models as m

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.core.project import Project

#: Parts of speech that carry content; untagged tokens (English blank pipeline) count too.
CONTENT = ("NOUN", "PROPN", "VERB", "ADJ")


def _stop_words() -> set[str]:
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.fr.stop_words import STOP_WORDS as FR

    from qdaw.core.text_units import fold

    return {fold(word) for word in FR | EN}


def _content(tokens: Any) -> Any:
    return (tokens.c.pos.in_(CONTENT)) | (tokens.c.pos.is_(None))


def distinctive_words(
    project: Project, code: Any, scope: Scope = ALL, limit: int = 20
) -> pd.DataFrame:
    """Columns: lemma, in_code, in_rest, per_1000_code, per_1000_rest, g2 (most
    distinctive first). A word covered by two overlapping segments counts once."""
    import numpy as np
    import pandas as pd

    code_id = project._code_id(code)
    t, s = m.tokens, m.segments
    inside = (
        select(t.c.document_id, t.c.position, t.c.lemma)
        .join(
            s,
            and_(
                s.c.document_id == t.c.document_id,
                s.c.start_offset <= t.c.start_offset,
                t.c.end_offset <= s.c.end_offset,
            ),
        )
        .where(s.c.code_id == code_id, _content(t), *scope.segment_conditions(s))
        .distinct()
        .subquery()
    )
    in_code = _frame(
        project,
        select(inside.c.lemma, func.count()).group_by(inside.c.lemma),
        ["lemma", "in_code"],
    ).set_index("lemma")["in_code"]
    documents = select(m.documents.c.id).where(*scope.document_conditions())
    overall = _frame(
        project,
        select(t.c.lemma, func.count())
        .where(_content(t), t.c.document_id.in_(documents))
        .group_by(t.c.lemma),
        ["lemma", "total"],
    ).set_index("lemma")["total"]
    stop = _stop_words()
    table = pd.DataFrame({"in_code": in_code}).join(overall, how="left").fillna(0)
    table = table[~table.index.isin(stop) & (table.index.str.len() > 2)]
    table["in_rest"] = (table["total"] - table["in_code"]).clip(lower=0)
    code_size = float(in_code.sum())
    rest_size = float(overall.sum()) - code_size
    if code_size == 0 or rest_size <= 0:
        return pd.DataFrame(
            columns=["lemma", "in_code", "in_rest", "per_1000_code", "per_1000_rest", "g2"]
        )
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
    over = table[table["per_1000_code"] > table["per_1000_rest"]]
    result = over.sort_values(["g2", "in_code"], ascending=False).head(limit).reset_index()
    result["in_code"] = result["in_code"].astype(int)
    result["in_rest"] = result["in_rest"].astype(int)
    return result[["lemma", "in_code", "in_rest", "per_1000_code", "per_1000_rest", "g2"]]
