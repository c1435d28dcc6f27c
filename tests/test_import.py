from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

import docx
import pytest

from qdaw import ConflictError, ImportFailed, Project, QdawError
from qdaw.ingest import read_source
from tests.conftest import snapshot

FRENCH = "Référent : « Les enseignants ont créé des capsules vidéo », déjà en œuvre à l'été."


def make_docx(path: Path, paragraphs: list[str], heading: str | None = None, table=None) -> Path:
    document = docx.Document()
    if heading:
        document.add_heading(heading, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
        document.add_paragraph("Après le tableau.")
    document.save(str(path))
    return path


def test_utf8_text(tmp_path: Path) -> None:
    path = tmp_path / "r1.txt"
    path.write_text(FRENCH, encoding="utf-8")
    source = read_source(path)
    assert source.text == FRENCH and source.encoding == "utf-8"


def test_utf8_bom_and_crlf_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "r1.txt"
    path.write_bytes(codecs.BOM_UTF8 + f"Q : Bonjour\r\nR : {FRENCH}\r\n".encode())
    text = read_source(path).text
    assert text == f"Q : Bonjour\nR : {FRENCH}\n"
    assert "\ufeff" not in text and "\r" not in text


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "r1.txt"
    path.write_bytes(f"{FRENCH}\r\nFin.".encode("utf-16"))  # Python writes a BOM
    assert read_source(path).text == f"{FRENCH}\nFin."


def test_windows_1252_keeps_its_accents(tmp_path: Path) -> None:
    path = tmp_path / "r1.txt"
    path.write_bytes(FRENCH.encode("cp1252"))
    source = read_source(path)
    assert source.text == FRENCH
    assert source.encoding == "windows-1252"


def test_decomposed_accents_are_composed(tmp_path: Path) -> None:
    path = tmp_path / "mac.md"
    path.write_text("re\u0301fe\u0301rent", encoding="utf-8")
    assert read_source(path).text == "référent"


def test_docx_paragraphs_headings_and_tables_in_order(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "r2.docx",
        ["Q : Quels outils ?", FRENCH],
        heading="Entretien 2",
        table=[["Outil", "Usage"], ["Moodle", "QCM"]],
    )
    assert read_source(path).text == (
        f"Entretien 2\nQ : Quels outils ?\n{FRENCH}\nOutil\tUsage\nMoodle\tQCM\nAprès le tableau."
    )


def test_odt_paragraphs_spaces_and_tables(tmp_path: Path) -> None:
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Entretien 3"))
    document.text.addElement(P(text=FRENCH))
    table = Table()
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    row = TableRow()
    for value in ("Zoom", "visio"):
        cell = TableCell()
        cell.addElement(P(text=value))
        row.addElement(cell)
    table.addElement(row)
    document.text.addElement(table)
    path = tmp_path / "r3.odt"
    document.save(str(path))
    assert read_source(path).text == f"Entretien 3\n{FRENCH}\nZoom\tvisio"


def test_rtf_with_code_page_and_unicode_escapes(tmp_path: Path) -> None:
    path = tmp_path / "r4.rtf"
    path.write_bytes(
        rb"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}\f0 R\'e9f\'e9rent : la r\'e9ponse\par"
        rb" \u339?uvre \u8364? fin\par}"
    )
    assert read_source(path).text.strip() == "Référent : la réponse\nœuvre € fin"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\r\n  ", "no text"),
        ("corrupt.docx", b"PK\x03\x04 this is not a real archive", "not a valid .docx"),
        ("notzip.docx", b"plain text renamed to docx", "not a valid .docx"),
        ("image.txt", bytes(range(256)) * 4, "binary"),
        ("notes.pages", b"whatever", "unsupported format .pages"),
        ("fake.rtf", b"hello", "not an RTF file"),
    ],
)
def test_bad_files_name_the_file_and_the_reason(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFailed, match=message) as info:
        read_source(path)
    assert name in str(info.value)


