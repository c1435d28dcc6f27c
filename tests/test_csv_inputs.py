"""The three CSV inputs (respondent variables, the case map, the codebook) read by one
reader: each bad file refused with the file, the row as a spreadsheet numbers it and
the column by its header; nothing stored unless the file is clean. Files made here."""

from __future__ import annotations

from pathlib import Path

import pytest

from qdaw import Project, QdawError
from qdaw.cli import main
from qdaw.ingest import limits
from qdaw.ingest.table import TableError, read_table
from tests.conftest import snapshot
from tests.gui_helpers import type_file_name
from tests.other_writer import Writer


def write(tmp_path: Path, name: str, data: str | bytes, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "study.qdaw")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def study(request: pytest.FixtureRequest, target: str) -> Project:
    """A project with two respondents and a whole-number variable 'age'."""
    project = Project.create(target)
    request.addfinalizer(project.close)
    project.add_document("d1", "Texte un.", case="Référent 1")
    project.add_document("d2", "Texte deux.", case="Référent 2")
    project.set_variable("Référent 1", "age", 41)
    return project


# -- the reader ---------------------------------------------------------------------


def test_one_column_semicolons_tabs_and_decimal_commas(tmp_path: Path) -> None:
    one = read_table(write(tmp_path, "one.csv", "name\nAccès\nUsages\n"))
    assert one.header == ["name"] and [r.cells for r in one.rows] == [["Accès"], ["Usages"]]
    semi = read_table(write(tmp_path, "semi.csv", "case;note\nA;3,5\nB;4\n"))
    assert semi.delimiter == ";" and [r.cells for r in semi.rows] == [["A", "3,5"], ["B", "4"]]
    tabs = read_table(write(tmp_path, "tabs.txt", "case\tville\nA\tBesançon, Doubs\n"))
    assert [r.cells for r in tabs.rows] == [["A", "Besançon, Doubs"]]


def test_rows_are_numbered_as_a_spreadsheet_shows_them(tmp_path: Path) -> None:
    # A quoted cell on two lines is one row; a blank line is a row too.
    path = write(tmp_path, "v.csv", 'case,memo\nA,"deux\nlignes"\n\nB,x\n')
    table = read_table(path)
    assert [(r.number, r.cells) for r in table.rows] == [
        (2, ["A", "deux\nlignes"]),
        (4, ["B", "x"]),
    ]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"\xef\xbb\xbfcase,ville\nA,Besan\xc3\xa7on\n", "utf-8 (BOM)"),
        (b"case,ville\nA,Besan\xc3\xa7on\n", "utf-8"),
        (b"case,ville\nA,Besan\xe7on\nB,\x80 50\n", "windows-1252"),
    ],
)
def test_the_encoding_is_decided_for_the_whole_file(
    tmp_path: Path, data: bytes, encoding: str
) -> None:
    table = read_table(write(tmp_path, "v.csv", data))
    assert table.encoding == encoding and table.rows[0].cells == ["A", "Besançon"]


def test_a_file_mixing_utf8_and_cp1252_lines_is_refused(tmp_path: Path) -> None:
    lines = ["case,ville", "A,Besançon", "B,Orléans", "C,Nîmes"]
    data = "\n".join(lines[:3]).encode("utf-8") + b"\nC,N\xeemes\n"
    with pytest.raises(QdawError, match=r"v\.csv: line 4 is not UTF-8 .* line 2 is"):
        read_table(write(tmp_path, "v.csv", data))


def test_long_cells_are_read_up_to_the_limit_and_named_past_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    long = "é" * 200_000  # over the csv module's 131,072 default
    table = read_table(write(tmp_path, "v.csv", f"case,memo\nA,{long}\n"))
    assert table.rows[0].cells == ["A", long] and not table.problems
    monkeypatch.setattr(limits, "MAX_CELL_CHARS", 1000)
    table = read_table(write(tmp_path, "v.csv", f"case,memo\nA,court\nB,{long}\n"))
    assert [r.cells[0] for r in table.rows] == ["A"]
    [problem] = table.problems
    assert str(problem) == "row 3, column 'memo': 200,000 characters (the limit is 1,000)"


