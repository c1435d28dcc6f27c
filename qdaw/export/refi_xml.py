"""The REFI-QDA 1.5 XML of a project (``project.qde``) and of its codebook (``.qdc``).

Element order follows Project.xsd / Codebook.xsd, which are sequences. What qdaw has
and REFI has not is carried in REFI's own elements, so that every tool reads it:
a code's or document's memo is a Note its NoteRef points to, a case's memo its
Description, a segment's memo its selection's Description, a hypothesis a Set of its
codes whose Description starts with ``qdaw hypothesis:`` (and its memo a MemberNote).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from qdaw.core import models as m

if TYPE_CHECKING:
    from qdaw.core.store import Store
    from qdaw.export.refi_ids import Guids

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
#: How a Set says it is a qdaw hypothesis (the importer reads the statement after it).
HYPOTHESIS_MARK = "qdaw hypothesis: "
#: After the statement, on a line of its own, the hypothesis's longer description.
DESCRIPTION_MARK = "\nqdaw description: "
OFFSETS = ("codepoints", "utf16")
_VARIABLE_TYPES = {
    "text": "Text",
    "integer": "Integer",
    "decimal": "Float",
    "float": "Float",
    "date": "Date",
    "boolean": "Boolean",
}  # fmt: skip (categorical: Text)
# Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def clean(text: str | None) -> str:
    return _NOT_XML.sub("", text or "")


def stamp(value: Any) -> str | None:
    """An xsd:dateTime in UTC (qdaw stores UTC without a zone)."""
    if not isinstance(value, datetime):
        return None
    return value.replace(microsecond=0, tzinfo=None).isoformat() + "Z"


def position_map(text: str, offsets: str) -> Callable[[int], int]:
    """Code point offset → the offset written: itself, or in UTF-16 code units (as
    NVivo counts: each character outside the BMP is two)."""
    if offsets == "codepoints":
        return lambda i: i
    astral = [match.start() for match in _ASTRAL.finditer(text)]
    if not astral:
        return lambda i: i
    return lambda i: i + bisect_left(astral, i)


def root_element(tag: str, namespace: str, **attributes: str) -> ET.Element:
    """The document element, declaring the namespace every element below is in.

    (Elements are built unqualified under an ``xmlns`` attribute: ElementTree's
    ``default_namespace`` refuses the unqualified attribute names REFI uses.)"""
    return ET.Element(tag, {"xmlns": namespace, **{k: clean(v) for k, v in attributes.items()}})


@dataclass
class Builder:
    store: Store
    guids: Guids
    ns: str = PROJECT_NS
    #: (guid, name, text) of every memo written as a Note, in the order met.
    notes: list[tuple[str, str, str]] = field(default_factory=list)

    def el(self, parent: ET.Element, tag: str, **attributes: str | None) -> ET.Element:
        attrib = {k: clean(v) for k, v in attributes.items() if v is not None}
        return ET.SubElement(parent, tag, attrib)

    def text_el(self, parent: ET.Element, tag: str, text: str) -> ET.Element:
        element = self.el(parent, tag)
        element.text = clean(text)
        return element

    def note(self, parent: ET.Element, kind: str, row_id: int, name: str, memo: str) -> str:
        """The memo as a Note, referred to from ``parent`` by a NoteRef."""
        guid = self.guids(f"{kind}_memo", row_id)
        self.notes.append((guid, name, memo))
        self.el(parent, "NoteRef", targetGUID=guid)
        return guid

    # -- the parts ---------------------------------------------------------------------
    def users(self, root: ET.Element) -> None:
        rows = self.store.rows(select(m.coders.c.id, m.coders.c.name).order_by(m.coders.c.id))
        if rows:
            users = self.el(root, "Users")
            for coder_id, name in rows:
                self.el(users, "User", guid=self.guids("coder", coder_id), name=name)

    def codes(self, root: ET.Element, with_notes: bool) -> None:
        """Nested in tree order; a parent's Description and NoteRef precede its codes."""
        c = m.codes.c
        rows = {
            r[0]: r
            for r in self.store.rows(
                select(c.id, c.name, c.description, c.color, c.parent_id, c.memo)
            )
        }
        if not rows:
            return
        codes = self.el(self.el(root, "CodeBook"), "Codes") if self.ns == PROJECT_NS else root
        made: dict[int, ET.Element] = {}
        for code_id in self.store.tree_order():
            _, name, description, color, parent_id, memo = rows[code_id]
            parent = made.get(parent_id, codes) if parent_id is not None else codes
            code = self.el(
                parent,
                "Code",
                guid=self.guids("code", code_id),
                name=name,
                isCodable="true",
                color=color[:7] if color else None,
            )
            if description:
                self.text_el(code, "Description", description)
            if memo and with_notes:
                self.note(code, "code", code_id, f"Memo of code {name}", memo)
            made[code_id] = code

    def variables(self, root: ET.Element) -> dict[int, str]:
        v = m.variables.c
        rows = self.store.rows(select(v.id, v.name, v.type, v.levels).order_by(v.id))
        kinds = {}
        if rows:
            variables = self.el(root, "Variables")
            for variable_id, name, kind, levels in rows:
                element = self.el(
                    variables,
                    "Variable",
                    guid=self.guids("variable", variable_id),
                    name=name,
                    typeOfVariable=_VARIABLE_TYPES.get(kind, "Text"),
                )
                if kind == "categorical" and levels:  # (REFI has no categorical type)
                    self.text_el(element, "Description", LEVELS_MARK + levels)
                kinds[variable_id] = kind
        return kinds

    def cases(self, root: ET.Element, kinds: dict[int, str]) -> None:
        rows = self.store.rows(
            select(m.cases.c.id, m.cases.c.name, m.cases.c.memo).order_by(m.cases.c.id)
        )
        if not rows:
            return
        values: dict[int, list[tuple[int, str]]] = {}
        for case_id, variable_id, value in self.store.rows(
            select(m.case_values.c.case_id, m.case_values.c.variable_id, m.case_values.c.value)
            .where(m.case_values.c.value.is_not(None))
            .order_by(m.case_values.c.case_id, m.case_values.c.variable_id)
        ):
            values.setdefault(case_id, []).append((variable_id, value))
        documents: dict[int, list[int]] = {}
        for doc_id, case_id in self.store.rows(
            select(m.documents.c.id, m.documents.c.case_id).order_by(m.documents.c.id)
        ):
            documents.setdefault(case_id, []).append(doc_id)
        cases = self.el(root, "Cases")
        for case_id, name, memo in rows:
            case = self.el(cases, "Case", guid=self.guids("case", case_id), name=name)
            if memo:
                self.text_el(case, "Description", memo)
            for variable_id, value in values.get(case_id, []):
                self.value(case, variable_id, kinds.get(variable_id, "text"), value)
            for doc_id in documents.get(case_id, []):
                self.el(case, "SourceRef", targetGUID=self.guids("document", doc_id))

    def value(self, parent: ET.Element, variable_id: int, kind: str, value: str) -> None:
        holder = self.el(parent, "VariableValue")
        self.el(holder, "VariableRef", targetGUID=self.guids("variable", variable_id))
        tag, written = typed_value(kind, value)
        self.text_el(holder, tag, written)

    def hypotheses(self, root: ET.Element, with_notes: bool) -> None:
        h = m.hypotheses.c
        rows = self.store.rows(
            select(h.id, h.label, h.statement, h.memo, h.description).order_by(h.position, h.id)
        )
        if not rows:
            return
        links: dict[int, list[int]] = {}
        for code_id, hypothesis_id in self.store.rows(
            select(m.code_hypotheses.c.code_id, m.code_hypotheses.c.hypothesis_id)
        ):
            links.setdefault(hypothesis_id, []).append(code_id)
        order = {code_id: n for n, code_id in enumerate(self.store.tree_order())}
        sets = self.el(root, "Sets")
        for hypothesis_id, label, statement, memo, description in rows:
            group = self.el(sets, "Set", guid=self.guids("hypothesis", hypothesis_id), name=label)
            written = HYPOTHESIS_MARK + (statement or "")
            if description:
                written += DESCRIPTION_MARK + description
            self.text_el(group, "Description", written)
            for code_id in sorted(links.get(hypothesis_id, []), key=lambda i: order.get(i, i)):
                code_guid = self.guids("code", code_id)
                if self.ns == PROJECT_NS:
                    self.el(group, "MemberCode", targetGUID=code_guid)
                else:
                    self.el(group, "MemberCode", guid=code_guid)
            if memo and with_notes:
                guid = self.guids("hypothesis_memo", hypothesis_id)
                self.notes.append((guid, f"Memo of hypothesis {label}", memo))
                self.el(group, "MemberNote", targetGUID=guid)

    def sets(self, holder: ET.Element, codes_only: bool = False) -> None:
        """qdaw's document and code sets as REFI Sets (a codebook: the code sets)."""
        rows = self.store.rows(
            select(m.sets.c.id, m.sets.c.name, m.sets.c.kind).order_by(m.sets.c.id)
        )
        members: dict[int, list[tuple[str, int]]] = {}
        for set_id, code_id in self.store.rows(select(m.set_codes.c.set_id, m.set_codes.c.code_id)):
            members.setdefault(set_id, []).append(("code", code_id))
        for set_id, doc_id in self.store.rows(
            select(m.set_documents.c.set_id, m.set_documents.c.document_id)
        ):
            members.setdefault(set_id, []).append(("document", doc_id))
        rows = [row for row in rows if not codes_only or row[2] == "code"]
        if not rows:
            return
        found = holder.find("Sets")
        container = found if found is not None else self.el(holder, "Sets")
        for set_id, name, _kind in rows:
            group = self.el(container, "Set", guid=self.guids("set", set_id), name=name)
            for member_kind, member_id in sorted(members.get(set_id, [])):
                guid = self.guids(member_kind, member_id)
                if member_kind == "code":
                    attribute = "targetGUID" if self.ns == PROJECT_NS else "guid"
                    self.el(group, "MemberCode", **{attribute: guid})
                else:
                    self.el(group, "MemberSource", targetGUID=guid)

    def notes_element(self, root: ET.Element, notes: Iterable[tuple[str, str, str]]) -> None:
        notes = list(notes)
        if notes:
            holder = self.el(root, "Notes")
            for guid, name, text in notes:
                note = self.el(holder, "Note", guid=guid, name=name)
                self.text_el(note, "PlainTextContent", text)


#: Read back by qdaw.ingest.refi.parse (the same words).
LEVELS_MARK = "qdaw categorical levels: "
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def typed_value(kind: str, value: str) -> tuple[str, str]:
    """The element and text of a value: IntegerValue / FloatValue (xsd:decimal, so
    never "1e5") when the stored text is that number, else TextValue."""
    text = value.strip()
    if kind == "boolean" and text in ("yes", "no"):
        return "BooleanValue", "true" if text == "yes" else "false"
    if kind == "date" and _ISO_DATE.match(text):
        return "DateValue", text
    try:
        if kind == "integer":
            return "IntegerValue", str(int(text))
        if kind in ("decimal", "float"):
            number = Decimal(text.replace(",", "."))
            if number.is_finite():
                return "FloatValue", format(number, "f")
    except (ValueError, InvalidOperation):
        pass
    return "TextValue", value
