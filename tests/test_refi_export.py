"""REFI-QDA export (.qdpx, .qdc): valid against the official schemas, complete, with
positions that slice exactly the coded passages (code points, or UTF-16 for NVivo),
GUIDs that stay from one export to the next, and files that appear whole or not at all.

The written XML is read back with plain ElementTree: these tests do not depend on
qdaw's own importer."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
import xmlschema

from qdaw import Project
from qdaw.cli import main
from qdaw.errors import DiskFull, QdawError
from qdaw.sample import build_sample
from tests.test_files_and_disks import fill, small_disk

SCHEMAS = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "refi-qda" / "schemas"
if not SCHEMAS.exists():  # a clone beside main, or main itself: shared/ is beside both
    SCHEMAS = Path("/work/shared/fixtures/refi-qda/schemas")
P = "{urn:QDA-XML:project:1.0}"
C = "{urn:QDA-XML:codebook:1.0}"

ENTRETIEN = (
    "Élodie : « Ça marche 😀 vraiment », dit-elle.\n"
    "Puis 👩‍🔬 la chercheuse arrive ; l'équipe 🎉 applaudit.\n"
    "Fin de l'entretien, très émue."
)
SUITE = "Deuxième rencontre : naïveté, cœur, 𝄞 musique, et rien d'autre."


@pytest.fixture(scope="module")
def project_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMAS / "Project.xsd"))


@pytest.fixture(scope="module")
def codebook_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMAS / "Codebook.xsd"))


def span(text: str, passage: str) -> tuple[int, int]:
    start = text.index(passage)
    return start, start + len(passage)


def hand_made(path: Path) -> Path:
    """Emoji (one code point, a ZWJ sequence, a musical symbol outside the BMP),
    accents, nested codes, two coders, a memo of every kind, a variable of each type,
    hypotheses with and without codes."""
    with Project.create(path, coder="Ana") as p:
        first = p.add_document("entretien-é", ENTRETIEN, case="Rémi")
        second = p.add_document("suite", SUITE, case="Rémi")
        p.add_document("autre", "Un autre répondant, sans codage.", case="Zoé")
        emotions = p.add_code("Émotions", color="#E6194B", description="Ce qui est ressenti")
        joie = p.add_code("Joie 😀", parent=emotions, color="#3cb44b")
        fierte = p.add_code("Fierté", parent=joie, description="Sous-code de la joie")
        equipe = p.add_code("Équipe")
        text = p.document_text(first)
        one = p.code_segment(first, *span(text, "Ça marche 😀 vraiment"), joie, memo="Mémo 🎈")
        p.code_segment(first, *span(text, "👩‍🔬 la chercheuse"), equipe, coder="Bob")
        p.code_segment(first, *span(text, "l'équipe 🎉 applaudit"), fierte, coder="Bob")
        p.code_segment(first, *span(text, "très émue"), emotions)
        p.code_segment(second, *span(SUITE, "𝄞 musique"), joie)
        p.code_segment(second, *span(SUITE, "naïveté, cœur"), equipe, coder="Bob")
        h1 = p.add_hypothesis("H1", "La joie naît de l'équipe 🎉")
        p.link_code(joie, h1)
        p.link_code(equipe, h1)
        h2 = p.add_hypothesis("H2", "Une hypothèse sans code")
        p.set_memo("project", "Mémo du projet : étude pilote")
        p.set_memo(first, "Mémo du document")
        p.set_memo(p.case("Rémi"), "Mémo du cas Rémi")
        p.set_memo(joie, "Mémo de la joie")
        p.set_memo(h1, "Mémo de H1")
        p.set_memo(h2, None)
        p.set_variable("Rémi", "âge", 34)
        p.set_variable("Rémi", "taille", "1,75")
        p.set_variable("Rémi", "ville", "Lyon")
        p.set_variable("Zoé", "âge", 29)
        p.set_variable("Zoé", "taille", "1.6")
        assert one.memo == "Mémo 🎈"
    return path


def read_qdpx(path: Path, schema: xmlschema.XMLSchema) -> tuple[ET.Element, dict[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        assert names[0] == "project.qde"
        xml = archive.read("project.qde")
        sources = {n: archive.read(n) for n in names if n.startswith("sources/")}
    schema.validate(xml.decode("utf-8"))
    assert xml.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    return ET.fromstring(xml), sources


def guids_of(root: ET.Element) -> dict[str, str]:
    return {e.get("guid"): e.tag for e in root.iter() if e.get("guid")}  # type: ignore[misc]


def source_texts(root: ET.Element, sources: dict[str, bytes]) -> dict[str, str]:
    """Each TextSource's name and the text of its file in the archive."""
    found = {}
    for source in root.iter(f"{P}TextSource"):
        path = source.get("plainTextPath", "").replace("internal://", "sources/")
        found[source.get("name", "")] = sources[path].decode("utf-8")
    return found


