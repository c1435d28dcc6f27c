"""The Words tab driven through its widgets: counts, selection, stop words, a
double-click to the lines in context and another to the passage, Export and Word cloud
through the save dialog's chosen type."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QTableView, QWidget

from qdaw.gui.main_window import MainWindow
from qdaw.gui.words_tab import WordsTab
from tests.gui_helpers import answer_file_dialog, when_modal
from tests.test_word_frequencies import build


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gui-words") / "words.qdaw"
    build(path)
    return path


@pytest.fixture
def window(qtbot, indexed: Path, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    copy = tmp_path / "words.qdaw"
    shutil.copy(indexed, copy)
    main = MainWindow()
    qtbot.addWidget(main)
    assert main.open_project(str(copy))
    main.show()
    qtbot.waitExposed(main)
    return main


def words_tab(qtbot, window: MainWindow) -> WordsTab:  # type: ignore[no-untyped-def]
    tab = window.analysis.words
    with qtbot.waitSignal(tab.computed, timeout=30000):
        window.analysis.setCurrentWidget(tab)
    return tab


def terms(tab: WordsTab) -> dict[str, int]:
    return {str(row[0]): int(row[1]) for row in tab.model.values}


def double_click(qtbot, view: QTableView | QWidget, index) -> None:  # type: ignore[no-untyped-def]
    rect = view.visualRect(index)  # type: ignore[attr-defined]
    viewport = view.viewport()  # type: ignore[attr-defined]
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())


def test_counts_follow_the_controls(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tab = words_tab(qtbot, window)
    assert window.analysis.tabText(window.analysis.currentIndex()) == "Words"
    assert terms(tab)["équipe"] == 7  # lemmas: équipe + équipes
    assert tab.model.header == ["Term", "Count", "Documents", "Respondents", "Share (%)"]
    with qtbot.waitSignal(tab.computed, timeout=30000):
        tab.by.setCurrentIndex(tab.by.findData("form"))
    assert terms(tab)["équipe"] == 6
    with qtbot.waitSignal(tab.computed, timeout=30000):
        tab.ngram.setCurrentIndex(tab.ngram.findData(2))
    assert terms(tab)["équipe pédagogique"] == 3
    with qtbot.waitSignal(tab.computed, timeout=30000):
        tab.ngram.setCurrentIndex(0)
    kinds, values = tab.selection.kinds, tab.selection.values
    with qtbot.waitSignal(tab.computed, timeout=30000):
        kinds.setCurrentIndex(kinds.findData("case"))
    assert values.isVisibleTo(tab) and values.currentText() == "Amélie"
    with qtbot.waitSignal(tab.computed, timeout=30000):
        values.setCurrentIndex(values.findText("Bruno"))
    assert terms(tab)["équipe"] == 2
    with qtbot.waitSignal(tab.computed, timeout=30000):
        kinds.setCurrentIndex(kinds.findData("variable"))
    with qtbot.waitSignal(tab.computed, timeout=30000):
        values.setCurrentIndex(values.findText("statut = titulaire"))
    assert terms(tab)["équipe"] == 4
    with qtbot.waitSignal(tab.computed, timeout=30000):
        kinds.setCurrentIndex(kinds.findData("speaker"))
    with qtbot.waitSignal(tab.computed, timeout=30000):
        values.setCurrentIndex(values.findData("interviewer"))
    assert terms(tab)["équipe"] == 2
    kinds.setCurrentIndex(kinds.findData("codes"))  # nothing selected in the codebook
    assert tab.model.values == [] and "Select codes" in tab.summary.text()
    code = next(i for i, r in window.codebook.model.rows.items() if r.name == "Élèves")
    with qtbot.waitSignal(tab.computed, timeout=30000):
        window.codebook.select(code)
    assert terms(tab) == {"élèves": 1, "préfèrent": 1, "oral": 1}
    with qtbot.waitSignal(tab.computed, timeout=30000):
        kinds.setCurrentIndex(kinds.findData("all"))
    with qtbot.waitSignal(tab.computed, timeout=30000):
        tab.stop.click()
    assert terms(tab)["l'"] == 6  # stop words counted now (l'équipe ×5, l'oral)
    # The table sorts on a header click, by the numbers' values.
    tab.table.horizontalHeader().sectionClicked.emit(0)
    tab.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert int(tab.proxy.index(0, 1).data()) == 1


def test_double_clicks_list_the_term_in_context_then_open_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tab = words_tab(qtbot, window)
    with qtbot.waitSignal(tab.computed, timeout=30000):
        tab.ngram.setCurrentIndex(tab.ngram.findData(2))
    row = [str(r[0]) for r in tab.model.values].index("équipe pédagogique")
    with qtbot.waitSignal(tab.listed, timeout=30000) as listed:
        double_click(qtbot, tab.table, tab.proxy.mapFromSource(tab.model.index(row, 0)))
    assert listed.args == [4] and tab.model.values[row][1] == 4  # as many as counted
    matches = [h.match for h in tab.hits.hits]
    assert matches.count("équipe pédagogique") == 3 and "équipes pédagogiques" in matches
    assert "“équipe pédagogique” in context: 4 lines" in tab.kwic_label.text()
    double_click(qtbot, tab.kwic, tab.hits.index(3, 0))
    hit = tab.hits.hits[3]
    assert window.document.document_id == hit.document_id
    assert window.document.text[slice(*window.document.selection())] == "équipe pédagogique"


def test_export_and_cloud_by_the_dialog(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import pandas as pd

    tab = words_tab(qtbot, window)
    answer_file_dialog(str(tmp_path / "mots"), "CSV table (*.csv)")
    with qtbot.waitSignal(tab.status, timeout=30000):
        tab.export_button.click()
    table = pd.read_csv(tmp_path / "mots.csv")
    assert table.iloc[0]["term"] == "équipe" and table.iloc[0]["count"] == 7
    answer_file_dialog(str(tmp_path / "tableau.csv"), "Excel workbook (*.xlsx)")
    with qtbot.waitSignal(tab.status, timeout=30000):
        tab.export_button.click()
    assert not (tmp_path / "tableau.csv").exists()  # the chosen type wins over the name
    assert list(pd.read_excel(tmp_path / "tableau.xlsx")["term"])[:2] == ["équipe", "examen"]
    answer_file_dialog(str(tmp_path / "nuage"), "SVG picture (*.svg)")
    with qtbot.waitSignal(tab.status, timeout=30000) as said:
        tab.cloud_button.click()
    assert said.args[0].startswith("Word cloud written: ")
    assert ">équipe<" in (tmp_path / "nuage.svg").read_text(encoding="utf-8")


def test_stop_words_dialog_edits_the_list_in_one_step(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tab = words_tab(qtbot, window)
    project = window.session.require()

    def edit(dialog: QWidget) -> None:
        field = dialog.findChild(QPlainTextEdit, "stopWords")
        assert field is not None and "ça" in field.toPlainText().split("\n")
        words = [w for w in field.toPlainText().split("\n") if w != "ça"] + ["Équipe"]
        field.setPlainText("\n".join(words))
        dialog.save()  # type: ignore[attr-defined]

    when_modal(edit)
    with qtbot.waitSignal(tab.computed, timeout=30000):
        tab.edit_stop.click()
    assert "équipe" not in terms(tab)
    assert "ça" not in project.stop_words("fr") and "équipe" in project.stop_words("fr")
    assert project.undo_label == "Edit the stop words (fr)"
    with qtbot.waitSignal(tab.computed, timeout=30000):
        project.undo()
    assert terms(tab)["équipe"] == 7


def test_the_window_opens_without_the_word_cloud_or_spacy() -> None:
    import os
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from qdaw.gui.main_window import MainWindow\n"
        "window = MainWindow()\n"
        "window.analysis.setCurrentWidget(window.analysis.words)\n"
        "print([m for m in ('wordcloud', 'spacy', 'pandas', 'PIL') if m in sys.modules])\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_only_changes_that_move_the_counts_recount(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tab = words_tab(qtbot, window)
    project = window.session.require()
    code = project.codes()[0]
    # Whole project: coding a passage or writing a memo leaves every count as it was.
    with qtbot.assertNotEmitted(tab.computed, wait=600):
        project.code_segment(project.documents()[0], 0, 20, code)
        project.set_memo("project", "Note de synthèse")
    # Stop words count: the table follows them.
    top = next(iter(terms(tab)))
    with qtbot.waitSignal(tab.computed, timeout=30000):
        project.set_stop_words("fr", add=[top])
    assert top not in terms(tab)
