"""What the workbench and the command line export, built from the store by qdaw.export:
the supervisor's report, the study workbook, the codebook table and REFI-QDA files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Unpack

from qdaw.core.entities import Owner
from qdaw.core.store import Store
from qdaw.services.analysis import Filters
from qdaw.services.anonymise import Anonymising
from qdaw.services.service import Service

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.export.report import ReportDocument
    from qdaw.export.tables import Sheet
    from qdaw.nlp.entities import Anonymiser


class Exports(Service):
    def __init__(self, store: Store, owner: Owner, anonymising: Anonymising) -> None:
        super().__init__(store, owner)
        self.anonymising = anonymising

    def _anonymiser(self, anonymise: bool) -> Anonymiser | None:
        return self.anonymising.anonymiser() if anonymise else None

    def report(
        self,
        lang: str | None = None,
        quotes_per_code: int = 3,
        anonymise: bool = False,
        **filters: Unpack[Filters],
    ) -> ReportDocument:
        """The supervisor's report (write it with qdaw.export.report.write_report):
        each hypothesis, its codes with k/N, who supports it, quotes; in ``lang``, by
        default the project's language (set_language), else English. ``anonymise``
        replaces accepted names by their pseudonyms (the project is not changed)."""
        from qdaw.export.report import build_report

        return build_report(
            self.store, lang, quotes_per_code, self._anonymiser(anonymise), **filters
        )

    def workbook_sheets(self, anonymise: bool = False, **filters: Unpack[Filters]) -> list[Sheet]:
        """Every table a team takes to R, SPSS or pandas, one sheet each
        (write them with qdaw.export.tables.write_workbook)."""
        from qdaw.export.workbook import workbook_sheets

        return workbook_sheets(self.store, self._anonymiser(anonymise), **filters)

    def codebook_table(self) -> pd.DataFrame:
        """One row per code in tree order, the columns import_codebook reads back."""
        from qdaw.export.codebook import codebook_table

        return codebook_table(self.store)

    def export_qdpx(self, path: str | Path, offsets: str = "codepoints") -> Path:
        """The whole project as a REFI-QDA archive (.qdpx) that NVivo, ATLAS.ti, MAXQDA
        and QualCoder open: documents, cases, variables, codes, segments, coders, memos,
        hypotheses (as Sets of their codes). Positions in code points, as the standard
        says; ``offsets="utf16"`` writes UTF-16 code units, as NVivo counts them."""
        from qdaw.export.refi import write_qdpx

        return write_qdpx(self.store, path, offsets)

    def export_qdc(self, path: str | Path) -> Path:
        """The codebook as a REFI-QDA codebook (.qdc): codes, their hierarchy, colours
        and descriptions, and hypotheses as Sets of their codes."""
        from qdaw.export.refi import write_qdc

        return write_qdc(self.store, path)
