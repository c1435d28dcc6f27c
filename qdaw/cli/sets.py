"""Set commands: list the document and code sets, make them, change their members."""

from __future__ import annotations

import argparse
from typing import Any

from qdaw.cli.common import open_project


def cmd_sets(args: argparse.Namespace) -> None:
    with open_project(args.project) as project:
        found = project.sets(args.kind)
        for item in found:
            members = ", ".join(item.members) or "(empty)"
            print(f"{item.name} ({item.kind}s, {len(item.members)}): {members}")
        print(f"{len(found)} sets")


def cmd_set(args: argparse.Namespace) -> None:
    with open_project(args.project) as project:
        members = args.members or []
        if args.action == "add":
            made = project.add_set(args.name, kind=args.kind, members=members)
            print(f"Set {made.name} ({made.kind}s): {len(made.members)} members")
        elif args.action == "put":
            added = project.add_to_set(args.name, members)
            print(f"Set {args.name}: {added} added, {len(project.set(args.name).members)} members")
        elif args.action == "remove":
            removed = project.remove_from_set(args.name, members)
            print(f"Set {args.name}: {removed} removed")
        else:
            project.delete_set(args.name)
            print(f"Deleted set {args.name}")


def add_commands(sub: Any) -> None:
    listing = sub.add_parser("sets", help="list the document and code sets with their members")
    listing.add_argument("project")
    listing.add_argument("--kind", choices=["document", "code"], help="only sets of this kind")
    listing.set_defaults(run=cmd_sets)

    one = sub.add_parser(
        "set",
        help="make a set (add), put members in it (put), take them out (remove), delete it; "
        "filter any analysis with --set NAME",
    )
    one.add_argument("action", choices=["add", "put", "remove", "delete"])
    one.add_argument("project")
    one.add_argument("name", metavar="NAME")
    one.add_argument(
        "--kind",
        default="document",
        choices=["document", "code"],
        help="add: a set of documents (default) or of codes",
    )
    one.add_argument(
        "--member",
        dest="members",
        action="append",
        metavar="ITEM",
        help="a document's name, or a code's name or path (repeat for more)",
    )
    one.set_defaults(run=cmd_set)
