"""The Project facade: the public scripting API of qdaw.

    from qdaw import Project
    with Project.open("study.qdaw") as p:
        print(p.code_frequencies())

Every change is one transaction and one undo step (``p.undo()``, ``p.redo()``);
``with p.batch("label"):`` groups many changes into one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from sqlalchemy import exc as sa_exc

from qdaw.core import storage
from qdaw.core.anonymise_api import AnonymiseMixin
from qdaw.core.codebook import CodebookImportMixin, CodebookMixin
from qdaw.core.coding import CodingMixin
from qdaw.core.dberrors import translate
from qdaw.core.documents import DocumentsMixin
from qdaw.core.listing import ListingMixin
from qdaw.core.nlp_api import NlpMixin
from qdaw.core.operations import op

T = TypeVar("T")


def _translated(target: str | Path, call: Callable[[], T]) -> T:
    """Database errors met while opening or creating, as QdawErrors naming the target."""
    try:
        return call()
    except sa_exc.SQLAlchemyError as exc:
        raise translate(exc, storage.shown(target)) from exc


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
    def create(
        cls,
        target: str | Path,
        coder: str | None = None,
        busy_timeout: float = storage.BUSY_TIMEOUT,
    ) -> Project:
        """Create a new project file (an error if it exists) or database URL.
        ``coder`` as for ``open``."""
        engine = _translated(target, lambda: storage.create_database(target, busy_timeout))
        path = None if storage.is_url(target) else Path(target)
        return cls(engine, str(target), path, coder, busy_timeout)

    @classmethod
    def open(
        cls,
        target: str | Path,
        coder: str | None = None,
        busy_timeout: float = storage.BUSY_TIMEOUT,
        read_only: bool = False,
    ) -> Project:
        """Open a project file or URL, migrating an older format after a backup copy.

        ``coder`` names who writes (else $QDAW_CODER, the project's default coder, the
        login name): their steps are the ones ``undo`` and ``redo`` take, also after
        the project is closed and opened again. A writer waits up to ``busy_timeout``
        seconds for another writer's transaction. ``read_only`` opens a file so that
        nothing can change it.
        """
        engine, backup = _translated(
            target, lambda: storage.open_database(target, busy_timeout, read_only)
        )
        path = None if storage.is_url(target) else Path(target)
        project = cls(engine, str(target), path, coder, busy_timeout)
        project.backup_path = backup
        return project

    @property
    def name(self) -> str:
        if self.path is not None:
            return self.path.stem
        return self.shown.rsplit("/", 1)[-1]

    def close(self) -> None:
        self._stop_watching()
        self.engine.dispose()

    def __enter__(self) -> Project:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Project {self.shown!r}>"

    def set_default_coder(self, name: str) -> None:
        with self._writing(op("set_default_coder", name=name)) as journal:
            self._set_meta(journal, "default_coder", name)
