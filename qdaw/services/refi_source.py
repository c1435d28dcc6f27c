"""A REFI-QDA project (qdaw.ingest.refi) as the rows a merge brings in
(qdaw.services.merge_source.Source): so importing into a project matches as merging
does (codes by path, documents by text, cases by name) in one step."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any

from qdaw.core.models import utcnow
from qdaw.export.refi_xml import DESCRIPTION_MARK
from qdaw.ingest.refi.model import RefiProject, RefiSource
from qdaw.services.merge_source import Row, Source, parents_first

HYPOTHESIS = re.compile(r"^\s*qdaw hypothesis:\s*", re.IGNORECASE)
ATTRIBUTE = re.compile(r"^\s*([^:]{1,60}?)\s*:\s*(.+?)\s*$")  # ATLAS.ti's "gender: male"
_HEX = re.compile(r"^#?([0-9a-fA-F]{6})([0-9a-fA-F]{2})?$")
_SHORT = re.compile(r"^#([0-9a-fA-F]{3})$")
_RGB = re.compile(r"^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,[^)]*)?\)$", re.I)


def color(value: str | None) -> str | None:
    """#RRGGBB from '#RRGGBB', '#RRGGBBAA', '#RGB' or 'rgb(r, g, b[, a])'; None if none."""
    value = (value or "").strip()
    if match := _HEX.match(value):
        return "#" + match.group(1).lower()
    if match := _SHORT.match(value):
        return "#" + "".join(ch * 2 for ch in match.group(1)).lower()
    if match := _RGB.match(value):
        channels = [min(255, int(c)) for c in match.groups()]
        return "#" + "".join(f"{c:02x}" for c in channels)
    return None


