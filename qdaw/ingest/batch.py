"""Reading many files: the slow half of an import, safe to run on a worker thread.

Storing is the other half (``Project.store_sources``): one transaction, on the thread
that owns the project.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from qdaw.errors import ImportFailed
from qdaw.ingest.naming import expand_sources
from qdaw.ingest.readers import SourceText, read_source

ProgressCallback = Callable[[int, int, Path], None]


def unsupported(path: Path) -> ImportFailed:
    return ImportFailed(path, f"unsupported type {path.suffix.lower() or '(no extension)'}")


@dataclass
class ReadResult:
    sources: list[tuple[Path, SourceText]] = field(default_factory=list)
    failures: list[ImportFailed] = field(default_factory=list)
    cancelled: bool = False
    skipped: list[ImportFailed] = field(default_factory=list)  # a folder's other files


def read_sources(
    paths: Iterable[str | Path],
    recursive: bool = True,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    drop_repeated_lines: bool = True,
) -> ReadResult:
    """Read every file (folders expanded); collect failures instead of stopping, and
    the files of the folders that are of no type qdaw reads."""
    paths = list(paths)
    others: list[Path] = []
    files = expand_sources(paths, recursive=recursive, skipped=others)
    result = ReadResult()
    result.skipped = [unsupported(path) for path in others]
    if not files:
        result.failures.append(
            ImportFailed(", ".join(map(str, paths)) or "(nothing)", "no importable files found")
        )
    for index, path in enumerate(files):
        if cancelled is not None and cancelled():
            result.cancelled = True
            return result
        if progress is not None:
            progress(index, len(files), path)
        try:
            result.sources.append((path, read_source(path, drop_repeated_lines)))
        except ImportFailed as failure:
            result.failures.append(failure)
    if progress is not None and files:
        progress(len(files), len(files), files[-1])
    return result
