"""Exports, charts, codebook files and the hypotheses report, read back and checked."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pandas as pd
import pytest

from qdaw import Project, QdawError
from qdaw.cli import main
from tests.browser import report_data


@pytest.fixture
def study_path(small_study: Project) -> str:
    small_study.set_memo(small_study.hypothesis("H1"), "Soutenue chez les SHS")
    small_study.set_memo(small_study.code("X"), "Code central")
    path = str(small_study.path)
    small_study.close()
    return path


def run(*args: str) -> None:
    assert main(list(args)) == 0


def test_crosstab_csv_and_xlsx(study_path: str, tmp_path: Path) -> None:
    run("export", "crosstab", study_path, "--variable", "discipline", "-o", str(tmp_path / "c.csv"))
    table = pd.read_csv(tmp_path / "c.csv", index_col="code")
    assert table.loc["X"].to_dict() == {"SHS": 2, "sciences": 0, "Total": 2}
    run("export", "crosstab", study_path, "--variable", "seniority", "--bins", "0,5,10",
        "--value", "label", "-o", str(tmp_path / "c.xlsx"))  # fmt: skip
    sheet = openpyxl.load_workbook(tmp_path / "c.xlsx").active
    assert [c.value for c in sheet[1]] == ["code", "0–5", "5–10", "Total"]
    rows = {r[0]: r[1:] for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["X"] == ("1/1", "1/2", "2/3")


def test_cooccurrence_and_segments_exports(study_path: str, tmp_path: Path) -> None:
    run("export", "cooccurrence", study_path, "--level", "case", "-o", str(tmp_path / "co.csv"))
    co = pd.read_csv(tmp_path / "co.csv", index_col="code")
    assert (co.loc["X", "Theme"], co.loc["X", "X"]) == (1, 2)
    run("export", "segments", study_path, "--query", "X AND NOT Y", "--where", "discipline=SHS",
        "-o", str(tmp_path / "s.csv"), "--excel")  # fmt: skip
    raw = (tmp_path / "s.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfsegment_id,code,document,case")
    segments = pd.read_csv(tmp_path / "s.csv", encoding="utf-8-sig")
    assert segments["text"].tolist() == ["Alpha three.", "Charlie one.", "Charlie three"]


def test_filters_on_the_command_line(study_path: str, tmp_path: Path) -> None:
    out = tmp_path / "f.csv"
    run("export", "frequencies", study_path, "--where", "seniority>=5", "-o", str(out))
    assert pd.read_csv(out).set_index("code")["ratio"].to_dict() == {
        "Theme": "1/2",
        "X": "1/2",
        "Y": "0/2",
        "Z": "1/2",
    }
    run("export", "frequencies", study_path, "--where", "discipline=SHS|sciences",
        "--coder", "bob", "-o", str(out))  # fmt: skip
    assert pd.read_csv(out).set_index("code").loc["X", "segments"] == 2
    run("export", "matrix", study_path, "--case", "A", "--hypothesis", "H1", "-o", str(out))
    assert pd.read_csv(out, index_col="case").to_dict(orient="index") == {"A": {"X": 3, "Y": 1}}


def test_workbook_has_every_table_formatted(study_path: str, tmp_path: Path) -> None:
    out = tmp_path / "study.xlsx"
    run("export", "workbook", study_path, "-o", str(out))
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [
        "Frequencies", "Matrix", "Hypotheses", "Agreement", "Crosstab discipline",
        "Crosstab seniority", "Co-occurrence", "Co-occurrence cases", "Segments", "Codebook",
    ]  # fmt: skip
    for sheet in book.worksheets:
        assert sheet.freeze_panes in ("A2", "B2")
        assert sheet["A1"].font.bold
    segments = book["Segments"]
    header = [c.value for c in segments[1]]
    assert segments.cell(2, header.index("text") + 1).alignment.wrap_text
    frequencies = pd.read_excel(out, sheet_name="Frequencies")
    with Project.open(study_path) as p:
        expected = p.code_frequencies()
    assert frequencies["ratio"].tolist() == expected["ratio"].tolist()
    matrix = pd.read_excel(out, sheet_name="Matrix", index_col=0)
    assert matrix.loc["A", "X"] == 3
    # ann and bob both coded a1 only: agreement over that document, X by both.
    agreement = pd.read_excel(out, sheet_name="Agreement").set_index("code")
    assert agreement.loc["X", ["units", "both"]].tolist() == [1, 1]


def test_codebook_round_trip(study_path: str, tmp_path: Path) -> None:
    out = tmp_path / "codebook.xlsx"
    run("export", "codebook", study_path, "-o", str(out))
    table = pd.read_excel(out)
    assert table[["name", "parent", "hypotheses"]].fillna("").values.tolist() == [
        ["Theme", "", ""],
        ["X", "Theme", "H1"],
        ["Y", "Theme", "H1"],
        ["Z", "", "H2"],
    ]
    fresh = tmp_path / "fresh.qdaw"
    run("new", str(fresh))
    run("import-codebook", str(fresh), str(out))
    with Project.open(study_path) as old, Project.open(fresh) as new:
        assert [(c.path, c.color, c.description) for c in new.codes()] == [
            (c.path, c.color, c.description) for c in old.codes()
        ]
        assert [c.name for c in new.hypothesis("H1").codes()] == ["X", "Y"]
        assert new.code("X").memo == "Code central"
    with Project.create(tmp_path / "again.qdaw") as again:
        assert again.import_codebook(out) == 4
        assert again.undo_label == "Import codebook codebook.xlsx"
        again.undo()  # the whole import is one step
        assert again.codes() == [] and again.hypotheses() == []


def test_codebook_csv_with_children_first_and_errors(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "a_priori.csv"
    path.write_text(
        "name;parent;description;color;hypotheses\n"
        "Fraude;Besoins;Gestion de la fraude;#808080;H4\n"
        "Besoins;;Besoins remontés;;\n",
        encoding="utf-8",
    )
    assert project.import_codebook(path) == 2
    assert project.code("Besoins/Fraude").color == "#808080"
    assert project.hypothesis("H4").codes()[0].name == "Fraude"
    bad = tmp_path / "bad.csv"
    bad.write_text("label,parent\nA,\n", encoding="utf-8")
    with pytest.raises(QdawError, match=r"bad\.csv: a codebook needs a 'name' column"):
        project.import_codebook(bad)
    orphan = tmp_path / "orphan.csv"
    orphan.write_text("name,parent\nA,Nowhere\n", encoding="utf-8")
    with pytest.raises(
        QdawError, match=r"orphan\.csv, row 2, column 'parent': no code named 'Nowhere'"
    ):
        project.import_codebook(orphan)
    assert len(project.codes()) == 2  # the failed import left nothing behind


def test_charts_png_and_svg(study_path: str, tmp_path: Path) -> None:
    from PIL import Image

    run("export", "chart", study_path, "-o", str(tmp_path / "f.png"))
    with Image.open(tmp_path / "f.png") as image:
        assert image.format == "PNG" and image.width > 500
    run("export", "chart", study_path, "--kind", "heatmap", "-o", str(tmp_path / "h.svg"))
    svg = (tmp_path / "h.svg").read_text()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg


def test_hypotheses_report_docx(study_path: str, tmp_path: Path) -> None:
    out = tmp_path / "rapport.docx"
    run("report", "hypotheses", study_path, "-o", str(out), "--lang", "fr")
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "H1 — X and Y matter" in headings and "H2 — Z matters" in headings
    assert "Citations" in headings and "Mémos" in headings
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Soutenue par 2/3 répondants (67 %) : A, C." in text
    assert "Sans aucun code lié : B." in text
    quotes = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    assert "« Alpha one. » — A" in quotes and "« Bravo one. » — B" in quotes
    overview = document.tables[0]
    assert [c.text for c in overview.rows[1].cells] == ["H1", "X and Y matter", "2/3", "67"]
    h1_codes = document.tables[1]
    assert [c.text for c in h1_codes.rows[1].cells] == ["X", "2/3", "67", "5"]
    # The overview chart, one per hypothesis, and one for the codes outside them (Theme).
    assert len(document.inline_shapes) == 4 and "Résultats hors hypothèses" in headings


def test_hypotheses_report_html_and_markdown(study_path: str, tmp_path: Path) -> None:
    html_path = tmp_path / "report.html"
    run("report", "hypotheses", study_path, "-o", str(html_path), "--where", "discipline=SHS")
    html = html_path.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "src=" not in html  # nothing to load
    assert "Filters: respondents where discipline = SHS" in html
    # The page draws its tables from its data (tests/test_report_page.py reads them in a
    # browser): the filtered respondents, who has each code, the quotes with their source.
    data = report_data(html)
    assert data["respondents"] == ["A", "C"]
    x = next(code for code in data["codes"] if code["name"] == "X")
    assert (
        x["cases"] == [[0, 3], [1, 2]]
        and {"r": 0, "t": "Alpha one.", "s": "A", "f": 1} in x["quotes"]
    )
    md_path = tmp_path / "report.md"
    run("report", "hypotheses", study_path, "-o", str(md_path))
    markdown = md_path.read_text(encoding="utf-8")
    assert "| X | 2/3 | 67 | 5 |" in markdown
    assert "> — **A**" in markdown
    charts = sorted(p.name for p in (tmp_path / "report_charts").iterdir())
    assert charts == ["1-H1.png", "2-H2.png", "3-Findings outside the hypotheses.png",
                      "overview.png"]  # fmt: skip
    assert "![H1](report_charts/1-H1.png)" in markdown


def test_crosstab_in_the_terminal(study_path: str, capsys: pytest.CaptureFixture[str]) -> None:
    run("crosstab", study_path, "discipline", "--tests")
    out = capsys.readouterr().out
    assert "SHS (n=2)" in out and "2/2" in out and "fisher_p" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "crosstab", "{p}", "-o", "{t}/x.csv"], "needs --variable"),
        (["export", "crosstab", "{p}", "--variable", "age", "-o", "{t}/x.csv"], "unknown variable"),
        (
            ["export", "frequencies", "{p}", "--where", "seniority>>5", "-o", "{t}/x.csv"],
            "needs a number",
        ),
        (["export", "chart", "{p}", "-o", "{t}/x.gif"], ".png, .svg or .pdf"),
        (["report", "hypotheses", "{p}"], "needs -o FILE"),
        (["report", "hypotheses", "{p}", "-o", "{t}/r.pdf"], ".docx, .html or .md"),
        (["export", "segments", "{p}", "--query", "X AND", "-o", "{t}/x.csv"], "expected name"),
    ],
)
def test_bad_arguments_are_one_line_errors(
    study_path: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    filled = [a.format(p=study_path, t=tmp_path) for a in args]
    assert main(filled) == 1
    err = capsys.readouterr().err
    assert err.startswith("qdaw: error:") and message in err
    assert not any(p.name.startswith("x.") or p.name.startswith("r.") for p in tmp_path.iterdir())
