"""The workbench, driven with pytest-qt on real widgets (offscreen)."""

from __future__ import annotations

import time
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from qdaw import Project
from qdaw.gui.coding import QuickCodeBox
from qdaw.gui.import_dialog import ImportDialog
from qdaw.gui.main_window import MainWindow
from qdaw.gui.passages import HTML
from qdaw.sample import build_sample
from tests.gui_helpers import answer_file_dialog, menu_action, when_modal


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    return build_sample(tmp_path / "referents.qdaw")


@pytest.fixture
def window(qtbot, sample_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    main = MainWindow()
    qtbot.addWidget(main)
    assert main.open_project(str(sample_path))
    main.show()
    qtbot.waitExposed(main)
    return main


def select_text(window: MainWindow, passage: str) -> tuple[int, int]:
    start = window.document.text.index(passage)
    window.document.select_range(start, start + len(passage))
    return start, start + len(passage)


def codebook_row(window: MainWindow, name: str) -> list[object]:
    model = window.codebook.model
    code_id = next(i for i, row in model.rows.items() if row.name == name)
    return [model.data(model.index_of(code_id, column)) for column in range(3)]


def test_title_welcome_and_first_document(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.windowTitle() == "referents — qdaw"
    assert window.document.document_id is not None
    assert window.document.text.startswith("Entretien avec le Référent 1")
    assert len(window.document.rows) == 13  # referent1's coded passages
    window.close_project()
    assert window.windowTitle() == "qdaw"
    assert window.stack.currentWidget() is window.welcome
    first_recent = window.welcome.recent.item(0).text()
    assert Path(first_recent).name == "referents.qdaw"  # the sample, just opened


def test_select_text_and_apply_a_code_by_double_click(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert codebook_row(window, "Rejet du numérique") == ["Rejet du numérique", 2, "1/8"]
    # The selection starts and ends inside words: it snaps to whole words.
    select_text(window, "ersonne avait réuss")
    code_id = next(
        i for i, r in window.codebook.model.rows.items() if r.name == "Rejet du numérique"
    )
    index = window.codebook.model.index_of(code_id)
    window.codebook.tree.doubleClicked.emit(index)
    project = window.session.require()
    (segment,) = [
        s for s in project.segments(code="Rejet du numérique") if s.document.name == "referent1"
    ]
    assert segment.text == "personne avait réussi"
    assert segment.coder == window.session.coder
    # Counts, highlight and stripe follow at once.
    assert codebook_row(window, "Rejet du numérique") == ["Rejet du numérique", 3, "2/8"]
    assert any(r.id == segment.id for r in window.document.rows)
    assert segment.id in window.document.margin.rows
    assert window.undo_action.text() == "Undo Code as Rejet du numérique"
    assert "all changes saved" in window.saved.text()


def test_emergent_code_from_the_quick_code_box_then_undo_and_redo(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    select_text(window, "C'est frustrant.")

    def type_new_code(box: QuickCodeBox) -> None:
        box.field.insert("Objectifs idéologiques/")  # QTest types ASCII only
        qtbot.keyClicks(box.field, "Frustration")
        qtbot.keyClick(box.field, Qt.Key.Key_Return)

    when_modal(type_new_code)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # the shortcut
    project = window.session.require()
    code = project.code("Objectifs idéologiques/Frustration")
    assert [s.text for s in project.segments(code=code)] == ["C'est frustrant."]
    assert codebook_row(window, "Frustration") == ["Frustration", 1, "1/8"]
    # One step created the code and coded the passage; one undo removes both.
    assert window.undo_action.text() == "Undo Code as Objectifs idéologiques/Frustration"
    window.undo_action.trigger()
    assert "Frustration" not in [c.name for c in project.codes()]
    assert window.redo_action.text() == "Redo Code as Objectifs idéologiques/Frustration"
    assert all(r.name != "Frustration" for r in window.codebook.model.rows.values())
    window.redo_action.trigger()
    assert codebook_row(window, "Frustration") == ["Frustration", 1, "1/8"]


def test_code_in_vivo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    select_text(window, "une vraie réussite du confinement")
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    project = window.session.require()
    assert [s.text for s in project.segments(code="une vraie réussite du confinement")] == [
        "une vraie réussite du confinement"
    ]


def test_delete_a_code_through_its_confirmation(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = window.codebook
    code_id = next(i for i, r in panel.model.rows.items() if r.name == "Objectifs cognitifs")
    seen: list[str] = []

    def cancel(box: QMessageBox) -> None:
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Cancel).click()

    when_modal(cancel)
    assert panel.delete(code_id) is False
    assert "4 sub-codes will be deleted too." in seen[0]
    assert "15 coded segments will be removed." in seen[0]  # 4 + 7 + 3 + 1
    assert "Objectifs cognitifs" in [r.name for r in panel.model.rows.values()]

    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    assert panel.delete(code_id) is True
    names = [r.name for r in panel.model.rows.values()]
    assert "Objectifs cognitifs" not in names and "Modalités d'évaluation" not in names
    window.undo_action.trigger()
    assert codebook_row(window, "Modalités d'évaluation") == ["Modalités d'évaluation", 7, "6/8"]


def test_new_code_from_the_codebook(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    def name_it(dialog: QInputDialog) -> None:
        dialog.setTextValue("Lassitude")
        dialog.accept()

    when_modal(name_it)
    code_id = window.codebook.new_code()
    assert code_id is not None and window.codebook.current_id() == code_id
    assert codebook_row(window, "Lassitude") == ["Lassitude", 0, "0/8"]


def test_move_a_code_by_drag_and_drop(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    model = window.codebook.model
    fraud = next(i for i, r in model.rows.items() if r.name == "Gestion de la fraude")
    target = next(i for i, r in model.rows.items() if r.name == "Objectifs cognitifs")
    data = model.mimeData([model.index_of(fraud)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index_of(target))
    project = window.session.require()
    assert project.code("Gestion de la fraude").path == "Objectifs cognitifs/Gestion de la fraude"
    assert model.child_ids[target][0] == fraud  # dropped first among its new siblings
    assert window.undo_action.text() == "Undo Move code"


def test_link_a_code_to_a_hypothesis_changes_its_coverage(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    project = window.session.require()
    with project.batch("Narrow H3"):
        for code in project.hypothesis("H3").codes():
            project.unlink_code(code, "H3")
        project.link_code("Manque de connaissances", "H3")
    hypotheses = window.hypotheses.model
    h3_row = next(i for i, r in enumerate(hypotheses.rows) if r.label == "H3")
    assert hypotheses.data(hypotheses.index(h3_row, 3)) == "1/8"
    codes = window.codebook.model
    fraud = next(i for i, r in codes.rows.items() if r.name == "Gestion de la fraude")
    data = codes.mimeData([codes.index_of(fraud)])
    assert hypotheses.dropMimeData(
        data, Qt.DropAction.CopyAction, -1, -1, hypotheses.index(h3_row, 0)
    )
    assert hypotheses.data(hypotheses.index(h3_row, 3)) == "6/8"  # Référents 1, 2, 3, 5, 7, 8
    assert hypotheses.data(hypotheses.index(h3_row, 2)) == "2"
    # The same step, and the same undo label, as the codebook's menu gives.
    assert window.undo_action.text() == "Undo Link Gestion de la fraude to H3"


def test_import_through_the_dialog_with_a_corrupt_file(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "new"
    folder.mkdir()
    document = docx.Document()
    document.add_paragraph("Q : Et vous ?\nR : J'ai formé mes collègues à Moodle.")
    document.save(str(folder / "referent9.docx"))
    (folder / "referent10.txt").write_bytes("Réponse en Windows-1252 : déjà fait.".encode("cp1252"))
    (folder / "referent11.docx").write_bytes(b"PK\x03\x04 broken")
    dialog = ImportDialog(window.session, [str(folder)], window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.by_pattern.setChecked(True)
    assert "referent9.docx → Référent 9" in dialog.preview.text()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.report.isVisible(), timeout=10000)
    # A failure to read: the dialog stays open with the report, and Import waits for
    # another choice of files (a second click would import the same ones again).
    assert dialog.isVisible() and not dialog.import_button.isEnabled()
    report = dialog.report.toPlainText()
    assert "2 documents imported." in report
    assert "referent11.docx: not a valid .docx" in report
    project = window.session.require()
    assert project.document("referent10").text == "Réponse en Windows-1252 : déjà fait."
    assert project.total_cases() == 10
    cases = [
        window.cases.model.data(window.cases.model.index(i, 0))
        for i in range(window.cases.model.rowCount())
    ]
    # Natural order: Référent 9 before Référent 10.
    assert cases.index("Référent 9  (1)") == cases.index("Référent 10  (1)") - 1
    assert codebook_row(window, "Information sur les outils de visioconférence")[2] == "8/10"
    assert window.undo_action.text() == "Undo Import 2 files"


def test_cancelled_import_adds_nothing(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Enough to read that the cancel, clicked at once, always comes before the end.
    for i in range(200):
        (tmp_path / f"r{i}.txt").write_text("Texte " * 10000, encoding="utf-8")
    dialog = ImportDialog(window.session, [str(tmp_path)], window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.import_button.click()
    dialog.cancel()  # while the worker reads
    qtbot.waitUntil(lambda: dialog.report.isVisible(), timeout=10000)
    assert "cancelled" in dialog.report.toPlainText()
    assert window.session.require().total_cases() == 8


def test_analysis_tabs_show_what_the_api_computes(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = window.analysis
    project = window.session.require()
    qtbot.waitUntil(lambda: panel.frequencies.model.rowCount() > 0)
    model = panel.frequencies.model
    shown = {model.values[r][0]: model.values[r][-1] for r in range(model.rowCount())}
    # Categories count the codes below them (marked Σ), as the codebook shows them.
    rolled = project.code_frequencies(rollup=True)
    assert shown == dict(zip(rolled["code"], rolled["ratio"], strict=True))
    category = next(
        r for r in range(model.rowCount()) if model.values[r][0] == "Objectifs cognitifs"
    )
    assert model.data(model.index(category, 0)) == "Σ Objectifs cognitifs"
    assert model.data(model.index(category, 7)) == "8/8"
    panel.own_only.setChecked(True)  # a category's own passages: none
    qtbot.waitUntil(lambda: panel.frequencies.model.values[category][-1] == "0/8")
    assert model.headerData(7, Qt.Orientation.Horizontal) == "k/N"
    panel.setCurrentWidget(panel.crosstab)
    panel.variable.setCurrentText("discipline")
    crosstab = panel.crosstab.model
    expected = project.crosstab("discipline", value="label", rollup=False)
    row = next(
        r for r in range(crosstab.rowCount()) if crosstab.values[r][0] == "Gestion de la fraude"
    )
    assert crosstab.values[row][1:] == expected.loc["Gestion de la fraude"].tolist()
    panel.setCurrentWidget(panel.matrix)
    matrix = panel.matrix.model
    assert matrix.header[1:] == [f"Référent {i}" for i in range(1, 9)]
    panel.setCurrentWidget(panel.hypotheses)
    assert [r[-1] for r in panel.hypotheses.model.values] == ["8/8", "8/8", "8/8"]


def test_retrieval_follows_the_codebook_selection_and_jumps(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = window.analysis
    panel.setCurrentWidget(panel.retrieval)
    window.codebook.select(
        next(i for i, r in window.codebook.model.rows.items() if r.name == "Rejet du numérique")
    )
    shown = panel.retrieval.passages.passages
    qtbot.waitUntil(lambda: shown.rowCount() == 2)
    assert [p.text for p in shown.passages] == [
        "m'ont dit qu'ils ne voulaient plus entendre parler du numérique",
        "le présentiel doit demeurer le principe",
    ]
    # Each passage is read in its paragraph, with who said it, where, under which code.
    first = shown.passages[0]
    assert first.heading.startswith("Référent ") and "Rejet du numérique" in first.heading
    assert first.before and first.after and "#" not in first.heading
    assert "segment_id" not in panel.retrieval.exported_frame().columns
    view = panel.retrieval.passages
    rect = view.visualRect(shown.index(1, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert (
        window.document.text[slice(*window.document.selection())]
        == "le présentiel doit demeurer le principe"
    )
    assert window.windowTitle() == "referents — qdaw"


def test_segment_context_actions(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    project = window.session.require()
    row = window.document.rows[0]
    window.coding.extend_to_paragraph(row.id, row.start, row.end)
    extended = project.segments(document="referent1")[0]
    assert extended.text.startswith("R : Tout s'est accéléré") and extended.text.endswith(
        "pas le faire."
    )
    window.coding.remove(row.id)
    assert row.id not in [r.id for r in window.document.rows]
    assert window.undo_action.text() == "Undo Remove coding"


def test_find_in_document_and_in_project(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.document.find_bar
    assert bar.isVisible()
    qtbot.keyClicks(bar.field, "moodle")
    assert len(bar.matches) == 5
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert window.document.text[slice(*window.document.selection())] == "Moodle"
    window.find_in_project()
    window.search.field.setText("evaluation")  # accents ignored
    with qtbot.waitSignal(window.search.searched, timeout=20000):
        window.search.search()
    hits = window.search.model.hits
    assert len(hits) == len(window.session.require().find_text("evaluation")) > 5
    target = next(i for i, h in enumerate(hits) if h.document == "referent5")
    window.search.table.clicked.emit(window.search.model.index(target, 0))
    assert window.document.text[slice(*window.document.selection())].lower() == "évaluation"


def test_stripes_paint_only_what_is_visible(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    margin = window.document.margin
    margin.repaint()
    assert 0 < margin.last_painted < len(window.document.rows)
    first, last = margin.visible_range()
    assert margin.last_painted == len(margin.layout_.visible(first, last))
    # Hovering a stripe highlights its passage; clicking selects the segment.
    rect, segment_id = next((r, s) for r, s in margin.painted if r.height() > 4)
    qtbot.mouseMove(margin, rect.center())
    assert margin.hovered_id == segment_id
    qtbot.mouseClick(margin, Qt.MouseButton.LeftButton, pos=rect.center())
    row = next(r for r in window.document.rows if r.id == segment_id)
    assert window.document.selection() == (row.start, row.end)


def test_reopening_shows_everything(qtbot, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow()
    qtbot.addWidget(first)
    first.open_project(str(sample_path))
    select_text(first, "C'est frustrant.")
    first.coding.code_with_name("Frustration", first.coding.span() or (0, 0))
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.open_project(str(sample_path))
    assert codebook_row(second, "Frustration") == ["Frustration", 1, "1/8"]
    assert any(r.code == "Frustration" for r in second.document.rows)
    with Project.open(sample_path) as project:
        assert [s.text for s in project.segments(code="Frustration")] == ["C'est frustrant."]


def test_not_a_project_is_a_clear_error(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    main = MainWindow()
    qtbot.addWidget(main)
    notes = tmp_path / "notes.qdaw"
    notes.write_text("pas un projet")
    messages: list[str] = []
    when_modal(lambda box: (messages.append(box.text() + box.informativeText()), box.accept()))
    assert main.open_project(str(notes)) is False
    qtbot.waitUntil(lambda: bool(messages))
    assert "notes.qdaw: not a qdaw project" in messages[0]
    assert "Choose a qdaw project file" in messages[0]
    assert notes.read_text() == "pas un projet"


def test_a_segment_context_menu_acts_on_its_segment(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    row = window.document.rows[0]
    menu = window.coding.build_segment_menu([row.id])
    actions = {action.text(): action for action in menu.actions()}
    assert list(actions)[:2] == [row.code, "Remove coding"]
    assert not actions["Resize to selection"].isEnabled()  # nothing selected
    assert "Extend to paragraph" in actions and "Edit memo…" in actions
    actions["Remove coding"].trigger()
    assert row.id not in [r.id for r in window.document.rows]
    assert window.undo_action.text() == "Undo Remove coding"
    # With a selection, the menu also offers to code it, and to resize onto it.
    select_text(window, "Tout s'est accéléré")
    other = window.document.rows[0]
    menu = window.coding.build_segment_menu([other.id])
    assert [a.text() for a in menu.actions()][:2] == ["Code selection…", "Code in vivo"]
    submenu = next(a.menu() for a in menu.actions() if a.menu() is not None)
    resize = next(a for a in submenu.actions() if a.text() == "Resize to selection")
    assert resize.isEnabled()
    resize.trigger()
    assert window.session.require().segments(document="referent1")[0].text == "Tout s'est accéléré"


def test_window_layout_is_remembered(qtbot, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow()
    qtbot.addWidget(first)
    first.open_project(str(sample_path))
    first.show()
    qtbot.wait(150)  # the first start's proportions are in
    first.docks["search"].show()
    first.docks["hypotheses"].hide()
    first.resizeDocks([first.docks["codes"]], [300], Qt.Orientation.Horizontal)
    qtbot.wait(50)
    width = first.docks["codes"].width()
    first.close()  # saves geometry and dock state
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    qtbot.wait(50)
    from qdaw.gui.session import settings

    # (the offscreen screen is too small to check the restored size itself)
    assert settings().value("window/geometry") is not None
    # Without a project the welcome page stands alone; the panels come back with one.
    assert not any(dock.isVisible() for dock in second.docks.values())
    second.open_project(str(sample_path))
    qtbot.wait(50)
    assert second.docks["search"].isVisible() and not second.docks["hypotheses"].isVisible()
    assert abs(second.docks["codes"].width() - width) <= 4


def test_variables_grid_edits_and_imports(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from qdaw.gui.dialogs import VariablesDialog

    dialog = VariablesDialog(window.session, window)
    qtbot.addWidget(dialog)
    model = dialog.model
    assert model.variables == ["discipline", "composante", "anciennete", "enseignants_accompagnes"]
    row = model.cases.index("Référent 3")
    index = model.index(row, model.variables.index("discipline"))
    assert model.data(index) == "SHS"
    assert model.setData(index, "sciences")
    project = window.session.require()
    assert project.case("Référent 3").variables["discipline"] == "sciences"
    assert window.undo_action.text() == "Undo Set discipline"
    csv = tmp_path / "extra.csv"
    csv.write_text("case;genre\nRéférent 1;F\nRéférent 2;H\n", encoding="utf-8")
    project.import_variables(csv)
    qtbot.waitUntil(lambda: "genre" in model.variables)  # the grid follows the project
    assert window.analysis.variable.findText("genre") >= 0  # and so does the crosstab
    # Typed in the grid as a person does: a number variable refuses words, and says why.
    dialog.show()
    qtbot.waitExposed(dialog)
    header = dialog.table.horizontalHeader()
    for column, name in enumerate(model.variables):  # no header is clipped
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(name)
    cell = model.index(model.cases.index("Référent 3"), model.variables.index("anciennete"))
    before = model.data(cell)
    for typed in ("deux ans", "12"):
        dialog.table.setCurrentIndex(cell)
        dialog.table.edit(cell)
        qtbot.waitUntil(lambda: any(e.isVisible() for e in dialog.table.findChildren(QLineEdit)))
        editor = next(e for e in dialog.table.findChildren(QLineEdit) if e.isVisible())
        editor.selectAll()
        qtbot.keyClicks(editor, typed)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.wait(20)
        if typed == "deux ans":
            assert dialog.last_error is not None and dialog.last_error.isVisible()
            assert "“deux ans” is not a whole number" in dialog.last_error.text()
            assert "respondent Référent 3, anciennete:" in dialog.last_error.text()
            dialog.last_error.close()
            assert model.data(cell) == before
    qtbot.waitUntil(lambda: model.data(cell) == "12")
    assert project.variable_types()["anciennete"] == "integer"
    assert project.case("Référent 3").variables["anciennete"] == 12


def test_drop_a_code_on_the_selection_and_rename_in_the_tree(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    select_text(window, "C'est frustrant.")
    model = window.codebook.model
    code_id = next(i for i, r in model.rows.items() if r.name == "Envie d'aller plus loin")
    data = model.mimeData([model.index_of(code_id)])
    view = window.document.text_view
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    view.dropEvent(event)
    project = window.session.require()
    texts = [s.text for s in project.segments(code="Envie d'aller plus loin")]
    assert "C'est frustrant." in texts
    assert model.setData(model.index_of(code_id), "Aller plus loin")
    assert project.code(code_id).name == "Aller plus loin"
    assert any(r.code == "Aller plus loin" for r in window.document.rows)  # stripes follow
    assert not model.setData(model.index_of(code_id), "Rejet du numérique")  # a sibling's name


def test_files_dropped_on_the_window_are_imported(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    path = tmp_path / "referent12.txt"
    path.write_text("Réponse déposée sur la fenêtre.", encoding="utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    window.dropEvent(event)
    project = window.session.require()
    qtbot.waitUntil(lambda: "referent12" in [d.name for d in project.documents()], timeout=10000)
    assert project.document("referent12").text == "Réponse déposée sur la fenêtre."


def test_index_in_the_background_then_search_by_lemma(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    results: list[int] = []
    ticks: list[int] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(len(results)))
    timer.start(20)
    started = time.perf_counter()
    worker = window.index_text()
    worker.signals.finished.connect(results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=60000)
    took = time.perf_counter() - started
    timer.stop()
    assert results == [9]
    # The window kept handling events while spaCy worked: its 20 ms timer fired at least
    # once per 60 ms of indexing (spaCy may be loaded already, and then indexing is quick).
    assert ticks.count(0) >= min(5, int(took / 0.06))
    window.find_in_project()
    panel = window.search
    panel.mode.setCurrentIndex(panel.mode.findData("lemma"))
    panel.field.setText("vouloir")
    with qtbot.waitSignal(panel.searched, timeout=20000):
        panel.search()
    model = panel.model
    found = {(h.case, h.match) for h in model.hits}
    assert ("Référent 3", "voulaient") in found and ("Référent 8", "veulent") in found
    hit = next(i for i, h in enumerate(model.hits) if h.case == "Référent 8")
    # Each hit reads as the sentence around the match, the match highlighted, with who
    # said it where; nothing internal.
    passage = model.passages[hit]
    text = window.session.require().document_text(passage.document_id)
    assert passage.text == "veulent" == text[passage.start : passage.end]
    assert text[passage.start - len(passage.before) : passage.end + len(passage.after)] == (
        passage.before + passage.text + passage.after
    )
    assert passage.heading == "Référent 8 · referent8"
    assert "<span" in model.data(model.index(hit, 0), HTML) and "#" not in passage.heading
    panel.table.clicked.emit(model.index(hit, 0))
    assert window.document.text[slice(*window.document.selection())] == "veulent"


def test_autocode_the_hits_of_a_search_after_a_preview(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from qdaw.gui.autocode_dialog import AutocodeDialog

    project = window.session.require()
    results: list[int] = []
    window.index_text().signals.finished.connect(results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=60000)
    panel = window.search
    panel.mode.setCurrentIndex(panel.mode.findData("exact"))
    panel.field.setText("fraude")
    with qtbot.waitSignal(panel.searched, timeout=20000):
        panel.search()
    assert panel.autocode_button.isEnabled()
    dialogs: list[AutocodeDialog] = []
    when_modal(lambda d: dialogs.append(d))  # type: ignore[arg-type]
    panel.autocode()
    qtbot.waitUntil(lambda: bool(dialogs))
    dialog = dialogs[0]
    every = len(dialog.spans)
    dialog.unit.setCurrentIndex(dialog.unit.findData("sentence"))
    dialog.respondents.setChecked(True)
    planned = project.enclosing_passages(
        [(h.document_id, h.start, h.end) for h in panel.model.hits], "sentence", ["respondent"]
    )
    assert dialog.spans == planned and 0 < len(planned) <= every
    assert dialog.preview.rowCount() == len(planned)
    assert all(project.document_text(d)[s:e].rstrip().endswith((".", "?", "!", "…"))
               for d, s, e in planned)  # fmt: skip
    dialog.code.setCurrentText("Triche (autocodée)")
    dialog.apply()
    assert dialog.created == len(planned)
    coded = project.segments(code="Triche (autocodée)")
    assert sorted((s.document.id, s.start, s.end) for s in coded) == planned
    assert project.undo_label == "Autocode Triche (autocodée)"
    project.undo()  # the new code and its passages went in one step
    assert "Triche (autocodée)" not in {row.name for row in project.code_rows()}


def test_code_this_sentence_and_paragraph(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    project = window.session.require()
    start = window.document.text.index("C'est frustrant")
    window.document.select_range(start + 3, start + 3)  # a click inside the sentence
    assert window.coding.code_unit("paragraph", "Frustration")
    # Not indexed yet: the paragraph comes from line breaks, without the speaker's label.
    assert [s.text for s in project.segments(code="Frustration")] == [
        "Non, je n'ai pas eu le temps. Je répondais à une demande, puis à une autre, "
        "et je ne savais pas si la personne avait réussi. C'est frustrant."
    ]
    results: list[int] = []
    window.index_text().signals.finished.connect(results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=60000)
    window.document.select_range(start + 3, start + 3)
    assert window.coding.code_unit("sentence", "Frustration")
    assert "C'est frustrant." in [s.text for s in project.segments(code="Frustration")]
    # A selection across two sentences widens to both, whole.
    inside = window.document.text.index("puis à une autre")
    window.document.select_range(inside, start + 5)
    span = window.coding.snap_selection("sentence")
    assert span is not None
    assert window.document.text[slice(*span)] == (
        "Je répondais à une demande, puis à une autre, et je ne savais pas si la personne "
        "avait réussi. C'est frustrant."
    )


def test_report_button_writes_the_report_on_a_worker(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "rapport.docx"
    written: list[str] = []
    worker = window.analysis.start_report(str(path))
    worker.signals.finished.connect(written.append)
    qtbot.waitUntil(lambda: bool(written), timeout=60000)
    assert written == [str(path)]
    headings = [
        p.text for p in docx.Document(str(path)).paragraphs if p.style.name.startswith("Heading")
    ]
    assert any(h.startswith("H1 — ") for h in headings)


def test_export_workbook_from_the_window(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    answer_file_dialog(str(tmp_path / "study"), "Excel workbook (*.xlsx)")
    menu_action(window, "File", "Export workbook (XLSX)…").trigger()
    book = openpyxl.load_workbook(tmp_path / "study.xlsx")
    assert "Crosstab discipline" in book.sheetnames and "Segments" in book.sheetnames
    # anciennete has 8 distinct values: crossed value by value, not binned
    assert [c.value for c in book["Crosstab anciennete"][1]][1:3] == ["2", "3"]
    assert "Workbook written" in window.statusBar().currentMessage()


def test_merge_recolour_and_describe_through_their_dialogs(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog

    panel = window.codebook
    project = window.session.require()
    source = project.code("Recours à la DSIN").id
    target = project.code("Ressources de l'ENT").id

    def choose_target(dialog: QInputDialog) -> None:
        dialog.setTextValue("Ressources en réseau/Ressources de l'ENT")
        dialog.accept()

    when_modal(choose_target)
    panel.merge(source)
    assert [s.code.id for s in project.segments(code=target)] == [target, target]
    assert codebook_row(window, "Ressources de l'ENT") == ["Ressources de l'ENT", 2, "2/8"]

    def pick(dialog: QColorDialog) -> None:
        dialog.setCurrentColor(QColor("#123456"))
        dialog.accept()

    when_modal(pick)
    panel.recolor(target)
    assert project.code(target).color == "#123456"

    def define(dialog: QInputDialog) -> None:
        dialog.setTextValue("Guides et ressources de l'ENT")
        dialog.accept()

    when_modal(define)
    panel.describe(target)
    assert project.code(target).description == "Guides et ressources de l'ENT"
    assert window.undo_action.text() == "Undo Describe Ressources de l'ENT"


def test_review_names_and_export_anonymised_documents(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    project = window.session.require()
    project.add_document(
        "notes", "R : J'ai travaillé avec Marie Dupont à Rennes. Mme Dupont gère Moodle.",
        case="Référent 1",
    )  # fmt: skip
    dialog = window.names_dialog()
    dialog.detect()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=60000)
    names = {row["name"]: row for row in dialog.model.rows}
    assert {"Marie Dupont", "Dupont", "Rennes"} <= set(names)
    assert window.undo_action.text() == "Undo Detect names"  # one step of this window

    def select(*wanted: str) -> None:
        dialog.table.clearSelection()
        for row in range(dialog.proxy.rowCount()):
            if dialog.proxy.index(row, 0).data() in wanted:
                dialog.table.selectRow(row)

    from PySide6.QtWidgets import QAbstractItemView

    dialog.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
    select("Marie Dupont")
    assert "<b>Marie Dupont</b>" in dialog.mentions.text()  # its context, to decide
    select("Marie Dupont", "Dupont", "Rennes")
    dialog.decide(True)
    accepted = project.entities("accepted").set_index("name")["pseudonym"].to_dict()
    assert accepted["Marie Dupont"] == accepted["Dupont"] == "[Personne 1]"
    assert accepted["Rennes"] == "[Lieu 1]"
    select("Moodle")
    if dialog.selected_ids():
        dialog.decide(False)
    # The pseudonym column is edited in place.
    row = next(r for r in range(dialog.proxy.rowCount())
               if dialog.proxy.index(r, 0).data() == "Rennes")  # fmt: skip
    dialog.proxy.setData(dialog.proxy.index(row, 4), "[Ville]")
    assert project.entities("accepted").set_index("name").loc["Rennes", "pseudonym"] == "[Ville]"
    assert dialog.add_name("Faculté des sciences", "organisation") == "[Organisation 1]"
    assert dialog.export_documents(str(tmp_path / "anon")) == 10
    notes = (tmp_path / "anon" / "Référent 1 - notes.txt").read_text(encoding="utf-8")
    assert notes == "R : J'ai travaillé avec [Personne 1] à [Ville]. Mme [Personne 1] gère Moodle."
    # The toggle makes every export anonymised, the report's quotes included.
    dialog.anonymise.setChecked(True)
    assert window.session.anonymise_exports
    code = project.add_code("Collègues")
    notes_text = project.document("notes").text
    project.code_segment("notes", 4, notes_text.index("Moodle"), code)
    window.export_workbook(str(tmp_path / "study.xlsx"))
    import openpyxl

    sheet = openpyxl.load_workbook(tmp_path / "study.xlsx")["Segments"]
    passages = [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value]
    assert "J'ai travaillé avec [Personne 1] à [Ville]. Mme [Personne 1] gère " in passages
    assert not any("Dupont" in passage for passage in passages)
    dialog.anonymise.setChecked(False)
    assert notes_text.startswith("R : J'ai travaillé avec Marie Dupont")


def test_distinctive_words_and_code_suggestions_in_the_workbench(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    project = window.session.require()
    text = "R : Les étudiants trichent aux examens en ligne et la fraude nous inquiète."
    new = project.add_document("new", text, case="Référent 9").id
    results: list[int] = []
    window.index_text().signals.finished.connect(results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=60000)
    fraud = project.code("Gestion de la fraude").id
    dialog = window.codebook.distinctive_words(fraud)
    qtbot.waitUntil(lambda: dialog.frame is not None, timeout=30000)
    assert dialog.proxy.index(0, 0).data() == "fraude"
    assert "phrase" in set(dialog.frame["kind"])
    written = dialog.export(str(tmp_path / "words.csv"))
    assert written is not None and "fraude" in Path(written).read_text(encoding="utf-8")
    # An uncoded passage about cheating: the fraud code is suggested; choosing it codes.
    window.open_document(new)
    at, passage = 4, text[4:]
    window.document.select_range(at, at + len(passage))
    worker = window.coding.suggest()
    assert worker is not None
    frames: list[object] = []
    worker.signals.finished.connect(frames.append)
    qtbot.waitUntil(lambda: bool(frames), timeout=30000)
    frame = frames[0]
    menu = window.coding.build_suggestions_menu(frame, (at, at + len(passage)))  # type: ignore[arg-type]
    actions = [a for a in menu.actions() if a.isEnabled()]
    assert actions and actions[0].text().startswith("Gestion de la fraude")
    before = len(project.segments(code="Gestion de la fraude"))
    actions[0].trigger()
    assert len(project.segments(code="Gestion de la fraude")) == before + 1
    assert window.coding.suggestions is not None
    window.coding.suggestions.close()


def test_apply_a_rule_file_after_its_preview(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project = window.session.require()
    results: list[int] = []
    window.index_text().signals.finished.connect(results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=60000)
    rules = tmp_path / "rules.json"
    rules.write_text('{"rules": [{"code": "Outils/Visio", "patterns": '
                     '[[{"LOWER": {"IN": ["zoom", "teams", "skype"]}}]]}]}', "utf-8")  # fmt: skip
    boxes: list[QMessageBox] = []
    when_modal(lambda box: boxes.append(box))  # type: ignore[arg-type]
    with qtbot.waitSignal(window.rules.previewed, timeout=30000) as shown:
        window.rules.preview(str(rules))
    qtbot.waitUntil(lambda: bool(boxes))
    planned = int(shown.args[0].iloc[0]["passages"])
    assert planned > 0 and f"Outils/Visio: {planned} passages" in boxes[0].informativeText()
    boxes[0].button(QMessageBox.StandardButton.Yes).click()
    assert len(project.segments(code="Outils/Visio")) == planned
    assert window.undo_action.text() == "Undo Apply rules rules.json"


def test_exported_documents_named_alike_and_replaced_files_are_said(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

    from qdaw.gui.names_dialog import NamesDialog

    project = window.session.require()
    for name in ("Marie", "marie"):  # one file where case does not count
        project.add_document(name, f"{name} parle.", case="Référent 9")
    total = len(project.documents())
    folder = tmp_path / "anon"
    folder.mkdir()
    menu_action(window, "File", "Names and anonymisation…").trigger()
    dialog = next(d for d in window.findChildren(NamesDialog) if d.isVisible())
    export = next(
        b for b in dialog.findChildren(QPushButton) if b.text() == "Export anonymised documents…"
    )

    def choose_folder(chooser: QWidget) -> None:
        assert isinstance(chooser, QFileDialog)
        chooser.setDirectory(str(folder))
        chooser.accept()

    when_modal(choose_folder)
    export.click()
    assert dialog.message.text() == f"{total} anonymised documents written to {folder}"
    assert (folder / "Référent 9 - Marie.txt").read_text(encoding="utf-8") == "Marie parle."
    assert (folder / "Référent 9 - marie (2).txt").read_text(encoding="utf-8") == "marie parle."
    when_modal(choose_folder)
    export.click()
    assert dialog.message.text().endswith(f"({total} files of the same name replaced)")
    assert len(list(folder.iterdir())) == total
