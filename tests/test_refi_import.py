"""REFI-QDA import: the real exports of NVivo (Windows and Mac), qc and ATLAS.ti read in
place from the shared fixtures, a round trip through qdaw's own export, imports into a
project with work in it (one undo step), and hostile or broken archives made here."""

from __future__ import annotations

import unicodedata
import zipfile
from datetime import date
from pathlib import Path

import pytest

from qdaw import Project
from qdaw.cli import main
from qdaw.errors import QdawError
from qdaw.sample import build_sample
from tests.conftest import snapshot
from tests.test_refi_export import hand_made

FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "refi-qda"
if not FIXTURES.exists():
    FIXTURES = Path("/work/shared/fixtures/refi-qda")
NVIVO = FIXTURES / "nvivo-win-12.6_oltas0517.qdpx"
NVIVO_MAC = FIXTURES / "nvivo-mac-15.0_nvivo_project.qdpx"
QC = FIXTURES / "qc-1.3.2_demo.qdpx"
ATLAS = FIXTURES / "atlasti-mac-8.4_standard-project.qde"
ATLAS_QDC = FIXTURES / "atlasti-win-23.4.0_codebook.qdc"
P = "urn:QDA-XML:project:1.0"
JOINERS = {"\u200d", "\ufe0f", "\ufe0e", *map(chr, range(0x1F3FB, 0x1F400))}


def fresh(tmp_path: Path, name: str = "imported.qdaw") -> Project:
    return Project.create(tmp_path / name, coder="lead")


def on_word_boundary(text: str, position: int) -> bool:
    left = text[position - 1] if position > 0 else " "
    right = text[position] if position < len(text) else " "
    return not (left.isalnum() and right.isalnum())


def test_nvivo_windows_passages_are_the_text_nvivo_showed(tmp_path: Path) -> None:
    project = fresh(tmp_path)
    report = project.import_qdpx(NVIVO)
    assert report.origin == "NVivo for Windows 12.6"
    assert report.added["documents"] == 2 and report.added["codes"] == 152
    assert len(project.segments()) == 303 and report.added["coders"] == 2
    assert "UTF-16 code units, CRLF as 2 (NVivo)" in report.remarks[0]
    depth = max(code.path.count("/") for code in project.codes()) + 1
    assert depth == 4
    plausible = 0
    for segment in project.segments():
        text = project.document_text(segment.document)
        assert "\r" not in text and not text.startswith("\ufeff")
        plausible += on_word_boundary(text, segment.start) and on_word_boundary(text, segment.end)
        # No emoji split: no passage starts on a joiner or modifier, nor ends before one.
        assert text[segment.start : segment.start + 1] not in JOINERS
        assert text[segment.end : segment.end + 1] not in JOINERS
    assert plausible >= 300
    assert "3 selections start or end inside a word" in str(report)


def test_qc_export_several_codings_in_one_selection_and_bare_paths(tmp_path: Path) -> None:
    project = fresh(tmp_path)
    report = project.import_qdpx(QC)
    assert len(project.segments()) == 205
    assert sorted(d.name for d in project.documents()) == ["admin-1", "board_2017"]
    assert report.added["codes"] == 262 and [c.name for c in project.codes()][:1] == [
        "rq1_definition"
    ]
    for segment in project.segments():  # qc's selections are whole lines
        text = project.document_text(segment.document)
        assert segment.end == len(text) or text[segment.end] == "\n" or segment.text.strip()


def test_nvivo_mac_structure_comes_and_the_empty_texts_are_reported(tmp_path: Path) -> None:
    project = fresh(tmp_path)
    report = project.import_qdpx(NVIVO_MAC)
    assert len(project.codes()) == 262 and project.documents() == []
    assert sum("its text is empty" in remark for remark in report.remarks) == 2


def test_atlas_ti_project_xml_without_texts(tmp_path: Path) -> None:
    project = fresh(tmp_path)
    report = project.import_qdpx(ATLAS)
    paths = {code.path for code in project.codes()}
    assert {"Coke", "Coke/diet Coke", "Coke/full-fat Coke", "happiness"} <= paths
    assert len(project.codes()) == 14
    text = str(report)
    assert "not in the file" in text and "7 selections belong to sources without text" in text
    assert "picture 'cornflakes-n-milk.jpg': its file" in text  # a picture, but not in the file
    assert report.unsupported["PDF source"] == 2 and report.unsupported["video selection"] == 5
    assert report.unsupported["graph"] == 1 and report.unsupported["link"] == 1
    sets = {item.name: item for item in project.sets()}
    assert sets["Feelings"].kind == "code" and len(sets["Feelings"].members) == 6
    assert sets["positive feelings"].kind == "code"
    assert "set 'Mabel': 2 of its documents are not in qdaw" in text
    assert "the value of 'gender' for" in text  # ATLAS.ti's attribute groups, named


