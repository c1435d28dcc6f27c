"""The hypotheses report as a Word document (python-docx)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qdaw.export.report import ReportDocument, percent, source_of

if TYPE_CHECKING:
    from qdaw.analysis.hypotheses import HypothesisReport


class _Document:
    """python-docx's document with its styles looked up once. Setting a style by name
    scans every style for it and again for the default one: a report of 300 codes sets
    some 2,000 and spent a third of its time there. Each id is set as python-docx's own
    setters do once they have found it."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.ids: dict[str, str] = {}

    def style_id(self, name: str) -> str:
        if name not in self.ids:
            self.ids[name] = self.document.styles[name].style_id
        return self.ids[name]

    def add_heading(self, text: str, level: int) -> Any:
        return self.add_paragraph(text, "Title" if level == 0 else f"Heading {level}")

    def add_paragraph(self, text: str = "", style: str | None = None) -> Any:
        paragraph = self.document.add_paragraph(text)
        if style is not None:
            paragraph._p.style = self.style_id(style)
        return paragraph

    def __getattr__(self, name: str) -> Any:
        return getattr(self.document, name)


def _table(document: Any, header: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows) + 1, cols=len(header))
    table._tbl.tblStyle_val = document.style_id("Light Grid Accent 1")
    # python-docx looks cells up slowly; fetch each row's cells once.
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row, values in zip(table.rows[1:], rows, strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text


def _hypothesis(document: Any, doc: ReportDocument, report: HypothesisReport) -> None:
    from docx.shared import Inches

    document.add_heading(report.heading, level=1)
    if report.description:
        document.add_paragraph(report.description).runs[0].italic = True
    if report.cases_with:
        document.add_paragraph(
            doc.kind_text(
                report,
                "supported",
                ratio=report.ratio,
                pct=percent(report.pct_cases),
                names=", ".join(report.cases_with),
            )
        )
    else:
        document.add_paragraph(doc.text("none_supported"))
    if report.cases_without:
        document.add_paragraph(
            doc.kind_text(report, "without", names=", ".join(report.cases_without))
        )
    if report.codes.empty:
        document.add_paragraph(doc.text("no_codes"))
        return
    chart = doc.hypothesis_chart(report)
    if chart:
        document.add_picture(io.BytesIO(chart), width=Inches(6.0))
    rows = doc.code_rows(report)
    for category, positions in doc.category_groups(report):
        level = 2
        if category:  # the codebook's categories as headings, their codes below
            document.add_heading(category, level=2)
            level = 3
        _table(document, doc.codes_header(), [rows[i] for i in positions])
        names = [rows[i][0] for i in positions]
        quotes = report.quotes[report.quotes["code"].isin(names)]
        if not quotes.empty:
            document.add_heading(doc.text("quotes"), level=level)
            _quotes(document, doc, quotes, level + 1)
    memos = doc.memos(report)
    if memos:
        document.add_heading(doc.text("memos"), level=2)
        for who, text in memos:
            paragraph = document.add_paragraph(style="List Bullet")
            paragraph.add_run(f"{who} : " if doc.lang == "fr" else f"{who}: ").bold = True
            paragraph.add_run(text)


def _quotes(document: Any, doc: ReportDocument, quotes: Any, level: int) -> None:
    for code, group in quotes.groupby("code", sort=False):
        document.add_heading(str(code), level=level)
        for quote in group.to_dict("records"):
            crop = doc.crop(quote)
            if crop is not None:  # a region of an image: its picture, then its source
                document.add_picture(io.BytesIO(crop), width=_crop_width(crop))
                document.add_paragraph(f"— {source_of(quote)}", style="Quote")
                continue
            paragraph = document.add_paragraph(style="Quote")
            paragraph.add_run(f"« {quote['text']} »" if doc.lang == "fr" else f"“{quote['text']}”")
            paragraph.add_run(f" — {source_of(quote)}").bold = True


def _crop_width(png: bytes) -> Any:
    """At most the page's width (6 inches), at 96 pixels an inch below it."""
    from docx.shared import Inches

    width = int.from_bytes(png[16:20], "big")  # the PNG header's width
    return Inches(min(6.0, max(width, 1) / 96))


def write_docx(doc: ReportDocument, path: Path, final: Path) -> None:
    import docx
    from docx.shared import Inches

    document = _Document(docx.Document())
    document.core_properties.title = f"{doc.text('title')} — {doc.project}"
    document.add_heading(f"{doc.text('title')} — {doc.project}", level=0)
    document.add_paragraph(doc.meta_line())
    document.add_heading(doc.text("overview"), level=1)
    _table(document, doc.overview_header(), doc.overview_rows())
    if len(doc.summary):
        document.add_picture(io.BytesIO(doc.overview_chart()), width=Inches(6.0))
    for report in doc.hypotheses:
        _hypothesis(document, doc, report)
    document.add_heading(doc.text("method"), level=1)
    for line in doc.method_lines():
        document.add_paragraph(line, style="List Bullet")
    document.save(str(path))
