"""Variables: of respondents (cases) and of documents, typed (qdaw.core.kinds).

A value that does not fit its variable's type is refused, naming the respondent or
document, the variable and the value: a typo must not turn a number variable into text,
and every crosstab and filter on it with it. A type changes only by
``change_variable_type``, which converts every value or refuses.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, select

from qdaw.core import kinds
from qdaw.core import models as m
from qdaw.core.entities import Case, Document
from qdaw.core.journal import Journal
from qdaw.core.kinds import VariableInfo
from qdaw.core.names import VARIABLE, check_name
from qdaw.core.operations import op
from qdaw.errors import ConflictError, ImportFailed
from qdaw.services.documents import case_in
from qdaw.services.service import Service

if TYPE_CHECKING:
    from qdaw.services.variables_import import VariablesImport

SCOPES = ("case", "document")
#: Values a refusal to convert names (the others are counted).
NAMED = 5


def _values_table(scope: str) -> tuple[Table, str]:
    if scope == "case":
        return m.case_values, "case_id"
    return m.document_values, "document_id"


class Variables(Service):
    # -- reading --------------------------------------------------------------------
    def variable_levels(self, name: str) -> list[str] | None:
        """A categorical variable's levels in order (None for the other types)."""
        return self.store.variable(name).levels

    def case_variables(self, case: Case | int | str) -> dict[str, Any]:
        return self._values_of("case", self.store.case_id(case))

    def document_variables(self, document: Document | int | str) -> dict[str, Any]:
        return self._values_of("document", self.store.document_id(document))

    def _values_of(self, scope: str, owner_id: int) -> dict[str, Any]:
        table, column = _values_table(scope)
        v = m.variables.c
        rows = self.store.rows(
            select(v.name, v.type, table.c.value)
            .join(table, table.c.variable_id == v.id)
            .where(table.c[column] == owner_id)
        )
        return {
            name: kinds.typed(value, kinds.ALIASES.get(kind, kind)) for name, kind, value in rows
        }

    # -- writing --------------------------------------------------------------------
    def _info_in(self, journal: Journal, name: str) -> VariableInfo | None:
        """The variable as this transaction sees it (another writer may have made it)."""
        v = m.variables.c
        row = journal.conn.execute(
            select(v.id, v.type, v.scope, v.levels).where(v.name == name)
        ).first()
        if row is None:
            return None
        kind = kinds.ALIASES.get(str(row[1]), str(row[1]))
        return VariableInfo(int(row[0]), name, kind, str(row[2]), kinds.levels_of(row[3]))

    def _insert(
        self, journal: Journal, name: str, kind: str, scope: str, levels: list[str] | None
    ) -> VariableInfo:
        values = {"name": name, "type": kind, "scope": scope, "levels": kinds.levels_json(levels)}
        new_id = journal.insert(m.variables, values)
        assert new_id is not None
        return VariableInfo(new_id, name, kind, scope, levels)

    def variable_in(self, journal: Journal, name: str, value: Any, scope: str) -> VariableInfo:
        """The variable, made of the type its first value suggests if new; an error if
        it belongs to the other scope."""
        found = self._info_in(journal, name)
        if found is None:
            return self._insert(journal, name, kinds.infer([value]), scope, None)
        if found.scope != scope:
            other = "a respondent" if found.scope == "case" else "a document"
            raise ConflictError(f"{name} is {other} variable: set it on {other[2:]}s")
        return found

    def store_value(
        self, journal: Journal, scope: str, owner_id: int, variable_id: int, stored: str | None
    ) -> None:
        table, column = _values_table(scope)
        key = {column: owner_id, "variable_id": variable_id}
        if not journal.update(table, key, {"value": stored}):
            journal.insert(table, {**key, "value": stored})

    def set_variable(self, case: Case | int | str, name: str, value: Any) -> None:
        """Set one respondent's value; the variable is created if new (integer, decimal
        or text, from the value). A value that does not fit the type is refused."""
        name = check_name(name, VARIABLE)
        with self.store.writing(op("set_variable", name=name)) as journal:
            case_id = self.store.case_id(case)
            variable = self.variable_in(journal, name, value, "case")
            who = f"respondent {self.store.value(m.cases, case_id, 'name')}"
            stored = kinds.parse(variable.kind, value, variable.levels, name, who)
            self.store_value(journal, "case", case_id, variable.id, stored)

    def set_document_variable(self, document: Document | int | str, name: str, value: Any) -> None:
        """Set one document's value (interview date, interviewer, place); the variable
        is created as a document variable if new."""
        name = check_name(name, VARIABLE)
        with self.store.writing(op("set_document_variable", name=name)) as journal:
            doc_id = self.store.document_id(document)
            variable = self.variable_in(journal, name, value, "document")
            who = f"document {self.store.value(m.documents, doc_id, 'name')}"
            stored = kinds.parse(variable.kind, value, variable.levels, name, who)
            self.store_value(journal, "document", doc_id, variable.id, stored)

    def add_variable(
        self,
        name: str,
        kind: str = "text",
        levels: list[str] | None = None,
        scope: str = "case",
    ) -> None:
        """A new, empty variable: text, integer, decimal, date, boolean (yes/no) or
        categorical (with its ``levels`` in order); of respondents (``scope="case"``)
        or of documents (``scope="document"``)."""
        name = check_name(name, VARIABLE)
        kind = kinds.canonical_kind(kind)
        if scope not in SCOPES:
            raise ConflictError(f"a variable's scope is case or document, not {scope!r}")
        if kind == "categorical":
            levels = kinds.check_levels(levels)
        elif levels is not None:
            raise ConflictError(f"only a categorical variable has levels ({name} is {kind})")
        with self.store.writing(op("add_variable", name=name)) as journal:
            if self._info_in(journal, name) is not None:
                raise ConflictError(f"a variable named {name!r} already exists")
            self._insert(journal, name, kind, scope, levels)

    def set_levels(self, variable: str, levels: list[str]) -> None:
        """A categorical variable's levels, in their new order; every value held must
        be one of them (a level's new spelling, "> 5 ANS" for "> 5 ans", re-spells it)."""
        levels = kinds.check_levels(levels)
        with self.store.writing(op("set_levels", name=variable)) as journal:
            info = self.store.variable(variable)
            if info.kind != "categorical":
                raise ConflictError(
                    f"{info.name} is {info.kind}: change its type to categorical first"
                )
            self._convert(journal, info, "categorical", levels)

    def change_variable_type(
        self, name: str, new_type: str, levels: list[str] | None = None
    ) -> None:
        """Give a variable another type, converting every value, in one undo step; or
        refuse, naming the first values that do not convert (nothing changes)."""
        new_type = kinds.canonical_kind(new_type)
        if new_type == "categorical":
            levels = kinds.check_levels(levels)
        elif levels is not None:
            raise ConflictError(f"only a categorical variable has levels, not a {new_type} one")
        with self.store.writing(op("change_variable_type", name=name, type=new_type)) as journal:
            self._convert(journal, self.store.variable(name), new_type, levels)

    def _convert(
        self, journal: Journal, info: VariableInfo, kind: str, levels: list[str] | None
    ) -> None:
        table, column = _values_table(info.scope)
        owners = m.cases if info.scope == "case" else m.documents
        rows = journal.conn.execute(
            select(table.c[column], owners.c.name, table.c.value)
            .join(owners, owners.c.id == table.c[column])
            .where(table.c.variable_id == info.id, table.c.value.is_not(None))
            .order_by(owners.c.id)
        ).all()
        changes, refused = [], []
        for owner_id, owner, stored in rows:
            try:
                converted = kinds.convert(str(stored), info.kind, kind, levels)
            except ValueError as exc:
                refused.append(f"{owner} “{stored}” ({exc})")
                continue
            if converted != stored:
                changes.append((owner_id, converted))
        if refused:
            more = f", and {len(refused) - NAMED} more" if len(refused) > NAMED else ""
            raise ConflictError(
                f"{info.name} cannot become {kind}: " + "; ".join(refused[:NAMED]) + more
            )
        journal.update(
            m.variables, {"id": info.id}, {"type": kind, "levels": kinds.levels_json(levels)}
        )
        for owner_id, converted in changes:
            journal.update(table, {column: owner_id, "variable_id": info.id}, {"value": converted})

    def delete_variable(self, name: str) -> None:
        with self.store.writing(op("delete_variable", name=name)) as journal:
            variable_id = self.store.variable(name).id
            journal.delete_where(m.case_values, m.case_values.c.variable_id == variable_id)
            journal.delete_where(m.document_values, m.document_values.c.variable_id == variable_id)
            journal.delete(m.variables, {"id": variable_id})

    def import_variables(self, path: str | Path, skip_bad_rows: bool = False) -> VariablesImport:
        """Read a CSV: first column the respondent (case), one column per variable.

        Unknown cases are created; a new variable's type (integer, decimal, text) is
        inferred from its column, an existing one's kept and every cell checked
        against it. Every bad cell is reported with its row, column, value and why
        (``TableError``) and nothing is stored, unless ``skip_bad_rows``: then the good
        rows are stored and the others listed in the result's ``skipped``. One
        transaction, one undo step.
        """
        from qdaw.ingest.table import TableError, read_table
        from qdaw.services.variables_import import VariablesImport, check_variables, good_rows

        path = Path(path)
        table = read_table(path, unnamed_first=True)
        if len(table.header) < 2 or not (table.rows or table.problems):
            raise ImportFailed(
                path, "needs a header row ('case', then one column per variable) and data"
            )
        with self.store.writing(op("import_variables", name=path.name)) as journal:
            # The variables as they are now, in this transaction: another writer may
            # have made one since this project was opened.
            problems, columns = check_variables(table, self.store.variable_info())
            rows = good_rows(table, problems)
            if problems and not (skip_bad_rows and rows):
                raise TableError(path, problems)
            made = []
            for column in columns:
                found = self._info_in(journal, column.name)
                made.append(found or self._insert(journal, column.name, column.kind, "case", None))
            for row in rows:
                case_id = case_in(journal, row.cells[0], must_be_new=False)
                for variable, value in zip(made, row.cells[1:], strict=True):
                    stored = kinds.fit(variable.kind, value, variable.levels)
                    self.store_value(journal, "case", case_id, variable.id, stored)
        return VariablesImport(len(rows), problems)
