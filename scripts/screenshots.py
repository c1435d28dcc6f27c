"""Screenshots of the workbench on the sample project, for docs/screenshots/.

xvfb-run -s "-screen 0 1600x1000x24" python scripts/screenshots.py   # as a user sees it
QT_QPA_PLATFORM=offscreen python scripts/screenshots.py             # without a display
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qdaw.gui.app import install_translations  # noqa: E402
from qdaw.gui.coding import QuickCodeBox  # noqa: E402
from qdaw.gui.import_dialog import ImportDialog  # noqa: E402
from qdaw.gui.main_window import MainWindow  # noqa: E402
from qdaw.sample import SAMPLE_SOURCES, build_sample  # noqa: E402


def save(widget: QWidget, name: str, folder: Path) -> None:
    QTest.qWait(150)
    widget.grab().save(str(folder / name))
    print(folder / name)


def hover_first_long_stripe(window: MainWindow) -> None:
    margin = window.document.margin
    margin.repaint()
    rect, _ = max(
        margin.painted[: len(margin.painted) // 2 or 1], key=lambda item: item[0].height()
    )
    QTest.mouseMove(margin, rect.center())
    margin.mouseMoveEvent(
        QMouseEvent(
            QMouseEvent.Type.MouseMove,
            QPointF(rect.center()),
            QPointF(margin.mapToGlobal(rect.center())),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )


def main(folder: Path = ROOT / "docs" / "screenshots", language: str = "en") -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translations(app, language)
    project = build_sample(Path(tempfile.mkdtemp()) / "referents.qdaw", SAMPLE_SOURCES)
    window = MainWindow()
    window.resize(1600, 1000)
    window.open_project(str(project))
    window.show()
    QTest.qWait(300)
    session = window.session.require()
    window.open_document(session.document("referent2").id)
    window.document.text_view.verticalScrollBar().setValue(0)
    window.codebook.select(session.code("Modalités d'évaluation").id)
    hover_first_long_stripe(window)
    if language != "en":  # one picture of the translated window is enough
        save(window, f"workbench-{language}.png", folder)
        window.close()
        return
    save(window, "workbench.png", folder)

    window.analysis.setCurrentWidget(window.analysis.crosstab)
    window.analysis.variable.setCurrentText("discipline")
    save(window.docks["analysis"], "crosstab.png", folder)
    window.analysis.setCurrentWidget(window.analysis.matrix)
    save(window.docks["analysis"], "matrix.png", folder)
    window.analysis.setCurrentWidget(window.analysis.retrieval)
    save(window.docks["analysis"], "retrieval.png", folder)

    text = window.document.text
    start = text.index("J'ai beaucoup cherché sur Internet")
    window.document.select_range(start, start + len("J'ai beaucoup cherché sur Internet"))

    def capture_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QuickCodeBox):
            box.field.setText("Ressources en réseau/Autoformation en ligne")
            save(box, "quick-code.png", folder)
            box.reject()
        else:
            QTimer.singleShot(50, capture_box)

    QTimer.singleShot(100, capture_box)
    window.coding.quick_code()

    dialog = ImportDialog(window.session, [str(SAMPLE_SOURCES / "transcripts")], window)
    dialog.by_pattern.setChecked(True)
    dialog.show()
    save(dialog, "import.png", folder)
    dialog.close()
    window.close()


if __name__ == "__main__":
    main(language=sys.argv[1] if len(sys.argv) > 1 else "en")
