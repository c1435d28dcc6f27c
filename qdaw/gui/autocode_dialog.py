"""Autocode the hits of a search: choose the code and the unit, see every passage that
will be coded, then apply (one undo step)."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from qdaw.core.operations import op
from qdaw.errors import QdawError
from qdaw.gui.coding import code_entries, resolve_or_create
from qdaw.gui.search_panel import KwicHit
from qdaw.gui.session import Session

PREVIEW_LIMIT = 2000  # passages listed; all of them are coded


class AutocodeDialog(QDialog):
    def __init__(self, session: Session, query: str, mode: str, hits: list[KwicHit],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.session = session
        self.hits = [(h.document_id, h.start, h.end) for h in hits]
        self.spans: list[tuple[int, int, int]] = []
        self.created = 0
        self.setWindowTitle(self.tr("Autocode “{query}”").format(query=query))
        self.resize(720, 480)
        project = session.require()
        self.code = QComboBox(self)
        self.code.setEditable(True)
        self.code.addItems(sorted(code_entries(project)))
        self.code.setCurrentText(query.rstrip("*").strip().capitalize())
        self.unit = QComboBox(self)
        for value, label in (
            ("match", self.tr("The match only")),
            ("sentence", self.tr("Its sentence")),
            ("paragraph", self.tr("Its paragraph")),
        ):
            self.unit.addItem(label, value)
        self.respondents = QCheckBox(self.tr("Only what respondents said"), self)
        self.summary = QLabel(self)
        self.preview = QStringListModel(self)
        self.list = QListView(self)
        self.list.setModel(self.preview)
        self.list.setUniformItemSizes(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Code these passages"))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Code (a new name creates it):"), self.code)
        form.addRow(self.tr("Passage to code:"), self.unit)
        form.addRow("", self.respondents)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.unit.currentIndexChanged.connect(self.refresh)
        self.respondents.toggled.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        project = self.session.require()
        speakers = ["respondent"] if self.respondents.isChecked() else None
        try:
            self.spans = project.enclosing_passages(self.hits, self.unit.currentData(), speakers)
        except QdawError as exc:
            self.spans = []
            self.summary.setText(str(exc))
            self.ok.setEnabled(False)
            return
        names = {row.id: (row.case, row.name) for row in project.document_rows()}
        texts: dict[int, str] = {}
        lines = []
        for document_id, start, end in self.spans[:PREVIEW_LIMIT]:
            if document_id not in texts:
                texts[document_id] = project.document_text(document_id)
            case, _name = names[document_id]
            passage = " ".join(texts[document_id][start:end].split())
            lines.append(f"{case}: {passage}")
        self.preview.setStringList(lines)
        self.summary.setText(
            self.tr("{n} passages in {d} documents will be coded.").format(
                n=len(self.spans), d=len({s[0] for s in self.spans})
            )
        )
        self.ok.setEnabled(bool(self.spans))

    def apply(self) -> None:
        project = self.session.require()
        name = self.code.currentText().strip()
        if not name:
            return
        try:
            # A new code and its passages are one undo step.
            with project.batch(op("autocode", name=name.split("/")[-1].strip())):
                code, _created = resolve_or_create(project, name, self.session.coder)
                self.created = project.code_passages(self.spans, code, self.session.coder)
        except QdawError as exc:
            self.summary.setText(str(exc))
            return
        self.accept()
