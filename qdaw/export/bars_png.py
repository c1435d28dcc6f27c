"""The reports' bar charts (% of respondents per code, each bar labelled k/N) drawn
straight with Pillow.

A report of 20 hypotheses has 20-odd such charts; through matplotlib each took 0.15 s,
most of it in tick and text layout, which made the charts two thirds of the time to
write the report. These are simple enough to draw directly: a tenth of the time, the
same look (DejaVu Sans, left-aligned title, axis at 0–100 %, no top or right spine).
"""

from __future__ import annotations

import io
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from qdaw.export.charts import shorten

DPI = 110
SCALE = 2  # drawn at twice the resolution: sharp when Word or a browser scales it
WIDTH_INCHES = 7.5
ROW_INCHES = 0.28
TICKS = (0, 20, 40, 60, 80, 100)
X_MAX = 112  # room right of a full bar for its k/N
AXIS_COLOUR = (51, 51, 51)
GRID_COLOUR = (235, 235, 235)


@cache
def _font_file() -> str | None:
    """matplotlib's own DejaVu Sans (every installation has it; no import needed)."""
    spec = find_spec("matplotlib")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"
        if path.exists():
            return str(path)
    return None


@cache
def _font(points: float) -> Any:
    from PIL import ImageFont

    size = round(points * DPI / 72 * SCALE)
    file = _font_file()
    return ImageFont.truetype(file, size) if file else ImageFont.load_default(size)


def _rgb(colour: str) -> tuple[int, int, int]:
    from PIL import ImageColor

    try:
        red, green, blue = ImageColor.getrgb(colour)[:3]
    except ValueError:
        return (67, 99, 216)
    return red, green, blue


def bars_png(
    labels: list[str],
    pct: list[float],
    ratios: list[str],
    colors: list[str],
    title: str = "",
    axis_label: str = "% of respondents",
) -> bytes:
    """Horizontal bars of % respondents, top to bottom in the order given, as PNG."""
    from PIL import Image, ImageDraw

    unit = DPI * SCALE  # pixels per inch
    label_font, small, title_font = _font(8), _font(7), _font(10)
    shown = [shorten(label) for label in labels]
    measure = ImageDraw.Draw(Image.new("RGB", (1, 1)))

    def width_of(text: str, font: Any) -> int:
        return int(measure.textlength(text, font=font))

    rows = max(len(labels), 1)
    width = round(WIDTH_INCHES * unit)
    height = round((0.8 + ROW_INCHES * rows) * unit)
    left = max((width_of(text, label_font) for text in shown), default=0) + round(0.12 * unit)
    left = min(left, round(0.6 * width))
    right = round(0.03 * width)
    top = round(0.42 * unit)
    bottom = round(0.5 * unit)
    plot_width = width - left - right
    row_height = (height - top - bottom) / rows
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)

    def x_of(value: float) -> int:
        return left + round(plot_width * max(0.0, min(value, X_MAX)) / X_MAX)

    for tick in TICKS:
        draw.line([(x_of(tick), top), (x_of(tick), height - bottom)], fill=GRID_COLOUR, width=1)
    for row, (text, value, ratio, colour) in enumerate(
        zip(shown, pct, ratios, colors, strict=True)
    ):
        middle = top + (row + 0.5) * row_height
        half = row_height * 0.35
        if value > 0:
            draw.rectangle(
                [left, round(middle - half), x_of(value), round(middle + half)], fill=_rgb(colour)
            )
        draw.text((left - round(0.06 * unit), middle), text, font=label_font, fill="black",
                  anchor="rm")  # fmt: skip
        draw.text((x_of(value) + round(0.04 * unit), middle), ratio, font=small, fill="black",
                  anchor="lm")  # fmt: skip
    axis_y = height - bottom
    draw.line([(left, top), (left, axis_y)], fill=AXIS_COLOUR, width=SCALE)
    draw.line([(left, axis_y), (width - right, axis_y)], fill=AXIS_COLOUR, width=SCALE)
    for tick in TICKS:
        x = x_of(tick)
        draw.line([(x, axis_y), (x, axis_y + round(0.04 * unit))], fill=AXIS_COLOUR, width=SCALE)
        draw.text((x, axis_y + round(0.06 * unit)), str(tick), font=label_font, fill="black",
                  anchor="mt")  # fmt: skip
    draw.text((left + plot_width / 2, height - round(0.06 * unit)), axis_label, font=label_font,
              fill="black", anchor="mb")  # fmt: skip
    if title:
        draw.text((left, round(0.2 * unit)), title, font=title_font, fill="black", anchor="lm")
    out = io.BytesIO()
    image.save(out, "PNG", optimize=False, compress_level=6, dpi=(unit, unit))
    return out.getvalue()
