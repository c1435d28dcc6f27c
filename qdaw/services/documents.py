"""Documents and cases (respondents); their variables are in qdaw.services.variables."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from qdaw.core import models as m
from qdaw.core.entities import Case, Document
from qdaw.core.journal import Journal
from qdaw.core.names import CASE, DOCUMENT, check_name
from qdaw.core.operations import op
from qdaw.errors import ConflictError, ImportFailed, InvalidName
from qdaw.services.service import Service

ProgressCallback = Callable[[int, int, Path], None]


@dataclass
class ImportReport:
    """What an import of several files did: the documents made and each failure."""

    documents: list[Document] = field(default_factory=list)
    failures: list[ImportFailed] = field(default_factory=list)
    cancelled: bool = False
    # Files in the folders that were not read: of a type qdaw does not import.
    skipped: list[ImportFailed] = field(default_factory=list)
    # What reading did, file by file ("r1.pdf: removed 6 repeated header/footer lines").
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures and not self.cancelled

    @property
    def not_imported(self) -> list[ImportFailed]:
        """Every file that did not come in, with why: skipped and failed alike."""
        return [*self.skipped, *self.failures]


def _names_for(path: Path, document: str, case: str) -> tuple[str, str]:
    """The document and case names a file gets, checked: a refusal names the file."""
    try:
        return check_name(document, DOCUMENT), check_name(case, CASE)
    except InvalidName as exc:
        raise ImportFailed(path, str(exc)) from exc


def _case_naming(
    case: str | None,
    pattern: str | None,
    template: str | None,
    case_map: str | Path | dict[str, str] | None,
) -> Any:
    from qdaw.ingest.naming import CaseNaming, load_case_map

    mapping = case_map if isinstance(case_map, dict) else {}
    if case_map and not isinstance(case_map, dict):
        mapping = load_case_map(case_map)
    return CaseNaming(case=case, pattern=pattern, template=template, mapping=mapping)


def case_in(journal: Journal, name: str, must_be_new: bool) -> int:
    """The case's id, created if missing (an error if it exists and must be new)."""
    name = check_name(name, CASE)
    found = journal.conn.execute(select(m.cases.c.id).where(m.cases.c.name == name)).scalar()
    if found is not None:
        if not must_be_new:
            return int(found)
        raise ConflictError(f"a case named {name!r} already exists")
    new_id = journal.insert(m.cases, {"name": name, "created_at": m.utcnow(), "memo": None})
    assert new_id is not None
    return new_id


def delete_documents_where(journal: Journal, condition: Any) -> None:
    """Delete the documents ``condition`` selects, with their segments, page and time
    marks, images, texts, values and set memberships (children first: keys restrict)."""
    docs = select(m.documents.c.id).where(condition)
    journal.delete_where(m.segments, m.segments.c.document_id.in_(docs))
    journal.delete_where(m.document_marks, m.document_marks.c.document_id.in_(docs))
    journal.delete_where(m.document_images, m.document_images.c.document_id.in_(docs))
    journal.delete_where(m.document_values, m.document_values.c.document_id.in_(docs))
    journal.delete_where(m.set_documents, m.set_documents.c.document_id.in_(docs))
    journal.delete_where(m.document_texts, m.document_texts.c.document_id.in_(docs))
    journal.delete_where(m.documents, condition)


