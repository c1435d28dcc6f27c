"""The qdaw command line, over the same Project API as scripts and the workbench.

Commands live by subject (analysis, nlp, names); what they share is in ``common``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from qdaw.cli.agreement import add_agreement_command
from qdaw.cli.analysis import add_commands, add_filter_options, cmd_hypothesis_report, filters_from
from qdaw.cli.backups import add_commands as add_backup_commands
from qdaw.cli.charts import add_commands as add_chart_commands
from qdaw.cli.common import Opening, bar, open_project, percent
from qdaw.cli.interchange import add_interchange_commands
from qdaw.cli.memos import add_commands as add_memo_commands
from qdaw.cli.merging import add_commands as add_merging_commands
from qdaw.cli.names import add_commands as add_names_commands
from qdaw.cli.nlp import add_commands as add_nlp_commands
from qdaw.cli.server import add_commands as add_server_commands
from qdaw.cli.sets import add_commands as add_set_commands
from qdaw.cli.title import add_commands as add_title_commands
from qdaw.cli.words import add_commands as add_words_commands
from qdaw.errors import QdawError

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.project import Project


def format_frequencies(frame: pd.DataFrame, indent: dict[str, int] | None = None) -> str:
    """A terminal table: code, segments, k/N, % and a bar."""
    names = [("  " * (indent or {}).get(c, 0)) + c for c in frame["code"]]
    width = max([len(n) for n in names] + [4])
    lines = [f"{'Code':<{width}}  {'Segments':>8}  {'Cases':>7}  {'%':>5}"]
    lines.append("-" * len(lines[0]))
    for name, row in zip(names, frame.to_dict("records"), strict=True):
        lines.append(
            f"{name:<{width}}  {row['segments']:>8}  {row['ratio']:>7}"
            f"  {percent(row['pct_cases']):>5}  {bar(row['pct_cases'])}"
        )
    return "\n".join(lines)


def _depths(project: Project) -> dict[str, int]:
    from qdaw.analysis.frequencies import codebook_frame

    book = codebook_frame(project.store)
    return {label: path.count("/") for label, path in zip(book["label"], book["path"], strict=True)}


def cmd_new(args: argparse.Namespace) -> None:
    from qdaw.project import Project

    Project.create(args.project).close()
    print(f"Created {args.project}")


def cmd_copy(args: argparse.Namespace) -> None:
    # Read-only: copying changes nothing, and a project that cannot be written is copied too.
    with open_project(args.project, read_only=True) as project:
        written = project.copy_to(args.target, force=args.force)
        print(f"Copied {project.shown} to {written}")


def cmd_import(args: argparse.Namespace) -> int:
    with open_project(args.project) as project:
        report = project.import_files(
            args.sources,
            case=args.case,
            case_pattern=args.case_pattern,
            case_template=args.case_template,
            case_map=args.case_map,
            drop_repeated_lines=not args.keep_repeated_lines,
        )
        for document in report.documents:
            print(
                f"imported {document.source_name} → {document.case}"
                f" ({len(document.text):,} characters)"
            )
        for note in report.notes:
            print(f"  {note}")
        for skipped in report.skipped:
            print(f"qdaw: skipped: {skipped}", file=sys.stderr)
        for failure in report.failures:
            print(f"qdaw: failed: {failure}", file=sys.stderr)
    return 1 if report.failures else 0  # a folder's other files are no failure


def cmd_variables(args: argparse.Namespace) -> int:
    with open_project(args.project) as project:
        report = project.import_variables(args.csv, skip_bad_rows=args.skip_bad_rows)
        types = project.variable_types()
        print(
            f"Read {report.cases} cases; variables: "
            + ", ".join(f"{k} ({v})" for k, v in types.items())
        )
        for problem in report.skipped:
            print(f"qdaw: skipped: {args.csv}, {problem}", file=sys.stderr)
    return 1 if report.skipped else 0


def cmd_codes(args: argparse.Namespace) -> None:
    with open_project(args.project) as project:
        frame = project.code_frequencies(rollup=args.rollup, **filters_from(args))
        print(format_frequencies(frame, _depths(project)))


def cmd_report(args: argparse.Namespace) -> None:
    if args.items[0] == "hypotheses" and len(args.items) == 2:
        if not args.output:
            raise QdawError("report hypotheses needs -o FILE (.docx, .html or .md)")
        args.project = args.items[1]
        cmd_hypothesis_report(args)
        return
    if len(args.items) != 1:
        raise QdawError("use: qdaw report PROJECT, or qdaw report hypotheses PROJECT -o FILE")
    args.project = args.items[0]
    filters = filters_from(args)
    with open_project(args.project) as project:
        frame = project.code_frequencies(rollup=args.rollup, **filters)
        total = project.total_cases(**{k: v for k, v in filters.items() if k in ("cases", "where")})
        print(f"{project.name}: {total} cases, {len(frame)} codes\n")
        print(format_frequencies(frame, _depths(project)))
        summary = project.hypothesis_summary(**filters)
        if len(summary):
            print("\nHypotheses")
            for row in summary.to_dict("records"):
                print(
                    f"  {row['hypothesis']}  {row['ratio']:>7}  {percent(row['pct_cases']):>5}%"
                    f"  {row['statement']}"
                )
                print(f"        codes: {row['codes'] or '(none linked)'}")


def build_parser() -> argparse.ArgumentParser:
    from qdaw import __version__

    parser = argparse.ArgumentParser(prog="qdaw", description="Qualitative interview analysis.")
    parser.add_argument("--version", action="version", version=f"qdaw {__version__}")
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="open projects without changing them (commands that write are refused)",
    )
    parser.add_argument(
        "--coder",
        dest="writer",
        metavar="NAME",
        help="who writes: new segments and undo steps are theirs (default: $QDAW_CODER, "
        "the project's default coder, the login name); after a command, --coder filters",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("gui", help="open the workbench (the default with no command)")
    gui.add_argument("project", nargs="?", help="the project to open (default: the last one)")
    gui.add_argument("--lang", choices=["en", "fr"], help="interface language")
    gui.set_defaults(run=cmd_gui)

    new = sub.add_parser("new", help="create an empty project")
    new.add_argument("project")
    new.set_defaults(run=cmd_new)

    copy = sub.add_parser(
        "copy",
        help="write a consistent copy of a project (also while it is open and written): "
        "a file to a file, a file to a server or a server to a file",
    )
    copy.add_argument("project", help="a .qdaw file or a server URL")
    copy.add_argument(
        "target", help="the copy: a .qdaw file, or the URL of an empty PostgreSQL database"
    )
    copy.add_argument("--force", action="store_true", help="replace an existing file")
    copy.set_defaults(run=cmd_copy)

    imp = sub.add_parser("import", help="import transcripts (files or folders)")
    imp.add_argument("project")
    imp.add_argument("sources", nargs="+", metavar="FILE_OR_FOLDER")
    imp.add_argument("--case", help="put every file under this case")
    imp.add_argument(
        "--case-pattern", help="regex searched in each file name, e.g. 'referent(\\d+)'"
    )
    imp.add_argument(
        "--case-template", help="case name from the pattern's groups, e.g. 'Référent {1}'"
    )
    imp.add_argument("--case-map", help="CSV with columns file,case")
    imp.add_argument(
        "--keep-repeated-lines",
        action="store_true",
        help="keep a PDF's headers and footers (lines repeated on most pages)",
    )
    imp.set_defaults(run=cmd_import)

    var = sub.add_parser("variables", help="import case variables from a CSV")
    var.add_argument("project")
    var.add_argument("csv")
    var.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="store the good rows and list the others (by default a bad row stores nothing)",
    )
    var.set_defaults(run=cmd_variables)

    codes = sub.add_parser("codes", help="the codebook tree with counts")
    codes.add_argument("project")
    codes.add_argument("--rollup", action="store_true", help="count sub-codes into their parents")
    add_filter_options(codes)
    codes.set_defaults(run=cmd_codes)

    report = sub.add_parser(
        "report",
        help="the k/N table in the terminal; 'report hypotheses PROJECT -o F' writes the "
        "supervisor's report (.docx, .html, .md)",
    )
    report.add_argument("items", nargs="+", metavar="[hypotheses] PROJECT")
    report.add_argument("--rollup", action="store_true", help="count sub-codes into their parents")
    report.add_argument("-o", "--output", help="hypotheses report file: .docx, .html or .md")
    report.add_argument(
        "--lang", choices=["en", "fr"], help="report language (default: the project's, else en)"
    )
    report.add_argument("--quotes", type=int, default=3, help="quotes per code in the report")
    report.add_argument("--anonymise", action="store_true", help="accepted names become pseudonyms")
    add_filter_options(report)
    report.set_defaults(run=cmd_report)

    desktop = sub.add_parser(
        "install-desktop",
        help="add qdaw to the Linux application menu, with its icon and .qdaw files",
    )
    desktop.add_argument("--remove", action="store_true", help="take them out again")
    desktop.set_defaults(run=cmd_install_desktop)

    add_commands(sub)
    add_memo_commands(sub)
    add_chart_commands(sub)
    add_agreement_command(sub)
    add_interchange_commands(sub)
    add_backup_commands(sub)
    add_title_commands(sub)
    add_nlp_commands(sub)
    add_words_commands(sub)
    add_names_commands(sub)
    add_merging_commands(sub)
    add_server_commands(sub)
    add_set_commands(sub)
    return parser


def cmd_install_desktop(args: argparse.Namespace) -> None:
    from qdaw import desktop

    files = desktop.remove() if args.remove else desktop.install()
    for path in files:
        print(f"{'removed' if args.remove else 'wrote'} {path}")


def cmd_gui(args: argparse.Namespace) -> int:
    from qdaw.gui.app import main as gui_main

    return gui_main(args.project, args.lang, Opening.read_only)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv or (len(argv) == 1 and (argv[0].endswith(".qdaw") or "://" in argv[0])):
        argv = ["gui", *argv]  # `qdaw`, `qdaw study.qdaw` and `qdaw URL` open the workbench
    args = parser.parse_args(argv)
    Opening.read_only = args.read_only
    Opening.coder = args.writer
    if not getattr(args, "run", None):
        parser.print_help()
        return 0
    try:
        result = args.run(args)
    except (QdawError, OSError, ValueError) as exc:
        print(f"qdaw: error: {exc}", file=sys.stderr)
        return 1
    return int(result or 0)


if __name__ == "__main__":
    raise SystemExit(main())
