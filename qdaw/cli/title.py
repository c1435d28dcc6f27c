"""`qdaw title`: the project's title, which reports show (else the file's name)."""

from __future__ import annotations

import argparse
from typing import Any

from qdaw.cli.common import open_project


def add_commands(sub: Any) -> None:
    title = sub.add_parser(
        "title", help="show the project's title (reports use it), or set it: qdaw title P 'Name'"
    )
    title.add_argument("project")
    title.add_argument("title", nargs="?", help="the new title ('' goes back to the file's name)")
    title.set_defaults(run=cmd_title)


def cmd_title(args: argparse.Namespace) -> None:
    with open_project(args.project, read_only=args.title is None) as project:
        if args.title is not None:
            project.set_title(args.title)
        print(project.title)
