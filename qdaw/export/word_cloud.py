"""A word cloud of word frequencies (the ``wordcloud`` package, imported here only).

The same table gives the same picture: the layout's randomness is seeded. The font is
DejaVu Sans when the system has it (accents, œ, ç), else wordcloud's own.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from qdaw.errors import QdawError
from qdaw.export.tables import partial_path

if TYPE_CHECKING:
    import pandas as pd

FORMATS = (".png", ".svg")
SEED = 16
FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
)


def _font() -> str | None:
    return next((font for font in FONTS if Path(font).exists()), None)


def word_cloud(
    frame: pd.DataFrame,
    path: str | Path,
    width: int = 1200,
    height: int = 800,
    max_words: int = 150,
) -> Path:
    """Write the cloud of ``frame``'s terms weighted by their count (the columns of
    ``p.word_frequencies``) to PNG or SVG, as the file name says. Written beside the
    target and moved: the file appears complete or not at all."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise QdawError(f"{path}: a word cloud is written as .png or .svg, not {suffix or '…'}")
    if "term" not in frame or "count" not in frame:
        raise QdawError(f"{path}: the word cloud needs a table with term and count columns")
    frequencies = {
        str(term): float(count)
        for term, count in zip(frame["term"], frame["count"], strict=True)
        if count > 0 and str(term).strip()
    }
    if not frequencies:
        raise QdawError(f"{path}: no word to draw (the selection counts none)")
    from wordcloud import WordCloud

    cloud = WordCloud(
        width=width,
        height=height,
        max_words=max_words,
        background_color="white",
        colormap="viridis",
        random_state=SEED,
        font_path=_font(),
        collocations=False,
        prefer_horizontal=0.9,
    ).generate_from_frequencies(frequencies)
    partial = partial_path(path)
    try:
        if suffix == ".png":
            cloud.to_image().save(partial, format="PNG")
        else:
            partial.write_text(cloud.to_svg(embed_font=False), encoding="utf-8")
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise QdawError(f"{path}: the word cloud could not be written ({exc.strerror})") from exc
    return path