def test_atlas_ti_codebook(tmp_path: Path) -> None:
    project = fresh(tmp_path)
    report = project.import_qdpx(ATLAS_QDC)
    assert [c.name for c in project.codes()] == ["code1"]
    assert [(s.name, s.kind, s.members) for s in project.sets()] == [
        ("code group 1", "code", ["code1"])
    ]
    assert report.added["sets"] == 1


def _state(project: Project) -> dict[str, object]:
    """Everything a round trip must keep, by content (ids differ between projects)."""
    texts = {d.id: d.text for d in project.documents()}
    return {
        "documents": sorted((d.name, d.text, d.case, d.memo) for d in project.documents()),
        "cases": sorted((c.name, c.memo) for c in project.cases()),
        "values": project.variables().to_dict(),
        "types": project.variable_types(),
        "codes": sorted((c.path, c.color, c.description, c.memo) for c in project.codes()),
        "hypotheses": sorted(
            (
                h.label,
                h.statement,
                h.description,
                h.memo,
                tuple(sorted(c.path for c in h.codes())),
            )
            for h in project.hypotheses()
        ),
        "segments": sorted(
            (texts[s.document.id][s.start : s.end], s.start, s.end, s.code.path, s.coder, s.memo)
            for s in project.segments()
        ),
        "memo": project.memo("project"),
    }


@pytest.mark.parametrize("offsets", ["codepoints", "utf16"])
def test_round_trip_through_refi_keeps_everything(tmp_path: Path, offsets: str) -> None:
    source = Project.open(hand_made(tmp_path / "source.qdaw"))
    archive = source.export_qdpx(tmp_path / "study.qdpx", offsets=offsets)
    copy = fresh(tmp_path, "copy.qdaw")
    report = copy.import_qdpx(archive)
    assert _state(copy) == _state(source)
    assert copy.code_frequencies().equals(source.code_frequencies())
    reading = "UTF-16" if offsets == "utf16" else "Unicode code points"
    assert reading in report.remarks[0]


def test_round_trip_of_the_sample_study(tmp_path: Path) -> None:
    source = Project.open(build_sample(tmp_path / "referents.qdaw"))
    copy = fresh(tmp_path, "copy.qdaw")
    copy.import_qdpx(source.export_qdpx(tmp_path / "referents.qdpx"))
    assert _state(copy) == _state(source)
    assert copy.code_frequencies().equals(source.code_frequencies())
    assert copy.hypothesis_summary().equals(source.hypothesis_summary())


def test_into_a_project_with_work_one_undo_step(tmp_path: Path) -> None:
    source = Project.open(build_sample(tmp_path / "referents.qdaw"))
    archive = source.export_qdpx(tmp_path / "referents.qdpx")
    before = snapshot(source)
    report = source.import_qdpx(archive)  # the same study: everything matches
    assert not report.added and report.merge.matched["documents"] == 9
    assert report.merge.matched["segments"] == len(source.segments())
    assert snapshot(source) == before  # nothing changed, so no step either
    other = fresh(tmp_path, "other.qdaw")
    other.add_document("mine", "Un entretien à moi.", case="Moi")
    mine = snapshot(other)
    other.import_qdpx(NVIVO)
    assert len(other.documents()) == 3
    assert other.undo_label == "Import nvivo-win-12.6_oltas0517.qdpx"
    other.undo()
    assert snapshot(other) == mine


