"""Undo labels come from the core in English; the Edit menu shows them translated."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication


def _patterns() -> list[tuple[re.Pattern[str], str]]:
    # (core label pattern, translatable template with the same named groups)
    return [
        (
            re.compile(r"^Autocode (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Autocode {x}"),
        ),
        (
            re.compile(r"^Apply rules (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Apply rules {x}"),
        ),
        (
            re.compile(r"^Detect names$"),
            QCoreApplication.translate("OperationLabels", "Detect names"),
        ),
        (
            re.compile(r"^Index text$"),
            QCoreApplication.translate("OperationLabels", "Index text"),
        ),
        (
            re.compile(r"^Accept name (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Accept name {x}"),
        ),
        (
            re.compile(r"^Reject name (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Reject name {x}"),
        ),
        (
            re.compile(r"^Add name (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Add name {x}"),
        ),
        (
            re.compile(r"^Set pseudonym of (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Set pseudonym of {x}"),
        ),
        (
            re.compile(r"^Rename code to (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Rename code to {x}"),
        ),
        (
            re.compile(r"^Rename case to (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Rename respondent to {x}"),
        ),
        (
            re.compile(r"^Rename document to (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Rename document to {x}"),
        ),
        (
            re.compile(r"^Add code (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Add code {x}"),
        ),
        (
            re.compile(r"^Add case (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Add respondent {x}"),
        ),
        (
            re.compile(r"^Add document (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Add document {x}"),
        ),
        (
            re.compile(r"^Add hypothesis (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Add hypothesis {x}"),
        ),
        (
            re.compile(r"^Add variable (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Add variable {x}"),
        ),
        (
            re.compile(r"^Delete code (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Delete code {x}"),
        ),
        (
            re.compile(r"^Delete case (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Delete respondent {x}"),
        ),
        (
            re.compile(r"^Delete document (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Delete document {x}"),
        ),
        (
            re.compile(r"^Delete hypothesis (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Delete hypothesis {x}"),
        ),
        (
            re.compile(r"^Delete variable (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Delete variable {x}"),
        ),
        (
            re.compile(r"^Edit hypothesis (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Edit hypothesis {x}"),
        ),
        (
            re.compile(r"^Recolour (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Recolour {x}"),
        ),
        (
            re.compile(r"^Describe (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Describe {x}"),
        ),
        (
            re.compile(r"^Merge (?P<x>.+) into (?P<y>.+)$"),
            QCoreApplication.translate("OperationLabels", "Merge {x} into {y}"),
        ),
        (
            re.compile(r"^Link (?P<x>.+) to (?P<y>.+)$"),
            QCoreApplication.translate("OperationLabels", "Link {x} to {y}"),
        ),
        (
            re.compile(r"^Unlink (?P<x>.+) from (?P<y>.+)$"),
            QCoreApplication.translate("OperationLabels", "Unlink {x} from {y}"),
        ),
        (
            re.compile(r"^Change code to (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Change code to {x}"),
        ),
        (
            re.compile(r"^Import variables from (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Import variables from {x}"),
        ),
        (
            re.compile(r"^Import codebook (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Import codebook {x}"),
        ),
        (
            re.compile(r"^Import (?P<n>\d+) files$"),
            QCoreApplication.translate("OperationLabels", "Import {n} files"),
        ),
        (
            re.compile(r"^Import (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Import {x}"),
        ),
        (re.compile(r"^Set (?P<x>.+)$"), QCoreApplication.translate("OperationLabels", "Set {x}")),
        (re.compile(r"^Move code$"), QCoreApplication.translate("OperationLabels", "Move code")),
        (re.compile(r"^Move codes$"), QCoreApplication.translate("OperationLabels", "Move codes")),
        (
            re.compile(r"^Move document to another case$"),
            QCoreApplication.translate("OperationLabels", "Move document to another respondent"),
        ),
        (
            re.compile(r"^Code segment$"),
            QCoreApplication.translate("OperationLabels", "Code segment"),
        ),
        (
            re.compile(r"^Remove coding$"),
            QCoreApplication.translate("OperationLabels", "Remove coding"),
        ),
        (
            re.compile(r"^Resize segment$"),
            QCoreApplication.translate("OperationLabels", "Resize segment"),
        ),
        (
            re.compile(r"^Edit project memo$"),
            QCoreApplication.translate("OperationLabels", "Edit project memo"),
        ),
        (
            re.compile(r"^Edit memo of (?P<x>.+)$"),
            QCoreApplication.translate("OperationLabels", "Edit memo"),
        ),
    ]


def translated(label: str) -> str:
    for pattern, template in _patterns():
        match = pattern.match(label)
        if match:
            return template.format(**match.groupdict())
    return label
