"""Anonymisation commands: detect names, review them, give pseudonyms."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from qdaw.cli.common import open_project


def cmd_names(args: argparse.Namespace) -> None:
    with open_project(args.project) as project:
        action = args.action
        if action == "detect":

            def progress(done: int, total: int, _name: str) -> None:
                print(f"[{done}/{total}] documents read", file=sys.stderr)

            added = project.detect_entities(progress=progress)
            print(f"{added} new names proposed for review (qdaw names list)")
        elif action == "list":
            frame = project.entities(args.status)
            for row in frame.to_dict("records"):
                pseudonym = row["pseudonym"] or ""
                print(
                    f"{row['status']:<9} {row['kind']:<12} {row['mentions']:>5}  "
                    f"{row['name']}" + (f"  →  {pseudonym}" if pseudonym else "")
                )
            print(f"{len(frame)} names")
        elif action == "accept":
            for name in args.names:
                print(f"{name} → {project.accept_entity(name, args.pseudonym)}")
        elif action == "reject":
            for name in args.names:
                project.reject_entity(name)
                print(f"{name}: left as is")
        elif action == "add":
            for name in args.names:
                print(f"{name} → {project.add_entity(name, args.kind, args.pseudonym)}")


def add_commands(sub: Any) -> None:
    names = sub.add_parser(
        "names", help="anonymisation: detect people, places, organisations; review; pseudonyms"
    )
    names.add_argument("action", choices=["detect", "list", "accept", "reject", "add"])
    names.add_argument("project")
    names.add_argument("names", nargs="*", metavar="NAME")
    names.add_argument("--status", choices=["proposed", "accepted", "rejected"])
    names.add_argument(
        "--kind", default="person", choices=["person", "place", "organisation", "other"]
    )
    names.add_argument("--pseudonym", help="accept/add: this pseudonym (same one: same person)")
    names.set_defaults(run=cmd_names)
