"""The workbench window: assembles the panels, menus and shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QStandardPaths, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from qdaw.core.operations import Area
from qdaw.errors import NothingToUndo, QdawError
from qdaw.gui.analysis_panel import AnalysisPanel
from qdaw.gui.backup_actions import BackupActions
from qdaw.gui.codebook_panel import CodebookPanel
from qdaw.gui.coder_menu import CoderControls
from qdaw.gui.coding import CodingController
from qdaw.gui.dialogs import EmptyProjectPage, VariablesDialog, WelcomePage, about
from qdaw.gui.document_view import DocumentView
from qdaw.gui.import_dialog import ImportDialog
from qdaw.gui.memo_actions import open_memo_manager, settle_memos
from qdaw.gui.operation_labels import label_of
from qdaw.gui.project_files import ProjectFiles
from qdaw.gui.refi_import import RefiImportAction
from qdaw.gui.rules_action import RuleFileAction
from qdaw.gui.save_dialog import ask_save_path
from qdaw.gui.search_panel import SearchPanel
from qdaw.gui.session import ChangeEvent, Session, recent_projects, settings
from qdaw.gui.side_panels import CasesPanel, HypothesesPanel
from qdaw.gui.status_progress import StatusProgress
from qdaw.gui.workers import Worker, start, stop_all
from qdaw.nlp.parallel import worker_count
from qdaw.project import Project

if TYPE_CHECKING:
    from qdaw.gui.memo_manager import MemoManager
    from qdaw.gui.names_dialog import NamesDialog
    from qdaw.gui.sets_dialog import SetsDialog


def project_filter() -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("MainWindow", "qdaw projects (*.qdaw)")


class MainWindow(QMainWindow):
    def __init__(self, session: Session | None = None) -> None:
        super().__init__()
        self.session = session or Session(self)
        self.setAcceptDrops(True)
        self.resize(1400, 900)
        self.welcome = WelcomePage(self)
        self.empty = EmptyProjectPage(self)
        self.document = DocumentView(self.session, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.document)
        self.dialogs: list[QWidget] = []  # windows that show this project's data
        self.memo_manager: MemoManager | None = None  # shown again rather than rebuilt
        self.setCentralWidget(self.stack)
        self.cases = CasesPanel(self.session, self)
        self.codebook = CodebookPanel(self.session, self)
        self.hypotheses = HypothesesPanel(self.session, self)
        self.analysis = AnalysisPanel(self.session, self.codebook.selected_ids, self)
        self.search = SearchPanel(self.session, self)
        self.coding = CodingController(self.session, self.document, self)
        self.rules = RuleFileAction(self.session, self)
        self.docks: dict[str, QDockWidget] = {}
        # The left column runs the full height (respondents, codebook, hypotheses need
        # rows); the analysis tables sit under the transcript only.
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.TopLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._dock(
            "cases", self.tr("Respondents"), self.cases, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self._dock(
            "codes", self.tr("Codebook"), self.codebook, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self._dock(
            "hypotheses",
            self.tr("Hypotheses"),
            self.hypotheses,
            Qt.DockWidgetArea.LeftDockWidgetArea,
        )
        self._dock(
            "analysis", self.tr("Analysis"), self.analysis, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self._dock(
            "search",
            self.tr("Search the project"),
            self.search,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        # Keyword-in-context lines are wide: beside the analysis tables, not beside the
        # transcript (which they would squeeze).
        self.tabifyDockWidget(self.docks["analysis"], self.docks["search"])
        self.docks["analysis"].raise_()
        self.docks["search"].hide()
        self._panels_shown = True
        self._panel_state: QByteArray | None = None
        self.saved = QLabel(self)
        self.progress = StatusProgress(self)  # background indexing, in the status bar
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.saved)
        self.files = ProjectFiles(self, self.session, self.show_error)
        self.coders = CoderControls(self, self.session, self.document)
        self.refi_import = RefiImportAction(self.session, self)
        self.backups = BackupActions(self.session, self)
        self._build_menus()
        self._connect()
        self._restore_layout()
        self._project_changed()

    # -- construction -------------------------------------------------------------------
    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{name}")
        # Movable and closable, not floatable: a drag meant to resize must never tear a
        # panel out of the window.
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[name] = dock

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: str | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        # triggered(bool) would land the checked state in the slot's first argument
        # (a path, a parent code): menu commands take no arguments.
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        self._action(file, self.tr("&New project…"), self.new_project, QKeySequence.StandardKey.New)
        self._action(
            file, self.tr("&Open project…"), self.open_dialog, QKeySequence.StandardKey.Open
        )
        self._action(file, self.tr("Open &server project…"), self.open_server_dialog)
        self.recent_menu = file.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._action(file, self.tr("Open the &sample project"), self.open_sample)
        file.addSeparator()
        imports = self._action(
            file, self.tr("&Import transcripts…"), self.import_dialog, "Ctrl+Shift+I"
        )
        refi_import = self._action(
            file, self.tr("Import REFI-QDA pro&ject…"), self.refi_import.choose
        )
        variables = self._action(
            file, self.tr("Respondent &variables…"), self.variables_dialog, "Ctrl+Shift+R"
        )
        workbook = self._action(
            file, self.tr("Export &workbook (XLSX)…"), self.export_workbook, "Ctrl+Shift+E"
        )
        refi = self._action(file, self.tr("Export REFI-QDA &project (.qdpx)…"), self.export_qdpx)
        report = self._action(file, self.tr("Hypotheses &report…"), self.analysis.write_report)
        names = self._action(file, self.tr("&Names and anonymisation…"), self.names_dialog)
        self.coder_action = self._action(file, self.tr("C&oder…"), self.coders.choose)
        self.save_copy_action = self._action(
            file, self.tr("Save a &copy…"), self.files.save_copy, "Ctrl+Shift+S"
        )
        back_up = self._action(file, self.tr("&Back up now"), self.backups.back_up_now)
        restore = self._action(file, self.tr("Restore a bac&kup…"), self.backups.choose_restore)
        # What changes the project: disabled, saying why, when it is read-only.
        self.edit_actions = [imports, refi_import, variables, names, restore]
        self.project_actions = [
            imports, refi_import, variables, workbook, refi, report, names, self.save_copy_action,
            back_up, restore,
        ]  # fmt: skip
        file.addSeparator()
        self.project_actions.append(
            self._action(
                file, self.tr("&Close project"), self.close_project, QKeySequence.StandardKey.Close
            )
        )
        self._action(file, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        edit = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(
            edit, self.tr("Undo"), self.undo, QKeySequence.StandardKey.Undo
        )
        self.redo_action = self._action(edit, self.tr("Redo"), self.redo, "Ctrl+Shift+Z")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addSeparator()
        self.project_actions += [
            self._action(
                edit,
                self.tr("&Find in document"),
                self.document.find_bar.open_bar,
                QKeySequence.StandardKey.Find,
            ),
            self._action(edit, self.tr("Find in &project"), self.find_in_project, "Ctrl+Shift+F"),
        ]
        code = bar.addMenu(self.tr("&Code"))
        coding = [
            self._action(code, self.tr("&Quick code…"), self.coding.quick_code, "Ctrl+K"),
            self._action(code, self.tr("Code in &vivo"), self.coding.in_vivo, "Ctrl+I"),
            self._action(
                code, self.tr("Apply the selected &code"), self.apply_selected_code, "Ctrl+Return"
            ),
            self._action(code, self.tr("&New code…"), self.codebook.new_code, "Ctrl+Shift+N"),
            self._action(code, self.tr("New &hypothesis…"), self.hypotheses.new, "Ctrl+Shift+H"),
            self._action(
                code, self.tr("Index &text (sentences, speakers, lemmas)"), self.index_text
            ),
            self._action(code, self.tr("Apply a &rule file…"), self.rules.choose),
            self._action(code, self.tr("S&ets…"), self.sets_dialog),
        ]
        self.edit_actions += coding
        self.project_actions += [
            *coding,
            self._action(
                code,
                self.tr("Extend selection to whole &sentences"),
                partial(self.coding.snap_selection, "sentence"),
                "Ctrl+Alt+S",
            ),
            self._action(
                code,
                self.tr("Extend selection to whole &paragraphs"),
                partial(self.coding.snap_selection, "paragraph"),
                "Ctrl+Alt+P",
            ),
        ]
        for menu in (file, edit, code):
            menu.setToolTipsVisible(True)  # a disabled command's tooltip says why
        view = bar.addMenu(self.tr("&View"))
        for dock in self.docks.values():
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        memos = partial(open_memo_manager, self)
        self.project_actions.append(self._action(view, self.tr("&Memos…"), memos, "Ctrl+Shift+M"))
        self.project_actions.append(self.coders.build_view_menu(view).menuAction())
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About qdaw"), lambda: about(self))

    def _connect(self) -> None:
        session = self.session
        session.changed.connect(self._on_change)
        session.opened.connect(self._project_changed)
        session.closing.connect(self._on_closing)
        session.closed.connect(self._project_changed)
        self.cases.documentActivated.connect(self.open_document)
        self.codebook.codeActivated.connect(lambda code_id: self.coding.apply([code_id]))
        self.codebook.tree.selectionModel().selectionChanged.connect(
            lambda *_: self.analysis.refresh_codes_selection()
        )
        self.codebook.model.modelReset.connect(self._reconnect_codebook_selection)
        self.cases.model.modelReset.connect(self._show_current_document)
        self.analysis.jumpTo.connect(self.show_passage)
        self.analysis.agreement.compareCoders.connect(
            lambda coders: self.coders.show("lanes", coders=coders)
        )
        self.search.hitChosen.connect(self.show_passage)
        for source in (
            self.codebook,
            self.cases,
            self.hypotheses,
            self.coding,
            self.analysis,
            self.rules,
        ):
            source.error.connect(self.show_error)
        self.coding.codeCreated.connect(self.codebook.reveal)
        self.refi_import.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.refi_import.error.connect(self.show_error)
        self.backups.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.backups.error.connect(self.show_error)
        self.rules.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.coding.status.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.analysis.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.welcome.newRequested.connect(self.new_project)
        self.welcome.openRequested.connect(self.open_dialog)
        self.welcome.sampleRequested.connect(self.open_sample)
        self.welcome.recentChosen.connect(self.open_project)
        self.empty.importRequested.connect(self.import_dialog)
        self.session.changed.connect(self._documents_changed)

    def _documents_changed(self, event: ChangeEvent) -> None:
        if Area.DOCUMENTS in event.areas:
            self.show_centre()

    def _show_current_document(self) -> None:
        if self.document.document_id is not None:
            self.cases.show_document(self.document.document_id)

    def _reconnect_codebook_selection(self) -> None:
        self.analysis.refresh_codes_selection()

    # -- project lifecycle ----------------------------------------------------------------
    def _project_changed(self) -> None:
        project = self.session.project
        has_project = project is not None
        for action in self.project_actions:
            action.setEnabled(has_project)
        for dock in self.docks.values():
            dock.setEnabled(has_project)
        self._show_panels(has_project)
        self.files.show_state(self.edit_actions)
        self.setWindowTitle(self.files.title())
        self.welcome.fill_recent()
        self.saved.setText(self.tr("All changes saved") if has_project else "")
        self._update_undo()
        self.show_centre()

    def show_centre(self) -> None:
        """The welcome page without a project, a hint when it has no transcript yet,
        else the open document (the first one after opening)."""
        project = self.session.project
        if project is None:
            self.stack.setCurrentWidget(self.welcome)
            return
        if self.document.document_id is not None:
            self.stack.setCurrentWidget(self.document)
            return
        first = project.first_document_id()
        if first is not None:
            self.open_document(first)
        else:
            self.stack.setCurrentWidget(self.empty)

    def _show_panels(self, shown: bool) -> None:
        """Panels belong to a project: the welcome page stands alone. Their layout is
        kept while hidden and comes back as it was."""
        if shown == self._panels_shown:
            return
        if not shown:
            if self.isVisible():  # (before the window is shown they have no layout yet)
                self._panel_state = self.saveState()
            for dock in self.docks.values():
                dock.hide()
        elif self._panel_state is not None:
            self.restoreState(self._panel_state)
        else:  # the first project of a first start: room for each panel
            for name, dock in self.docks.items():
                dock.setVisible(name != "search")
            QTimer.singleShot(50, self.first_run_proportions)  # once they are laid out
        self._panels_shown = shown

    def _close_dialogs(self) -> None:
        for dialog in self.dialogs:
            dialog.close()
            dialog.deleteLater()
        self.dialogs = []

    def _keep(self, dialog: QWidget) -> None:
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]

    def open_project(self, path: str, create: bool = False, read_only: bool = False) -> bool:
        """Open (or create) a project; one that cannot be written opens read-only."""
        if not settle_memos(self):
            return False
        try:
            self.session.open(path, create=create, read_only=read_only)
        except (QdawError, OSError) as exc:
            advice = (
                self.tr("Check the address, and that the server knows your user and password.")
                if "://" in path
                else self.tr("Choose a qdaw project file (.qdaw), or create a new project.")
            )
            self.show_error(str(exc), advice)
            return False
        project = self.session.project
        if project is not None and project.backup_path is not None:
            self.statusBar().showMessage(
                self.tr("Project upgraded; the previous version was kept as {path}").format(
                    path=project.backup_path
                ),
                10000,
            )
        return True

    def new_project(self) -> None:
        path = ask_save_path(self, self.tr("New project"), [".qdaw"])
        if path is not None:
            self.open_project(str(path), create=True)

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), "", project_filter())
        if path:
            self.open_project(path)

    def open_server_dialog(self) -> None:
        """A team's project on a PostgreSQL server (qdaw server init)."""
        from qdaw.gui.server_dialog import ask_server_url

        url = ask_server_url(self)
        if url:
            self.open_project(url)

    def open_sample(self) -> None:
        from qdaw.sample import SAMPLE_SOURCES, build_sample

        folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        )
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "referents.qdaw"
        if not path.exists():
            if not SAMPLE_SOURCES.exists():
                self.show_error(self.tr("The sample study's sources are not installed."))
                return
            build_sample(path)
            if self.open_project(str(path)):
                self.index_text()  # sentences, speakers and lemmas, in the background
            return
        self.open_project(str(path))

    def close_project(self) -> None:
        if settle_memos(self):
            self.session.close()

    def _on_closing(self) -> None:
        stop_all()  # no worker may write to a project once it is closed
        self._close_dialogs()
        self.document.clear()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in recent_projects():
            self.recent_menu.addAction(path, partial(self.open_project, path))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    # -- reading ---------------------------------------------------------------------------
    def open_document(self, document_id: int) -> None:
        self.document.load(document_id)
        self.cases.show_document(document_id)
        self.stack.setCurrentWidget(self.document)

    def show_passage(self, document_id: int, start: int, end: int) -> None:
        if self.document.document_id != document_id:
            self.open_document(document_id)
        self.document.select_range(start, end)

    def find_in_project(self) -> None:
        self.docks["search"].show()
        self.docks["search"].raise_()
        self.search.focus()

    def apply_selected_code(self) -> None:
        codes = self.codebook.selected_ids()
        if codes:
            self.coding.apply(codes)
        else:
            self.statusBar().showMessage(self.tr("Select a code in the codebook first"), 4000)

    # -- editing ----------------------------------------------------------------------------
    def _on_change(self, event: ChangeEvent) -> None:
        if getattr(event, "remote", False):  # another writer: say who, keep our own line
            self.statusBar().showMessage(
                self.tr("{coder}: {label}").format(
                    coder=event.coder or self.tr("Another writer"),
                    label=label_of(event.op, event.label),
                ),
                8000,
            )
            self._update_undo()
            return
        verb = {"do": self.tr("Saved"), "undo": self.tr("Undone"), "redo": self.tr("Redone")}[
            event.action
        ]
        time = datetime.now().strftime("%H:%M:%S")
        message = self.tr("{verb}: {label} — all changes saved ({time})")
        self.saved.setText(
            message.format(verb=verb, label=label_of(event.op, event.label), time=time)
        )
        self._update_undo()

    def _update_undo(self) -> None:
        project = self.session.project
        undo = project.undo_operation if project else None
        redo = project.redo_operation if project else None
        undo_text = (
            self.tr("Undo {label}").format(label=label_of(undo)) if undo else self.tr("Undo")
        )
        redo_text = (
            self.tr("Redo {label}").format(label=label_of(redo)) if redo else self.tr("Redo")
        )
        self.undo_action.setText(undo_text)
        self.redo_action.setText(redo_text)
        writable = project is not None and not project.read_only
        self.undo_action.setEnabled(bool(undo) and writable)
        self.redo_action.setEnabled(bool(redo) and writable)

    def undo(self) -> None:
        self._step(lambda project: project.undo())

    def redo(self) -> None:
        self._step(lambda project: project.redo())

    def _step(self, action: Callable[[Project], object]) -> None:
        project = self.session.project
        if project is None:
            return
        try:
            action(project)
        except NothingToUndo:
            pass
        except QdawError as exc:
            self.show_error(str(exc))

    def index_text(self) -> Worker:
        """spaCy over the documents not indexed yet, on a worker thread with its own
        connection; the window stays responsive and shows progress."""
        location, coder = self.session.require().location, self.session.coder

        def task(worker: Worker) -> int:
            with Project.open(location, coder=coder) as project:  # written as this coder
                return project.index_text(
                    progress=lambda done, total, name: worker.report(done, total, name),
                    cancelled=lambda: worker.cancelled,
                    # Always in worker processes: spaCy on this thread would hold the
                    # interpreter lock and stall the window.
                    workers=worker_count(),
                )

        progress = self.progress
        worker = Worker(task)
        progress.begin(self.tr("Indexing the text…"))
        progress.cancelRequested.connect(worker.cancel)

        def report(done: int, total: int, name: str) -> None:
            progress.report(
                done, total, self.tr("Indexing {name}…").format(name=name) if name else ""
            )

        def finished(count: int) -> None:
            progress.end()
            progress.cancelRequested.disconnect(worker.cancel)
            self.statusBar().showMessage(self.tr("{n} documents indexed").format(n=count), 8000)

        def failed(message: str) -> None:
            progress.end()
            progress.cancelRequested.disconnect(worker.cancel)
            self.show_error(message)

        worker.signals.progress.connect(report)
        worker.signals.finished.connect(finished)
        worker.signals.failed.connect(failed)
        return start(worker)

    def import_dialog(self, paths: list[str] | None = None) -> ImportDialog:
        dialog = ImportDialog(self.session, paths or [], self)
        dialog.imported.connect(self._imported)
        self._keep(dialog)
        dialog.show()
        return dialog

    def _imported(self, count: int) -> None:
        if count:
            self.statusBar().showMessage(self.tr("{n} documents imported").format(n=count), 8000)
            self.show_centre()

    def names_dialog(self) -> NamesDialog:
        from qdaw.gui.names_dialog import NamesDialog

        dialog = NamesDialog(self.session, self)
        self._keep(dialog)
        dialog.show()
        return dialog

    def sets_dialog(self) -> SetsDialog:
        from qdaw.gui.sets_dialog import SetsDialog

        dialog = SetsDialog(self.session, self)
        self._keep(dialog)
        dialog.show()
        return dialog

    def variables_dialog(self) -> VariablesDialog:
        dialog = VariablesDialog(self.session, self)
        self._keep(dialog)
        dialog.show()
        return dialog

    def export_workbook(self, path: str | None = None) -> Path | None:
        from qdaw.export.tables import write_workbook

        project = self.session.require()
        target = (
            ask_save_path(self, self.tr("Export workbook"), [".xlsx"], project.name)
            if path is None
            else Path(path)
        )
        if target is None:
            return None
        try:
            sheets = project.workbook_sheets(anonymise=self.session.anonymise_exports)
            written = write_workbook(sheets, target)
        except (QdawError, OSError) as exc:
            self.show_error(str(exc))
            return None
        self.statusBar().showMessage(self.tr("Workbook written: {path}").format(path=written), 8000)
        return written

    def export_qdpx(self, path: str | None = None) -> Path | None:
        """The project for NVivo, ATLAS.ti, MAXQDA or QualCoder (positions in code
        points, as the standard says; the command line writes NVivo's UTF-16 too)."""
        project = self.session.require()
        target = (
            ask_save_path(self, self.tr("Export REFI-QDA project"), [".qdpx"], project.name)
            if path is None
            else Path(path)
        )
        if target is None:
            return None
        try:
            written = project.export_qdpx(target)
        except (QdawError, OSError) as exc:
            self.show_error(str(exc))
            return None
        self.statusBar().showMessage(
            self.tr("REFI-QDA project written: {path}").format(path=written), 8000
        )
        return written

    def show_error(self, message: str, advice: str = "") -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("qdaw"), message, QMessageBox.StandardButton.Ok, self
        )
        if advice:
            box.setInformativeText(advice)
        box.open()

    # -- desktop manners -------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.session.project is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_dialog(paths).run()

    def _restore_layout(self) -> None:
        store = settings()
        geometry = store.value("window/geometry")
        state = store.value("window/state")
        self._first_run = not isinstance(geometry, QByteArray)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self._fit_screen()
        if isinstance(state, QByteArray):
            self.restoreState(state)
            self._panel_state = state

    def _fit_screen(self) -> None:
        """First start: the window takes the screen (maximised on a laptop's)."""
        area = self.screen().availableGeometry()
        width, height = min(area.width(), 1680), min(area.height(), 1050)
        self.resize(width, height)
        self.move(area.center().x() - width // 2, area.center().y() - height // 2)
        if area.width() < 1600 or area.height() < 900:
            self.setWindowState(Qt.WindowState.WindowMaximized)

    def first_run_proportions(self) -> None:
        """Room for the transcript, the codebook's names and about ten analysis rows."""
        width, height = self.width(), self.height()
        left = [self.docks[name] for name in ("cases", "codes", "hypotheses")]
        self.resizeDocks(left, [max(min(360, width * 3 // 10), width // 4)] * 3,
                         Qt.Orientation.Horizontal)  # fmt: skip
        column = height - 60
        self.resizeDocks(
            left, [int(column * 0.22), int(column * 0.5), int(column * 0.28)],
            Qt.Orientation.Vertical,
        )  # fmt: skip
        self.resizeDocks([self.docks["analysis"]], [height * 21 // 50], Qt.Orientation.Vertical)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_run:
            self._first_run = False
            if self._panels_shown:  # (else when the first project opens)
                # After the window manager has given the window its size.
                QTimer.singleShot(50, self.first_run_proportions)  # once they are laid out

    def closeEvent(self, event: QCloseEvent) -> None:
        if not settle_memos(self):
            event.ignore()  # an unsaved memo the researcher chose to keep
            return
        stop_all()  # no worker may write to the project once it is closed
        store = settings()
        store.setValue("window/geometry", self.saveGeometry())
        state = self.saveState() if self._panels_shown else self._panel_state
        if state is not None:
            store.setValue("window/state", state)
        self.session.close()
        super().closeEvent(event)
