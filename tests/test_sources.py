"""PDF, HTML and timed transcripts: real files written here, read into real projects."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from sqlalchemy import text

from qdaw import Project
from qdaw.cli import main
from qdaw.core import storage
from qdaw.errors import ImportFailed
from qdaw.ingest import limits
from qdaw.ingest.pdf_text import keeps_hyphen
from qdaw.ingest.readers import SUPPORTED_SUFFIXES, read_source
from tests.conftest import snapshot

WIDTH, HEIGHT = A4


def interview_pdf(path: Path, encrypt: str | None = None, image_page: bool = True) -> Path:
    """Four pages, each with a header and a numbered footer: page 1 in one column with
    a word hyphenated at a line's end, page 2 in two columns drawn line by line across
    both, page 3 only a picture (no text), page 4 a last answer."""
    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)

    def page(lines: list[tuple[float, float, str]], number: int) -> None:
        pdf.setFont("Helvetica", 11)
        pdf.drawString(72, HEIGHT - 40, "Entretien avec Référent 2 — confidentiel")
        for x, y, line in lines:
            pdf.drawString(x, y, line)
        pdf.drawString(280, 30, f"Page {number}")
        pdf.showPage()

    page(
        [
            (72, HEIGHT - 100, "Q : Comment avez-vous choisi Moodle ?"),
            (72, HEIGHT - 114, "R : Par la connais-"),
            (72, HEIGHT - 128, "sance du terrain, et Jean-"),
            (72, HEIGHT - 142, "Pierre nous a aidés, peut-"),
            (72, HEIGHT - 156, "être un peu trop."),
        ],
        1,
    )
    left = ["La colonne gauche parle", "des cours en ligne", "pendant le confinement."]
    right = ["La colonne droite parle", "des examens à distance."]
    page(
        [(72, HEIGHT - 100 - 14 * i, line) for i, line in enumerate(left)]
        + [(320, HEIGHT - 100 - 14 * i, line) for i, line in enumerate(right)],
        2,
    )
    if image_page:
        pdf.rect(72, 300, 400, 300, fill=1)  # a scanned picture: no text at all
        pdf.showPage()
    page([(72, HEIGHT - 100, "R : Et nous avons continué ensuite.")], 4)
    pdf.save()
    return path


def scanned_pdf(path: Path) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(2):
        pdf.rect(72, 300, 400, 300, fill=1)
        pdf.showPage()
    pdf.save()
    return path


# -- PDF ------------------------------------------------------------------------------
def test_pdf_text_in_reading_order_with_pages(tmp_path: Path) -> None:
    source = read_source(interview_pdf(tmp_path / "entretien3.pdf"))
    pages = source.text.split("\n\n")
    assert pages[0] == (
        "Q : Comment avez-vous choisi Moodle ?\n"
        "R : Par la connaissance du terrain, et Jean-Pierre nous a aidés, peut-être un peu trop."
    )
    # Two columns drawn line by line across the page: read left, then right.
    assert pages[1] == (
        "La colonne gauche parle\ndes cours en ligne\npendant le confinement.\n"
        "La colonne droite parle\ndes examens à distance."
    )
    assert pages[2] == "R : Et nous avons continué ensuite."
    assert "Page" not in source.text and "confidentiel" not in source.text
    assert [(m.kind, m.value) for m in source.marks] == [
        ("page", "1"),
        ("page", "2"),
        ("page", "4"),
    ]
    assert [source.text[m.offset :].split("\n")[0] for m in source.marks] == [
        "Q : Comment avez-vous choisi Moodle ?",
        "La colonne gauche parle",
        "R : Et nous avons continué ensuite.",
    ]
    assert "removed 6 repeated header/footer lines" in source.notes
    assert "no text on page 3 (an image? OCR would read it)" in source.notes


def test_headers_and_footers_can_be_kept(tmp_path: Path) -> None:
    source = read_source(interview_pdf(tmp_path / "r.pdf"), drop_repeated_lines=False)
    assert source.text.count("confidentiel") == 3 and "Page 4" in source.text
    assert any(note.startswith("kept 2 header/footer lines") for note in source.notes)


def test_the_hyphenation_rule() -> None:
    from collections import Counter

    assert not keeps_hyphen("connais", "sance", Counter())
    assert keeps_hyphen("Jean", "Pierre", Counter())  # a capital: a compound name
    assert keeps_hyphen("peut", "être", Counter())  # a usual French compound end
    assert keeps_hyphen("porte", "clés", Counter({"porte-clés": 2}))  # written so elsewhere
    assert not keeps_hyphen("porte", "clés", Counter({"porte-clés": 1, "porteclés": 1}))


def test_a_scanned_pdf_is_refused_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match=r"scan\.pdf: no text layer: run OCR first"):
        read_source(scanned_pdf(tmp_path / "scan.pdf"))


def test_an_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    path = interview_pdf(tmp_path / "secret.pdf", encrypt="motdepasse")
    with pytest.raises(ImportFailed, match=r"secret\.pdf: encrypted: it needs a password"):
        read_source(path)


def test_a_damaged_pdf_is_a_clear_error(tmp_path: Path) -> None:
    whole = interview_pdf(tmp_path / "whole.pdf").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole[: len(whole) // 3])
    damaged = r"cut\.pdf: (not a valid PDF|page \d+ is damaged|no text)"
    with pytest.raises(ImportFailed, match=damaged):
        read_source(cut)
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.4\nnot really a PDF at all\n")
    with pytest.raises(ImportFailed, match=r"junk\.pdf: not a valid PDF file \(damaged"):
        read_source(junk)


def test_pdf_pages_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_PDF_PAGES", 3)
    with pytest.raises(ImportFailed, match=r"too many pages \(4; the limit is 3\)"):
        read_source(interview_pdf(tmp_path / "long.pdf"))


# -- HTML -----------------------------------------------------------------------------
def test_html_visible_text_in_order(tmp_path: Path) -> None:
    path = tmp_path / "notes.html"
    path.write_text(
        "<!doctype html><html><head><title>Titre</title><style>p{color:red}</style>"
        "<script>var x = '<p>caché</p>';</script></head><body>"
        "<h1>Notes de terrain</h1><p>Un   entretien\n  &eacute;tonnant &amp; long.</p>"
        "<ul><li>Moodle</li><li>Teams</li></ul>"
        "<table><tr><th>Qui</th><th>Quand</th></tr><tr><td>R2</td><td>mai</td></tr></table>"
        "<p>Ligne<br>suivante</p><noscript>rien</noscript></body></html>",
        encoding="utf-8",
    )
    source = read_source(path)
    assert source.text == (
        "Notes de terrain\nUn entretien étonnant & long.\nMoodle\nTeams\n"
        "Qui\tQuand\nR2\tmai\nLigne\nsuivante"
    )
    assert source.format == "html"


def test_an_html_page_without_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "vide.htm"
    path.write_text("<html><head><script>x()</script></head><body> </body></html>")
    with pytest.raises(ImportFailed, match=r"vide\.htm: no text in the file"):
        read_source(path)


# -- timed transcripts ----------------------------------------------------------------
VTT = """WEBVTT
Kind: captions

