"""Images (PNG, JPEG) as sources: import, regions, undo, analyses, retrieval, reports."""

from __future__ import annotations

import sqlite3
import struct
import zlib
from pathlib import Path

import pytest
from sqlalchemy import text

from qdaw import Project
from qdaw.core import storage
from qdaw.errors import ConflictError, ImportFailed
from tests.conftest import snapshot


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def write_png(path: Path, width: int, height: int) -> Path:
    """A real RGB PNG: red on the left half, blue on the right."""
    row = b"".join(
        b"\xff\x00\x00" if column < width // 2 else b"\x00\x00\xff" for column in range(width)
    )
    raw = b"".join(b"\x00" + row for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw))
        + _chunk(b"IEND", b"")
    )
    return path


def write_jpeg(path: Path, width: int, height: int) -> Path:
    from PIL import Image

    Image.new("RGB", (width, height), (0, 128, 0)).save(path, "JPEG")
    return path


@pytest.fixture
def photo_project(tmp_path: Path) -> Project:
    p = Project.create(tmp_path / "photos.qdaw", coder="ann")
    p.import_file(write_png(tmp_path / "salle.png", 60, 40), case="R1")
    p.add_document("r2", "Nous avons utilisé Moodle en cours.", case="R2")
    p.add_code("Outils")
    p.add_code("Espace")
    return p


def test_a_png_and_a_jpeg_import_as_image_documents(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.qdaw") as p:
        png = p.import_file(write_png(tmp_path / "photo.png", 30, 20))
        assert png.text == "" and png.format == "png"
        fmt, width, height, data = p.document_image(png) or ("", 0, 0, b"")
        assert (fmt, width, height) == ("png", 30, 20)
        assert data == (tmp_path / "photo.png").read_bytes()
        folder = tmp_path / "folder"
        folder.mkdir()
        write_jpeg(folder / "tableau.jpg", 64, 48)
        write_jpeg(folder / "porte.jpeg", 10, 12)
        (folder / "notes.txt").write_text("Quelques notes.", encoding="utf-8")
        report = p.import_files([folder])
        assert report.ok and report.skipped == []
        assert sorted(d.name for d in report.documents) == ["notes", "porte", "tableau"]
        assert p.document_image("tableau")[:3] == ("jpeg", 64, 48)  # type: ignore[index]
        assert p.document_image("porte")[:3] == ("jpeg", 10, 12)  # type: ignore[index]
        assert p.document_image("notes") is None
        p.undo()  # the folder import, images with it
        with p.engine.connect() as conn:
            count = conn.execute(text("SELECT count(*) FROM document_images")).scalar()
        assert count == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("fake.png", b"just text, not a picture", r"fake\.png.*not a PNG image"),
        ("fake.jpg", b"\x89PNG\r\n\x1a\n" + b"\x00" * 30, r"fake\.jpg.*named as JPEG but is a PNG"),
        ("cut.png", b"\x89PNG\r\n\x1a\n\x00\x00", r"cut\.png.*damaged PNG"),
        ("cut.jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF", r"cut\.jpeg.*damaged JPEG"),
        ("empty.png", b"", r"empty\.png.*not a PNG"),
    ],
)
def test_a_bad_image_is_refused_naming_the_file(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    (tmp_path / name).write_bytes(content)
    with Project.create(tmp_path / "p.qdaw") as p:
        with pytest.raises(ImportFailed, match=message):
            p.import_file(tmp_path / name)
        report = p.import_files([tmp_path])
        assert [Path(f.path).name for f in report.failures] == [name]
        assert p.documents() == []


def test_a_huge_image_is_refused_by_its_header(tmp_path: Path) -> None:
    path = tmp_path / "huge.png"
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header))
    with Project.create(tmp_path / "p.qdaw") as p, pytest.raises(ImportFailed, match="too large"):
        p.import_file(path)


