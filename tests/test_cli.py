from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import openpyxl
import pandas as pd
import pytest

from qdaw import Project
from qdaw.cli import main


@pytest.fixture
def study_files(tmp_path: Path) -> Path:
    folder = tmp_path / "entretiens"
    folder.mkdir()
    for n, text in ((1, "Nous utilisons Moodle et Zoom."), (2, "Zoom surtout, pour les oraux.")):
        document = docx.Document()
        document.add_paragraph(f"Q : Quels outils ?\nR : {text}")
        document.save(str(folder / f"referent{n}.docx"))
    (folder / "referent3.txt").write_bytes("Réponse : aucun outil, le présentiel.".encode("cp1252"))
    (tmp_path / "variables.csv").write_text(
        "case,discipline\nRéférent 1,sciences\nRéférent 2,SHS\nRéférent 3,SHS\n", encoding="utf-8"
    )
    return tmp_path


def test_the_cli_end_to_end(study_files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = str(study_files / "study.qdaw")
    assert main(["new", project]) == 0
    code = main(
        [
            "import",
            project,
            str(study_files / "entretiens"),
            "--case-pattern",
            r"referent(\d+)",
            "--case-template",
            "Référent {1}",
        ]
    )
    assert code == 0
    assert "referent3.txt → Référent 3" in capsys.readouterr().out
    assert main(["variables", project, str(study_files / "variables.csv")]) == 0
    assert "discipline (text)" in capsys.readouterr().out

    with Project.open(project) as p:  # code with the API, as a script would
        zoom = p.add_code("Zoom", parent=p.add_code("Outils"))
        p.link_code(zoom, p.add_hypothesis("H1", "Les outils de visio dominent"))
        for doc in p.documents():
            start = doc.text.find("Zoom")
            if start >= 0:
                p.code_segment(doc, start, start + 4, zoom)

    assert main(["report", project]) == 0
    out = capsys.readouterr().out
    assert "3 cases" in out
    assert any(
        line.strip().startswith("Zoom") and "2/3" in line and " 67 " in line
        for line in out.splitlines()
    )
    assert "H1      2/3" in out
    assert main(["codes", project]) == 0
    assert "  Zoom" in capsys.readouterr().out  # indented under its parent

    matrix_csv = study_files / "matrix.csv"
    assert main(["export", "matrix", project, "-o", str(matrix_csv), "--presence"]) == 0
    matrix = pd.read_csv(matrix_csv, index_col=0)
    assert matrix["Zoom"].to_dict() == {"Référent 1": 1, "Référent 2": 1, "Référent 3": 0}

    freq_xlsx = study_files / "freq.xlsx"
    assert main(["export", "frequencies", project, "-o", str(freq_xlsx)]) == 0
    sheet = openpyxl.load_workbook(freq_xlsx)["Frequencies"]
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["code", "parent"] and sheet.freeze_panes == "A2"
    rows = {
        r[0]: dict(zip(header, r, strict=True))
        for r in sheet.iter_rows(min_row=2, values_only=True)
    }
    assert rows["Zoom"]["ratio"] == "2/3" and rows["Zoom"]["parent"] == "Outils"

    excel_csv = study_files / "freq.csv"
    assert main(["export", "frequencies", project, "-o", str(excel_csv), "--excel"]) == 0
    assert excel_csv.read_bytes().startswith(b"\xef\xbb\xbfcode,")


def test_cli_errors_are_one_line_and_non_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("pas un projet")
    assert main(["report", str(notes)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("qdaw: error: ") and "notes.txt" in err and err.count("\n") == 1
    project = str(tmp_path / "p.qdaw")
    main(["new", project])
    assert main(["new", project]) == 1
    assert "file exists" in capsys.readouterr().err
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04nope")
    assert main(["import", project, str(bad)]) == 1
    assert "bad.docx: not a valid .docx" in capsys.readouterr().err
    assert main(["export", "matrix", project, "-o", str(tmp_path / "m.pdf")]) == 1
    assert "unknown table format" in capsys.readouterr().err
    assert not (tmp_path / "m.pdf").exists()


def test_console_script_and_module_entry_points(tmp_path: Path) -> None:
    project = tmp_path / "s.qdaw"
    result = subprocess.run(
        [sys.executable, "-m", "qdaw", "new", str(project)], capture_output=True, text=True
    )
    assert result.returncode == 0 and project.exists()
    result = subprocess.run(["qdaw", "report", str(project)], capture_output=True, text=True)
    assert result.returncode == 0 and "0 cases" in result.stdout
