"""Operations as data: every change is a kind, its arguments and the areas it changes.

The core names a step ``op("rename_code", name="Évaluation")``; the log keeps the kind
and the arguments beside the English label built from them, so that the workbench
writes its own (translated) "Undo …" from the kind, and refreshes the panels of the
areas a change touched, without reading the label back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Area(StrEnum):
    """What a change is about, for the panels that show it."""

    CODEBOOK = "codebook"  # codes: names, colours, tree, descriptions
    CODING = "coding"  # segments, their memos and coders
    DOCUMENTS = "documents"  # documents and their texts
    CASES = "cases"  # respondents
    VARIABLES = "variables"  # respondents' variables and values
    HYPOTHESES = "hypotheses"  # hypotheses and their links to codes
    NAMES = "names"  # names found for anonymisation
    TEXT_INDEX = "text_index"  # sentences, speaker turns, words
    PROJECT = "project"  # the project's own settings and memo
    SETS = "sets"  # document and code sets and their members


A = Area
#: What bringing in another project (a merge, a REFI-QDA import) may change.
WHOLE_PROJECT = (A.CODEBOOK, A.CODING, A.DOCUMENTS, A.CASES, A.VARIABLES, A.HYPOTHESES,
                 A.PROJECT, A.SETS)  # fmt: skip


@dataclass(frozen=True)
class Kind:
    template: str  # English, with the arguments' names: "Rename code to {name}"
    areas: frozenset[Area]


def _kind(template: str, *areas: Area) -> Kind:
    return Kind(template, frozenset(areas))


#: Every kind of step; the workbench has a translated template for each (a test checks).
KINDS: dict[str, Kind] = {
    "code_segment": _kind("Code segment", A.CODING),
    "code_region": _kind("Code image region", A.CODING),
    "code_as": _kind("Code as {name}", A.CODING, A.CODEBOOK),
    "code_in_vivo": _kind("Code in vivo {name}", A.CODING, A.CODEBOOK),
    "remove_coding": _kind("Remove coding", A.CODING),
    "resize_segment": _kind("Resize segment", A.CODING),
    "recode_segment": _kind("Change code to {name}", A.CODING, A.CODEBOOK),
    "edit_project_memo": _kind("Edit project memo", A.PROJECT),
    "edit_memo": _kind(
        "Edit memo of {target}", A.CODING, A.CODEBOOK, A.DOCUMENTS, A.CASES, A.HYPOTHESES
    ),
    "add_case": _kind("Add case {name}", A.CASES),
    "rename_case": _kind("Rename case to {name}", A.CASES),
    "delete_case": _kind("Delete case {name}", A.CASES, A.DOCUMENTS, A.CODING, A.VARIABLES, A.SETS),
    "add_document": _kind("Add document {name}", A.DOCUMENTS, A.CASES),
    "import_file": _kind("Import {name}", A.DOCUMENTS, A.CASES),
    "import_files": _kind("Import {count} files", A.DOCUMENTS, A.CASES),
    "rename_document": _kind("Rename document to {name}", A.DOCUMENTS),
    "move_document": _kind("Move document to another case", A.DOCUMENTS, A.CASES),
    "delete_document": _kind("Delete document {name}", A.DOCUMENTS, A.CODING, A.VARIABLES, A.SETS),
    "set_variable": _kind("Set {name}", A.VARIABLES),
    "import_variables": _kind("Import variables from {name}", A.VARIABLES, A.CASES),
    "add_variable": _kind("Add variable {name}", A.VARIABLES),
    "delete_variable": _kind("Delete variable {name}", A.VARIABLES),
    "set_document_variable": _kind("Set {name}", A.VARIABLES),
    "set_levels": _kind("Set the levels of {name}", A.VARIABLES),
    "change_variable_type": _kind("Change the type of {name} to {type}", A.VARIABLES),
    "add_set": _kind("Add set {name}", A.SETS),
    "add_to_set": _kind("Add to set {name}", A.SETS),
    "remove_from_set": _kind("Remove from set {name}", A.SETS),
    "delete_set": _kind("Delete set {name}", A.SETS),
    "set_language": _kind("Set language {language}", A.PROJECT, A.TEXT_INDEX),
    "set_speaker_pattern": _kind("Set speaker pattern", A.PROJECT, A.TEXT_INDEX),
    "set_default_coder": _kind("Set default coder {name}", A.PROJECT),
    "set_title": _kind("Set the project's title to {name}", A.PROJECT),
    "set_stop_words": _kind("Edit the stop words ({language})", A.PROJECT),
    "index_text": _kind("Index text", A.TEXT_INDEX),
    "add_code": _kind("Add code {name}", A.CODEBOOK),
    "rename_code": _kind("Rename code to {name}", A.CODEBOOK),
    "recolour_code": _kind("Recolour {name}", A.CODEBOOK),
    "describe_code": _kind("Describe {name}", A.CODEBOOK),
    "move_code": _kind("Move code {name}", A.CODEBOOK),
    "move_codes": _kind("Move codes", A.CODEBOOK),
    "delete_code": _kind("Delete code {name}", A.CODEBOOK, A.CODING, A.HYPOTHESES, A.SETS),
    "merge_codes": _kind("Merge {name} into {target}", A.CODEBOOK, A.CODING, A.HYPOTHESES, A.SETS),
    "import_codebook": _kind("Import codebook {name}", A.CODEBOOK, A.HYPOTHESES),
    "add_hypothesis": _kind("Add hypothesis {label}", A.HYPOTHESES),
    "edit_hypothesis": _kind("Edit hypothesis {label}", A.HYPOTHESES),
    "delete_hypothesis": _kind("Delete hypothesis {label}", A.HYPOTHESES),
    "link_code": _kind("Link {name} to {label}", A.HYPOTHESES),
    "link_codes": _kind("Link {count} codes to {label}", A.HYPOTHESES),
    "unlink_code": _kind("Unlink {name} from {label}", A.HYPOTHESES),
    "autocode": _kind("Autocode {name}", A.CODING, A.CODEBOOK),
    "apply_rules": _kind("Apply rules {name}", A.CODING, A.CODEBOOK),
    "merge": _kind("Merge project {name}", *WHOLE_PROJECT),
    "import_qdpx": _kind("Import {name}", *WHOLE_PROJECT),
    "detect_names": _kind("Detect names", A.NAMES),
    "accept_name": _kind("Accept name {name}", A.NAMES),
    "reject_name": _kind("Reject name {name}", A.NAMES),
    "add_name": _kind("Add name {name}", A.NAMES),
    "set_pseudonym": _kind("Set pseudonym of {name}", A.NAMES),
    # A batch a script names itself (``with p.batch("Sample coding")``): its own words.
    "batch": _kind("{label}", *Area),
}


@dataclass(frozen=True)
class Op:
    """One step as data: ``Op("rename_code", (("name", "Évaluation"),))``."""

    kind: str
    args: tuple[tuple[str, str], ...] = field(default=())

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind of operation {self.kind!r}")

    @property
    def arguments(self) -> dict[str, str]:
        return dict(self.args)

    @property
    def label(self) -> str:
        """The English label: "Rename code to Évaluation"."""
        return KINDS[self.kind].template.format(**self.arguments)

    @property
    def areas(self) -> frozenset[Area]:
        return KINDS[self.kind].areas

    def to_json(self) -> str:
        return json.dumps(self.arguments, ensure_ascii=False)

    @classmethod
    def from_log(cls, kind: str | None, args: str | None, label: str) -> Op:
        """A logged step (one logged before kinds existed is a named batch)."""
        if kind is None or kind not in KINDS:
            return op("batch", label=label)
        return cls(kind, tuple(sorted(json.loads(args or "{}").items())))


def op(kind: str, **args: object) -> Op:
    """An operation of ``kind`` with its arguments (kept as text)."""
    return Op(kind, tuple(sorted((name, str(value)) for name, value in args.items())))


def as_op(label: str | Op) -> Op:
    """A step's operation: a plain label names a batch."""
    return label if isinstance(label, Op) else op("batch", label=label)