def test_a_region_is_coded_undone_and_redone(photo_project: Project) -> None:
    p = photo_project
    before = snapshot(p)
    region = p.code_region("salle", 10, 5, 20, 15, "Espace", memo="le tableau")
    assert region.region == (10, 5, 20, 15) and region.text == ""
    assert region.memo == "le tableau" and region.coder == "ann"
    assert p.undo() == "Code image region"
    assert snapshot(p) == before
    p.redo()
    (again,) = p.segments(document="salle")
    assert again.region == (10, 5, 20, 15)
    p.set_memo(again, "au fond")
    p.recode_segment(again, "Outils")
    assert (again.memo, again.code.name) == ("au fond", "Outils")
    p.delete_segment(again)
    assert p.segments(document="salle") == []


def test_a_region_outside_the_image_or_on_a_text_is_refused(photo_project: Project) -> None:
    p = photo_project
    with pytest.raises(ConflictError, match=r"not inside the image of 'salle' \(60×40"):
        p.code_region("salle", 50, 0, 20, 10, "Espace")
    with pytest.raises(ConflictError, match="not inside"):
        p.code_region("salle", 0, 0, 0, 10, "Espace")
    with pytest.raises(ConflictError, match="'r2' is a text, not an image"):
        p.code_region("r2", 0, 0, 5, 5, "Espace")
    assert p.segments() == []


def test_deleting_an_image_document_deletes_its_picture(photo_project: Project) -> None:
    p = photo_project
    p.code_region("salle", 0, 0, 10, 10, "Espace")
    p.delete_document("salle")
    with p.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM document_images")).scalar() == 0
    p.undo()
    assert p.document_image("salle") is not None and len(p.segments()) == 1


def test_a_case_with_only_an_image_region_counts_in_every_analysis(
    photo_project: Project,
) -> None:
    p = photo_project
    p.add_variable("site", "text")
    p.set_variable("R1", "site", "Lyon")
    p.set_variable("R2", "site", "Paris")
    p.code_region("salle", 0, 0, 30, 20, "Espace")
    p.code_region("salle", 20, 10, 30, 20, "Outils")  # overlaps the first rectangle
    p.code_region("salle", 0, 30, 10, 10, "Outils")  # overlaps nothing
    p.code_segment("r2", 20, 26, "Outils")
    freq = p.code_frequencies().set_index("code")
    assert freq.loc["Espace", "ratio"] == "1/2" and freq.loc["Outils", "ratio"] == "2/2"
    assert freq.loc["Outils", "segments"] == 3
    matrix = p.case_code_matrix()
    assert matrix.loc["R1", "Espace"] == 1 and matrix.loc["R1", "Outils"] == 2
    table = p.crosstab("site")
    assert table.loc["Espace", "Lyon"] == 1 and table.loc["Espace", "Paris"] == 0
    by_overlap = p.cooccurrence()
    assert by_overlap.loc["Espace", "Outils"] == 1  # the two rectangles that meet
    by_case = p.cooccurrence(scope="case")
    assert by_case.loc["Espace", "Outils"] == 1


def test_agreement_by_characters_leaves_regions_out(photo_project: Project) -> None:
    p = photo_project
    p.code_region("salle", 0, 0, 30, 20, "Espace", coder="ann")
    p.code_region("salle", 0, 0, 10, 20, "Espace", coder="bob")
    p.code_segment("r2", 20, 26, "Outils", coder="ann")
    p.code_segment("r2", 20, 26, "Outils", coder="bob")
    table = p.agreement(["ann", "bob"], unit="character")
    assert table["code"].tolist() == ["Outils", "(all codes)"]  # no Espace: regions only
    assert table["units"].tolist() == [35, 35] and table["percent"].tolist() == [100.0, 100.0]


