"""Damaged and hostile transcripts: each failure a clear ImportFailed, in bounded time,
nothing stored; the text around what is left out kept. Files are made here by hand."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from bench.hostile_files import (
    docx_bytes,
    docx_paragraphs,
    odt_bytes,
    patch_member,
    rezip,
    rtf_bytes,
    zip_bytes,
)
from qdaw import ImportFailed, Project
from qdaw.ingest import limits, read_source
from tests.conftest import snapshot

ODT_TEXT = "<text:p>Bonjour, première réponse.</text:p>"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refused(path: Path, reason: str) -> ImportFailed:
    with pytest.raises(ImportFailed, match=reason) as info:
        read_source(path)
    assert info.value.path == str(path) and "unexpected" not in info.value.reason
    return info.value


def _corrupt_deflate(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("content.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    out = bytearray(data)
    out[start : start + 8] = b"\xff" * 8  # an invalid deflate block header
    return bytes(out)


def _bad_name(data: bytes) -> bytes:
    flagged = patch_member(data, "content.xml", flags=0x800)  # "names are UTF-8"
    return flagged.replace(b"content.xml", b"content\xff.xm")


# Each raised something other than ImportFailed before (the exception in the id).
DAMAGED_ODT = {
    "truncated-BadZipFile": (lambda d: d[: len(d) // 2], "damaged archive|not a valid .odt"),
    "zlib.error": (_corrupt_deflate, "damaged archive"),
    "ValueError-space-count": (
        lambda d: odt_bytes('<text:p>a<text:s text:c="abc"/>b</text:p>'),
        r'space count that is not a number \(text:s c="abc"\)',
    ),
    "NotImplementedError-method": (
        lambda d: patch_member(d, "content.xml", method=14),
        r"unsupported compression \(method 14\)",
    ),
    "NotImplementedError-version": (
        lambda d: patch_member(d, "content.xml", version=99),
        "unsupported zip format",
    ),
    "RuntimeError-encrypted": (lambda d: patch_member(d, "content.xml", flags=1), "encrypted"),
    "UnicodeDecodeError-name": (_bad_name, "damaged archive"),
}


@pytest.mark.parametrize("damage", DAMAGED_ODT, ids=list(DAMAGED_ODT))
def test_damaged_odt_is_an_import_failure(tmp_path: Path, damage: str) -> None:
    change, reason = DAMAGED_ODT[damage]
    refused(write(tmp_path, "r.odt", change(odt_bytes(ODT_TEXT))), reason)


@pytest.mark.parametrize("count", ["99999999", "4000000000", "1" + "0" * 5000])
def test_odt_huge_space_counts_are_refused(tmp_path: Path, count: str) -> None:
    path = write(tmp_path, "r.odt", odt_bytes(f'<text:p>a<text:s text:c="{count}"/>b</text:p>'))
    refused(path, r"refused: a run of [0-9,]+…? spaces \(text:s c=\), limit 10,000")


def test_odt_space_counts_within_the_limit_are_kept(tmp_path: Path) -> None:
    path = write(tmp_path, "r.odt", odt_bytes('<text:p>a<text:s text:c="3"/>b<text:s/>c</text:p>'))
    assert read_source(path).text == "a   b c"


def test_odt_nesting_is_limited_without_recursion(tmp_path: Path) -> None:
    deep = "<text:section>" * 5000 + ODT_TEXT + "</text:section>" * 5000
    refused(write(tmp_path, "deep.odt", odt_bytes(deep)), "nested more than 1,000 deep")
    fine = "<text:section>" * 500 + ODT_TEXT + "</text:section>" * 500
    assert read_source(write(tmp_path, "ok.odt", odt_bytes(fine))).text == (
        "Bonjour, première réponse."
    )


def test_odt_comments_and_tracked_deletions_are_left_out(tmp_path: Path) -> None:
    body = (
        "<text:tracked-changes><text:changed-region text:id='c1'><text:deletion>"
        "<office:change-info><dc:creator>Relectrice</dc:creator><dc:date>2024-01-01</dc:date>"
        "</office:change-info><text:p>mot supprimé</text:p></text:deletion></text:changed-region>"
        "<text:changed-region text:id='c2'><text:insertion><office:change-info>"
        "<dc:creator>Relectrice</dc:creator></office:change-info></text:insertion>"
        "</text:changed-region></text:tracked-changes>"
        "<text:p>Avant <office:annotation><dc:creator>Relectrice</dc:creator>"
        "<dc:date>2024-01-01T10:00:00</dc:date><text:p>À vérifier</text:p></office:annotation>"
        "la suite<text:change text:change-id='c1'/> <text:change-start text:change-id='c2'/>"
        "ajouté<text:change-end text:change-id='c2'/> fin.</text:p>"
    )
    text = read_source(write(tmp_path, "r.odt", odt_bytes(body))).text
    assert text == "Avant la suite ajouté fin."


@pytest.mark.parametrize("fmt", ["odt", "docx"])
def test_entities_are_neither_expanded_nor_swallowed(tmp_path: Path, fmt: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("mot de passe", encoding="utf-8")
    laughs = "".join(f'<!ENTITY l{k} "{f"&l{k - 1};" * 10 if k else "ha"}">' for k in range(10))
    doctype = f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "file://{secret}">{laughs}]>'
    sentence = "before &xxe; after &l9; end &amp; &#233;"
    data = (
        docx_bytes(docx_paragraphs(sentence), doctype)
        if fmt == "docx"
        else odt_bytes(f"<text:p>{sentence}</text:p>", doctype)
    )
    text = read_source(write(tmp_path, f"r.{fmt}", data)).text
    assert text == "before &xxe; after &l9; end & é"
    assert "mot de passe" not in text


@pytest.mark.parametrize("encoding", ["UTB-8", "shift_jis"])
def test_an_unreadable_xml_encoding_is_an_import_failure(tmp_path: Path, encoding: str) -> None:
    # Found by the fuzz run: expat raises LookupError or ValueError for these.
    data = rezip(
        odt_bytes(ODT_TEXT),
        "content.xml",
        lambda xml: xml.replace(b'encoding="UTF-8"', f'encoding="{encoding}"'.encode()),
    )
    refused(write(tmp_path, "r.odt", data), "content.xml declares an encoding that cannot be read")


def test_docx_table_spans_are_not_expanded(tmp_path: Path) -> None:
    def cell(text: str, span: str) -> str:
        return (
            f'<w:tc><w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>'
            f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"
        )

    for span in ("x", "100000000", "-1", ""):
        body = f"<w:tbl><w:tr>{cell('Oui', span)}{cell('Non', '1')}</w:tr></w:tbl>"
        path = write(tmp_path, "span.docx", docx_bytes(body))
        assert read_source(path).text == "Oui\tNon"


def test_docx_merged_cells_appear_once_and_repeats_stay(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["Oui", "Oui", "Non"], ["a", "b", "c"], ["d", "e", "f"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 0).merge(table.cell(1, 1)).text = "Fusion"
    table.cell(1, 2).merge(table.cell(2, 2)).text = "Vertical"
    document.save(str(tmp_path / "merged.docx"))
    assert read_source(tmp_path / "merged.docx").text == "Oui\tOui\tNon\nFusion\tVertical\nd\te\t"


def test_docx_tracked_changes_keep_insertions_only(tmp_path: Path) -> None:
    body = (
        "<w:p><w:r><w:t xml:space='preserve'>Avant </w:t></w:r>"
        "<w:del w:id='1' w:author='R'><w:r><w:delText>supprimé </w:delText></w:r></w:del>"
        "<w:ins w:id='2' w:author='R'><w:r><w:t xml:space='preserve'>ajouté </w:t></w:r></w:ins>"
        "<w:r><w:tab/><w:t>fin</w:t><w:br/><w:t>ligne</w:t></w:r></w:p>"
    )
    path = write(tmp_path, "r.docx", docx_bytes(body))
    assert read_source(path).text == "Avant ajouté \tfin\nligne"


def test_docx_zip_version_and_compression_are_import_failures(tmp_path: Path) -> None:
    good = docx_bytes(docx_paragraphs("Bonjour."))
    part = "word/document.xml"
    refused(write(tmp_path, "v.docx", patch_member(good, part, version=99)), "unsupported zip")
    refused(write(tmp_path, "m.docx", patch_member(good, part, method=12)), "method 12")
    refused(write(tmp_path, "e.docx", patch_member(good, part, flags=1)), "encrypted")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    refused(write(tmp_path, "ole.docx", ole), "encrypted")


def test_zip_headers_that_lie_about_sizes(tmp_path: Path) -> None:
    xml_size = 8 * 1024 * 1024
    body = docx_paragraphs("Bonjour.") + "<w:p/>" * (xml_size // 6)
    honest = docx_bytes(body)
    part = "word/document.xml"
    # Says 1 MB, unpacks to 8 MB: read in bounded chunks, the CRC then fails.
    small = patch_member(honest, part, file_size=1024 * 1024)
    refused(write(tmp_path, "small.docx", small), "damaged archive")
    # Says 4 GB: refused before reading.
    huge = patch_member(honest, part, file_size=2**32 - 1)
    refused(write(tmp_path, "huge.docx", huge), r"would unpack to 4,096 MB .*zip bomb")


def test_a_zip_bomb_is_refused_by_the_bytes_it_unpacks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_PART_BYTES", 2 * 1024 * 1024)
    bomb = docx_bytes("<w:p/>" * 1_000_000)  # 6 MB of XML in a few kB
    refused(write(tmp_path, "bomb.docx", bomb), r"would unpack to 6 MB \(limit 2 MB; possible zip")


def test_a_giant_tag_is_refused_before_it_costs_quadratic_time(tmp_path: Path) -> None:
    body = f'<w:p w:rsidR="{"0" * (2 * 1024 * 1024)}"/>'
    refused(write(tmp_path, "tag.docx", docx_bytes(body)), "single tag or comment longer than 1 MB")


def test_element_and_character_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ELEMENTS", 1_000)
    path = write(tmp_path, "many.odt", odt_bytes("<text:p>mot</text:p>" * 2_000))
    refused(path, "more than 1,000 XML elements in content.xml")
    monkeypatch.setattr(limits, "MAX_ELEMENTS", 4_000_000)
    monkeypatch.setattr(limits, "MAX_CHARS", 1_000)
    path = write(tmp_path, "long.docx", docx_bytes(docx_paragraphs("mot " * 300)))
    refused(path, r"text too long: more than 1,000 characters \(limit 1,000")


def test_plain_text_over_the_character_limit_says_how_long(tmp_path: Path) -> None:
    path = write(tmp_path, "long.txt", b"mot " * 5_250_000 + b"fin")
    refused(path, r"text too long: 21,000,003 characters \(limit 20 million")


def test_rtf_surrogate_escapes_are_paired_or_replaced(project: Project, tmp_path: Path) -> None:
    body = r"lone \u-10240? and \u55296? pair \u-10179?\u-8704? end\par"
    document = project.import_file(write(tmp_path, "r.rtf", rtf_bytes(body)))
    assert document.text == "lone \ufffd and \ufffd pair \U0001f600 end\n"
    assert project.document_text(document.id) == document.text


def test_rtf_reader_keeps_text_and_leaves_out_the_rest(tmp_path: Path) -> None:
    body = (
        r"{\info{\author Relectrice}{\title T}}{\*\generator X;}"
        r"Caf\'e9 {\b gras} \u339?uvre\tab fin\line"
        r"{\*\annotation commentaire}{\deleted supprim\'e9 }ajout\'e9\par"
        r"{\pict\pngblip\bin4 {}\\}A\cell B\cell\row"
        r"{\field{\*\fldinst HYPERLINK x}{\fldrslt lien}}\par"
    )
    text = read_source(write(tmp_path, "r.rtf", rtf_bytes(body))).text
    assert text == "Café gras œuvre\tfin\najouté\nA\tB\nlien\n"


def test_rtf_deep_groups_and_truncation(tmp_path: Path) -> None:
    deep = rtf_bytes("{" * 5000 + "x" + "}" * 5000)
    refused(write(tmp_path, "deep.rtf", deep), "groups nested more than 1,000 deep")
    cut = rtf_bytes(r"{\b texte coupé")[:-1]
    refused(write(tmp_path, "cut.rtf", cut), "ends before its groups close")


def test_a_failed_hostile_import_stores_nothing(project: Project, tmp_path: Path) -> None:
    project.add_document("d", "Existant.", case="A")
    before = snapshot(project)
    path = write(tmp_path, "bad.odt", odt_bytes('<text:p><text:s text:c="99999999"/></text:p>'))
    with pytest.raises(ImportFailed, match=r"bad\.odt: refused"):
        project.import_file(path, case="B")
    assert snapshot(project) == before


def _folder_with_one_damaged_odt(tmp_path: Path) -> Path:
    folder = tmp_path / "entretiens"
    folder.mkdir()
    for i in range(1, 6):
        (folder / f"r{i}.txt").write_text(f"Réponse {i}.", encoding="utf-8")
    good = odt_bytes(ODT_TEXT)
    broken = rezip(good, "content.xml", lambda xml: xml[: len(xml) // 2])
    (folder / "r6.odt").write_bytes(broken)
    (folder / "r7.odt").write_bytes(good[: len(good) - 40])
    return folder


def test_a_folder_import_stores_the_good_files_and_lists_the_bad(
    project: Project, tmp_path: Path
) -> None:
    report = project.import_files([_folder_with_one_damaged_odt(tmp_path)])
    assert [d.name for d in report.documents] == ["r1", "r2", "r3", "r4", "r5"]
    failures = {Path(f.path).name: f.reason for f in report.failures}
    assert set(failures) == {"r6.odt", "r7.odt"}
    assert failures["r6.odt"].startswith("damaged document: broken XML in content.xml")
    assert "damaged archive" in failures["r7.odt"] or "not a valid" in failures["r7.odt"]


def test_the_command_line_lists_bad_files_without_a_traceback(tmp_path: Path) -> None:
    folder = _folder_with_one_damaged_odt(tmp_path)
    locked = patch_member(docx_bytes(docx_paragraphs("x")), "word/document.xml", flags=1)
    (folder / "r8.docx").write_bytes(locked)
    Project.create(tmp_path / "s.qdaw").close()
    result = subprocess.run(
        [sys.executable, "-m", "qdaw", "import", str(tmp_path / "s.qdaw"), str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stdout.count("imported ") == 5
    failed = [line for line in result.stderr.splitlines() if line.startswith("qdaw: failed: ")]
    assert [Path(line.split(": ")[2]).name for line in failed] == ["r6.odt", "r7.odt", "r8.docx"]
    assert "Traceback" not in result.stderr
    with Project.open(tmp_path / "s.qdaw") as project:
        assert len(project.documents()) == 5


def test_an_encrypted_odt_says_so(tmp_path: Path) -> None:
    manifest = (
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/>'
        "</manifest:file-entry></manifest:manifest>"
    )
    path = write(tmp_path, "secret.odt", odt_bytes(ODT_TEXT, manifest=manifest))
    refused(path, r"encrypted \(password-protected\)")


def test_stored_archive_members_and_strict_word_namespace_read(tmp_path: Path) -> None:
    strict = rezip(
        docx_bytes(docx_paragraphs("Strict.")),
        "word/document.xml",
        lambda xml: xml.replace(
            b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            b"http://purl.oclc.org/ooxml/wordprocessingml/main",
        ),
    )
    assert read_source(write(tmp_path, "s.docx", strict)).text == "Strict."
    stored = zip_bytes([("content.xml", _content(ODT_TEXT))], zipfile.ZIP_STORED)
    assert read_source(write(tmp_path, "s.odt", stored)).text == "Bonjour, première réponse."


def _content(body: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(odt_bytes(body))) as archive:
        return archive.read("content.xml")
