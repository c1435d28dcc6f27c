"""The hypotheses report as one self-contained interactive HTML file: the page's text
and headings are written here, its tables, counts and quotes by report.js from the
embedded data (qdaw.export.report_data), so a reader can regroup respondents offline."""

from __future__ import annotations

from html import escape
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from qdaw.export.report import LABELS, ReportDocument
from qdaw.export.report_data import script_json

if TYPE_CHECKING:
    from qdaw.analysis.hypotheses import HypothesisReport


def asset(name: str) -> str:
    return files("qdaw.export.report_assets").joinpath(name).read_text(encoding="utf-8")


def _lines(text: str) -> str:
    """User text of several lines, escaped, its lines kept."""
    return "<br>\n".join(escape(line) for line in str(text).strip().splitlines())


def _hypothesis(doc: ReportDocument, number: int, report: HypothesisReport) -> str:
    parts = [
        f'<section class="hypothesis" data-h="{number}" id="h{number}">',
        f"<h2>{escape(report.heading)}</h2>",
    ]
    if report.description:
        parts.append(f"<p><em>{escape(report.description)}</em></p>")
    parts.append('<p class="support"></p><p class="meta without"></p>')
    if report.codes.empty:
        parts.append(f"<p>{escape(doc.text('no_codes'))}</p>")
    for index, (category, _rows) in enumerate(doc.category_groups(report)):
        if category:
            parts.append(f'<h3 class="category">{escape(category)}</h3>')
        parts.append(f'<div class="codes" data-cat="{index}"></div>')
    memos = doc.memos(report)
    if memos:
        parts.append(f"<h3>{escape(doc.text('memos'))}</h3><ul>")
        parts += [f"<li><strong>{escape(w)}</strong>: {_lines(t)}</li>" for w, t in memos]
        parts.append("</ul>")
    parts.append("</section>")
    return "\n".join(parts)


def _controls(doc: ReportDocument) -> str:
    t = doc.text
    # The group is named in the controls and again outside them: a printed page, which
    # has no controls, names its group too.
    return f"""<div class="controls" id="controls">
<span class="filter"><label>{escape(t("group"))}
<select id="variable"></select></label> <select id="value"></select></span>
<span class="filter" id="shown"><strong>{escape(t("shown"))}</strong> </span>
<button id="print-view">{escape(t("print"))}</button>
<button id="print-now" class="control">{escape(t("print_button"))}</button>
<span class="meta" id="group-status"></span>
</div>
<p class="group" id="group-printed"></p>"""


def write_html(doc: ReportDocument, path: Path, final: Path) -> None:
    t = doc.text
    body = [
        f"<h1>{escape(doc.project)}</h1>",
        f'<p class="subtitle">{escape(t("title"))}</p>',
        f'<p class="meta">{escape(doc.meta_line())}</p>',
        f"<noscript><p><strong>{escape(t('noscript'))}</strong></p></noscript>",
        _controls(doc),
        f'<p class="meta hint">{escape(t("sort_hint"))}</p>',
        f'<section id="overview"><h2>{escape(t("overview"))}</h2>',
        '<div id="overview-table"></div></section>',
        f'<section id="crosstab-section"><h2>{escape(t("crosstab"))}</h2>',
        f'<p class="filter"><label>{escape(t("crosstab_by"))} '
        '<select id="cross-variable"></select></label></p>',
        '<div id="crosstab"></div></section>',
    ]
    body += [_hypothesis(doc, n, report) for n, report in enumerate(doc.hypotheses)]
    body.append(f'<section id="method"><h2>{escape(t("method"))}</h2><ul>')
    body += [f"<li>{escape(line)}</li>" for line in doc.method_lines(page=True)]
    body.append("</ul></section>")
    data = {**doc.interactive, "lang": doc.lang, "labels": LABELS[doc.lang]}
    page = (
        f'<!DOCTYPE html>\n<html lang="{doc.lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        # Nothing may load from elsewhere: the page must read the same offline.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">"
        f"<title>{escape(doc.project)} — {escape(t('title'))}</title>"
        f"<style>{asset('report.css')}</style></head>\n<body>\n"
        + "\n".join(body)
        + f'\n<script type="application/json" id="qdaw-data">{script_json(data)}</script>\n'
        + f"<script>{asset('report.js')}</script>\n</body></html>\n"
    )
    path.write_text(page, encoding="utf-8")
