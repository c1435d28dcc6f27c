"""A researcher's first hour, through menus, shortcuts and dialogs only: new project,
import, re-import (warned), quick-code an emergent code, a hypothesis, link, search,
export the workbook, a table and the report with the file type chosen in the save
dialog, close, open another project: nothing of the first one is left on screen."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from qdaw.gui.coding import QuickCodeBox
from qdaw.gui.import_dialog import ImportDialog
from qdaw.gui.main_window import MainWindow
from qdaw.gui.side_panels import HypothesisDialog
from qdaw.sample import build_sample
from tests.gui_helpers import answer_file_dialog, focus, menu_action, when_modal

INTERVIEW_1 = (
    "Entretien 1\n"
    "Q : Comment avez-vous évalué les étudiants ?\n"
    "R : Avec des QCM sur Moodle. Nous craignions la triche pendant les examens.\n"
)
INTERVIEW_2 = (
    "Entretien 2\nQ : Et la triche ?\nR : La triche était rare. Les QCM ont bien marché.\n"
)


def test_first_hour_without_stale_data(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "entretiens"
    folder.mkdir()
    (folder / "enseignant1.txt").write_text(INTERVIEW_1, encoding="utf-8")
    (folder / "enseignant2.txt").write_text(INTERVIEW_2, encoding="utf-8")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    # New project, from the File menu: the type is the dialog's only filter.
    answer_file_dialog(str(tmp_path / "etude"), "qdaw project (*.qdaw)")
    menu_action(window, "File", "New project…").trigger()
    qtbot.waitUntil(lambda: window.session.project is not None)
    assert window.windowTitle() == "etude — qdaw"
    assert window.stack.currentWidget() is window.empty  # it says what to do next

    # Import through the dialog: Add folder…, Import; it closes when done.
    menu_action(window, "File", "Import transcripts…").trigger()
    dialog = next(d for d in window.dialogs if isinstance(d, ImportDialog))
    answer_file_dialog(str(folder))
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "Add folder…").click()
    qtbot.waitUntil(lambda: dialog.paths == [str(folder)])
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
    project = window.session.require()
    assert sorted(d.name for d in project.documents()) == ["enseignant1", "enseignant2"]
    assert "2 documents imported" in window.statusBar().currentMessage()
    assert window.stack.currentWidget() is window.document
    assert window.document.text.startswith("Entretien 1")

    # The same files again: the dialog warns, "Skip them" adds nothing.
    menu_action(window, "File", "Import transcripts…").trigger()
    again = [d for d in window.dialogs if isinstance(d, ImportDialog)][-1]
    again.set_paths([str(folder)])
    asked: list[str] = []

    def skip(box: QMessageBox) -> None:
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == "Skip them").click()

    when_modal(skip)
    again.import_button.click()
    qtbot.waitUntil(lambda: bool(asked) and again.report.isVisible(), timeout=20000)
    assert "2 of these files are already in the project" in asked[0]
    assert "0 documents imported." in again.report.toPlainText()
    assert len(project.documents()) == 2 and not again.import_button.isEnabled()
    again.close()

    focus(qtbot, window)  # back in the main window: the import dialog had its own
    # Quick code (Ctrl+K) an emergent code under a new category.
    text = window.document.text
    start = text.index("Nous craignions la triche")
    window.document.select_range(start, start + len("Nous craignions la triche"))

    def type_code(box: QuickCodeBox) -> None:
        box.field.setText("Évaluation/Triche")
        qtbot.keyClick(box.field, Qt.Key.Key_Return)

    when_modal(type_code)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    triche = project.code("Évaluation/Triche")
    window.codebook.tree.expand(window.codebook.model.index_of(triche.parent.id))  # its arrow
    assert [s.text for s in project.segments(code=triche)] == ["Nous craignions la triche"]
    assert window.codebook.current_id() == triche.id  # revealed under its category
    assert window.codebook.tree.isExpanded(window.codebook.model.index_of(triche.parent.id))
    # Undo and redo from the keyboard, the transcript having the focus.
    focus(qtbot, window)
    window.document.text_view.setFocus()
    control = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window.document.text_view, Qt.Key.Key_Z, control)
    assert "Triche" not in {c.name for c in project.codes()}
    qtbot.keyClick(
        window.document.text_view, Qt.Key.Key_Z, control | Qt.KeyboardModifier.ShiftModifier
    )
    triche = project.code("Évaluation/Triche")
    window.codebook.tree.expand(window.codebook.model.index_of(triche.parent.id))  # its arrow

    # A hypothesis from the Code menu, then linked from the code's context menu.
    def fill(dialog: HypothesisDialog) -> None:
        dialog.statement.setText("La fraude inquiète les enseignants")
        dialog.accept()

    when_modal(fill)
    focus(qtbot, window)  # the quick-code box was a window of its own
    qtbot.keyClick(
        window,
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert [h.label for h in project.hypotheses()] == ["H1"]

    def pick_link() -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(10, pick_link)
            return
        links = next(a for a in menu.actions() if a.text() == "Hypotheses").menu()
        links.actions()[0].trigger()
        menu.close()

    QTimer.singleShot(10, pick_link)
    tree = window.codebook.tree
    window.codebook.context_menu(
        tree.visualRect(window.codebook.model.index_of(triche.id)).center()
    )
    assert [c.name for c in project.hypothesis("H1").codes()] == ["Triche"]
    assert window.undo_action.text() == "Undo Link Triche to H1"

    focus(qtbot, window)
    # Search the project (Ctrl+Shift+F): the hits read in their sentence.
    qtbot.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.docks["search"].isVisible()
    window.search.field.setText("triche")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 3, timeout=20000)

    # Exports: the file type chosen in each save dialog decides the extension.
    focus(qtbot, window)
    answer_file_dialog(str(tmp_path / "classeur"), "Excel workbook (*.xlsx)")
    qtbot.keyClick(
        window,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert "Frequencies" in openpyxl.load_workbook(tmp_path / "classeur.xlsx").sheetnames
    assert str(tmp_path / "classeur.xlsx") in window.statusBar().currentMessage()
    answer_file_dialog(str(tmp_path / "rapport"), "Word document (*.docx)")
    menu_action(window, "File", "Hypotheses report…").trigger()
    qtbot.waitUntil(lambda: (tmp_path / "rapport.docx").exists(), timeout=60000)
    assert any("H1" in p.text for p in docx.Document(str(tmp_path / "rapport.docx")).paragraphs)
    panel = window.analysis
    panel.setCurrentWidget(panel.hypotheses)
    qtbot.waitUntil(lambda: panel.hypotheses.frame is not None)
    answer_file_dialog(str(tmp_path / "hypotheses"), "CSV table (*.csv)")
    panel.hypotheses.export_button.click()
    assert (tmp_path / "hypotheses.csv").read_text(encoding="utf-8").startswith("hypothesis,")
    assert "hypotheses.csv" in window.statusBar().currentMessage()
    answer_file_dialog(str(tmp_path / "rapport"), "Web page (*.html)")
    next(b for b in panel.hypotheses.findChildren(QPushButton) if b.text() == "Report…").click()
    qtbot.waitUntil(lambda: (tmp_path / "rapport.html").exists(), timeout=60000)

    # Close: the welcome page alone, and nothing of the project kept anywhere.
    menu_action(window, "File", "Close project").trigger()
    assert window.stack.currentWidget() is window.welcome
    assert not any(dock.isVisible() for dock in window.docks.values())
    assert window.search.model.rowCount() == 0 and window.search.field.text() == ""
    assert all(tab.frame is None and tab.model.rowCount() == 0 for tab in panel.tabs())
    assert window.codebook.model.rows == {} and window.cases.model.cases == []
    assert window.document.document_id is None and window.document.rows == []

    # Another project: its own data only; the panels come back.
    other = build_sample(tmp_path / "referents.qdaw")
    answer_file_dialog(str(other))
    menu_action(window, "File", "Open project…").trigger()
    qtbot.waitUntil(lambda: window.session.project is not None)
    assert window.windowTitle() == "referents — qdaw"
    assert window.docks["codes"].isVisible() and window.search.model.rowCount() == 0
    names = {row.name for row in window.codebook.model.rows.values()}
    assert "Triche" not in names and "Gestion de la fraude" in names
    assert window.document.text.startswith("Entretien avec le Référent 1")
    assert window.undo_action.text() == "Undo" and not window.undo_action.isEnabled()
    assert not [d for d in window.dialogs if d.isVisible()]
