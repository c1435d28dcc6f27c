"""File ▸ Import REFI-QDA project…: a .qdpx from NVivo, ATLAS.ti, MAXQDA or QualCoder
(or a .qde, or a .qdc codebook) read and stored on a worker thread, one undo step,
then what it brought and what it could not, in a message."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from qdaw.gui.session import Session
from qdaw.gui.workers import Worker, start
from qdaw.project import Project
from qdaw.services.interchange import RefiImport


class RefiImportAction(QObject):
    status = Signal(str)
    error = Signal(str)
    imported = Signal(object)  # the RefiImport

    def __init__(self, session: Session, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.window = window
        self.box: QMessageBox | None = None

    def choose(self) -> QFileDialog:
        dialog = QFileDialog(
            self.window,
            self.tr("Import a REFI-QDA project"),
            "",
            self.tr("REFI-QDA projects and codebooks (*.qdpx *.qde *.qdc)"),
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.run)
        dialog.open()
        return dialog

    def run(self, path: str) -> Worker:
        """Import on a worker thread, with its own connection and this coder's name
        (the step is theirs to undo); the window sees it as it sees any writer's."""
        location, coder = self.session.require().location, self.session.coder

        def task(_worker: Worker) -> RefiImport:
            with Project.open(location, coder=coder) as project:
                return project.import_qdpx(path)

        worker = Worker(task)
        worker.signals.finished.connect(self._done)
        worker.signals.failed.connect(self.error.emit)
        self.status.emit(self.tr("Importing {path}…").format(path=path))
        return start(worker)

    def _done(self, report: RefiImport) -> None:
        self.session.poll()  # the panels show it now, not at the next poll
        added = report.added
        summary = self.tr(
            "{documents} documents, {codes} codes and {segments} coded passages added"
        ).format(
            documents=added.get("documents", 0),
            codes=added.get("codes", 0),
            segments=added.get("segments", 0),
        )
        self.status.emit(summary)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("REFI-QDA import"),
            self.tr("Imported {name}: {summary}.").format(name=report.path.name, summary=summary),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setDetailedText(str(report))
        box.open()
        self.box = box
        self.imported.emit(report)
