"""`qdaw backup` and `qdaw restore`: a checked copy of a project, and putting one back."""

from __future__ import annotations

import argparse
from typing import Any

from qdaw.cli.common import open_project


def add_commands(sub: Any) -> None:
    backup = sub.add_parser(
        "backup",
        help="back a project up (a consistent copy, integrity-checked), by default into "
        "<project>-backups/ beside it",
    )
    backup.add_argument("project")
    backup.add_argument("-o", "--output", help="the backup's file (default: a dated name)")
    backup.set_defaults(run=cmd_backup)
    restore = sub.add_parser(
        "restore",
        help="put a backup in a project file's place (the file as it was is kept as "
        "<name>.before-restore.qdaw); close the project first",
    )
    restore.add_argument("backup")
    restore.add_argument("project")
    restore.set_defaults(run=cmd_restore)


def cmd_backup(args: argparse.Namespace) -> None:
    with open_project(args.project) as project:  # (read-only by itself if it must be)
        written = project.backup(args.output)
        print(f"Backed up {project.shown} to {written} (integrity checked)")


def cmd_restore(args: argparse.Namespace) -> None:
    from qdaw.services.backups import restore_backup

    kept = restore_backup(args.backup, args.project)
    print(f"Restored {args.project} from {args.backup}; the earlier file is {kept}")
