"""Starting the workbench: `qdaw`, `qdaw gui [PROJECT]`, `qdaw PROJECT.qdaw`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

I18N = Path(__file__).with_name("i18n")
#: Set (to anything) to open the window, wait for it to be painted once, then close it
#: and exit with status 0: the install check's proof that the workbench starts.
QUIT_AFTER_PAINT = "QDAW_QUIT_AFTER_FIRST_PAINT"


def install_translations(app: object, language: str | None = None) -> str:
    """Load qdaw's and Qt's translations for ``language`` (default: the setting, then
    the system's); returns the language in use."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    from qdaw.gui.session import settings

    chosen = language or str(settings().value("language", "") or QLocale.system().name()[:2])
    for name, folder in (
        (f"qdaw_{chosen}", str(I18N)),
        (f"qtbase_{chosen}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)  # type: ignore[arg-type]
        if translator.load(name, folder):
            app.installTranslator(translator)  # type: ignore[attr-defined]
    return chosen


def apply_look(app: object) -> None:
    """The application icon (every rendering, so each size is drawn sharp, not scaled)
    and qdaw's stylesheet, both from resources/."""
    from PySide6.QtGui import QIcon

    from qdaw import resources

    icon = QIcon()
    for file in resources.icon_files():
        icon.addFile(str(file))
    app.setWindowIcon(icon)  # type: ignore[attr-defined]
    # Wayland compositors and task bars match the window to qdaw.desktop by this name.
    app.setDesktopFileName("qdaw")  # type: ignore[attr-defined]
    app.setStyleSheet(resources.stylesheet())  # type: ignore[attr-defined]


def create_window(
    target: str | None = None, language: str | None = None, read_only: bool = False
) -> object:
    from PySide6.QtWidgets import QApplication

    from qdaw.gui.main_window import MainWindow
    from qdaw.gui.session import settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("qdaw")
    app.setOrganizationName("qdaw")
    install_translations(app, language)
    apply_look(app)
    window = MainWindow()
    if target is None:
        last = settings().value("last_project", "")
        target = str(last) if last and Path(str(last)).exists() else None
    if target is not None:
        window.open_project(target, read_only=read_only)
    window.show()
    warm_up()
    return window


def warm_up() -> None:
    """Import the analysis libraries on a worker thread while the researcher reads, so
    the first table does not stall the window (imports run once per process)."""
    import threading

    def task() -> None:
        import numpy  # noqa: F401
        import pandas  # noqa: F401

    # A daemon thread, not the workers' pool: quitting never waits for an import.
    threading.Thread(target=task, name="warm-up", daemon=True).start()


def quit_after_first_paint(window: object) -> None:
    """Close ``window`` once it has been painted (the whole window: Qt paints every
    widget of an update in one pass, and the zero timer runs after that pass), printing
    its title so that a check can tell the project opened."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    def finish() -> None:
        print(f"qdaw: painted {window.windowTitle()}", flush=True)  # type: ignore[attr-defined]
        window.close()  # type: ignore[attr-defined]  # closeEvent stops the workers

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and watched.window() is window
            ):
                QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
                QTimer.singleShot(0, finish)
            return False

    app = QApplication.instance()
    assert app is not None
    watcher = FirstPaint(app)
    app.installEventFilter(watcher)


def main(target: str | None = None, language: str | None = None, read_only: bool = False) -> int:
    from PySide6.QtWidgets import QApplication

    window = create_window(target, language, read_only)
    app = QApplication.instance()
    assert app is not None and window is not None
    if os.environ.get(QUIT_AFTER_PAINT):
        quit_after_first_paint(window)
    code = int(app.exec())
    # Everything is saved by now (each edit is committed when shown; the window closed
    # the project and wrote its settings): skip the interpreter's teardown of Qt and
    # the analysis libraries, which takes about a second.
    from qdaw.gui.session import settings

    settings().sync()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
