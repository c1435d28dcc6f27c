"""Details of the workbench a researcher notices: sentence selection before indexing,
a click on a respondent, readable code names beside the stripes, k/N bars."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from qdaw.core.colors import TEXT_CONTRAST, contrast, readable_text
from qdaw.gui.analysis_tab import BarDelegate
from qdaw.gui.document_view import MARGIN_BACKGROUND
from qdaw.gui.main_window import MainWindow
from qdaw.sample import build_sample
from qdaw.services.codebook import PALETTE
from tests.gui_helpers import focus


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    main = MainWindow()
    qtbot.addWidget(main)
    assert main.open_project(str(build_sample(tmp_path / "referents.qdaw")))
    main.show()
    qtbot.waitExposed(main)
    return main


def test_sentence_selection_before_indexing(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    text = window.document.text
    inside = text.index("vraiment technique")  # in "R : Au début, c'était vraiment …"
    window.document.select_range(inside, inside + 3)
    focus(qtbot, window)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(window.document.text_view, Qt.Key.Key_S, modifiers)
    start, end = window.document.selection()
    assert text[start:end] == (
        "Au début, c'était vraiment technique : comment partager son écran, comment couper "
        "le micro des étudiants."
    )  # the sentence, without "R : ", and the status bar says how it was found
    assert "punctuation" in window.statusBar().currentMessage()
    qtbot.keyClick(window.document.text_view, Qt.Key.Key_P, modifiers)
    start, end = window.document.selection()
    assert text[start:end].startswith("Au début") and text[end] == "\n"


def test_a_click_on_a_respondent_opens_their_document(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tree = window.cases.tree
    model = window.cases.model
    row = next(i for i, case in enumerate(model.cases) if case.name == "Référent 4")
    rect = tree.visualRect(model.index(row, 0))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.document.text.startswith("Entretien avec le Référent 4")
    names = [case.name for case in model.cases]
    assert names == sorted(names, key=lambda n: int(n.split()[-1]))  # 1, 2, … 10


def test_code_names_beside_the_stripes_are_readable(window: MainWindow) -> None:
    for color in [*PALETTE, "#bfef45", "#42d4f4", "#ffff00", "#ffffff"]:
        shade = readable_text(color, MARGIN_BACKGROUND)
        assert contrast(shade, MARGIN_BACKGROUND) >= TEXT_CONTRAST, (color, shade)
    # Dark colours are kept as they are; pale ones only darkened as much as needed.
    assert readable_text("#000075", MARGIN_BACKGROUND) == "#000075"
    assert contrast(readable_text("#bfef45", MARGIN_BACKGROUND), MARGIN_BACKGROUND) < 5.5
    window.document.margin.repaint()
    assert window.document.margin.painted  # labels painted with those shades


def test_frequencies_show_k_of_n_as_bars(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    table = window.analysis.frequencies.table
    window.docks["analysis"].show()  # (a previous test may have left the search tab on top)
    window.docks["analysis"].raise_()
    window.analysis.setCurrentWidget(window.analysis.frequencies)
    qtbot.waitUntil(lambda: window.analysis.frequencies.model.rowCount() > 0)
    assert isinstance(table.itemDelegateForColumn(7), BarDelegate)
    cell = table.model().index(1, 7)  # Information sur les outils…: 8/8, a full bar
    table.scrollTo(cell)
    qtbot.wait(20)
    image = table.viewport().grab().toImage()
    rect = table.visualRect(cell)
    assert table.viewport().rect().contains(rect.center())
    color = image.pixelColor(rect.right() - 4, rect.center().y())
    assert color.blue() > color.red() + 10  # the bar's blue under the text
