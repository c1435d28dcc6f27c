"""Coding actions on the open document: what the researcher does most."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QPoint, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from qdaw.core.operations import Op, op
from qdaw.core.text_units import paragraph_at, snap_to_words
from qdaw.errors import QdawError
from qdaw.gui.document_view import DocumentView
from qdaw.gui.read_only import disable_edits
from qdaw.gui.reporting import run_reporting
from qdaw.gui.session import Session
from qdaw.gui.workers import Worker
from qdaw.gui.workers import start as start_worker
from qdaw.project import Project

IN_VIVO_LIMIT = 80


class QuickCodeBox(QDialog):
    """Type a code's name: completion over the codebook; a new name makes a new code."""

    def __init__(self, names: list[str], parent: QWidget | None = None, title: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Code the selection"))
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Code name (a new name creates the code)"))
        self.field.setMinimumWidth(360)
        completer = QCompleter(QStringListModel(names, self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.field.setCompleter(completer)
        hint = QLabel(self.tr("Enter applies; “Category/Name” creates the code under a category."))
        hint.setStyleSheet("color: #666")
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(hint)
        self.field.returnPressed.connect(self.accept)

    def name(self) -> str:
        return re.sub(r"\s+", " ", self.field.text()).strip()


def code_entries(project: Project) -> dict[str, int]:
    """Completion entries: unique names, and paths for every code."""
    rows = project.code_rows()
    by_id = {row.id: row for row in rows}

    def path(code_id: int) -> str:
        row = by_id[code_id]
        return row.name if row.parent_id is None else f"{path(row.parent_id)}/{row.name}"

    names = [row.name for row in rows]
    entries = {path(row.id): row.id for row in rows}
    entries.update({row.name: row.id for row in rows if names.count(row.name) == 1})
    return entries


def resolve_or_create(project: Project, name: str, author: str) -> tuple[int, bool]:
    """The code so named (name or path), or a new emergent code; (id, created)."""
    code, created = project.code_or_new(name, author)
    return code.id, created


class CodingController(QObject):
    status = Signal(str)
    error = Signal(str)
    codeCreated = Signal(int)  # an emergent code: the codebook shows and selects it

    def __init__(self, session: Session, view: DocumentView, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.view = view
        self.window = window
        self.suggestions: QMenu | None = None  # the last menu of suggested codes
        view.codesDropped.connect(self.apply)
        view.segmentContext.connect(self.segment_menu)

    # -- the selection ----------------------------------------------------------------
    def span(self) -> tuple[int, ...] | None:
        """The passage selected, or on an image the rectangle dragged (x, y, w, h)."""
        if self.view.document_id is None:
            self.status.emit(self.tr("Open a document first"))
            return None
        if self.view.is_image:
            region = self.view.image_view.pending
            if region is None:
                self.status.emit(self.tr("Drag a rectangle over the image first"))
            return region
        start, end = snap_to_words(self.view.text, *self.view.selection())
        if start >= end:
            self.status.emit(self.tr("Select a passage first"))
            return None
        return start, end

    def apply(self, code_ids: list[int]) -> bool:
        span = self.span()
        if span is None or self.view.document_id is None:
            return False
        project = self.session.require()
        names = [row.name for row in project.code_rows() if row.id in set(code_ids)]
        try:
            with project.batch(op("code_as", name=", ".join(names))):
                for code_id in code_ids:
                    self._code(project, self.view.document_id, span, code_id)
        except QdawError as exc:
            self.error.emit(str(exc))
            return False
        self._coded(span)
        self.status.emit(self.tr("Coded as {name}").format(name=", ".join(names)))
        return True

    def _code(
        self, project: Project, document_id: int, span: tuple[int, ...], code_id: int
    ) -> None:
        """Code a passage (start, end) or an image's region (x, y, width, height)."""
        if len(span) == 4:
            x, y, width, height = span
            project.code_region(document_id, x, y, width, height, code_id, coder=self.session.coder)
        else:
            project.code_segment(document_id, span[0], span[1], code_id, coder=self.session.coder)

    def _coded(self, span: tuple[int, ...]) -> None:
        if len(span) == 4:  # the region is drawn now: the dragged outline can go
            self.view.image_view.clear_pending()
        else:
            self.view.select_range(span[0], span[1])

    def code_names(self) -> dict[str, int]:
        return code_entries(self.session.require())

    def resolve_or_create(self, name: str) -> tuple[int, bool]:
        return resolve_or_create(self.session.require(), name, self.session.coder)

    def quick_code(self) -> bool:
        """Ctrl+K: code the selection with a typed code, creating it if it is new."""
        span = self.span()
        if span is None:
            return False
        box = QuickCodeBox(sorted(self.code_names()), self.window)
        if box.exec() != QDialog.DialogCode.Accepted or not box.name():
            return False
        return self.code_with_name(box.name(), span)

    def code_with_name(self, name: str, span: tuple[int, ...], label: Op | None = None) -> bool:
        project = self.session.require()
        document_id = self.view.document_id
        if document_id is None:
            return False
        try:
            with project.batch(label or op("code_as", name=name)):
                code_id, created = self.resolve_or_create(name)
                self._code(project, document_id, span, code_id)
        except QdawError as exc:
            self.error.emit(str(exc))
            return False
        self._coded(span)
        if created:
            self.codeCreated.emit(code_id)
        message = self.tr("New code {name} applied") if created else self.tr("Coded as {name}")
        self.status.emit(message.format(name=name))
        return True

    def in_vivo(self) -> bool:
        """Ctrl+I: the selected words become the code's name."""
        span = self.span()
        if span is None or len(span) != 2:
            return False
        words = re.sub(r"\s+", " ", self.view.text[span[0] : span[1]]).strip(" .,;:!?«»\"'")
        if len(words) > IN_VIVO_LIMIT:
            words = words[:IN_VIVO_LIMIT].rsplit(" ", 1)[0] + "…"
        words = words.replace("/", "-")
        return self.code_with_name(words, span, op("code_in_vivo", name=words))

    # -- segments ----------------------------------------------------------------------
    def segment_menu(self, segment_ids: list[int], point: QPoint) -> None:
        menu = self.build_segment_menu(segment_ids)
        if not menu.isEmpty():
            menu.exec(point)

    def build_segment_menu(self, segment_ids: list[int]) -> QMenu:
        """Right-click on a highlight or stripe: what can be done to those segments."""
        menu = QMenu(self.window)
        rows = [r for r in self.view.rows if r.id in set(segment_ids)]
        has_selection = self.view.selection()[0] != self.view.selection()[1]
        reads = []  # what only moves the selection
        if has_selection:
            menu.addAction(self.tr("Code selection…"), self.quick_code)
            menu.addAction(self.tr("Code in vivo"), self.in_vivo)
            menu.addAction(self.tr("Suggest codes for this passage…"), self.suggest)
            reads.append(
                menu.addAction(
                    self.tr("Extend to whole sentences"), partial(self.snap_selection, "sentence")
                )
            )
        for row in rows:
            target = menu.addMenu(row.code) if len(rows) > 1 or has_selection else menu
            if target is menu and len(rows) == 1:
                menu.addAction(row.code).setEnabled(False)
            target.addAction(self.tr("Remove coding"), partial(self.remove, row.id))
            target.addAction(self.tr("Change code…"), partial(self.change_code, row.id))
            target.addAction(self.tr("Edit memo…"), partial(self.edit_memo, row.id, row.memo))
            resize = target.addAction(
                self.tr("Resize to selection"), partial(self.resize_to_selection, row.id)
            )
            resize.setEnabled(has_selection)
            if row.region is not None:  # a rectangle: no text to resize it over
                resize.setVisible(False)
                continue
            target.addAction(
                self.tr("Extend to paragraph"),
                partial(self.extend_to_paragraph, row.id, row.start, row.end),
            )
        if self.view.is_image:
            disable_edits(menu, self.session, reads)
            return menu
        menu.addSeparator()
        menu.addAction(self.tr("Code this sentence…"), partial(self.code_unit, "sentence"))
        menu.addAction(self.tr("Code this paragraph…"), partial(self.code_unit, "paragraph"))
        disable_edits(menu, self.session, reads)
        return menu

    def suggest(self) -> Worker | None:
        """Codes whose passages resemble the selection (TF-IDF), computed on a worker
        thread, offered in a menu: pick one to apply it, or ignore them."""
        found = self.span()
        document_id = self.view.document_id
        if found is None or len(found) != 2 or document_id is None:
            return None
        span = (found[0], found[1])
        location = self.session.require().location

        def task(_worker: Worker) -> Any:
            with Project.open(location) as project:
                return project.suggest_codes(document_id, span[0], span[1], limit=5)

        worker = Worker(task)
        worker.signals.finished.connect(lambda frame: self._offer(frame, span))
        worker.signals.failed.connect(self.error.emit)
        self.status.emit(self.tr("Looking for similar codes…"))
        return start_worker(worker)

    def _offer(self, frame: Any, span: tuple[int, int]) -> None:
        menu = self.build_suggestions_menu(frame, span)
        self.suggestions = menu
        from PySide6.QtGui import QCursor

        menu.popup(QCursor.pos())

    def build_suggestions_menu(self, frame: Any, span: tuple[int, int]) -> QMenu:
        menu = QMenu(self.window)
        if frame.empty:
            menu.addAction(self.tr("No code resembles this passage yet")).setEnabled(False)
            return menu
        menu.addAction(self.tr("Similar codes — choose one to apply it")).setEnabled(False)
        for row in frame.to_dict("records"):
            shared = ", ".join(str(row["shared"]).split(", ")[:4]) if row["shared"] else ""
            label = f"{row['code']}  ({row['score']:.2f}{' · ' + shared if shared else ''})"
            menu.addAction(label, partial(self.accept_suggestion, str(row["code"]), span))
        return menu

    def accept_suggestion(self, code: str, span: tuple[int, int]) -> bool:
        project = self.session.require()
        document_id = self.view.document_id
        assert document_id is not None
        return self._run(
            lambda: project.code_segment(
                document_id, span[0], span[1], project.code(code), coder=self.session.coder
            )
        )

    def unit_at(self, kind: str, position: int) -> tuple[int, int]:
        """The sentence or paragraph holding ``position``: spaCy's from the text index
        when the document is indexed, else found from punctuation and line breaks (the
        speaker's label left out either way)."""
        project = self.session.require()
        document_id = self.view.document_id
        assert document_id is not None
        try:
            units = (
                project.sentences(document_id)
                if kind == "sentence"
                else project.paragraphs(document_id)
            )
        except QdawError:  # not indexed yet
            from qdaw.nlp import punctuation
            from qdaw.nlp.speakers import DEFAULT_PATTERN

            pattern = project.get_meta("speaker_pattern") or DEFAULT_PATTERN
            split = punctuation.sentences if kind == "sentence" else punctuation.paragraphs
            units = split(self.view.text, pattern)
            self.status.emit(
                self.tr("Sentences found from punctuation: Code ▸ Index text gives better ones")
                if kind == "sentence"
                else self.tr("Paragraphs found from line breaks")
            )
        for start, end in units:
            if start <= position < end:
                return start, end
        # Between units (a label, a blank line): the nearest one after, else the line.
        following = [unit for unit in units if unit[0] >= position]
        if following and self.view.text.count("\n", position, following[0][0]) == 0:
            return following[0]
        return paragraph_at(self.view.text, position)

    def snap_selection(self, kind: str) -> tuple[int, int] | None:
        """Widen the selection to the whole sentences (or paragraphs) it touches."""
        if self.view.document_id is None:
            return None
        start, end = self.view.selection()
        first = self.unit_at(kind, start)
        last = self.unit_at(kind, max(start, end - 1))
        span = (min(first[0], start), max(last[1], end))
        self.view.select_range(*span)
        return span

    def code_unit(self, kind: str, name: str | None = None) -> bool:
        """Select the sentence or paragraph at the cursor and code it (quick-code box)."""
        if self.view.document_id is None:
            return False
        span = self.unit_at(kind, self.view.selection()[0])
        self.view.select_range(*span)
        if name is not None:
            return self.code_with_name(name, span)
        return self.quick_code()

    def _run(self, action: Callable[[], object]) -> bool:
        return run_reporting(action, self.error)

    def remove(self, segment_id: int) -> bool:
        return self._run(lambda: self.session.require().delete_segment(segment_id))

    def change_code(self, segment_id: int) -> bool:
        box = QuickCodeBox(sorted(self.code_names()), self.window, self.tr("Change the code"))
        if box.exec() != QDialog.DialogCode.Accepted or not box.name():
            return False
        project = self.session.require()

        def change() -> None:
            with project.batch(op("recode_segment", name=box.name())):
                code_id, _ = self.resolve_or_create(box.name())
                project.recode_segment(segment_id, code_id)

        return self._run(change)

    def edit_memo(self, segment_id: int, memo: str | None) -> bool:
        text, ok = QInputDialog.getMultiLineText(
            self.window, self.tr("Segment memo"), self.tr("Memo:"), memo or ""
        )
        if not ok:
            return False
        from qdaw.core.entities import Segment

        return self._run(
            lambda: self.session.require().set_memo(
                Segment(self.session.require(), segment_id), text
            )
        )

    def resize_to_selection(self, segment_id: int) -> bool:
        span = self.span()
        if span is None or len(span) != 2:
            return False
        return self._run(lambda: self.session.require().resize_segment(segment_id, *span))

    def extend_to_paragraph(self, segment_id: int, start: int, end: int) -> bool:
        first, _ = paragraph_at(self.view.text, start)
        _, last = paragraph_at(self.view.text, max(start, end - 1))
        return self._run(lambda: self.session.require().resize_segment(segment_id, first, last))
