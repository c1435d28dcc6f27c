"""Reading variables for the store: their definitions, and owners × variables tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from qdaw.core import models as m
from qdaw.core.kinds import ALIASES, VariableInfo, levels_of, typed_column

if TYPE_CHECKING:
    import pandas as pd

Rows = Callable[[Any], Sequence[Any]]


def variable_info(rows: Rows, scope: str | None) -> dict[str, VariableInfo]:
    v = m.variables.c
    query = select(v.id, v.name, v.type, v.scope, v.levels).order_by(v.id)
    if scope is not None:
        query = query.where(v.scope == scope)
    return {
        str(name): VariableInfo(
            int(row_id), str(name), ALIASES.get(str(kind), str(kind)), str(where),
            levels_of(levels),
        )
        for row_id, name, kind, where, levels in rows(query)
    }  # fmt: skip


def value_frame(rows: Rows, info: dict[str, VariableInfo], scope: str) -> pd.DataFrame:
    """Owners (cases or documents, by name, in id order) × ``info``'s variables, typed."""
    import pandas as pd

    owners, values = (
        (m.cases, m.case_values.c.case_id)
        if scope == "case"
        else (m.documents, m.document_values.c.document_id)
    )
    found = rows(
        select(owners.c.name, m.variables.c.name, values.table.c.value)
        .join(values.table, values == owners.c.id)
        .join(m.variables, m.variables.c.id == values.table.c.variable_id)
    )
    names = [r[0] for r in rows(select(owners.c.name).order_by(owners.c.id))]
    frame = pd.DataFrame(found, columns=[scope, "variable", "value"])
    table = frame.pivot(index=scope, columns="variable", values="value").reindex(
        index=names, columns=list(info)
    )
    for name, variable in info.items():
        table[name] = typed_column(table[name], variable)
    table.index.name = scope
    table.columns.name = None
    return table
