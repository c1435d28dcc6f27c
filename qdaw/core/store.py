"""The store: the typed layer every service, analysis, nlp and export work on.

It knows who writes, resolves names and handles to ids, reads the data every layer
needs (codebook order, variables, texts) and opens the one kind of write transaction.

Transactions and the operations log live in qdaw.core.writing (every change runs
inside ``_writing(label)``, one transaction and one undo step of this project's coder),
undo and redo in qdaw.core.undo, polling for other writers in qdaw.core.watch.
Lookups made inside a write transaction read through it, so the checks a method makes
still hold when it commits.
"""

from __future__ import annotations

import contextlib
import getpass
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, Table, func, select

from qdaw.core import files, storage, variable_reads
from qdaw.core import models as m
from qdaw.core.dberrors import DB_ERRORS, translate
from qdaw.core.entities import Case, Code, Document, Hypothesis, Segment
from qdaw.core.journal import Journal
from qdaw.core.kinds import VariableInfo
from qdaw.core.names import CODER, PATH_SEPARATOR, check_name, lookup_forms
from qdaw.core.undo import Undoing
from qdaw.core.watch import ChangeWatching
from qdaw.core.writing import ChangeEvent, Listener
from qdaw.errors import ConflictError, NotFoundError, QdawError

if TYPE_CHECKING:
    import pandas as pd

#: The environment variable naming the coder when ``Project.open`` is given none.
CODER_VARIABLE = "QDAW_CODER"


def os_user() -> str | None:
    try:
        return getpass.getuser() or None
    except (OSError, KeyError):  # no user name in this environment
        return None