def selections(root: ET.Element) -> list[tuple[str, ET.Element]]:
    return [
        (source.get("name", ""), selection)
        for source in root.iter(f"{P}TextSource")
        for selection in source.iter(f"{P}PlainTextSelection")
    ]


def test_the_sample_study_exports_whole_and_valid(
    tmp_path: Path, project_schema: xmlschema.XMLSchema, codebook_schema: xmlschema.XMLSchema
) -> None:
    with Project.open(build_sample(tmp_path / "referents.qdaw")) as p:
        written = p.export_qdpx(tmp_path / "referents.qdpx")
        p.export_qdc(tmp_path / "referents.qdc")
        root, sources = read_qdpx(written, project_schema)
        assert root.get("origin", "").startswith("qdaw 0.")
        texts = {d.name: p.document_text(d) for d in p.documents()}
        assert source_texts(root, sources) == texts
        assert len(list(root.iter(f"{P}Code"))) == len(p.codes())
        assert len(selections(root)) == len(p.segments()) > 0
        passages = sorted((s.document.name, s.text) for s in p.segments())
        sliced = sorted(
            (name, texts[name][int(e.get("startPosition", 0)) : int(e.get("endPosition", 0))])
            for name, e in selections(root)
        )
        assert sliced == passages
        sets = {s.get("name"): s for s in root.iter(f"{P}Set")}
        assert sorted(sets) == sorted(h.label for h in p.hypotheses())
    codebook_schema.validate(str(tmp_path / "referents.qdc"))
    book = ET.parse(tmp_path / "referents.qdc").getroot()
    assert book.tag == f"{C}CodeBook"
    assert len(list(book.iter(f"{C}Code"))) == len(list(root.iter(f"{P}Code")))
    # One GUID per code in both files: a codebook and a project exported together agree.
    assert {e.get("guid") for e in book.iter(f"{C}Code")} == {
        e.get("guid") for e in root.iter(f"{P}Code")
    }


