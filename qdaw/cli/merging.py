"""Blind coding from the command line: ``qdaw split`` writes a copy of the project for
each coder, ``qdaw merge`` brings their copies back into one project."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from qdaw.cli.common import open_project
from qdaw.errors import QdawError


def cmd_split(args: argparse.Namespace) -> None:
    from qdaw.export.filenames import safe_stem

    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise QdawError(f"{folder}: is a file; -o names the folder the copies go into")
    folder.mkdir(parents=True, exist_ok=True)
    # Read-only: splitting changes nothing in the project itself.
    with open_project(args.project, read_only=True) as project:
        names = [safe_stem(f"{project.name}-{coder}") for coder in args.coders]
        if len({name.casefold() for name in names}) < len(names):
            raise QdawError("two coders' names give the same file name; name them apart")
        for coder, name in zip(args.coders, names, strict=True):
            path = project.copy_for_coder(
                folder / f"{name}.qdaw", coder, keep_segments=args.keep, force=args.force
            )
            kept = "their own segments" if args.keep == "own" else "no segments"
            print(f"Wrote {path} for {coder} ({kept})")


def cmd_merge(args: argparse.Namespace) -> None:
    with open_project(args.target) as project:
        for other in args.others:
            print(project.merge(other, prefer=args.prefer))


def add_commands(sub: Any) -> None:
    split = sub.add_parser(
        "split", help="write a copy of the project for each coder, to code blind"
    )
    split.add_argument("project")
    split.add_argument("--coders", nargs="+", required=True, metavar="CODER")
    split.add_argument("-o", "--output", required=True, metavar="DIR",
                       help="folder of the copies: DIR/<project>-<coder>.qdaw")  # fmt: skip
    split.add_argument(
        "--keep", choices=["none", "own"], default="none",
        help="segments each copy keeps: none (default), or the coder's own",
    )  # fmt: skip
    split.add_argument("--force", action="store_true", help="replace copies already there")
    split.set_defaults(run=cmd_split)

    merge = sub.add_parser(
        "merge", help="merge coders' copies (or any projects) into TARGET, one undo step each"
    )
    merge.add_argument("target")
    merge.add_argument("others", nargs="+", metavar="OTHER")
    merge.add_argument(
        "--prefer", choices=["target", "other"], default="target",
        help="whose value stands where both differ (default: the target's)",
    )  # fmt: skip
    merge.set_defaults(run=cmd_merge)
