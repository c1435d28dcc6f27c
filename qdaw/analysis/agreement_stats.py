"""Agreement statistics from counts of units by pattern, vectorised over codes.

A unit's *pattern* is a bit mask of the coders who applied the code there (bit ``j`` for
the ``j``-th compared coder). Every statistic follows from the number of units with each
pattern, so a pooled table is just the sum of the codes' tables. The categories are
binary (the code applied or not), hence ``q = 2`` for Brennan–Prediger.

The formulas, for ``m`` coders and ``n`` units of which unit ``u`` was coded by ``k_u``:

- percent: units where all coders agree (all or none applied the code), in %;
- Cohen's kappa (two coders only): ``(p_o - p_e) / (1 - p_e)`` with ``p_e`` from each
  coder's own marginals;
- Brennan–Prediger: ``(p_o - 1/2) / (1 - 1/2)`` with ``p_o`` the mean pairwise agreement;
- Krippendorff's alpha, nominal, from the coincidence matrix:
  ``1 - (N - 1) * o_01 / (n_0 * n_1)`` with ``N = n m`` pairable values,
  ``o_01 = Σ k_u (m - k_u) / (m - 1)`` and ``n_1 = Σ k_u``, ``n_0 = N - n_1``.

Undefined values are NaN and ``reason`` says why; no division warning is raised.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

STATISTICS = ["units", "both", "only_first", "only_second", "neither", "percent"]
STATISTICS += ["kappa", "kappa_bp", "alpha", "reason"]


def popcount(masks: range) -> list[int]:
    """How many coders each pattern mask names."""
    return [bin(mask).count("1") for mask in masks]


def statistics(counts: pd.DataFrame, coders: list[str]) -> pd.DataFrame:
    """``counts``: one row per code (index), one column per pattern mask (0 … 2**m - 1),
    values the number of units. Returns the STATISTICS columns for each row."""
    import numpy as np
    import pandas as pd

    m = len(coders)
    full = (1 << m) - 1
    counts = counts.reindex(columns=range(full + 1), fill_value=0).astype("int64")
    table = counts.to_numpy(dtype="float64")
    masks = range(full + 1)
    k = np.array(popcount(masks), dtype="float64")
    first = np.array([bool(mask & 1) for mask in masks])
    n = table.sum(axis=1)
    both = table[:, full]
    neither = table[:, 0]
    mixed = (k > 0) & (k < m)
    only_first = table[:, mixed & first].sum(axis=1)
    only_second = table[:, mixed & ~first].sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        percent = np.where(n > 0, 100.0 * (both + neither) / n, np.nan)
        pairwise = (k * (k - 1) + (m - k) * (m - k - 1)) / (m * (m - 1))
        p_o = np.where(n > 0, (table * pairwise).sum(axis=1) / n, np.nan)
        kappa_bp = 2.0 * p_o - 1.0
        ones = (table * k).sum(axis=1)
        values = n * m
        zeros = values - ones
        o_01 = (table * (k * (m - k) / (m - 1))).sum(axis=1)
        expected = zeros * ones
        alpha = np.where(expected > 0, 1.0 - (values - 1) * o_01 / expected, np.nan)
        if m == 2:
            yes_first = table[:, 1] + table[:, 3]
            yes_second = table[:, 2] + table[:, 3]
            # In counts, not shares: exact for integers, so perfect agreement is 1.0.
            chance = yes_first * yes_second + (n - yes_first) * (n - yes_second)
            room = n * n - chance
            kappa = np.where(room > 0, (n * (both + neither) - chance) / room, np.nan)
        else:
            kappa = np.full(len(n), np.nan)
    result = pd.DataFrame(
        {
            "units": n.astype("int64"),
            "both": both.astype("int64"),
            "only_first": only_first.astype("int64"),
            "only_second": only_second.astype("int64"),
            "neither": neither.astype("int64"),
            "percent": percent,
            "kappa": kappa,
            "kappa_bp": kappa_bp,
            "alpha": alpha,
        },
        index=counts.index,
    )
    result["reason"] = [_reason(row, coders) for row in result.itertuples()]
    return result


def _reason(row: object, coders: list[str]) -> str:
    """Why a statistic is missing (or a degenerate table), in words."""
    units, both, first, second, neither = (
        getattr(row, name) for name in ("units", "both", "only_first", "only_second", "neither")
    )
    if units == 0:
        return "no units to compare"
    notes = []
    if len(coders) == 2:
        if both + first == 0 and both + second == 0:
            notes.append("neither coder applied the code: kappa and alpha are undefined")
        elif both + first == 0 or both + second == 0:
            absent = coders[0] if both + first == 0 else coders[1]
            notes.append(f"{absent} never applied the code")
        if both + first == units and both + second == units:
            notes.append(
                "both coders applied the code to every unit: kappa and alpha are undefined"
            )
    else:
        notes.append("Cohen's kappa compares two coders; alpha and kappa_bp take all")
        if both + first + second == 0:
            notes.append("no coder applied the code: alpha is undefined")
        elif first + second + neither == 0:
            notes.append("every coder applied the code to every unit: alpha is undefined")
    return "; ".join(notes)
