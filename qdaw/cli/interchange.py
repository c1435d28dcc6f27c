"""`qdaw import-qdpx`: a REFI-QDA project or codebook from another tool, into a new
project or an existing one (then matched as a merge: codes by path, documents by
text, cases by name)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from qdaw.cli.common import Opening, open_project


def add_interchange_commands(sub: Any) -> None:
    parser = sub.add_parser(
        "import-qdpx",
        help="import a REFI-QDA project (.qdpx, .qde) or codebook (.qdc) from NVivo, "
        "ATLAS.ti, MAXQDA or QualCoder; creates the project if it does not exist",
    )
    parser.add_argument("file", help="the .qdpx, .qde or .qdc file")
    parser.add_argument("project", help="the qdaw project (created when missing) or URL")
    parser.set_defaults(run=cmd_import_qdpx)


def cmd_import_qdpx(args: argparse.Namespace) -> None:
    from qdaw.core import storage
    from qdaw.project import Project

    target = args.project
    new = not storage.is_url(target) and not Path(target).exists()
    project = Project.create(target, coder=Opening.coder) if new else open_project(target)
    try:
        report = project.import_qdpx(args.file)
    except BaseException:
        project.close()
        if new:  # a failed import leaves no empty project behind
            from qdaw.core import files

            files.remove_with_sidecars(Path(target))
        raise
    with project:
        print(report)
        if new:
            print(f"Created {target}")
