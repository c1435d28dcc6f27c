"""Writing tables to CSV or XLSX (chosen by the file name)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from qdaw.core.errors import QdawError

if TYPE_CHECKING:
    import pandas as pd


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
    if not path.parent.exists():
        raise QdawError(f"{path}: folder {path.parent} does not exist")
    suffix = path.suffix.lower()
    partial = path.with_name(f".{path.name}.partial")
    try:
        if suffix == ".xlsx":
            _write_xlsx({sheet: frame}, partial, index)
        elif suffix in (".csv", ".txt", ""):
            frame.to_csv(partial, index=index, encoding="utf-8-sig" if excel_csv else "utf-8")
        else:
            raise QdawError(f"{path}: unknown table format {suffix} (use .csv or .xlsx)")
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def _write_xlsx(sheets: dict[str, pd.DataFrame], path: Path, index: bool) -> None:
    import pandas as pd

    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name[:31], index=index)
            sheet = writer.sheets[name[:31]]
            sheet.freeze_panes = "B2" if index else "A2"
            from openpyxl.styles import Font

            for cell in sheet[1]:
                cell.font = Font(bold=True)
            for column in sheet.columns:
                width = max(len(str(c.value)) if c.value is not None else 0 for c in column)
                sheet.column_dimensions[column[0].column_letter].width = min(60, max(8, width + 2))
