"""Coders in the workbench, driven as a person does: File ▸ Coder…, the status bar,
View ▸ Coders in the margin, and the Agreement tab with its disagreements."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QWidget

from qdaw import Project
from qdaw.gui.coder_display import coder_colors
from qdaw.gui.main_window import MainWindow
from qdaw.sample import build_sample
from tests.gui_helpers import menu_action, when_modal


@pytest.fixture
def team_path(tmp_path: Path) -> Path:
    """The sample study, whose passages are root's, with a second coder, Ben, who
    coded referent1 again: six passages alike, one of his own."""
    path = build_sample(tmp_path / "team.qdaw")
    with Project.open(path, coder="Ben") as project:
        first = project.segments(document="referent1")
        for segment in first[:6]:
            project.code_segment("referent1", segment.start, segment.end, segment.code)
        project.code_segment("referent1", 0, 30, "Rejet du numérique")
    return path


@pytest.fixture
def window(qtbot, team_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    main = MainWindow()
    qtbot.addWidget(main)
    assert main.open_project(str(team_path))
    main.show()
    qtbot.waitExposed(main)
    return main


def test_choose_the_coder_from_the_file_menu(qtbot, window: MainWindow, team_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert window.coders.label.text() == f"Coder: {window.session.coder}"

    def type_name(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        assert "Ben" in dialog.comboBoxItems()  # the coders already in the project
        dialog.setTextValue("Cléo")
        dialog.accept()

    when_modal(type_name)
    menu_action(window, "File", "Coder…").trigger()
    qtbot.waitUntil(lambda: window.coders.label.text() == "Coder: Cléo")
    # Her next passage is hers, and Undo is her own step.
    window.document.select_range(10, 40)
    code_id = next(
        i for i, r in window.codebook.model.rows.items() if r.name == "Rejet du numérique"
    )
    window.codebook.tree.doubleClicked.emit(window.codebook.model.index_of(code_id))
    project = window.session.require()
    newest = max(project.segments(), key=lambda s: s.id)
    assert newest.coder == "Cléo"
    assert window.undo_action.text() == "Undo Code as Rejet du numérique"
    # Remembered: the next time the workbench opens a project, she codes as Cléo.
    window.close_project()
    assert window.open_project(str(team_path))
    assert window.session.coder == "Cléo" and window.coders.label.text() == "Coder: Cléo"


def test_margin_by_coder_one_coder_and_side_by_side(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = window.document
    everyone = len(view.rows)
    assert {r.coder for r in view.rows} == {"root", "Ben"} and view.legend.isHidden()
    menu_action(window, "View", "Coders in the margin", "Stripes by coder").trigger()
    colors = coder_colors(["Ben", "root"])
    assert {(r.coder, r.color) for r in view.rows} == {(c, colors[c]) for c in ("Ben", "root")}
    assert not view.legend.isHidden() and "Ben" in view.legend.text()
    only = menu_action(window, "View", "Coders in the margin", "Only one coder").menu()
    assert only is not None
    only.aboutToShow.emit()  # as opening the submenu does
    ben = next(a for a in only.actions() if a.text() == "Ben")
    ben.trigger()
    assert {r.coder for r in view.rows} == {"Ben"} and len(view.rows) == 7
    assert "Only Ben" in view.legend.text()
    menu_action(window, "View", "Coders in the margin", "Coders side by side").trigger()
    assert len(view.rows) == everyone
    bands = view.margin.layout_.bands
    assert len(bands) == 2
    lanes = view.margin.layout_.lanes
    for row in view.rows:  # each coder's stripes in their own band of lanes
        first, count = bands[0 if row.coder == "Ben" else 1]
        assert first <= lanes[row.id] < first + count
    menu_action(window, "View", "Coders in the margin", "Stripes by code").trigger()
    assert view.legend.isHidden() and view.margin.layout_.bands == []


def test_agreement_tab_and_a_disagreement_side_by_side(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = window.analysis
    panel.setCurrentWidget(panel.agreement)
    tab = panel.agreement
    qtbot.waitUntil(lambda: tab.frame is not None and "code" in tab.frame.columns)
    assert sorted([tab.first.currentText(), tab.second.currentText()]) == ["Ben", "root"]
    expected = window.session.require().agreement(tab.coders())
    assert tab.frame is not None
    assert tab.frame["code"].tolist() == expected["code"].tolist()
    assert tab.model.rowCount() == len(expected)
    assert (
        tab.summary.text()
        == "Documents coded by all, compared: 1 (left out, coded by only some: 8)"
    )
    tab.unit.setCurrentIndex(tab.unit.findData("character"))
    assert tab.frame["units"].iloc[-1] > 1000
    assert tab.disagreement_model.rowCount() > 0
    # Double-click a disagreement: its passage opens with the two coders' stripes apart.
    index = tab.disagreements.model().index(0, 0)
    tab.disagreements.doubleClicked.emit(index)
    row = tab.disagreement_frame.iloc[0]
    view = window.document
    assert view.selection() == (int(row["start"]), int(row["end"]))
    assert view.coder_mode == "lanes" and len(view.margin.layout_.bands) == 2
    assert "Coders side by side" in view.legend.text()
    assert window.coders.mode_actions["lanes"].isChecked()


def test_agreement_of_all_coders_after_another_writer_codes(
    qtbot, window: MainWindow, team_path: Path
) -> None:  # type: ignore[no-untyped-def]
    panel = window.analysis
    panel.setCurrentWidget(panel.agreement)
    tab = panel.agreement
    qtbot.waitUntil(lambda: tab.frame is not None and "code" in tab.frame.columns)
    with Project.open(team_path, coder="Cléo") as colleague:  # another process's writes
        first = colleague.segments(document="referent1")[0]
        colleague.code_segment("referent1", first.start, first.end, first.code)
    qtbot.waitUntil(lambda: tab.second.findData("*") >= 0, timeout=10_000)
    tab.second.setCurrentIndex(tab.second.findData("*"))
    assert tab.coders() == ["Ben", "Cléo", "root"]
    assert tab.frame is not None and tab.frame["kappa"].isna().all()
    assert tab.frame["alpha"].notna().any()
    assert "two coders" in tab.frame["reason"].iloc[-1]
    header = [tab.model.headerData(i, Qt.Orientation.Horizontal, 0) for i in range(4)]
    assert header[:3] == ["Code", "Units", "Both"]