def _qdpx(path: Path, members: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _project_xml(sources: str = "", codes: str = "", origin: str = "test") -> str:
    return (
        f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="{P}" name="t" origin="{origin}">'
        f'<Users><User guid="u1" name="Ana"/></Users>'
        f"<CodeBook><Codes>{codes}</Codes></CodeBook><Sources>{sources}</Sources></Project>"
    )


CODE = '<Code guid="c1" name="Visio" isCodable="true" color="rgba(10,20,30,0.5)"/>'


def test_crlf_bom_and_utf16_positions_land_on_the_passage(tmp_path: Path) -> None:
    """NVivo's way: UTF-8 with a BOM, CRLF lines, positions in UTF-16 units with CRLF
    as 2; the passage imported is the one selected."""
    text = "Bonjour 😀 à tous.\r\nNous faisons des visios 🎉 chaque jour.\r\nFin."
    wanted = "visios 🎉 chaque"
    start_cp = text.index(wanted)
    start = len(text[:start_cp].encode("utf-16-le")) // 2
    end = start + len(wanted.encode("utf-16-le")) // 2
    selection = (
        f'<PlainTextSelection guid="s1" startPosition="{start}" endPosition="{end}" '
        f'creatingUser="u1"><Coding guid="k1" creatingUser="u1"><CodeRef targetGUID="c1"/>'
        "</Coding></PlainTextSelection>"
    )
    source = f'<TextSource guid="d1" name="entretien" plainTextPath="internal://d1.txt">{selection}</TextSource>'
    xml = _project_xml(source, CODE, origin="NVivo for Windows 12.6")
    data = "\ufeff".encode() + text.encode()
    archive = _qdpx(tmp_path / "n.qdpx", {"project.qde": xml, "Sources/d1.txt": data})
    project = fresh(tmp_path)
    project.import_qdpx(archive)
    (segment,) = project.segments()
    assert segment.text == wanted and segment.coder == "Ana"
    assert project.code("Visio").color == "#0a141e"
    assert project.document_text("entretien") == unicodedata.normalize(
        "NFC", text.replace("\r\n", "\n")
    )


def test_any_single_qde_name_and_inline_text(tmp_path: Path) -> None:
    source = (
        '<TextSource guid="d1" name="inline"><PlainTextContent>Texte en ligne.</PlainTextContent>'
        '<PlainTextSelection guid="s1" startPosition="0" endPosition="5"><Coding guid="k">'
        '<CodeRef targetGUID="C1"/></Coding></PlainTextSelection></TextSource>'
    )  # the GUID in another case than the code's: GUIDs compare case-insensitively
    archive = _qdpx(tmp_path / "t.qdpx", {"Trial.qde": _project_xml(source, CODE)})
    project = fresh(tmp_path)
    project.import_qdpx(archive)
    assert [s.text for s in project.segments()] == ["Texte"]


HOSTILE = {
    "path traversal": ({"project.qde": _project_xml(), "../evil.txt": "x"}, "unsafe path"),
    "absolute path": ({"project.qde": _project_xml(), "/etc/evil": "x"}, "unsafe path"),
    "no project": ({"sources/a.txt": "x"}, "exactly one .qde"),
    "two projects": ({"a.qde": _project_xml(), "b.qde": _project_xml()}, "exactly one .qde"),
    "invalid XML": ({"project.qde": "<Project><Sources>"}, "broken XML"),
    "entities": (
        {"project.qde": '<!DOCTYPE p [<!ENTITY a "aaaaaaaaaa">]><Project name="&a;"/>'},
        "document type",
    ),
    "external entity": (
        {"project.qde": '<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project/>'},
        "document type",
    ),
    "not REFI": ({"project.qde": "<html/>"}, "not a REFI-QDA project"),
    "undecodable source": (
        {
            "project.qde": _project_xml(
                '<TextSource guid="d" name="d" plainTextPath="internal://d.txt"/>'
            ),
            "sources/d.txt": b"\x00\x01\x02\x03binary\x00",
        },
        "source 'd'",
    ),
    "selection out of text": (None, None),
}


@pytest.mark.parametrize("case", [k for k, v in HOSTILE.items() if v[0] is not None])
def test_hostile_or_broken_archives_are_refused_naming_the_file(tmp_path: Path, case: str) -> None:
    members, message = HOSTILE[case]
    assert members is not None and message is not None
    archive = _qdpx(tmp_path / "hostile.qdpx", members)
    project = fresh(tmp_path)
    project.add_document("d0", "Déjà là.", case="A")
    before = snapshot(project)
    with pytest.raises(QdawError) as error:
        project.import_qdpx(archive)
    assert str(archive) in str(error.value) and message in str(error.value)
    assert "nothing was imported" in str(error.value)
    assert snapshot(project) == before


def test_a_zip_bomb_is_refused_before_it_unpacks(tmp_path: Path) -> None:
    path = tmp_path / "bomb.qdpx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", _project_xml())
        with archive.open("sources/huge.txt", "w", force_zip64=True) as member:
            block = b"a" * (1024 * 1024)
            for _ in range(64):  # 64 MB of one letter: a thousand times its packed size
                member.write(block)
    project = fresh(tmp_path)
    with pytest.raises(QdawError, match="possible zip bomb"):
        project.import_qdpx(path)
    assert project.documents() == []


