"""Every menu command and shortcut, triggered as a person does, on the sample study:
dialogs are answered as a user would, and no exception, error dialog or Qt warning
may follow (Qt warnings fail every test: see pyproject's qt_log_level_fail)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QWidget

from qdaw.gui.coding import QuickCodeBox
from qdaw.gui.main_window import MainWindow
from qdaw.gui.side_panels import HypothesisDialog
from qdaw.gui.workers import _running
from qdaw.sample import build_sample
from tests.gui_helpers import focus, type_file_name

UNIQUE = itertools.count(1)


class Answerer:
    """Answers every modal dialog as it appears, and remembers what it saw."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.seen: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.saved: list[Path] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            return
        self.seen.append((type(dialog).__name__, dialog.windowTitle()))
        self.answer(dialog)

    def answer(self, dialog: QWidget) -> None:
        n = next(UNIQUE)
        if isinstance(dialog, QFileDialog):
            if dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave and "project" not in (
                dialog.windowTitle().lower()
            ):
                target = self.folder / f"menu-{n}"
                dialog.selectNameFilter(dialog.nameFilters()[0])
                type_file_name(dialog, str(target))
                self.saved.append(target)
                dialog.accept()
            else:
                dialog.reject()
        elif isinstance(dialog, QInputDialog):
            dialog.setTextValue(f"Code from the menu {n}")
            dialog.accept()
        elif isinstance(dialog, HypothesisDialog):
            dialog.label.setText(f"H{10 + n}")
            dialog.statement.setText("A hypothesis added from the menu")
            dialog.accept()
        elif isinstance(dialog, QuickCodeBox):
            dialog.field.setText(f"Quick code from the menu {n}")
            dialog.accept()
        elif isinstance(dialog, QMessageBox):
            if dialog.icon() in (QMessageBox.Icon.Warning, QMessageBox.Icon.Critical):
                self.errors.append(f"{dialog.text()} {dialog.informativeText()}".strip())
            dialog.reject() if dialog.escapeButton() is None else dialog.escapeButton().click()
            dialog.close()
        else:
            dialog.close()


@pytest.fixture
def answerer(tmp_path: Path) -> Iterator[Answerer]:
    answering = Answerer(tmp_path)
    yield answering
    answering.timer.stop()


def all_actions(window: MainWindow) -> list[tuple[str, QAction]]:
    found = []

    def walk(actions: list[QAction], path: str) -> None:
        for action in actions:
            if action.isSeparator():
                continue
            name = f"{path} ▸ {action.text().replace('&', '')}"
            if action.menu() is not None:
                walk(action.menu().actions(), name)
            else:
                found.append((name, action))

    walk(window.menuBar().actions(), "")
    return found


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not _running, timeout=90000)  # workers started by a command
    qtbot.wait(30)


LAST = ("Close project", "Quit", "New project…", "Open project…", "Open the sample project")


def test_every_menu_command_and_shortcut(qtbot, tmp_path: Path, answerer: Answerer) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_project(str(build_sample(tmp_path / "referents.qdaw")))
    window.show()
    qtbot.waitExposed(window)
    document = window.document
    start = document.text.index("C'est frustrant")
    actions = all_actions(window)
    names = [name for name, _ in actions]
    assert " ▸ File ▸ Export workbook (XLSX)…" in names and " ▸ Code ▸ New code…" in names
    ordered = sorted(actions, key=lambda item: any(item[0].endswith(x) for x in LAST))
    for name, action in ordered:
        if any(name.endswith(x) for x in LAST):
            continue
        for route in ("menu", "shortcut"):
            if route == "shortcut" and (action.shortcut().isEmpty() or not action.isEnabled()):
                continue  # (Undo with nothing to undo does nothing, rightly)
            document.select_range(start, start + len("C'est frustrant"))

            if route == "menu":
                action.trigger()
            else:
                sequence: QKeySequence = action.shortcut()
                combination = sequence[0]
                focus(qtbot, window)
                with qtbot.waitSignal(action.triggered, timeout=2000, raising=False) as blocker:
                    qtbot.keyClick(window, combination.key(), combination.keyboardModifiers())
                assert blocker.signal_triggered, f"{name}: {sequence.toString()} did nothing"
            settle(qtbot)
            for widget in QApplication.topLevelWidgets():  # windows the command opened
                if widget is not window and widget.isVisible() and widget.isWindow():
                    answerer.seen.append((type(widget).__name__, widget.windowTitle()))
                    widget.close()
            assert not answerer.errors, f"{name} ({route}): {answerer.errors}"
            assert window.isVisible(), name
    project = window.session.require()
    # The commands did what they say: a code and a hypothesis from their dialogs, the
    # workbook and the report written where the save dialog said, with their extension.
    assert any(c.name.startswith("Code from the menu") for c in project.codes())
    assert any(h.label.startswith("H") and h.statement.startswith("A hypothesis added")
               for h in project.hypotheses())  # fmt: skip
    written = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("menu-"))
    assert any(name.endswith(".xlsx") for name in written), written
    assert any(name.endswith(".docx") for name in written), written
    seen = {kind for kind, _ in answerer.seen}
    assert {"QFileDialog", "QInputDialog", "HypothesisDialog", "QuickCodeBox"} <= seen
    # Then the commands that leave the project, last.
    window.undo_action.trigger()
    menu = dict(actions)
    menu[" ▸ File ▸ Close project"].trigger()
    settle(qtbot)
    assert window.session.project is None and window.stack.currentWidget() is window.welcome
    menu[" ▸ File ▸ New project…"].trigger()  # the save dialog is cancelled
    menu[" ▸ File ▸ Open project…"].trigger()  # the open dialog is cancelled
    settle(qtbot)
    assert window.session.project is None and not answerer.errors
    menu[" ▸ File ▸ Quit"].trigger()
    qtbot.waitUntil(lambda: not window.isVisible())
