"""Which positions a REFI-QDA exporter wrote, and where they fall in qdaw's text.

The standard says Unicode code points, but NVivo counts UTF-16 code units with CRLF as
two (the BOM not counted) and ATLAS.ti counts CRLF as one. The reading expected from
the exporter (``origin``) is confirmed on the data: the share of selections whose ends
fall on word boundaries (and split neither a surrogate pair nor a CRLF) under each
reading. Positions are then carried through qdaw's normalisation (CRLF to LF, control
characters removed, NFC), so each passage is the text the other tool showed.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from qdaw.ingest.text import normalise

#: A reading must beat the expected one by this share of selections to replace it.
MARGIN = 0.10


@dataclass(frozen=True)
class Reading:
    name: str
    utf16: bool  # UTF-16 code units, else code points
    crlf_as_two: bool


CODE_POINTS = Reading("Unicode code points (CRLF as 2)", False, True)
CODE_POINTS_LF = Reading("Unicode code points, CRLF as 1", False, False)
UTF16 = Reading("UTF-16 code units, CRLF as 2 (NVivo)", True, True)
UTF16_LF = Reading("UTF-16 code units, CRLF as 1", True, False)
READINGS = (CODE_POINTS, UTF16, CODE_POINTS_LF, UTF16_LF)


def expected_reading(origin: str) -> Reading:
    lowered = origin.casefold()
    if "nvivo" in lowered:
        return UTF16
    if "atlas" in lowered:
        return CODE_POINTS_LF
    return CODE_POINTS


class TextMap:
    """One source's raw text (as decoded, BOM removed) under one reading: positions in
    that reading to qdaw's normalised text."""

    def __init__(self, raw: str, reading: Reading) -> None:
        self.reading = reading
        self.base = raw if reading.crlf_as_two else raw.replace("\r\n", "\n")
        base = self.base
        # Characters normalisation drops: the CR of a CRLF, control characters.
        self.dropped = [
            i
            for i, ch in enumerate(base)
            if (ch == "\r" and base[i + 1 : i + 2] == "\n")
            or (ord(ch) < 32 and ch not in "\t\n\r")
            or ch == "\x7f"
        ] if ("\r" in base or _has_controls(base)) else []  # fmt: skip
        self.astral = [i for i, ch in enumerate(base) if ord(ch) > 0xFFFF] if reading.utf16 else []
        self.units = [i + k for k, i in enumerate(self.astral)]  # their UTF-16 starts
        self.length = len(base) + len(self.astral)
        kept = _without(base, self.dropped)
        self.nfc = unicodedata.is_normalized("NFC", kept)
        self.text = normalise(base)
        self._runs: tuple[list[int], list[int]] | None = None

    def code_point(self, position: int) -> tuple[int, bool]:
        """(index in the base text, whether the position splits a surrogate pair)."""
        if not self.reading.utf16:
            return position, False
        before = bisect_right(self.units, position - 1)  # astral characters starting before
        split = before > 0 and self.units[before - 1] + 1 == position
        return position - before, split

    def plausible(self, position: int) -> bool:
        index, split = self.code_point(position)
        base = self.base
        if split or not 0 <= index <= len(base):
            return False
        if 0 < index < len(base) and base[index - 1] == "\r" and base[index] == "\n":
            return False
        left = base[index - 1] if index > 0 else " "
        right = base[index] if index < len(base) else " "
        return not (left.isalnum() and right.isalnum())

    def to_qdaw(self, position: int) -> int:
        index, _split = self.code_point(position)
        index = index - bisect_left(self.dropped, index)
        return self._nfc(index)

    def _nfc(self, index: int) -> int:
        if self.nfc:
            return index
        if self._runs is None:
            self._runs = _nfc_runs(_without(self.base, self.dropped).replace("\r", "\n"))
        starts, mapped = self._runs
        run = bisect_right(starts, index) - 1
        if run < 0:
            return 0
        return min(mapped[run] + (index - starts[run]), mapped[run + 1])


def _has_controls(text: str) -> bool:
    return any((ord(ch) < 32 and ch not in "\t\n\r") or ch == "\x7f" for ch in text)


def _without(text: str, dropped: list[int]) -> str:
    if not dropped:
        return text
    keep = set(dropped)
    return "".join(ch for i, ch in enumerate(text) if i not in keep)


def _nfc_runs(text: str) -> tuple[list[int], list[int]]:
    """Runs that start at a character of combining class 0, their start in ``text`` and
    in its NFC form (plus the end of both)."""
    starts, mapped = [], []
    out = 0
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or unicodedata.combining(text[i]) == 0:
            starts.append(start)
            mapped.append(out)
            out += len(unicodedata.normalize("NFC", text[start:i]))
            start = i
    mapped.append(out)
    return starts, mapped


def score(maps: list[TextMap], selections: list[list[tuple[int, int]]]) -> float:
    """The share of selections (over every source) whose two ends are plausible."""
    total = fitting = 0
    for text_map, spans in zip(maps, selections, strict=True):
        for start, end in spans:
            total += 1
            fitting += (
                0 <= start <= end <= text_map.length
                and text_map.plausible(start)
                and text_map.plausible(end)
            )
    return fitting / total if total else 1.0


def choose(
    origin: str, raws: list[str], selections: list[list[tuple[int, int]]]
) -> tuple[Reading, dict[str, float], str]:
    """The reading to use, every reading's score, and a sentence saying why."""
    expected = expected_reading(origin)
    if not any(selections) or not any(raws):
        return (
            expected,
            {},
            f"{expected.name}, as {origin or 'the exporter'} writes (no text to confirm it on)",
        )
    scores = {
        reading.name: score([TextMap(raw, reading) for raw in raws], selections)
        for reading in READINGS
    }
    best = max(READINGS, key=lambda r: scores[r.name])
    if scores[best.name] > scores[expected.name] + MARGIN:
        why = (
            f"{best.name}: {scores[best.name]:.0%} of the selections fall on word "
            f"boundaries under it, {scores[expected.name]:.0%} under {expected.name}, "
            f"which {origin or 'the exporter'} would write"
        )
        return best, scores, why
    why = (
        f"{expected.name}, as {origin or 'the exporter'} writes: {scores[expected.name]:.0%} "
        "of the selections fall on word boundaries under it"
    )
    return expected, scores, why
