"""The Charts tab, driven through its widgets on the sample study (offscreen)."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from qdaw.gui.charts_tab import MATRIX, ChartsTab
from qdaw.gui.main_window import MainWindow
from qdaw.sample import build_sample
from tests.gui_helpers import answer_file_dialog


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    main = MainWindow()
    qtbot.addWidget(main)
    assert main.open_project(str(build_sample(tmp_path / "referents.qdaw")))
    main.show()
    qtbot.waitExposed(main)
    return main


def charts(qtbot, window: MainWindow) -> ChartsTab:  # type: ignore[no-untyped-def]
    tab = window.analysis.charts
    with qtbot.waitSignal(tab.drawn, timeout=30000):
        window.analysis.setCurrentWidget(tab)
    return tab


def choose(qtbot, tab: ChartsTab, combo_name: str, value: object) -> None:  # type: ignore[no-untyped-def]
    combo = getattr(tab, combo_name)
    index = combo.findData(value)
    assert index >= 0, (combo_name, value)
    with qtbot.waitSignal(tab.drawn, timeout=30000):
        combo.setCurrentIndex(index)


def test_bars_by_variable_then_export_as_svg_and_png(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    tab = charts(qtbot, window)
    assert tab.kind.currentData() == "by-variable" and tab.variable.currentText() == "discipline"
    assert isinstance(tab.canvas_area.widget(), FigureCanvasQTAgg)
    assert tab.mode.isVisible() and not tab.threshold.isVisible()
    project = window.session.require()
    pct = project.crosstab("discipline", value="pct")
    widths = [bar.get_width() for bar in tab.figure.axes[0].containers[0]]  # type: ignore[union-attr]
    assert widths == pytest.approx(pct[pct["Total"] > 0]["SHS"].tolist())
    choose(qtbot, tab, "mode", "stacked")
    choose(qtbot, tab, "value", "cases")
    stacks = tab.figure.axes[0].containers  # type: ignore[union-attr]
    ends = [sum(bars[i].get_width() for bars in stacks) for i in range(len(stacks[0]))]
    cases = project.crosstab("discipline", value="cases")
    assert ends == cases[cases["Total"] > 0]["Total"].tolist()
    answer_file_dialog(str(tmp_path / "barres"), "SVG picture (*.svg)")
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    svg = tmp_path / "barres.svg"
    assert ET.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    assert "Chart written" in window.statusBar().currentMessage()
    answer_file_dialog(str(tmp_path / "carte.svg"), "PNG picture (*.png)")  # the filter wins
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "carte.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not (tmp_path / "carte.svg").exists()


def test_heatmap_and_map_follow_their_options(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    tab = charts(qtbot, window)
    choose(qtbot, tab, "kind", "heatmap")
    assert tab.measure.isVisible() and not tab.variable.isVisible()
    project = window.session.require()
    table, _tree = project.clustered_cooccurrence("case", "count")
    cells = next(a for a in tab.figure.axes if a.images)  # type: ignore[union-attr]
    assert [t.get_text() for t in cells.get_yticklabels()][:3] == [
        c[:35] + "…" if len(c) > 36 else c for c in table.index[:3]
    ]
    choose(qtbot, tab, "kind", "network")
    assert tab.threshold.isVisible() and tab.threshold.value() == 1
    with qtbot.waitSignal(tab.drawn, timeout=30000):
        tab.threshold.setValue(5)
    lines = tab.figure.axes[0].get_lines()  # type: ignore[union-attr]
    _nodes, edges = project.code_network("case", "count", 5)
    assert len(lines) == len(edges) > 0
    choose(qtbot, tab, "measure", "jaccard")
    assert tab.threshold.value() == pytest.approx(0.2)
    _nodes, edges = project.code_network("case", "jaccard", 0.2)
    assert len(tab.figure.axes[0].get_lines()) == len(edges)  # type: ignore[union-attr]
    # A change to the coding redraws the visible chart.
    code = project.code("Rejet du numérique")
    document = project.documents()[0]
    with qtbot.waitSignal(tab.drawn, timeout=30000):
        project.code_segment(document, 0, 20, code)
        window.session.poll()
    _nodes, edges = project.code_network("case", "jaccard", 0.2)
    assert len(tab.figure.axes[0].get_lines()) == len(edges)  # type: ignore[union-attr]


def test_matrix_browser_click_reads_that_cells_passages(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    tab = charts(qtbot, window)
    choose(qtbot, tab, "kind", MATRIX)
    view = tab.matrix
    model = view.matrix
    assert model.columns == ["SHS", "sciences", "sport et santé"]  # the chart's variable kept
    choose(qtbot, tab, "variable", None)
    assert tab.variable.currentText() == "(each respondent)"
    assert model.columnCount() == 8 and model.rowCount() == 32
    row = model.codes.index("Modalités d'évaluation")
    column = next(c for c in range(8) if model.count(row, c) == 2)  # someone said it twice
    view.scrollTo(model.index(row, column))
    rect = view.visualRect(model.index(row, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    passages = tab.passages.passages.passages.passages
    project = window.session.require()
    expected = project.retrieve(codes=["Modalités d'évaluation"], cases=[model.columns[column]])
    assert [p.start for p in passages] == expected["start"].tolist() and len(passages) == 2
    assert tab.cell_heading.text() == f"Modalités d'évaluation × {model.columns[column]}"
    # Double-click a passage: the document opens on it, as from the Retrieval tab.
    first = tab.passages.passages.model().index(0, 0)
    with qtbot.waitSignal(window.analysis.jumpTo) as jump:
        tab.passages.passages.doubleClicked.emit(first)
    assert jump.args[1:] == [passages[0].start, passages[0].end]
    assert window.document.document_id == passages[0].document_id
    # By the groups of a variable: a click reads the passages of the group's respondents.
    choose(qtbot, tab, "variable", "discipline")
    rect = view.visualRect(model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    group = project.retrieve(codes=["Modalités d'évaluation"], where={"discipline": "SHS"})
    assert len(tab.passages.passages.passages.passages) == len(group) == model.count(row, 0)
    empty = next(c for c in range(3) if model.count(0, c) == 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(model.index(0, empty)).center())  # fmt: skip
    assert len(tab.passages.passages.passages.passages) == len(group)  # an empty cell: no change
    assert view.viewport().rect().contains(QPoint(1, 1))


def test_the_window_opens_without_the_chart_libraries() -> None:
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from qdaw.gui.main_window import MainWindow\n"
        "window = MainWindow()\n"
        "heavy = [m for m in ('matplotlib', 'networkx', 'scipy', 'pandas') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                          timeout=120, check=True)  # fmt: skip
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr


def test_the_charts_speak_french(tmp_path: Path) -> None:
    script = (
        "from PySide6.QtWidgets import QApplication\n"
        "from qdaw.gui.app import install_translations\n"
        "from qdaw.gui.main_window import MainWindow\n"
        "from qdaw.sample import build_sample\n"
        "app = QApplication([])\n"
        "install_translations(app, 'fr')\n"
        "window = MainWindow()\n"
        f"window.open_project(str(build_sample({str(tmp_path / 's.qdaw')!r})))\n"
        "panel = window.analysis\n"
        "tab = panel.charts\n"
        "print(panel.tabText(panel.indexOf(tab)))\n"
        "print(tab.kind.itemText(3))\n"
        "options = tab.options()\n"
        "figure = window.session.require().chart(options.pop('kind'), **options)\n"
        "print(figure.axes[0].get_title(loc='left'))\n"
        "print(figure.axes[0].get_xlabel())\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                          timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-4:] == [
        "Graphiques",
        "Matrice des codes",
        "Codes selon discipline",
        "% des répondants du groupe",
    ]


def test_a_big_matrix_is_handed_to_the_view_as_it_scrolls(qtbot) -> None:  # type: ignore[no-untyped-def]
    import numpy as np
    import pandas as pd

    from qdaw.gui.code_matrix import CHUNK, CodeMatrixView

    codes = [f"code {i}" for i in range(2 * CHUNK + 50)]
    counts = np.arange(len(codes) * 3).reshape(-1, 3) % 5
    frame = pd.DataFrame(counts, index=codes, columns=["a", "b", "c"])
    frame.attrs = {"code_ids": list(range(len(codes))), "cases": {"a": ["A"], "b": ["B"], "c": []}}
    view = CodeMatrixView()
    qtbot.addWidget(view)
    view.matrix.set_matrix(frame, {})
    assert view.matrix.rowCount() == CHUNK and view.matrix.canFetchMore()
    view.show()
    qtbot.waitExposed(view)
    view.scrollToBottom()
    qtbot.waitUntil(lambda: view.matrix.rowCount() > CHUNK)
    while view.matrix.canFetchMore():
        view.scrollToBottom()
        qtbot.wait(10)
    assert view.matrix.rowCount() == len(codes)
    last = view.matrix.index(len(codes) - 1, 1)
    assert view.matrix.data(last, Qt.ItemDataRole.UserRole) == counts[-1, 1]
    with qtbot.waitSignal(view.cellChosen) as chosen:
        view.scrollTo(last)
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(last).center()
        )
    assert chosen.args == [len(codes) - 1, 1]
    assert view.matrix.cell(len(codes) - 1, 1) == (
        len(codes) - 1,
        ["B"],
        f"code {len(codes) - 1} × b",
    )
