"""File names made from what users typed (case and document names, pseudonyms,
hypothesis labels): legal on every system, and unique within one export.

Two labels can make one name: "H1/a" and "H1:a" both become "H1_a", and "Marie" and
"marie" are one file where case does not count (Windows, macOS). The second gets a
counter, "H1_a (2).png", instead of silently overwriting the first.
"""

from __future__ import annotations

import os
import re
import unicodedata
import uuid
from collections.abc import Iterable
from pathlib import Path

# Forbidden on Windows (and "/" everywhere), with the control characters.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{d}{n}" for d in ("COM", "LPT") for n in range(10)}
# A name has at most 255 bytes: room is left for a counter and ".partial".
_MAX_BYTES = 200


def safe_stem(label: str, fallback: str = "file") -> str:
    """A file name (without extension) close to the label: accents kept, forbidden
    characters made "_", spaces collapsed, not too long; ``fallback`` if nothing is left."""
    name = unicodedata.normalize("NFC", label)
    name = " ".join(_FORBIDDEN.sub("_", name).split())
    # Windows drops trailing dots and spaces; a leading dot hides the file elsewhere.
    name = name.strip(" .")
    while len(name.encode("utf-8")) > _MAX_BYTES:
        name = name[:-1].rstrip(" .")
    if name.split(".")[0].upper() in _RESERVED:
        name = f"_{name}"
    return name or fallback


def _key(name: str) -> str:
    """What makes two names one file on a case-insensitive target."""
    return unicodedata.normalize("NFC", name).casefold()


class UniqueNames:
    """Names for the files of one export, never the same one twice (ignoring case)."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self._taken = {_key(name) for name in taken}

    def __call__(self, label: str, suffix: str, fallback: str = "file") -> str:
        stem = safe_stem(label, fallback)
        name, counter = f"{stem}{suffix}", 1
        while _key(name) in self._taken:
            counter += 1
            name = f"{stem} ({counter}){suffix}"
        self._taken.add(_key(name))
        return name


class Written(list[Path]):
    """The files an export wrote, in order; ``replaced`` lists those that were there
    before (from an earlier export, or anything else of that name), to say so."""

    def __init__(self) -> None:
        super().__init__()
        self.replaced: list[Path] = []


class FolderExport:
    """Files written into one folder under unique names, each complete or not at all
    (written beside, then renamed; two writers never share a temporary file)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.names = UniqueNames()
        self.written = Written()

    def write(self, label: str, suffix: str, content: str | bytes, fallback: str = "file") -> Path:
        path = self.folder / self.names(label, suffix, fallback)
        data = content.encode("utf-8") if isinstance(content, str) else content
        # Named for this writer alone ("x": never an existing file), with the usual
        # permissions (mkstemp's would make the export private).
        partial = path.with_name(f".{uuid.uuid4().hex}.partial")
        try:
            with partial.open("xb") as stream:
                stream.write(data)
            existed = path.exists()
            os.replace(partial, path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        if existed:
            self.written.replaced.append(path)
        self.written.append(path)
        return path