def test_everything_qdaw_holds_is_carried(
    tmp_path: Path, project_schema: xmlschema.XMLSchema
) -> None:
    path = hand_made(tmp_path / "étude.qdaw")
    with Project.open(path) as p:
        root, sources = read_qdpx(p.export_qdpx(tmp_path / "étude.qdpx"), project_schema)
        segments = {(s.document.name, s.text): s for s in p.segments()}
    users = {u.get("guid"): u.get("name") for u in root.iter(f"{P}User")}
    assert sorted(users.values()) == ["Ana", "Bob"]
    notes = {n.get("guid"): n.findtext(f"{P}PlainTextContent") for n in root.iter(f"{P}Note")}

    def memo_of(element: ET.Element) -> list[str | None]:
        return [notes[ref.get("targetGUID")] for ref in element.findall(f"{P}NoteRef")]

    # Codes: nested, coloured, described, their memo a Note.
    top = root.find(f"{P}CodeBook/{P}Codes")
    assert top is not None
    assert [c.get("name") for c in top.findall(f"{P}Code")] == ["Émotions", "Équipe"]
    emotions = top.find(f"{P}Code[@name='Émotions']")
    assert emotions is not None and emotions.get("color") == "#e6194b"
    assert emotions.findtext(f"{P}Description") == "Ce qui est ressenti"
    joie = emotions.find(f"{P}Code")
    assert joie is not None and joie.get("name") == "Joie 😀" and joie.get("isCodable") == "true"
    assert memo_of(joie) == ["Mémo de la joie"]
    fierte = joie.find(f"{P}Code")
    assert fierte is not None and fierte.get("name") == "Fierté"
    codes = {c.get("guid"): c.get("name") for c in root.iter(f"{P}Code")}
    # Variables typed, values in the case, each case with its documents and memo.
    variables = {
        v.get("guid"): (v.get("name"), v.get("typeOfVariable")) for v in root.iter(f"{P}Variable")
    }
    assert sorted(variables.values()) == [
        ("taille", "Float"), ("ville", "Text"), ("âge", "Integer")
    ]  # fmt: skip
    cases = {c.get("name"): c for c in root.iter(f"{P}Case")}
    remi = cases["Rémi"]
    assert remi.findtext(f"{P}Description") == "Mémo du cas Rémi"
    values = {}
    for holder in remi.findall(f"{P}VariableValue"):
        ref = holder.find(f"{P}VariableRef")
        assert ref is not None
        value = holder[1]
        values[variables[ref.get("targetGUID")][0]] = (value.tag.removeprefix(P), value.text)
    assert values == {
        "âge": ("IntegerValue", "34"),
        "taille": ("FloatValue", "1.75"),
        "ville": ("TextValue", "Lyon"),
    }
    sources_by_guid = {s.get("guid"): s for s in root.iter(f"{P}TextSource")}
    refs = remi.findall(f"{P}SourceRef")
    names = [sources_by_guid[r.get("targetGUID")].get("name") for r in refs]
    assert names == ["entretien-é", "suite"]
    assert "Description" not in {e.tag.removeprefix(P) for e in cases["Zoé"]}
    # Sources: the stored text exactly (UTF-8, no BOM), the document's memo as a Note.
    for source in sources_by_guid.values():
        path = source.get("plainTextPath", "")
        assert path == f"internal://{source.get('guid')}.txt"
        data = sources[path.replace("internal://", "sources/")]
        assert not data.startswith(b"\xef\xbb\xbf")
    entretien = next(s for s in sources_by_guid.values() if s.get("name") == "entretien-é")
    assert memo_of(entretien) == ["Mémo du document"]
    # Selections: who coded, which code, the memo; positions slice the passage exactly.
    texts = source_texts(root, sources)
    assert texts == {
        "entretien-é": ENTRETIEN, "suite": SUITE, "autre": "Un autre répondant, sans codage."
    }  # fmt: skip
    seen = set()
    for name, selection in selections(root):
        start, end = int(selection.get("startPosition", -1)), int(selection.get("endPosition", -1))
        segment = segments[(name, texts[name][start:end])]
        (coding,) = selection.findall(f"{P}Coding")
        ref = coding.find(f"{P}CodeRef")
        assert ref is not None and codes[ref.get("targetGUID")] == segment.code.name
        assert users[selection.get("creatingUser")] == segment.coder
        assert coding.get("creatingUser") == selection.get("creatingUser")
        assert selection.findtext(f"{P}Description") == segment.memo
        seen.add(segment.id)
    assert len(seen) == len(segments) == 6
    # Hypotheses: Sets of their codes, marked, the memo a MemberNote; the project memo.
    sets = {s.get("name"): s for s in root.iter(f"{P}Set")}
    assert sets["H1"].findtext(f"{P}Description") == "qdaw hypothesis: La joie naît de l'équipe 🎉"
    assert sorted(codes[m.get("targetGUID")] for m in sets["H1"].findall(f"{P}MemberCode")) == [
        "Joie 😀", "Équipe"
    ]  # fmt: skip
    members = sets["H1"].findall(f"{P}MemberNote")
    assert [notes[n.get("targetGUID")] for n in members] == ["Mémo de H1"]
    assert sets["H2"].findtext(f"{P}Description") == "qdaw hypothesis: Une hypothèse sans code"
    assert not sets["H2"].findall(f"{P}MemberCode")
    assert root.findtext(f"{P}Description") == "Mémo du projet : étude pilote"
    assert root.get("name") == "étude"