class Library(Service):
    # -- cases --------------------------------------------------------------------
    def cases(self) -> list[Case]:
        rows = self.store.rows(select(m.cases.c.id).order_by(m.cases.c.id))
        return [Case(self.owner, r[0]) for r in rows]

    def case(self, name: str | int) -> Case:
        return Case(self.owner, self.store.case_id(name))

    def add_case(self, name: str) -> Case:
        name = check_name(name, CASE)
        with self.store.writing(op("add_case", name=name)) as journal:
            return Case(self.owner, self._case_in(journal, name, must_be_new=True))

    def _case_in(self, journal: Journal, name: str, must_be_new: bool) -> int:
        return case_in(journal, name, must_be_new)

    def rename_case(self, case: Case | int | str, new_name: str) -> None:
        new_name = check_name(new_name, CASE)
        with self.store.writing(op("rename_case", name=new_name)) as journal:
            case_id = self.store.case_id(case)
            if self.store.scalar(
                select(m.cases.c.id).where(m.cases.c.name == new_name, m.cases.c.id != case_id)
            ):
                raise ConflictError(f"a case named {new_name!r} already exists")
            journal.update(m.cases, {"id": case_id}, {"name": new_name})

    def delete_case(self, case: Case | int | str) -> None:
        """Delete a respondent with its documents, their segments and its variable values."""
        with self.store.writing(
            lambda: op(
                "delete_case", name=self.store.value(m.cases, self.store.case_id(case), "name")
            )
        ) as journal:
            case_id = self.store.case_id(case)
            delete_documents_where(journal, m.documents.c.case_id == case_id)
            journal.delete_where(m.case_values, m.case_values.c.case_id == case_id)
            journal.delete(m.cases, {"id": case_id})

    # -- documents ----------------------------------------------------------------
    def documents(self, case: Case | int | str | None = None) -> list[Document]:
        query = select(m.documents.c.id).order_by(m.documents.c.id)
        if case is not None:
            query = query.where(m.documents.c.case_id == self.store.case_id(case))
        return [Document(self.owner, r[0]) for r in self.store.rows(query)]

    def document(self, name: str | int) -> Document:
        return Document(self.owner, self.store.document_id(name))

    def _unique_document_name(self, journal: Journal, name: str) -> str:
        taken = {
            r[0]
            for r in journal.conn.execute(
                select(m.documents.c.name).where(m.documents.c.name.like(f"{name}%"))
            )
        }
        candidate, counter = name, 1
        while candidate in taken:
            counter += 1
            candidate = f"{name} ({counter})"
        return candidate

    def _insert_document(
        self,
        journal: Journal,
        name: str,
        text: str,
        case: str,
        source: str | None,
        fmt: str,
        marks: Iterable[Any] = (),
        image: Any = None,
    ) -> Document:
        case_id = self._case_in(journal, case, must_be_new=False)
        doc_id = journal.insert(
            m.documents,
            {
                "name": self._unique_document_name(journal, name),
                "source_name": source,
                "format": fmt,
                "imported_at": m.utcnow(),
                "case_id": case_id,
                "memo": None,
                "language": None,
            },
        )
        journal.insert(m.document_texts, {"document_id": doc_id, "text": text})
        if image is not None:  # (qdaw.ingest.images.ImageData)
            journal.insert(
                m.document_images,
                {
                    "document_id": doc_id,
                    "format": image.format,
                    "width": image.width,
                    "height": image.height,
                    "data": image.data,
                },
            )
        for mark in marks:  # (qdaw.ingest.marks.Mark)
            journal.insert(
                m.document_marks,
                {
                    "document_id": doc_id,
                    "kind": mark.kind,
                    "start_offset": mark.offset,
                    "value": mark.value,
                },
            )
        assert doc_id is not None
        return Document(self.owner, doc_id)

    def document_marks(
        self, document: Document | int | str, kind: str | None = None
    ) -> list[tuple[str, int, str]]:
        """(kind, start offset, value) of the document's page and time marks, in text
        order: ("page", 1520, "4") says page 4 starts at character 1520."""
        marks = m.document_marks
        query = (
            select(marks.c.kind, marks.c.start_offset, marks.c.value)
            .where(marks.c.document_id == self.store.document_id(document))
            .order_by(marks.c.start_offset, marks.c.id)
        )
        if kind is not None:
            query = query.where(marks.c.kind == kind)
        return [(str(k), int(o), str(v)) for k, o, v in self.store.rows(query)]

    def document_image(self, document: Document | int | str) -> tuple[str, int, int, bytes] | None:
        """(format, width, height, bytes) of an image document's picture; None for a
        text document."""
        images = m.document_images
        rows = self.store.rows(
            select(images.c.format, images.c.width, images.c.height, images.c.data).where(
                images.c.document_id == self.store.document_id(document)
            )
        )
        if not rows:
            return None
        row = rows[0]
        return str(row[0]), int(row[1]), int(row[2]), bytes(row[3])

    def add_document(
        self, name: str, text: str, case: str | None = None, source_name: str | None = None
    ) -> Document:
        """Add a document from a string (the text is normalised like an imported file)."""
        from qdaw.ingest.text import normalise

        name = check_name(name, DOCUMENT)
        case = check_name(case or name, CASE)
        text = normalise(text)
        if not text.strip():
            raise ConflictError(f"document {name!r} has no text")
        with self.store.writing(op("add_document", name=name)) as journal:
            return self._insert_document(journal, name, text, case, source_name, "txt")

    def import_file(
        self,
        path: str | Path,
        case: str | None = None,
        name: str | None = None,
        drop_repeated_lines: bool = True,
    ) -> Document:
        """Import one transcript; the case defaults to the file's stem and is created if
        new. ``drop_repeated_lines``: leave out a PDF's headers and footers."""
        from qdaw.ingest.readers import read_source

        path = Path(path)
        document_name, case_name = _names_for(path, name or path.stem, case or path.stem)
        source = read_source(path, drop_repeated_lines)
        with self.store.writing(op("import_file", name=path.name)) as journal:
            return self._insert_document(
                journal, document_name, source.text, case_name, path.name, source.format,
                source.marks, source.image,
            )  # fmt: skip

    def import_files(
        self,
        paths: Iterable[str | Path],
        case: str | None = None,
        case_pattern: str | None = None,
        case_template: str | None = None,
        case_map: str | Path | dict[str, str] | None = None,
        recursive: bool = True,
        progress: ProgressCallback | None = None,
        cancelled: Callable[[], bool] | None = None,
        drop_repeated_lines: bool = True,
    ) -> ImportReport:
        """Import files and folders in one undoable step.

        Every file is read first; failures are collected in the report (with the file and
        the reason), and so are the files of a folder that were skipped (of a type qdaw
        does not read); the good files are stored together in one transaction. A
        cancelled import stores nothing. ``drop_repeated_lines``: leave out a PDF's
        headers and footers (the report's notes say how many lines went).
        """
        from qdaw.ingest.batch import read_sources

        read = read_sources(paths, recursive, progress, cancelled, drop_repeated_lines)
        report = ImportReport(
            failures=read.failures, cancelled=read.cancelled, skipped=read.skipped
        )
        if not read.cancelled:
            mapping = _case_naming(None, None, None, case_map).mapping  # read once
            named, failures = self.nameable_sources(
                read.sources, case, case_pattern, case_template, mapping
            )
            report.failures += failures
            report.documents = self.store_sources(named, case, case_pattern, case_template, mapping)
            report.notes = [
                f"{path.name}: {note}" for path, source in named for note in source.notes
            ]
        return report

    def nameable_sources(
        self,
        sources: list[tuple[Path, Any]],
        case: str | None = None,
        case_pattern: str | None = None,
        case_template: str | None = None,
        case_map: str | Path | dict[str, str] | None = None,
    ) -> tuple[list[tuple[Path, Any]], list[ImportFailed]]:
        """The texts read whose files give a valid document and case name, and a
        failure for each other file (named as ``import_files`` names them): one hostile
        file name must not hold the others back."""
        naming = _case_naming(case, case_pattern, case_template, case_map)
        named, failures = [], []
        for path, source in sources:
            try:
                _names_for(path, path.stem, naming.case_for(path))
                named.append((path, source))
            except ImportFailed as failure:
                failures.append(failure)
        return named, failures

    def store_sources(
        self,
        sources: list[tuple[Path, Any]],
        case: str | None = None,
        case_pattern: str | None = None,
        case_template: str | None = None,
        case_map: str | Path | dict[str, str] | None = None,
    ) -> list[Document]:
        """Store texts read by ``qdaw.ingest.batch.read_sources``: one transaction and
        one undo step, cases named as ``import_files`` names them."""
        if not sources:
            return []
        naming = _case_naming(case, case_pattern, case_template, case_map)
        names = [_names_for(path, path.stem, naming.case_for(path)) for path, _ in sources]
        label = (
            op("import_file", name=sources[0][0].name)
            if len(sources) == 1
            else op("import_files", count=len(sources))
        )
        with self.store.writing(label) as journal:
            return [
                self._insert_document(
                    journal,
                    document_name,
                    source.text,
                    case_name,
                    path.name,
                    source.format,
                    getattr(source, "marks", ()),
                    getattr(source, "image", None),
                )
                for (path, source), (document_name, case_name) in zip(sources, names, strict=True)
            ]

    def rename_document(self, document: Document | int | str, new_name: str) -> None:
        new_name = check_name(new_name, DOCUMENT)
        with self.store.writing(op("rename_document", name=new_name)) as journal:
            doc_id = self.store.document_id(document)
            clash = select(m.documents.c.id).where(
                m.documents.c.name == new_name, m.documents.c.id != doc_id
            )
            if self.store.scalar(clash):
                raise ConflictError(f"a document named {new_name!r} already exists")
            journal.update(m.documents, {"id": doc_id}, {"name": new_name})

    def move_document(self, document: Document | int | str, case: Case | int | str) -> None:
        """Assign a document to another respondent (the case must exist)."""
        with self.store.writing(op("move_document")) as journal:
            doc_id, case_id = self.store.document_id(document), self.store.case_id(case)
            journal.update(m.documents, {"id": doc_id}, {"case_id": case_id})

    def delete_document(self, document: Document | int | str) -> None:
        with self.store.writing(
            lambda: op(
                "delete_document",
                name=self.store.value(m.documents, self.store.document_id(document), "name"),
            )
        ) as journal:
            doc_id = self.store.document_id(document)
            delete_documents_where(journal, m.documents.c.id == doc_id)