def test_the_command_line_creates_the_project_and_prints_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "nvivo.qdaw"
    assert main(["import-qdpx", str(NVIVO), str(target)]) == 0
    out = capsys.readouterr().out
    assert "Imported nvivo-win-12.6_oltas0517.qdpx (NVivo for Windows 12.6)" in out
    assert "segments: 0 matched, 303 added" in out and f"Created {target}" in out
    bad = _qdpx(tmp_path / "bad.qdpx", {"project.qde": "<Project"})
    missing = tmp_path / "never.qdaw"
    assert main(["import-qdpx", str(bad), str(missing)]) == 1
    assert "broken XML" in capsys.readouterr().err and not missing.exists()


def test_the_workbench_imports_from_the_file_menu(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from qdaw.gui.main_window import MainWindow
    from tests.gui_helpers import answer_file_dialog, menu_action

    path = tmp_path / "study.qdaw"
    fresh(tmp_path, "study.qdaw").close()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_project(str(path))
    window.show()
    qtbot.waitExposed(window)
    answer_file_dialog(str(QC))
    menu_action(window, "File", "Import REFI-QDA project…").trigger()
    qtbot.waitUntil(lambda: window.refi_import.box is not None, timeout=30_000)
    box = window.refi_import.box
    assert isinstance(box, QMessageBox)
    assert "2 documents, 262 codes and 205 coded passages added" in box.text()
    assert "Unicode code points" in box.detailedText()
    box.accept()
    qtbot.waitUntil(lambda: len(window.codebook.model.rows) == 262)
    assert window.undo_action.text() == "Undo Import qc-1.3.2_demo.qdpx"
    assert window.document.document_id is not None  # the first document opens
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: len(window.codebook.model.rows) == 0)
    assert window.session.require().documents() == []


def test_values_in_their_three_shapes_and_attribute_groups(tmp_path: Path) -> None:
    """A named Case with SourceRefs; an unnamed Case with one SourceRef (MAXQDA's
    document attributes); a VariableValue inside a source; ATLAS.ti's "age: 25" group."""

    def source(guid: str, text: str, inner: str = "") -> str:
        content = f"<PlainTextContent>{text}</PlainTextContent>"
        return f'<TextSource guid="{guid}" name="{guid}">{content}{inner}</TextSource>'

    def value(variable: str, tag: str, text: str) -> str:
        ref = f'<VariableRef targetGUID="{variable}"/>'
        return f"<VariableValue>{ref}<{tag}>{text}</{tag}></VariableValue>"

    xml = (
        f'<Project xmlns="{P}" name="t" origin="MAXQDA 2022">'
        '<Variables><Variable guid="v1" name="ville" typeOfVariable="Text"/>'
        '<Variable guid="v2" name="age" typeOfVariable="Integer"/>'
        '<Variable guid="v3" name="né le" typeOfVariable="Date"/></Variables>'
        f'<Cases><Case guid="k1" name="Rémi">{value("v1", "TextValue", "Dijon")}'
        '<SourceRef targetGUID="s1"/><SourceRef targetGUID="s2"/></Case>'
        f'<Case guid="k2">{value("v2", "IntegerValue", "41")}<SourceRef targetGUID="s3"/></Case>'
        "</Cases><Sources>"
        + source("s1", "Premier entretien de Rémi.")
        + source("s2", "Second entretien de Rémi.")
        + source("s3", "Entretien de Zoé.", value("v3", "DateValue", "1983-04-02"))
        + '</Sources><Sets><Set guid="g1" name="statut: titulaire">'
        '<MemberSource targetGUID="s3"/></Set></Sets></Project>'
    )
    path = tmp_path / "values.qde"
    path.write_text(xml, encoding="utf-8")
    project = fresh(tmp_path)
    report = project.import_qdpx(path)
    assert sorted(d.case for d in project.documents()) == ["Rémi", "Rémi", "s3"]
    # Values of respondents (named cases) make respondent variables; values only ever
    # on documents (an unnamed case's, or inside a source) make document variables.
    assert project.variable_types() == {"ville": "text", "statut": "text"}
    assert project.variable_types("document") == {"age": "integer", "né le": "date"}
    values = project.variables()
    assert values.loc["Rémi", "ville"] == "Dijon"
    assert values.loc["s3", "statut"] == "titulaire"
    assert project.document_variables("s3") == {"age": 41, "né le": date(1983, 4, 2)}
    assert "kept as text" not in str(report)


