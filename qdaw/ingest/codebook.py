"""Reading an a-priori codebook from CSV or XLSX: rows of names, parents, descriptions,
colours, hypotheses and memos (storing them is the core's: qdaw.core.codebook_import)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qdaw.errors import QdawError

REQUIRED = {"name"}
KNOWN = {"name", "parent", "description", "color", "colour", "hypotheses", "memo"}


def read_codebook(path: Path) -> list[dict[str, Any]]:
    import pandas as pd

    try:
        if path.suffix.lower() == ".xlsx":
            frame = pd.read_excel(path, dtype=str)
        else:
            from qdaw.ingest.text import decode_bytes

            text, _ = decode_bytes(path.read_bytes())
            import csv
            import io

            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
            frame = pd.read_csv(
                io.StringIO(text.lstrip("\ufeff")), dtype=str, sep=dialect.delimiter
            )
    except (OSError, ValueError, KeyError) as exc:
        raise QdawError(f"{path}: cannot read the codebook ({exc})") from exc
    except Exception as exc:  # csv.Error, zip errors from a damaged .xlsx
        raise QdawError(f"{path}: cannot read the codebook ({type(exc).__name__}: {exc})") from exc
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    if not set(frame.columns) >= REQUIRED:
        raise QdawError(
            f"{path}: a codebook needs a 'name' column (found: {', '.join(frame.columns)})"
        )
    frame = frame.astype(object).where(frame.notna(), None)
    # One dict per code, only the known columns, values stripped.
    return [
        {k: (str(v).strip() if v is not None else None) for k, v in row.items() if k in KNOWN}
        for row in frame.to_dict("records")
    ]
