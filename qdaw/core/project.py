"""The Project facade: the public scripting API of qdaw.

    from qdaw import Project
    with Project.open("study.qdaw") as p:
        print(p.code_frequencies())

Every change is one transaction and one undo step (``p.undo()``, ``p.redo()``);
``with p.batch("label"):`` groups many changes into one.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from qdaw.core import storage
from qdaw.core.anonymise_api import AnonymiseMixin
from qdaw.core.codebook import CodebookImportMixin, CodebookMixin
from qdaw.core.coding import CodingMixin
from qdaw.core.documents import DocumentsMixin
from qdaw.core.listing import ListingMixin
from qdaw.core.nlp_api import NlpMixin


class Project(
    DocumentsMixin,
    CodebookMixin,
    CodebookImportMixin,
    CodingMixin,
    NlpMixin,
    AnonymiseMixin,
    ListingMixin,
):
    @classmethod
    def create(cls, target: str | Path) -> Project:
        """Create a new project file (an error if it exists) or database URL."""
        engine = storage.create_database(target)
        return cls(engine, str(target), None if storage.is_url(target) else Path(target))

    @classmethod
    def open(cls, target: str | Path) -> Project:
        """Open a project file or URL, migrating an older format after a backup copy."""
        engine, backup = storage.open_database(target)
        project = cls(engine, str(target), None if storage.is_url(target) else Path(target))
        project.backup_path = backup
        return project

    @property
    def name(self) -> str:
        if self.path is not None:
            return self.path.stem
        return self.location.rsplit("/", 1)[-1]

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Project:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Project {self.location!r}>"

    def set_default_coder(self, name: str) -> None:
        with self._writing(f"Set default coder {name}") as journal:
            self._set_meta(journal, "default_coder", name)