def test_retrieval_and_the_report_show_the_region(photo_project: Project, tmp_path: Path) -> None:
    import io
    import zipfile

    from PIL import Image

    from qdaw.export.report import write_report

    p = photo_project
    p.add_hypothesis("H1", "Les lieux comptent")
    p.link_code("Espace", "H1")
    region = p.code_region("salle", 25, 10, 10, 8, "Espace", memo="la porte")
    row = p.retrieve().loc[region.id]
    assert (row["text"], row["region"], row["document"], row["case"]) == (
        "", "25,10,10,8", "salle", "R1",
    )  # fmt: skip
    p.code_segment("r2", 20, 26, "Outils")
    assert p.retrieve().loc[p.segments(document="r2")[0].id, "region"] == ""
    report = p.report()
    crop = Image.open(io.BytesIO(report.crop(report.hypotheses[0].quotes.iloc[0]) or b""))
    assert crop.size == (10, 8)
    # The picture is red on its left half (x < 30), blue on its right half.
    assert crop.convert("RGB").getpixel((0, 0)) == (255, 0, 0)
    assert crop.convert("RGB").getpixel((9, 7)) == (0, 0, 255)
    html = write_report(report, tmp_path / "r.html").read_text(encoding="utf-8")
    import base64

    from tests.browser import report_data

    (quote,) = report_data(html)["codes"][0]["quotes"]  # the page shows it as this picture
    assert quote["img"].startswith("data:image/png;base64,")
    assert quote["alt"] == "salle (25,10,10,8)"
    shown = Image.open(io.BytesIO(base64.b64decode(quote["img"].split(",", 1)[1])))
    assert shown.size == (10, 8)
    docx = write_report(report, tmp_path / "r.docx")
    with zipfile.ZipFile(docx) as archive:
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
        pictures = [Image.open(io.BytesIO(archive.read(n))).size for n in media]
    assert (10, 8) in pictures
    markdown = write_report(report, tmp_path / "r.md").read_text(encoding="utf-8")
    assert "![salle (25,10,10,8)](r_charts/region-salle.png)" in markdown
    assert Image.open(tmp_path / "r_charts" / "region-salle.png").size == (10, 8)


def test_a_0007_project_is_backed_up_then_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old-0007.qdaw"
    engine = storage.sqlite_engine(path)
    storage.upgrade(engine, "0007")
    with engine.begin() as conn:
        for sql in (
            "INSERT INTO meta VALUES ('format', 'qdaw-project')",
            "INSERT INTO cases VALUES (1, 'R1', NULL, '2020-05-14 10:00:00')",
            "INSERT INTO documents VALUES (1, 'r1', 'r1.txt', 'txt', '2020-05-14 10:00:00',"
            " 1, NULL, 'fr')",
            "INSERT INTO document_texts VALUES (1, 'Nous avons utilisé Moodle.')",
            "INSERT INTO codes VALUES (1, 'Moodle', NULL, '#e6194b', NULL, 0, 'ann',"
            " '2020-05-14 10:00:00', NULL)",
            "INSERT INTO coders VALUES (1, 'ann')",
            "INSERT INTO segments VALUES (5, 1, 1, 1, 19, 25, 'clé', '2020-05-14 10:00:00')",
            "INSERT INTO segments VALUES (9, 1, 1, 1, 0, 4, NULL, '2020-05-14 10:00:00')",
            "DELETE FROM segments WHERE id = 9",  # id 9 was given: never again
        ):
            conn.execute(text(sql))
    engine.dispose()
    with Project.open(path, coder="ann") as p:
        assert p.backup_path is not None and p.backup_path.exists()
        (segment,) = p.segments()
        assert (segment.id, segment.text, segment.memo, segment.region) == (
            5,
            "Moodle",
            "clé",
            None,
        )
        assert p.code_segment("r1", 0, 4, "Moodle").id == 10
        p.import_file(write_png(tmp_path / "salle.png", 20, 20), case="R1")
        assert p.code_region("salle", 1, 2, 3, 4, "Moodle").region == (1, 2, 3, 4)
        with p.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            indexes = {r[1] for r in conn.exec_driver_sql("PRAGMA index_list(segments)")}
        assert {"ix_segments_code_document", "ix_segments_document_start"} <= indexes
        backup = p.backup_path
    old = sqlite3.connect(backup)
    assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0007",)
    assert old.execute("SELECT count(*) FROM segments").fetchone() == (1,)
    old.close()


