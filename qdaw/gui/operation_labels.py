"""The Edit menu's and status bar's words for each kind of step, translated: built from
the operation's kind and arguments (qdaw.core.operations), never parsed from a label."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from qdaw.core.operations import Op

#: One translatable template per kind, with the arguments' names (a test checks that
#: every kind of the core has one).
TEMPLATES: dict[str, object] = {
    "code_segment": QT_TRANSLATE_NOOP("Operations", "Code segment"),
    "code_region": QT_TRANSLATE_NOOP("Operations", "Code image region"),
    "code_as": QT_TRANSLATE_NOOP("Operations", "Code as {name}"),
    "code_in_vivo": QT_TRANSLATE_NOOP("Operations", "Code in vivo {name}"),
    "remove_coding": QT_TRANSLATE_NOOP("Operations", "Remove coding"),
    "resize_segment": QT_TRANSLATE_NOOP("Operations", "Resize segment"),
    "recode_segment": QT_TRANSLATE_NOOP("Operations", "Change code to {name}"),
    "edit_project_memo": QT_TRANSLATE_NOOP("Operations", "Edit project memo"),
    "edit_memo": QT_TRANSLATE_NOOP("Operations", "Edit memo"),
    "add_case": QT_TRANSLATE_NOOP("Operations", "Add respondent {name}"),
    "rename_case": QT_TRANSLATE_NOOP("Operations", "Rename respondent to {name}"),
    "delete_case": QT_TRANSLATE_NOOP("Operations", "Delete respondent {name}"),
    "add_document": QT_TRANSLATE_NOOP("Operations", "Add document {name}"),
    "import_file": QT_TRANSLATE_NOOP("Operations", "Import {name}"),
    "import_files": QT_TRANSLATE_NOOP("Operations", "Import {count} files"),
    "rename_document": QT_TRANSLATE_NOOP("Operations", "Rename document to {name}"),
    "move_document": QT_TRANSLATE_NOOP("Operations", "Move document to another respondent"),
    "delete_document": QT_TRANSLATE_NOOP("Operations", "Delete document {name}"),
    "set_variable": QT_TRANSLATE_NOOP("Operations", "Set {name}"),
    "import_variables": QT_TRANSLATE_NOOP("Operations", "Import variables from {name}"),
    "add_variable": QT_TRANSLATE_NOOP("Operations", "Add variable {name}"),
    "delete_variable": QT_TRANSLATE_NOOP("Operations", "Delete variable {name}"),
    "set_document_variable": QT_TRANSLATE_NOOP("Operations", "Set {name}"),
    "set_levels": QT_TRANSLATE_NOOP("Operations", "Set the levels of {name}"),
    "change_variable_type": QT_TRANSLATE_NOOP("Operations", "Change the type of {name} to {type}"),
    "add_set": QT_TRANSLATE_NOOP("Operations", "Add set {name}"),
    "add_to_set": QT_TRANSLATE_NOOP("Operations", "Add to set {name}"),
    "remove_from_set": QT_TRANSLATE_NOOP("Operations", "Remove from set {name}"),
    "delete_set": QT_TRANSLATE_NOOP("Operations", "Delete set {name}"),
    "set_language": QT_TRANSLATE_NOOP("Operations", "Set language {language}"),
    "set_speaker_pattern": QT_TRANSLATE_NOOP("Operations", "Set speaker pattern"),
    "set_default_coder": QT_TRANSLATE_NOOP("Operations", "Set default coder {name}"),
    "set_title": QT_TRANSLATE_NOOP("Operations", "Set the project's title to {name}"),
    "set_stop_words": QT_TRANSLATE_NOOP("Operations", "Edit the stop words ({language})"),
    "index_text": QT_TRANSLATE_NOOP("Operations", "Index text"),
    "add_code": QT_TRANSLATE_NOOP("Operations", "Add code {name}"),
    "rename_code": QT_TRANSLATE_NOOP("Operations", "Rename code to {name}"),
    "recolour_code": QT_TRANSLATE_NOOP("Operations", "Recolour {name}"),
    "describe_code": QT_TRANSLATE_NOOP("Operations", "Describe {name}"),
    "move_code": QT_TRANSLATE_NOOP("Operations", "Move code"),
    "move_codes": QT_TRANSLATE_NOOP("Operations", "Move codes"),
    "delete_code": QT_TRANSLATE_NOOP("Operations", "Delete code {name}"),
    "merge_codes": QT_TRANSLATE_NOOP("Operations", "Merge {name} into {target}"),
    "import_codebook": QT_TRANSLATE_NOOP("Operations", "Import codebook {name}"),
    "merge": QT_TRANSLATE_NOOP("Operations", "Merge project {name}"),
    "import_qdpx": QT_TRANSLATE_NOOP("Operations", "Import {name}"),
    "add_hypothesis": QT_TRANSLATE_NOOP("Operations", "Add hypothesis {label}"),
    "edit_hypothesis": QT_TRANSLATE_NOOP("Operations", "Edit hypothesis {label}"),
    "delete_hypothesis": QT_TRANSLATE_NOOP("Operations", "Delete hypothesis {label}"),
    "link_code": QT_TRANSLATE_NOOP("Operations", "Link {name} to {label}"),
    "link_codes": QT_TRANSLATE_NOOP("Operations", "Link {count} codes to {label}"),
    "unlink_code": QT_TRANSLATE_NOOP("Operations", "Unlink {name} from {label}"),
    "autocode": QT_TRANSLATE_NOOP("Operations", "Autocode {name}"),
    "apply_rules": QT_TRANSLATE_NOOP("Operations", "Apply rules {name}"),
    "detect_names": QT_TRANSLATE_NOOP("Operations", "Detect names"),
    "accept_name": QT_TRANSLATE_NOOP("Operations", "Accept name {name}"),
    "reject_name": QT_TRANSLATE_NOOP("Operations", "Reject name {name}"),
    "add_name": QT_TRANSLATE_NOOP("Operations", "Add name {name}"),
    "set_pseudonym": QT_TRANSLATE_NOOP("Operations", "Set pseudonym of {name}"),
}


def label_of(operation: Op | None, fallback: str = "") -> str:
    """The step's words in the interface's language ("Renommer le code en Évaluation");
    a script's own batch keeps its own words."""
    if operation is None:
        return fallback
    template = TEMPLATES.get(operation.kind)
    if template is None:  # a named batch
        return operation.arguments.get("label", fallback) or fallback
    text = QCoreApplication.translate("Operations", str(template))
    try:
        return text.format(**operation.arguments)
    except (KeyError, IndexError):  # a translation that lost a placeholder
        return operation.label
