"""The counting rules, on the hand-made study in conftest.small_study."""

from __future__ import annotations

import pytest

from qdaw import Project


def row(frame, code):  # type: ignore[no-untyped-def]
    return frame.set_index("code").loc[code]


def test_cases_are_distinct_respondents_not_passages(small_study: Project) -> None:
    freq = small_study.code_frequencies()
    assert list(freq.columns) == [
        "code",
        "parent",
        "hypotheses",
        "segments",
        "cases",
        "total_cases",
        "pct_cases",
        "ratio",
    ]
    assert freq["code"].tolist() == ["Theme", "X", "Y", "Z"]  # codebook order
    x = row(freq, "X")
    # A has three X passages, C has X in two documents: 5 segments, 2 respondents.
    assert (x.segments, x.cases, x.total_cases, x.ratio) == (5, 2, 3, "2/3")
    assert x.pct_cases == pytest.approx(200 / 3)
    assert (x.parent, x.hypotheses) == ("Theme", "H1")
    assert row(freq, "Y").ratio == "1/3"
    assert row(freq, "Z").ratio == "1/3"


def test_total_cases_counts_respondents_with_documents(small_study: Project) -> None:
    # D exists but has no document: N is 3, not 4.
    assert small_study.total_cases() == 3
    assert len(small_study.cases()) == 4


def test_a_parent_counts_its_own_segments_unless_rolled_up(small_study: Project) -> None:
    own = row(small_study.code_frequencies(), "Theme")
    assert (own.segments, own.cases) == (1, 1)
    rolled = small_study.code_frequencies(rollup=True)
    theme = row(rolled, "Theme")
    # Theme (1, C) + X (5, A and C) + Y (1, A): 7 segments, respondents A and C.
    assert (theme.segments, theme.cases, theme.ratio) == (7, 2, "2/3")
    assert row(rolled, "X").segments == 5  # a leaf is the same either way


def test_overlapping_segments_of_two_codes_count_for_both(small_study: Project) -> None:
    matrix = small_study.case_code_matrix()
    assert matrix.loc["A", "X"] == 3 and matrix.loc["A", "Y"] == 1


def test_case_code_matrix_counts_and_presence(small_study: Project) -> None:
    counts = small_study.case_code_matrix()
    assert counts.index.tolist() == ["A", "B", "C"]
    assert counts.columns.tolist() == ["Theme", "X", "Y", "Z"]
    assert counts.to_dict(orient="index") == {
        "A": {"Theme": 0, "X": 3, "Y": 1, "Z": 0},
        "B": {"Theme": 0, "X": 0, "Y": 0, "Z": 1},
        "C": {"Theme": 1, "X": 2, "Y": 0, "Z": 0},
    }
    presence = small_study.case_code_matrix(value="presence")
    assert presence.loc["A"].tolist() == [0, 1, 1, 0]
    assert presence.sum().to_dict() == {"Theme": 1, "X": 2, "Y": 1, "Z": 1}
    # The matrix and the frequencies agree on every code.
    assert presence.sum().tolist() == small_study.code_frequencies()["cases"].tolist()
    with pytest.raises(ValueError, match="presence"):
        small_study.case_code_matrix(value="sum")  # type: ignore[arg-type]


def test_hypothesis_summary(small_study: Project) -> None:
    summary = small_study.hypothesis_summary().set_index("hypothesis")
    h1 = summary.loc["H1"]
    # H1 = X or Y: respondents A and C; 6 segments (Y overlaps X but is its own segment).
    assert (h1.codes, h1.segments, h1.cases, h1.ratio) == ("X, Y", 6, 2, "2/3")
    assert (summary.loc["H2", "codes"], summary.loc["H2", "ratio"]) == ("Z", "1/3")


def test_empty_hypothesis_and_unused_code(project: Project) -> None:
    project.add_document("d", "Texte.", case="A")
    project.add_code("Vide")
    project.add_hypothesis("H9", "Rien")
    assert project.code_frequencies()[["segments", "cases", "ratio"]].values.tolist() == [
        [0, 0, "0/1"]
    ]
    summary = project.hypothesis_summary()
    assert summary[["codes", "cases", "ratio"]].values.tolist() == [["", 0, "0/1"]]


def test_an_empty_project_has_empty_tables(project: Project) -> None:
    assert len(project.code_frequencies()) == 0
    assert project.case_code_matrix().shape == (0, 0)
    assert len(project.hypothesis_summary()) == 0


def test_same_names_under_different_parents_are_labelled_by_path(small_study: Project) -> None:
    small_study.add_code("Autre", parent="Theme")
    small_study.add_code("Autre")
    labels = small_study.code_frequencies()["code"].tolist()
    assert labels == ["Theme", "X", "Y", "Theme/Autre", "Z", "Autre"]
    assert small_study.case_code_matrix().columns.tolist() == labels
    assert small_study.code("Theme/Autre").parent == small_study.code("Theme")


def test_deleting_a_document_updates_the_counts(small_study: Project) -> None:
    small_study.delete_document("c1")
    x = row(small_study.code_frequencies(), "X")
    assert (x.segments, x.ratio) == (4, "2/3")  # C still has c2
    small_study.delete_document("c2")
    assert row(small_study.code_frequencies(), "X").ratio == "1/2"
