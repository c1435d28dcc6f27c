"""The Qt binding must survive what the document view does thousands of times."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_highlight_formats_do_not_corrupt_the_interpreter() -> None:
    # PySide6 6.12.0 decremented None's reference count in setBackground until Python
    # aborted ("deallocating None") while opening a long, densely coded transcript.
    script = textwrap.dedent(
        """
        from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
        from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit
        app = QApplication([])
        view = QPlainTextEdit()
        view.setPlainText("x" * 30000)
        selections = []
        for i in range(20000):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(view.document())
            cursor.setPosition(i)
            cursor.setPosition(i + 5, QTextCursor.MoveMode.KeepAnchor)
            text_format = QTextCharFormat()
            text_format.setBackground(QColor(70, 99, 216, 70))
            selection.cursor = cursor
            selection.format = text_format
            selections.append(selection)
        view.setExtraSelections(selections)
        print("ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"
