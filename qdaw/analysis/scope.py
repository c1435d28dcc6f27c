"""Filters shared by every analysis: which respondents, coders and codes count.

``where`` selects respondents by variable values: a value, a collection of values, or a
predicate (``{"seniority": lambda years: years >= 5}``); a document variable's condition
(``{"interviewer": "Ana"}``) selects documents, hence their segments. ``documents``
names documents or a document set, ``codes`` codes or a code set. Denominators follow
the filter: among SHS respondents a code may be "2/3".
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import exists, or_, select

from qdaw.core import models as m
from qdaw.core.kinds import VariableInfo, fit, typed
from qdaw.errors import NotFoundError, QdawError

if TYPE_CHECKING:
    from qdaw.core.store import Store

Where = Mapping[str, Any]


@dataclass(frozen=True)
class Scope:
    """Resolved filters: ``None`` means "no restriction"."""

    case_ids: frozenset[int] | None = None
    coder_ids: frozenset[int] | None = None
    code_ids: frozenset[int] | None = None
    hypothesis_ids: frozenset[int] | None = None
    speakers: frozenset[str] | None = None  # turn roles or speaker labels
    document_ids: frozenset[int] | None = None

    def segment_conditions(self, segments: Any = m.segments) -> list[Any]:
        """WHERE clauses on ``segments`` (or an alias) for the respondents and coders in scope."""
        conditions = []
        if self.case_ids is not None:
            conditions.append(
                segments.c.document_id.in_(
                    select(m.documents.c.id).where(m.documents.c.case_id.in_(self.case_ids))
                )
            )
        if self.document_ids is not None:
            conditions.append(segments.c.document_id.in_(self.document_ids))
        if self.coder_ids is not None:
            conditions.append(segments.c.coder_id.in_(self.coder_ids))
        if self.speakers is not None:
            # Only passages said (at least in part) by these speakers count.
            turn = m.text_units.alias("turn")
            conditions.append(
                exists().where(
                    turn.c.document_id == segments.c.document_id,
                    turn.c.kind == "turn",
                    or_(turn.c.role.in_(self.speakers), turn.c.label.in_(self.speakers)),
                    turn.c.start_offset < segments.c.end_offset,
                    segments.c.start_offset < turn.c.end_offset,
                )
            )
        return conditions

    def document_conditions(self) -> list[Any]:
        conditions = []
        if self.case_ids is not None:
            conditions.append(m.documents.c.case_id.in_(self.case_ids))
        if self.document_ids is not None:
            conditions.append(m.documents.c.id.in_(self.document_ids))
        return conditions

    def keeps_code(self, code_id: int) -> bool:
        return self.code_ids is None or code_id in self.code_ids


ALL = Scope()


def _wanted(wanted: Any, variable: VariableInfo) -> Any:
    """A condition's value read as the variable's type ("oui" is True for a yes/no
    variable, "14/05/2020" a date); one that does not fit is compared as text."""
    if isinstance(wanted, str) and variable.kind != "text":
        try:
            return typed(fit(variable.kind, wanted, variable.levels), variable.kind)
        except ValueError:
            return wanted
    return wanted


def _matches(value: Any, wanted: Any) -> bool:
    if callable(wanted):
        return value is not None and bool(wanted(value))
    if isinstance(wanted, Collection) and not isinstance(wanted, str):
        return any(_matches(value, w) for w in wanted)
    if value is None:
        return wanted is None
    if not isinstance(value, str) and not isinstance(wanted, str):
        return bool(value == wanted)
    return str(value).strip().casefold() == str(wanted).strip().casefold()


def _owners_where(store: Store, scope: str, where: Where) -> frozenset[int]:
    """Ids of respondents (``scope="case"``) or documents whose variables match every
    condition in ``where``."""
    owners, values = (
        (m.cases, m.case_values.c.case_id)
        if scope == "case"
        else (m.documents, m.document_values.c.document_id)
    )
    ids = {row[0] for row in store.rows(select(owners.c.id))}
    for name, wanted in where.items():
        variable = store.variable(name)
        rows = store.rows(
            select(values, values.table.c.value).where(values.table.c.variable_id == variable.id)
        )
        found = {owner: typed(value, variable.kind) for owner, value in rows}
        if isinstance(wanted, Collection) and not isinstance(wanted, str):
            wanted = [_wanted(w, variable) for w in wanted]
        else:
            wanted = _wanted(wanted, variable)
        ids = {i for i in ids if _matches(found.get(i), wanted)}
    return frozenset(ids)


def _split_where(store: Store, where: Where) -> tuple[dict[str, Any], dict[str, Any]]:
    """The conditions on respondent variables, and those on document variables."""
    info = store.variable_info()
    unknown = [name for name in where if name not in info]
    if unknown:
        known = ", ".join(info) or "none yet"
        raise QdawError(f"unknown variable {unknown[0]!r} (variables: {known})")
    on_cases = {n: w for n, w in where.items() if info[n].scope == "case"}
    return on_cases, {n: w for n, w in where.items() if n not in on_cases}


def cases_where(store: Store, where: Where) -> frozenset[int]:
    """Ids of respondents whose variables match every condition in ``where``."""
    on_cases, on_documents = _split_where(store, where)
    if on_documents:
        name = next(iter(on_documents))
        raise QdawError(f"{name} is a document variable: it selects documents, not respondents")
    return _owners_where(store, "case", on_cases)


def _ids(items: Iterable[Any], resolve: Callable[[Any], int]) -> frozenset[int]:
    if isinstance(items, str) or not isinstance(items, Iterable):
        items = [items]
    return frozenset(resolve(item) for item in items)


def resolve_scope(
    store: Store,
    cases: Iterable[Any] | None = None,
    where: Where | None = None,
    coders: Iterable[str] | str | None = None,
    codes: Iterable[Any] | str | None = None,
    hypotheses: Iterable[Any] | None = None,
    speakers: Iterable[str] | str | None = None,
    documents: Iterable[Any] | str | None = None,
    sets: Iterable[str] | str | None = None,
) -> Scope:
    """Turn user-level filters (names, handles, variable conditions, sets) into a Scope."""
    case_ids: frozenset[int] | None = None
    document_ids: frozenset[int] | None = None
    if cases is not None:
        case_ids = _ids(cases, store.case_id)
    if documents is not None:
        document_ids = members(store, documents, "document")
    in_sets = _in_sets(store, sets)
    if "document" in in_sets:
        chosen = in_sets["document"]
        document_ids = chosen if document_ids is None else document_ids & chosen
    if where:
        on_cases, on_documents = _split_where(store, where)
        if on_cases:
            matching = _owners_where(store, "case", on_cases)
            case_ids = matching if case_ids is None else case_ids & matching
        if on_documents:
            chosen = _owners_where(store, "document", on_documents)
            document_ids = chosen if document_ids is None else document_ids & chosen
    if case_ids is not None and not case_ids:
        raise QdawError(f"no respondent matches the filter (cases={cases!r}, where={where!r})")
    if document_ids is not None and not document_ids:
        raise QdawError(
            f"no document matches the filter (documents={documents!r}, where={where!r})"
        )
    coder_ids = None
    if coders is not None:

        def coder_id(name: str) -> int:
            return store.id_by(m.coders, "name", name, "coder")

        coder_ids = _ids(coders, coder_id)
    code_ids = None if codes is None else members(store, codes, "code")
    if "code" in in_sets:
        code_ids = in_sets["code"] if code_ids is None else code_ids & in_sets["code"]
    hypothesis_ids = None
    if hypotheses is not None:
        hypothesis_ids = _ids(hypotheses, store.hypothesis_id)
        linked = frozenset(
            row[0]
            for row in store.rows(
                select(m.code_hypotheses.c.code_id).where(
                    m.code_hypotheses.c.hypothesis_id.in_(hypothesis_ids)
                )
            )
        )
        code_ids = linked if code_ids is None else code_ids & linked
    if code_ids is not None and not code_ids:
        raise NotFoundError("no code matches the filter")
    spoken = (
        None
        if speakers is None
        else frozenset([speakers] if isinstance(speakers, str) else speakers)
    )
    return Scope(case_ids, coder_ids, code_ids, hypothesis_ids, spoken, document_ids)


def _in_sets(store: Store, sets: Iterable[str] | str | None) -> dict[str, frozenset[int]]:
    """The documents and the codes of the named sets (of each kind, those in any)."""
    found: dict[str, frozenset[int]] = {}
    for name in [sets] if isinstance(sets, str) else list(sets or []):
        row = store.rows(select(m.sets.c.kind).where(m.sets.c.name == name.strip()))
        if not row:
            raise NotFoundError(f"no set named {name!r}")
        kind = str(row[0][0])
        found[kind] = found.get(kind, frozenset()) | _set_members(store, name.strip(), kind)
    return found


def _set_members(store: Store, name: str, kind: str) -> frozenset[int]:
    link = m.set_documents if kind == "document" else m.set_codes
    column = link.c.document_id if kind == "document" else link.c.code_id
    named = select(m.sets.c.id).where(m.sets.c.name == name)
    return frozenset(r[0] for r in store.rows(select(column).where(link.c.set_id.in_(named))))


def members(store: Store, items: Iterable[Any] | str, kind: str) -> frozenset[int]:
    """Ids of documents or codes: named, as handles or ids, or a set's name (a set of
    that kind; a code or document of the same name is taken first)."""
    resolve = store.document_id if kind == "document" else store.code_id
    if isinstance(items, str):
        found = store.rows(select(m.sets.c.id, m.sets.c.kind).where(m.sets.c.name == items.strip()))
        if found:
            try:
                return _ids(items, resolve)
            except NotFoundError:
                pass
            if found[0][1] != kind:
                raise QdawError(f"{items!r} is a set of {found[0][1]}s, not of {kind}s")
            return _set_members(store, items.strip(), kind)
    return _ids(items, resolve)
