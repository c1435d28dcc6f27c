"""View ▸ Memos…: the memo manager driven as a researcher does: filter, choose, edit,
save (Ctrl+S, another row, the focus leaving), undo, go to, export, two writers."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from qdaw import Project
from qdaw.gui.main_window import MainWindow
from qdaw.gui.memo_manager import MemoManager
from tests.gui_helpers import answer_file_dialog, focus, menu_action, when_modal
from tests.test_memos import TEXT, memo_study


def open_window(qtbot, path: Path, read_only: bool = False) -> MainWindow:  # type: ignore[no-untyped-def]
    main = MainWindow()
    qtbot.addWidget(main)
    assert main.open_project(str(path), read_only=read_only)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    memo_study(tmp_path / "mémos.qdaw").close()
    return open_window(qtbot, tmp_path / "mémos.qdaw")


def open_manager(qtbot, window: MainWindow) -> MemoManager:  # type: ignore[no-untyped-def]
    menu_action(window, "View", "Memos…").trigger()
    manager = next(d for d in window.dialogs if isinstance(d, MemoManager))
    qtbot.waitExposed(manager)
    return manager


def listed(manager: MemoManager) -> list[str]:
    proxy = manager.proxy
    return [str(proxy.index(r, 1).data()) for r in range(proxy.rowCount())]


def press_row(qtbot, manager: MemoManager, belongs_to: str) -> None:  # type: ignore[no-untyped-def]
    row = listed(manager).index(belongs_to)
    rect = manager.table.visualRect(manager.proxy.index(row, 1))
    qtbot.mouseClick(manager.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_row(qtbot, manager: MemoManager, belongs_to: str) -> None:  # type: ignore[no-untyped-def]
    press_row(qtbot, manager, belongs_to)
    assert manager.current is not None and manager.current.belongs_to == belongs_to


def type_in(qtbot, manager: MemoManager, text: str) -> None:  # type: ignore[no-untyped-def]
    focus(qtbot, manager)
    manager.editor.setFocus()
    manager.editor.moveCursor(manager.editor.textCursor().MoveOperation.End)
    type_text(manager.editor, text)


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying each character (QTest's keyClicks knows ASCII only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


SEGMENT = "Thème/Précarité · entretien-é (Éloïse) 0–27"
SECOND = f"Thème/Précarité · entretien-é (Éloïse) 28–{len(TEXT)}"


def test_filter_choose_edit_save_and_undo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    manager = open_manager(qtbot, window)
    assert listed(manager) == ["mémos", "entretien-é (Éloïse)", "Éloïse", "Thème/Précarité",
                               "H1 — La précarité pèse", SEGMENT, SECOND]  # fmt: skip
    assert manager.current is not None and manager.current.kind == "project"
    manager.kinds.setCurrentIndex(manager.kinds.findText("Code"))
    assert listed(manager) == ["Thème/Précarité"]
    manager.kinds.setCurrentIndex(0)
    qtbot.keyClicks(manager.search, "ETUDIANTE")  # case and accents ignored
    assert listed(manager) == [SEGMENT]
    manager.search.clear()
    click_row(qtbot, manager, SEGMENT)
    assert manager.editor.toPlainText() == "Passage clé : « étudiante »"
    assert "Je suis étudiante en thèse." in manager.heading.text()  # its passage
    type_in(qtbot, manager, " — relu, à citer")
    rows = manager.model.rows
    qtbot.keyClick(manager.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert manager.model.rows is rows  # its own save changes that row, reads nothing
    project = window.session.require()
    segment = project.segments("entretien-é")[0]
    assert segment.memo == "Passage clé : « étudiante » — relu, à citer"
    proxy_row = listed(manager).index(SEGMENT)
    assert manager.proxy.index(proxy_row, 2).data().endswith("relu, à citer")  # the list too
    undo = menu_action(window, "Edit", "Undo Edit memo")
    undo.trigger()
    assert manager.model.rows is not rows  # read again
    assert segment.memo == "Passage clé : « étudiante »"
    assert manager.editor.toPlainText() == "Passage clé : « étudiante »"
    assert manager.current is not None and manager.current.belongs_to == SEGMENT


def test_another_row_and_the_focus_leaving_save(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    manager = open_manager(qtbot, window)
    project = window.session.require()
    click_row(qtbot, manager, "Thème/Précarité")
    type_in(qtbot, manager, " (saturé)")
    click_row(qtbot, manager, "Éloïse")  # choosing another row saves the first
    assert project.code("Précarité").memo == "Code émergent après trois entretiens (saturé)"
    assert manager.editor.toPlainText() == "Doctorante en 3e année"
    type_in(qtbot, manager, ", financée")
    manager.search.setFocus()  # the focus leaves the editor
    qtbot.waitUntil(lambda: project.case("Éloïse").memo == "Doctorante en 3e année, financée")
    type_in(qtbot, manager, " !")
    manager.close()  # closing saves too
    assert project.case("Éloïse").memo == "Doctorante en 3e année, financée !"


def test_the_empty_project_memo_is_reachable(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with Project.create(tmp_path / "vide.qdaw") as p:
        p.add_document("e1", "Texte.", case="A")
    window = open_window(qtbot, tmp_path / "vide.qdaw")
    manager = open_manager(qtbot, window)
    assert listed(manager) == ["vide"] and manager.proxy.index(0, 2).data() == "(empty)"
    type_in(qtbot, manager, "Premières impressions")
    qtbot.mouseClick(manager.save_button, Qt.MouseButton.LeftButton)
    assert window.session.require().memo("project") == "Premières impressions"
    assert not manager.go_button.isEnabled()  # nothing to go to


def test_each_row_goes_to_what_it_belongs_to(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    manager = open_manager(qtbot, window)
    project = window.session.require()
    document = project.document("entretien-é").id
    window.open_document(project.document("entretien-2").id)
    click_row(qtbot, manager, SEGMENT)
    qtbot.mouseClick(manager.go_button, Qt.MouseButton.LeftButton)
    assert window.document.document_id == document and window.document.selection() == (0, 27)
    window.open_document(project.document("entretien-2").id)
    click_row(qtbot, manager, "entretien-é (Éloïse)")
    rect = manager.table.visualRect(manager.proxy.index(1, 1))
    qtbot.mouseDClick(manager.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.document.document_id == document
    click_row(qtbot, manager, "Thème/Précarité")
    qtbot.mouseClick(manager.go_button, Qt.MouseButton.LeftButton)
    assert window.codebook.selected_ids() == [project.code("Précarité").id]
    click_row(qtbot, manager, "Éloïse")
    qtbot.mouseClick(manager.go_button, Qt.MouseButton.LeftButton)
    case = window.cases.model.case_row(window.cases.tree.currentIndex())
    assert case is not None and case.name == "Éloïse"
    window.docks["hypotheses"].hide()
    click_row(qtbot, manager, "H1 — La précarité pèse")
    qtbot.mouseClick(manager.go_button, Qt.MouseButton.LeftButton)
    assert window.docks["hypotheses"].isVisible()
    rows = window.hypotheses.table.selectionModel().selectedRows()
    assert [window.hypotheses.model.rows[r.row()].label for r in rows] == ["H1"]


def test_export_through_the_save_dialog(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    manager = open_manager(qtbot, window)
    manager.kinds.setCurrentIndex(manager.kinds.findText("Segment"))
    answer_file_dialog(str(tmp_path / "passages"), "Markdown (*.md)")
    qtbot.mouseClick(manager.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (tmp_path / "passages.md").exists(), timeout=30000)
    text = (tmp_path / "passages.md").read_text("utf-8")
    assert "## Coded passages" in text and "> Je suis étudiante en thèse." in text
    assert "## Codes" not in text  # the kind chosen
    manager.kinds.setCurrentIndex(0)
    answer_file_dialog(str(tmp_path / "tout"), "Word document (*.docx)")
    qtbot.mouseClick(manager.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (tmp_path / "tout.docx").exists(), timeout=30000)
    headings = [p.text for p in docx.Document(str(tmp_path / "tout.docx")).paragraphs][:3]
    assert headings == ["Memos — mémos", "Project memo", "Mémo général du projet"]
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Memos written:"))


def test_two_writers(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    manager = open_manager(qtbot, window)
    project = window.session.require()
    click_row(qtbot, manager, "Thème/Précarité")
    with Project.open(project.location, coder="marc") as other:
        other.set_memo(other.code("Précarité"), "Marc : à fusionner ?")
        # Their edit reaches the list and the editor (nothing was being typed here).
        qtbot.waitUntil(lambda: manager.editor.toPlainText() == "Marc : à fusionner ?")
        type_in(qtbot, manager, " Non.")
        other.set_memo(other.code("Précarité"), "Marc : à fusionner, décidément")
        qtbot.waitUntil(lambda: "décidément" in listed_memos(manager))
        assert manager.editor.toPlainText() == "Marc : à fusionner ? Non."  # kept
        qtbot.keyClick(manager.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert project.code("Précarité").memo == "Marc : à fusionner, décidément"  # theirs kept
        assert manager.notice.isVisible() and "décidément" in manager.notice.text()
        assert manager.editor.toPlainText() == "Marc : à fusionner ? Non."  # mine too
        press_row(qtbot, manager, "Éloïse")  # refused: the edit stays on screen
        assert manager.current is not None and manager.current.belongs_to == "Thème/Précarité"
        qtbot.mouseClick(manager.keep_mine, Qt.MouseButton.LeftButton)
        assert project.code("Précarité").memo == "Marc : à fusionner ? Non."
        assert not manager.notice.isVisible()
        type_in(qtbot, manager, " Si.")
        other.set_memo(other.code("Précarité"), "Marc, en dernier")
        manager.save()
        qtbot.mouseClick(manager.take_theirs, Qt.MouseButton.LeftButton)
        assert manager.editor.toPlainText() == "Marc, en dernier"
        assert project.code("Précarité").memo == "Marc, en dernier"


def listed_memos(manager: MemoManager) -> str:
    proxy = manager.proxy
    return "\n".join(str(proxy.index(r, 2).data()) for r in range(proxy.rowCount()))


def test_read_only_projects_are_read(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    memo_study(tmp_path / "lu.qdaw").close()
    window = open_window(qtbot, tmp_path / "lu.qdaw", read_only=True)
    manager = open_manager(qtbot, window)
    click_row(qtbot, manager, "Éloïse")
    assert manager.editor.isReadOnly() and not manager.save_button.isEnabled()
    assert "read-only" in manager.editor.toolTip()
    assert manager.editor.toPlainText() == "Doctorante en 3e année"
    qtbot.mouseClick(manager.go_button, Qt.MouseButton.LeftButton)  # reading still goes


def test_closing_the_project_saves_the_edit(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    manager = open_manager(qtbot, window)
    location = window.session.require().location
    click_row(qtbot, manager, "H1 — La précarité pèse")
    type_in(qtbot, manager, " Fait.")
    menu_action(window, "File", "Close project").trigger()
    assert window.session.project is None
    with Project.open(location) as p:
        assert p.hypothesis("H1").memo == "À vérifier auprès des répondants Fait."


def test_in_french(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTranslator

    from qdaw.gui.app import I18N

    translator = QTranslator()
    assert translator.load("qdaw_fr", str(I18N))
    QApplication.instance().installTranslator(translator)
    try:
        manager = MemoManager(window.session, window)  # (made in French)
        qtbot.addWidget(manager)
        manager.show()
        assert manager.windowTitle() == "Mémos"
        assert manager.model.headerData(1, Qt.Orientation.Horizontal, 0) == "Rattaché à"
        assert [manager.kinds.itemText(i) for i in range(3)] == [
            "Tous les types", "Projet", "Document",
        ]  # fmt: skip
        assert manager.proxy.index(2, 0).data() == "Répondant"
        click_row(qtbot, manager, SEGMENT)
        assert "« Je suis étudiante en thèse. »" in manager.heading.text()
        # The export's headings follow the interface's language.
        answer_file_dialog(str(tmp_path / "notes"), "Document Word (*.docx)")
        qtbot.mouseClick(manager.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: (tmp_path / "notes.docx").exists(), timeout=30000)
        texts = [p.text for p in docx.Document(str(tmp_path / "notes.docx")).paragraphs]
        assert texts[:2] == ["Mémos — mémos", "Mémo du projet"]
        assert "Passages codés" in texts
        manager.close()
    finally:
        QApplication.instance().removeTranslator(translator)


def press_button(label: str) -> None:
    """Answer the next question by pressing its button labelled ``label``."""
    from PySide6.QtWidgets import QMessageBox

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox), dialog
        button = next(b for b in dialog.buttons() if b.text().replace("&", "") == label)
        button.click()

    when_modal(handle)


def conflict(qtbot, window: MainWindow, manager: MemoManager) -> Project:  # type: ignore[no-untyped-def]
    """An edit typed here while another writer changed the same memo, refused on save."""
    project = window.session.require()
    click_row(qtbot, manager, "Thème/Précarité")
    type_in(qtbot, manager, " Mon avis.")
    with Project.open(project.location, coder="marc") as other:
        other.set_memo(other.code("Précarité"), "Marc, entre-temps")
    qtbot.waitUntil(lambda: "entre-temps" in listed_memos(manager))
    assert not manager.save()
    return project


def test_closing_with_a_conflict_asks_and_can_stay_open(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    manager = open_manager(qtbot, window)
    project = conflict(qtbot, window, manager)
    location = project.location
    press_button("Cancel")
    menu_action(window, "File", "Close project").trigger()
    assert window.session.project is project  # still open, the edit still on screen
    assert manager.isVisible() and manager.editor.toPlainText().endswith("Mon avis.")
    press_button("Save mine over theirs")
    menu_action(window, "File", "Close project").trigger()
    assert window.session.project is None
    with Project.open(location) as p:
        assert p.code("Précarité").memo.endswith("Mon avis.")


def test_an_edit_whose_memo_was_deleted_is_copied_not_dropped(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    manager = open_manager(qtbot, window)
    project = window.session.require()
    click_row(qtbot, manager, SEGMENT)
    type_in(qtbot, manager, " à citer")
    typed = manager.editor.toPlainText()
    segment = next(s for s in project.segments() if s.memo)
    project.delete_segment(segment)  # what the memo belonged to is gone
    press_button("Copy my text and discard")
    qtbot.keyClick(manager, Qt.Key.Key_Escape)  # the manager closes once it is settled
    qtbot.waitUntil(lambda: not manager.isVisible())
    assert QApplication.clipboard().text() == typed
    assert open_manager(qtbot, window) is manager  # the same manager, shown again


def test_the_export_writes_what_the_search_lists(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    manager = open_manager(qtbot, window)
    qtbot.keyClicks(manager.search, "Eloise")
    shown = listed(manager)
    assert len(shown) == 4
    target = tmp_path / "éloïse.md"
    answer_file_dialog(str(target), "Markdown (*.md)")
    worker = manager.export()
    assert worker is not None
    qtbot.waitUntil(target.exists, timeout=10000)
    written = target.read_text(encoding="utf-8")
    for row in manager.model.rows:
        if row.belongs_to in shown:
            assert row.memo in written
