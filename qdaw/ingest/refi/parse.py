"""REFI-QDA elements to plain data (qdaw.ingest.refi.model); texts are read later.

Namespaces are gone (qdaw.ingest.refi.tree), GUIDs are compared in lower case without
braces (exporters write either case, and ``{…}``), and every element qdaw cannot hold
is counted in ``unsupported`` instead of being dropped silently.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from qdaw.ingest.limits import Unreadable
from qdaw.ingest.refi.model import (
    RefiCase,
    RefiCode,
    RefiCoding,
    RefiProject,
    RefiSelection,
    RefiSet,
    RefiSource,
    RefiVariable,
)

TYPES = {
    "text": "text",
    "integer": "integer",
    "float": "decimal",
    "boolean": "boolean",
    "date": "date",
}
VALUE_TAGS = ("TextValue", "IntegerValue", "FloatValue", "BooleanValue", "DateValue",
              "DateTimeValue")  # fmt: skip
MEDIA = {"PDFSource": "PDF", "AudioSource": "audio", "VideoSource": "video"}
MEDIA_SELECTIONS = ("PDFSelection", "PictureSelection", "AudioSelection", "VideoSelection",
                    "Transcript", "TranscriptSelection")  # fmt: skip


def guid(value: str | None) -> str:
    return (value or "").strip().strip("{}").casefold()


def _text(element: Element | None) -> str | None:
    if element is None:
        return None
    text = "".join(element.itertext()).strip()
    return text or None


def _child(element: Element, tag: str) -> Element | None:
    return element.find(tag)


def _all(element: Element | None, *path: str) -> list[Element]:
    if element is None:
        return []
    return element.findall("/".join(path))


def _refs(element: Element, tag: str = "NoteRef") -> list[str]:
    return [guid(ref.get("targetGUID")) for ref in element.findall(tag)]


def _position(selection: Element, name: str) -> int:
    raw = selection.get(name)
    try:
        return int(str(raw).strip())
    except ValueError as exc:
        where = selection.get("guid") or selection.get("name") or "?"
        raise Unreadable(f"damaged project: selection {where} has {name}={raw!r}") from exc


def read_codes(parent: Element | None, project: RefiProject, above: str | None = None) -> None:
    """Codes depth first, so a parent always comes before its children."""
    for element in _all(parent, "Code"):
        code = RefiCode(
            guid=guid(element.get("guid")),
            name=(element.get("name") or "").strip() or "(unnamed code)",
            parent=above,
            color=element.get("color"),
            description=_text(_child(element, "Description")),
            codable=(element.get("isCodable") or "true").strip().lower() != "false",
            notes=_refs(element),
        )
        project.codes.append(code)
        read_codes(element, project, code.guid)


def _values(element: Element) -> dict[str, str]:
    values: dict[str, str] = {}
    for value in element.findall("VariableValue"):
        ref = value.find("VariableRef")
        target = guid(ref.get("targetGUID") if ref is not None else value.get("targetGUID"))
        for tag in VALUE_TAGS:
            found = value.find(tag)
            if found is not None and (found.text or "").strip():
                values[target] = (found.text or "").strip()
    return values


def _selection(element: Element) -> RefiSelection:
    codings = []
    for coding in element.findall("Coding"):
        ref = coding.find("CodeRef")
        if ref is not None:
            codings.append(
                RefiCoding(guid(ref.get("targetGUID")), guid(coding.get("creatingUser")))
            )
    return RefiSelection(
        guid=guid(element.get("guid")),
        start=_position(element, "startPosition"),
        end=_position(element, "endPosition"),
        user=guid(element.get("creatingUser")) or None,
        codings=codings,
        description=_text(_child(element, "Description")),
        notes=_refs(element),
    )


def read_sources(sources: Element | None, project: RefiProject) -> None:
    for element in list(sources) if sources is not None else []:
        tag = element.tag
        if tag == "PictureSource":
            project.sources.append(_picture(element))
            continue
        if tag in MEDIA:
            project.skip(f"{MEDIA[tag]} source")
            for selection in element:
                if selection.tag.endswith("Selection") or selection.tag == "Transcript":
                    project.skip(f"{MEDIA[tag]} selection")
            # (selections in a PDF's text representation belong to the PDF too)
            project.skip(
                f"{MEDIA[tag]} text selection", len(list(element.iter("PlainTextSelection")))
            )
            continue
        if tag != "TextSource":
            continue
        source = RefiSource(
            guid=guid(element.get("guid")),
            name=(element.get("name") or "").strip(),
            path=element.get("plainTextPath"),
            content=_text(_child(element, "PlainTextContent")),
            description=_text(_child(element, "Description")),
            values=_values(element),
            notes=_refs(element),
        )
        for selection in element.findall("PlainTextSelection"):
            source.selections.append(_selection(selection))
        project.sources.append(source)


def _picture(element: Element) -> RefiSource:
    """A picture with its rectangles (qdaw codes regions of PNG and JPEG images)."""
    source = RefiSource(
        guid=guid(element.get("guid")),
        name=(element.get("name") or "").strip(),
        path=element.get("path"),
        content=None,
        description=_text(_child(element, "Description")),
        values=_values(element),
        notes=_refs(element),
        picture=True,
    )
    for selection in element.findall("PictureSelection"):
        corners = [_position(selection, f"{axis}") for axis in
                   ("firstX", "firstY", "secondX", "secondY")]  # fmt: skip
        x1, y1, x2, y2 = corners
        codings = []
        for coding in selection.findall("Coding"):
            ref = coding.find("CodeRef")
            if ref is not None:
                user = guid(coding.get("creatingUser")) or None
                codings.append(RefiCoding(guid(ref.get("targetGUID")), user))
        source.selections.append(
            RefiSelection(
                guid=guid(selection.get("guid")), start=0, end=0,
                user=guid(selection.get("creatingUser")) or None, codings=codings,
                description=_text(_child(selection, "Description")), notes=_refs(selection),
                region=(min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1)),
            )
        )  # fmt: skip
    return source


def read_project_element(root: Element, fallback_name: str) -> RefiProject:
    if root.tag not in ("Project", "CodeBook"):
        raise Unreadable(f"not a REFI-QDA project or codebook (its root is <{root.tag}>)")
    project = RefiProject(origin=root.get("origin") or "", name=root.get("name") or fallback_name)
    if root.tag == "CodeBook":
        read_codes(_child(root, "Codes"), project)
        _read_sets(root, project, "guid")
        return project
    project.description = _text(_child(root, "Description"))
    project.project_notes = _refs(root)
    for user in _all(root, "Users", "User"):
        project.users[guid(user.get("guid"))] = (user.get("name") or "").strip() or "unknown"
    read_codes(_child(_child(root, "CodeBook") or Element("x"), "Codes"), project)
    for variable in _all(root, "Variables", "Variable"):
        project.variables.append(_variable(variable, project))
    for case in _all(root, "Cases", "Case"):
        project.cases.append(
            RefiCase(
                guid=guid(case.get("guid")),
                name=(case.get("name") or "").strip() or None,
                description=_text(_child(case, "Description")),
                sources=_refs(case, "SourceRef"),
                values=_values(case),
                notes=_refs(case),
            )
        )
    read_sources(_child(root, "Sources"), project)
    for note in _all(root, "Notes", "Note"):
        text = _text(_child(note, "PlainTextContent")) or _text(_child(note, "Description"))
        project.notes[guid(note.get("guid"))] = text or (note.get("name") or "").strip()
    _read_sets(root, project, "targetGUID")
    project.skip("link", len(_all(root, "Links", "Link")))
    project.skip("graph", len(_all(root, "Graphs", "Graph")))
    return project


#: How qdaw writes a categorical variable's levels in its Description (REFI has no
#: categorical type: other tools see a text variable and the levels as its description).
LEVELS_MARK = "qdaw categorical levels: "


def _variable(element: Element, project: RefiProject) -> RefiVariable:
    import json

    declared = (element.get("typeOfVariable") or "Text").strip()
    kind = TYPES.get(declared.casefold())
    name = (element.get("name") or "").strip()
    if kind is None:
        project.remarks.append(f"variable {name!r}: type {declared} kept as text")
    description = _text(_child(element, "Description")) or ""
    levels = None
    if kind == "text" and description.startswith(LEVELS_MARK):
        try:
            found = json.loads(description[len(LEVELS_MARK) :])
        except ValueError:
            found = None
        if isinstance(found, list) and found and all(isinstance(x, str) for x in found):
            kind, levels = "categorical", found
    return RefiVariable(guid(element.get("guid")), name, kind or "text", levels)


def _read_sets(root: Element, project: RefiProject, attribute: str) -> None:
    for element in _all(root, "Sets", "Set"):
        project.sets.append(
            RefiSet(
                guid=guid(element.get("guid")),
                name=(element.get("name") or "").strip(),
                description=_text(_child(element, "Description")),
                codes=[guid(m.get(attribute) or m.get("targetGUID") or m.get("guid"))
                       for m in element.findall("MemberCode")],
                sources=[guid(m.get("targetGUID") or m.get("guid"))
                         for m in element.findall("MemberSource")],
                notes=[*_refs(element), *_refs(element, "MemberNote")],
            )
        )  # fmt: skip
