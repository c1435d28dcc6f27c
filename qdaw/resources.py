"""The application's resources: icon, code-colour palette, stylesheet, desktop entry.

They live in the repository's top-level ``resources/`` folder; a wheel ships that folder
as ``qdaw/_resources/`` (see ``package-dir`` in pyproject.toml). Both places are looked
up by file path rather than imported, so a source checkout (``PYTHONPATH=.``), an
editable install and a wheel install all find them. No Qt here: the workbench turns
these files into icons and styles.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def shipped(installed: str, in_repository: str) -> Path:
    """The folder a wheel installs as ``qdaw/<installed>``, else the repository's
    ``<in_repository>`` (source checkouts and editable installs)."""
    inside = _PACKAGE / installed
    return inside if inside.is_dir() else _PACKAGE.parent / in_repository


ROOT = shipped("_resources", "resources")


def path(name: str) -> Path:
    """The resource file ``name`` (e.g. ``"qdaw.svg"``, ``"qdaw-48.png"``)."""
    found = ROOT / name
    if not found.is_file():
        raise FileNotFoundError(f"{found}: qdaw resource missing (reinstall qdaw)")
    return found


@cache
def _palette() -> tuple[str, ...]:
    colors = json.loads(path("palette.json").read_text(encoding="utf-8"))["colors"]
    return tuple(str(color).lower() for color in colors)


def palette() -> list[str]:
    """The 16 code colours, "#rrggbb", in the order new codes take them
    (resources/palette.json says why these)."""
    return list(_palette())


def stylesheet() -> str:
    """The Qt stylesheet the workbench applies to the whole application."""
    return path("qdaw.qss").read_text(encoding="utf-8")


ICON_SIZES = (16, 32, 48, 64, 128, 256)


def icon_files() -> list[Path]:
    """The icon's renderings, smallest first, then the scalable original."""
    return [path(f"qdaw-{size}.png") for size in ICON_SIZES] + [path("qdaw.svg")]
