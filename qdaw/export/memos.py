"""The memos as a document to read (DOCX, Markdown) or a table (CSV): grouped by kind
under headings, a segment's memo under the passage it annotates, a code's with its k/N.

Memos are the researcher's own prose (plain text or Markdown), so the Markdown file
keeps them as written; passages from the interviews are quoted exactly, escaped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qdaw.analysis.memos import KINDS
from qdaw.errors import QdawError

if TYPE_CHECKING:
    import pandas as pd

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Memos — {project}", "project": "Project memo", "document": "Documents",
        "respondent": "Respondents", "code": "Codes", "hypothesis": "Hypotheses",
        "segment": "Coded passages", "count": "{k}/{n} respondents, {segments} passages",
        "coded_by": "coded by {coder}", "author": "created by {coder}",
        "passage": "{document} ({respondent}), characters {start}–{end}",
        "region": "{document} ({respondent}), an image region", "none": "No memo.",
        "of": "respondent {respondent}",
    },
    "fr": {
        "title": "Mémos — {project}", "project": "Mémo du projet", "document": "Documents",
        "respondent": "Répondants", "code": "Codes", "hypothesis": "Hypothèses",
        "segment": "Passages codés", "count": "{k}/{n} répondants, {segments} passages",
        "coded_by": "codé par {coder}", "author": "créé par {coder}",
        "passage": "{document} ({respondent}), caractères {start} à {end}",
        "region": "{document} ({respondent}), une région d’image", "none": "Aucun mémo.",
        "of": "répondant {respondent}",
    },
}  # fmt: skip
FORMATS = (".docx", ".md", ".csv")


@dataclass
class MemoItem:
    heading: str
    details: list[str] = field(default_factory=list)
    quote: str | None = None  # the passage a segment's memo is about
    memo: str = ""


@dataclass
class MemoSection:
    heading: str
    items: list[MemoItem]


def _int(value: Any) -> int:
    return int(value)


def memo_sections(
    frame: pd.DataFrame, lang: str, counts: dict[int, tuple[int, int]], total: int
) -> list[MemoSection]:
    """The memos as headed sections, one per kind present, in the list's order."""
    text = LABELS[lang]
    sections = []
    for kind in KINDS:
        rows = frame[frame["kind"] == kind]
        if rows.empty:
            continue
        items = []
        for row in rows.itertuples(index=False):
            item = MemoItem(str(row.name), memo=str(row.memo).strip())
            if kind == "project":
                item.heading = text["project"]
            elif kind == "document":
                item.details.append(text["of"].format(respondent=row.respondent))
            elif kind == "code":
                segments, k = counts.get(_int(row.id), (0, 0))
                item.details.append(text["count"].format(k=k, n=total, segments=segments))
                if row.coder:
                    item.details.append(text["author"].format(coder=row.coder))
            elif kind == "segment":
                where = "passage" if row.text else "region"
                place = {"document": row.document, "respondent": row.respondent,
                         "start": row.start, "end": row.end}  # fmt: skip
                item.details.append(text[where].format(**place))
                if row.coder:
                    item.details.append(text["coded_by"].format(coder=row.coder))
                item.quote = str(row.text) if row.text else None
            items.append(item)
        sections.append(MemoSection(text["project"] if kind == "project" else text[kind], items))
    return sections


def _docx(title: str, sections: list[MemoSection], lang: str, path: Path) -> None:
    from docx import Document

    document = Document()
    ids = {name: document.styles[name].style_id
           for name in ("Title", "Heading 1", "Heading 2", "Intense Quote")}  # fmt: skip
    # python-docx looks for the section properties after each paragraph it adds, and
    # for the default style each time one is set: 20,000 memos took minutes. Each
    # paragraph goes in before an end mark instead, its style id set directly.
    end = document.add_paragraph()

    def add(text: str, style: str | None = None) -> Any:
        paragraph = end.insert_paragraph_before(text)
        if style is not None:
            paragraph._p.style = ids[style]
        return paragraph

    add(title, "Title")
    if not sections:
        add(LABELS[lang]["none"])
    for section in sections:
        add(section.heading, "Heading 1")
        for item in section.items:
            if section.heading != item.heading:
                add(item.heading, "Heading 2")
            if item.details:
                add(" · ".join(item.details)).runs[0].italic = True
            if item.quote:
                add(f"« {item.quote} »" if lang == "fr" else f"“{item.quote}”", "Intense Quote")
            for paragraph in item.memo.split("\n\n"):
                add(paragraph.strip())
    end._p.getparent().remove(end._p)
    document.save(str(path))


def _markdown(title: str, sections: list[MemoSection], lang: str, path: Path) -> None:
    from qdaw.export.report_markdown import md_lines, md_text

    lines = [f"# {md_text(title)}", ""]
    if not sections:
        lines += [LABELS[lang]["none"], ""]
    for section in sections:
        lines += [f"## {md_text(section.heading)}", ""]
        for item in section.items:
            if section.heading != item.heading:
                lines += [f"### {md_text(item.heading)}", ""]
            if item.details:
                lines += ["*" + md_text(" · ".join(item.details)) + "*", ""]
            if item.quote:
                lines += [*md_lines(item.quote, "> "), ""]
            lines += [item.memo, ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def write_memos(
    frame: pd.DataFrame,
    path: str | Path,
    title: str,
    lang: str,
    counts: dict[int, tuple[int, int]],
    total: int,
) -> Path:
    """Write the memos by the file's extension; complete or not at all."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise QdawError(f"{path}: memos are written as {', '.join(FORMATS)}, not {suffix!r}")
    if lang not in LABELS:
        raise QdawError(f"memo export language must be one of {', '.join(LABELS)}, not {lang!r}")
    if not path.parent.is_dir():
        raise QdawError(f"{path}: folder {path.parent} does not exist")
    partial = path.with_name(f".{path.name}.partial")
    try:
        if suffix == ".csv":
            frame.to_csv(partial, index=False, encoding="utf-8-sig")  # (Excel reads accents)
        else:
            sections = memo_sections(frame, lang, counts, total)
            heading = LABELS[lang]["title"].format(project=title)
            (_docx if suffix == ".docx" else _markdown)(heading, sections, lang, partial)
        partial.replace(path)
    except OSError as exc:
        raise QdawError(f"{path}: cannot write the memos: {exc.strerror or exc}") from exc
    finally:
        partial.unlink(missing_ok=True)
    return path
