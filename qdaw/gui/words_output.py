"""What the Words tab writes and edits: the table (CSV or XLSX, as the save dialog's
chosen type says), the word cloud (PNG or SVG, off the GUI thread), the stop lists.
Its strings are the tab's (translated in the WordsTab context)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from qdaw.errors import QdawError
from qdaw.gui.save_dialog import ask_save_path
from qdaw.gui.workers import Worker, start

if TYPE_CHECKING:
    from qdaw.gui.words_tab import WordsTab


def edit_stop_words(tab: WordsTab) -> None:
    from qdaw.gui.stop_words_dialog import StopWordsDialog

    StopWordsDialog(tab.session, tab).open()


def export(tab: WordsTab, path: str | None = None) -> str | None:
    from qdaw.export.tables import write_table

    if tab.frame is None:
        return None
    if path is None:
        title = QCoreApplication.translate("WordsTab", "Export word frequencies")
        name = QCoreApplication.translate("WordsTab", "words")
        chosen = ask_save_path(tab, title, [".xlsx", ".csv"], name)
        if chosen is None:
            return None
        path = str(chosen)
    try:
        written = str(write_table(tab.frame, path, "Words"))
    except (QdawError, OSError) as exc:
        tab.error.emit(str(exc))
        return None
    said = QCoreApplication.translate("WordsTab", "Table written: {path}")
    tab.status.emit(said.format(path=written))
    return written


def draw_cloud(tab: WordsTab, path: str | None = None) -> Worker | None:
    frame = tab.frame
    if frame is None:
        return None
    if path is None:
        title = QCoreApplication.translate("WordsTab", "Word cloud")
        name = QCoreApplication.translate("WordsTab", "word-cloud")
        chosen = ask_save_path(tab, title, [".png", ".svg"], name)
        if chosen is None:
            return None
        path = str(chosen)
    target = path

    def task(_worker: Worker) -> str:
        from qdaw.export.word_cloud import word_cloud

        return str(word_cloud(frame, target))

    worker = Worker(task)
    written = QCoreApplication.translate("WordsTab", "Word cloud written: {path}")
    worker.signals.finished.connect(lambda done: tab.status.emit(written.format(path=done)))
    worker.signals.failed.connect(tab.error.emit)
    return start(worker)
