"""Codes by a respondent variable: who, among each group of respondents, has each code."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Literal

from qdaw.analysis.frequencies import case_code_matrix
from qdaw.analysis.scope import ALL, Scope
from qdaw.core.kinds import NUMBERS
from qdaw.errors import QdawError

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.core.store import Store

MISSING = "(no value)"
CrosstabValue = Literal["cases", "segments", "pct", "label"]


def _format_edge(value: float) -> str:
    return f"{value:.4g}"


def default_bins(store: Store, variable: str) -> int | str | None:
    """A number with more than 8 distinct values is crossed in 4 equal bins, dates by
    month (by year past 8 months); anything else value by value (a table with dozens of
    columns reads as noise)."""
    kind = store.variable_types().get(variable, "text")
    if kind not in (*NUMBERS, "date"):
        return None
    values = store.variables()[variable].dropna()
    if values.nunique() <= 8:
        return None
    if kind == "date":
        return "month" if len({d.isoformat()[:7] for d in values}) <= 8 else "year"
    return 4


def _date_groups(values: pd.Series, bins: str) -> tuple[Any, list[str]]:
    """Dates as their month ("2020-05") or year, in time order."""
    width = {"month": 7, "year": 4}[bins]
    groups = values.map(lambda d: None if d is None or d != d else d.isoformat()[:width])
    return groups, sorted({g for g in groups if g is not None})


def _number_groups(values: pd.Series, bins: int | Sequence[float]) -> tuple[Any, list[str]]:
    import numpy as np
    import pandas as pd

    numbers: Any = values.astype(float)
    if isinstance(bins, int):  # equal widths over the observed range
        edges = [float(e) for e in np.linspace(numbers.min(), numbers.max(), bins + 1)]
    else:
        edges = [float(e) for e in bins]
    order = [f"{_format_edge(lo)}–{_format_edge(hi)}" for lo, hi in pairwise(edges)]
    return pd.cut(numbers, bins=edges, labels=order, include_lowest=True).astype(object), order


def _value_groups(values: pd.Series, kind: str, levels: list[str] | None) -> tuple[Any, list[str]]:
    """Each value as its own group: a categorical variable's in the levels' order
    (every level, also one nobody has), yes before no, the others sorted."""
    import pandas as pd

    if kind == "categorical":
        return values.astype(object).map(lambda v: None if pd.isna(v) else str(v)), list(
            levels or []
        )
    if kind == "boolean":
        shown = values.astype(object).map(lambda v: None if pd.isna(v) else ("yes" if v else "no"))
        return shown, [v for v in ("yes", "no") if v in set(shown)]
    present = values.dropna()
    order = [str(v) for v in sorted(present.unique())]
    return values.map(lambda v: None if pd.isna(v) else str(v)).astype(object), order


def case_groups(
    store: Store,
    variable: str,
    scope: Scope = ALL,
    bins: int | Sequence[float] | str | None = None,
    cases: pd.Index | None = None,
) -> pd.Series:
    """Each respondent in scope (with documents) mapped to its group for ``variable``.

    Numeric variables can be binned: ``bins=3`` cuts the range in three equal parts,
    ``bins=[0, 5, 10, 40]`` gives the groups 0–5, 5–10, 10–40 (right edges included);
    dates by ``bins="month"`` or ``"year"``. A categorical variable's groups are its
    levels, in their order.
    """
    import pandas as pd

    info = store.variable_info()
    if variable not in info:
        known = ", ".join(store.variable_types()) or "none yet"
        raise QdawError(f"unknown variable {variable!r} (variables: {known})")
    if info[variable].scope != "case":
        raise QdawError(
            f"{variable} is a document variable: filter by it (where=) to compare documents"
        )
    kind = info[variable].kind
    if cases is None:
        cases = case_code_matrix(store, scope).index
    values = store.variables().reindex(cases)[variable]
    groups: Any
    if isinstance(bins, str):
        if kind != "date" or bins not in ("month", "year"):
            raise QdawError(
                f'bins={bins!r}: dates are binned by "month" or "year" ({variable} is {kind})'
            )
        groups, order = _date_groups(values, bins)
    elif bins is not None:
        if kind not in NUMBERS:
            raise QdawError(f"variable {variable!r} is {kind}: only numbers can be binned")
        groups, order = _number_groups(values, bins)
    else:
        groups, order = _value_groups(values, kind, info[variable].levels)
    groups = pd.Series(groups, index=cases, dtype=object)
    groups = groups.where(groups.notna(), MISSING)
    if (groups == MISSING).any():
        order.append(MISSING)
    result = pd.Series(pd.Categorical(groups, categories=order), index=cases, name=variable)
    return result


def crosstab(
    store: Store,
    variable: str,
    scope: Scope = ALL,
    value: CrosstabValue = "cases",
    bins: int | Sequence[float] | str | None = None,
    rollup: bool = False,
) -> pd.DataFrame:
    """Rows: codes; columns: the variable's values, then Total (``rollup``: a code
    counts its sub-codes too).

    ``cases``: respondents with the code among those with that value; ``segments``:
    their segments; ``pct``: cases as % of the group; ``label``: "k/n".
    ``frame.attrs["n"]`` holds each group's size.
    """
    if value not in ("cases", "segments", "pct", "label"):
        raise QdawError(f"value must be cases, segments, pct or label, not {value!r}")
    counts = case_code_matrix(store, scope, rollup=rollup)
    groups = case_groups(store, variable, scope, bins, counts.index)
    data = counts if value == "segments" else (counts > 0).astype(int)
    table = data.groupby(groups, observed=False).sum().T
    table.columns = [str(c) for c in table.columns]
    table["Total"] = data.sum()
    sizes = groups.value_counts().reindex(groups.cat.categories).astype(int)
    n = {str(k): int(v) for k, v in sizes.items()}
    n["Total"] = len(groups)
    if value == "pct":
        table = 100.0 * table / [max(n[c], 1) for c in table.columns]
    elif value == "label":
        table = table.apply(lambda column: column.astype(str) + f"/{n[column.name]}")
    table.index.name = "code"
    table.columns.name = variable
    table.attrs["n"] = n
    return table


def crosstab_tests(
    store: Store, variable: str, scope: Scope = ALL, bins: int | Sequence[float] | str | None = None
) -> pd.DataFrame:
    """Per code: a chi-square test of "has the code" × group, with Fisher's exact test
    for two groups, and a warning when expected counts are too small to trust chi-square.

    Respondents with no value for the variable are left out of the tests.
    """
    import numpy as np
    import pandas as pd
    from scipy import stats

    table = crosstab(store, variable, scope, "cases", bins)
    n = table.attrs["n"]
    groups = [c for c in table.columns if c not in ("Total", MISSING) and n[c] > 0]
    if len(groups) < 2:
        raise QdawError(
            f"variable {variable!r} has fewer than two groups of respondents to compare"
        )
    with_code = table[groups].to_numpy(dtype=float)
    sizes = np.array([n[g] for g in groups], dtype=float)
    without = sizes - with_code
    total = sizes.sum()
    row_with = with_code.sum(axis=1, keepdims=True)
    expected_with = row_with * sizes / total
    expected_without = (total - row_with) * sizes / total
    observed = np.stack([with_code, without], axis=1)
    expected = np.stack([expected_with, expected_without], axis=1)
    dof = len(groups) - 1
    difference = np.abs(observed - expected)
    if dof == 1:  # Yates' continuity correction, as scipy applies to 2×2 tables
        difference = np.maximum(difference - 0.5, 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        chi2 = np.where(expected > 0, difference**2 / expected, 0.0).sum(axis=(1, 2))
    degenerate = (row_with[:, 0] == 0) | (row_with[:, 0] == total)
    chi2 = np.where(degenerate, np.nan, chi2)
    p_value = stats.chi2.sf(chi2, dof)
    low = (expected < 5).sum(axis=(1, 2))
    cells = expected.shape[1] * expected.shape[2]
    result = pd.DataFrame(
        {
            "chi2": chi2,
            "dof": dof,
            "p_value": p_value,
            "min_expected": expected.min(axis=(1, 2)),
            "low_expected_cells": low,
        },
        index=table.index,
    )
    if dof == 1:
        result["fisher_p"] = [
            stats.fisher_exact(observed[i]).pvalue if not degenerate[i] else np.nan
            for i in range(len(result))
        ]
    warnings = []
    for is_degenerate, low_cells in zip(degenerate, low, strict=True):
        if is_degenerate:
            warnings.append("no variation: every or no respondent has the code")
        elif low_cells:
            advice = "use Fisher's exact test" if dof == 1 else "merge groups or collect more cases"
            warnings.append(
                f"{low_cells} of {cells} expected counts below 5: chi-square unreliable, {advice}"
            )
        else:
            warnings.append("")
    result["warning"] = warnings
    return result
