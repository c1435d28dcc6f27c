"""``qdaw install-desktop``: put qdaw in a Linux desktop's application menu.

Following the freedesktop.org specifications, it writes under ``$XDG_DATA_HOME``
(default ``~/.local/share``): the menu entry ``applications/qdaw.desktop``, whose Exec
line points at this very installation (a menu does not know the virtual environment
qdaw was installed into); the icon in every size under ``icons/hicolor/``; and
``mime/packages/qdaw.xml`` so that file managers open ``.qdaw`` files with qdaw. Then it
refreshes the desktop's caches when their tools are installed. No root needed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from qdaw import resources

_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def launcher() -> list[str]:
    """The command that starts this qdaw: the ``qdaw`` script beside this Python (a
    virtual environment's bin/), else the one on PATH, else ``python -m qdaw``."""
    script = Path(sys.executable).with_name("qdaw")
    if script.is_file():
        return [str(script)]
    found = shutil.which("qdaw")
    return [found] if found else [sys.executable, "-m", "qdaw"]


def exec_argument(argument: str) -> str:
    """One argument of an Exec key: quoted when it holds a reserved character, with
    the spec's escapes (inside quotes, then the file format's backslash escape)."""
    argument = argument.replace("%", "%%")
    if _RESERVED & set(argument):
        argument = '"' + re.sub(r'(["`$\\])', r"\\\1", argument) + '"'
    return argument.replace("\\", "\\\\")


def targets(home: Path) -> dict[Path, Path]:
    """Each file written by install (destination -> resource)."""
    icons = home / "icons" / "hicolor"
    files = {
        home / "applications" / "qdaw.desktop": resources.path("qdaw.desktop"),
        home / "mime" / "packages" / "qdaw.xml": resources.path("qdaw-mime.xml"),
        icons / "scalable" / "apps" / "qdaw.svg": resources.path("qdaw.svg"),
    }
    for size in resources.ICON_SIZES:
        files[icons / f"{size}x{size}" / "apps" / "qdaw.png"] = resources.path(f"qdaw-{size}.png")
    return files


def desktop_entry() -> str:
    """resources/qdaw.desktop with its Exec line pointing at this installation."""
    command = " ".join([*map(exec_argument, launcher()), "gui", "%f"])
    entry = resources.path("qdaw.desktop").read_text(encoding="utf-8")
    return re.sub(r"^Exec=.*$", lambda _: f"Exec={command}", entry, flags=re.MULTILINE)


def _refresh_caches(home: Path) -> None:
    """Best effort: menus and file managers pick the files up without these, later."""
    for command in (
        ["update-mime-database", str(home / "mime")],
        ["update-desktop-database", str(home / "applications")],
    ):  # no icon cache: a user-level one that goes stale would hide other apps' icons
        if shutil.which(command[0]):
            subprocess.run(command, capture_output=True, timeout=120, check=False)


def install(home: Path | None = None) -> list[Path]:
    """Write the menu entry, icons and file type; returns the files written."""
    home = home or data_home()
    written = []
    for destination, source in targets(home).items():
        destination.parent.mkdir(parents=True, exist_ok=True)
        if destination.suffix == ".desktop":
            destination.write_text(desktop_entry(), encoding="utf-8")
        else:
            shutil.copyfile(source, destination)
        written.append(destination)
    _refresh_caches(home)
    return written


def remove(home: Path | None = None) -> list[Path]:
    """Delete what install wrote; returns the files removed."""
    home = home or data_home()
    removed = [path for path in targets(home) if path.is_file()]
    for path in removed:
        path.unlink()
    _refresh_caches(home)
    return removed
