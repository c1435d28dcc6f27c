"""Save dialogs whose chosen file type decides the extension of the file written."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

#: Every kind of file qdaw writes: extension → label (translated when shown).
KINDS: dict[str, Any] = {
    ".xlsx": QT_TRANSLATE_NOOP("SaveDialog", "Excel workbook"),
    ".csv": QT_TRANSLATE_NOOP("SaveDialog", "CSV table"),
    ".docx": QT_TRANSLATE_NOOP("SaveDialog", "Word document"),
    ".html": QT_TRANSLATE_NOOP("SaveDialog", "Web page"),
    ".md": QT_TRANSLATE_NOOP("SaveDialog", "Markdown"),
    ".qdaw": QT_TRANSLATE_NOOP("SaveDialog", "qdaw project"),
    ".svg": QT_TRANSLATE_NOOP("SaveDialog", "SVG picture"),
    ".png": QT_TRANSLATE_NOOP("SaveDialog", "PNG picture"),
    ".qdpx": QT_TRANSLATE_NOOP("SaveDialog", "REFI-QDA project"),
}


def filter_for(extension: str) -> str:
    label = QCoreApplication.translate("SaveDialog", str(KINDS[extension]))
    return f"{label} (*{extension})"


def with_extension(path: str, chosen: str, extensions: Sequence[str]) -> Path:
    """The file to write: the extension of the chosen filter, whatever was typed.

    "hypotheses" with the Excel filter is ``hypotheses.xlsx``; "table.csv" with the
    Excel filter is ``table.xlsx`` (another known type's extension is replaced, so a
    name never carries two); an unknown suffix such as "v2" is kept: ``data.v2.xlsx``.
    """
    extension = next((ext for ext in extensions if chosen == filter_for(ext)), extensions[0])
    target = Path(path)
    if target.suffix.lower() == extension:
        return target
    if target.suffix.lower() in KINDS:
        return target.with_suffix(extension)
    return target.with_name(target.name + extension)


def ask_save_path(
    parent: QWidget, title: str, extensions: Sequence[str], suggested: str = ""
) -> Path | None:
    """Ask where to save; the file type chosen in the dialog sets the extension."""
    from qdaw.gui.session import settings

    filters = [filter_for(ext) for ext in extensions]
    store = settings()
    # In the folder of the last file saved (else the home folder), not wherever qdaw
    # happened to be started.
    folder = Path(str(store.value("save/folder", "") or Path.home()))
    start = str(folder / suggested)  # (an absolute suggestion replaces the folder)
    path, chosen = QFileDialog.getSaveFileName(parent, title, start, ";;".join(filters))
    if not path:
        return None
    target = with_extension(path, chosen, extensions)
    store.setValue("save/folder", str(target.parent))
    return target
