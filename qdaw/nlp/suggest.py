"""Suggesting codes for a passage: the codes whose passages are most similar to it
(TF-IDF over content lemmas, cosine similarity). The researcher accepts or ignores them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, func, select

from qdaw.analysis.frequencies import _frame, codebook_frame
from qdaw.core import models as m
from qdaw.nlp.keywords import _content, _stop_words

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.core.store import Store


def suggest_codes(
    store: Store, document: Any, start: int, end: int, limit: int = 5
) -> pd.DataFrame:
    """Columns: code, score (0–1), shared (the lemmas that weigh most in the match)."""
    import numpy as np
    import pandas as pd

    document_id = store.document_id(document)
    t, s = m.tokens, m.segments
    profiles = _frame(
        store,
        select(s.c.code_id, t.c.lemma, func.count())
        .join(
            t,
            and_(
                t.c.document_id == s.c.document_id,
                s.c.start_offset <= t.c.start_offset,
                t.c.start_offset < s.c.end_offset,  # bounds the index range
                t.c.end_offset <= s.c.end_offset,
            ),
        )
        .where(_content(t))
        .group_by(s.c.code_id, t.c.lemma),
        ["code_id", "lemma", "n"],
    )
    passage = _frame(
        store,
        select(t.c.lemma, func.count())
        .where(
            t.c.document_id == document_id,
            t.c.start_offset >= start,
            t.c.end_offset <= end,
            _content(t),
        )
        .group_by(t.c.lemma),
        ["lemma", "n"],
    )
    stop = _stop_words()
    profiles = profiles[~profiles["lemma"].isin(stop) & (profiles["lemma"].str.len() > 2)]
    passage = passage[~passage["lemma"].isin(stop) & (passage["lemma"].str.len() > 2)]
    empty = pd.DataFrame(columns=["code", "score", "shared"])
    if profiles.empty or passage.empty:
        return empty
    matrix = profiles.pivot_table(index="code_id", columns="lemma", values="n", fill_value=0)
    codes_with = (matrix > 0).sum(axis=0)
    idf = np.log((1 + len(matrix)) / (1 + codes_with)) + 1
    weights = matrix * idf
    weights = weights.div(np.sqrt((weights**2).sum(axis=1)), axis=0)
    query = passage.set_index("lemma")["n"].reindex(matrix.columns, fill_value=0) * idf
    norm = float(np.sqrt((query**2).sum()))
    if norm == 0:
        return empty
    query = query / norm
    scores = weights.to_numpy() @ query.to_numpy()
    labels = codebook_frame(store)["label"]
    contributions = weights * query
    rows = []
    for position in np.argsort(-scores)[:limit]:
        if scores[position] <= 0:
            break
        code_id = matrix.index[position]
        top = contributions.loc[code_id].sort_values(ascending=False)
        rows.append((labels[code_id], float(scores[position]), ", ".join(top[top > 0].index[:4])))
    return pd.DataFrame(rows, columns=["code", "score", "shared"])
