"""Live handles on project rows.

A handle is an id plus the project it belongs to; its properties read the current
values, so a handle stays valid across renames, undo and redo.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar, Protocol

from sqlalchemy import Table

from qdaw.core import models as m


class Owner(Protocol):
    """What a handle reads through: the Project that made it."""

    def value(self, table: Table, row_id: int, column: str) -> Any: ...
    def documents(self, case: Any = None) -> list[Document]: ...
    def case_variables(self, case: Any) -> dict[str, Any]: ...
    def document_text(self, document: Any) -> str: ...
    def segments(self, document: Any = None, code: Any = None) -> list[Segment]: ...
    def codes(self, parent: Any = None, hypothesis: Any = None) -> list[Code]: ...
    def hypotheses(self, code: Any = None) -> list[Hypothesis]: ...


class Handle:
    __slots__ = ("_project", "id")
    table: ClassVar[Table]

    def __init__(self, project: Owner, row_id: int) -> None:
        self._project = project
        self.id = int(row_id)

    def _get(self, column: str) -> Any:
        return self._project.value(self.table, self.id, column)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.id == self.id and other._project is self._project

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.id))

    def __repr__(self) -> str:
        try:
            label = getattr(self, "name", None) or getattr(self, "label", "")
        except KeyError:
            label = "<deleted>"
        return f"<{type(self).__name__} #{self.id} {label!r}>"


class Case(Handle):
    __slots__ = ()
    table = m.cases

    @property
    def name(self) -> str:
        return str(self._get("name"))

    @property
    def memo(self) -> str | None:
        return self._get("memo")

    def documents(self) -> list[Document]:
        return self._project.documents(case=self)

    @property
    def variables(self) -> dict[str, Any]:
        return self._project.case_variables(self)


class Document(Handle):
    __slots__ = ()
    table = m.documents

    @property
    def name(self) -> str:
        return str(self._get("name"))

    @property
    def text(self) -> str:
        return self._project.document_text(self.id)

    @property
    def source_name(self) -> str | None:
        return self._get("source_name")

    @property
    def format(self) -> str | None:
        return self._get("format")

    @property
    def imported_at(self) -> datetime:
        return self._get("imported_at")

    @property
    def language(self) -> str | None:
        return self._get("language")

    @property
    def memo(self) -> str | None:
        return self._get("memo")

    @property
    def case(self) -> str:
        """The respondent's name."""
        return Case(self._project, self._get("case_id")).name

    @property
    def case_handle(self) -> Case:
        return Case(self._project, self._get("case_id"))

    def segments(self) -> list[Segment]:
        return self._project.segments(document=self)


class Code(Handle):
    __slots__ = ()
    table = m.codes

    @property
    def name(self) -> str:
        return str(self._get("name"))

    @property
    def color(self) -> str:
        return str(self._get("color"))

    @property
    def description(self) -> str | None:
        return self._get("description")

    @property
    def memo(self) -> str | None:
        return self._get("memo")

    @property
    def author(self) -> str | None:
        return self._get("author")

    @property
    def parent(self) -> Code | None:
        parent_id = self._get("parent_id")
        return None if parent_id is None else Code(self._project, parent_id)

    @property
    def path(self) -> str:
        """Names from the top of the codebook down to this code, joined by '/'."""
        parts = [self.name]
        node = self.parent
        while node is not None:
            parts.append(node.name)
            node = node.parent
        return "/".join(reversed(parts))

    def children(self) -> list[Code]:
        return self._project.codes(parent=self)

    def hypotheses(self) -> list[Hypothesis]:
        return self._project.hypotheses(code=self)


class Hypothesis(Handle):
    __slots__ = ()
    table = m.hypotheses

    @property
    def label(self) -> str:
        return str(self._get("label"))

    @property
    def statement(self) -> str:
        return str(self._get("statement"))

    @property
    def description(self) -> str | None:
        return self._get("description")

    @property
    def memo(self) -> str | None:
        return self._get("memo")

    def codes(self) -> list[Code]:
        return self._project.codes(hypothesis=self)


class Segment(Handle):
    __slots__ = ()
    table = m.segments

    @property
    def start(self) -> int:
        return int(self._get("start_offset"))

    @property
    def end(self) -> int:
        return int(self._get("end_offset"))

    @property
    def memo(self) -> str | None:
        return self._get("memo")

    @property
    def created_at(self) -> datetime:
        return self._get("created_at")

    @property
    def document(self) -> Document:
        return Document(self._project, self._get("document_id"))

    @property
    def code(self) -> Code:
        return Code(self._project, self._get("code_id"))

    @property
    def coder(self) -> str | None:
        coder_id = self._get("coder_id")
        if coder_id is None:
            return None
        return str(self._project.value(m.coders, coder_id, "name"))

    @property
    def region(self) -> tuple[int, int, int, int] | None:
        """(x, y, width, height) in image pixels of a region of an image; None for text."""
        if self._get("x") is None:
            return None
        return (int(self._get("x")), int(self._get("y")), int(self._get("width")),
                int(self._get("height")))  # fmt: skip

    @property
    def text(self) -> str:
        return self.document.text[self.start : self.end]
