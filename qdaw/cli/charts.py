"""``qdaw chart KIND PROJECT -o FILE.png|svg``: codes by a variable, the co-occurrence
heatmap, the code map."""

from __future__ import annotations

import argparse
from typing import Any

from qdaw.cli.analysis import add_filter_options, filters_from
from qdaw.cli.common import open_project, write_and_say

KINDS = ["by-variable", "heatmap", "network"]


def cmd_chart(args: argparse.Namespace) -> None:
    with open_project(args.project, read_only=True) as project:
        options: dict[str, Any] = {
            "variable": args.variable,
            "mode": args.mode,
            "value": args.value,
            "level": args.level,
            "measure": args.measure,
            "threshold": args.threshold,
            "lang": args.lang,
            **filters_from(args),
        }
        write_and_say(args.output, lambda: project.export_chart(args.kind, args.output, **options))


def add_commands(sub: Any) -> None:
    chart = sub.add_parser(
        "chart", help="draw codes by a variable, the co-occurrence heatmap or the code map"
    )
    chart.add_argument("kind", choices=KINDS)
    chart.add_argument("project")
    chart.add_argument("-o", "--output", required=True, help=".png or .svg")
    chart.add_argument("--variable", help="by-variable: the respondent variable")
    chart.add_argument("--mode", default="grouped", choices=["grouped", "stacked"])
    chart.add_argument(
        "--value", default="pct", choices=["pct", "cases"], help="by-variable: %% or respondents"
    )
    chart.add_argument(
        "--level",
        default="case",
        choices=["case", "segment"],
        help="co-occurrence for the same respondent, or in overlapping passages",
    )
    chart.add_argument("--measure", default="count", choices=["count", "jaccard"])
    chart.add_argument(
        "--threshold", type=float, help="network: the weakest link drawn (default 1, Jaccard 0.2)"
    )
    chart.add_argument("--lang", default="en", choices=["en", "fr"], help="the chart's words")
    add_filter_options(chart)
    chart.set_defaults(run=cmd_chart)
