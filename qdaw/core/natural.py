"""Natural order for names people give: "Référent 9" before "Référent 10", "Élodie"
beside "Eloise" rather than after "zoe"."""

from __future__ import annotations

import re
import unicodedata

_NUMBER = re.compile(r"([0-9]+)")  # ASCII digits only: "²" is not a number to int()


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key: numbers compare as numbers, letters without case or accents.

    Every part is tagged (0 for a number, 1 for text) so that parts of the two kinds
    never meet in a comparison; the unfolded text breaks ties so the order is total.
    """
    parts: list[tuple[int, int | str]] = []
    for index, part in enumerate(_NUMBER.split(text)):
        if index % 2:
            parts.append((0, int(part)))
        elif part:
            parts.append((1, _folded(part)))
    parts.append((2, text))
    return tuple(parts)
