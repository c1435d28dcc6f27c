"""PDF with a text layer, read with pypdf: the text in reading order, one line of the
page a line of text, a blank line between pages, each page's start marked.

Headers and footers repeated on most pages are dropped (or kept on request) and said
in the notes; words hyphenated at a line's end are joined (qdaw.ingest.pdf_text). A
PDF whose pages carry no text (a scan) is refused: it needs OCR first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qdaw.ingest import limits
from qdaw.ingest.limits import TextBudget, Unreadable
from qdaw.ingest.marks import Extracted, MarkKind, assemble
from qdaw.ingest.pdf_layout import Piece, piece_of, reading_order
from qdaw.ingest.pdf_text import drop_edges, join_hyphenated, repeated_lines, vocabulary

NO_TEXT_LAYER = "no text layer: run OCR first (its pages are images, as a scan's are)"


def _open(path: Path) -> Any:
    import pypdf
    from pypdf.errors import DependencyError, PyPdfError

    try:
        reader = pypdf.PdfReader(path)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")  # only an owner password: readable as it is
            except DependencyError as exc:
                raise Unreadable(f"encrypted in a way qdaw cannot read ({exc})") from exc
            if not opened:
                raise Unreadable(
                    "encrypted: it needs a password (save a copy without one, then import it)"
                )
        count = len(reader.pages)
    except Unreadable:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise Unreadable(f"not a valid PDF file (damaged: {exc or type(exc).__name__})") from exc
    if count > limits.MAX_PDF_PAGES:
        raise Unreadable(f"too many pages ({count:,}; the limit is {limits.MAX_PDF_PAGES:,})")
    return reader


def _page_lines(page: Any, number: int) -> list[str]:
    pieces: list[Piece] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            pieces.extend(piece_of(text, cm, tm, size))
            if len(pieces) > limits.MAX_PDF_PIECES:
                raise Unreadable(
                    f"page {number}: more than {limits.MAX_PDF_PIECES:,} pieces of text"
                )

    page.extract_text(visitor_text=visit)
    return reading_order(pieces)


def _labels(reader: Any, count: int) -> list[str]:
    """The pages' printed numbers when the PDF defines them (roman for a preface…)."""
    try:
        labels = [str(label) for label in reader.page_labels]
    except Exception:  # a damaged label tree: the page's place will do
        labels = []
    return labels if len(labels) == count else [str(i + 1) for i in range(count)]


def read_pdf(path: Path, drop_repeated_lines: bool = True) -> Extracted:
    from pypdf.errors import PyPdfError

    reader = _open(path)
    budget = TextBudget()
    pages: list[list[str]] = []
    for number, page in enumerate(reader.pages, start=1):
        try:
            lines = _page_lines(page, number)
        except Unreadable:
            raise
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
            raise Unreadable(f"page {number} is damaged ({exc or type(exc).__name__})") from exc
        budget.spend(sum(len(line) + 1 for line in lines))
        pages.append(lines)
    if not any(pages):
        raise Unreadable(NO_TEXT_LAYER)
    notes = []
    repeated = repeated_lines(pages)
    if repeated:
        dropped = 0
        if drop_repeated_lines:
            for index, lines in enumerate(pages):
                pages[index], count = drop_edges(lines, repeated)
                dropped += count
            notes.append(f"removed {dropped} repeated header/footer lines")
        else:
            notes.append(f"kept {len(repeated)} header/footer lines repeated on most pages")
    words = vocabulary(pages)
    labels = _labels(reader, len(pages))
    empty = [labels[i] for i, lines in enumerate(pages) if not lines]
    if empty:
        which = "page" if len(empty) == 1 else "pages"
        notes.append(f"no text on {which} {', '.join(empty)} (an image? OCR would read it)")
    pieces: list[tuple[MarkKind | None, str | None, str]] = [
        ("page", labels[i], "\n".join(join_hyphenated(lines, words)))
        for i, lines in enumerate(pages)
        if lines
    ]
    text, marks = assemble(pieces, "\n\n")
    return Extracted(text, None, marks, notes)
