"""The merge itself, inside the target's write transaction: each kind of thing of the
other project matched with this one's, the missing ones added through the journal (so
undo takes the whole merge back), and each difference reported with the value kept.

Here the project's memo, cases (by name), documents (by text), variables (by name) and
values; the codebook and the coding in qdaw.services.merge_coding. Ids of the other
project are mapped to this one's as each kind is merged, owners before what refers to
them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from qdaw.core import models as m
from qdaw.core.journal import Journal
from qdaw.core.kinds import widen
from qdaw.services.merge_report import MergeReport
from qdaw.services.merge_source import Row, Source, documents_with_texts

#: Fields of each kind that are texts someone wrote: merged as memos are.
WRITTEN = {
    "case": ("memo",),
    "document": ("memo",),
    "code": ("description", "memo"),
    "hypothesis": ("statement", "description", "memo"),
}


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _short(value: Any, width: int = 40) -> str:
    text = " ".join(str(value).split())
    return repr(text if len(text) <= width else text[: width - 1] + "…")


class LibraryMerge:
    def __init__(self, journal: Journal, source: Source, report: MergeReport, prefer: str):
        self.journal = journal
        self.conn = journal.conn
        self.source = source
        self.report = report
        self.prefer = prefer

    def _all(self, table: Any) -> list[Row]:
        return [dict(r._mapping) for r in self.conn.execute(select(table))]

    # -- what both have, written differently -----------------------------------------
    def _written(self, kind: str, name: str, ours: Row, theirs: Row) -> Row:
        """The written fields to change on this project's row: the other's where this
        one has none; where both differ, a conflict, and the preferred one's."""
        changes: Row = {}
        for column in WRITTEN[kind]:
            mine, other = ours[column], theirs[column]
            if blank(other) or mine == other:
                continue
            if blank(mine):
                changes[column] = other
                continue
            detail = f"{column} differs: {_short(mine)} here, {_short(other)} there"
            self.report.conflict(kind, repr(name), detail, self.prefer)
            if self.prefer == "other":
                changes[column] = other
        return changes

    def _update(self, table: Any, row_id: int, changes: Row) -> None:
        if changes:
            self.journal.update(table, {"id": row_id}, changes)

    def _project_memo(self) -> None:
        theirs = self.source.project_memo
        ours = self.conn.execute(select(m.meta.c.value).where(m.meta.c.key == "memo")).scalar()
        if blank(theirs) or ours == theirs:
            return
        if not blank(ours):
            self.report.conflict("project", "memo", "both projects have one", self.prefer)
            if self.prefer != "other":
                return
        if not self.journal.update(m.meta, {"key": "memo"}, {"value": theirs}):
            self.journal.insert(m.meta, {"key": "memo", "value": theirs})

    # -- cases and documents -----------------------------------------------------------
    def _cases(self) -> dict[int, int]:
        ours = {r["name"]: r for r in self._all(m.cases)}
        mapped: dict[int, int] = {}
        for case in self.source.cases:
            found = ours.get(case["name"])
            if found is not None:
                self.report.match("cases")
                self._update(m.cases, found["id"], self._written("case", case["name"], found, case))
                mapped[case["id"]] = found["id"]
                continue
            new_id = self.journal.insert(
                m.cases, {k: case[k] for k in ("name", "memo", "created_at")}
            )
            assert new_id is not None
            mapped[case["id"]] = new_id
            self.report.add("cases", case["name"])
        return mapped

    def _documents(self, cases: dict[int, int]) -> dict[int, int]:
        rows = self.conn.execute(documents_with_texts().order_by(m.documents.c.id))
        # The same text (and, for an image, the same picture) is the same document.
        by_text: dict[tuple[str, bytes | None], Row] = {}
        for row in rows:
            by_text.setdefault((row.text, row.image_data), dict(row._mapping))
        taken = {str(r[0]) for r in self.conn.execute(select(m.documents.c.name))}
        mapped: dict[int, int] = {}
        for doc in self.source.documents:
            found = by_text.get((doc["text"], doc.get("image_data")))
            if found is not None:
                self.report.match("documents")
                mapped[doc["id"]] = found["id"]
                changes = self._written("document", found["name"], found, doc)
                if cases[doc["case_id"]] != found["case_id"]:
                    self.report.conflict(
                        "document", repr(found["name"]), "belongs to another case there",
                        self.prefer,
                    )  # fmt: skip
                    if self.prefer == "other":
                        changes["case_id"] = cases[doc["case_id"]]
                self._update(m.documents, found["id"], changes)
                self._marks(doc["id"], found["id"])
                continue
            name = self._free_name(doc["name"], taken)
            if name != doc["name"]:
                self.report.conflict(
                    "document", repr(doc["name"]), f"same name, another text: added as {name!r}",
                    "both",
                )  # fmt: skip
            columns = ("source_name", "format", "imported_at", "memo", "language")
            new_id = self.journal.insert(
                m.documents,
                {"name": name, "case_id": cases[doc["case_id"]], **{k: doc[k] for k in columns}},
            )
            assert new_id is not None
            self.journal.insert(m.document_texts, {"document_id": new_id, "text": doc["text"]})
            if doc.get("image_data") is not None:
                self.journal.insert(
                    m.document_images,
                    {"document_id": new_id, "format": doc["image_format"],
                     "width": doc["image_width"], "height": doc["image_height"],
                     "data": doc["image_data"]},
                )  # fmt: skip
            self._marks(doc["id"], new_id)
            taken.add(name)
            by_text[(doc["text"], doc.get("image_data"))] = {**doc, "id": new_id, "name": name}
            mapped[doc["id"]] = new_id
            self.report.add("documents", name)
        return mapped

    def _marks(self, theirs: int, ours: int) -> None:
        """The other's page and time marks of a document (same text, so same offsets)
        that this one lacks."""
        marks = m.document_marks
        have = {
            (str(k), int(o), str(v))
            for k, o, v in self.conn.execute(
                select(marks.c.kind, marks.c.start_offset, marks.c.value).where(
                    marks.c.document_id == ours
                )
            )
        }
        for kind, start, value in self.source.marks.get(theirs, []):
            if (kind, start, value) not in have:
                self.journal.insert(
                    marks,
                    {"document_id": ours, "kind": kind, "start_offset": start, "value": value},
                )
                have.add((kind, start, value))

    @staticmethod
    def _free_name(name: str, taken: set[str]) -> str:
        candidate, counter = name, 1
        while candidate in taken:
            counter += 1
            candidate = f"{name} ({counter})"
        return candidate

    # -- variables ---------------------------------------------------------------------
    def _variables(self) -> dict[int, int]:
        ours = {r["name"]: r for r in self._all(m.variables)}
        mapped: dict[int, int] = {}
        for variable in self.source.variables:
            found = ours.get(variable["name"])
            if found is None:
                new_id = self.journal.insert(
                    m.variables,
                    {
                        "name": variable["name"],
                        "type": variable["type"],
                        "scope": variable.get("scope") or "case",
                        "levels": variable.get("levels"),
                    },
                )
                assert new_id is not None
                mapped[variable["id"]] = new_id
                self.report.add("variables", variable["name"])
                continue
            self.report.match("variables")
            mapped[variable["id"]] = found["id"]
            # Integer and decimal values both fit a decimal variable, every value a text
            # one: widening loses nothing, so it is no conflict.
            widened = widen(found["type"], variable["type"])
            if widened != found["type"]:
                self._update(m.variables, found["id"], {"type": widened})
        return mapped

    def _values(self, cases: dict[int, int], variables: dict[int, int]) -> None:
        names = {c["id"]: f"case {c['name']!r}" for c in self.source.cases}
        self._owned_values(m.case_values, "case_id", cases, self.source.values, names, variables)

    def _document_values(self, documents: dict[int, int], variables: dict[int, int]) -> None:
        names = {d["id"]: f"document {d['name']!r}" for d in self.source.documents}
        rows = self.source.document_values
        self._owned_values(m.document_values, "document_id", documents, rows, names, variables)

    def _owned_values(
        self,
        table: Any,
        owner: str,
        owners: dict[int, int],
        values: list[Row],
        owner_names: dict[int, str],
        variables: dict[int, int],
    ) -> None:
        """A respondent's or a document's values: what this project lacks is added; where
        both have another value, a conflict (this project's stands unless preferred)."""
        names = {v["id"]: v["name"] for v in self.source.variables}
        ours = {(r[owner], r["variable_id"]): r["value"] for r in self._all(table)}
        for value in values:
            theirs = value["value"]
            if blank(theirs) or value[owner] not in owners:
                continue
            key = (owners[value[owner]], variables[value["variable_id"]])
            column = {owner: key[0], "variable_id": key[1]}
            if key not in ours:
                self.journal.insert(table, {**column, "value": theirs})
                ours[key] = theirs
                self.report.add("values")
                continue
            mine = ours[key]
            if mine == theirs:
                self.report.match("values")
                continue
            if blank(mine):
                self.journal.update(table, column, {"value": theirs})
                self.report.add("values")
                continue
            self.report.conflict(
                "variable",
                f"{names[value['variable_id']]!r} of {owner_names[value[owner]]}",
                f"{mine!r} here, {theirs!r} there",
                self.prefer,
            )
            if self.prefer == "other":
                self.journal.update(table, column, {"value": theirs})
