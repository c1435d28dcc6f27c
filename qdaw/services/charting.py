"""Charts and maps of the codes: the numbers (qdaw.analysis.chart_data) and their
figures (qdaw.export.charts_bars, charts_maps), shown by the workbench's Charts tab
and written as PNG or SVG by ``qdaw chart``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Unpack

from qdaw.errors import QdawError
from qdaw.services.analysis import Bins, Filters
from qdaw.services.service import Service

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

ChartKind = Literal["by-variable", "heatmap", "network"]
KINDS = ("by-variable", "heatmap", "network")
#: The charts' own words (the codes and groups are the user's).
LABELS = {
    "en": {
        "pct": "% of respondents in the group",
        "pct_stacked": "% of all respondents (each part: a group)",
        "cases": "respondents",
        "by": "Codes by {variable}",
        "count": {"segment": "overlapping passages", "case": "respondents with both codes"},
        "jaccard": "Jaccard index",
        "heatmap": "Co-occurrence of codes ({what})",
        "network": "Code map: {what}, {threshold} or more",
    },
    "fr": {
        "pct": "% des répondants du groupe",
        "pct_stacked": "% de tous les répondants (chaque part : un groupe)",
        "cases": "répondants",
        "by": "Codes selon {variable}",
        "count": {
            "segment": "passages qui se chevauchent",
            "case": "répondants ayant les deux codes",
        },
        "jaccard": "indice de Jaccard",
        "heatmap": "Cooccurrences des codes ({what})",
        "network": "Carte des codes : {what}, {threshold} ou plus",
    },
}


class Charting(Service):
    def codes_by_variable(
        self,
        variable: str,
        value: Literal["pct", "cases"] = "pct",
        mode: Literal["grouped", "stacked"] = "grouped",
        bins: Bins = "auto",
        rollup: bool = False,
        **filters: Unpack[Filters],
    ) -> pd.DataFrame:
        """Codes in use × the variable's groups, as the bars show them (see
        qdaw.analysis.chart_data.codes_by_variable); ``bins="auto"`` as the Crosstab tab."""
        from qdaw.analysis.chart_data import codes_by_variable

        scope = self.owner.scope(**filters)  # type: ignore[attr-defined]
        return codes_by_variable(self.store, variable, scope, value, mode, bins, rollup)

    def clustered_cooccurrence(
        self,
        level: Literal["segment", "case"] = "case",
        measure: Literal["count", "jaccard"] = "count",
        **filters: Unpack[Filters],
    ) -> tuple[pd.DataFrame, Any]:
        """The co-occurrence table of the codes in use in clustered order, and its linkage."""
        from qdaw.analysis.chart_data import clustered_cooccurrence

        scope = self.owner.scope(**filters)  # type: ignore[attr-defined]
        return clustered_cooccurrence(self.store, scope, level, measure)

    def code_network(
        self,
        level: Literal["segment", "case"] = "case",
        measure: Literal["count", "jaccard"] = "count",
        threshold: float = 1,
        **filters: Unpack[Filters],
    ) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The code map's nodes (code, cases, total_cases, share) and edges (source,
        target, weight ≥ threshold)."""
        from qdaw.analysis.chart_data import code_network

        scope = self.owner.scope(**filters)  # type: ignore[attr-defined]
        return code_network(self.store, scope, level, measure, threshold)

    def code_matrix(
        self, variable: str | None = None, bins: Bins = "auto", **filters: Unpack[Filters]
    ) -> pd.DataFrame:
        """Codes × respondents (or × a variable's groups): each code's own segments;
        ``attrs["code_ids"]`` and ``attrs["cases"]`` say whose they are."""
        from qdaw.analysis.chart_data import code_matrix

        scope = self.owner.scope(**filters)  # type: ignore[attr-defined]
        return code_matrix(self.store, scope, variable, bins)

    def chart(
        self,
        kind: ChartKind,
        variable: str | None = None,
        mode: Literal["grouped", "stacked"] = "grouped",
        value: Literal["pct", "cases"] = "pct",
        level: Literal["segment", "case"] = "case",
        measure: Literal["count", "jaccard"] = "count",
        threshold: float | None = None,
        lang: str = "en",
        **filters: Unpack[Filters],
    ) -> Figure:
        """A matplotlib Figure (no window): ``by-variable`` (bars of the codes by the
        groups of ``variable``), ``heatmap`` (co-occurrence, clustered) or ``network``
        (the code map; ``threshold``: the weakest link drawn, 1 or 0.2 for Jaccard)."""
        from qdaw.export.charts import code_colors

        if kind not in KINDS:
            raise QdawError(f"chart kind must be one of {', '.join(KINDS)}, not {kind!r}")
        if lang not in LABELS:
            raise QdawError(f"chart language must be one of {', '.join(LABELS)}, not {lang!r}")
        words: dict[str, Any] = LABELS[lang]
        what = words["jaccard"] if measure == "jaccard" else words["count"].get(level, "")
        if kind == "by-variable":
            from qdaw.export.charts_bars import codes_by_variable

            if not variable:
                known = ", ".join(self.store.variable_types()) or "none yet"
                raise QdawError(f"a chart of codes by a variable needs one (variables: {known})")
            table = self.codes_by_variable(variable, value, mode, **filters)
            axis = words["cases"] if value == "cases" else words[
                "pct_stacked" if mode == "stacked" else "pct"]  # fmt: skip
            return codes_by_variable(table, code_colors(self.store), mode, value,
                                     words["by"].format(variable=variable), axis)  # fmt: skip
        if kind == "heatmap":
            from qdaw.export.charts_maps import cooccurrence_heatmap

            table, tree = self.clustered_cooccurrence(level, measure, **filters)
            return cooccurrence_heatmap(table, tree, words["heatmap"].format(what=what), what)
        from qdaw.export.charts_maps import network_map

        if threshold is None:
            threshold = 0.2 if measure == "jaccard" else 1
        nodes, edges = self.code_network(level, measure, threshold, **filters)
        title = words["network"].format(what=what, threshold=f"{threshold:g}")
        return network_map(nodes, edges, code_colors(self.store), title)

    def export_chart(
        self, kind: ChartKind, path: str | Path, dpi: int = 150, **options: Any
    ) -> Path:
        """Write ``chart(kind, **options)`` as PNG or SVG, as the path's extension says."""
        from qdaw.export.charts import save

        target = Path(path)
        if target.suffix.lower() not in (".png", ".svg"):
            raise QdawError(f"{target}: a chart is written as .png or .svg")
        return save(self.chart(kind, **options), target, dpi)
