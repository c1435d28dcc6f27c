"""Codes by a variable's groups: grouped or stacked horizontal bars.

Each code's bars are in its colour; the groups are told apart by hatch patterns (and
a legend of them), so the chart reads in black-and-white print too. Every bar carries
its number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qdaw.export.charts import PLAIN, _figure, shorten

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

#: One pattern per group, from plain to dense: distinct in greyscale.
HATCHES = ["", "///", "...", "xxx", "\\\\\\", "+++", "ooo", "---", "|||", "***"]
FALLBACK = "#4363d8"


def hatch(index: int) -> str:
    return HATCHES[index % len(HATCHES)]


def codes_by_variable(
    table: pd.DataFrame,
    colors: dict[str, str],
    mode: str = "grouped",
    value: str = "pct",
    title: str = "",
    axis_label: str = "",
) -> Figure:
    """``table``: codes × groups (qdaw.analysis.chart_data.codes_by_variable), its
    attrs giving the groups' sizes and each cell's respondents."""
    import numpy as np
    from matplotlib.patches import Patch

    codes = [str(c) for c in table.index]
    groups = [str(g) for g in table.columns]
    n = table.attrs.get("n", {})
    cases = table.attrs.get("cases")
    values = table.to_numpy(dtype=float)
    stacked = mode == "stacked"
    per_code = 1 if stacked else max(len(groups), 1)
    band = 0.28 * per_code + 0.22
    height = min(1.6 + band * max(len(codes), 1), 60)
    figure = _figure(8.5, height)
    longest = max((len(shorten(c)) for c in codes), default=4)
    figure.subplots_adjust(
        left=min(0.55, (0.25 + 0.062 * longest) / 8.5),
        right=0.96,
        top=1 - 0.5 / height,
        bottom=1.0 / height,
    )
    axes = figure.add_subplot()
    positions = np.arange(len(codes))[::-1].astype(float)
    thickness = 0.8 / per_code
    left = np.zeros(len(codes))
    peak = values.sum(axis=1).max() if stacked and values.size else (values.max(initial=0))
    for g, group in enumerate(groups):
        offset = 0.0 if stacked else (g - (len(groups) - 1) / 2) * thickness
        column = values[:, g]
        bars = axes.barh(
            positions - offset,
            column,
            height=thickness * 0.92,
            left=left if stacked else None,
            color=[colors.get(code, FALLBACK) for code in codes],
            edgecolor="black",
            linewidth=0.5,
            hatch=hatch(g),
            label=group,
        )
        for bar in bars:  # (SVG ids: the group of each bar)
            bar.set_gid(f"group-{g}")
        for r, bar in enumerate(bars):
            number = column[r]
            if stacked and number <= 0:
                continue
            k = int(cases.iat[r, g]) if cases is not None else None
            if stacked:  # (each part: its group's respondents; the total at the end)
                if number >= peak * 0.06:
                    axes.text(bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height() / 2,
                              f"{k if k is not None else number:g}", ha="center", va="center",
                              fontsize=6, bbox={"boxstyle": "round,pad=0.1", "fc": "white",
                                                "lw": 0})  # fmt: skip
            else:
                axes.text(bar.get_width() + peak * 0.01, bar.get_y() + bar.get_height() / 2,
                          _value_text(number, value, k, n.get(group)), va="center",
                          fontsize=6)  # fmt: skip
        if stacked:
            left = left + column
    if stacked and cases is not None:
        for r, total in enumerate(left):
            k = int(cases.iloc[r].sum())
            shown = f"{k}/{n['Total']}" if value == "pct" and "Total" in n else f"{k}"
            axes.text(total + peak * 0.01, positions[r], shown, va="center", fontsize=6)
    axes.set_yticks(positions, [shorten(c) for c in codes], fontsize=8, **PLAIN)
    axes.set_ylim(-0.6, len(codes) - 0.4)  # (the default margins are wide on a tall chart)
    axes.set_xlim(0, max(peak, 1) * 1.15)
    if value == "pct":
        axes.set_xlim(0, min(max(peak, 1) * 1.15, 115))
    axes.set_xlabel(axis_label, fontsize=8)
    axes.tick_params(axis="x", labelsize=8)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    legend = [
        Patch(facecolor="white", edgecolor="black", hatch=hatch(g),
              label=f"{group} (n={n[group]})" if group in n else group)
        for g, group in enumerate(groups)
    ]  # fmt: skip
    axes.legend(handles=legend, fontsize=7, loc="lower right", frameon=True,
                title=str(table.attrs.get("variable", "")) or None, title_fontsize=7)  # fmt: skip
    if title:
        axes.set_title(title, fontsize=10, loc="left", **PLAIN)
    return figure


def _value_text(number: float, value: str, k: int | None, size: int | None) -> str:
    """A bar's label: k/n (and the %) for shares, the count for respondents."""
    if value == "cases":
        return f"{number:g}"
    if k is not None and size is not None:
        return f"{k}/{size}"
    return f"{number:.0f} %"
