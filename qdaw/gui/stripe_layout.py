"""Where coding stripes go: lanes for overlapping segments, and which are visible.

No Qt here: the margin widget asks this module what to draw, so scrolling costs only
the stripes on screen.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


class Span(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


@dataclass
class StripeLayout:
    """Segments sorted by start, each with a lane (0 = nearest the text)."""

    spans: list[Span]
    lanes: dict[int, int]
    lane_count: int
    _starts: list[int]
    _longest: int

    @classmethod
    def build(cls, spans: Sequence[Span]) -> StripeLayout:
        ordered = sorted(spans, key=lambda s: (s.start, -s.end, s.id))
        lane_ends: list[int] = []
        lanes: dict[int, int] = {}
        for span in ordered:
            for lane, end in enumerate(lane_ends):
                if end <= span.start:  # this lane is free again
                    lane_ends[lane] = span.end
                    lanes[span.id] = lane
                    break
            else:
                lanes[span.id] = len(lane_ends)
                lane_ends.append(span.end)
        longest = max((s.end - s.start for s in ordered), default=0)
        return cls(ordered, lanes, len(lane_ends), [s.start for s in ordered], longest)

    def visible(self, first: int, last: int) -> list[Span]:
        """Spans that intersect the characters [first, last]."""
        # Nothing starting before first - longest can still reach first.
        begin = bisect_left(self._starts, first - self._longest)
        end = bisect_left(self._starts, last + 1)
        return [s for s in self.spans[begin:end] if s.end > first]

    def at(self, position: int) -> list[Span]:
        return [s for s in self.visible(position, position) if s.start <= position < s.end]
