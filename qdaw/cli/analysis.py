"""Analysis, report and export commands of the qdaw command line."""

from __future__ import annotations

import argparse
import operator
import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from qdaw.cli.common import open_project, print_table, say_written, write_and_say
from qdaw.core.kinds import fit
from qdaw.errors import QdawError

if TYPE_CHECKING:
    from qdaw.project import Project

_CONDITION = re.compile(r"^\s*([^=<>!]+?)\s*(>=|<=|!=|=|>|<)\s*(.*?)\s*$")
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    ">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt, "!=": operator.ne,
}  # fmt: skip


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters (every analysis; denominators follow them)")
    group.add_argument("--case", dest="cases", action="append", metavar="NAME")
    group.add_argument("--document", dest="documents", action="append", metavar="NAME")
    group.add_argument(
        "--set",
        dest="sets",
        action="append",
        metavar="NAME",
        help="only the documents or codes of this set (qdaw sets PROJECT lists them)",
    )
    group.add_argument(
        "--where",
        action="append",
        metavar="COND",
        help="variable condition: discipline=SHS, 'discipline=SHS|sciences', 'seniority>=5'",
    )
    group.add_argument("--coder", dest="coders", action="append", metavar="NAME")
    group.add_argument("--code", dest="codes", action="append", metavar="NAME")
    group.add_argument("--hypothesis", dest="hypotheses", action="append", metavar="LABEL")
    group.add_argument(
        "--speaker",
        dest="speaker_filter",
        action="append",
        metavar="WHO",
        help="count only passages said by: respondent, interviewer, or a label such as R",
    )


def _condition(text: str) -> tuple[str, Any]:
    match = _CONDITION.match(text)
    if not match:
        raise QdawError(f"--where {text!r}: write VARIABLE=VALUE (or >=, <=, >, <, !=)")
    name, op, value = match.groups()
    if op == "=":
        values = [v.strip() for v in value.split("|")]
        return name, values if len(values) > 1 else values[0]
    if op == "!=":
        return name, lambda v: str(v).casefold() != value.casefold()
    compare = _COMPARE[op]
    try:
        when = date.fromisoformat(fit("date", value) or "")
        return name, lambda v: isinstance(v, date) and compare(v, when)
    except ValueError:
        pass
    try:
        number = float(value.replace(",", "."))
    except ValueError as exc:
        raise QdawError(f"--where {text!r}: {op} needs a number or a date") from exc
    return name, lambda v: isinstance(v, int | float) and compare(v, number)


def filters_from(args: argparse.Namespace) -> dict[str, Any]:
    filters: dict[str, Any] = {}
    for key in ("cases", "documents", "sets", "coders", "codes", "hypotheses"):
        if getattr(args, key, None):
            filters[key] = getattr(args, key)
    if getattr(args, "where", None):
        filters["where"] = dict(_condition(text) for text in args.where)
    if getattr(args, "speaker_filter", None):
        filters["speakers"] = args.speaker_filter
    return filters


def parse_bins(text: str | None) -> int | list[float] | str | None:
    if not text:
        return None
    if text.strip().casefold() in ("month", "year"):
        return text.strip().casefold()
    try:
        if "," not in text:
            return int(text)
        return [float(part) for part in text.split(",")]
    except ValueError as exc:
        raise QdawError(
            f"--bins {text!r}: give a number of bins, edges like 0,5,10,40, or month or year"
        ) from exc


def cmd_crosstab(args: argparse.Namespace) -> None:
    with open_project(args.project) as project:
        filters = filters_from(args)
        bins = parse_bins(args.bins)
        table = project.crosstab(args.variable, value=args.value, bins=bins, **filters)
        sizes = table.attrs["n"]
        table.columns = [f"{c} (n={sizes[c]})" for c in table.columns]
        print_table(table)
        if args.tests:
            print()
            print_table(project.crosstab_tests(args.variable, bins=bins, **filters))


def cmd_hypothesis_report(args: argparse.Namespace) -> None:
    from qdaw.export.report import write_report

    with open_project(args.project) as project:
        document = project.report(args.lang, args.quotes, args.anonymise, **filters_from(args))
        write_and_say(args.output, lambda: write_report(document, args.output))


def cmd_export(args: argparse.Namespace) -> None:
    from qdaw.export.tables import write_table, write_workbook

    with open_project(args.project) as project:
        filters = filters_from(args)
        what = args.what
        index = what in ("matrix", "crosstab", "cooccurrence", "segments")
        if what == "documents":
            files = project.export_documents(args.output, args.anonymise)
            say_written(files, args.output, "documents")
        elif what == "hypotheses":
            cmd_hypothesis_report(args)
        elif what == "qdpx":
            write_and_say(args.output, lambda: project.export_qdpx(args.output, args.offsets))
        elif what == "codebook" and args.output.lower().endswith(".qdc"):
            write_and_say(args.output, lambda: project.export_qdc(args.output))
        elif what == "workbook":
            sheets = project.workbook_sheets(args.anonymise, **filters)
            write_and_say(args.output, lambda: write_workbook(sheets, args.output))
        elif what == "chart":
            write_and_say(args.output, lambda: _export_chart(project, args, filters))
        else:
            frame = _table_for(project, args, filters)
            if args.anonymise and what == "segments":
                frame = project.anonymiser().frame(frame, ["text", "memo"])
            write_and_say(
                args.output,
                lambda: write_table(frame, args.output, what.capitalize(), index, args.excel),
            )


