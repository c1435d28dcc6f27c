"""A PDF page's text in reading order, from the positioned pieces of text it draws.

PDF has no paragraphs or columns, only strings drawn at positions. The rules here:

- Pieces on one baseline make a line; a wide horizontal gap (more than 1.5 times the
  font size) splits them, as it does two columns side by side.
- A column starts where pieces that are not first on their line start, on two lines
  or more. Between two full-width lines (a title, a header), or wide blank spaces, the
  page is read column by column, left to right, each top to bottom.
- Widths are estimated (half the font size a character): the standard fonts carry no
  widths, and a column's gutter is far wider than the error.
"""

from __future__ import annotations

from dataclasses import dataclass

_WIDTH = 0.5  # a character's estimated width, in font sizes
_SPLIT_GAP = 1.5  # a gap wider than this many font sizes splits a line
_SAME_X = 3.0  # points: column starts this close are one
_BAND_GAP = 4.0  # font sizes of blank space that end a band of columns


@dataclass
class Piece:
    x: float
    y: float
    size: float
    text: str

    @property
    def end(self) -> float:
        return self.x + len(self.text) * self.size * _WIDTH


def piece_of(text: str, cm: list[float], tm: list[float], size: float) -> list[Piece]:
    """The pieces a fragment from pypdf's text visitor makes (one per line of it)."""
    x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
    y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
    scale = abs(tm[3] * cm[3]) or abs(tm[0] * cm[0]) or 1.0
    size = max(size * scale, 1.0)
    pieces = []
    for index, line in enumerate(text.split("\n")):
        if line.strip():
            pieces.append(Piece(x, y - index * size * 1.2, size, line))
    return pieces


def _lines(pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces grouped by baseline, top to bottom, each line left to right."""
    ordered = sorted(pieces, key=lambda p: (-p.y, p.x))
    lines: list[list[Piece]] = []
    for piece in ordered:
        if lines and abs(lines[-1][0].y - piece.y) <= 0.3 * piece.size:
            lines[-1].append(piece)
        else:
            lines.append([piece])
    return [sorted(line, key=lambda p: p.x) for line in lines]


def _merged(line: list[Piece]) -> list[Piece]:
    """A line's pieces with the close ones joined (words of one line drawn apart)."""
    out = [Piece(line[0].x, line[0].y, line[0].size, line[0].text)]
    for piece in line[1:]:
        last = out[-1]
        gap = piece.x - last.end
        if gap > _SPLIT_GAP * last.size:
            out.append(Piece(piece.x, piece.y, piece.size, piece.text))
            continue
        joined = last.text.endswith(" ") or piece.text.startswith(" ") or gap < 0.2 * last.size
        space = "" if joined else " "
        last.text += space + piece.text
    return out


def _column_starts(lines: list[list[Piece]]) -> list[float]:
    starts = sorted(p.x for line in lines for p in line[1:])
    groups: list[list[float]] = []
    for x in starts:
        if groups and x - groups[-1][-1] <= _SAME_X:
            groups[-1].append(x)
        else:
            groups.append([x])
    return [group[0] - _SAME_X for group in groups if len(group) >= 2]


def reading_order(pieces: list[Piece]) -> list[str]:
    """The page's lines, in the order a reader reads them."""
    lines = [_merged(line) for line in _lines(pieces)]
    bounds = _column_starts(lines)
    out: list[str] = []
    band: dict[int, list[str]] = {}

    def flush() -> None:
        for column in sorted(band):
            out.extend(band[column])
        band.clear()

    above: float | None = None
    for line in lines:
        if above is not None and above - line[0].y > _BAND_GAP * line[0].size:
            flush()  # far below the text above (a footer): after all of it
        above = line[0].y
        for piece in line:
            column = sum(1 for b in bounds if piece.x >= b)
            limit = bounds[column] if column < len(bounds) else None
            if limit is not None and piece.end > limit + 2 * piece.size:
                flush()  # a full-width line: what is above it is read first
                out.append(piece.text.strip())
            else:
                band.setdefault(column, []).append(piece.text.strip())
    flush()
    return [line for line in out if line]