class Store(Undoing, ChangeWatching):
    def __init__(
        self,
        engine: Engine,
        location: str,
        path: Path | None,
        coder: str | None = None,
        busy_timeout: float = storage.BUSY_TIMEOUT,
        read_only: str | None = None,
    ) -> None:
        super().__init__(engine, location, path, busy_timeout, read_only)
        #: Who this project writes as: named at open, else $QDAW_CODER, else the
        #: project's default coder, else the user's login name. Steps, undo stacks and
        #: new segments without an explicit coder are this coder's.
        chosen = coder if coder and coder.strip() else os.environ.get(CODER_VARIABLE, "")
        # A coder named here is checked now: every step and undo stack carries the name.
        self.coder = (
            check_name(chosen, CODER)
            if chosen.strip()
            else self.get_meta("default_coder") or os_user() or "coder"
        )

    # -- lookups ------------------------------------------------------------------
    def _value(self, table: Table, row_id: int, column: str) -> Any:
        row = self._rows(select(table.c[column]).where(table.c.id == row_id))
        if not row:
            raise NotFoundError(f"{table.name[:-1]} #{row_id} no longer exists")
        return row[0][0]

    def _id_by(self, table: Table, column: str, value: str, kind: str) -> int:
        for form in lookup_forms(value):
            found = self._scalar(select(table.c.id).where(table.c[column] == form))
            if found is not None:
                return int(found)
        raise NotFoundError(f"no {kind} named {value!r}")

    def _ensure(self, table: Table, row_id: int, kind: str) -> int:
        # Remembered until anything is deleted, rolled back, undone or redone.
        key = ("exists", table.name, row_id)
        if key not in self._cache:
            if self._scalar(select(table.c.id).where(table.c.id == row_id)) is None:
                raise NotFoundError(f"no {kind} #{row_id}")
            self._cache[key] = True
        return row_id

    def _document_id(self, document: Document | int | str) -> int:
        if isinstance(document, Document):
            return document.id
        if isinstance(document, int):
            return self._ensure(m.documents, document, "document")
        return self._id_by(m.documents, "name", document, "document")

    def _case_id(self, case: Case | int | str) -> int:
        if isinstance(case, Case):
            return case.id
        if isinstance(case, int):
            return self._ensure(m.cases, case, "case")
        return self._id_by(m.cases, "name", case, "case")

    def _hypothesis_id(self, hypothesis: Hypothesis | int | str) -> int:
        if isinstance(hypothesis, Hypothesis):
            return hypothesis.id
        if isinstance(hypothesis, int):
            return self._ensure(m.hypotheses, hypothesis, "hypothesis")
        return self._id_by(m.hypotheses, "label", hypothesis, "hypothesis")

    def _segment_id(self, segment: Segment | int) -> int:
        if isinstance(segment, Segment):
            return segment.id
        return self._ensure(m.segments, segment, "segment")

    def _code_id(self, code: Code | int | str) -> int:
        """A code by handle, id, path ("Parent/Child") or unique name."""
        if isinstance(code, Code):
            return code.id
        if isinstance(code, int):
            return self._ensure(m.codes, code, "code")
        forms = lookup_forms(code)
        # A path first: "/" separates a code from its parent (a code stored with "/" in
        # its name, before names were checked, is still found by its name below).
        if forms and PATH_SEPARATOR in forms[0]:
            found = self._code_by_path(forms[0].split(PATH_SEPARATOR))
            if found is not None:
                return found
        for form in forms:
            rows = self._rows(select(m.codes.c.id).where(m.codes.c.name == form))
            if len(rows) == 1:
                return int(rows[0][0])
            if len(rows) > 1:
                raise ConflictError(
                    f"several codes are named {code!r}; give the path (Parent/Child)"
                )
        raise NotFoundError(f"no code named {code!r}")

    def _code_by_path(self, parts: list[str]) -> int | None:
        parent_id: int | None = None
        for part in parts:
            parent_cond = (
                m.codes.c.parent_id.is_(None)
                if parent_id is None
                else m.codes.c.parent_id == parent_id
            )
            found = self._scalar(
                select(m.codes.c.id).where(parent_cond, m.codes.c.name == part.strip())
            )
            if found is None:
                return None
            parent_id = int(found)
        return parent_id

    # The public names, for the services, analysis, nlp and export (the same functions).
    value = _value
    id_by = _id_by
    ensure = _ensure
    document_id = _document_id
    case_id = _case_id
    hypothesis_id = _hypothesis_id
    segment_id = _segment_id
    code_id = _code_id
    code_by_path = _code_by_path

    def _coder_id(self, journal: Journal, coder: str | None) -> int:
        name = check_name(coder, CODER) if coder else self.coder
        key = ("coder", name)
        if key not in self._cache:
            found = journal.conn.execute(
                select(m.coders.c.id).where(m.coders.c.name == name)
            ).scalar()
            self._cache[key] = (
                int(found) if found is not None else journal.insert(m.coders, {"name": name})
            )
        return int(self._cache[key])

    def __repr__(self) -> str:
        return f"<Store {self.shown!r}>"

    def close(self) -> None:
        """Close the project; its file alone then holds every commit (the WAL is
        written into it, unless another process still reads an older snapshot)."""
        self._stop_watching()
        with contextlib.suppress(QdawError):  # (a full disk: the WAL keeps them, safe)
            self.checkpoint()
        self.engine.dispose()

    def save_copy(self, target: str | Path, force: bool = False) -> Path:
        """Write a consistent copy of this project file to ``target`` (a .qdaw file),
        every commit included, also while others write; an existing ``target`` is
        replaced only with ``force``."""
        if self.path is None:
            raise QdawError(
                f"{self.shown}: a server project is copied to a file with copy_to "
                "(qdaw copy URL FILE)"
            )
        destination = Path(target)
        if destination.resolve() == self.path.resolve():
            raise ConflictError(f"{destination}: is the project itself; choose another file")
        try:
            with self.engine.connect() as conn:
                raw: Any = conn.connection.driver_connection
                return files.copy_database(raw, destination, force)
        except DB_ERRORS as exc:
            raise translate(exc, str(destination)) from exc
        except OSError as exc:
            raise files.os_error(destination, exc) from exc

    @property
    def name(self) -> str:
        """The project's name: its file's stem, or the database's name in its URL."""
        if self.path is not None:
            return self.path.stem
        from sqlalchemy.engine import make_url

        return make_url(self.location).database or self.shown.rsplit("/", 1)[-1]

    @property
    def default_coder(self) -> str:
        """The coder a project opened without one writes as (set_default_coder)."""
        return self.get_meta("default_coder") or os_user() or "coder"

    def get_meta(self, key: str) -> str | None:
        value = self._scalar(select(m.meta.c.value).where(m.meta.c.key == key))
        return None if value is None else str(value)

    def language(self) -> str | None:
        """The project's language: as set (set_language), else the one most of its
        documents were found to be in when indexed, else None."""
        chosen = self.get_meta("language")
        if chosen:
            return chosen
        d = m.documents
        found = self._rows(
            select(d.c.language, func.count())
            .where(d.c.language.is_not(None))
            .group_by(d.c.language)
            .order_by(func.count().desc(), d.c.language)
            .limit(1)
        )
        return str(found[0][0]) if found else None

    def _set_meta(self, journal: Journal, key: str, value: str | None) -> None:
        if not journal.update(m.meta, {"key": key}, {"value": value}):
            journal.insert(m.meta, {"key": key, "value": value})

    coder_id = _coder_id
    set_meta = _set_meta

    @property
    def cache(self) -> dict[Any, Any]:
        """Facts remembered until anything is deleted, rolled back, undone or redone."""
        return self._cache

    # -- what every layer reads ---------------------------------------------------------
    def tree_order(self) -> list[int]:
        """Code ids in codebook order: depth first, siblings by position."""
        rows = self._rows(
            select(m.codes.c.id, m.codes.c.parent_id).order_by(m.codes.c.position, m.codes.c.id)
        )
        return tree_order_of([(int(i), p) for i, p in rows])

    def document_text(self, document: Document | int | str) -> str:
        doc_id = self._document_id(document)
        text = self._scalar(
            select(m.document_texts.c.text).where(m.document_texts.c.document_id == doc_id)
        )
        if text is None:
            raise NotFoundError(f"document #{doc_id} no longer exists")
        return str(text)

    def variable_info(self, scope: str | None = None) -> dict[str, VariableInfo]:
        """Every variable (or those of one scope: "case", "document"), in creation order."""
        return variable_reads.variable_info(self._rows, scope)

    def variable(self, name: str) -> VariableInfo:
        """One variable by name, case or document, or a NotFoundError listing them."""
        found = self.variable_info()
        for form in lookup_forms(name):
            if form in found:
                return found[form]
        raise NotFoundError(
            f"no variable named {name!r} (variables: {', '.join(found) or 'none yet'})"
        )

    def variable_types(self, scope: str | None = "case") -> dict[str, str]:
        """Respondent variables and their types (``scope=None``: document ones too)."""
        return {name: info.kind for name, info in self.variable_info(scope).items()}

    def variables(self) -> pd.DataFrame:
        """Cases × variables, typed (integers, decimals, dates, yes/no, categories in
        their order, text); index: case names."""
        return variable_reads.value_frame(self._rows, self.variable_info("case"), "case")

    def document_variable_table(self) -> pd.DataFrame:
        """Documents × document variables, typed as ``variables``; index: document names."""
        info = self.variable_info("document")
        return variable_reads.value_frame(self._rows, info, "document")


def tree_order_of(rows: list[tuple[int, int | None]]) -> list[int]:
    """(code id, parent id) pairs, siblings already in position order, depth first."""
    children: dict[int | None, list[int]] = {}
    for code_id, parent_id in rows:
        children.setdefault(parent_id, []).append(code_id)
    order: list[int] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        code_id = stack.pop()
        order.append(code_id)
        stack.extend(reversed(children.get(code_id, [])))
    return order


__all__ = ["ChangeEvent", "Listener", "Store", "tree_order_of"]
