"""Typed variables: every type and its refusals, explicit type changes with undo, level
order and date bins in crosstabs, document variables in filters, the CSV import's
report, and the migration of a 0005 project."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from qdaw import Project
from qdaw.core import storage
from qdaw.errors import ConflictError, NotFoundError, QdawError
from qdaw.ingest.table import TableError
from tests.conftest import snapshot

SENIORITY = ["< 2 ans", "2–5 ans", "> 5 ans"]


def test_each_type_stores_its_canonical_value(project: Project) -> None:
    project.add_case("R1")
    project.add_variable("age", "integer")
    project.add_variable("note", "float")  # the old name of decimal
    project.add_variable("entretien", "date")
    project.add_variable("titulaire", "yes/no")
    project.add_variable("ancienneté", "categorical", levels=SENIORITY)
    assert project.variable_types() == {
        "age": "integer",
        "note": "decimal",
        "entretien": "date",
        "titulaire": "boolean",
        "ancienneté": "categorical",
    }
    project.set_variable("R1", "age", " 41 ")
    project.set_variable("R1", "note", "3,5")
    project.set_variable("R1", "entretien", "14/05/2020")
    project.set_variable("R1", "titulaire", "Oui")
    project.set_variable("R1", "ancienneté", "> 5 ANS")
    assert project.case("R1").variables == {
        "age": 41,
        "note": 3.5,
        "entretien": date(2020, 5, 14),
        "titulaire": True,
        "ancienneté": "> 5 ans",
    }
    with project.engine.connect() as conn:
        stored = dict(conn.execute(text("SELECT variable_id, value FROM case_values")).all())
    assert sorted(stored.values()) == ["2020-05-14", "3,5", "41", "> 5 ans", "yes"]
    table = project.variables()
    assert str(table["ancienneté"].dtype) == "category"
    assert list(table["ancienneté"].cat.categories) == SENIORITY
    assert table.loc["R1", "titulaire"] is True or bool(table.loc["R1", "titulaire"])
    assert project.variable_levels("ancienneté") == SENIORITY


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("oui", True), ("non", False), ("yes", True), ("No", False), ("true", True),
        ("FALSE", False), ("1", True), ("0", False), ("vrai", True), ("faux", False),
        (True, True), (False, False),
    ],
)  # fmt: skip
def test_yes_no_accepts_its_spellings(project: Project, typed: object, expected: bool) -> None:
    project.add_case("R1")
    project.add_variable("titulaire", "boolean")
    project.set_variable("R1", "titulaire", typed)
    assert project.case("R1").variables["titulaire"] is expected


@pytest.mark.parametrize(
    "kind, levels, value, why",
    [
        ("integer", None, "abc", "is not a whole number"),
        ("integer", None, "4,5", "is not a whole number"),
        ("decimal", None, "abc", "is not a number"),
        ("date", None, "31/02/2020", "is not a date"),
        ("date", None, "mai 2020", "is not a date"),
        ("boolean", None, "peut-être", "is not yes or no"),
        ("categorical", SENIORITY, "10 ans", r"is not one of the levels \(< 2 ans, 2–5 ans"),
    ],
)
def test_a_value_that_does_not_fit_is_refused_naming_who_what_and_the_value(
    project: Project, kind: str, levels: list[str] | None, value: str, why: str
) -> None:
    project.add_case("Référent 1")
    project.add_variable("v", kind, levels=levels)
    before = snapshot(project)
    with pytest.raises(ConflictError, match=f"respondent Référent 1, v: “{value}” {why}"):
        project.set_variable("Référent 1", "v", value)
    assert snapshot(project) == before
    assert project.variable_types()["v"] == kind  # the type stays: no silent text


def test_a_new_variable_takes_the_type_of_its_first_value(project: Project) -> None:
    project.add_case("R1")
    project.set_variable("R1", "age", 40)
    project.set_variable("R1", "taille", "1,82")
    project.set_variable("R1", "ville", "Dijon")
    assert project.variable_types() == {"age": "integer", "taille": "decimal", "ville": "text"}
    with pytest.raises(ConflictError, match="“quarante” is not a whole number"):
        project.set_variable("R1", "age", "quarante")


def test_bad_definitions_are_refused(project: Project) -> None:
    with pytest.raises(ConflictError, match="type must be text, integer, decimal, date"):
        project.add_variable("v", "money")
    with pytest.raises(ConflictError, match="needs its levels"):
        project.add_variable("v", "categorical")
    with pytest.raises(ConflictError, match="'Bas' is given twice"):
        project.add_variable("v", "categorical", levels=["bas", "Bas"])
    with pytest.raises(ConflictError, match="may not be blank"):
        project.add_variable("v", "categorical", levels=["bas", " "])
    with pytest.raises(ConflictError, match="only a categorical variable has levels"):
        project.add_variable("v", "text", levels=["a"])
    with pytest.raises(ConflictError, match="scope is case or document"):
        project.add_variable("v", "text", scope="site")
    assert project.variable_types(None) == {}


def test_changing_the_type_converts_every_value_in_one_undo_step(project: Project) -> None:
    for case, value in (("R1", "3"), ("R2", "12"), ("R3", None)):
        project.add_case(case)
        project.set_variable(case, "ancienneté", value or "")
    project.set_variable("R1", "ancienneté", "3")
    project.set_variable("R1", "date", "14/05/2020")  # a text variable holding dates
    assert project.variable_types()["date"] == "text"
    project.change_variable_type("date", "date")
    assert project.case("R1").variables["date"] == date(2020, 5, 14)
    before = snapshot(project)
    project.change_variable_type("ancienneté", "decimal")
    assert project.undo_label == "Change the type of ancienneté to decimal"
    assert project.variable_types()["ancienneté"] == "decimal"
    project.set_variable("R2", "ancienneté", "12,5")
    project.undo()
    project.undo()
    assert snapshot(project) == before
    assert project.variable_types()["ancienneté"] == "integer"


def test_a_conversion_that_does_not_fit_is_refused_naming_the_values(project: Project) -> None:
    for case, value in (("R1", "1,5"), ("R2", "2,0"), ("R3", "abc")):
        project.add_case(case)
        project.set_variable(case, "v", "text")
        project.set_variable(case, "v", value)
    before, label = snapshot(project), project.undo_label
    with pytest.raises(
        ConflictError,
        match=r"v cannot become integer: R1 “1,5” \(is not a whole number\); R2 “2,0” .*R3",
    ):
        project.change_variable_type("v", "integer")
    assert snapshot(project) == before and project.undo_label == label
    with pytest.raises(ConflictError, match=r"R1 “1,5” .is not one of the levels"):
        project.change_variable_type("v", "categorical", levels=["2,0", "abc"])
    project.set_variable("R1", "v", "")
    project.change_variable_type("v", "categorical", levels=["ABC", "2,0"])
    assert project.case("R3").variables["v"] == "ABC"  # re-spelt as the level


def test_a_decimal_becomes_a_whole_number_only_when_it_is_one(project: Project) -> None:
    for case, value in (("R1", "2,0"), ("R2", "7")):
        project.add_case(case)
        project.set_variable(case, "note", "1,5")
        project.set_variable(case, "note", value)
    project.change_variable_type("note", "integer")
    assert project.variables()["note"].tolist() == [2, 7]
    project.undo()
    project.set_variable("R2", "note", "7,25")
    with pytest.raises(ConflictError, match=r"R2 “7,25” .is not a whole number"):
        project.change_variable_type("note", "integer")
    many = [f"R{i}" for i in range(3, 12)]
    with project.batch("Many"):
        for case in many:
            project.add_case(case)
            project.set_variable(case, "note", "0,5")
    with pytest.raises(ConflictError, match=r"R6 “0,5” \(is not a whole number\), and 5 more"):
        project.change_variable_type("note", "integer")


def test_set_levels_reorders_and_refuses_a_level_in_use(project: Project) -> None:
    project.add_case("R1")
    project.add_variable("ancienneté", "categorical", levels=["> 5 ans", "< 2 ans"])
    project.set_variable("R1", "ancienneté", "> 5 ans")
    project.set_levels("ancienneté", SENIORITY)
    assert project.variable_levels("ancienneté") == SENIORITY
    assert project.undo_label == "Set the levels of ancienneté"
    with pytest.raises(ConflictError, match=r"R1 “> 5 ans” .is not one of the levels"):
        project.set_levels("ancienneté", ["< 2 ans"])
    project.add_variable("ville", "text")
    with pytest.raises(ConflictError, match="ville is text: change its type"):
        project.set_levels("ville", ["Dijon"])
    with pytest.raises(NotFoundError, match="no variable named 'absent'"):
        project.set_levels("absent", ["a"])
    project.undo()  # adding ville
    project.undo()
    assert project.variable_levels("ancienneté") == ["> 5 ans", "< 2 ans"]


def test_crosstab_follows_the_level_order(small_study: Project) -> None:
    small_study.add_variable("ancienneté", "categorical", levels=SENIORITY)
    small_study.set_variable("A", "ancienneté", "> 5 ans")
    small_study.set_variable("B", "ancienneté", "< 2 ans")
    table = small_study.crosstab("ancienneté")
    # Every level in its order (also one nobody has), then respondents without a value.
    assert list(table.columns) == [*SENIORITY, "(no value)", "Total"]
    assert table.attrs["n"] == {"< 2 ans": 1, "2–5 ans": 0, "> 5 ans": 1, "(no value)": 1,
                                "Total": 3}  # fmt: skip
    assert table.loc["X", "> 5 ans"] == 1 and table.loc["Z", "< 2 ans"] == 1
    small_study.set_levels("ancienneté", list(reversed(SENIORITY)))
    assert list(small_study.crosstab("ancienneté").columns)[:3] == list(reversed(SENIORITY))


def test_crosstab_bins_dates_by_month_or_year(small_study: Project) -> None:
    small_study.add_variable("entretien", "date")
    for case, when in (("A", "14/05/2020"), ("B", "2020-05-30"), ("C", "02/01/2021")):
        small_study.set_variable(case, "entretien", when)
    by_month = small_study.crosstab("entretien", bins="month")
    assert list(by_month.columns) == ["2020-05", "2021-01", "Total"]
    assert by_month.loc["X"].tolist() == [1, 1, 2]
    by_year = small_study.crosstab("entretien", bins="year")
    assert list(by_year.columns) == ["2020", "2021", "Total"]
    assert by_year.attrs["n"] == {"2020": 2, "2021": 1, "Total": 3}
    with pytest.raises(QdawError, match='dates are binned by "month" or "year"'):
        small_study.crosstab("entretien", bins="week")
    with pytest.raises(QdawError, match="discipline is text"):
        small_study.crosstab("discipline", bins="year")
    with pytest.raises(QdawError, match="'discipline' is text: only numbers can be binned"):
        small_study.crosstab("discipline", bins=2)


def test_yes_no_crosstab_and_typed_filters(small_study: Project) -> None:
    small_study.add_variable("titulaire", "boolean")
    small_study.set_variable("A", "titulaire", "oui")
    small_study.set_variable("B", "titulaire", "non")
    small_study.set_variable("C", "titulaire", "vrai")
    assert list(small_study.crosstab("titulaire").columns) == ["yes", "no", "Total"]
    shown = small_study.code_frequencies(where={"titulaire": "oui"})
    assert shown.loc[shown["code"] == "X", "ratio"].tolist() == ["2/2"]
    assert small_study.total_cases(where={"titulaire": True}) == 2
    small_study.add_variable("entretien", "date")
    small_study.set_variable("A", "entretien", "14/05/2020")
    small_study.set_variable("B", "entretien", "2021-01-02")
    assert small_study.total_cases(where={"entretien": "14/05/2020"}) == 1
    assert small_study.total_cases(where={"entretien": lambda d: d.year >= 2020}) == 2


def test_document_variables_select_documents_in_every_filter(small_study: Project) -> None:
    p = small_study
    p.set_document_variable("c1", "interviewer", "Ana")
    p.set_document_variable("a1", "interviewer", "Ana")
    p.set_document_variable("c2", "interviewer", "Bo")
    p.set_document_variable("c2", "lieu", "Dijon")
    assert p.undo_label == "Set lieu"
    assert p.variable_types() == {"discipline": "text", "seniority": "integer"}
    assert p.variable_types("document") == {"interviewer": "text", "lieu": "text"}
    assert p.document_variables("c2") == {"interviewer": "Bo", "lieu": "Dijon"}
    table = p.document_variable_table()
    assert table.loc["c1", "interviewer"] == "Ana" and table.loc["b1"].isna().all()
    # Ana's interviews: a1 and c1, so C's X counts once (c1), not twice.
    ana = p.retrieve(codes=["X"], where={"interviewer": "Ana"})
    assert sorted(set(ana["document"])) == ["a1", "c1"]
    assert p.total_cases(where={"interviewer": "ana"}) == 2
    matrix = p.case_code_matrix(where={"interviewer": "Ana"})
    assert matrix.loc["C", "X"] == 1 and list(matrix.index) == ["A", "C"]
    both = p.code_frequencies(where={"interviewer": "Ana", "discipline": "SHS"})
    assert both.loc[both["code"] == "X", "segments"].tolist() == [4]
    with pytest.raises(QdawError, match="no document matches the filter"):
        p.code_frequencies(where={"interviewer": "Zoé"})
    with pytest.raises(ConflictError, match="interviewer is a document variable"):
        p.set_variable("A", "interviewer", "Ana")
    with pytest.raises(ConflictError, match="discipline is a respondent variable"):
        p.set_document_variable("a1", "discipline", "SHS")
    with pytest.raises(QdawError, match="interviewer is a document variable"):
        p.crosstab("interviewer")
    p.add_variable("date", "date", scope="document")
    with pytest.raises(ConflictError, match="document c1, date: “hier” is not a date"):
        p.set_document_variable("c1", "date", "hier")
    p.delete_document("c2")  # its values go with it (keys restrict)
    assert "c2" not in p.document_variable_table().index
    p.delete_variable("interviewer")
    assert p.variable_types("document") == {"lieu": "text", "date": "date"}


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_csv_import_reports_each_bad_cell_and_stores_nothing(
    project: Project, tmp_path: Path
) -> None:
    project.add_variable("entretien", "date")
    project.add_variable("titulaire", "boolean")
    project.add_variable("ancienneté", "categorical", levels=SENIORITY)
    path = write(
        tmp_path,
        "vars.csv",
        "case,entretien,titulaire,ancienneté\n"
        "R1,14/05/2020,oui,< 2 ans\n"
        "R2,hier,peut-être,10 ans\n"
        "R3,2021-01-02,non,> 5 ans\n",
    )
    before = snapshot(project)
    with pytest.raises(TableError) as info:
        project.import_variables(path)
    assert snapshot(project) == before
    assert [str(p) for p in info.value.problems] == [
        "row 3, column 'entretien': 'hier' is not a date (YYYY-MM-DD or DD/MM/YYYY) "
        "(entretien is date)",
        "row 3, column 'titulaire': 'peut-être' is not yes or no (oui/non, true/false, 1/0) "
        "(titulaire is boolean)",
        "row 3, column 'ancienneté': '10 ans' is not one of the levels (< 2 ans, 2–5 ans, "
        "> 5 ans) (ancienneté is categorical)",
    ]
    assert str(info.value).startswith(f"{path}, row 3, column 'entretien': 'hier'")
    report = project.import_variables(path, skip_bad_rows=True)
    assert report.cases == 2 and [p.row for p in report.skipped] == [3, 3, 3]
    assert project.case("R1").variables == {
        "entretien": date(2020, 5, 14),
        "titulaire": True,
        "ancienneté": "< 2 ans",
    }
    assert [c.name for c in project.cases()] == ["R1", "R3"]


def test_csv_import_refuses_a_document_variable_column(project: Project, tmp_path: Path) -> None:
    project.add_variable("interviewer", "text", scope="document")
    path = write(tmp_path, "vars.csv", "case,interviewer\nR1,Ana\n")
    with pytest.raises(TableError, match="interviewer is a document variable"):
        project.import_variables(path)


def test_a_0005_project_is_backed_up_then_migrated(tmp_path: Path) -> None:
    path = tmp_path / "study-0005.qdaw"
    engine = storage.sqlite_engine(path)
    storage.upgrade(engine, "0005")
    with engine.begin() as conn:
        for sql in (
            "INSERT INTO meta VALUES ('format', 'qdaw-project')",
            "INSERT INTO cases VALUES (1, 'R1', NULL, '2020-05-14 10:00:00')",
            "INSERT INTO variables VALUES (1, 'note', 'float')",
            "INSERT INTO variables VALUES (2, 'ville', 'text')",
            "INSERT INTO case_values VALUES (1, 1, '3,5')",
            "INSERT INTO case_values VALUES (1, 2, 'Dijon')",
        ):
            conn.execute(text(sql))
    engine.dispose()
    with Project.open(path) as p:
        assert p.backup_path is not None and p.backup_path.exists()
        assert p.variable_types() == {"note": "decimal", "ville": "text"}
        assert {i.scope for i in p.variable_info().values()} == {"case"}
        assert p.case("R1").variables == {"note": 3.5, "ville": "Dijon"}
        p.set_document_variable(p.add_document("d", "Texte.", case="R1"), "lieu", "Metz")
        p.add_set("Tous", kind="document", members=["d"])
        assert p.set("Tous").members == ["d"]
        backup = p.backup_path
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0005",)
    assert conn.execute("SELECT type FROM variables ORDER BY id").fetchall() == [
        ("float",),
        ("text",),
    ]
    conn.close()


def test_the_variables_dialog_has_a_documents_tab_and_types(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    from qdaw.gui.dialogs import VariablesDialog
    from qdaw.gui.session import Session
    from tests.gui_helpers import when_modal

    with Project.create(tmp_path / "study.qdaw") as made:
        made.add_document("e1", "Texte un.", case="R1")
        made.add_document("e2", "Texte deux.", case="R2")
    session = Session()
    project = session.open(tmp_path / "study.qdaw")
    dialog = VariablesDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(1)  # the documents' tab

    def answer(*values: str) -> None:
        def handle(widget: object) -> None:
            assert isinstance(widget, QInputDialog)
            widget.setTextValue(values[0])
            if len(values) > 1:
                answer(*values[1:])
            widget.accept()

        when_modal(handle)

    answer("date")
    assert dialog.add_variable("entretien")
    assert project.variable_types("document") == {"entretien": "date"}
    model = dialog.document_model
    qtbot.waitUntil(lambda: model.variables == ["entretien"])
    cell = model.index(model.cases.index("e1"), 0)
    assert model.setData(cell, "14/05/2020")
    qtbot.waitUntil(lambda: model.data(cell) == "2020-05-14")
    assert not model.setData(cell, "hier")
    assert dialog.last_error is not None
    assert "document e1, entretien: “hier” is not a date" in dialog.last_error.text()
    dialog.last_error.close()
    # On the respondents' tab: a categorical variable, then its type changed back.
    dialog.tabs.setCurrentIndex(0)
    answer("categories (ordered)", "< 2 ans; 2–5 ans; > 5 ans")
    assert dialog.add_variable("ancienneté")
    assert project.variable_levels("ancienneté") == SENIORITY
    assert project.variable_info()["ancienneté"].scope == "case"
    cases = dialog.model
    qtbot.waitUntil(lambda: cases.variables == ["ancienneté"])
    assert cases.setData(cases.index(cases.cases.index("R1"), 0), "2–5 ans")
    answer("integer")
    assert not dialog.change_type("ancienneté")
    assert "ancienneté cannot become integer: R1 “2–5 ans”" in dialog.last_error.text()
    answer("text")
    assert dialog.change_type("ancienneté")
    assert project.variable_types()["ancienneté"] == "text"
