"""The hypotheses report as one self-contained printable HTML file."""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from qdaw.export.report import ReportDocument, percent, source_of

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
img.region { max-width: 100%; }
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


def _lines(text: str) -> str:
    """User text of several lines, escaped, its lines kept."""
    return "<br>\n".join(escape(line) for line in str(text).strip().splitlines())


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
    parts = [f"<h2>{escape(report.heading)}</h2>"]
    if report.description:
        parts.append(f"<p><em>{escape(report.description)}</em></p>")
    if report.cases_with:
        names = ", ".join(report.cases_with)
        line = doc.kind_text(
            report, "supported", ratio=report.ratio, pct=percent(report.pct_cases), names=names
        )
        parts.append(f"<p>{escape(line)}</p>")
    else:
        parts.append(f"<p>{escape(doc.text('none_supported'))}</p>")
    if report.cases_without:
        line = doc.kind_text(report, "without", names=", ".join(report.cases_without))
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
        parts += [f"<li><strong>{escape(w)}</strong>: {_lines(t)}</li>" for w, t in memos]
        parts.append("</ul>")
    if not report.quotes.empty:
        parts.append(f"<h3>{escape(doc.text('quotes'))}</h3>")
        for code, quotes in report.quotes.groupby("code", sort=False):
            parts.append(f"<h4>{escape(str(code))}</h4>")
            for q in quotes.to_dict("records"):
                cite = f"<cite>— {escape(source_of(q))}</cite>"
                crop = doc.crop(q)
                if crop is not None:  # a region of an image, embedded in the page
                    data = base64.b64encode(crop).decode("ascii")
                    alt = escape(f"{q['document']} ({q['region']})")
                    body = f'<img class="region" src="data:image/png;base64,{data}" alt="{alt}">'
                else:
                    body = _lines(q["text"])
                parts.append(f"<blockquote>{body}{cite}</blockquote>")
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
