"""The hypotheses report as one self-contained printable HTML file, or as Markdown."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from qdaw.export.filenames import UniqueNames
from qdaw.export.report import ReportDocument, percent

if TYPE_CHECKING:
    from qdaw.analysis.hypotheses import HypothesisReport

STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 56rem; margin: 2rem auto;
       color: #222; line-height: 1.45; padding: 0 1rem; }
h1 { border-bottom: 2px solid #4363d8; padding-bottom: .3rem; }
h2 { margin-top: 2.5rem; border-bottom: 1px solid #ccd; page-break-after: avoid; }
table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
th, td { border: 1px solid #ccd; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #dde4ee; }
td.num { text-align: right; white-space: nowrap; }
blockquote { margin: .6rem 0 .6rem 1rem; padding: .4rem .8rem; border-left: 4px solid #4363d8;
             background: #f5f7fb; }
blockquote cite { display: block; font-style: normal; font-weight: bold; margin-top: .2rem; }
.meta { color: #555; }
.chart svg { max-width: 100%; height: auto; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-before: always; } }
"""


def _svg(data: bytes | None) -> str:
    if not data:
        return ""
    text = data.decode("utf-8")
    return f'<div class="chart">{text[text.index("<svg") :]}</div>'


def _rows(cells: list[list[str]], numeric: set[int]) -> str:
    return "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{escape(c)}</td>' if i in numeric else f"<td>{escape(c)}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in cells
    )


def _html_hypothesis(doc: ReportDocument, report: HypothesisReport) -> str:
    parts = [f"<h2>{escape(report.label)} — {escape(report.statement)}</h2>"]
    if report.description:
        parts.append(f"<p><em>{escape(report.description)}</em></p>")
    if report.cases_with:
        names = ", ".join(report.cases_with)
        line = doc.text("supported", ratio=report.ratio, pct=percent(report.pct_cases), names=names)
        parts.append(f"<p>{escape(line)}</p>")
    else:
        parts.append(f"<p>{escape(doc.text('none_supported'))}</p>")
    if report.cases_without:
        line = doc.text("without", names=", ".join(report.cases_without))
        parts.append(f'<p class="meta">{escape(line)}</p>')
    if report.codes.empty:
        parts.append(f"<p>{escape(doc.text('no_codes'))}</p>")
        return "\n".join(parts)
    parts.append(_svg(doc.hypothesis_chart(report, "svg")))
    header, rows = doc.codes_header(), doc.code_rows(report)
    parts.append(
        "<table><tr>"
        + "".join(f"<th>{escape(h)}</th>" for h in header)
        + "</tr>"
        + _rows(rows, {1, 2, 3})
        + "</table>"
    )
    memos = doc.memos(report)
    if memos:
        parts.append(f"<h3>{escape(doc.text('memos'))}</h3><ul>")
        parts += [f"<li><strong>{escape(w)}</strong>: {escape(t)}</li>" for w, t in memos]
        parts.append("</ul>")
    if not report.quotes.empty:
        parts.append(f"<h3>{escape(doc.text('quotes'))}</h3>")
        for code, quotes in report.quotes.groupby("code", sort=False):
            parts.append(f"<h4>{escape(str(code))}</h4>")
            for q in quotes.to_dict("records"):
                cite = f"<cite>— {escape(q['case'])}</cite>"
                parts.append(f"<blockquote>{escape(q['text'])}{cite}</blockquote>")
    return "\n".join(parts)


def write_html(doc: ReportDocument, path: Path, final: Path) -> None:
    title = f"{doc.text('title')} — {doc.project}"
    rows = doc.overview_rows()
    header = doc.overview_header()
    body = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">{escape(doc.meta_line())}</p>',
        f"<h2>{escape(doc.text('overview'))}</h2>",
        "<table><tr>" + "".join(f"<th>{escape(h)}</th>" for h in header) + "</tr>",
        _rows(rows, {2, 3}) + "</table>",
    ]
    if rows:
        body.append(_svg(doc.overview_chart("svg")))
    body += [_html_hypothesis(doc, report) for report in doc.hypotheses]
    page = (
        f'<!DOCTYPE html>\n<html lang="{doc.lang}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>\n<body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )
    path.write_text(page, encoding="utf-8")


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(map(_md_cell, header)) + " |"]
    lines.append("|" + "|".join("---" for _ in header) + "|")
    lines += ["| " + " | ".join(map(_md_cell, row)) + " |" for row in rows]
    return [*lines, ""]


def write_markdown(doc: ReportDocument, path: Path, final: Path) -> None:
    """Markdown with its charts as PNG files in a folder beside it (<name>_charts/)."""
    charts = final.with_name(f"{final.stem}_charts")
    charts.mkdir(exist_ok=True)
    chart_names = UniqueNames(["overview.png"])
    lines = [f"# {doc.text('title')} — {doc.project}", "", doc.meta_line(), ""]
    lines += [f"## {doc.text('overview')}", ""]
    lines += _md_table(doc.overview_header(), doc.overview_rows())
    if len(doc.summary):
        (charts / "overview.png").write_bytes(doc.overview_chart())
        lines += [f"![{doc.text('chart_overview')}]({charts.name}/overview.png)", ""]
    for number, report in enumerate(doc.hypotheses, start=1):
        lines += [f"## {report.label} — {report.statement}", ""]
        if report.description:
            lines += [f"*{report.description}*", ""]
        if report.cases_with:
            names = ", ".join(report.cases_with)
            pct = percent(report.pct_cases)
            lines += [doc.text("supported", ratio=report.ratio, pct=pct, names=names), ""]
        else:
            lines += [doc.text("none_supported"), ""]
        if report.cases_without:
            lines += [doc.text("without", names=", ".join(report.cases_without)), ""]
        if report.codes.empty:
            lines += [doc.text("no_codes"), ""]
            continue
        chart = doc.hypothesis_chart(report)
        if chart:
            name = chart_names(f"{number}-{report.label}", ".png")
            (charts / name).write_bytes(chart)
            lines += [f"![{report.label}]({charts.name}/{name})", ""]
        lines += _md_table(doc.codes_header(), doc.code_rows(report))
        memos = doc.memos(report)
        if memos:
            lines += [f"### {doc.text('memos')}", ""]
            lines += [f"- **{who}**: {text}" for who, text in memos] + [""]
        if not report.quotes.empty:
            lines += [f"### {doc.text('quotes')}", ""]
            for code, quotes in report.quotes.groupby("code", sort=False):
                lines += [f"#### {code}", ""]
                for q in quotes.to_dict("records"):
                    lines += [f"> {q['text']}", ">", f"> — **{q['case']}**", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