def _table_for(project: Project, args: argparse.Namespace, filters: dict[str, Any]) -> Any:
    what = args.what
    if what == "matrix":
        return project.case_code_matrix("presence" if args.presence else "count", **filters)
    if what == "frequencies":
        return project.code_frequencies(rollup=args.rollup, **filters)
    if what == "crosstab":
        if not args.variable:
            raise QdawError("export crosstab needs --variable NAME")
        bins = parse_bins(args.bins)
        return project.crosstab(args.variable, value=args.value, bins=bins, **filters)
    if what == "cooccurrence":
        return project.cooccurrence(args.level, "jaccard" if args.jaccard else "count", **filters)
    if what == "segments":
        return project.retrieve(query=args.query, level=args.level, **filters)
    return project.codebook_table()


def _export_chart(project: Project, args: argparse.Namespace, filters: dict[str, Any]) -> Any:
    from qdaw.export import charts

    if args.kind == "heatmap":
        figure = charts.heatmap(project.case_code_matrix(**filters), project.name)
    else:
        frequencies = project.code_frequencies(rollup=args.rollup, **filters)
        figure = charts.frequency_chart(
            frequencies, charts.code_colors(project.store), project.name
        )
    return charts.save(figure, args.output)


EXPORTS = [
    "matrix", "frequencies", "crosstab", "cooccurrence", "segments", "codebook", "workbook",
    "chart", "hypotheses", "documents", "qdpx",
]  # fmt: skip


def add_commands(sub: Any) -> None:
    crosstab = sub.add_parser("crosstab", help="codes by a respondent variable, k/n per group")
    crosstab.add_argument("project")
    crosstab.add_argument("variable")
    crosstab.add_argument("--value", default="label", choices=["cases", "segments", "pct", "label"])
    crosstab.add_argument(
        "--bins", help="numbers: a number of bins, or edges 0,5,10; dates: month or year"
    )
    crosstab.add_argument("--tests", action="store_true", help="chi-square / Fisher per code")
    add_filter_options(crosstab)
    crosstab.set_defaults(run=cmd_crosstab)

    export = sub.add_parser("export", help="write tables, charts, the workbook or the report")
    export.add_argument("what", choices=EXPORTS)
    export.add_argument("project")
    export.add_argument(
        "-o", "--output", required=True, help=".csv, .xlsx, .png, .svg, .docx, .qdpx, .qdc…"
    )
    export.add_argument("--presence", action="store_true", help="matrix of 0/1 instead of counts")
    export.add_argument("--rollup", action="store_true", help="count sub-codes into their parents")
    export.add_argument("--excel", action="store_true", help="CSV with a BOM, for Excel")
    export.add_argument("--variable", help="crosstab: the respondent variable")
    export.add_argument("--value", default="cases", choices=["cases", "segments", "pct", "label"])
    export.add_argument("--bins", help="crosstab of a number: bins, or edges 0,5,10")
    export.add_argument("--level", default="segment", choices=["segment", "case"])
    export.add_argument("--jaccard", action="store_true", help="co-occurrence as Jaccard index")
    export.add_argument("--query", help="segments: boolean code query, e.g. 'A AND NOT B'")
    export.add_argument("--kind", default="frequencies", choices=["frequencies", "heatmap"])
    export.add_argument(
        "--offsets",
        default="codepoints",
        choices=["codepoints", "utf16"],
        help="qdpx: positions in code points (the standard), or UTF-16 units (NVivo)",
    )
    export.add_argument(
        "--lang", choices=["en", "fr"], help="report language (default: the project's, else en)"
    )
    export.add_argument("--quotes", type=int, default=3, help="report: quotes per code")
    export.add_argument(
        "--anonymise",
        action="store_true",
        help="accepted names become pseudonyms (segments, workbook, hypotheses, documents)",
    )
    add_filter_options(export)
    export.set_defaults(run=cmd_export)

    book = sub.add_parser("import-codebook", help="create codes from a CSV/XLSX codebook")
    book.add_argument("project")
    book.add_argument("file")
    book.set_defaults(run=cmd_import_codebook)


def cmd_import_codebook(args: argparse.Namespace) -> None:
    with open_project(args.project) as project:
        created = project.import_codebook(args.file)
        print(f"Created {created} codes ({len(project.codes())} in the codebook)")
