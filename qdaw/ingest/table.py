"""One reader for the tables qdaw reads: respondent variables, the case map, the codebook.

A CSV, TSV or semicolon file becomes a header and rows, each row numbered as a
spreadsheet shows it (the header is row 1, a blank line is a row, a quoted cell on two
lines is one row), so that a problem can be found where the user looks for it.

The encoding is decided for the whole file: UTF-8 (with or without its byte-order
mark) if it decodes, else Windows-1252 (Latin-1 for the five bytes it leaves
undefined). A file that is UTF-8 in some lines and not in others was edited by two
programs: decoding it either way would store mojibake ("BesanÃ§on"), so it is refused,
naming the first bad line.

The separator is decided by the header line, not by ``csv.Sniffer``: the sniffer
guesses from character frequencies and gives up ("Could not determine delimiter") on a
one-column file or a long cell, where the header line is never in doubt.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qdaw.errors import ImportFailed
from qdaw.ingest import limits
from qdaw.ingest.text import UndecodableText, decode_bytes, normalise

SEPARATORS = (";", "\t", ",")  # the order breaks a tie: ',' is also the decimal comma
_QUOTED = re.compile(r'"[^"]*"')
_UTF8_BOM = b"\xef\xbb\xbf"
#: Problems spelled out in a TableError's message (all are in ``problems``).
LISTED = 20


@dataclass(frozen=True)
class Problem:
    """What is wrong with one row: ``column`` is the header's name, or the column's
    1-based position when it has no name (or None when the whole row is wrong)."""

    row: int
    column: str | int | None
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}"
        if isinstance(self.column, int):
            where += f", column {self.column}"
        elif self.column is not None:
            where += f", column '{self.column}'"
        return f"{where}: {self.message}"


class TableError(ImportFailed):
    """Rows of a table are wrong; nothing of it was stored. The message lists them, each
    as "FILE, row R, column 'C': problem"; ``problems`` holds every one."""

    def __init__(self, path: object, problems: Sequence[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: p.row)
        super().__init__(path, str(self.problems[0]))
        lines = [f"{self.path}, {problem}" for problem in self.problems[:LISTED]]
        if len(self.problems) > LISTED:
            lines.append(f"… and {len(self.problems) - LISTED} more problems")
        self.args = ("\n".join(lines),)


@dataclass(frozen=True)
class Row:
    number: int
    cells: list[str]  # one per header column, stripped, accents composed (NFC)


@dataclass
class Table:
    path: Path
    header: list[str]
    rows: list[Row]  # the rows that are well-formed, blank rows left out
    encoding: str
    delimiter: str
    header_row: int = 1
    problems: list[Problem] = field(default_factory=list)  # rows left out, and why

    def label(self, index: int) -> str | int:
        """How a problem names column ``index``: its header, or its position."""
        return self.header[index] or index + 1


def read_table(path: str | Path, fold_case: bool = False, unnamed_first: bool = False) -> Table:
    """Read a table file. Raises ImportFailed for a file that cannot be a table and
    TableError for a bad header; a bad row is left out and listed in ``problems``.

    ``fold_case``: header names in lower case ("Name" is "name"). ``unnamed_first``:
    the first column may have no name (a respondent column written by pandas has none).
    A column with neither a name nor a value (a spreadsheet's trailing separators) is
    dropped.
    """
    path = Path(path)
    try:
        limits.check_size(path, limits.MAX_TABLE_BYTES)
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(path, f"cannot read: {exc.strerror or exc}") from exc
    text, encoding = decode_table(path, data)
    delimiter = separator(text, path.suffix)
    records = _records(path, text, delimiter)
    return _table(path, records, encoding, delimiter, fold_case, unnamed_first)


def decode_table(path: Path, data: bytes) -> tuple[str, str]:
    """The text and the encoding chosen for the whole file (see the module's note)."""
    marked = data.startswith(_UTF8_BOM)
    if not marked and (b"\x00" in data or data.startswith((b"\xff\xfe", b"\xfe\xff"))):
        try:
            return decode_bytes(data)  # UTF-16 or UTF-32, or refused as binary
        except UndecodableText as exc:
            raise ImportFailed(path, f"cannot decode: {exc}") from exc
    body = data[len(_UTF8_BOM) :] if marked else data
    try:
        return body.decode("utf-8"), "utf-8 (BOM)" if marked else "utf-8"
    except UnicodeDecodeError as exc:
        bad = body.count(b"\n", 0, exc.start) + 1
    if marked:
        raise ImportFailed(
            path, f"line {bad} is not UTF-8, though the file starts with a UTF-8 mark "
            "(save it again as UTF-8)",
        )  # fmt: skip
    good = _first_utf8_line(body)
    if good is not None:
        raise ImportFailed(
            path, f"line {bad} is not UTF-8 but line {good} is: the file mixes two "
            "encodings (save it again as UTF-8)",
        )  # fmt: skip
    try:
        return body.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        return body.decode("latin-1"), "latin-1"


def _first_utf8_line(data: bytes) -> int | None:
    """The first line with accents that decodes as UTF-8 (a Windows-1252 line with
    accents, "é" followed by a letter, never does)."""
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.isascii():
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                continue
            return number
    return None


def separator(text: str, suffix: str = "") -> str:
    """The separator the header line uses most (quoted parts aside); ties go to the one
    the next lines use as often; a header with none is one column."""
    if suffix.lower() in (".tsv", ".tab"):
        return "\t"
    lines = [_QUOTED.sub("", line) for line in text[:65536].split("\n")[:50] if line.strip()]
    if not lines:
        return ","
    counts = {sep: lines[0].count(sep) for sep in SEPARATORS}
    most = max(counts.values())
    if most == 0:  # one column: a separator that appears nowhere, if one does not
        return min(SEPARATORS, key=lambda sep: sum(line.count(sep) for line in lines))
    tied = [sep for sep in SEPARATORS if counts[sep] == most]
    return max(tied, key=lambda sep: sum(line.count(sep) == most for line in lines[1:]))


def _records(path: Path, text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """Every record with its row number; a broken quote stops the reading."""
    if csv.field_size_limit() <= len(text):  # cells are checked below, with their place
        csv.field_size_limit(len(text) + 1)  # (bounded: the file size is)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    try:
        for cells in reader:
            records.append((len(records) + 1, [normalise(cell).strip() for cell in cells]))
    except csv.Error as exc:
        number = len(records) + 1
        if "unexpected end of data" in str(exc):
            reason = "a quote opened here is never closed"
        else:
            reason = (
                "a quote ends in the middle of a cell (quote the whole cell, and double "
                f'any quote inside it: "say ""yes""") [{exc}]'
            )
        raise TableError(path, [Problem(number, None, reason)]) from exc
    return records


def _table(
    path: Path,
    records: list[tuple[int, list[str]]],
    encoding: str,
    delimiter: str,
    fold_case: bool,
    unnamed_first: bool,
) -> Table:
    filled = [(number, cells) for number, cells in records if any(cells)]
    if not filled:
        raise ImportFailed(path, "no header row: the file holds no values")
    header_row, header = filled[0]
    if len(header) > limits.MAX_TABLE_COLUMNS:
        raise ImportFailed(
            path, f"{len(header):,} columns (the limit is {limits.MAX_TABLE_COLUMNS:,})"
        )
    header = [name.lower() if fold_case else name for name in header]
    table = Table(path, header, [], encoding, delimiter, header_row)
    width = len(header)
    for number, cells in filled[1:]:
        extra = cells[width:]
        if len(cells) < width or any(extra):
            message = f"{len(cells)} cells, the header has {width} columns"
            table.problems.append(Problem(number, None, message))
            continue
        table.rows.append(Row(number, cells[:width]))
    _check_header(table, unnamed_first)
    _check_lengths(table)
    return table


def _check_header(table: Table, unnamed_first: bool) -> None:
    """Unnamed columns with values and repeated names are refused; unnamed empty
    columns are dropped."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    kept: list[int] = []
    for index, name in enumerate(table.header):
        if not name:
            if unnamed_first and index == 0:
                kept.append(index)
            elif any(row.cells[index] for row in table.rows):
                problems.append(Problem(table.header_row, index + 1, "the column has no name"))
            continue
        if name in seen:
            message = f"'{name}' is also the name of column {seen[name] + 1}"
            problems.append(Problem(table.header_row, index + 1, message))
        seen.setdefault(name, index)
        kept.append(index)
    if problems:
        raise TableError(table.path, problems)
    if len(kept) < len(table.header):
        table.header = [table.header[i] for i in kept]
        table.rows = [Row(row.number, [row.cells[i] for i in kept]) for row in table.rows]


def _check_lengths(table: Table) -> None:
    good = []
    for row in table.rows:
        long = [(i, len(cell)) for i, cell in enumerate(row.cells)
                if len(cell) > limits.MAX_CELL_CHARS]  # fmt: skip
        for index, length in long:
            message = f"{length:,} characters (the limit is {limits.MAX_CELL_CHARS:,})"
            table.problems.append(Problem(row.number, table.label(index), message))
        if not long:
            good.append(row)
    table.rows = good
    table.problems.sort(key=lambda p: p.row)