class Converter:
    def __init__(self, refi: RefiProject, shown: str, palette: list[str]) -> None:
        self.refi = refi
        self.source = Source(shown, refi.name)
        self.remarks: list[str] = []
        self.palette = palette
        self.notes_used: set[str] = set()
        self.now = utcnow()

    def note_text(self, *parts: str | None, notes: Sequence[str] = ()) -> str | None:
        texts = [p for p in parts if p and p.strip()]
        for guid in notes:
            if guid in self.refi.notes:
                self.notes_used.add(guid)
                texts.append(self.refi.notes[guid])
        return "\n\n".join(texts) or None

    def run(self) -> Source:
        refi, source = self.refi, self.source
        source.coders = {i: name for i, name in enumerate(refi.users.values(), start=1)}
        self.users = {guid: i for i, guid in enumerate(refi.users, start=1)}
        self._codes()
        documents = self._documents()
        self._cases_and_values(documents)
        self._sets(documents)
        self._segments(documents)
        leftover = [
            g for g in refi.notes if g not in self.notes_used and g not in refi.project_notes
        ]
        source.project_memo = self.note_text(
            refi.description, notes=[*refi.project_notes, *leftover]
        )
        if leftover:
            self.remarks.append(
                f"{len(leftover)} notes attached to nothing qdaw holds: added to the project memo"
            )
        return source

    # -- codebook ------------------------------------------------------------------------
    def _codes(self) -> None:
        rows: list[Row] = []
        self.code_ids: dict[str, int] = {}
        by_place: dict[tuple[int | None, str], int] = {}

        def add(name: str, parent: int | None, **fields: Any) -> int:
            found = by_place.get((parent, name))
            if found is not None:
                return found
            code_id = len(rows) + 1
            rows.append({"id": code_id, "name": name, "parent_id": parent, "position": code_id,
                         "description": None, "memo": None, "author": None,
                         "created_at": self.now, "color": fields.pop("color", None)
                         or self.palette[code_id % len(self.palette)], **fields})  # fmt: skip
            by_place[(parent, name)] = code_id
            return code_id

        for code in self.refi.codes:
            parent = self.code_ids.get(code.parent) if code.parent else None
            parts = [p.strip() for p in code.name.split("::")] if "::" in code.name else [code.name]
            for part in parts[:-1]:  # ATLAS.ti writes a hierarchy into names: Parent::child
                parent = add(part or "(unnamed)", parent)
            self.code_ids[code.guid] = add(
                parts[-1] or "(unnamed)",
                parent,
                color=color(code.color),
                description=code.description,
                memo=self.note_text(notes=code.notes),
            )
        self.source.codes = parents_first(rows)

    # -- documents, cases, values ------------------------------------------------------------
    def _documents(self) -> dict[str, Row]:
        documents: dict[str, Row] = {}
        for source in self.refi.sources:
            if not source.text and source.image is None:
                continue  # (reported when read: missing or empty)
            row = {"id": len(documents) + 1, "name": _document_name(source), "text": source.text,
                   "source_name": source.name or source.path, "format": "refi-qda",
                   "imported_at": self.now, "language": None, "case_id": None,
                   "memo": self.note_text(source.description, notes=source.notes)}  # fmt: skip
            if source.image is not None:  # a picture: its bytes tell it apart
                fmt, width, height, data = source.image
                row.update(image_format=fmt, image_width=width, image_height=height,
                           image_data=data, format=fmt)  # fmt: skip
            documents[source.guid] = row
        self.source.documents = list(documents.values())
        return documents

    def _cases_and_values(self, documents: dict[str, Row]) -> None:
        cases: dict[str, Row] = {}

        def case_named(name: str, memo: str | None = None) -> Row:
            if name not in cases:
                cases[name] = {
                    "id": len(cases) + 1,
                    "name": name,
                    "memo": memo,
                    "created_at": self.now,
                }
            return cases[name]

        variables = {v.guid: v for v in self.refi.variables}
        self.values: dict[tuple[int, str], str] = {}
        for case in self.refi.cases:
            if case.name is None:
                continue
            row = case_named(case.name, self.note_text(case.description, notes=case.notes))
            for guid in case.sources:
                document = documents.get(guid)
                if document is None:
                    continue
                if document["case_id"] not in (None, row["id"]):
                    self.remarks.append(
                        f"document {document['name']!r} belongs to several cases: kept in the first"
                    )
                    continue
                document["case_id"] = row["id"]
            for guid, value in case.values.items():
                self._value(row["id"], variables, guid, value, case.name)
        for document in documents.values():  # the others: a respondent each, as on import
            if document["case_id"] is None:
                document["case_id"] = case_named(document["name"])["id"]
        attributes = [
            (c.sources[0], c.values)
            for c in self.refi.cases
            if c.name is None and len(c.sources) == 1
        ]
        attributes += [(s.guid, s.values) for s in self.refi.sources if s.values]
        # A variable with values only on documents is a document variable (as qdaw writes
        # them); one that respondents have too stays theirs, its document values with it.
        of_cases = {guid for case in self.refi.cases if case.name for guid in case.values}
        self.document_values: dict[tuple[int, str], str] = {}
        for guid, values in attributes:
            document = documents.get(guid)
            if document is None:
                continue
            for variable, value in values.items():
                if variable in of_cases:
                    self._value(document["case_id"], variables, variable, value, document["name"])
                else:
                    self._value(document["id"], variables, variable, value, document["name"],
                                self.document_values)  # fmt: skip
        self.source.cases = list(cases.values())
        self.variable_ids = {guid: i for i, guid in enumerate(variables, start=1)}
        documentary = {guid for _key, guid in self.document_values} - of_cases
        self.source.variables = [
            {"id": self.variable_ids[g], "name": v.name, "type": v.kind,
             "levels": json.dumps(v.levels, ensure_ascii=False) if v.levels else None,
             "scope": "document" if g in documentary else "case"}
            for g, v in variables.items()
        ]  # fmt: skip
        self.source.document_values = [
            {"document_id": doc_id, "variable_id": self.variable_ids[guid], "value": value}
            for (doc_id, guid), value in self.document_values.items()
        ]

    def _value(
        self,
        owner: int,
        variables: dict[str, Any],
        guid: str,
        value: str,
        who: str,
        into: dict[tuple[int, str], str] | None = None,
    ) -> None:
        """One value, in its variable's canonical form (qdaw.core.kinds)."""
        from qdaw.core.kinds import fit

        into = self.values if into is None else into
        if guid not in variables:
            self.remarks.append(f"{who!r}: a value for an undeclared variable ({guid}) left out")
            return
        variable = variables[guid]
        try:
            stored = fit(variable.kind, value, variable.levels)
        except ValueError as exc:
            self.remarks.append(f"{who!r}: {variable.name} “{value}” {exc}; left out")
            return
        if stored is None:
            return
        key = (owner, guid)
        if key in into and into[key] != stored:
            self.remarks.append(f"{who!r}: two values for {variable.name!r}; kept {into[key]!r}")
            return
        into[key] = stored

    # -- sets: hypotheses, attribute groups, sets of codes or documents ---------------
    def _sets(self, documents: dict[str, Row]) -> None:
        hypotheses: list[Row] = []
        links: set[tuple[int, int]] = set()
        extra: dict[str, dict[int, str]] = {}
        for item in self.refi.sets:
            if item.description and HYPOTHESIS.match(item.description):
                hypothesis_id = len(hypotheses) + 1
                label = item.name[:64] or f"H{hypothesis_id}"
                statement = HYPOTHESIS.sub("", item.description, count=1)
                statement, _mark, description = statement.partition(DESCRIPTION_MARK)
                hypotheses.append({"id": hypothesis_id, "label": label, "statement": statement,
                                   "description": description or None, "position": hypothesis_id,
                                   "memo": self.note_text(notes=item.notes)})  # fmt: skip
                links |= {
                    (self.code_ids[g], hypothesis_id) for g in item.codes if g in self.code_ids
                }
                continue
            attribute = ATTRIBUTE.match(item.name)
            members = [documents[g] for g in item.sources if g in documents]
            from_atlas = not self.refi.origin.casefold().startswith("qdaw")
            if attribute and item.sources and not item.codes and from_atlas:
                variable, value = attribute.groups()
                for document in members:
                    extra.setdefault(variable, {})[document["case_id"]] = value
                if len(members) < len(item.sources):
                    missing = len(item.sources) - len(members)
                    self.remarks.append(
                        f"group {item.name!r}: the value of {variable!r} for {missing} "
                        "documents without text here, left out"
                    )
                continue
            self._set(item, documents)
        self.source.hypotheses = hypotheses
        self.source.links = sorted(links)
        for name, values in extra.items():  # ATLAS.ti's document groups "age: 25" as variables
            guid = f"set:{name}"
            self.variable_ids[guid] = len(self.variable_ids) + 1
            self.source.variables.append(
                {"id": self.variable_ids[guid], "name": name, "type": "text"}
            )
            for case_id, value in values.items():
                self.values[(case_id, guid)] = value
            self.remarks.append(f"groups {name!r}: value read as the variable {name!r}")
        self.source.values = [
            {"case_id": case_id, "variable_id": self.variable_ids[guid], "value": value}
            for (case_id, guid), value in self.values.items()
        ]

    def _set(self, item: Any, documents: dict[str, Row]) -> None:
        """A set of codes or of documents (a set that mixes both keeps its codes)."""
        set_id = len(self.source.sets) + 1
        name = item.name or f"set {set_id}"
        kind = "code" if item.codes else "document"
        self.source.sets.append({"id": set_id, "name": name[:255], "kind": kind})
        if kind == "code":
            self.source.set_codes += [
                (set_id, self.code_ids[g]) for g in dict.fromkeys(item.codes) if g in self.code_ids
            ]
            if item.sources:
                self.remarks.append(
                    f"set {name!r} holds codes and documents: imported as a code set, "
                    f"its {len(item.sources)} documents left out"
                )
            return
        members = [documents[g]["id"] for g in dict.fromkeys(item.sources) if g in documents]
        self.source.set_documents += [(set_id, doc_id) for doc_id in members]
        if len(members) < len(item.sources):
            missing = len(item.sources) - len(members)
            self.remarks.append(
                f"set {name!r}: {missing} of its documents are not in qdaw (no text here)"
            )

    # -- coding --------------------------------------------------------------------------
    def _segments(self, documents: dict[str, Row]) -> None:
        segments: list[tuple[Any, ...]] = []
        annotations = unknown = 0
        for source in self.refi.sources:
            document = documents.get(source.guid)
            if document is None:
                continue
            for selection in source.selections:
                memo = self.note_text(selection.description, notes=selection.notes)
                if not selection.codings:
                    annotations += 1
                for coding in selection.codings:
                    code_id = self.code_ids.get(coding.code)
                    if code_id is None:
                        unknown += 1
                        continue
                    user = coding.user or selection.user
                    region = selection.region or (None, None, None, None)
                    segments.append((document["id"], code_id, self.users.get(user or ""),
                                     selection.start, selection.end, memo, self.now,
                                     *region))  # fmt: skip
        self.source.segments = segments
        if annotations:
            self.remarks.append(f"{annotations} selections without a code (annotations) left out")
        if unknown:
            self.remarks.append(f"{unknown} codings of codes not in the codebook left out")


def _document_name(source: RefiSource) -> str:
    name = source.name or PurePosixPath((source.path or "").split("//")[-1]).stem or source.guid
    return name[:255]
