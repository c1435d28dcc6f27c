"""``qdaw server init URL`` and ``qdaw server add-user URL NAME --role coder|reader``.

The admin's own connection takes its password as libpq does (the URL, ``PGPASSWORD``,
``~/.pgpass``); a new user's password comes from ``QDAW_USER_PASSWORD`` or is asked
(twice) at the terminal. It is not PGPASSWORD on purpose: that one is the admin's.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from qdaw.errors import QdawError

#: A new user's password, for scripts (else qdaw asks for it at the terminal).
PASSWORD_VARIABLE = "QDAW_USER_PASSWORD"


def add_commands(sub: Any) -> None:
    server = sub.add_parser(
        "server", help="a team's project on PostgreSQL: its roles (coders, readers) and users"
    )
    commands = server.add_subparsers(dest="server_command", metavar="SERVER_COMMAND")
    init = commands.add_parser(
        "init",
        help="create the project on a PostgreSQL database and its two roles: coders "
        "(read and write) and readers (read only)",
    )
    init.add_argument("url", help="e.g. postgresql+psycopg://admin@host/study")
    init.set_defaults(run=cmd_init)
    user = commands.add_parser(
        "add-user",
        help=f"create a login in the coders' or readers' role (password: ${PASSWORD_VARIABLE} "
        "or asked)",
    )
    user.add_argument("url")
    user.add_argument("name", help="the PostgreSQL user name")
    user.add_argument("--role", required=True, choices=["coder", "reader"])
    user.set_defaults(run=cmd_add_user)
    server.set_defaults(run=lambda args: server.print_help())


def cmd_init(args: argparse.Namespace) -> None:
    from qdaw.core import server, storage

    report = server.init(args.url)
    shown = storage.shown(args.url)
    print(f"{'Created the project in' if report.project_created else 'Kept the project in'} "
          f"{shown}")  # fmt: skip
    for name in (report.groups.coders, report.groups.readers):
        print(f"{'created' if name in report.roles_created else 'kept'} role {name}")
    print(
        f"Coders ({report.groups.coders}) read and write; readers ({report.groups.readers}) "
        "only read. Add people with: qdaw server add-user URL NAME --role coder|reader"
    )


def new_password(name: str) -> str:
    """The new user's password: from the environment, else asked twice at a terminal."""
    given = os.environ.get(PASSWORD_VARIABLE)
    if given:
        return given
    if not sys.stdin.isatty():
        raise QdawError(f"{name}: no password; set {PASSWORD_VARIABLE} or run this at a terminal")
    first = getpass.getpass(f"Password for {name}: ")
    if getpass.getpass("Again: ") != first:
        raise QdawError(f"{name}: the two passwords differ; nothing was created")
    return first


def cmd_add_user(args: argparse.Namespace) -> None:
    from qdaw.core import server

    report = server.add_user(args.url, args.name, args.role, lambda: new_password(args.name))
    if report.created:
        print(f"Created user {report.name} in {report.group}")
    else:
        print(f"{report.name} already exists: now in {report.group} (password unchanged)")
