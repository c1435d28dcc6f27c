"""Anonymisation: the review list of detected names, pseudonyms, anonymised exports.

Detection runs on a worker thread. Accept, reject, add and pseudonym edits are project
operations (undoable, saved at once); the texts themselves are never changed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qdaw.core.operations import Area
from qdaw.errors import QdawError
from qdaw.gui.session import ChangeEvent, Session
from qdaw.gui.workers import Worker, start
from qdaw.nlp.entities import Candidate
from qdaw.project import Project

Index = QModelIndex | QPersistentModelIndex
PSEUDONYM = 4
STATUS_COLOURS = {"accepted": "#e3f4e1", "rejected": "#eeeeee", "proposed": "#fff6d6"}


class EntitiesModel(QAbstractTableModel):
    """The names of the project; the pseudonym column is edited in place."""

    error = Signal(str)

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.rows: list[dict[str, Any]] = []
        session.changed.connect(self._changed)
        self.reload()

    def _changed(self, event: ChangeEvent) -> None:
        if Area.NAMES in event.areas:
            self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        project = self.session.project
        frame = project.entities() if project is not None else None
        self.rows = (
            [{str(k): v for k, v in r.items()} for r in frame.to_dict("records")]
            if frame is not None
            else []
        )
        self.endResetModel()

    def kinds(self) -> dict[str, str]:
        return {"person": self.tr("person"), "place": self.tr("place"),
                "organisation": self.tr("organisation"), "other": self.tr("other")}  # fmt: skip

    def statuses(self) -> dict[str, str]:
        return {"proposed": self.tr("to review"), "accepted": self.tr("anonymised"),
                "rejected": self.tr("left as is")}  # fmt: skip

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Name"), self.tr("Kind"), self.tr("Mentions"), self.tr("Decision"),
                self.tr("Pseudonym")][section]  # fmt: skip

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                return row["name"]
            if column == 1:
                return self.kinds().get(row["kind"], row["kind"])
            if column == 2:
                return (
                    int(row["mentions"])
                    if role == Qt.ItemDataRole.EditRole
                    else str(row["mentions"])
                )
            if column == 3:
                return self.statuses().get(row["status"], row["status"])
            return row["pseudonym"] if isinstance(row["pseudonym"], str) else ""
        if role == Qt.ItemDataRole.UserRole and column == 2:
            return int(row["mentions"])
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(STATUS_COLOURS.get(row["status"], "#ffffff"))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == PSEUDONYM:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != PSEUDONYM:
            return False
        row = self.rows[index.row()]
        try:
            project = self.session.require()
            if row["status"] == "accepted":
                project.set_pseudonym(int(row["id"]), str(value))
            else:  # giving a pseudonym is accepting the name
                project.accept_entity(int(row["id"]), str(value).strip() or None)
        except QdawError as exc:
            self.error.emit(str(exc))
            return False
        return True

    def entity_id(self, row: int) -> int:
        return int(self.rows[row]["id"])


class NamesDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.worker: Worker | None = None
        self.setWindowTitle(self.tr("Names and anonymisation"))
        self.resize(820, 560)
        self.model = EntitiesModel(session)
        self.model.error.connect(self._show_error)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.EditRole)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # most mentioned first until a header is clicked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_mentions())
        self.mentions = QLabel(self)
        self.mentions.setWordWrap(True)
        self.mentions.setTextFormat(Qt.TextFormat.RichText)
        self.message = QLabel(self)
        intro = QLabel(self.tr(
            "Names found in the transcripts. Accept those to hide: exports then show the "
            "pseudonym instead (the same one for every form of a name). The project's texts "
            "are never changed."
        ), self)  # fmt: skip
        intro.setWordWrap(True)
        self.anonymise = QCheckBox(self.tr("Anonymise every export (tables, workbook, report)"))
        self.anonymise.setChecked(session.anonymise_exports)
        self.anonymise.toggled.connect(self._set_anonymise)
        detect = QPushButton(self.tr("Detect names"), self)
        accept = QPushButton(self.tr("Accept"), self)
        reject = QPushButton(self.tr("Reject"), self)
        add = QPushButton(self.tr("Add a name…"), self)
        export = QPushButton(self.tr("Export anonymised documents…"), self)
        detect.clicked.connect(self.detect)
        accept.clicked.connect(lambda: self.decide(True))
        reject.clicked.connect(lambda: self.decide(False))
        add.clicked.connect(lambda: self.add_name())
        export.clicked.connect(lambda: self.export_documents())
        buttons = QHBoxLayout()
        for button in (detect, accept, reject, add):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(export)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.mentions)
        layout.addWidget(self.anonymise)
        layout.addWidget(self.message)

    def _show_error(self, message: str) -> None:
        self.message.setText(message)

    def _set_anonymise(self, on: bool) -> None:
        self.session.anonymise_exports = on

    def selected_ids(self) -> list[int]:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.entity_id(row) for row in sorted(rows)]

    def decide(self, accept: bool) -> None:
        project = self.session.require()
        ids = self.selected_ids()
        try:
            for entity_id in ids:
                if accept:
                    project.accept_entity(entity_id)
                else:
                    project.reject_entity(entity_id)
        except QdawError as exc:
            self._show_error(str(exc))

    def add_name(self, name: str | None = None, kind: str = "person") -> str | None:
        if name is None:
            name, ok = QInputDialog.getText(
                self, self.tr("Add a name"), self.tr("Name, as written in the transcripts:")
            )
            if not ok or not name.strip():
                return None
            labels = self.model.kinds()
            label, ok = QInputDialog.getItem(
                self, self.tr("Add a name"), self.tr("Kind:"), list(labels.values()), 0, False
            )
            if not ok:
                return None
            kind = next(k for k, v in labels.items() if v == label)
        try:
            return self.session.require().add_entity(name, kind)
        except QdawError as exc:
            self._show_error(str(exc))
            return None

    def _show_mentions(self) -> None:
        """Where the selected name occurs: the reviewer decides from the context."""
        ids = self.selected_ids()
        if len(ids) != 1:
            self.mentions.setText("")
            return
        from html import escape

        project = self.session.require()
        name = next(r["name"] for r in self.model.rows if int(r["id"]) == ids[0])
        hits = project.find_text(name, whole_words=True)[:3]
        lines = []
        for hit in hits:
            text = project.document_text(hit.document_id)
            before = text[max(0, hit.start - 60) : hit.start].rsplit("\n", 1)[-1]
            after = text[hit.end : hit.end + 60].split("\n", 1)[0]
            lines.append(f"<i>{escape(hit.case)}</i>: …{escape(before)}"
                         f"<b>{escape(text[hit.start : hit.end])}</b>{escape(after)}…")  # fmt: skip
        self.mentions.setText("<br>".join(lines))

    def detect(self) -> Worker:
        location = self.session.require().location

        def task(worker: Worker) -> list[Candidate] | None:
            # The recogniser runs here; the proposals are stored on the GUI thread, so
            # they are one undoable step of the window's project.
            with Project.open(location) as project:
                return project.find_entities(
                    progress=lambda done, total, _n: worker.report(done, total, ""),
                    cancelled=lambda: worker.cancelled,
                )

        progress = QProgressDialog(self.tr("Looking for names…"), self.tr("Cancel"), 0, 0, self)
        progress.setWindowModality(Qt.WindowModality.NonModal)
        progress.setMinimumDuration(300)
        worker = Worker(task)
        self.worker = worker
        progress.canceled.connect(worker.cancel)

        def report(done: int, total: int, _what: str) -> None:
            progress.setMaximum(max(total, 1))
            progress.setValue(done)

        def finished(candidates: list[Candidate] | None) -> None:
            progress.close()
            self.worker = None
            if candidates is None:
                return
            try:
                count = self.session.require().propose_entities(candidates)
            except QdawError as exc:
                self._show_error(str(exc))
                return
            self.message.setText(self.tr("{n} new names to review").format(n=count))

        def failed(message: str) -> None:
            progress.close()
            self.worker = None
            self._show_error(message)

        worker.signals.progress.connect(report)
        worker.signals.finished.connect(finished)
        worker.signals.failed.connect(failed)
        return start(worker)

    def export_documents(self, folder: str | None = None) -> int:
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Export anonymised documents"))
        if not folder:
            return 0
        try:
            written = self.session.require().export_documents(folder, anonymise=True)
        except (QdawError, OSError) as exc:
            self._show_error(str(exc))
            return 0
        message = self.tr("{n} anonymised documents written to {folder}").format(
            n=len(written), folder=folder
        )
        if written.replaced:  # an earlier export's, or anything of the same name
            message += " " + self.tr("({n} files of the same name replaced)").format(
                n=len(written.replaced)
            )
        self.message.setText(message)
        return len(written)
