"""The study workbook: every table a team takes to R, SPSS or pandas, one sheet each."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qdaw.analysis.crosstab import default_bins
from qdaw.export.codebook import codebook_table
from qdaw.export.tables import Sheet

if TYPE_CHECKING:
    from qdaw.core.project import Project


def workbook_sheets(
    project: Project, filters: dict[str, Any], anonymise: bool = False
) -> list[Sheet]:
    """``anonymise``: accepted names become pseudonyms in passages and memos."""
    segments = project.retrieve(**filters)
    if anonymise:
        segments = project.anonymiser().frame(segments, ["text", "memo"])
    sheets = [
        Sheet("Frequencies", project.code_frequencies(**filters)),
        Sheet("Matrix", project.case_code_matrix(**filters), index=True),
        Sheet("Hypotheses", project.hypothesis_summary(**filters)),
    ]
    for name in project.variable_types():
        table = project.crosstab(name, bins=default_bins(project, name), **filters)
        sheets.append(Sheet(f"Crosstab {name}", table, index=True))
    sheets += [
        Sheet("Co-occurrence", project.cooccurrence("segment", **filters), index=True),
        Sheet("Co-occurrence cases", project.cooccurrence("case", **filters), index=True),
        Sheet("Segments", segments, index=True),
        Sheet("Codebook", codebook_table(project)),
    ]
    return sheets
