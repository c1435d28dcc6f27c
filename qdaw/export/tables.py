"""Writing tables to CSV or XLSX (chosen by the file name), and multi-sheet workbooks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qdaw.errors import QdawError

if TYPE_CHECKING:
    import pandas as pd

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
#: Columns holding passages: wrapped and given room, rather than one endless line.
_LONG_TEXT = {"text", "statement", "description", "memo", "codes"}


@dataclass
class Sheet:
    name: str
    frame: pd.DataFrame
    index: bool = False


def sheet_name(name: str, taken: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique."""
    base = _SHEET_FORBIDDEN.sub("-", name)[:31] or "Sheet"
    candidate, counter = base, 1
    while candidate.lower() in taken:
        counter += 1
        suffix = f" ({counter})"
        candidate = base[: 31 - len(suffix)] + suffix
    taken.add(candidate.lower())
    return candidate


def partial_path(path: Path) -> Path:
    """Where a file is written before it is moved to ``path``: beside it, hidden."""
    if not path.parent.exists():
        raise QdawError(f"{path}: folder {path.parent} does not exist")
    return path.with_name(f".{path.name}.partial")


def write_table(
    frame: pd.DataFrame,
    path: str | Path,
    sheet: str = "Sheet1",
    index: bool = False,
    excel_csv: bool = False,
) -> Path:
    """Write CSV (UTF-8; with a BOM when ``excel_csv``) or XLSX when the name ends .xlsx.

    The file appears complete or not at all: it is written beside the target and moved.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return write_workbook([Sheet(sheet, frame, index)], path)
    if suffix not in (".csv", ".txt", ""):
        raise QdawError(f"{path}: unknown table format {suffix} (use .csv or .xlsx)")
    partial = partial_path(path)
    try:
        frame.to_csv(partial, index=index, encoding="utf-8-sig" if excel_csv else "utf-8")
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def write_workbook(sheets: list[Sheet], path: str | Path) -> Path:
    """One XLSX with a formatted sheet per table: bold shaded header, frozen header
    row (and index column), sensible widths, long text wrapped."""
    import pandas as pd
    from openpyxl.styles import Alignment, Font, PatternFill

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise QdawError(f"{path}: a workbook is written as .xlsx")
    partial = partial_path(path)
    header_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDE4EE")
    wrap = Alignment(wrap_text=True, vertical="top")
    taken: set[str] = set()
    try:
        with pd.ExcelWriter(partial, engine="openpyxl") as writer:
            for sheet in sheets:
                name = sheet_name(sheet.name, taken)
                sheet.frame.to_excel(writer, sheet_name=name, index=sheet.index)
                worksheet: Any = writer.sheets[name]
                worksheet.freeze_panes = "B2" if sheet.index else "A2"
                for cell in worksheet[1]:
                    cell.font, cell.fill = header_font, header_fill
                for column in worksheet.columns:
                    title = str(column[0].value or "")
                    longest = max(
                        (len(str(c.value)) for c in column if c.value is not None), default=8
                    )
                    long_text = title.lower() in _LONG_TEXT
                    width = 60 if long_text and longest > 60 else min(45, max(8, longest + 2))
                    worksheet.column_dimensions[column[0].column_letter].width = width
                    if long_text:
                        for cell in column[1:]:
                            cell.alignment = wrap
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path
