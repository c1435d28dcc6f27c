"""Which respondent (case) a file belongs to, and which files a folder holds."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from qdaw.errors import ImportFailed
from qdaw.ingest.readers import SUPPORTED_SUFFIXES
from qdaw.ingest.table import Problem, TableError, read_table


def natural_key(path: Path) -> list[object]:
    """Sort 'referent2' before 'referent10'."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", str(path))]


def expand_sources(
    paths: Iterable[str | Path], recursive: bool = True, skipped: list[Path] | None = None
) -> list[Path]:
    """Files named directly are kept as given; folders contribute their supported files.

    ``skipped`` collects a folder's other files (hidden files and Word's "~$" lock files
    aside: nobody put them there to import)."""
    found: list[Path] = []
    for item in map(Path, paths):
        if item.is_dir():
            candidates = item.rglob("*") if recursive else item.glob("*")
            files = sorted(
                (
                    p
                    for p in candidates
                    if p.is_file()
                    and not any(part.startswith((".", "~$")) for part in p.relative_to(item).parts)
                ),
                key=natural_key,
            )
            found.extend(p for p in files if p.suffix.lower() in SUPPORTED_SUFFIXES)
            if skipped is not None:
                skipped.extend(p for p in files if p.suffix.lower() not in SUPPORTED_SUFFIXES)
        else:
            found.append(item)
    return found


def load_case_map(path: str | Path) -> dict[str, str]:
    """A table with columns 'file' and 'case' (file name with or without extension).

    Raises ImportFailed for a file that is no such table, TableError listing each row
    that names no case or gives a file a second, different case.
    """
    table = read_table(path, fold_case=True)
    if not {"file", "case"} <= set(table.header):
        raise ImportFailed(table.path, "the case map needs the columns 'file' and 'case'")
    file_at, case_at = table.header.index("file"), table.header.index("case")
    problems = list(table.problems)
    mapping: dict[str, str] = {}
    first_row: dict[str, int] = {}
    for row in table.rows:
        file, case = row.cells[file_at], row.cells[case_at]
        if not file:
            if case:
                problems.append(Problem(row.number, "file", "no file for this case"))
        elif not case:
            problems.append(Problem(row.number, "case", "no case for this file"))
        elif file in mapping and mapping[file] != case:
            message = f"'{file}' is also on row {first_row[file]}, with case '{mapping[file]}'"
            problems.append(Problem(row.number, "file", message))
        else:
            mapping.setdefault(file, case)
            first_row.setdefault(file, row.number)
    if problems:
        raise TableError(table.path, problems)
    return mapping


@dataclass
class CaseNaming:
    """How a file's case name is chosen.

    In order: a fixed ``case``; the ``mapping`` (by file name, then stem); the
    ``pattern`` (a regex searched in the stem, rendered with ``template``, where {0} is
    the whole match, {1}… the groups, named groups by name; digit groups are numbers,
    so 'referent03' with template 'Référent {1}' gives 'Référent 3'); else the stem.
    """

    case: str | None = None
    pattern: str | None = None
    template: str | None = None
    mapping: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._regex = re.compile(self.pattern, re.IGNORECASE) if self.pattern else None

    def case_for(self, path: Path) -> str:
        if self.case:
            return self.case
        for key in (path.name, path.stem):
            if key in self.mapping:
                return self.mapping[key]
        if self._regex is not None:
            match = self._regex.search(path.stem)
            if match:
                groups = [_number(g) for g in match.groups()]
                named = {k: _number(v) for k, v in match.groupdict().items()}
                if self.template:
                    return self.template.format(match.group(0), *groups, **named).strip()
                return str(match.group(1) if match.groups() else match.group(0))
        return path.stem


def _number(value: str | None) -> object:
    return int(value) if value is not None and value.isdigit() else value