NOTE written by the meeting software

1
00:00:01.000 --> 00:00:04.000 align:start position:10%
<v Marie Dupont>Bonjour, merci d'être là.</v>

2
00:00:04.500 --> 00:00:06.000
<v Marie Dupont>On commence ?</v>

3
00:01:23.250 --> 00:01:30.000
<v.loud Speaker 2>Oui, <b>allons-y</b> &amp; vite.</v>
"""


def test_vtt_turns_with_their_times(tmp_path: Path) -> None:
    path = tmp_path / "zoom.vtt"
    path.write_text(VTT, encoding="utf-8")
    source = read_source(path)
    assert source.text == (
        "Marie Dupont: Bonjour, merci d'être là. On commence ?\nSpeaker 2: Oui, allons-y & vite."
    )
    assert [(m.kind, m.offset, m.value) for m in source.marks] == [
        ("time", 0, "00:00:01"),
        ("time", source.text.index("Speaker 2"), "00:01:23"),
    ]


def test_srt_with_speaker_prefixes(tmp_path: Path) -> None:
    path = tmp_path / "cours.srt"
    path.write_text(
        "1\r\n00:00:01,000 --> 00:00:03,000\r\nQ: Vous utilisez Moodle ?\r\n\r\n"
        "2\r\n00:00:03,500 --> 00:00:05,000\r\nR: Oui,\r\ntous les jours.\r\n\r\n"
        "3\r\n01:02:03,000 --> 01:02:04,000\r\nR: Vraiment.\r\n",
        encoding="utf-8",
    )
    source = read_source(path)
    assert source.text == "Q: Vous utilisez Moodle ?\nR: Oui, tous les jours. Vraiment."
    assert [m.value for m in source.marks] == ["00:00:01", "00:00:03"]


def test_broken_subtitles_are_refused(tmp_path: Path) -> None:
    vtt, srt = tmp_path / "a.vtt", tmp_path / "b.srt"
    vtt.write_text("1\n00:00:01.000 --> 00:00:02.000\nBonjour\n")
    srt.write_text("juste du texte\n")
    with pytest.raises(ImportFailed, match=r"a\.vtt: not a WebVTT file"):
        read_source(vtt)
    with pytest.raises(ImportFailed, match=r"b\.srt: no subtitles"):
        read_source(srt)


def test_a_transcription_services_text_export(tmp_path: Path) -> None:
    otter = tmp_path / "otter.txt"
    otter.write_text(
        "Entretien R4\n\nSpeaker 1  0:03\nBonjour.\nOn y va ?\n\n"
        "Speaker 2  1:02:07\nOui.\n\nSpeaker 2  1:02:15\nToujours moi.\n",
        encoding="utf-8",
    )
    source = read_source(otter)
    assert source.text == (
        "Entretien R4\nSpeaker 1: Bonjour. On y va ?\nSpeaker 2: Oui. Toujours moi."
    )
    assert [m.value for m in source.marks] == ["00:00:03", "01:02:07"]
    from qdaw.nlp.speakers import detect_turns

    assert [t.speaker for t in detect_turns(source.text)] == ["Speaker 1", "Speaker 2"]
    inline = tmp_path / "teams.txt"
    inline.write_text("00:00:05 Speaker 1: Bonjour.\n[00:00:09] Speaker 2: Salut.\n")
    assert read_source(inline).text == "Speaker 1: Bonjour.\nSpeaker 2: Salut."
    plain = tmp_path / "plain.txt"
    plain.write_text("Q : À 10:30 on a commencé.\nR : Oui.\n")
    assert read_source(plain).marks == ()  # an ordinary transcript stays as it is


# -- in a project ---------------------------------------------------------------------
def test_a_folder_import_lists_what_it_skipped(project: Project, tmp_path: Path) -> None:
    folder = tmp_path / "entretiens"
    folder.mkdir()
    interview_pdf(folder / "entretien3.pdf")
    (folder / "notes.html").write_text("<p>Notes du terrain</p>", encoding="utf-8")
    (folder / "zoom.vtt").write_text(VTT, encoding="utf-8")
    scanned_pdf(folder / "scan.pdf")
    (folder / "vide.txt").write_bytes(b"")
    (folder / "tableau.xyz").write_text("x")
    (folder / ".DS_Store").write_text("x")  # hidden: nobody's to import
    report = project.import_files([folder])
    assert sorted(d.name for d in report.documents) == ["entretien3", "notes", "zoom"]
    assert [str(f) for f in report.skipped] == [f"{folder / 'tableau.xyz'}: unsupported type .xyz"]
    reasons = sorted((Path(f.path).name, f.reason) for f in report.failures)
    assert reasons[0][0] == "scan.pdf" and reasons[0][1].startswith("no text layer: run OCR first")
    assert reasons[1] == ("vide.txt", "the file is empty")
    assert len(report.not_imported) == 3
    assert "entretien3.pdf: removed 6 repeated header/footer lines" in report.notes
    assert project.document_marks("zoom") == [
        ("time", 0, "00:00:01"),
        ("time", project.document("zoom").text.index("Speaker 2"), "00:01:23"),
    ]


def test_retrieval_and_the_report_cite_page_and_time(project: Project, tmp_path: Path) -> None:
    pdf = project.import_file(interview_pdf(tmp_path / "r2.pdf"), case="R2")
    vtt_path = tmp_path / "r3.vtt"
    vtt_path.write_text(VTT, encoding="utf-8")
    vtt = project.import_file(vtt_path, case="R3")
    code = project.add_code("Examens")
    start = pdf.text.index("des examens")
    project.code_segment(pdf, start, start + len("des examens à distance"), code)
    start = vtt.text.index("allons-y")
    project.code_segment(vtt, start, start + len("allons-y & vite"), code)
    project.code_segment(pdf, 0, 5, code)
    table = project.retrieve()
    assert table[["document", "page", "timecode"]].values.tolist() == [
        ["r2", "1", ""],
        ["r2", "2", ""],
        ["r3", "", "00:01:23"],
    ]
    project.add_hypothesis("H1", "Les examens comptent")
    project.link_code(code, "H1")
    from qdaw.export.report import build_report, write_report

    out = write_report(build_report(project.store), tmp_path / "rapport.md")
    written = out.read_text(encoding="utf-8")
    assert "— **R2, p. 1**" in written and "— **R3, 00:01:23**" in written


def test_undo_of_an_import_removes_its_marks(project: Project, tmp_path: Path) -> None:
    before = snapshot(project)
    document = project.import_file(interview_pdf(tmp_path / "r.pdf"))
    assert len(project.document_marks(document)) == 3
    project.undo()
    assert snapshot(project) == before
    project.redo()
    assert [v for _, _, v in project.document_marks("r")] == ["1", "2", "4"]
    after_import = snapshot(project)
    project.delete_document("r")
    assert snapshot(project)["document_marks"] == []
    project.undo()
    assert snapshot(project) == after_import


def test_merge_carries_the_marks(tmp_path: Path) -> None:
    other = tmp_path / "other.qdaw"
    with Project.create(other) as p:
        p.import_file(interview_pdf(tmp_path / "r.pdf"))
    with Project.create(tmp_path / "here.qdaw") as here:
        here.merge(other)
        assert [v for _, _, v in here.document_marks("r")] == ["1", "2", "4"]
        here.merge(other)  # the same document again: its marks are not doubled
        assert len(here.document_marks("r")) == 3


def test_a_0005_project_is_backed_up_then_gets_marks(tmp_path: Path) -> None:
    path = tmp_path / "old-0005.qdaw"
    engine = storage.sqlite_engine(path)
    storage.upgrade(engine, "0005")
    with engine.begin() as conn:
        for sql in (
            "INSERT INTO meta VALUES ('format', 'qdaw-project')",
            "INSERT INTO cases VALUES (1, 'R1', NULL, '2020-05-14 10:00:00')",
            "INSERT INTO documents VALUES (1, 'r1', 'r1.txt', 'txt', '2020-05-14 10:00:00',"
            " 1, NULL, 'fr')",
            "INSERT INTO document_texts VALUES (1, 'Nous avons utilisé Moodle.')",
            "INSERT INTO codes VALUES (1, 'Moodle', NULL, '#e6194b', NULL, 0, 'ann',"
            " '2020-05-14 10:00:00', NULL)",
            "INSERT INTO segments VALUES (1, 1, 1, NULL, 19, 25, NULL, '2020-05-14 10:00:00')",
        ):
            conn.execute(text(sql))
    engine.dispose()
    with Project.open(path) as p:
        assert p.backup_path is not None and p.backup_path.exists()
        assert p.retrieve()[["text", "page", "timecode"]].values.tolist() == [["Moodle", "", ""]]
        assert p.document_marks("r1") == []
        p.import_file(interview_pdf(tmp_path / "r2.pdf"))
        assert len(p.document_marks("r2")) == 3
        backup = p.backup_path
    old = sqlite3.connect(backup)
    assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0005",)
    tables = {r[0] for r in old.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "document_marks" not in tables
    old.close()


def test_the_cli_imports_a_pdf_and_a_vtt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = str(tmp_path / "cli.qdaw")
    assert main(["new", project]) == 0
    folder = tmp_path / "sources"
    folder.mkdir()
    interview_pdf(folder / "r2.pdf")
    (folder / "r3.vtt").write_text(VTT, encoding="utf-8")
    (folder / "photo.gif").write_bytes(b"GIF89a")
    assert main(["import", project, str(folder)]) == 0  # a skipped file is no failure
    captured = capsys.readouterr()
    assert "imported r2.pdf → r2" in captured.out and "imported r3.vtt → r3" in captured.out
    assert "r2.pdf: removed 6 repeated header/footer lines" in captured.out
    assert "qdaw: skipped: " in captured.err and "photo.gif: unsupported type .gif" in captured.err
    with Project.open(project) as p:
        assert [v for _, _, v in p.document_marks("r2")] == ["1", "2", "4"]


def test_every_format_is_offered(tmp_path: Path) -> None:
    for suffix in (".pdf", ".html", ".htm", ".vtt", ".srt", ".txt", ".docx", ".odt", ".rtf"):
        assert suffix in SUPPORTED_SUFFIXES
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    for suffix in SUPPORTED_SUFFIXES:
        assert f"`{suffix}`" in readme, suffix


def test_long_lines_that_differ_only_in_numbers_are_content_not_headers(tmp_path: Path) -> None:
    path = tmp_path / "numbered.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in range(1, 5):
        pdf.drawString(72, 800, "Entretien 3")  # a running header
        pdf.drawString(
            72, 760, f"R : à la page {page}, je disais que nous avons travaillé en visio."
        )
        pdf.drawString(72, 740, "Suite du propos, différente sur chaque page " + "x" * page)
        pdf.drawString(300, 40, f"- {page} -")  # a page number
        pdf.showPage()
    pdf.save()
    project = Project.create(tmp_path / "n.qdaw")
    report = project.import_files([path])
    text = project.documents()[0].text
    assert "Entretien 3" not in text and "- 2 -" not in text
    for page in range(1, 5):
        assert f"R : à la page {page}, je disais" in text
    assert any("removed 8 repeated" in note for note in map(str, report.notes))