def test_a_zip_bomb_docx_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from qdaw.ingest import limits

    monkeypatch.setattr(limits, "MAX_PART_BYTES", 8 * 1024 * 1024)
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\x00" * (20 * 1024 * 1024))
    with pytest.raises(
        ImportFailed, match=r"would unpack to 20 MB \(limit 8 MB; possible zip bomb"
    ):
        read_source(path)


def test_a_docx_with_a_docx_that_lacks_its_document_part(tmp_path: Path) -> None:
    path = tmp_path / "hollow.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(ImportFailed, match=r"hollow\.docx"):
        read_source(path)


def test_import_file_stores_the_text_and_names_the_case(project: Project, tmp_path: Path) -> None:
    path = make_docx(tmp_path / "referent1.docx", ["Q : Bonjour", FRENCH])
    doc = project.import_file(path, case="Référent 1")
    assert (doc.name, doc.case, doc.format, doc.source_name) == (
        "referent1",
        "Référent 1",
        "docx",
        "referent1.docx",
    )
    assert doc.text == f"Q : Bonjour\n{FRENCH}"
    default = project.import_file(make_docx(tmp_path / "r9.docx", ["Texte."]))
    assert default.case == "r9"


def test_a_failed_import_stores_nothing(project: Project, tmp_path: Path) -> None:
    project.add_document("d", "Existant.", case="A")
    before = snapshot(project)
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04garbage")
    with pytest.raises(ImportFailed, match=r"bad\.docx"):
        project.import_file(bad, case="B")
    assert snapshot(project) == before


def test_folder_import_keeps_good_files_and_reports_every_failure(
    project: Project, tmp_path: Path
) -> None:
    folder = tmp_path / "entretiens"
    (folder / "sub").mkdir(parents=True)
    (folder / "referent1_partie1.txt").write_text("Première partie.", encoding="utf-8")
    make_docx(folder / "referent1_partie2.docx", ["Seconde partie."])
    (folder / "sub" / "referent10.txt").write_bytes("Dixième référent, réponse.".encode("cp1252"))
    (folder / "referent2.txt").write_text("Deuxième.", encoding="utf-8")
    (folder / "referent3.docx").write_bytes(b"PK\x03\x04corrupt")
    (folder / "referent4.txt").write_bytes(b"")
    (folder / "~$referent2.docx").write_bytes(b"lock file")  # Word's lock files are skipped
    (folder / "photo.png").write_bytes(b"\x89PNG")  # a picture cut short: a failure
    (folder / "plan.gif").write_bytes(b"GIF89a")  # not a format qdaw reads: skipped
    seen: list[int] = []
    report = project.import_files(
        [folder],
        case_pattern=r"referent(\d+)",
        case_template="Référent {1}",
        progress=lambda i, n, path: seen.append(i),
    )
    assert sorted(f.path.rsplit("/", 1)[-1] for f in report.failures) == [
        "photo.png",
        "referent3.docx",
        "referent4.txt",
    ]
    skipped = {f.path.rsplit("/", 1)[-1]: str(f) for f in report.skipped}
    assert "plan.gif" in skipped and "unsupported type .gif" in skipped["plan.gif"]
    assert {d.name: d.case for d in report.documents} == {
        "referent1_partie1": "Référent 1",
        "referent1_partie2": "Référent 1",
        "referent2": "Référent 2",
        "referent10": "Référent 10",
    }
    assert [c.name for c in project.cases()] == ["Référent 1", "Référent 2", "Référent 10"]
    assert project.document("referent10").text == "Dixième référent, réponse."
    assert seen == [0, 1, 2, 3, 4, 5, 6, 7]
    assert project.undo_label == "Import 4 files"
    project.undo()  # one step removes the whole import
    assert project.documents() == [] and project.cases() == []


