"""Limits on what a transcript file may make the readers do, and the error they raise.

Chosen so that any file up to 50 MB imports or fails within 30 s and 1 GB of memory
(measured by ``python -m bench.import_limits``; figures in docs/benchmarks.md). A long
interview is about 300,000 characters; the limits sit far above anything real.

Readers read these as module attributes at call time, so a test may lower one.
"""

from __future__ import annotations

from pathlib import Path

from qdaw.errors import ImportFailed

# Characters in one document (Python characters, i.e. code points).
MAX_CHARS = 20_000_000
# Size on disk. Plain text holds at most 4 bytes a character (UTF-32), so a larger
# text file cannot fit in MAX_CHARS; archives and RTF may carry pictures, which the
# readers skip without holding them.
MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_PLAIN_BYTES = 4 * MAX_CHARS + 4
# Bytes actually decompressed from the one archive member that holds the text
# (counted while reading: the sizes in a zip's headers may lie).
MAX_PART_BYTES = 256 * 1024 * 1024
MAX_ARCHIVE_MEMBERS = 10_000
# XML: elements in the part (a Word-like document of 20 million characters has about
# 2 million), nesting depth, and the length of one tag or comment (the XML parser
# re-reads an unfinished tag from its start at every chunk; checked every 256 kB).
MAX_ELEMENTS = 4_000_000
MAX_DEPTH = 1_000
MAX_TOKEN_BYTES = 1024 * 1024
# One repeat in a file: ODF's <text:s c="N"/> (N spaces).
MAX_REPEAT = 10_000
# RTF groups nested inside each other, and tokens read one at a time (groups, runs of
# control words, text runs): a 300,000-character transcript has about 30,000.
MAX_RTF_DEPTH = 1_000
MAX_RTF_TOKENS = 3_000_000


def check_size(path: Path, limit: int) -> None:
    """Before reading: the file is there, not empty, and no larger than ``limit``
    bytes (raises ImportFailed naming it). OSError from stat is the caller's."""
    if not path.is_file():
        raise ImportFailed(path, "no such file")
    size = path.stat().st_size
    if size == 0:
        raise ImportFailed(path, "the file is empty")
    if size > limit:
        raise ImportFailed(path, f"too large ({size:,} bytes; the limit is {limit:,})")


class Unreadable(Exception):
    """Raised by a reader with the reason in words; ``read_source`` adds the file."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def millions(count: int) -> str:
    """20000000 -> '20 million', 215300000 -> '215.3 million', 300000 -> '300,000'."""
    if count < 1_000_000:
        return f"{count:,}"
    value = f"{count / 1_000_000:.1f}".removesuffix(".0")
    return f"{value} million"


def too_long(count: int | None = None) -> Unreadable:
    """The error for a text over MAX_CHARS (count: the exact length, when known)."""
    limit = f"limit {millions(MAX_CHARS)}; a long interview is about 300,000"
    if count is None:
        return Unreadable(f"text too long: more than {millions(MAX_CHARS)} characters ({limit})")
    return Unreadable(f"text too long: {count:,} characters ({limit})")


class TextBudget:
    """Counts characters as a reader produces them and stops at MAX_CHARS."""

    def __init__(self) -> None:
        self.left = MAX_CHARS

    def spend(self, count: int) -> None:
        self.left -= count
        if self.left < 0:
            raise too_long()


# Tables (respondent variables, case maps, codebooks): a study's table is a few hundred
# rows; these bound a hostile one. A cell may hold a long memo (the csv module's own
# default stops at 131,072 characters); the file size bounds the rest.
MAX_TABLE_BYTES = 32 * 1024 * 1024
MAX_CELL_CHARS = 1_000_000
MAX_TABLE_COLUMNS = 10_000

# PDF: pages in one file (a long interview is 20 to 60 pages), and positioned pieces of
# text on one page (a dense page has a few thousand).
MAX_PDF_PAGES = 5_000
MAX_PDF_PIECES = 200_000