def test_a_merge_carries_images_and_regions(photo_project: Project, tmp_path: Path) -> None:
    p = photo_project
    p.code_region("salle", 0, 0, 10, 10, "Espace")
    other = p.copy_for_coder(tmp_path / "zoe.qdaw", "zoe")
    with Project.open(other) as copy:
        copy.code_region("salle", 5, 5, 10, 10, "Outils", memo="vu par Zoé")
        copy.import_file(write_png(tmp_path / "couloir.png", 8, 6), case="R3")
        copy.code_region("couloir", 1, 1, 2, 2, "Espace")
    p.merge(other)
    assert sorted(s.region for s in p.segments(document="salle")) == [
        (0, 0, 10, 10), (5, 5, 10, 10),
    ]  # fmt: skip
    assert p.document_image("couloir")[:3] == ("png", 8, 6)  # type: ignore[index]
    assert [s.region for s in p.segments(document="couloir")] == [(1, 1, 2, 2)]
    p.merge(other)  # again: everything matches, nothing is added
    assert len(p.segments()) == 3


def test_the_workbench_codes_a_region_dragged_over_the_image(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QColor, QImage

    from qdaw.gui.coding import QuickCodeBox
    from qdaw.gui.main_window import MainWindow
    from tests.gui_helpers import menu_action, when_modal

    picture = QImage(200, 150, QImage.Format.Format_RGB32)
    picture.fill(QColor("#c0c0ff"))
    assert picture.save(str(tmp_path / "atelier.png"))
    with Project.create(tmp_path / "w.qdaw", coder="ann") as p:
        doc_id = p.import_file(tmp_path / "atelier.png", case="R1").id
        p.add_code("Espace", color="#e6194b")
    main = MainWindow()
    qtbot.addWidget(main)
    assert main.open_project(str(tmp_path / "w.qdaw"))
    main.show()
    qtbot.waitExposed(main)
    main.open_document(doc_id)
    view = main.document.image_view
    assert main.document.is_image and main.document.text_view.isHidden()
    viewport = view.viewport()
    start = view.mapFromScene(20, 30)
    end = view.mapFromScene(90, 100)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2))
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    assert view.pending == (20, 30, 70, 70)

    def choose(box: QuickCodeBox) -> None:
        qtbot.keyClicks(box.field, "Espace")
        qtbot.keyClick(box.field, Qt.Key.Key_Return)

    when_modal(choose)
    menu_action(main, "Code", "Quick code…").trigger()
    project = main.session.require()
    (region,) = project.segments(document=doc_id)
    assert region.region == (20, 30, 70, 70) and region.code.name == "Espace"
    assert view.pending is None
    (item,) = view.region_items.values()
    assert item.rect().getRect() == (20.0, 30.0, 70.0, 70.0)
    assert (
        item.pen().color().name() == "#e6194b" and item.toolTip() == f"Espace\n{main.session.coder}"
    )
    menu_action(main, "Edit", "Undo Code as Espace").trigger()
    assert project.segments(document=doc_id) == [] and view.region_items == {}
    main.redo_action.trigger()
    assert len(view.region_items) == 1
    # Retrieval shows the region cut out of its picture, as a thumbnail.
    code_id = project.code("Espace").id
    main.codebook.tree.setCurrentIndex(main.codebook.model.index_of(code_id))
    panel = main.analysis
    panel.setCurrentWidget(panel.retrieval)
    passages = panel.retrieval.passages.passages
    qtbot.waitUntil(lambda: len(passages.passages) == 1)
    thumbnail = passages.passages[0].picture
    assert thumbnail is not None and thumbnail.width() == thumbnail.height() == 160
    assert thumbnail.pixelColor(80, 80).name() == "#c0c0ff"
    # A plain click draws nothing; the selected code then has nothing to apply to.
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=start)
    assert view.pending is None and not main.coding.apply([project.code("Espace").id])