def test_whole_file_problems_name_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(path: Path, reason: str) -> None:
        with pytest.raises(QdawError, match=reason):
            read_table(path)

    refused(tmp_path / "absent.csv", r"absent\.csv: no such file")
    refused(write(tmp_path, "empty.csv", ""), r"empty\.csv: the file is empty")
    refused(write(tmp_path, "blank.csv", "\n ; \n\n"), r"blank\.csv: no header row")
    refused(write(tmp_path, "bin.csv", b"PK\x03\x04\x00\x00"), r"bin\.csv: .*binary")
    refused(write(tmp_path, "q.csv", 'case,memo\nA,x\nB,"jamais fermé\nC,y\n'),
            r"q\.csv, row 3: a quote opened here is never closed")  # fmt: skip
    refused(write(tmp_path, "dup.csv", "case,age,age\nA,1,2\n"),
            r"dup\.csv, row 1, column 3: 'age' is also the name of column 2")  # fmt: skip
    monkeypatch.setattr(limits, "MAX_TABLE_BYTES", 100)
    refused(write(tmp_path, "big.csv", "case,x\n" + "A,1\n" * 50), r"big\.csv: too large")


# -- respondent variables -----------------------------------------------------------


def test_a_cell_longer_than_131072_characters_is_imported(study: Project, tmp_path: Path) -> None:
    memo = "Très long commentaire. " * 8000  # 184,000 characters
    path = write(tmp_path, "variables.csv", f'case,commentaire\nRéférent 1,"{memo}"\n')
    assert study.import_variables(path).cases == 1
    assert study.case("Référent 1").variables["commentaire"] == memo.strip()


def refused_whole(study: Project, path: Path, message: str) -> TableError:
    before = snapshot(study)
    label = study.undo_label
    with pytest.raises(TableError, match=message) as info:
        study.import_variables(path)
    assert snapshot(study) == before and study.undo_label == label  # nothing stored
    return info.value


def test_a_duplicate_respondent_is_refused(study: Project, tmp_path: Path) -> None:
    path = write(tmp_path, "variables.csv", "case,ville\nRéférent 1,Dijon\nRéférent 1,Lyon\n")
    refused_whole(
        study, path, r"variables\.csv, row 3, column 'case': 'Référent 1' is also on row 2"
    )


def test_a_blank_variable_name_is_refused(study: Project, tmp_path: Path) -> None:
    path = write(tmp_path, "variables.csv", "case,,ville\nRéférent 1,x,Dijon\n")
    refused_whole(study, path, r"variables\.csv, row 1, column 2: the column has no name")
    # A column with neither a name nor a value (a spreadsheet's trailing separators) is
    # no variable, and no problem.
    trailing = write(tmp_path, "trailing.csv", "case;ville;;\nRéférent 1;Dijon;;\n")
    assert study.import_variables(trailing).cases == 1
    assert set(study.variable_types()) == {"age", "ville"}


def test_a_mixed_encoding_file_is_refused(study: Project, tmp_path: Path) -> None:
    data = "case,ville\nRéférent 1,Besançon\n".encode() + b"R\xe9f\xe9rent 2,Besan\xe7on\n"
    with pytest.raises(QdawError, match=r"variables\.csv: line 3 is not UTF-8"):
        study.import_variables(write(tmp_path, "variables.csv", data))
    assert "ville" not in study.variable_types()


def test_words_in_a_number_column_are_refused_with_row_and_column(
    study: Project, tmp_path: Path
) -> None:
    # 'age' is a whole-number variable in the project; 'enfants' is new, numbers but one.
    path = write(
        tmp_path,
        "variables.csv",
        "case,age,enfants\nRéférent 1,41,2\nRéférent 2,quarante,1\nRéférent 3,38,deux\n",
    )
    error = refused_whole(study, path, r"variables\.csv, row 3, column 'age': 'quarante' is not")
    assert [str(p) for p in error.problems] == [
        "row 3, column 'age': 'quarante' is not a whole number (age holds numbers)",
        "row 4, column 'enfants': 'deux' is not a whole number (enfants holds numbers)",
    ]
    assert "row 4, column 'enfants'" in str(error)  # every problem in the message
    # A decimal does not fit a whole-number variable (its type changes only explicitly).
    decimal = write(tmp_path, "decimal.csv", "case;age\nRéférent 2;38,5\n")
    refused_whole(study, decimal, r"row 2, column 'age': '38,5' is not a whole number")
    study.change_variable_type("age", "decimal")
    study.import_variables(decimal)
    assert study.variable_types()["age"] == "decimal"
    assert study.case("Référent 2").variables["age"] == 38.5


