"""The hypotheses report as Markdown, its charts as PNG files in a folder beside it.

Everything users wrote (quotes, code names, labels, memos, case names) is shown as
typed: a "*", "_", "#", "[x](y)", "<b>" or "|" in an interview is not formatting, a link
or a table cell border, and a quote of several lines stays inside its "> " block.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from qdaw.export.filenames import UniqueNames
from qdaw.export.report import ReportDocument, percent, source_of

if TYPE_CHECKING:
    from qdaw.analysis.hypotheses import HypothesisReport

# Characters with a meaning anywhere in a line (CommonMark; GitHub's tables,
# strikethrough and $formulas$); a backslash before ASCII punctuation shows it as is.
_INLINE = re.compile(r"([\\`*_\[\]<>&|~#$])")
# At the start of a line: list items ("- ", "+ ", "1. ", "1) ") and setext underlines.
_LINE_START = re.compile(r"^(?:([-+=])|(\d{1,9})([.)]))")


def _escape_line(line: str) -> str:
    line = _INLINE.sub(r"\\\1", line.strip())
    return _LINE_START.sub(
        lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", line
    )


def md_text(text: object) -> str:
    """User text on one line of Markdown (a heading, a cell, a list item), as typed."""
    return _escape_line(" ".join(str(text).split()))


def md_lines(text: object, prefix: str = "", first: str | None = None) -> list[str]:
    """User text of several lines, each kept: lines are joined by hard breaks, blank
    lines part paragraphs, and every line carries ``prefix`` (the first ``first``)."""
    lines = [_escape_line(line) for line in str(text).splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    out: list[str] = []
    for index, line in enumerate(lines):
        follows = index + 1 < len(lines) and lines[index + 1]
        start = first if first is not None and not out else prefix
        out.append((start + line + ("\\" if line and follows else "")).rstrip())
    return out or [(first if first is not None else prefix).rstrip()]


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(map(md_text, header)) + " |"]
    lines.append("|" + "|".join("---" for _ in header) + "|")
    lines += ["| " + " | ".join(map(md_text, row)) + " |" for row in rows]
    return [*lines, ""]


def _image(alt: str, folder: str, name: str) -> str:
    return f"![{md_text(alt)}]({quote(f'{folder}/{name}')})"


def _hypothesis(
    doc: ReportDocument,
    report: HypothesisReport,
    chart_path: str | None,
    region_image: Callable[[Mapping[Any, Any]], str | None] = lambda _quote: None,
) -> list[str]:
    lines = [f"## {md_text(report.heading)}", ""]
    if report.description:
        lines += [f"*{md_text(report.description)}*", ""]
    if report.cases_with:
        names = ", ".join(report.cases_with)
        pct = percent(report.pct_cases)
        lines += [
            md_text(doc.kind_text(report, "supported", ratio=report.ratio, pct=pct, names=names)),
            "",
        ]
    else:
        lines += [md_text(doc.text("none_supported")), ""]
    if report.cases_without:
        lines += [
            md_text(doc.kind_text(report, "without", names=", ".join(report.cases_without))),
            "",
        ]
    if report.codes.empty:
        return [*lines, md_text(doc.text("no_codes")), ""]
    if chart_path:
        lines += [chart_path, ""]
    rows = doc.code_rows(report)
    for category, positions in doc.category_groups(report):
        level = "###"
        if category:  # the codebook's categories as headings, their codes below
            lines += [f"### {md_text(category)}", ""]
            level = "####"
        lines += _md_table(doc.codes_header(), [rows[i] for i in positions])
        in_group = [rows[i][0] for i in positions]
        quotes = report.quotes[report.quotes["code"].isin(in_group)]
        if not quotes.empty:
            lines += [f"{level} {md_text(doc.text('quotes'))}", ""]
            lines += _quotes(quotes, level + "#", region_image)
    memos = doc.memos(report)
    if memos:
        lines += [f"### {md_text(doc.text('memos'))}", ""]
        for who, text in memos:
            lines += md_lines(text, prefix="  ", first=f"- **{md_text(who)}**: ")
        lines.append("")
    return lines


def _quotes(
    quotes: Any, level: str, region_image: Callable[[Mapping[Any, Any]], str | None]
) -> list[str]:
    lines: list[str] = []
    for code, group in quotes.groupby("code", sort=False):
        lines += [f"{level} {md_text(code)}", ""]
        for q in group.to_dict("records"):
            cite = f"> — **{md_text(source_of(q))}**"
            picture = region_image(q)  # a region of an image: its picture
            body = [f"> {picture}"] if picture else md_lines(q["text"], prefix="> ")
            lines += [*body, ">", cite, ""]
    return lines


def write_markdown(doc: ReportDocument, path: Path, final: Path) -> None:
    """Markdown with its charts as PNG files in a folder beside it (<name>_charts/)."""
    charts = final.with_name(f"{final.stem}_charts")
    charts.mkdir(exist_ok=True)
    chart_names = UniqueNames(["overview.png"])
    title = f"{doc.text('title')} — {doc.project}"
    lines = [f"# {md_text(title)}", "", md_text(doc.meta_line()), ""]
    lines += [f"## {md_text(doc.text('overview'))}", ""]
    lines += _md_table(doc.overview_header(), doc.overview_rows())
    if len(doc.summary):
        (charts / "overview.png").write_bytes(doc.overview_chart())
        lines += [_image(doc.text("chart_overview"), charts.name, "overview.png"), ""]

    def region_image(quote: Mapping[Any, Any]) -> str | None:
        crop = doc.crop(quote)
        if crop is None:
            return None
        name = chart_names(f"region-{quote['document']}", ".png")
        (charts / name).write_bytes(crop)
        return _image(f"{quote['document']} ({quote['region']})", charts.name, name)

    for number, report in enumerate(doc.hypotheses, start=1):
        chart = None if report.codes.empty else doc.hypothesis_chart(report)
        image = None
        if chart:
            name = chart_names(f"{number}-{report.label}", ".png")
            (charts / name).write_bytes(chart)
            image = _image(report.label, charts.name, name)
        lines += _hypothesis(doc, report, image, region_image)
    lines += [f"## {md_text(doc.text('method'))}", ""]
    lines += [f"- {md_text(line)}" for line in doc.method_lines()] + [""]
    path.write_text("\n".join(lines), encoding="utf-8")
