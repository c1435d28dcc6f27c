"""Code colours that stay readable: WCAG contrast, and a text shade of any colour.

A code keeps its own colour for highlights and stripes; its name, drawn as text beside
them, takes the same hue darkened until it reaches the contrast the accessibility
guideline asks of text (4.5:1) against the background it is drawn on.
"""

from __future__ import annotations

import colorsys
from functools import lru_cache

TEXT_CONTRAST = 4.5


def _channels(color: str) -> tuple[float, float, float]:
    value = color.lstrip("#")
    return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)


def _hex(red: float, green: float, blue: float) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in (red, green, blue))


def luminance(color: str) -> float:
    """Relative luminance (WCAG 2): 0 for black, 1 for white."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in _channels(color))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """The contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@lru_cache(maxsize=512)  # painted many times a second, for a handful of colours
def readable_text(color: str, background: str, minimum: float = TEXT_CONTRAST) -> str:
    """``color``'s hue, darkened only as much as needed to be read on ``background``."""
    if contrast(color, background) >= minimum:
        return color.lower()
    hue, lightness, saturation = colorsys.rgb_to_hls(*_channels(color))
    low, high = 0.0, lightness  # lightness 0 is black, which always passes on light grounds
    for _ in range(20):
        middle = (low + high) / 2
        if contrast(_hex(*colorsys.hls_to_rgb(hue, middle, saturation)), background) >= minimum:
            low = middle
        else:
            high = middle
    return _hex(*colorsys.hls_to_rgb(hue, low, saturation))
