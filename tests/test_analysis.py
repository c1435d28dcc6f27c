"""Issue-3 analyses on the hand-made study of conftest.small_study.

Reminder of the fixture: A (SHS, 3 years) has X three times (ann, ann, bob) and Y once
over the first two X passages; B (sciences, 10) has Z; C (SHS, 7) has X in two
documents (ann, bob) and Theme once; D has no document.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from qdaw import NotFoundError, Project, QdawError


def ratios(frame) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return dict(zip(frame["code"], frame["ratio"], strict=True))


# -- filters ---------------------------------------------------------------------------
def test_filter_by_variable_changes_the_denominator(small_study: Project) -> None:
    shs = small_study.code_frequencies(where={"discipline": "SHS"})
    assert ratios(shs) == {"Theme": "1/2", "X": "2/2", "Y": "1/2", "Z": "0/2"}
    assert ratios(small_study.code_frequencies(where={"discipline": "sciences"}))["Z"] == "1/1"
    either = small_study.code_frequencies(where={"discipline": ["shs", "SCIENCES"]})
    assert ratios(either)["X"] == "2/3"  # values match case-insensitively


def test_filter_by_numeric_predicate_and_by_case_names(small_study: Project) -> None:
    senior = small_study.code_frequencies(where={"seniority": lambda years: years >= 5})
    assert ratios(senior) == {"Theme": "1/2", "X": "1/2", "Y": "0/2", "Z": "1/2"}
    assert ratios(small_study.code_frequencies(cases=["A", "B"]))["X"] == "1/2"
    assert small_study.total_cases(where={"seniority": 3}) == 1


def test_filter_by_coder_keeps_the_respondents_as_denominator(small_study: Project) -> None:
    bob = small_study.code_frequencies(coders=["bob"]).set_index("code")
    assert (bob.loc["X", "segments"], bob.loc["X", "ratio"]) == (2, "2/3")
    assert bob.loc["Y", "ratio"] == "0/3"


def test_filter_by_codes_and_hypotheses(small_study: Project) -> None:
    assert small_study.code_frequencies(hypotheses=["H1"])["code"].tolist() == ["X", "Y"]
    assert small_study.code_frequencies(codes=["Z", "X"])["code"].tolist() == ["X", "Z"]
    matrix = small_study.case_code_matrix(hypotheses=["H2"], where={"discipline": "sciences"})
    assert matrix.to_dict() == {"Z": {"B": 1}}
    summary = small_study.hypothesis_summary(where={"discipline": "SHS"}).set_index("hypothesis")
    assert summary["ratio"].to_dict() == {"H1": "2/2", "H2": "0/2"}
    only_h2 = small_study.hypothesis_summary(hypotheses=["H2"])
    assert only_h2["hypothesis"].tolist() == ["H2"]


def test_bad_filters_are_clear_errors(small_study: Project) -> None:
    with pytest.raises(QdawError, match=r"unknown variable 'age'.*discipline, seniority"):
        small_study.code_frequencies(where={"age": 40})
    with pytest.raises(QdawError, match="no respondent matches"):
        small_study.code_frequencies(where={"discipline": "droit"})
    with pytest.raises(NotFoundError, match="no coder named 'zoé'"):
        small_study.code_frequencies(coders=["zoé"])
    with pytest.raises(NotFoundError, match="no case named 'Q'"):
        small_study.case_code_matrix(cases=["Q"])


# -- crosstab --------------------------------------------------------------------------
def test_crosstab_counts_cases_per_group(small_study: Project) -> None:
    table = small_study.crosstab("discipline")
    assert table.columns.tolist() == ["SHS", "sciences", "Total"]
    assert table.to_dict(orient="index") == {
        "Theme": {"SHS": 1, "sciences": 0, "Total": 1},
        "X": {"SHS": 2, "sciences": 0, "Total": 2},
        "Y": {"SHS": 1, "sciences": 0, "Total": 1},
        "Z": {"SHS": 0, "sciences": 1, "Total": 1},
    }
    assert table.attrs["n"] == {"SHS": 2, "sciences": 1, "Total": 3}


def test_crosstab_other_values(small_study: Project) -> None:
    segments = small_study.crosstab("discipline", value="segments")
    assert segments.loc["X"].tolist() == [5, 0, 5]
    pct = small_study.crosstab("discipline", value="pct")
    assert pct.loc["Y"].tolist() == pytest.approx([50.0, 0.0, 100 / 3])
    labels = small_study.crosstab("discipline", value="label")
    assert labels.loc["X"].tolist() == ["2/2", "0/1", "2/3"]


def test_crosstab_with_numeric_bins(small_study: Project) -> None:
    table = small_study.crosstab("seniority", bins=[0, 5, 10])
    assert table.columns.tolist() == ["0–5", "5–10", "Total"]
    assert table.attrs["n"] == {"0–5": 1, "5–10": 2, "Total": 3}
    assert table.loc["X"].tolist() == [1, 1, 2]
    with pytest.raises(QdawError, match="only numbers can be binned"):
        small_study.crosstab("discipline", bins=2)
    with pytest.raises(QdawError, match="unknown variable"):
        small_study.crosstab("age")


def test_crosstab_puts_respondents_without_a_value_in_their_own_column(
    small_study: Project,
) -> None:
    small_study.add_document("e1", "Echo.", case="E")
    table = small_study.crosstab("discipline")
    assert table.columns.tolist() == ["SHS", "sciences", "(no value)", "Total"]
    assert table.attrs["n"]["(no value)"] == 1


def test_crosstab_tests_agree_with_scipy(small_study: Project) -> None:
    tests = small_study.crosstab_tests("discipline")
    observed = np.array([[2, 0], [0, 1]])  # X: with / without, by SHS / sciences
    chi2, p, dof, expected = stats.chi2_contingency(observed)
    assert tests.loc["X", "chi2"] == pytest.approx(chi2)
    assert tests.loc["X", "p_value"] == pytest.approx(p)
    assert tests.loc["X", "dof"] == dof == 1
    assert tests.loc["X", "min_expected"] == pytest.approx(expected.min())
    assert tests.loc["X", "fisher_p"] == pytest.approx(1 / 3)
    assert "chi-square unreliable, use Fisher's exact test" in tests.loc["X", "warning"]


def test_crosstab_tests_on_three_groups(project: Project) -> None:
    rng = np.random.default_rng(1)
    code = project.add_code("C")
    for i in range(30):
        name = f"R{i}"
        doc = project.add_document(name, "Texte du répondant.", case=name)
        project.set_variable(name, "site", "abc"[i % 3])
        if rng.random() < (0.2, 0.5, 0.9)[i % 3]:
            project.code_segment(doc, 0, 5, code)
    tests = project.crosstab_tests("site")
    table = project.crosstab("site")[["a", "b", "c"]].loc["C"].to_numpy()
    observed = np.array([table, 10 - table])
    chi2, p, dof, _ = stats.chi2_contingency(observed)
    assert (tests.loc["C", "chi2"], tests.loc["C", "p_value"]) == (
        pytest.approx(chi2),
        pytest.approx(p),
    )
    assert tests.loc["C", "dof"] == dof == 2
    assert "fisher_p" not in tests.columns


def test_crosstab_tests_need_two_groups(small_study: Project) -> None:
    with pytest.raises(QdawError, match="fewer than two groups"):
        small_study.crosstab_tests("discipline", where={"discipline": "SHS"})


# -- co-occurrence ---------------------------------------------------------------------
def test_cooccurrence_of_overlapping_segments(small_study: Project) -> None:
    counts = small_study.cooccurrence(scope="segment")
    # In a1, Y (0-21) overlaps X (0-10) and X (11-21), not X (22-34).
    assert counts.loc["X", "Y"] == counts.loc["Y", "X"] == 2
    assert np.diag(counts).tolist() == [1, 5, 1, 1]  # segments per code
    assert counts.loc["X", "Theme"] == 0  # adjacent in c1, not overlapping
    jaccard = small_study.cooccurrence(scope="segment", measure="jaccard")
    # X segments 1 and 2 and the Y segment take part, out of 5 + 1 segments.
    assert jaccard.loc["X", "Y"] == pytest.approx(3 / 6)
    assert jaccard.loc["X", "X"] == 1.0


def test_cooccurrence_of_respondents(small_study: Project) -> None:
    counts = small_study.cooccurrence(scope="case")
    assert counts.to_dict(orient="index") == {
        "Theme": {"Theme": 1, "X": 1, "Y": 0, "Z": 0},
        "X": {"Theme": 1, "X": 2, "Y": 1, "Z": 0},
        "Y": {"Theme": 0, "X": 1, "Y": 1, "Z": 0},
        "Z": {"Theme": 0, "X": 0, "Y": 0, "Z": 1},
    }
    jaccard = small_study.cooccurrence(scope="case", measure="jaccard")
    assert jaccard.loc["X", "Theme"] == pytest.approx(1 / 2)
    assert jaccard.loc["Y", "Z"] == 0.0
    with pytest.raises(QdawError, match="scope must be"):
        small_study.cooccurrence(scope="paragraph")  # type: ignore[arg-type]


# -- retrieval and queries -------------------------------------------------------------
def test_retrieve_everything_in_document_order(small_study: Project) -> None:
    table = small_study.retrieve()
    assert table.columns.tolist() == [
        "code",
        "document",
        "case",
        "coder",
        "start",
        "end",
        "text",
        "memo",
        "time",
        "page",
        "timecode",
        "region",
    ]
    assert set(table["page"]) == set(table["timecode"]) == {""}  # typed in: no marks
    assert table["text"].tolist() == [
        "Alpha one.",
        "Alpha one. Alpha two.",
        "Alpha two.",
        "Alpha three.",
        "Bravo one.",
        "Charlie one.",
        "Charlie two",
        "Charlie three",
    ]
    assert table["code"].tolist() == ["X", "Y", "X", "X", "Z", "X", "Theme", "X"]
    assert table["case"].tolist() == ["A", "A", "A", "A", "B", "C", "C", "C"]


def test_retrieve_with_filters(small_study: Project) -> None:
    bob = small_study.retrieve(codes=["X"], coders=["bob"])
    assert bob["text"].tolist() == ["Alpha three.", "Charlie three"]
    shs_h1 = small_study.retrieve(hypotheses=["H1"], where={"discipline": "SHS"}, cases=["C"])
    assert shs_h1["document"].tolist() == ["c1", "c2"]


@pytest.mark.parametrize(
    ("query", "texts"),
    [
        ("X AND Y", ["Alpha one.", "Alpha one. Alpha two.", "Alpha two."]),
        ("X AND NOT Y", ["Alpha three.", "Charlie one.", "Charlie three"]),
        ("X ET SAUF Y", ["Alpha three.", "Charlie one.", "Charlie three"]),
        (
            "X OR Z",
            [
                "Alpha one.",
                "Alpha two.",
                "Alpha three.",
                "Bravo one.",
                "Charlie one.",
                "Charlie three",
            ],
        ),
        (
            '"Theme" AND NOT (Y OR Z)',
            ["Alpha three.", "Charlie one.", "Charlie two", "Charlie three"],
        ),
    ],
)
def test_boolean_queries_at_segment_level(
    small_study: Project, query: str, texts: list[str]
) -> None:
    assert small_study.retrieve(query=query)["text"].tolist() == texts


def test_boolean_queries_at_case_level(small_study: Project) -> None:
    assert small_study.query_cases("X AND NOT Y") == ["C"]
    assert small_study.query_cases("NOT X") == ["B"]
    assert small_study.query_cases("Z OR Y") == ["A", "B"]
    assert small_study.query_cases("X", where={"discipline": "SHS"}) == ["A", "C"]
    table = small_study.retrieve(query="X AND NOT Y", level="case")
    assert table["text"].tolist() == ["Charlie one.", "Charlie three"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("X AND", "expected name"),
        ("(X OR Y", "expected \\)"),
        ("NOT X", "names no code"),
        ("", "empty"),
        ("W", "no code named 'W'"),
    ],
)
def test_bad_queries(small_study: Project, query: str, message: str) -> None:
    with pytest.raises(QdawError, match=message):
        small_study.retrieve(query=query)


# -- words coded -----------------------------------------------------------------------
def test_words_coded_by_code_counts_overlaps_once(small_study: Project) -> None:
    small_study.code_segment("a1", 5, 15, "X")  # overlaps two X passages
    table = small_study.words_coded().set_index("code")
    assert table["words"].to_dict() == {"Theme": 2, "X": 10, "Y": 4, "Z": 2}
    assert table.loc["X", "pct_words"] == pytest.approx(100 * 10 / 18)


def test_words_coded_by_case_and_matrix(small_study: Project) -> None:
    by_case = small_study.words_coded(by="case").set_index("case")
    assert by_case["words_coded"].to_dict() == {"A": 6, "B": 2, "C": 6}
    assert by_case["words_total"].to_dict() == {"A": 6, "B": 4, "C": 8}
    assert by_case["pct_coded"].to_dict() == {"A": 100.0, "B": 50.0, "C": 75.0}
    matrix = small_study.words_coded(by="matrix")
    assert matrix.loc["X"].to_dict() == {"A": 6, "B": 0, "C": 4}
    assert matrix.loc["Theme", "C"] == 2


# -- hypothesis report -----------------------------------------------------------------
def test_hypothesis_report(small_study: Project) -> None:
    small_study.set_memo(small_study.hypothesis("H1"), "Soutenue chez les SHS")
    small_study.describe_code("X", "Première idée")
    report = small_study.hypothesis_report("H1")
    assert (report.label, report.statement, report.memo) == (
        "H1",
        "X and Y matter",
        "Soutenue chez les SHS",
    )
    assert report.codes[["code", "description", "segments", "ratio"]].values.tolist() == [
        ["X", "Première idée", 5, "2/3"],
        ["Y", None, 1, "1/3"],
    ]
    assert (report.cases_with, report.cases_without, report.ratio) == (["A", "C"], ["B"], "2/3")
    assert report.segments == 6
    assert report.quotes[["code", "case", "text"]].values.tolist() == [
        ["X", "A", "Alpha one."],
        ["X", "C", "Charlie one."],
        ["Y", "A", "Alpha one. Alpha two."],
    ]
    sciences = small_study.hypothesis_report("H1", where={"discipline": "sciences"})
    assert (sciences.ratio, sciences.cases_without, len(sciences.quotes)) == ("0/1", ["B"], 0)


def test_retrieved_passages_come_with_their_paragraph(small_study) -> None:  # type: ignore[no-untyped-def]
    from qdaw.nlp.kwic import passages_in_context

    frame = passages_in_context(small_study.store, small_study.retrieve(codes=["X"]).reset_index())
    assert len(frame) == 5
    for row in frame.to_dict("records"):
        text = small_study.document_text(row["document_id"])
        assert text[row["start"] : row["end"]] == row["text"]
        around = row["before"] + row["text"] + row["after"]
        assert text[row["start"] - len(row["before"]) : row["end"] + len(row["after"])] == around
    assert frame.iloc[1]["before"] == "Alpha one. "  # the passage's own line, around it
