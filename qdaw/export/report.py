"""The supervisor's hypotheses report: one model, written as DOCX, HTML or Markdown."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from dataclasses import replace as replace_fields
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qdaw.errors import QdawError
from qdaw.export.report_labels import LABELS, describe_filters

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.analysis.hypotheses import HypothesisReport
    from qdaw.core.store import Store
    from qdaw.nlp.entities import Anonymiser


def source_of(quote: Mapping[Any, Any]) -> str:
    """Who said a quote and where: "Référent 2, p. 4", "Référent 2, 00:01:23"."""
    parts = [str(quote["case"])]
    if quote.get("page"):
        parts.append(f"p. {quote['page']}")
    if quote.get("timecode"):
        parts.append(str(quote["timecode"]))
    return ", ".join(parts)


def percent(value: float) -> str:
    """Whole percent, halves rounded up as people expect (12.5 -> 13)."""
    return f"{int(value + 0.5)}"


@dataclass
class ReportDocument:
    project: str
    generated: datetime
    total_cases: int
    filters: str
    summary: pd.DataFrame
    hypotheses: list[HypothesisReport]
    colors: dict[str, str]
    lang: str = "en"
    _charts: dict[str, bytes] = field(default_factory=dict)
    # PNG crops of the quotes that are image regions, by (document, "x,y,w,h").
    crops: dict[tuple[str, str], bytes] = field(default_factory=dict)
    # Each code's category (the path above it; None at the top of the codebook).
    categories: dict[str, str | None] = field(default_factory=dict)
    coders: list[str] = field(default_factory=list)
    quotes_per_code: int = 3
    # Gathers what the interactive HTML page recomputes from (qdaw.export.report_data):
    # only that page needs it, so DOCX and Markdown never pay for it.
    gather: Callable[[], dict[str, Any]] | None = None
    _interactive: dict[str, Any] | None = None

    @property
    def interactive(self) -> dict[str, Any]:
        if self._interactive is None:
            self._interactive = self.gather() if self.gather is not None else {}
        return self._interactive

    def category_groups(self, report: HypothesisReport) -> list[tuple[str | None, list[int]]]:
        """The positions of a hypothesis's codes, by category in codebook order."""
        groups: dict[str | None, list[int]] = {}
        for position, code in enumerate(report.codes["code"]):
            groups.setdefault(self.categories.get(str(code)), []).append(position)
        return list(groups.items())

    def method_lines(self, page: bool = False) -> list[str]:
        """N, counting rule, coders, filters, quotes and date, in the report's language
        (``page``: the interactive page's quotes)."""
        scope = f" ({self.filters})" if self.filters else ""
        lines = [self.text("method_n", n=self.total_cases, scope=scope)]
        lines.append(self.text("method_counting"))
        if self.coders:
            lines.append(self.text("method_coders", names=", ".join(self.coders)))
        else:
            lines.append(self.text("method_no_coders"))
        if self.filters:
            lines.append(self.text("method_filters", filters=self.filters))
        else:
            lines.append(self.text("method_no_filters"))
        if page:
            lines.append(self.text("method_quotes", cap=self.interactive["cap"]))
        else:
            lines.append(self.text("method_quotes_print", n=self.quotes_per_code))
        date = f"{self.generated:%Y-%m-%d %H:%M}"
        lines.append(self.text("method_date", date=date, project=self.project))
        return lines

    def crop(self, quote: Mapping[Any, Any]) -> bytes | None:
        """The picture of a quote that is a region of an image; None for a text."""
        return self.crops.get((str(quote["document"]), str(quote.get("region") or "")))

    def kind_text(self, report: HypothesisReport, key: str, **values: Any) -> str:
        """A hypothesis's sentence, or the findings-outside section's own wording."""
        labels = LABELS[self.lang]
        if report.outside and f"{key}_outside" in labels:
            key = f"{key}_outside"
        return self.text(key, **values)

    def text(self, key: str, **values: Any) -> str:
        return LABELS[self.lang][key].format(**values)

    def meta_line(self) -> str:
        lines = [
            self.text("generated", date=f"{self.generated:%Y-%m-%d %H:%M}", project=self.project),
            self.text("respondents", n=self.total_cases),
        ]
        if self.filters:
            lines.append(self.text("filters", filters=self.filters))
        return ". ".join(lines) + "."

    def overview_header(self) -> list[str]:
        return [self.text("hypothesis"), self.text("statement"), self.text("respondents_col"), "%"]

    def overview_rows(self) -> list[list[str]]:
        return [
            [str(r["hypothesis"]), str(r["statement"]), str(r["ratio"]), percent(r["pct_cases"])]
            for r in self.summary.to_dict("records")
        ]

    def codes_header(self) -> list[str]:
        return [self.text("code"), self.text("respondents_col"), "%", self.text("segments")]

    @staticmethod
    def code_rows(report: HypothesisReport) -> list[list[str]]:
        return [
            [str(r["code"]), str(r["ratio"]), percent(r["pct_cases"]), str(r["segments"])]
            for r in report.codes.to_dict("records")
        ]

    @staticmethod
    def memos(report: HypothesisReport) -> list[tuple[str, str]]:
        """(who, memo) for the hypothesis and each of its codes that has one."""
        found = [(report.label, report.memo)] + [
            (str(r["code"]), r["memo"]) for r in report.codes.to_dict("records")
        ]
        return [(who, str(text)) for who, text in found if text]

    def overview_chart(self, kind: str = "png") -> bytes:
        from qdaw.export.bars_png import bars_png
        from qdaw.export.charts import respondent_bars, to_bytes

        key = f"overview.{kind}"
        if key not in self._charts:
            rows = self.summary
            bars = (
                [f"{h}" for h in rows["hypothesis"]],
                rows["pct_cases"].tolist(),
                rows["ratio"].tolist(),
                ["#4363d8"] * len(rows),
                self.text("chart_overview"),
                self.text("axis"),
            )
            self._charts[key] = (
                bars_png(*bars) if kind == "png" else to_bytes(respondent_bars(*bars), kind)
            )
        return self._charts[key]

    def hypothesis_chart(self, report: HypothesisReport, kind: str = "png") -> bytes | None:
        from qdaw.export.bars_png import bars_png
        from qdaw.export.charts import respondent_bars, to_bytes

        if report.codes.empty:
            return None
        key = f"{report.label}.{kind}"
        if key not in self._charts:
            codes = report.codes
            bars = (
                codes["code"].tolist(),
                codes["pct_cases"].tolist(),
                codes["ratio"].tolist(),
                [self.colors.get(c, "#4363d8") for c in codes["code"]],
                f"{report.label} — {self.text('chart')}",
                self.text("axis"),
            )
            self._charts[key] = (
                bars_png(*bars)
                if kind == "png"
                else to_bytes(respondent_bars(*bars), kind, dpi=110)
            )
        return self._charts[key]


