"""Screenshots of the workbench on the sample project, for docs/screenshots/.

xvfb-run -s "-screen 0 1600x1000x24" python scripts/screenshots.py   # as a user sees it
xvfb-run -s "-screen 0 1366x768x24" python scripts/screenshots.py first-run
    # the window as it first opens on that screen: workbench-1366x768.png
QT_QPA_PLATFORM=offscreen python scripts/screenshots.py             # without a display
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
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


def first_run(folder: Path = ROOT / "docs" / "screenshots") -> None:
    """A first start (no saved layout) on this screen, the sample open and searched."""
    import os

    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()  # no remembered layout
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translations(app, "en")
    project = build_sample(Path(tempfile.mkdtemp()) / "referents.qdaw", SAMPLE_SOURCES)
    window = MainWindow()
    window.open_project(str(project))
    window.show()
    QTest.qWait(800)
    session = window.session.require()
    window.open_document(session.document("referent2").id)
    window.codebook.select(session.code("Modalités d'évaluation").id)
    screen = window.screen().geometry()
    save(window, f"workbench-{screen.width()}x{screen.height()}.png", folder)
    window.close()


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
    text_intelligence(window, folder)
    window.close()


def wait_until(condition: Callable[[], bool], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        QTest.qWait(50)


def text_intelligence(window: MainWindow, folder: Path) -> None:
    """The keyword-in-context panel, autocoding, distinctive words and names."""
    session = window.session.require()
    session.index_text()
    window.find_in_project()
    panel = window.search
    panel.mode.setCurrentIndex(panel.mode.findData("lemma"))
    panel.field.setText("vouloir")
    found: list[int] = []
    panel.searched.connect(found.append)
    panel.search()
    wait_until(lambda: bool(found))
    QTest.qWait(200)
    save(window.docks["search"], "kwic.png", folder)
    from qdaw.gui.autocode_dialog import AutocodeDialog

    autocode = AutocodeDialog(window.session, "vouloir", "lemma",
                              panel.model.hits, window)  # fmt: skip
    autocode.unit.setCurrentIndex(autocode.unit.findData("sentence"))
    autocode.respondents.setChecked(True)
    autocode.code.setCurrentText("Attentes des enseignants")
    autocode.show()
    save(autocode, "autocode.png", folder)
    autocode.close()
    words = window.codebook.distinctive_words(session.code("Gestion de la fraude").id)
    wait_until(lambda: words.frame is not None)  # type: ignore[attr-defined]
    save(words, "distinctive-words.png", folder)
    words.close()
    session.add_document(
        "notes de terrain",
        "Entretien préparé avec Marie Dupont, conseillère pédagogique à Rennes. "
        "Mme Dupont a présenté l'équipe de l'Université Rennes 2.",
        case="Référent 1",
    )
    names = window.names_dialog()
    names.detect()
    wait_until(lambda: names.worker is None)
    for name in ("Marie Dupont", "Dupont", "Rennes"):
        session.accept_entity(name)
    names.table.selectRow(0)
    QTest.qWait(200)
    save(names, "names.png", folder)
    names.close()


if __name__ == "__main__":
    if sys.argv[1:] == ["first-run"]:
        first_run()
    else:
        main(language=sys.argv[1] if len(sys.argv) > 1 else "en")
