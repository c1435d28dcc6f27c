"""`qdaw memos`: every memo of a project, printed or written to DOCX, Markdown or CSV."""

from __future__ import annotations

import argparse
from typing import Any

from qdaw.cli.common import open_project, write_and_say


def add_commands(sub: Any) -> None:
    from qdaw.analysis.memos import KINDS

    memos = sub.add_parser(
        "memos",
        help="list every memo (project, documents, respondents, codes, hypotheses, "
        "segments), or write them: -o memos.docx | memos.md | memos.csv",
    )
    memos.add_argument("project")
    memos.add_argument("-o", "--output", help="write to .docx, .md or .csv instead of printing")
    memos.add_argument(
        "--kind", action="append", choices=KINDS, help="only memos of this kind (repeatable)"
    )
    memos.add_argument("--search", help="only memos holding this text (case, accents ignored)")
    memos.add_argument("--coder", help="only the memos of this coder's segments and codes")
    memos.add_argument("--document", help="only the memos of this document and its segments")
    memos.add_argument(
        "--lang", choices=["en", "fr"], help="the headings' language (default: the project's)"
    )
    memos.set_defaults(run=cmd_memos)


def cmd_memos(args: argparse.Namespace) -> None:
    filters = {"kinds": args.kind, "search": args.search, "coder": args.coder,
               "document": args.document}  # fmt: skip
    with open_project(args.project, read_only=True) as project:
        if args.output:
            write_and_say(
                args.output, lambda: project.export_memos(args.output, args.lang, **filters)
            )
            return
        frame = project.memos(**filters)
        if frame.empty:
            print("no memo")
            return
        for row in frame.to_dict("records"):
            where = f"{row['kind']}: {row['name']}"
            if row["kind"] == "segment":
                where += f" — {row['document']} ({row['respondent']}) {row['start']}–{row['end']}"
            if row["coder"]:
                where += f" [{row['coder']}]"
            print(where)
            if row["kind"] == "segment" and row["text"]:
                print(f"    “{' '.join(str(row['text']).split())}”")
            for line in str(row["memo"]).strip().splitlines():
                print(f"    {line}" if line.strip() else "")
            print()
