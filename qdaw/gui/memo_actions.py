"""The memo manager in the workbench: opened from View ▸ Memos…, each of its rows a
way back to what the memo belongs to (in the window's own panels), and its export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from qdaw.gui.models.memos import MemoRow

if TYPE_CHECKING:
    from qdaw.gui.main_window import MainWindow
    from qdaw.gui.memo_manager import MemoManager
    from qdaw.gui.workers import Worker


def open_memo_manager(window: MainWindow) -> MemoManager:
    """One manager per window: asked again, the open one comes to the front."""
    from shiboken6 import isValid

    from qdaw.gui.memo_manager import MemoManager

    existing: MemoManager | None = getattr(window, "memo_manager", None)
    if existing is not None and isValid(existing):  # (closed, or deleted with its project)
        if not existing.isVisible():
            existing.refresh()  # it does not read the project while hidden
            window._keep(existing)
            existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    manager = MemoManager(window.session, window)
    window.memo_manager = manager  # one per window, shown again rather than rebuilt
    manager.goTo.connect(lambda row: go_to(window, row))
    manager.status.connect(lambda text: window.statusBar().showMessage(text, 8000))
    window._keep(manager)
    manager.show()
    return manager


def settle_memos(window: MainWindow) -> bool:
    """Before the project closes (or another opens, or the window quits): every open
    manager's edit saved, or decided on by the researcher; False to stay open."""
    from qdaw.gui.memo_manager import MemoManager

    return all(
        dialog.settle()
        for dialog in window.dialogs
        if isinstance(dialog, MemoManager) and dialog.isVisible()
    )


def _show_dock(window: MainWindow, name: str) -> None:
    dock = window.docks[name]
    dock.show()
    dock.raise_()


def go_to(window: MainWindow, row: MemoRow) -> None:
    """A segment: its passage in the transcript; a document: the document; a code, a
    respondent, a hypothesis: selected in its panel."""
    if row.kind == "segment" and row.document_id is not None:
        window.show_passage(row.document_id, row.start or 0, row.end or 0)
    elif row.kind == "document":
        window.open_document(row.id)
    elif row.kind == "code":
        _show_dock(window, "codes")
        window.codebook.reveal(row.id)
    elif row.kind == "respondent":
        _show_dock(window, "cases")
        cases = window.cases
        position = next((i for i, c in enumerate(cases.model.cases) if c.id == row.id), None)
        if position is not None:
            index = cases.model.index(position, 0)
            cases.tree.setCurrentIndex(index)
            cases.tree.scrollTo(index)
    elif row.kind == "hypothesis":
        _show_dock(window, "hypotheses")
        panel = window.hypotheses
        position = next((i for i, h in enumerate(panel.model.rows) if h.id == row.id), None)
        if position is not None:
            panel.table.selectRow(position)
            panel.table.scrollTo(panel.model.index(position, 0))


def export_memos(manager: MemoManager) -> Worker | None:
    """The memos listed (this kind, this text) to the file the save dialog names, in
    the format of the file type chosen there; written on a worker thread (20,000 memos
    take seconds), with its own connection, after the edit on screen is saved."""
    from qdaw.gui.save_dialog import ask_save_path
    from qdaw.gui.workers import Worker, start
    from qdaw.project import Project

    project = manager.session.require()
    translate = QCoreApplication.translate
    title = translate("MemoActions", "Export memos")
    suggested = translate("MemoActions", "{name} memos").format(name=project.name)
    path = ask_save_path(manager, title, [".docx", ".md", ".csv"], suggested)
    if path is None:
        return None
    manager.save()
    kind = manager.kinds.currentData()
    # Headings in the interface's language ("fr" is this string's French).
    lang = translate("MemoActions", "en")
    kinds, search = ([kind] if kind else None), (manager.search.text() or None)
    location = project.location

    def task(_worker: Worker) -> Path:
        with Project.open(location, read_only=True) as reader:
            language = lang if lang in ("en", "fr") else None
            return reader.export_memos(path, language, kinds=kinds, search=search)

    def failed(message: str) -> None:
        manager.notice.setText(message)
        manager.notice.show()

    worker = Worker(task)
    manager.status.emit(translate("MemoActions", "Writing the memos…"))
    worker.signals.finished.connect(
        lambda written: manager.status.emit(
            translate("MemoActions", "Memos written: {path}").format(path=written)
        )
    )
    worker.signals.failed.connect(failed)
    return start(worker)
