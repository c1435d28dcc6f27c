"""Filters shared by every analysis: which respondents, coders and codes count.

``where`` selects respondents by variable values: a value, a collection of values, or a
predicate (``{"seniority": lambda years: years >= 5}``). Denominators follow the filter:
among SHS respondents a code may be "2/3".
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import exists, or_, select

from qdaw.core import models as m
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

    def segment_conditions(self, segments: Any = m.segments) -> list[Any]:
        """WHERE clauses on ``segments`` (or an alias) for the respondents and coders in scope."""
        conditions = []
        if self.case_ids is not None:
            conditions.append(
                segments.c.document_id.in_(
                    select(m.documents.c.id).where(m.documents.c.case_id.in_(self.case_ids))
                )
            )
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
        if self.case_ids is None:
            return []
        return [m.documents.c.case_id.in_(self.case_ids)]

    def keeps_code(self, code_id: int) -> bool:
        return self.code_ids is None or code_id in self.code_ids


ALL = Scope()


def _typed(value: str | None, kind: str) -> Any:
    if value is None:
        return None
    try:
        if kind == "integer":
            return int(value)
        if kind == "float":
            return float(value.replace(",", "."))
    except ValueError:
        return value
    return value


def _matches(value: Any, wanted: Any) -> bool:
    if callable(wanted):
        return value is not None and bool(wanted(value))
    if isinstance(wanted, Collection) and not isinstance(wanted, str):
        return any(_matches(value, w) for w in wanted)
    if value is None:
        return wanted is None
    if isinstance(value, int | float) and not isinstance(wanted, str):
        return bool(value == wanted)
    return str(value).strip().casefold() == str(wanted).strip().casefold()


def cases_where(store: Store, where: Where) -> frozenset[int]:
    """Ids of respondents whose variables match every condition in ``where``."""
    types = store.variable_types()
    unknown = [name for name in where if name not in types]
    if unknown:
        known = ", ".join(types) or "none yet"
        raise QdawError(f"unknown variable {unknown[0]!r} (variables: {known})")
    ids = {row[0] for row in store.rows(select(m.cases.c.id))}
    for name, wanted in where.items():
        rows = store.rows(
            select(m.case_values.c.case_id, m.case_values.c.value)
            .join(m.variables, m.variables.c.id == m.case_values.c.variable_id)
            .where(m.variables.c.name == name)
        )
        values = {case_id: _typed(value, types[name]) for case_id, value in rows}
        ids = {i for i in ids if _matches(values.get(i), wanted)}
    return frozenset(ids)


def _ids(items: Iterable[Any], resolve: Callable[[Any], int]) -> frozenset[int]:
    if isinstance(items, str) or not isinstance(items, Iterable):
        items = [items]
    return frozenset(resolve(item) for item in items)


def resolve_scope(
    store: Store,
    cases: Iterable[Any] | None = None,
    where: Where | None = None,
    coders: Iterable[str] | str | None = None,
    codes: Iterable[Any] | None = None,
    hypotheses: Iterable[Any] | None = None,
    speakers: Iterable[str] | str | None = None,
) -> Scope:
    """Turn user-level filters (names, handles, variable conditions) into a Scope."""
    case_ids: frozenset[int] | None = None
    if cases is not None:
        case_ids = _ids(cases, store.case_id)
    if where:
        matching = cases_where(store, where)
        case_ids = matching if case_ids is None else case_ids & matching
    if case_ids is not None and not case_ids:
        raise QdawError(f"no respondent matches the filter (cases={cases!r}, where={where!r})")
    coder_ids = None
    if coders is not None:

        def coder_id(name: str) -> int:
            return store.id_by(m.coders, "name", name, "coder")

        coder_ids = _ids(coders, coder_id)
    code_ids = None if codes is None else _ids(codes, store.code_id)
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
    return Scope(case_ids, coder_ids, code_ids, hypothesis_ids, spoken)
