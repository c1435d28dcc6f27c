"""Where coding stripes go: lanes for overlapping segments, and which are visible.

No Qt here: the margin widget asks this module what to draw, so scrolling costs only
the stripes on screen.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
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

    #: With groups (a coder per group, side by side): (first lane, lanes) of each.
    bands: list[tuple[int, int]] = field(default_factory=list)

    @classmethod
    def build(
        cls, spans: Sequence[Span], group_of: Mapping[int, int] | None = None
    ) -> StripeLayout:
        """Lanes for ``spans``; with ``group_of`` (span id → group 0, 1, …), each group
        gets lanes of its own, left to right in group order."""
        ordered = sorted(spans, key=lambda s: (s.start, -s.end, s.id))
        groups = sorted(set((group_of or {}).values())) or [0]
        lanes: dict[int, int] = {}
        bands: list[tuple[int, int]] = []
        first = 0
        for group in range(max(groups) + 1):
            members = [s for s in ordered if (group_of or {}).get(s.id, 0) == group]
            count = _assign(members, lanes, first)
            bands.append((first, count))
            first += count
        longest = max((s.end - s.start for s in ordered), default=0)
        layout = cls(ordered, lanes, first, [s.start for s in ordered], longest)
        layout.bands = bands if group_of is not None else []
        return layout

    def visible(self, first: int, last: int) -> list[Span]:
        """Spans that intersect the characters [first, last]."""
        # Nothing starting before first - longest can still reach first.
        begin = bisect_left(self._starts, first - self._longest)
        end = bisect_left(self._starts, last + 1)
        return [s for s in self.spans[begin:end] if s.end > first]

    def at(self, position: int) -> list[Span]:
        return [s for s in self.visible(position, position) if s.start <= position < s.end]


def _assign(spans: list[Span], lanes: dict[int, int], first: int) -> int:
    """Put each span (sorted by start) in the first lane free at its start; returns the
    number of lanes used, numbered from ``first``."""
    lane_ends: list[int] = []
    for span in spans:
        for lane, end in enumerate(lane_ends):
            if end <= span.start:  # this lane is free again
                lane_ends[lane] = span.end
                lanes[span.id] = first + lane
                break
        else:
            lanes[span.id] = first + len(lane_ends)
            lane_ends.append(span.end)
    return len(lane_ends)
