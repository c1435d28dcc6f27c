"""The workbench's dialogs tell why a name or a rule file is refused, and store nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from qdaw import Project
from qdaw.gui.main_window import MainWindow
from tests.conftest import snapshot
from tests.gui_helpers import menu_action, type_file_name, when_modal


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    path = tmp_path / "study.qdaw"
    with Project.create(path) as project:
        project.add_document("r1", "R : Ils trichent aux examens.", case="Référent 1")
        project.add_code("Cat")
    main = MainWindow()
    qtbot.addWidget(main)
    assert main.open_project(str(path))
    main.show()
    qtbot.waitExposed(main)
    return main


def answer_then_read_the_warning(qtbot, answer, messages: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Answer the next dialog with ``answer``, then keep the warning that follows."""

    def warning(box: QWidget) -> None:
        assert isinstance(box, QMessageBox), f"expected the warning, got {box!r}"
        messages.append(box.text())
        box.accept()

    def first(dialog: QWidget) -> None:
        answer(dialog)
        when_modal(warning)

    when_modal(first)


def test_a_new_code_with_a_slash_is_refused_with_the_reason(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    project = window.session.require()
    before = snapshot(project)
    messages: list[str] = []

    def name_it(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("Cat/Sub")
        dialog.accept()

    answer_then_read_the_warning(qtbot, name_it, messages)
    menu_action(window, "Code", "New code…").trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=30000)
    assert messages == ["Code name 'Cat/Sub' contains '/', which separates a code from its parent"]
    assert snapshot(project) == before


def test_a_hypothesis_label_too_long_is_refused_with_the_reason(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    project = window.session.require()
    before = snapshot(project)
    messages: list[str] = []

    def label_it(dialog: QWidget) -> None:
        assert isinstance(dialog, QDialog)
        label = dialog.findChildren(QLineEdit)[0]
        label.setText("H" * 65)
        dialog.accept()

    answer_then_read_the_warning(qtbot, label_it, messages)
    menu_action(window, "Code", "New hypothesis…").trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=30000)
    assert messages[0].startswith("Hypothesis label 'HHHH")
    assert messages[0].endswith("is 65 characters long; at most 64 are allowed")
    assert snapshot(project) == before


def test_a_rule_file_with_a_wrong_field_is_refused_with_the_rule_and_field(
    qtbot,  # type: ignore[no-untyped-def]
    window: MainWindow,
    tmp_path: Path,
) -> None:
    project = window.session.require()
    before = snapshot(project)
    rules = tmp_path / "rules.json"
    rule = {"code": "Évaluation/Triche", "speakers": "respondent",
            "patterns": [[{"LEMMA": "tricher"}]]}  # fmt: skip
    rules.write_text(json.dumps({"rules": [rule]}, ensure_ascii=False), encoding="utf-8")
    messages: list[str] = []

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        type_file_name(dialog, str(rules))
        dialog.accept()

    answer_then_read_the_warning(qtbot, choose, messages)
    menu_action(window, "Code", "Apply a rule file…").trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=30000)
    assert messages == [
        f"{rules}: rule 1 ('Évaluation/Triche'): 'speakers' must be a list of speaker "
        'names, e.g. ["respondent"]'
    ]
    assert snapshot(project) == before


def test_an_import_reports_a_file_whose_name_makes_no_name_and_imports_the_rest(
    qtbot,  # type: ignore[no-untyped-def]
    window: MainWindow,
    tmp_path: Path,
) -> None:
    from qdaw.gui.import_dialog import ImportDialog

    folder = tmp_path / "entretiens"
    folder.mkdir()
    (folder / "referent2.txt").write_text("R : Un bon entretien.", encoding="utf-8")
    (folder / "referent\x013.txt").write_text("R : Un nom hostile.", encoding="utf-8")
    dialog = ImportDialog(window.session, [str(folder)], window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.report.isVisible(), timeout=10000)
    report = dialog.report.toPlainText()
    assert "1 documents imported." in report
    assert "referent\x013.txt: Document name 'referent\\x013' contains a control" in report
    assert [d.name for d in window.session.require().documents()] == ["r1", "referent2"]