def build_report(
    store: Store,
    lang: str | None = None,
    quotes_per_code: int = 3,
    anonymiser: Anonymiser | None = None,
    **filters: Any,
) -> ReportDocument:
    """The supervisor's report; with an ``anonymiser``, accepted names become their
    pseudonyms in quotes and memos (the project is not changed)."""
    from qdaw.analysis.frequencies import hypothesis_summary, total_cases
    from qdaw.analysis.hypotheses import hypothesis_report, outside_report
    from qdaw.analysis.scope import resolve_scope
    from qdaw.export.charts import code_colors

    if lang is None:  # a French project's report is in French unless asked otherwise
        lang = store.language() or "en"
    if lang not in LABELS:
        raise QdawError(f"report language must be one of {', '.join(LABELS)}, not {lang!r}")
    scope = resolve_scope(store, **filters)
    summary = hypothesis_summary(store, scope)
    hypotheses = [
        hypothesis_report(store, label, scope, quotes_per_code) for label in summary["hypothesis"]
    ]
    outside = outside_report(store, LABELS[lang]["outside"], scope, quotes_per_code)
    if outside is not None:  # two of a study's findings may be linked to no hypothesis
        hypotheses.append(outside)
    from qdaw.export.crops import region_crops

    crops: dict[tuple[str, str], bytes] = {}
    for report in hypotheses:
        crops.update(region_crops(store, report.quotes))
    if anonymiser is not None:
        hypotheses = [_anonymised(report, anonymiser) for report in hypotheses]
    respondents = resolve_scope(
        store, **{k: v for k, v in filters.items() if k in ("cases", "where")}
    )
    from qdaw.analysis.report_data import coders_in
    from qdaw.export.report_data import categories_of, interactive_data

    categories = categories_of(store)
    return ReportDocument(
        project=store.get_meta("title") or store.name,  # (Project.title)
        generated=datetime.now().replace(microsecond=0),
        total_cases=total_cases(store, respondents),
        filters=describe_filters(filters, lang),
        summary=summary,
        hypotheses=hypotheses,
        colors=code_colors(store),
        lang=lang,
        crops=crops,
        categories=categories,
        coders=coders_in(store, scope),
        quotes_per_code=quotes_per_code,
        gather=lambda: interactive_data(store, scope, hypotheses, categories, anonymiser),
    )


def _anonymised(report: HypothesisReport, replace: Any) -> HypothesisReport:
    return replace_fields(
        report,
        memo=replace(report.memo),
        quotes=replace.frame(report.quotes, ["text", "memo"]),
        codes=replace.frame(report.codes, ["memo"]),
    )


def write_report(document: ReportDocument, path: str | Path) -> Path:
    """Write DOCX, HTML or Markdown, by the file's extension; complete or not at all."""
    path = Path(path)
    if not path.parent.exists():
        raise QdawError(f"{path}: folder {path.parent} does not exist")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from qdaw.export.report_docx import write_docx as writer
    elif suffix in (".html", ".htm"):
        from qdaw.export.report_html import write_html as writer
    elif suffix == ".md":
        from qdaw.export.report_markdown import write_markdown as writer
    else:
        raise QdawError(f"{path}: the report is written as .docx, .html or .md")
    partial = path.with_name(f".{path.name}.partial")
    try:
        writer(document, partial, path)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path