def test_case_mapping_csv(project: Project, tmp_path: Path) -> None:
    (tmp_path / "int_a.txt").write_text("Texte A.", encoding="utf-8")
    (tmp_path / "int_b.txt").write_text("Texte B.", encoding="utf-8")
    mapping = tmp_path / "cases.csv"
    mapping.write_text(
        "file;case\nint_a.txt;Référente Alice\nint_b;Référent Bruno\n", encoding="utf-8"
    )
    report = project.import_files(
        [tmp_path / "int_a.txt", tmp_path / "int_b.txt"], case_map=mapping
    )
    assert [d.case for d in report.documents] == ["Référente Alice", "Référent Bruno"]


def test_cancelled_import_stores_nothing(project: Project, tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"r{i}.txt").write_text(f"Texte {i}.", encoding="utf-8")
    calls = iter([False, True])
    report = project.import_files([tmp_path], cancelled=lambda: next(calls))
    assert report.cancelled and project.documents() == []


def test_same_file_name_twice_gets_distinct_document_names(
    project: Project, tmp_path: Path
) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "entretien.txt").write_text(f"Texte {folder}.", encoding="utf-8")
    report = project.import_files([tmp_path / "a", tmp_path / "b"], case="X")
    assert [d.name for d in report.documents] == ["entretien", "entretien (2)"]


def test_variables_csv_with_semicolons_cp1252_and_types(project: Project, tmp_path: Path) -> None:
    project.add_document("d1", "Texte.", case="Référent 1")
    path = tmp_path / "variables.csv"
    path.write_bytes(
        "case;discipline;ancienneté;note\nRéférent 1;sciences;6;3,5\nRéférent 2;SHS;4;\n".encode(
            "cp1252"
        )
    )
    assert project.import_variables(path).cases == 2
    assert project.variable_types() == {
        "discipline": "text",
        "ancienneté": "integer",
        "note": "decimal",
    }
    table = project.variables()
    assert table.loc["Référent 1", "ancienneté"] == 6
    assert table.loc["Référent 1", "note"] == 3.5
    assert str(table.loc["Référent 2", "discipline"]) == "SHS"
    assert project.case("Référent 2").variables == {
        "discipline": "SHS",
        "ancienneté": 4,
        "note": None,
    }
    # A decimal does not fit a whole-number variable: its type changes only explicitly.
    with pytest.raises(ConflictError, match="Référent 2, ancienneté: “4,5” is not a whole"):
        project.set_variable("Référent 2", "ancienneté", "4,5")
    project.change_variable_type("ancienneté", "decimal")
    project.set_variable("Référent 2", "ancienneté", "4,5")
    assert project.variable_types()["ancienneté"] == "decimal"
    # Words are refused: the variable stays a number, the value as it was.
    with pytest.raises(ConflictError, match="Référent 1, ancienneté: “deux ans” is not a number"):
        project.set_variable("Référent 1", "ancienneté", "deux ans")
    assert project.variable_types()["ancienneté"] == "decimal"
    assert project.case("Référent 1").variables["ancienneté"] == 6


def test_variables_csv_errors_name_the_file(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("case,discipline\nRéférent 1,sciences,extra\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match=r"bad\.csv, row 2: 3 cells, the header has 2 columns"):
        project.import_variables(path)
    assert project.cases() == []


def test_variables_csv_without_a_case_or_variable_name_says_where(
    project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "blank.csv"
    path.write_text("case,discipline\nRéférent 1,SHS\n ,sciences\n", encoding="utf-8")
    with pytest.raises(
        QdawError, match=r"blank.csv, row 3, column 'case': the respondent has no name"
    ):
        project.import_variables(path)
    path.write_text("case,discipline,\nRéférent 1,SHS,3\n", encoding="utf-8")
    with pytest.raises(QdawError, match=r"blank.csv, row 1, column 3: the column has no name"):
        project.import_variables(path)
    assert project.cases() == [] and not project.variable_types()


def test_a_huge_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qdaw.ingest import limits

    monkeypatch.setattr(limits, "MAX_PLAIN_BYTES", 1000)
    path = tmp_path / "huge.txt"
    path.write_text("mot " * 1000, encoding="utf-8")
    with pytest.raises(ImportFailed, match=r"huge\.txt: too large \(4,000 bytes"):
        read_source(path)
