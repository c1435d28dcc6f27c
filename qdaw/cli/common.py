"""What every command shares: opening a project, writing percentages and tables."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qdaw.export.report import percent  # one rounding for the terminal and the reports

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.project import Project


class Opening:
    """How commands open projects, from the global options (``qdaw --read-only …``)."""

    read_only = False


def open_project(target: str, read_only: bool = False) -> Project:
    """A project file or database URL (imports stay lazy: `qdaw --help` is instant)."""
    from qdaw.project import Project

    return Project.open(target, read_only=read_only or Opening.read_only)


__all__ = ["Opening", "bar", "open_project", "percent", "print_table"]


def bar(pct: float, width: int = 20) -> str:
    filled = int(pct / 100 * width + 0.5)
    return "█" * filled + "·" * (width - filled)


def print_table(frame: pd.DataFrame) -> None:
    import pandas as pd

    with pd.option_context("display.max_rows", None, "display.max_columns", None,
                           "display.width", 200, "display.max_colwidth", 60):  # fmt: skip
        print(frame.to_string())
