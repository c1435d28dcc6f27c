"""Blind coding: a copy of the project for each coder, and their work merged back.

``copy_for_coder`` writes a project file with everything but the others' coding;
``merge`` brings another project's documents, codebook, variables, memos and segments
into this one as one step (qdaw.services.merge_steps), and says what it matched, added
and found in conflict (qdaw.services.merge_report).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from sqlalchemy import delete, insert, select, update

from qdaw.core import files, storage
from qdaw.core import models as m
from qdaw.core.dberrors import DB_ERRORS, translate
from qdaw.core.names import CODER, check_name
from qdaw.core.operations import op
from qdaw.errors import ConflictError
from qdaw.export.refi_ids import IDENTITY_KEY, project_identity
from qdaw.services.merge_coding import Merger
from qdaw.services.merge_report import MergeConflict, MergeReport
from qdaw.services.merge_source import read_project
from qdaw.services.service import Service

__all__ = ["MergeConflict", "MergeReport", "Merging"]


class Merging(Service):
    def copy_for_coder(
        self,
        path: str | Path,
        coder: str,
        keep_segments: Literal["none", "own"] = "none",
        force: bool = False,
    ) -> Path:
        """Write a project file for one coder to code blind: the documents, cases,
        variables, codebook, hypotheses and memos, and no one else's segments
        (``keep_segments="own"`` keeps the coder's own, ``"none"`` none). The copy's
        default coder is ``coder``, and its undo history starts empty; nothing of the
        others' coding stays in the file (their segments and the log of their steps
        are deleted, and the file is rewritten without their pages)."""
        coder = check_name(coder, CODER)
        if keep_segments not in ("none", "own"):
            raise ConflictError(f"keep_segments must be 'none' or 'own', not {keep_segments!r}")
        # Read before the copy's log is cleared: the copy keeps the project's identity,
        # so its REFI-QDA exports give its rows the GUIDs the original's do.
        identity = project_identity(self.store)
        target = self.store.save_copy(path, force=force)
        try:
            _clean_copy(target, coder, keep_segments, identity)
        except BaseException:
            files.remove_with_sidecars(target)  # a half-cleaned copy is not blind
            raise
        return target

    def merge(
        self, other: str | Path, prefer: Literal["target", "other"] = "target"
    ) -> MergeReport:
        """Merge another project (a file or URL) into this one, as one step (one undo).

        Documents are matched by their text (one of the same name but another text is
        added under a distinct name, and reported), cases by name, codes by path
        (``Parent/Child``), hypotheses by label (with their links to codes), variables
        by name; what this project lacks is added. Segments are added with their
        coder (new coders are created); a segment already here (same document, range,
        code and coder) is not added twice. Memos, descriptions and values missing here
        are taken from the other; where both have different ones, this project's stand
        (``prefer="other"``: the other's), and the report lists each such conflict.
        """
        if prefer not in ("target", "other"):
            raise ConflictError(f"prefer must be 'target' or 'other', not {prefer!r}")
        source = read_project(other, self.store.path)  # before writing: a bad file stores nothing
        report = MergeReport(self.store.shown, source.shown)
        with self.store.writing(op("merge", name=source.name)) as journal:
            Merger(journal, source, report, prefer).run()
        return report


def _clean_copy(path: Path, coder: str, keep_segments: str, identity: str) -> None:
    """In a fresh copy no one has open, as one transaction outside any undo step: the
    other coders' segments and every step of the log go, the coder becomes the
    default; then VACUUM rewrites the file so that no deleted page keeps them."""
    engine = storage.sqlite_engine(path)
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(**{storage.WRITE: True})
            with conn.begin():
                coder_id = conn.execute(
                    select(m.coders.c.id).where(m.coders.c.name == coder)
                ).scalar()
                others = m.segments.delete()
                if keep_segments == "own" and coder_id is not None:
                    others = others.where(
                        (m.segments.c.coder_id != coder_id) | m.segments.c.coder_id.is_(None)
                    )
                conn.execute(others)
                conn.execute(delete(m.revisions))
                conn.execute(delete(m.operations))
                used = select(m.segments.c.coder_id).where(m.segments.c.coder_id.is_not(None))
                conn.execute(delete(m.coders).where(m.coders.c.id.not_in(used)))
                for name, value in (("default_coder", coder), (IDENTITY_KEY, identity)):
                    key = m.meta.c.key == name
                    if conn.execute(select(m.meta.c.key).where(key)).scalar() is None:
                        conn.execute(insert(m.meta).values(key=name, value=value))
                    else:
                        conn.execute(update(m.meta).where(key).values(value=value))
            raw: Any = conn.connection.driver_connection
            raw.execute("VACUUM")  # (outside a transaction, as SQLite requires)
            files.checkpoint(raw)
    except DB_ERRORS as exc:
        raise translate(exc, str(path)) from exc
    finally:
        engine.dispose()
