"""The code hierarchy as SQL: a code and everything under it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import literal, select

from qdaw.core import models as m


def subtree_query(root_id: int) -> Any:
    """Recursive CTE of (id, depth) for a code and its descendants."""
    tree = (
        select(m.codes.c.id, literal(0).label("depth"))
        .where(m.codes.c.id == root_id)
        .cte("tree", recursive=True)
    )
    tree = tree.union_all(
        select(m.codes.c.id, (tree.c.depth + 1).label("depth")).where(
            m.codes.c.parent_id == tree.c.id
        )
    )
    return tree
