"""Boolean queries over codes: ``"Évaluation" AND NOT ("Fraude" OR Rejet)``.

Operators AND, OR, NOT (also ET, OU, SAUF), parentheses; code names in double quotes,
or bare when they have no spaces; paths ("Parent/Child") work too. A code stands for
itself and its sub-codes.

Segment level: a segment satisfies code X if it is coded X or overlaps a segment coded
X in the same document. The result is the segments of the codes named positively that
satisfy the whole expression: ``A AND B`` gives the A passages that overlap B and the B
passages that overlap A; ``A AND NOT B`` the A passages that touch no B.

Case level: a respondent satisfies X if any of their segments is coded X.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, exists, not_, or_, select

from qdaw.analysis.scope import Scope
from qdaw.core import models as m
from qdaw.core.tree import subtree_query
from qdaw.errors import QdawError

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement

    from qdaw.core.store import Store

_TOKEN = re.compile(r'\s*(?:(\()|(\))|"([^"]+)"|([^\s()"]+))')
_OPERATORS = {"AND": "AND", "ET": "AND", "OR": "OR", "OU": "OR", "NOT": "NOT", "SAUF": "NOT"}


@dataclass(frozen=True)
class Code:
    name: str


@dataclass(frozen=True)
class Not:
    operand: Any


@dataclass(frozen=True)
class Binary:
    operator: str
    left: Any
    right: Any


def parse(text: str) -> Any:
    tokens: list[tuple[str, str]] = []
    position = 0
    text = text.strip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            raise QdawError(f"cannot read the query at: {text[position:]!r}")
        position = match.end()
        opening, closing, quoted, bare = match.groups()
        if opening:
            tokens.append(("(", "("))
        elif closing:
            tokens.append((")", ")"))
        elif quoted is not None:
            tokens.append(("name", quoted))
        elif bare.upper() in _OPERATORS:
            tokens.append((_OPERATORS[bare.upper()], bare))
        else:
            tokens.append(("name", bare))
    if not tokens:
        raise QdawError("the query is empty")
    index = 0

    def peek() -> str | None:
        return tokens[index][0] if index < len(tokens) else None

    def take(kind: str) -> str:
        nonlocal index
        if peek() != kind:
            found = tokens[index][1] if index < len(tokens) else "the end"
            raise QdawError(f"query: expected {kind.lower()} but found {found!r}")
        index += 1
        return tokens[index - 1][1]

    def expression() -> Any:
        node = term()
        while peek() == "OR":
            take("OR")
            node = Binary("OR", node, term())
        return node

    def term() -> Any:
        node = factor()
        while peek() == "AND":
            take("AND")
            node = Binary("AND", node, factor())
        return node

    def factor() -> Any:
        if peek() == "NOT":
            take("NOT")
            return Not(factor())
        if peek() == "(":
            take("(")
            node = expression()
            take(")")
            return node
        return Code(take("name"))

    tree = expression()
    if index != len(tokens):
        raise QdawError(f"query: unexpected {tokens[index][1]!r}")
    return tree


def positive_codes(node: Any, negated: bool = False) -> list[str]:
    if isinstance(node, Code):
        return [] if negated else [node.name]
    if isinstance(node, Not):
        return positive_codes(node.operand, not negated)
    return positive_codes(node.left, negated) + positive_codes(node.right, negated)


class Compiler:
    """Turns a parsed query into SQL conditions on a candidate segment."""

    def __init__(self, store: Store, scope: Scope) -> None:
        self.store = store
        self.scope = scope
        self._ids: dict[str, list[int]] = {}

    def code_ids(self, name: str) -> list[int]:
        if name not in self._ids:
            root = self.store.code_id(name)
            tree = subtree_query(root)
            self._ids[name] = [row[0] for row in self.store.rows(select(tree.c.id))]
        return self._ids[name]

    def segment_condition(self, node: Any, candidate: Any) -> ColumnElement[bool]:
        if isinstance(node, Code):
            ids = self.code_ids(node.name)
            other = m.segments.alias()
            o, c = other.c, candidate.c
            # Text passages overlap by offsets; image regions (offsets 0–0) by rectangles.
            regions = and_(
                o.x.is_not(None), c.x.is_not(None),
                o.x < c.x + c.width, c.x < o.x + o.width,
                o.y < c.y + c.height, c.y < o.y + o.height,
            )  # fmt: skip
            overlap = exists().where(
                o.document_id == c.document_id,
                o.code_id.in_(ids),
                or_(and_(o.start_offset < c.end_offset, c.start_offset < o.end_offset), regions),
                *self._coder_condition(other),
            )
            return or_(candidate.c.code_id.in_(ids), overlap)
        return self._combine(node, lambda child: self.segment_condition(child, candidate))

    def case_condition(self, node: Any, case_id: Any) -> ColumnElement[bool]:
        if isinstance(node, Code):
            other = m.segments.alias()
            owner = m.documents.alias()
            return exists().where(
                owner.c.id == other.c.document_id,
                owner.c.case_id == case_id,
                other.c.code_id.in_(self.code_ids(node.name)),
                *self._coder_condition(other),
            )
        return self._combine(node, lambda child: self.case_condition(child, case_id))

    def _coder_condition(self, other: Any) -> list[Any]:
        if self.scope.coder_ids is None:
            return []
        return [other.c.coder_id.in_(self.scope.coder_ids)]

    @staticmethod
    def _combine(node: Any, compile_child: Any) -> ColumnElement[bool]:
        if isinstance(node, Not):
            return not_(compile_child(node.operand))
        left, right = compile_child(node.left), compile_child(node.right)
        return and_(left, right) if node.operator == "AND" else or_(left, right)
