"""Reading an a-priori codebook from CSV or XLSX: rows of names, parents, descriptions,
colours, hypotheses and memos (storing them is ``qdaw.services.codebook_import``'s).
Each row keeps its number as a spreadsheet shows it, for the messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qdaw.errors import ImportFailed
from qdaw.ingest.table import Problem, TableError, read_table

KNOWN = {"name", "parent", "description", "color", "colour", "hypotheses", "memo"}


def read_codebook(path: Path) -> list[dict[str, Any]]:
    """One dict per code: its row number ("row") and its known columns' values
    (stripped; None when empty). Raises ImportFailed or TableError naming the row."""
    header, rows = _read_xlsx(path) if path.suffix.lower() == ".xlsx" else _read_csv(path)
    if "name" not in header:
        raise ImportFailed(
            path, f"a codebook needs a 'name' column (found: {', '.join(map(str, header))})"
        )
    known = [(index, name) for index, name in enumerate(header) if name in KNOWN]
    codes, problems = [], []
    for number, cells in rows:
        code: dict[str, Any] = {name: cells[index] or None for index, name in known}
        if not any(cells):
            continue
        if not code["name"]:
            problems.append(Problem(number, "name", "the code has no name"))
        codes.append({**code, "row": number})
    if problems:
        raise TableError(path, problems)
    return codes


def _read_csv(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    table = read_table(path, fold_case=True)
    if table.problems:
        raise TableError(path, table.problems)
    return table.header, [(row.number, row.cells) for row in table.rows]


def _read_xlsx(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    import pandas as pd

    try:
        frame = pd.read_excel(path, dtype=str)
    except (OSError, ValueError, KeyError) as exc:
        raise ImportFailed(path, f"cannot read the codebook ({exc})") from exc
    except Exception as exc:  # zip errors from a damaged .xlsx
        raise ImportFailed(path, f"cannot read the codebook ({type(exc).__name__}: {exc})") from exc
    header = [str(c).strip().lower() for c in frame.columns]
    frame = frame.astype(object).where(frame.notna(), None)
    # The sheet's first row is the header: data starts on row 2.
    rows = [
        (number, [str(v).strip() if v is not None else "" for v in values])
        for number, values in enumerate(frame.itertuples(index=False), start=2)
    ]
    return header, rows
