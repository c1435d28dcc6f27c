"""Who codes, and whose coding the margin shows: File ▸ Coder…, the status bar's coder,
and View ▸ Coders (stripes by code or by coder, one coder, coders side by side)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QInputDialog, QLabel, QMainWindow, QMenu

from qdaw.errors import QdawError
from qdaw.gui.coder_display import Mode
from qdaw.gui.document_view import DocumentView
from qdaw.gui.session import Session


class CoderControls(QObject):
    def __init__(self, window: QMainWindow, session: Session, document: DocumentView) -> None:
        super().__init__(window)
        self.window, self.session, self.document = window, session, document
        self.label = QLabel(window)
        self.label.setToolTip(self.tr("New segments are this coder's (File ▸ Coder…)"))
        window.statusBar().addPermanentWidget(self.label)
        self.dialog: QInputDialog | None = None
        self.mode_actions: dict[Mode, QAction] = {}
        self.group = QActionGroup(self)
        session.opened.connect(self.show_coder)
        session.closed.connect(self.show_coder)
        session.coderChanged.connect(lambda _name: self.show_coder())
        self.show_coder()

    def show_coder(self) -> None:
        project = self.session.project
        self.label.setText(self.tr("Coder: {name}").format(name=self.session.coder))
        self.label.setVisible(project is not None)

    # -- File ▸ Coder… -------------------------------------------------------------------
    def choose(self) -> QInputDialog:
        """Ask for the coder's name: a known coder, or a new one typed in."""
        project = self.session.project
        known = [row.name for row in project.coder_rows()] if project is not None else []
        current = self.session.coder
        if current not in known:
            known.insert(0, current)
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(self.tr("Coder"))
        dialog.setLabelText(
            self.tr("Who is coding? New segments and your undo steps carry this name.")
        )
        dialog.setComboBoxItems(known)
        dialog.setComboBoxEditable(True)
        dialog.setTextValue(current)
        dialog.textValueSelected.connect(self._chosen)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _chosen(self, name: str) -> None:
        try:
            chosen = self.session.set_coder(name)
        except QdawError as exc:
            self.window.statusBar().showMessage(str(exc), 8000)
            return
        self.window.statusBar().showMessage(self.tr("Coding as {name}").format(name=chosen), 4000)

    # -- View ▸ Coders ---------------------------------------------------------------------
    def build_view_menu(self, view: QMenu) -> QMenu:
        menu = view.addMenu(self.tr("&Coders in the margin"))
        for mode, text in (
            ("code", self.tr("Stripes by &code")),
            ("coder", self.tr("Stripes by c&oder")),
            ("lanes", self.tr("Coders &side by side")),
        ):
            action = QAction(text, self)
            action.setCheckable(True)
            action.setChecked(mode == "code")
            action.triggered.connect(lambda _checked=False, m=mode: self.show(m))
            self.group.addAction(action)
            menu.addAction(action)
            self.mode_actions[mode] = action  # type: ignore[index]
        self.only_menu = menu.addMenu(self.tr("&Only one coder"))
        self.only_menu.aboutToShow.connect(self._fill_only)
        return menu

    def _fill_only(self) -> None:
        self.only_menu.clear()
        project = self.session.project
        names = [row.name for row in project.coder_rows()] if project is not None else []
        for name in names:
            action = self.only_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(
                self.document.coder_mode == "one" and self.document.shown_coder == name
            )
            action.triggered.connect(partial(self.show, "one", name))
        if not names:
            self.only_menu.addAction(self.tr("(no coder yet)")).setEnabled(False)

    def show(self, mode: Mode, coder: str | None = None, coders: list[str] | None = None) -> None:
        self.document.show_coders(mode, coder, coders)
        for key, action in self.mode_actions.items():
            action.setChecked(key == mode)
        if mode == "one":
            checked = self.group.checkedAction()
            if checked is not None:  # an exclusive group keeps one: lift it for "one"
                self.group.setExclusive(False)
                checked.setChecked(False)
                self.group.setExclusive(True)
