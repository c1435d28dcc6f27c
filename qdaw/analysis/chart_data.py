"""The numbers the charts draw: codes by a variable's groups, co-occurrence in
clustered order, the code map's nodes and edges, and the code matrix browser's cells.

Each is a data frame computed from the crosstab, the co-occurrence table or the
respondents × codes matrix, so a chart never shows a number the tables do not.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from qdaw.analysis.cooccurrence import Level, Measure, cooccurrence
from qdaw.analysis.crosstab import MISSING, case_groups, crosstab, default_bins
from qdaw.analysis.frequencies import (
    _restrict,
    case_code_matrix,
    code_frequencies,
    codebook_frame,
)
from qdaw.analysis.scope import ALL, Scope
from qdaw.errors import QdawError

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.core.store import Store

ChartValue = Literal["pct", "cases"]
ChartMode = Literal["grouped", "stacked"]
AUTO = "auto"


def _bins(store: Store, variable: str, bins: Any) -> Any:
    return default_bins(store, variable) if bins == AUTO else bins


def codes_by_variable(
    store: Store,
    variable: str,
    scope: Scope = ALL,
    value: ChartValue = "pct",
    mode: ChartMode = "grouped",
    bins: int | Sequence[float] | str | None = AUTO,
    rollup: bool = False,
) -> pd.DataFrame:
    """Codes (rows, those some respondent has) × the variable's groups (columns, in the
    levels' order), as the crosstab counts them.

    ``pct``, grouped: % of each group; ``pct``, stacked: % of all respondents, so that
    a code's stacked bar is its overall share and each part one group's respondents;
    ``cases``: respondents. ``attrs["n"]`` holds the groups' sizes (and Total's);
    ``attrs["cases"]`` the respondents with the code per group.
    """
    if value not in ("pct", "cases"):
        raise QdawError(f"value must be 'pct' or 'cases', not {value!r}")
    if mode not in ("grouped", "stacked"):
        raise QdawError(f"mode must be 'grouped' or 'stacked', not {mode!r}")
    bins = _bins(store, variable, bins)
    cases = crosstab(store, variable, scope, "cases", bins, rollup)
    n = cases.attrs["n"]
    used = cases[cases["Total"] > 0]
    groups = [c for c in used.columns if c != "Total"]
    if value == "cases":
        table = used[groups].astype(float)
    elif mode == "grouped":
        table = crosstab(store, variable, scope, "pct", bins, rollup).loc[used.index, groups]
    else:
        table = 100.0 * used[groups] / max(n["Total"], 1)
    table = table.copy()
    table.attrs = {"n": n, "cases": used[groups].astype(int), "variable": variable}
    return table


def cluster_order(matrix: pd.DataFrame) -> tuple[list[str], Any]:
    """The codes of a symmetric co-occurrence table in the order of an average-linkage
    clustering with optimal leaf ordering, and the linkage (None under 3 codes).

    The distance of two codes is 1 − their co-occurrence scaled by the table's largest
    off-diagonal value, so codes that often occur together sit side by side.
    """
    import numpy as np
    from scipy.cluster.hierarchy import leaves_list, linkage, optimal_leaf_ordering
    from scipy.spatial.distance import squareform

    labels = [str(label) for label in matrix.index]
    if len(labels) < 3:
        return labels, None
    values = matrix.to_numpy(dtype=float).copy()
    np.fill_diagonal(values, 0.0)
    peak = values.max()
    distance = 1.0 - (values / peak if peak > 0 else values)
    np.fill_diagonal(distance, 0.0)
    condensed = squareform(distance, checks=False)
    tree = optimal_leaf_ordering(linkage(condensed, method="average"), condensed)
    return [labels[i] for i in leaves_list(tree)], tree


def clustered_cooccurrence(
    store: Store, scope: Scope = ALL, level: Level = "segment", measure: Measure = "count"
) -> tuple[pd.DataFrame, Any]:
    """The co-occurrence table of the codes in use, rows and columns in clustered order,
    and the linkage behind that order."""
    table = cooccurrence(store, scope, level, measure)
    used = [label for label, own in zip(table.index, _diagonal(table), strict=True) if own > 0]
    table = table.loc[used, used]
    order, tree = cluster_order(table)
    ordered = table.loc[order, order]
    ordered.attrs = {"level": level, "measure": measure}
    return ordered, tree


def _diagonal(table: pd.DataFrame) -> list[float]:
    return [float(v) for v in table.to_numpy(dtype=float).diagonal()]


def code_network(
    store: Store,
    scope: Scope = ALL,
    level: Level = "segment",
    measure: Measure = "count",
    threshold: float = 1,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The code map: nodes (code, cases, total_cases, share = k/N) for the codes in use,
    and edges (source, target, weight) for the pairs whose co-occurrence is at least
    ``threshold`` (a count, or a Jaccard index from 0 to 1)."""
    import pandas as pd

    if threshold < 0 or (measure == "jaccard" and threshold > 1):
        raise QdawError(
            f"threshold {threshold:g}: a count is 0 or more, a Jaccard index between 0 and 1"
        )
    table = cooccurrence(store, scope, level, measure)
    frequencies = code_frequencies(store, scope).set_index("code")
    used = [label for label, own in zip(table.index, _diagonal(table), strict=True) if own > 0]
    nodes = pd.DataFrame(
        {
            "code": used,
            "cases": [int(frequencies.loc[c, "cases"]) for c in used],
            "total_cases": [int(frequencies.loc[c, "total_cases"]) for c in used],
        }
    )
    nodes["share"] = nodes["cases"] / nodes["total_cases"].clip(lower=1)
    values = table.loc[used, used].to_numpy(dtype=float)
    edges = [
        (a, used[j], float(values[i, j]))
        for i, a in enumerate(used)
        for j in range(i + 1, len(used))
        if values[i, j] > 0 and values[i, j] >= threshold
    ]
    frame = pd.DataFrame(edges, columns=["source", "target", "weight"])
    frame.attrs = {"measure": measure, "threshold": threshold}
    return nodes, frame


def code_matrix(
    store: Store,
    scope: Scope = ALL,
    variable: str | None = None,
    bins: int | Sequence[float] | str | None = AUTO,
) -> pd.DataFrame:
    """Codes (rows, codebook order) × respondents, or × the groups of ``variable``:
    each code's own segments (a category's passages, not its sub-codes', so that a
    cell's passages are exactly the ones counted).

    ``attrs["code_ids"]``: each row's code id; ``attrs["cases"]``: each column's
    respondents (one for a respondent's column).
    """
    counts = case_code_matrix(store, scope)
    code_ids = [int(i) for i in _restrict(codebook_frame(store), scope).index]  # (its columns)
    if variable is None:
        table = counts.T
        members = {str(case): [str(case)] for case in counts.index}
    else:
        groups = case_groups(store, variable, scope, _bins(store, variable, bins), counts.index)
        table = counts.groupby(groups, observed=False).sum().T
        table.columns = [str(c) for c in table.columns]
        members = {str(g): [str(c) for c in groups.index[groups == g]] for g in table.columns}
        if MISSING in members and not members[MISSING]:
            table = table.drop(columns=[MISSING])
    table.index.name = "code"
    table.attrs = {"code_ids": code_ids, "cases": members}
    return table.astype(int)
