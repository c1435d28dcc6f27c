"""Importing transcripts: files and folders, case naming, progress, cancel, failures."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStringListModel, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from qdaw.errors import QdawError
from qdaw.gui.session import Session
from qdaw.gui.workers import Worker, start
from qdaw.ingest.readers import SUPPORTED_SUFFIXES

if TYPE_CHECKING:
    from qdaw.ingest.batch import ReadResult


class ImportDialog(QDialog):
    imported = Signal(int)  # number of documents stored

    def __init__(
        self, session: Session, paths: list[str] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Import transcripts"))
        self.resize(640, 520)
        self.paths: list[str] = []
        self.worker: Worker | None = None
        self.files = QStringListModel(self)
        self.list = QListView(self)
        self.list.setModel(self.files)
        add_files = QPushButton(self.tr("Add files…"), self)
        add_folder = QPushButton(self.tr("Add folder…"), self)
        clear = QPushButton(self.tr("Clear"), self)
        add_files.clicked.connect(self.choose_files)
        add_folder.clicked.connect(self.choose_folder)
        clear.clicked.connect(lambda: self.set_paths([]))
        self.by_stem = QRadioButton(self.tr("One respondent per file name"), self)
        self.one_case = QRadioButton(self.tr("All files belong to:"), self)
        self.by_pattern = QRadioButton(self.tr("From the file name with a pattern:"), self)
        self.by_stem.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.by_stem, self.one_case, self.by_pattern):
            group.addButton(button)
        self.case_name = QLineEdit(self)
        self.pattern = QLineEdit(r"referent(\d+)", self)
        self.template = QLineEdit("Référent {1}", self)
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        for field in (self.case_name, self.pattern, self.template):
            field.textChanged.connect(self.update_preview)
        group.buttonToggled.connect(lambda *_: self.update_preview())
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        self.report.hide()
        self.import_button = QPushButton(self.tr("Import"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        naming = QGridLayout()
        naming.addWidget(self.by_stem, 0, 0, 1, 3)
        naming.addWidget(self.one_case, 1, 0)
        naming.addWidget(self.case_name, 1, 1, 1, 2)
        naming.addWidget(self.by_pattern, 2, 0)
        naming.addWidget(self.pattern, 2, 1)
        naming.addWidget(self.template, 2, 2)
        buttons = QHBoxLayout()
        for push in (add_files, add_folder, clear):
            buttons.addWidget(push)
        buttons.addStretch(1)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Files (.txt, .md, .docx, .odt, .rtf) and folders:")))
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Respondents (cases):")))
        layout.addLayout(naming)
        layout.addWidget(self.preview)
        layout.addWidget(self.progress)
        layout.addWidget(self.report)
        layout.addLayout(actions)
        self.set_paths(paths or [])

    def set_paths(self, paths: list[str]) -> None:
        self.paths = paths
        self.files.setStringList(paths)
        self.import_button.setEnabled(True)
        self.update_preview()

    def choose_files(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
        chosen, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add files"),
            "",
            self.tr("Transcripts ({patterns})").format(patterns=patterns),
        )
        self.set_paths(self.paths + [p for p in chosen if p not in self.paths])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add folder"))
        if folder and folder not in self.paths:
            self.set_paths([*self.paths, folder])

    def naming(self) -> dict[str, str | None]:
        if self.one_case.isChecked():
            return {"case": self.case_name.text().strip() or None}
        if self.by_pattern.isChecked():
            return {
                "case_pattern": self.pattern.text() or None,
                "case_template": self.template.text() or None,
            }
        return {}

    def update_preview(self) -> None:
        from qdaw.ingest.naming import CaseNaming, expand_sources

        options = self.naming()
        try:
            naming = CaseNaming(
                case=options.get("case"),
                pattern=options.get("case_pattern"),
                template=options.get("case_template"),
            )
            files = expand_sources(self.paths)[:4]
            lines = [f"{path.name} → {naming.case_for(path)}" for path in files]
        except Exception as exc:  # an unfinished regex while typing
            lines = [self.tr("Pattern: {error}").format(error=exc)]
        self.preview.setText("\n".join(lines))

    def run(self) -> None:
        """Read on a worker thread (progress, cancel); store in one transaction here."""
        from qdaw.ingest.batch import read_sources

        if not self.paths:
            self.report.show()
            self.report.setPlainText(self.tr("Add files or a folder first."))
            return
        paths = list(self.paths)
        self.import_button.setEnabled(False)
        self.progress.show()
        self.progress.setValue(0)

        def task(worker: Worker) -> object:
            return read_sources(
                paths,
                progress=lambda done, total, path: worker.report(done, total, path.name),
                cancelled=lambda: worker.cancelled,
            )

        self.worker = Worker(task)
        self.worker.signals.progress.connect(self._progress)
        self.worker.signals.finished.connect(self._store)
        self.worker.signals.failed.connect(self._failed)
        start(self.worker)

    def _progress(self, done: int, total: int, name: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"%v / %m  {name}")

    def _store(self, result: ReadResult) -> None:
        self.worker = None
        lines = []
        count = 0
        if result.cancelled:
            lines.append(self.tr("Import cancelled: nothing was added."))
        else:
            sources = self.without_duplicates(result.sources)
            try:
                project = self.session.require()
                sources, unnamed = project.nameable_sources(sources, **self.naming())
                result.failures += unnamed
                if sources:
                    documents = project.store_sources(sources, **self.naming())
                    count = len(documents)
                lines.append(self.tr("{n} documents imported.").format(n=count))
            except QdawError as exc:
                lines.append(str(exc))
        if result.failures:
            lines.append(self.tr("{n} files could not be imported:").format(n=len(result.failures)))
            lines += [f"  {Path(f.path).name}: {f.reason}" for f in result.failures]
        if result.skipped:
            lines.append(self.tr("{n} files skipped:").format(n=len(result.skipped)))
            lines += [f"  {Path(f.path).name}: {f.reason}" for f in result.skipped]
        lines += [f"{path.name}: {note}" for path, read in result.sources for note in read.notes]
        self.progress.hide()
        self.imported.emit(count)
        if count:
            self.index_after_import()
        if count and not (result.failures or result.skipped):
            self.accept()  # done: the window's status bar says how many came in
            return
        # Something to read: stay open with the report; a second click on Import would
        # only import the same files again, so it waits for another choice of files.
        self.report.show()
        self.report.setPlainText("\n".join(lines))
        self.import_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Close"))

    def without_duplicates(self, sources: list[tuple[Path, Any]]) -> list[tuple[Path, Any]]:
        """Files whose text is already in the project are skipped unless the researcher
        asks to import them again (as new documents, named "… (2)")."""
        found = self.session.require().documents_with_text([source.text for _, source in sources])
        if not found:
            return sources
        names = "\n".join(
            f"  {sources[i][0].name} = {document}" for i, document in sorted(found.items())[:12]
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Already imported"),
            self.tr("{n} of these files are already in the project (same text):").format(
                n=len(found)
            )
            + "\n"
            + names,
            parent=self,
        )
        skip = box.addButton(self.tr("Skip them"), QMessageBox.ButtonRole.AcceptRole)
        again = box.addButton(self.tr("Import them again"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(skip)
        box.exec()
        if box.clickedButton() is again:
            return sources
        if box.clickedButton() is skip:
            return [source for i, source in enumerate(sources) if i not in found]
        return []

    def index_after_import(self) -> None:
        """Sentences, speakers and lemmas of the new documents, in the background."""
        index_text = getattr(self.parent(), "index_text", None)
        if index_text is not None:
            index_text()

    def _failed(self, message: str) -> None:
        self.worker = None
        self.report.show()
        self.report.setPlainText(message)
        self.import_button.setEnabled(True)

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
        else:
            self.reject()
