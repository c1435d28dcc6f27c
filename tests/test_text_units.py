from __future__ import annotations

import pytest

from qdaw import Project
from qdaw.core.text_units import fold, paragraph_at, snap_to_words

TEXT = "Q : Vous utilisez Moodle ?\nR : Oui, aujourd'hui l'équipe l’utilise beaucoup."


@pytest.mark.parametrize(
    ("selected", "expected"),
    [
        ("tilisez Mood", "utilisez Moodle"),  # both ends inside words
        (" Moodle ?", "Moodle ?"),  # leading space trimmed
        ("jourd'h", "aujourd'hui"),  # apostrophes join a word
        ("quipe l’util", "l'équipe l’utilise"),
    ],
)
def test_snap_to_words(selected: str, expected: str) -> None:
    start = TEXT.index(selected)
    begin, end = snap_to_words(TEXT, start, start + len(selected))
    assert TEXT[begin:end] == expected


def test_snap_keeps_an_empty_span() -> None:
    assert snap_to_words(TEXT, 3, 4) == (4, 4)  # only a space selected


def test_paragraph_at() -> None:
    start, end = paragraph_at(TEXT, TEXT.index("Oui"))
    assert TEXT[start:end].startswith("R : Oui") and TEXT[end - 1] == "."


def test_fold_keeps_offsets() -> None:
    text = "Élève, œuvre, İstanbul, Référent"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded.startswith("eleve, œuvre") and folded.endswith("referent")
    assert fold(text, accents=True, case=True) == text


def test_find_text_across_the_project(project: Project) -> None:
    project.add_document("a", "Les élèves évaluent. ELEVES absents.", case="A")
    project.add_document("b", "Aucun élève ici, mais une élévation.", case="B")
    hits = project.find_text("eleve")
    assert [(h.document, h.case, h.start) for h in hits] == [
        ("a", "A", 4),
        ("a", "A", 21),
        ("b", "B", 6),
    ]
    assert hits[0].context.startswith("…Les [élève]s")
    assert len(project.find_text("eleve", whole_words=True)) == 1  # "élève" in b only
    assert len(project.find_text("élève", accents=True)) == 2
    assert len(project.find_text("ELEVES", case=True)) == 1
    assert project.find_text("eleve", where=None, cases=["B"])[0].document == "b"


def test_code_and_hypothesis_counts_match_the_frequencies(small_study: Project) -> None:
    counts = small_study.code_counts()
    frequencies = small_study.code_frequencies()
    by_id = {c.id: c.name for c in small_study.codes()}
    for code_id, (segments, cases) in counts.items():
        row = frequencies.set_index("code").loc[by_id[code_id]]
        assert (segments, cases) == (row.segments, row.cases)
    h1 = small_study.hypothesis("H1").id
    assert small_study.hypothesis_counts()[h1] == (6, 2)
    assert small_study.hypothesis_counts(where={"discipline": "sciences"}).get(h1) is None
