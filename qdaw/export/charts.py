"""Charts with matplotlib's object API and the Agg canvas: headless, no pyplot state."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from qdaw.errors import QdawError

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

FORMATS = {".png", ".svg", ".pdf"}
# Labels are users' words: "Prix $5 et $10" is no formula, "$\\frac{" no error.
PLAIN: dict[str, Any] = {"parse_math": False}


def _figure(width: float, height: float) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height))
    FigureCanvasAgg(figure)
    return figure


def shorten(label: str, length: int = 48) -> str:
    return label if len(label) <= length else label[: length - 1] + "…"


def respondent_bars(
    labels: list[str],
    pct: list[float],
    ratios: list[str],
    colors: list[str],
    title: str = "",
    axis_label: str = "% of respondents",
) -> Figure:
    """Horizontal bars of % respondents, each labelled with its k/N."""
    height = 0.8 + 0.28 * max(len(labels), 1)
    figure = _figure(7.5, height)
    # Margins from the text sizes (a layout engine would draw every figure twice).
    longest = max((len(shorten(label)) for label in labels), default=4)
    figure.subplots_adjust(
        left=min(0.6, (0.2 + 0.062 * longest) / 7.5),
        right=0.97,
        top=1 - 0.42 / height,
        bottom=0.5 / height,
    )
    axes = figure.add_subplot()
    positions = list(range(len(labels)))[::-1]
    axes.barh(positions, pct, color=colors, height=0.7)
    axes.set_yticks(positions, [shorten(label) for label in labels], fontsize=8, **PLAIN)
    axes.set_xlim(0, 112)
    axes.set_xlabel(axis_label, fontsize=8)
    axes.tick_params(axis="x", labelsize=8)
    for y, value, ratio in zip(positions, pct, ratios, strict=True):
        axes.text(value + 1, y, ratio, va="center", fontsize=7)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if title:
        axes.set_title(title, fontsize=10, loc="left", **PLAIN)
    return figure


def frequency_chart(frequencies: pd.DataFrame, colors: dict[str, str], title: str = "") -> Figure:
    return respondent_bars(
        frequencies["code"].tolist(),
        frequencies["pct_cases"].tolist(),
        frequencies["ratio"].tolist(),
        [colors.get(code, "#4363d8") for code in frequencies["code"]],
        title,
    )


def heatmap(matrix: pd.DataFrame, title: str = "") -> Figure:
    """Codes (rows) × respondents (columns), shaded by segment count."""
    import numpy as np

    values = matrix.T.to_numpy(dtype=float)
    rows, columns = values.shape
    figure = _figure(min(2.5 + 0.35 * columns, 40), min(1.2 + 0.25 * rows, 60))
    axes = figure.add_subplot()
    image = axes.imshow(values, cmap="Blues", aspect="auto", vmin=0)
    axes.set_xticks(
        np.arange(columns),
        [shorten(str(c), 20) for c in matrix.index],
        rotation=60,
        ha="right",
        fontsize=7,
        **PLAIN,
    )
    axes.set_yticks(np.arange(rows), [shorten(str(c)) for c in matrix.columns], fontsize=7, **PLAIN)
    if rows * columns <= 2500:
        peak = values.max() if values.size else 0
        for (r, c), value in np.ndenumerate(values):
            if value:
                axes.text(
                    c,
                    r,
                    f"{value:g}",
                    ha="center",
                    va="center",
                    fontsize=6,
                    color="white" if value > peak / 2 else "black",
                )
    figure.colorbar(image, ax=axes, shrink=0.6, label="segments")
    if title:
        axes.set_title(title, fontsize=10, loc="left", **PLAIN)
    return figure


def save(figure: Figure, path: str | Path, dpi: int = 150) -> Path:
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise QdawError(f"{path}: charts are written as .png, .svg or .pdf")
    if not path.parent.exists():
        raise QdawError(f"{path}: folder {path.parent} does not exist")
    figure.savefig(path, dpi=dpi)
    return path


def to_bytes(figure: Figure, kind: str = "png", dpi: int = 150) -> bytes:
    import io

    buffer = io.BytesIO()
    figure.savefig(buffer, format=kind, dpi=dpi)
    return buffer.getvalue()


def code_colors(store: Any) -> dict[str, str]:
    from qdaw.analysis.frequencies import codebook_frame

    book = codebook_frame(store)
    return dict(zip(book["label"], book["color"], strict=True))
