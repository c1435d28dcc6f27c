"""The workbench sees another writer's edits (a colleague's qdaw, the command line):
a real second process writes, the open window shows it by itself, and the reader's
place (scroll, selected code) is kept. On a SQLite file and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint

from qdaw import Project
from qdaw.gui.main_window import MainWindow
from qdaw.sample import build_sample
from tests.other_writer import Writer


def codebook_ratio(window: MainWindow, name: str) -> str:
    model = window.codebook.model
    code_id = next(i for i, row in model.rows.items() if row.name == name)
    return str(model.data(model.index_of(code_id, 2)))


def open_window(qtbot, target: str) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_project(target)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(300)  # the first analysis table is in: the layout has settled
    return window


def test_a_colleague_codes_in_another_process(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = build_sample(tmp_path / "referents.qdaw")
    window = open_window(qtbot, str(path))
    assert codebook_ratio(window, "Rejet du numérique") == "1/8"
    code_id = window.codebook.model.rows
    rejet = next(i for i, row in code_id.items() if row.name == "Rejet du numérique")
    window.codebook.select(rejet)
    view = window.document.text_view
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)

    def first_line() -> int:  # the paragraph at the top of the transcript
        return view.cursorForPosition(QPoint(0, 0)).blockNumber()

    place = first_line()
    before = len(window.document.rows)
    Writer(str(path), "Ben", "process").run(
        "doc = p.document('referent1')\n"
        'start = doc.text.index("C\'est frustrant")\n'
        "s = p.code_segment(doc, start, start + 15, 'Rejet du numérique')\n"
        "p.set_memo(s, 'noted by Ben')\n"
    )
    qtbot.waitUntil(lambda: codebook_ratio(window, "Rejet du numérique") == "2/8", timeout=5000)
    qtbot.waitUntil(lambda: len(window.document.rows) == before + 1, timeout=5000)
    new = next(r for r in window.document.rows if r.memo == "noted by Ben")
    assert new.coder == "Ben" and window.document.text[new.start : new.end] == "C'est frustrant"
    assert window.codebook.current_id() == rejet  # the reader's place is kept
    qtbot.waitUntil(lambda: first_line() == place, timeout=2000)
    assert "Ben" in window.statusBar().currentMessage()
    # This window's own undo history is its coder's: nothing of Ben's to undo here.
    assert not window.undo_action.isEnabled()


@pytest.mark.postgres
def test_a_colleague_codes_on_the_shared_server(qtbot, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    with Project.create(pg_url, coder="Ana") as p:
        p.add_document("entretien", "Q : Et la fraude ?\nR : Elle nous inquiète.", case="R1")
        p.add_code("Fraude")
    window = open_window(qtbot, pg_url)
    assert codebook_ratio(window, "Fraude") == "0/1"
    Writer(pg_url, "Ben", "process").run(
        "doc = p.document('entretien')\n"
        "start = doc.text.index('Elle')\n"
        "p.code_segment(doc, start, start + 4, 'Fraude')\n"
    )
    qtbot.waitUntil(lambda: codebook_ratio(window, "Fraude") == "1/1", timeout=5000)
    qtbot.waitUntil(lambda: len(window.document.rows) == 1, timeout=5000)
    assert window.document.rows[0].coder == "Ben"
