"""Find in text without folding the text: the same matches as folding both sides."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from qdaw.analysis.search import find_in_text
from qdaw.core.text_units import fold

LETTERS = "aeiouéèêàçÉÈœŒ’'İıßABCDEeuo nrstl.\n-σЖж"


def folded_matches(text: str, query: str, accents: bool, case: bool, words: bool) -> list:
    pattern = re.escape(fold(query, accents, case))
    if words:
        pattern = rf"(?<!\w){pattern}(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, fold(text, accents, case))]


@settings(max_examples=300, deadline=None, database=None)
@given(
    st.text(alphabet=LETTERS, max_size=120),
    st.text(alphabet=LETTERS.strip(), min_size=1, max_size=4),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_same_matches_as_folding(
    text: str, query: str, accents: bool, case: bool, words: bool
) -> None:
    assert find_in_text(text, query, accents, case, words) == folded_matches(
        text, query, accents, case, words
    )


def test_accents_and_case_ignored_by_default() -> None:
    text = "L'ÉVALUATION, une évaluation, des Evaluations; évaluer."
    found = [text[s:e] for s, e in find_in_text(text, "evaluation")]
    assert found == ["ÉVALUATION", "évaluation", "Evaluation"]
    with_accents = find_in_text(text, "évaluation", accents=True)
    assert [text[s:e] for s, e in with_accents] == ["ÉVALUATION", "évaluation"]
    assert [text[s:e] for s, e in find_in_text(text, "évaluation", True, True)] == ["évaluation"]
    assert find_in_text(text, "evaluation", whole_words=True) == [
        (2, 12),
        (18, 28),
    ]  # not "Evaluations"