def test_skip_bad_rows_stores_the_good_rows_in_one_step(study: Project, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "variables.csv",
        "case,age,ville\nRéférent 1,42,Dijon\nRéférent 2,quarante,Lyon\n"
        ",50,Metz\nRéférent 3,30,Nancy,Vosges\nRéférent 4,29,Brest\n",
    )
    before = snapshot(study)
    report = study.import_variables(path, skip_bad_rows=True)
    assert report.cases == 2
    assert [str(p) for p in report.skipped] == [
        "row 3, column 'age': 'quarante' is not a whole number (age holds numbers)",
        "row 4, column 'case': the respondent has no name",
        "row 5: 4 cells, the header has 3 columns",
    ]
    table = study.variables()
    assert table.loc["Référent 1", "age"] == 42 and table.loc["Référent 4", "ville"] == "Brest"
    assert "Référent 3" not in table.index and study.case("Référent 2").variables == {}
    assert study.undo_label == "Import variables from variables.csv"
    study.undo()  # the whole import is one step
    assert snapshot(study) == before


def test_types_are_those_of_the_project_when_stored(
    study: Project, target: str, tmp_path: Path
) -> None:
    # A colleague's qdaw makes 'enfants' a number variable after this one opened the
    # project: the import, on its own, would have made it text; it is refused instead.
    Writer(target, "Ben", "process").run("p.set_variable('Référent 2', 'enfants', 3)")
    path = write(tmp_path, "variables.csv", "case,enfants\nRéférent 1,deux\n")
    refused_whole(study, path, r"row 2, column 'enfants': 'deux' is not a whole number")
    assert study.case("Référent 2").variables == {"enfants": 3}


def test_the_cli_prints_the_problem_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = str(tmp_path / "study.qdaw")
    assert main(["new", project]) == 0
    bad = {
        "long.csv": ('case,memo\nA,x\nB,"' + "x" * 2_000_000 + '"\n', "row 3, column 'memo'"),
        "dup.csv": ("case,ville\nA,Dijon\nA,Lyon\n", "row 3, column 'case': 'A' is also"),
        "blank.csv": ("case,,ville\nA,1,Dijon\n", "row 1, column 2: the column has no name"),
        "quote.csv": ('case,ville\nA,"Dijon\n', "row 2: a quote opened here is never closed"),
    }
    for name, (text, message) in bad.items():
        assert main(["variables", project, str(write(tmp_path, name, text))]) == 1, name
        err = capsys.readouterr().err
        assert f"qdaw: error: {tmp_path / name}, {message}" in err and "Traceback" not in err
    mixed = write(tmp_path, "mixed.csv", "case,ville\nA,Besançon\n".encode() + b"B,Besan\xe7on\n")
    assert main(["variables", project, str(mixed)]) == 1
    assert "mixed.csv: line 3 is not UTF-8" in capsys.readouterr().err
    some = write(tmp_path, "some.csv", "case,age\nA,40\nB,41\nC,quarante\n")
    assert main(["variables", project, str(some)]) == 1
    assert "row 4, column 'age': 'quarante' is not a whole number" in capsys.readouterr().err
    assert main(["variables", project, str(some), "--skip-bad-rows"]) == 1
    out, err = capsys.readouterr()
    assert "Read 2 cases" in out and "age (integer)" in out
    assert f"qdaw: skipped: {some}, row 4, column 'age': 'quarante'" in err
    with Project.open(project) as p:
        assert sorted(c.name for c in p.cases()) == ["A", "B"]