def test_round_trip_of_typed_variables_document_variables_and_sets(tmp_path: Path) -> None:
    import xmlschema

    from tests.test_refi_export import SCHEMAS

    source = Project.open(hand_made(tmp_path / "source.qdaw"))
    source.add_variable("ancienneté", "categorical", levels=["< 2 ans", "2–5 ans", "> 5 ans"])
    source.set_variable("Rémi", "ancienneté", "> 5 ans")
    source.add_variable("entretien le", "date")
    source.set_variable("Rémi", "entretien le", "14/05/2020")
    source.add_variable("titulaire", "boolean")
    source.set_variable("Zoé", "titulaire", "non")
    source.set_document_variable("suite", "enquêtrice", "Ana")
    source.add_set("Pilotes", "document", ["suite", "autre"])
    source.edit_hypothesis("H1", description="Plus longue :\nsur deux lignes.")
    source.add_set("Ressentis", "code", ["Émotions/Joie 😀", "Équipe"])
    archive = source.export_qdpx(tmp_path / "typed.qdpx")
    with zipfile.ZipFile(archive) as packed:
        xmlschema.XMLSchema(str(SCHEMAS / "Project.xsd")).validate(packed.read("project.qde"))
    codebook = source.export_qdc(tmp_path / "typed.qdc")
    xmlschema.XMLSchema(str(SCHEMAS / "Codebook.xsd")).validate(str(codebook))
    copy = fresh(tmp_path, "copy.qdaw")
    copy.import_qdpx(archive)
    assert _state(copy) == _state(source)
    assert copy.variable_types() == source.variable_types()
    assert copy.variables().to_dict() == source.variables().to_dict()
    assert copy.document_variables("suite") == {"enquêtrice": "Ana"}
    assert [(s.name, s.kind, s.members) for s in copy.sets()] == [
        (s.name, s.kind, s.members) for s in source.sets()
    ]
    assert (
        copy.crosstab("ancienneté").columns.tolist()
        == source.crosstab("ancienneté").columns.tolist()
    )
    books = fresh(tmp_path, "books.qdaw")
    books.import_qdpx(codebook)
    assert [(s.name, s.members) for s in books.sets()] == [
        ("Ressentis", ["Émotions/Joie 😀", "Équipe"])
    ]


def test_pictures_and_their_regions_cross_refi_both_ways(tmp_path: Path) -> None:
    import xmlschema

    from tests.test_images import write_jpeg, write_png
    from tests.test_refi_export import SCHEMAS

    source = Project.open(build_sample(tmp_path / "referents.qdaw"))
    source.import_file(write_png(tmp_path / "tableau.png", 120, 80), case="Référent 1")
    source.import_file(write_jpeg(tmp_path / "photo.jpg", 64, 48), case="Référent 2")
    source.code_region("tableau", 10, 20, 30, 40, "Cours en ligne sous Moodle", memo="Le tableau")
    source.code_region("photo", 0, 0, 64, 48, "Rejet du numérique", coder="Ben")
    archive = source.export_qdpx(tmp_path / "pictures.qdpx")
    with zipfile.ZipFile(archive) as packed:
        xmlschema.XMLSchema(str(SCHEMAS / "Project.xsd")).validate(packed.read("project.qde"))
        names = packed.namelist()
    assert sum(name.endswith((".png", ".jpg")) for name in names) == 2
    copy = fresh(tmp_path, "copy.qdaw")
    report = copy.import_qdpx(archive)
    assert not report.unsupported
    regions = sorted((s.document.name, s.region, s.code.name, s.coder, s.memo)
                     for s in copy.segments() if s.region)  # fmt: skip
    assert regions == sorted((s.document.name, s.region, s.code.name, s.coder, s.memo)
                             for s in source.segments() if s.region)  # fmt: skip
    assert copy.code_frequencies().equals(source.code_frequencies())
    assert _state(copy) == _state(source)