#: The areas each table's rows belong to (for another writer's changes, known by table).
TABLE_AREAS: Mapping[str, frozenset[Area]] = {
    "segments": frozenset({A.CODING}),
    "coders": frozenset({A.CODING}),
    "codes": frozenset({A.CODEBOOK}),
    "code_hypotheses": frozenset({A.HYPOTHESES}),
    "hypotheses": frozenset({A.HYPOTHESES}),
    "documents": frozenset({A.DOCUMENTS}),
    "document_texts": frozenset({A.DOCUMENTS}),
    "document_marks": frozenset({A.DOCUMENTS}),
    "document_images": frozenset({A.DOCUMENTS}),
    "cases": frozenset({A.CASES}),
    "variables": frozenset({A.VARIABLES}),
    "case_values": frozenset({A.VARIABLES}),
    "document_values": frozenset({A.VARIABLES}),
    "sets": frozenset({A.SETS}),
    "set_documents": frozenset({A.SETS}),
    "set_codes": frozenset({A.SETS}),
    "entities": frozenset({A.NAMES}),
    "text_units": frozenset({A.TEXT_INDEX}),
    "tokens": frozenset({A.TEXT_INDEX}),
    "meta": frozenset({A.PROJECT}),
}


def areas_of(tables: Iterable[str]) -> frozenset[Area]:
    found: set[Area] = set()
    for table in tables:
        found |= TABLE_AREAS.get(table, frozenset())
    return frozenset(found)
