"""`qdaw agreement`: inter-coder agreement in the terminal or to a CSV/XLSX file."""

from __future__ import annotations

import argparse
from typing import Any

from qdaw.cli.analysis import add_filter_options, filters_from
from qdaw.cli.common import open_project, print_table, write_and_say

UNIT_HELP = (
    "document: does each coder apply the code in the document; case: the same per "
    "respondent; character: each character of the documents; segment: each segment, "
    "agreed when the other coder's overlaps it by --min-overlap of their union"
)


def add_agreement_command(sub: Any) -> None:
    parser = sub.add_parser(
        "agreement", help="inter-coder agreement per code: percent, kappa, Brennan-Prediger, alpha"
    )
    parser.add_argument("project")
    parser.add_argument("--coders", dest="compared", nargs="+", required=True, metavar="NAME")
    parser.add_argument(
        "--unit", default="document", choices=["document", "case", "character", "segment"],
        help=UNIT_HELP,
    )  # fmt: skip
    parser.add_argument("--min-overlap", type=float, default=0.5, metavar="SHARE")
    parser.add_argument(
        "--disagreements", action="store_true", help="list each disagreeing unit instead"
    )
    parser.add_argument("-o", "--output", help="write the table to a .csv or .xlsx file")
    add_filter_options(parser)
    parser.set_defaults(run=cmd_agreement)


def cmd_agreement(args: argparse.Namespace) -> None:
    from qdaw.export.tables import write_table

    with open_project(args.project, read_only=True) as project:
        options = {"unit": args.unit, "min_overlap": args.min_overlap}
        filters = filters_from(args)
        if args.disagreements:
            table = project.disagreements(args.compared, **options, **filters)
        else:
            table = project.agreement(args.compared, **options, **filters)
        excluded = table.attrs.get("excluded", 0)
        print(
            f"{' and '.join(args.compared)}, unit {args.unit}; documents coded by every one "
            f"of them, compared: {table.attrs['documents']}"
            + (f" (left out, coded by only some: {excluded})" if excluded else "")
        )
        if args.output:
            sheet = "Disagreements" if args.disagreements else "Agreement"
            write_and_say(args.output, lambda: write_table(table, args.output, sheet))
        else:
            print_table(table.round(3) if not args.disagreements else table)
