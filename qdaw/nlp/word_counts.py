"""Word frequencies: words, lemmas and their n-grams counted from the text index.

One SQL statement reads the selected tokens (a speaker label's words, in no sentence,
are left out); pandas then builds the n-grams by shifting the token table (consecutive
positions in the same sentence, with at most one character between two words so that
"oui, mais" is no bigram) and counts them with one groupby. Unindexed text is an
error, not a cruder count by another tokeniser: the counts would not match the
lemmas, the search and the KWIC lines of the same words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import exists, func, or_, select

from qdaw.analysis.scope import ALL, Scope
from qdaw.core import models as m
from qdaw.core.text_units import fold
from qdaw.errors import QdawError
from qdaw.nlp.stop_words import LANGUAGES, base_list, folded_stop_words

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.core.store import Store

By = Literal["lemma", "form"]
COLUMNS = ["term", "count", "documents", "respondents", "share"]
#: Occurrences read back from the text to spell a folded term as transcripts write it.
SPELLING_SAMPLE = 5


def selection_conditions(scope: Scope, document: Any, start: Any, end: Any) -> list[Any]:
    """WHERE clauses keeping a span [start, end) of a document that lies inside the
    scope's coded passages (its codes, by its coders) and its speakers' turns."""
    conditions = [document.in_(select(m.documents.c.id).where(*scope.document_conditions()))]
    if scope.code_ids is not None:
        s = m.segments
        coded = [s.c.document_id == document, s.c.code_id.in_(scope.code_ids),
                 s.c.start_offset <= start, end <= s.c.end_offset]  # fmt: skip
        if scope.coder_ids is not None:
            coded.append(s.c.coder_id.in_(scope.coder_ids))
        conditions.append(exists().where(*coded))
    if scope.speakers is not None:
        turn = m.text_units.alias("turn")
        conditions.append(
            exists().where(
                turn.c.document_id == document,
                turn.c.kind == "turn",
                or_(turn.c.role.in_(scope.speakers), turn.c.label.in_(scope.speakers)),
                turn.c.start_offset <= start,
                end <= turn.c.end_offset,
            )
        )
    return conditions


def require_index(store: Store, scope: Scope = ALL) -> None:
    """A QdawError naming the documents in scope whose text is not indexed yet."""
    d, texts, units = m.documents, m.document_texts, m.text_units
    has_units = exists().where(units.c.document_id == d.c.id)
    missing = store.rows(
        select(d.c.name)
        .join(texts, texts.c.document_id == d.c.id)
        .where(~has_units, func.length(texts.c.text) > 0, *scope.document_conditions())
        .order_by(d.c.name)
    )
    if missing:
        names = ", ".join(str(row[0]) for row in missing[:5])
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        raise QdawError(
            f"{store.shown}: the text of {names}{more} is not indexed yet; index it first "
            "(qdaw index PROJECT, or Code ▸ Index text in the workbench)"
        )


def _tokens(store: Store, scope: Scope) -> pd.DataFrame:
    from qdaw.analysis.frequencies import _frame

    t, d = m.tokens, m.documents
    language = func.coalesce(d.c.language, store.get_meta("language") or "")
    query = (
        select(t.c.document_id, t.c.position, t.c.start_offset, t.c.end_offset, t.c.form,
               t.c.lemma, t.c.sentence_id, d.c.case_id, language)
        .join(d, d.c.id == t.c.document_id)
        .where(t.c.sentence_id.is_not(None),
               *selection_conditions(scope, t.c.document_id, t.c.start_offset, t.c.end_offset))
        .order_by(t.c.document_id, t.c.position)
    )  # fmt: skip
    columns = ["document", "position", "start", "end", "form", "lemma", "sentence", "case",
               "language"]  # fmt: skip
    return _frame(store, query, columns)


def _stopped(store: Store, words: pd.Series, languages: pd.Series) -> Any:
    """True where the word is on its document's language's list (either list when the
    language is unknown)."""
    lists = {lang: folded_stop_words(store, lang) for lang in LANGUAGES}
    words = words.str.lstrip("-")  # "parlez-moi" is cut "parlez" "-moi"
    known = languages.isin(LANGUAGES)
    result = ~known & (words.isin(lists["fr"]) | words.isin(lists["en"]))
    for lang, stop in lists.items():
        result |= (languages == lang) & words.isin(stop)
    return result


def _ngrams(tokens: pd.DataFrame, by: By, n: int, stop: Any) -> pd.DataFrame:
    """(term, document, case, start, end) of every n-gram; with ``stop``, those whose
    first or last word is a stop word are dropped."""
    column = tokens[by]
    keep = None
    term = column
    end = tokens["end"]
    for k in range(1, n):
        after = tokens.shift(-k)
        before = tokens.shift(-(k - 1))
        joined = (
            (after["document"] == tokens["document"])
            & (after["position"] == tokens["position"] + k)
            & (after["sentence"] == tokens["sentence"])
            & (after["start"] - before["end"] <= 1)
        )
        keep = joined if keep is None else keep & joined
        term = term + " " + column.shift(-k).fillna("")
        end = after["end"]
    frame = tokens[["document", "case", "start"]].assign(term=term, end=end)
    if stop is not None:
        first, last = stop, stop.shift(-(n - 1), fill_value=True)
        keep = ~first & ~last if keep is None else keep & ~first & ~last
    return frame if keep is None else frame[keep.fillna(False).astype(bool)]


def word_frequencies(
    store: Store,
    scope: Scope = ALL,
    by: By = "lemma",
    ngram: int = 1,
    limit: int | None = None,
    min_count: int = 1,
    stop_words: bool = True,
) -> pd.DataFrame:
    """term, count, documents, respondents (distinct), share (of every counted term
    of the selection: the shares of the whole table add up to 1); commonest first."""
    import pandas as pd

    if by not in ("lemma", "form"):
        raise QdawError(f"word frequencies: count by 'lemma' or 'form', not {by!r}")
    if ngram not in (1, 2, 3):
        raise QdawError(f"word frequencies: n-grams of 1, 2 or 3 words, not {ngram!r}")
    if min_count < 1 or (limit is not None and limit < 1):
        raise QdawError("word frequencies: min_count and limit must be at least 1")
    require_index(store, scope)
    tokens = _tokens(store, scope)
    if tokens.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS})
    stop = _stopped(store, tokens[by], tokens["language"]) if stop_words else None
    if stop is not None and by == "lemma":
        # A stop word whose lemma the model got wrong ("sous" -> "sou") is still one.
        stop |= _stopped(store, tokens["form"], tokens["language"])
    grams = _ngrams(tokens, by, ngram, stop)
    grouped = grams.groupby("term")
    table = pd.DataFrame(
        {"count": grouped.size(), "documents": grouped["document"].nunique(),
         "respondents": grouped["case"].nunique()}
    )  # fmt: skip
    total = int(table["count"].sum())
    table["share"] = table["count"] / total if total else 0.0
    table = table[table["count"] >= min_count].rename_axis("term").reset_index()
    table = table.sort_values(["count", "term"], ascending=[False, True], kind="stable")
    if limit is not None:
        table = table.head(limit)
    table = table.reset_index(drop=True)
    table.attrs["keys"] = list(table["term"])  # the index's spelling, for KWIC lines
    table.attrs["by"] = by
    table["term"] = _spelled(store, tokens, grams, table["term"], by)
    return table[COLUMNS]


def _written(store: Store, spans: pd.DataFrame) -> dict[str, str]:
    """term -> the commonest lower-cased spelling of its sampled spans in the text."""
    from collections import Counter

    texts = dict(
        store.rows(
            select(m.document_texts.c.document_id, m.document_texts.c.text).where(
                m.document_texts.c.document_id.in_([int(d) for d in spans["document"].unique()])
            )
        )
    )
    seen: dict[str, Counter[str]] = {}
    # A loop over the sample (a few spans per term), not over the tokens.
    for term, document, start, end in spans[["term", "document", "start", "end"]].itertuples(
        index=False
    ):
        written = " ".join(texts[int(document)][int(start) : int(end)].lower().split())
        seen.setdefault(str(term), Counter())[written] += 1
    return {term: counts.most_common(1)[0][0] for term, counts in seen.items()}


def _spelled(
    store: Store, tokens: pd.DataFrame, grams: pd.DataFrame, keys: pd.Series, by: By
) -> list[str]:
    """Folded terms as the transcripts write them ("equipe" -> "équipe"). Forms: their
    own occurrences. Lemmas: word by word, the spelling of the same word as a form
    (a lemma never written as such stays folded)."""
    if keys.empty:
        return []
    if by == "form":
        sample = grams[grams["term"].isin(set(keys))].groupby("term").head(SPELLING_SAMPLE)
        spelled = _written(store, sample)
        return [spelled.get(str(key), str(key)) for key in keys]
    words = {word for key in keys for word in str(key).split(" ")}
    forms = tokens[tokens["form"].isin(words)].rename(columns={"form": "term"})
    spelled = _written(store, forms.groupby("term").head(SPELLING_SAMPLE))
    # A lemma never written as such: the stop lists' spelling (être), else the accents
    # of its inflected forms' common beginning (élèves -> élève, préfèrent -> préférer).
    listed = {fold(w): w for lang in LANGUAGES for w in base_list(lang)}
    missing = words - set(spelled)
    spelled |= {w: listed[w] for w in missing if w in listed}
    inflected = tokens[tokens["lemma"].isin(missing - set(listed))]
    sample = inflected.groupby("lemma").head(1).rename(columns={"lemma": "term"})
    for lemma, written in _written(store, sample).items():
        spelled[lemma] = _accented(lemma, written)

    def joined(key: str) -> str:
        text = ""
        for word in key.split(" "):
            gap = "" if not text or text.endswith("'") else " "
            text += gap + spelled.get(word, word)
        return text

    return [joined(str(key)) for key in keys]


def _accented(lemma: str, written: str) -> str:
    """The lemma with the accents of the written form over their common beginning."""
    common = 0
    folded = fold(written)
    while common < min(len(lemma), len(written)) and folded[common] == lemma[common]:
        common += 1
    return written[:common] + lemma[common:]
