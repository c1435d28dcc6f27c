"""Qt counts text positions in UTF-16 units; qdaw offsets are code points."""

from __future__ import annotations

from bisect import bisect_right


class OffsetMap:
    def __init__(self, text: str) -> None:
        # Positions (code points) of characters that take two UTF-16 units (emoji, …).
        self.astral = (
            [i for i, c in enumerate(text) if ord(c) > 0xFFFF] if not text.isascii() else []
        )

    def to_qt(self, position: int) -> int:
        return position + bisect_right(self.astral, position - 1) if self.astral else position

    def from_qt(self, position: int) -> int:
        if not self.astral:
            return position
        low, high = 0, position
        while low < high:  # the code point whose UTF-16 position is `position`
            middle = (low + high + 1) // 2
            if self.to_qt(middle) <= position:
                low = middle
            else:
                high = middle - 1
        return low
