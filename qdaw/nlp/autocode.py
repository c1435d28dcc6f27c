"""Autocoding: code every hit of a search, as the match, its sentence or its paragraph."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import select

from qdaw.analysis.scope import ALL, Scope
from qdaw.core import models as m
from qdaw.core.operations import op
from qdaw.errors import QdawError
from qdaw.nlp.search import Mode, search

if TYPE_CHECKING:
    from qdaw.core.store import Store

Unit = Literal["match", "sentence", "paragraph"]
#: How a segment is coded (the coding service's ``code_segment``): nlp writes through it.
CodeSegment = Callable[..., object]


def planned_spans(
    store: Store,
    query: str,
    mode: Mode = "exact",
    unit: Unit = "match",
    scope: Scope = ALL,
) -> list[tuple[int, int, int]]:
    """(document id, start, end) that autocoding would code: the preview.

    With ``scope.speakers`` ("respondent", "interviewer", or speaker labels such as "R"),
    hits outside those speakers' turns are left out.
    """
    if unit not in ("match", "sentence", "paragraph"):
        raise QdawError(f"unit must be match, sentence or paragraph, not {unit!r}")
    hits = search(store, query, mode, scope)
    ids = dict(store.rows(select(m.documents.c.name, m.documents.c.id)))
    found = zip(hits["document"].map(ids), hits["start"], hits["end"], strict=True)
    return enclose(store, found, unit, scope.speakers)


def enclose(
    store: Store,
    hits: Iterable[tuple[int, int, int]],
    unit: Unit = "match",
    speakers: Iterable[str] | None = None,
) -> list[tuple[int, int, int]]:
    """The passages to code for hits (document id, start, end): the hit itself, or its
    sentence or paragraph; only in the given speakers' turns if any; no doubles."""
    if unit not in ("match", "sentence", "paragraph"):
        raise QdawError(f"unit must be match, sentence or paragraph, not {unit!r}")
    wanted = set(speakers or [])
    spans = set()
    units = Units(store)
    for document_id, start, end in hits:
        document_id, start, end = int(document_id), int(start), int(end)
        if wanted and not units.spoken_by(document_id, start, wanted):
            continue
        if unit != "match":
            start, end = units.enclosing(document_id, unit, start, end)
        spans.add((document_id, start, end))
    return sorted(spans)


class Units:
    """A document's sentences, paragraphs and turns, read once per autocoding."""

    def __init__(self, store: Store) -> None:
        self.store = store
        # (units, their starts): the starts list is built once, not once per hit.
        self.cache: dict[tuple[int, str], tuple[list[Any], list[int]]] = {}

    def of(self, document_id: int, kind: str) -> tuple[list[Any], list[int]]:
        if (document_id, kind) not in self.cache:
            units = m.text_units
            rows = self.store.rows(
                select(units.c.start_offset, units.c.end_offset, units.c.label, units.c.role)
                .where(units.c.document_id == document_id, units.c.kind == kind)
                .order_by(units.c.start_offset)
            )
            self.cache[(document_id, kind)] = (rows, [int(r[0]) for r in rows])
        return self.cache[(document_id, kind)]

    def spoken_by(self, document_id: int, position: int, wanted: set[str]) -> bool:
        turn = _containing(*self.of(document_id, "turn"), position)
        return turn is not None and (turn[3] in wanted or turn[2] in wanted)

    def enclosing(self, document_id: int, kind: str, start: int, end: int) -> tuple[int, int]:
        units = self.of(document_id, kind)
        found = _containing(*units, start)
        if found is None:
            return start, end
        last = _containing(*units, max(start, end - 1)) or found
        return int(found[0]), int(last[1])


def _containing(units: list[Any], starts: list[int], position: int) -> Any | None:
    index = bisect_right(starts, position) - 1
    return units[index] if index >= 0 and units[index][1] > position else None


def autocode(
    store: Store,
    code_segment: CodeSegment,
    query: str,
    code: Any,
    mode: Mode = "exact",
    unit: Unit = "match",
    scope: Scope = ALL,
    coder: str | None = None,
) -> int:
    """Code every hit; one undoable operation. Returns the number of segments created
    (a span the code already has is not coded twice)."""
    spans = planned_spans(store, query, mode, unit, scope)
    return code_spans(store, code_segment, spans, code, coder)


def code_spans(
    store: Store,
    code_segment: CodeSegment,
    spans: Iterable[tuple[int, int, int]],
    code: Any,
    coder: str | None = None,
    label: str | None = None,
) -> int:
    """Code every (document id, start, end) as one undoable operation, skipping spans
    the code already has; returns the segments created."""
    spans = list(spans)
    code_id = store.code_id(code)
    name = store.value(m.codes, code_id, "name")
    with store.batch(label or op("autocode", name=name)):
        # Inside the transaction: another writer's codings of these spans count too.
        existing = {
            (r[0], r[1], r[2])
            for r in store.rows(
                select(
                    m.segments.c.document_id, m.segments.c.start_offset, m.segments.c.end_offset
                ).where(m.segments.c.code_id == code_id)
            )
        }
        todo = [span for span in spans if span not in existing]
        for document_id, start, end in todo:
            code_segment(document_id, start, end, code_id, coder=coder)
    return len(todo)