def test_utf16_offsets_count_code_units_as_nvivo_does(
    tmp_path: Path, project_schema: xmlschema.XMLSchema
) -> None:
    path = hand_made(tmp_path / "étude.qdaw")
    nvivo_file, points_file = tmp_path / "nvivo.qdpx", tmp_path / "points.qdpx"
    assert main(["export", "qdpx", str(path), "-o", str(nvivo_file), "--offsets", "utf16"]) == 0
    assert main(["export", "qdpx", str(path), "-o", str(points_file)]) == 0
    nvivo, sources = read_qdpx(tmp_path / "nvivo.qdpx", project_schema)
    points, _ = read_qdpx(tmp_path / "points.qdpx", project_schema)
    texts = source_texts(nvivo, sources)
    by_guid = {e.get("guid"): (name, e) for name, e in selections(points)}
    differs = 0
    for name, selection in selections(nvivo):
        text = texts[name]
        _, in_points = by_guid[selection.get("guid")]
        start, end = int(in_points.get("startPosition", 0)), int(in_points.get("endPosition", 0))
        units = [int(selection.get("startPosition", 0)), int(selection.get("endPosition", 0))]
        assert units == [len(text[:i].encode("utf-16-le")) // 2 for i in (start, end)]
        encoded = text.encode("utf-16-le")
        assert encoded[units[0] * 2 : units[1] * 2].decode("utf-16-le") == text[start:end]
        differs += units != [start, end]
    assert differs >= 3  # every passage after an emoji moves


def test_guids_stay_from_one_export_to_the_next(
    tmp_path: Path, project_schema: xmlschema.XMLSchema
) -> None:
    path = hand_made(tmp_path / "étude.qdaw")
    with Project.open(path) as p:
        first, _ = read_qdpx(p.export_qdpx(tmp_path / "one.qdpx"), project_schema)
        again, _ = read_qdpx(p.export_qdpx(tmp_path / "two.qdpx"), project_schema)
        assert guids_of(first) == guids_of(again)
        assert (tmp_path / "one.qdpx").read_bytes() == (tmp_path / "two.qdpx").read_bytes()
        p.add_code("Nouveau")
        p.delete_segment(p.segments()[0])
        later, _ = read_qdpx(p.export_qdpx(tmp_path / "three.qdpx"), project_schema)
    before, after = guids_of(first), guids_of(later)
    assert len(set(after) - set(before)) == 1  # the new code
    assert len(set(before) - set(after)) == 2  # the segment's selection and coding
    assert all(after[g] == tag for g, tag in before.items() if g in after)
    # Another project (the same content, made again) has GUIDs of its own.
    with Project.open(hand_made(tmp_path / "autre.qdaw")) as made_again:
        other, _ = read_qdpx(made_again.export_qdpx(tmp_path / "x.qdpx"), project_schema)
    assert not set(guids_of(other)) & set(before)


def test_a_read_only_project_exports_and_stays_unchanged(
    tmp_path: Path, project_schema: xmlschema.XMLSchema, codebook_schema: xmlschema.XMLSchema
) -> None:
    path = hand_made(tmp_path / "étude.qdaw")
    with Project.open(path) as p:
        writable, _ = read_qdpx(p.export_qdpx(tmp_path / "writable.qdpx"), project_schema)
    before = path.read_bytes()
    with Project.open(path, read_only=True) as p:
        assert p.read_only
        root, _ = read_qdpx(p.export_qdpx(tmp_path / "read-only.qdpx"), project_schema)
        p.export_qdc(tmp_path / "read-only.qdc")
    codebook_schema.validate(str(tmp_path / "read-only.qdc"))
    assert guids_of(root) == guids_of(writable)
    assert path.read_bytes() == before
    assert sorted(f.name for f in tmp_path.iterdir()) == [
        "read-only.qdc", "read-only.qdpx", "writable.qdpx", "étude.qdaw"
    ]  # fmt: skip


def test_a_failed_export_leaves_no_partial_file(tmp_path: Path) -> None:
    path = hand_made(tmp_path / "étude.qdaw")
    out = tmp_path / "exports"
    out.mkdir()
    with Project.open(path) as p:
        with pytest.raises(QdawError, match=r"x\.qdpx: folder .*nowhere does not exist"):
            p.export_qdpx(out / "nowhere" / "x.qdpx")
        (out / "taken.qdpx").mkdir()  # a folder where the file should go
        with pytest.raises(QdawError, match=r"taken\.qdpx: cannot be written"):
            p.export_qdpx(out / "taken.qdpx")
        with pytest.raises(QdawError, match=r"offsets must be one of codepoints, utf16"):
            p.export_qdpx(out / "x.qdpx", offsets="bytes")
        assert [f.name for f in out.iterdir()] == ["taken.qdpx"]
        with small_disk(tmp_path / "disk") as disk:
            earlier = p.export_qdpx(disk / "étude.qdpx")
            content = earlier.read_bytes()
            p.set_memo("project", "Un mémo bien plus long " * 2000)
            filler = fill(disk, leave=1024)
            with pytest.raises(DiskFull, match=r"étude\.qdpx: the disk is full"):
                p.export_qdpx(disk / "étude.qdpx")
            assert sorted(f.name for f in disk.iterdir()) == ["filler", "étude.qdpx"]
            assert earlier.read_bytes() == content  # the earlier export, whole
            filler.unlink()


def test_an_empty_project_exports_and_its_codebook_is_refused(
    tmp_path: Path, project_schema: xmlschema.XMLSchema
) -> None:
    with Project.create(tmp_path / "vide.qdaw") as p:
        root, sources = read_qdpx(p.export_qdpx(tmp_path / "vide.qdpx"), project_schema)
        assert list(root) == [] and sources == {}
        with pytest.raises(QdawError, match=r"vide\.qdc: the project has no codes"):
            p.export_qdc(tmp_path / "vide.qdc")
    assert not (tmp_path / "vide.qdc").exists()


def test_the_command_line_writes_the_refi_codebook_for_qdc_and_a_table_otherwise(
    tmp_path: Path, codebook_schema: xmlschema.XMLSchema, capsys: pytest.CaptureFixture[str]
) -> None:
    path = hand_made(tmp_path / "étude.qdaw")
    assert main(["export", "codebook", str(path), "-o", str(tmp_path / "codes.qdc")]) == 0
    assert main(["export", "codebook", str(path), "-o", str(tmp_path / "codes.csv")]) == 0
    out = capsys.readouterr().out
    assert f"Wrote {tmp_path / 'codes.qdc'}" in out and f"Wrote {tmp_path / 'codes.csv'}" in out
    codebook_schema.validate(str(tmp_path / "codes.qdc"))
    book = ET.parse(tmp_path / "codes.qdc").getroot()
    joie = book.find(f"{C}Codes/{C}Code[@name='Émotions']/{C}Code")
    assert joie is not None and joie.get("name") == "Joie 😀"
    sets = {s.get("name"): s for s in book.iter(f"{C}Set")}
    assert sets["H1"].findtext(f"{C}Description") == "qdaw hypothesis: La joie naît de l'équipe 🎉"
    members = {m.get("guid") for m in sets["H1"].findall(f"{C}MemberCode")}
    names = {c.get("guid"): c.get("name") for c in book.iter(f"{C}Code")}
    assert sorted(names[g] for g in members) == ["Joie 😀", "Équipe"]
    assert (tmp_path / "codes.csv").read_text(encoding="utf-8").startswith("name,parent,")


def test_the_workbench_exports_a_read_only_project_from_the_file_menu(
    qtbot, tmp_path: Path, project_schema: xmlschema.XMLSchema
) -> None:  # type: ignore[no-untyped-def]
    from qdaw.gui.main_window import MainWindow
    from tests.gui_helpers import answer_file_dialog, menu_action

    path = hand_made(tmp_path / "étude.qdaw")
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_project(str(path), read_only=True)
    action = menu_action(window, "File", "Export REFI-QDA project (.qdpx)…")
    assert action.isEnabled()
    # The name typed without an extension: the chosen file type gives it.
    answer_file_dialog(str(tmp_path / "pour-nvivo"), "REFI-QDA project (*.qdpx)")
    action.trigger()
    written = tmp_path / "pour-nvivo.qdpx"
    assert written.exists()
    root, sources = read_qdpx(written, project_schema)
    assert source_texts(root, sources)["entretien-é"] == ENTRETIEN
    assert len(selections(root)) == 6
    assert "REFI-QDA project written" in window.statusBar().currentMessage()
    window.close_project()


def test_a_copy_for_a_coder_keeps_the_guids_of_the_project(
    tmp_path: Path, project_schema: xmlschema.XMLSchema
) -> None:
    """Its log is cleared: the project's identity goes with it, so what both hold
    (documents, codes, the coder's segments) has one GUID, before and after the coder
    works in the copy."""
    path = hand_made(tmp_path / "étude.qdaw")
    with Project.open(path) as p:
        original = guids_of(read_qdpx(p.export_qdpx(tmp_path / "o.qdpx"), project_schema)[0])
        copy = p.copy_for_coder(tmp_path / "bob.qdaw", "Bob", keep_segments="own")
    with Project.open(copy) as bob:
        before = guids_of(read_qdpx(bob.export_qdpx(tmp_path / "b1.qdpx"), project_schema)[0])
        bob.add_code("Code de Bob")
        after = guids_of(read_qdpx(bob.export_qdpx(tmp_path / "b2.qdpx"), project_schema)[0])
    assert set(before) < set(original)  # Ana's segments and her user are not in the copy
    assert len(set(original) - set(before)) == 2 * 3 + 1
    assert set(before) < set(after) and len(set(after) - set(before)) == 1
