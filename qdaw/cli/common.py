"""What every command shares: opening a project, writing percentages and tables."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from qdaw.export.report import percent  # one rounding for the terminal and the reports

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.export.filenames import Written
    from qdaw.project import Project


class Opening:
    """How commands open projects, from the global options (``qdaw --read-only …``)."""

    read_only = False
    coder: str | None = None  # `qdaw --coder NAME …`; None: $QDAW_CODER, then the defaults


def open_project(target: str, read_only: bool = False) -> Project:
    """A project file or database URL (imports stay lazy: `qdaw --help` is instant)."""
    from qdaw.project import Project

    return Project.open(target, coder=Opening.coder, read_only=read_only or Opening.read_only)


__all__ = [
    "Opening",
    "bar",
    "open_project",
    "percent",
    "print_table",
    "say_written",
    "write_and_say",
]


def write_and_say(target: str | Path, write: Callable[[], Path]) -> Path:
    """Write the file the user named, and say so: "Replaced" when one was there."""
    existed = Path(target).exists()
    path = write()
    print(f"{'Replaced' if existed else 'Wrote'} {path}")
    return path


def say_written(files: Written, folder: str | Path, what: str) -> None:
    """After writing many files into a folder: how many, and which ones replaced a
    file already there (an earlier export, or anything else of that name)."""
    print(f"Wrote {len(files)} {what} to {folder}")
    for path in files.replaced:
        print(f"replaced {path}")


def bar(pct: float, width: int = 20) -> str:
    filled = int(pct / 100 * width + 0.5)
    return "█" * filled + "·" * (width - filled)


def print_table(frame: pd.DataFrame) -> None:
    import pandas as pd

    with pd.option_context("display.max_rows", None, "display.max_columns", None,
                           "display.width", 200, "display.max_colwidth", 60):  # fmt: skip
        print(frame.to_string())