def test_a_case_map_the_old_sniffer_could_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "int_a.txt").write_text("Texte A.", encoding="utf-8")
    project = str(tmp_path / "study.qdaw")
    assert main(["new", project]) == 0
    # One long quoted cell: the sniffer gave up ("Could not determine delimiter").
    long = write(tmp_path, "long.csv", f'file,case,note\nint_a.txt,Référente A,"{"x" * 5000}"\n')
    code = main(["import", project, str(tmp_path / "int_a.txt"), "--case-map", str(long)])
    assert code == 0 and "int_a.txt → Référente A" in capsys.readouterr().out
    problems = {
        "one.csv": ("file\nint_a.txt\n", "one.csv: the case map needs the columns 'file'"),
        "twice.csv": ("file;case\nint_a;A\nint_a;B\n", "twice.csv, row 3, column 'file': 'int_a'"
                      " is also on row 2, with case 'A'"),
        "nocase.csv": ("file;case\nint_a;\n", "nocase.csv, row 2, column 'case': no case for"),
    }  # fmt: skip
    for name, (text, message) in problems.items():
        path = write(tmp_path, name, text)
        code = main(["import", project, str(tmp_path / "int_a.txt"), "--case-map", str(path)])
        assert code == 1
        assert message in capsys.readouterr().err, name
    with Project.open(project) as p:
        assert len(p.documents()) == 1  # the refused maps imported nothing


def test_a_one_column_codebook_and_a_long_name(project: Project, tmp_path: Path) -> None:
    from qdaw.ingest.codebook import read_codebook

    one = write(tmp_path, "codebook.csv", "name\nAccès\nUsages numériques\n")
    assert project.import_codebook(one) == 2
    assert [c.name for c in project.codes()] == ["Accès", "Usages numériques"]
    long_name = "Très long " * 1000  # 10,000 characters
    rows = read_codebook(write(tmp_path, "long.csv", f"name,description\n{long_name},x\n"))
    assert rows == [{"name": long_name.strip(), "description": "x", "row": 2}]


def test_codebook_problems_name_the_row_and_column(project: Project, tmp_path: Path) -> None:
    def refused(text: str, message: str) -> None:
        path = write(tmp_path, "codebook.csv", text)
        with pytest.raises(QdawError, match=message):
            project.import_codebook(path)
        assert project.codes() == []

    refused(
        "name;color\nAccès;#123456\nUsages;rouge\n",
        r"codebook\.csv, row 3, column 'color': colour 'rouge' is not of the form",
    )
    refused(
        "name,parent\nA,\nB,Nulle part\n",
        r"codebook\.csv, row 3, column 'parent': no code named 'Nulle part'",
    )
    refused("name,,description\nA,x,y\n", r"codebook\.csv, row 1, column 2: the column has no")
    refused("name,description\n,une définition sans nom\n",
            r"codebook\.csv, row 2, column 'name': the code has no name")  # fmt: skip
    assert main(["import-codebook", str(project.path), str(tmp_path / "codebook.csv")]) == 1


def test_the_workbench_shows_the_problem(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton

    from qdaw.gui.dialogs import VariablesDialog
    from qdaw.gui.main_window import MainWindow

    with Project.create(tmp_path / "study.qdaw") as p:
        p.add_document("d1", "Texte.", case="A")
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_project(str(tmp_path / "study.qdaw"))
    window.show()
    path = write(tmp_path, "variables.csv", "case,ville\nA,Dijon\nA,Lyon\n")
    action = next(a for a in window.findChildren(type(window.undo_action))
                  if a.text() == "Respondent &variables…")  # fmt: skip
    action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, VariablesDialog))
    qtbot.waitExposed(dialog)

    def choose_the_file() -> None:
        chooser = QApplication.activeModalWidget()
        if isinstance(chooser, QFileDialog):
            type_file_name(chooser, str(path))
            chooser.accept()
        else:
            QTimer.singleShot(10, choose_the_file)

    QTimer.singleShot(10, choose_the_file)
    button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Import CSV…")
    button.click()
    qtbot.waitUntil(lambda: dialog.last_error is not None and dialog.last_error.isVisible())
    assert dialog.last_error is not None
    assert f"{path}, row 3, column 'case': 'A' is also on row 2" in dialog.last_error.text()
    dialog.last_error.close()
    assert window.session.require().variable_types() == {}
