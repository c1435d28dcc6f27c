"""How the margin shows coders: stripes by code (the default), by coder, one coder only,
or a band of lanes per coder side by side, so two codings of a passage compare at a glance.

No Qt here: the document view hands its segment rows through ``arrange`` before laying
out the stripes and highlights.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from qdaw.services.listing import SegmentRow

Mode = Literal["code", "coder", "one", "lanes"]
MODES: tuple[Mode, ...] = ("code", "coder", "one", "lanes")
#: Okabe–Ito: told apart with every common colour-vision deficiency, and in print.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442"]
NO_CODER = "—"


@dataclass
class Arranged:
    rows: list[SegmentRow]
    group_of: dict[int, int] | None = None  # segment id → band, in lanes mode
    legend: list[tuple[str, str]] = field(default_factory=list)  # (coder, colour)


def coder_colors(names: list[str]) -> dict[str, str]:
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(sorted(names))}


def arrange(rows: list[SegmentRow], mode: Mode, coder: str | None, coders: list[str]) -> Arranged:
    """``coders``: every coder to show (in lanes mode, one band each, in this order,
    also for a coder without a segment in this document)."""

    def name(row: SegmentRow) -> str:
        return row.coder or NO_CODER

    colors = coder_colors(coders or sorted({name(r) for r in rows}))
    if mode == "one":
        return Arranged([r for r in rows if name(r) == coder])
    if mode == "coder":
        shown = [replace(r, color=colors.get(name(r), "#888888")) for r in rows]
        present = sorted({name(r) for r in rows})
        return Arranged(shown, legend=[(c, colors.get(c, "#888888")) for c in present])
    if mode == "lanes":
        order = list(coders) or sorted({name(r) for r in rows})
        order += sorted({name(r) for r in rows} - set(order))
        band = {c: i for i, c in enumerate(order)}
        return Arranged(
            rows,
            {r.id: band[name(r)] for r in rows},
            [(c, colors.get(c, "#888888")) for c in order],
        )
    return Arranged(rows)
