"""Anonymisation: the review list of names and their pseudonyms.

Stored texts and offsets are never altered: exports apply ``p.anonymiser()`` to the
text they write. Every review decision is an undoable operation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from qdaw.core import models as m
from qdaw.core.entities import Document, Owner
from qdaw.core.names import ENTITY, PSEUDONYM, check_name, check_optional_name, lookup_forms
from qdaw.core.operations import op
from qdaw.core.store import Store
from qdaw.errors import InvalidName, QdawError
from qdaw.services.analysis import Analysis
from qdaw.services.service import Service

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.core.journal import Journal
    from qdaw.export.filenames import Written
    from qdaw.nlp.entities import Anonymiser, Candidate

ENTITY_COLUMNS = ["id", "name", "kind", "status", "pseudonym", "mentions", "origin"]


class Anonymising(Service):
    def __init__(self, store: Store, owner: Owner, analysis: Analysis) -> None:
        super().__init__(store, owner)
        self.analysis = analysis  # how often a name is mentioned

    def detect_entities(
        self,
        documents: Iterable[Document | int | str] | None = None,
        progress: Callable[[int, int, str], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> int:
        """Propose the people, places and organisations named in the documents (all by
        default) for review; returns how many new names were proposed. Names already
        reviewed keep their decision; their mention counts are refreshed."""
        candidates = self.find_entities(documents, progress, cancelled)
        return 0 if candidates is None else self.propose_entities(candidates)

    def find_entities(
        self,
        documents: Iterable[Document | int | str] | None = None,
        progress: Callable[[int, int, str], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[Candidate] | None:
        """The names the recogniser finds (nothing stored; None if cancelled): the slow
        half of detect_entities, for a worker thread."""
        from qdaw.nlp.entities import detect

        ids = (
            [self.store.document_id(d) for d in documents]
            if documents is not None
            else [int(r[0]) for r in self.store.rows(select(m.documents.c.id))]
        )
        default = self.store.get_meta("language") or "fr"

        def texts() -> Iterable[tuple[str, str]]:
            for document_id in ids:
                language = self.store.value(m.documents, document_id, "language") or default
                yield str(language), self._text(document_id)

        found = detect(texts(), len(ids), progress, cancelled)
        if found is not None and progress is not None:
            progress(len(ids), len(ids), "")
        return found

    def propose_entities(self, candidates: Iterable[Candidate]) -> int:
        """Store found names for review (one undoable operation); returns how many are
        new."""
        from qdaw.nlp.entities import entity_key

        e = m.entities
        added = 0
        with self.store.writing(op("detect_names")) as journal:
            known = {str(r[0]): int(r[1]) for r in self.store.rows(select(e.c.key, e.c.id))}
            for candidate in candidates:
                try:  # what the recogniser took for a name, but cannot be one: left out
                    name = check_name(candidate.name, ENTITY)
                except InvalidName:
                    continue
                key = entity_key(name)
                if key in known:
                    journal.update(m.entities, {"id": known[key]}, {"mentions": candidate.mentions})
                    continue
                journal.insert(m.entities, {
                    "name": name, "key": key, "kind": candidate.kind,
                    "status": "proposed", "pseudonym": None, "origin": "detected",
                    "mentions": candidate.mentions,
                })  # fmt: skip
                known[key] = -1
                added += 1
        return added

    def entities(self, status: str | None = None) -> pd.DataFrame:
        """The review list: id, name, kind, status (proposed | accepted | rejected),
        pseudonym, mentions, origin (detected | manual); most mentioned first."""
        import pandas as pd

        e = m.entities
        statement = select(*(e.c[c] for c in ENTITY_COLUMNS)).order_by(
            e.c.mentions.desc(), e.c.name
        )
        if status is not None:
            statement = statement.where(e.c.status == status)
        frame = pd.DataFrame(self.store.rows(statement), columns=ENTITY_COLUMNS)
        # No pseudonym is None, not NaN (pandas' string columns would say "nan").
        frame["pseudonym"] = (
            frame["pseudonym"].astype(object).where(frame["pseudonym"].notna(), None)
        )
        return frame

    def _entity_id(self, entity: int | str) -> int:
        from qdaw.nlp.entities import entity_key

        e = m.entities
        if isinstance(entity, int):
            found = self.store.scalar(select(e.c.id).where(e.c.id == entity))
        else:
            forms = lookup_forms(entity)
            key = entity_key(forms[0]) if forms else None
            found = None if key is None else self.store.scalar(select(e.c.id).where(e.c.key == key))
        if found is None:
            raise QdawError(f"no name {entity!r} in the anonymisation list")
        return int(found)

    def _new_pseudonym(self, journal: Journal, name: str, kind: str) -> str:
        from qdaw.nlp.entities import numbered_pseudonym, related_pseudonym

        e = m.entities
        accepted = [
            (str(r[0]), str(r[1]), str(r[2]))
            for r in journal.conn.execute(
                select(e.c.name, e.c.kind, e.c.pseudonym).where(
                    e.c.status == "accepted", e.c.pseudonym.is_not(None)
                )
            )
        ]
        related = related_pseudonym(name, kind, accepted)
        if related:
            return related
        taken = [
            str(r[0])
            for r in journal.conn.execute(select(e.c.pseudonym).where(e.c.pseudonym.is_not(None)))
        ]
        return numbered_pseudonym(kind, self.store.get_meta("language") or "fr", taken)

    def accept_entity(self, entity: int | str, pseudonym: str | None = None) -> str:
        """Accept a proposed name: it will be replaced in anonymised exports. Without a
        pseudonym, it gets its own ("[Personne 3]"), or the one of an accepted name it
        is part of ("Dupont" takes "Marie Dupont"'s). Returns the pseudonym."""

        def name() -> str:
            return str(self.store.value(m.entities, self._entity_id(entity), "name"))

        pseudonym = check_optional_name(pseudonym, PSEUDONYM)

        with self.store.writing(lambda: op("accept_name", name=name())) as journal:
            entity_id = self._entity_id(entity)
            kind, current = (
                self.store.value(m.entities, entity_id, c) for c in ("kind", "pseudonym")
            )
            chosen = pseudonym or current or self._new_pseudonym(journal, name(), str(kind))
            journal.update(
                m.entities, {"id": entity_id}, {"status": "accepted", "pseudonym": chosen}
            )
        return str(chosen)

    def reject_entity(self, entity: int | str) -> None:
        """Not a name to hide (a software called "Moodle", a common word)."""
        with self.store.writing(
            lambda: op(
                "reject_name", name=self.store.value(m.entities, self._entity_id(entity), "name")
            )
        ) as journal:
            journal.update(m.entities, {"id": self._entity_id(entity)}, {"status": "rejected"})

    def add_entity(self, name: str, kind: str = "person", pseudonym: str | None = None) -> str:
        """Add a name the detector missed (accepted at once); returns its pseudonym."""
        from qdaw.nlp.entities import KINDS, clean_name, entity_key

        if kind not in KINDS:
            raise QdawError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        name = check_name(clean_name(check_name(name, ENTITY), kind), ENTITY)
        pseudonym = check_optional_name(pseudonym, PSEUDONYM)
        key = entity_key(name)
        existing = self.store.scalar(select(m.entities.c.id).where(m.entities.c.key == key))
        if existing is not None:
            return self.accept_entity(int(existing), pseudonym)
        mentions = len(self.analysis.find_text(name, whole_words=True))
        with self.store.writing(op("add_name", name=name)) as journal:
            added = self.store.scalar(select(m.entities.c.id).where(m.entities.c.key == key))
            if added is not None:  # by another writer, meanwhile
                return self.accept_entity(int(added), pseudonym)
            chosen = pseudonym or self._new_pseudonym(journal, name, kind)
            journal.insert(m.entities, {
                "name": name, "key": key, "kind": kind, "status": "accepted",
                "pseudonym": chosen, "origin": "manual", "mentions": mentions,
            })  # fmt: skip
        return chosen

    def set_pseudonym(self, entity: int | str, pseudonym: str) -> None:
        """Give a name another pseudonym (the same one as another name: same person)."""
        pseudonym = check_name(pseudonym, PSEUDONYM)
        with self.store.writing(
            lambda: op(
                "set_pseudonym", name=self.store.value(m.entities, self._entity_id(entity), "name")
            )
        ) as journal:
            journal.update(m.entities, {"id": self._entity_id(entity)}, {"pseudonym": pseudonym})

    def anonymiser(self) -> Anonymiser:
        """The replacer of accepted names by their pseudonyms (callable on a text)."""
        from qdaw.nlp.entities import Anonymiser

        e = m.entities
        rows = self.store.rows(
            select(e.c.name, e.c.pseudonym).where(
                e.c.status == "accepted", e.c.pseudonym.is_not(None)
            )
        )
        return Anonymiser((str(r[0]), str(r[1])) for r in rows)

    def anonymised_text(self, document: Document | int | str) -> str:
        return str(self.anonymiser()(self._text(self.store.document_id(document))))

    def export_documents(self, folder: str | Path, anonymise: bool = False) -> Written:
        """Each document as a UTF-8 .txt file named after its case and name (anonymised
        on request), one file each even when two names make the same file name. Files
        are written beside and renamed, so none is ever half-written; the list returned
        says which files replaced ones already there."""
        from qdaw.export.filenames import FolderExport

        target = FolderExport(folder)
        replace = self.anonymiser() if anonymise else None
        rows = self.store.rows(
            select(m.documents.c.id, m.documents.c.name, m.cases.c.name)
            .join(m.cases, m.cases.c.id == m.documents.c.case_id)
            .order_by(m.documents.c.id)  # the older of two alike keeps the plain name
        )
        for document_id, name, case in rows:
            label = f"{case} - {name}"
            text = self._text(int(document_id))
            if replace:
                label, text = str(replace(label)), str(replace(text))
            target.write(label, ".txt", text, fallback=str(document_id))
        return target.written

    def _text(self, document_id: int) -> str:
        t = m.document_texts
        return str(self.store.scalar(select(t.c.text).where(t.c.document_id == document_id)))