def test_images_and_regions_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    with Project.create(pg_url, coder="ann") as p:
        p.import_file(write_jpeg(tmp_path / "salle.jpg", 40, 30), case="R1")
        p.add_code("Espace")
        p.code_region("salle", 2, 3, 10, 12, "Espace", memo="au fond")
        with pytest.raises(ConflictError, match="not inside"):
            p.code_region("salle", 35, 0, 10, 10, "Espace")
        p.undo()
        p.redo()
    with Project.open(pg_url) as p:
        (region,) = p.segments()
        assert region.region == (2, 3, 10, 12) and region.memo == "au fond"
        assert p.document_image("salle")[:3] == ("jpeg", 40, 30)  # type: ignore[index]
        assert p.document_image("salle")[3] == (tmp_path / "salle.jpg").read_bytes()  # type: ignore[index]
        assert p.retrieve()["region"].tolist() == ["2,3,10,12"]
        assert p.code_frequencies()["ratio"].tolist() == ["1/1"]


def test_the_cli_imports_an_image(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from qdaw.cli import main

    project = str(tmp_path / "cli.qdaw")
    assert main(["new", project]) == 0
    assert main(["import", project, str(write_png(tmp_path / "plan.png", 12, 9))]) == 0
    assert "imported plan.png → plan" in capsys.readouterr().out
    (tmp_path / "faux.jpg").write_text("pas une image", encoding="utf-8")
    assert main(["import", project, str(tmp_path / "faux.jpg")]) != 0
    assert "faux.jpg: not a JPEG image" in capsys.readouterr().err
    with Project.open(project) as p:
        assert p.document_image("plan")[:3] == ("png", 12, 9)  # type: ignore[index]


def test_a_0007_server_project_is_migrated(pg_url: str) -> None:
    engine = storage.server_engine(pg_url)
    storage.upgrade(engine, "0007")
    with engine.begin() as conn:
        for sql in (
            "INSERT INTO meta VALUES ('format', 'qdaw-project')",
            "INSERT INTO cases (id, name, created_at) VALUES (1, 'R1', '2020-05-14 10:00:00')",
            "INSERT INTO documents (id, name, imported_at, case_id) VALUES"
            " (1, 'r1', '2020-05-14 10:00:00', 1)",
            "INSERT INTO document_texts VALUES (1, 'Nous avons utilisé Moodle.')",
            "INSERT INTO codes (id, name, color, position, created_at) VALUES"
            " (1, 'Moodle', '#e6194b', 0, '2020-05-14 10:00:00')",
            "INSERT INTO segments (document_id, code_id, start_offset, end_offset, created_at)"
            " VALUES (1, 1, 19, 25, '2020-05-14 10:00:00')",
        ):
            conn.execute(text(sql))
    engine.dispose()
    with Project.open(pg_url, coder="ann") as p:
        assert [s.text for s in p.segments()] == ["Moodle"]
        with p.engine.begin() as conn, pytest.raises(Exception, match="ck_segment_span"):
            conn.execute(
                text("INSERT INTO segments (document_id, code_id, start_offset, end_offset,"
                     " created_at) VALUES (1, 1, 0, 0, '2020-05-14 10:00:00')")
            )  # fmt: skip


def test_a_segment_query_sees_overlapping_regions(photo_project: Project) -> None:
    p = photo_project
    inside = p.code_region("salle", 5, 5, 20, 20, "Outils")
    p.code_region("salle", 15, 15, 20, 20, "Espace")  # overlaps the first
    p.code_region("salle", 40, 30, 10, 5, "Outils")  # apart
    both = p.retrieve(query='"Outils" AND "Espace"')
    assert sorted(both.index) == sorted([inside.id, p.segments(code="Espace")[0].id])
    alone = p.retrieve(query='"Outils" AND NOT "Espace"')
    assert [p.segments(code="Outils")[1].id] == list(alone.index)
