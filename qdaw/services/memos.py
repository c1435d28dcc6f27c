"""Every memo of a project at once: the memo manager's list and the memo export."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from qdaw.services.service import Service

if TYPE_CHECKING:
    import pandas as pd


class Memos(Service):
    def memos(
        self,
        kinds: str | Iterable[str] | None = None,
        search: str | None = None,
        coder: str | None = None,
        document: int | str | None = None,
    ) -> pd.DataFrame:
        """Every non-empty memo, one row each: ``kind`` (project, document, respondent,
        code, hypothesis, segment), the thing's ``id`` and ``name`` (a code's path, a
        hypothesis's label and statement, a segment's code), the ``memo`` and, when it
        is known, its ``coder`` (who coded the segment, who created the code). A
        segment's row also has its ``document``, ``respondent``, ``code``, ``start``,
        ``end`` and ``text``.

        ``kinds`` keeps some kinds; ``search`` the memos (or names) holding a text,
        ignoring case and accents; ``coder`` one coder's; ``document`` the memos of
        one document and of its segments."""
        from qdaw.analysis.memos import memo_table

        document_id = None if document is None else self.store.document_id(document)
        return memo_table(self.store, kinds, search, coder, document_id)

    def export_memos(
        self,
        path: str | Path,
        lang: str | None = None,
        kinds: str | Iterable[str] | None = None,
        search: str | None = None,
        coder: str | None = None,
        document: int | str | None = None,
    ) -> Path:
        """Write the memos (as ``memos`` filters them) to a .docx, .md or .csv file:
        grouped by kind under headings, a segment's memo with the passage it annotates,
        a code's with its k/N. ``lang`` ("en", "fr") defaults to the project's language."""
        from qdaw.analysis.frequencies import code_counts, total_cases
        from qdaw.export.memos import write_memos

        frame = self.memos(kinds, search, coder, document)
        language = lang or self.store.language() or "en"
        title = self.store.get_meta("title") or self.store.name
        counts = code_counts(self.store)
        return write_memos(frame, path, title, language, counts, total_cases(self.store))
