"""The reports' bar charts drawn with Pillow: each bar as long as its share, in its
code's colour, in the order given, with accents in the labels."""

from __future__ import annotations

import io

from PIL import Image

from qdaw.export.bars_png import X_MAX, bars_png


def bar_lengths(png: bytes, colours: list[tuple[int, int, int]]) -> list[int]:
    """The longest run of each colour on any row of the picture, in pixels."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    width, height = image.size
    pixels = image.load()
    assert pixels is not None
    longest = []
    for colour in colours:
        best = 0
        for y in range(height):
            run = 0
            for x in range(width):
                run = run + 1 if pixels[x, y] == colour else 0
                best = max(best, run)
        longest.append(best)
    return longest


def test_bars_are_as_long_as_their_share() -> None:
    colours = ["#e6194b", "#3cb44b", "#4363d8"]
    rgb = [(230, 25, 75), (60, 180, 75), (67, 99, 216)]
    png = bars_png(
        ["Modalités d'évaluation", "Gestion de la fraude", "Rejet du numérique"],
        [75.0, 37.5, 100.0],
        ["6/8", "3/8", "8/8"],
        colours,
        "H1 — % de répondants par code",
        "% de répondants",
    )
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(png))
    assert image.size[0] == 1650 and image.size[1] > 3 * 60
    lengths = bar_lengths(png, rgb)
    full = lengths[2]  # 100 % of a plot X_MAX wide
    assert abs(lengths[0] / full - 0.75) < 0.01
    assert abs(lengths[1] / full - 0.375) < 0.01
    plot = full * X_MAX / 100
    assert plot < image.size[0]


def test_an_empty_chart_and_a_zero_bar_are_drawn() -> None:
    png = bars_png(["Sans réponse"], [0.0], ["0/8"], ["#4363d8"])
    assert bar_lengths(png, [(67, 99, 216)]) == [0]
    assert bars_png([], [], [], []).startswith(b"\x89PNG")
