"""A REFI-QDA file opened defensively: a .qdpx archive (one ``*.qde`` and its
``sources/``) or a bare ``.qde`` / ``.qdc`` XML file.

The archive's member list is checked before anything is read (unsafe paths, too many
members, a total or a compression ratio only a zip bomb has); each member is streamed
with a byte limit, because a zip's headers may lie about sizes.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from xml.etree.ElementTree import Element

from qdaw.ingest import archive as zips
from qdaw.ingest import limits
from qdaw.ingest.limits import Unreadable
from qdaw.ingest.refi.tree import parse_xml

#: Bounds for a whole archive: a study with its original files is rarely over 1 GB.
MAX_TOTAL_BYTES = 4 * 1024 * 1024 * 1024
MAX_RATIO = 200  # deflate reaches ~10 on text; only a bomb compresses 200 times
RATIO_FLOOR = 16 * 1024 * 1024  # small members may compress as much as they like
MAX_XML_BYTES = 512 * 1024 * 1024


@dataclass
class Container:
    path: Path
    root: Element
    namespace: str
    part: str  # the XML's name, for messages
    archive: zipfile.ZipFile | None = None
    members: dict[str, str] = field(default_factory=dict)  # lower-case name → name

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()

    def member(self, name: str) -> str | None:
        """The archive member ``name`` names, whatever the case of its folder."""
        return self.members.get(name.strip("/").casefold())

    def read_member(self, name: str) -> bytes:
        assert self.archive is not None
        return b"".join(zips.member_chunks(self.archive, name, limits.MAX_PLAIN_BYTES))


def open_refi(path: Path) -> Container:
    """Open ``path``; ``Unreadable`` says what is wrong with it."""
    with path.open("rb") as file:
        head = file.read(4)
    if head.startswith(b"PK"):
        return _open_archive(path)
    limits.check_size(path, MAX_XML_BYTES)
    root, namespace = parse_xml(_file_chunks(path), path.name)
    return Container(path, root, namespace, path.name)


def _file_chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as file:
        while chunk := file.read(zips.CHUNK_BYTES):
            yield chunk


def _open_archive(path: Path) -> Container:
    try:
        archive = zipfile.ZipFile(path)
        infos = archive.infolist()
    except zips.ARCHIVE_ERRORS as exc:
        raise Unreadable(f"not a valid REFI-QDA project (damaged archive: {exc})") from exc
    try:
        _check_members(infos)
        members = {info.filename.casefold(): info.filename for info in infos if not info.is_dir()}
        projects = [name for name in members.values() if name.casefold().endswith(".qde")]
        if len(projects) != 1:
            found = ", ".join(projects) or "none"
            raise Unreadable(
                f"not a REFI-QDA project: it must hold exactly one .qde file (found: {found})"
            )
        part = projects[0]
        chunks = zips.member_chunks(archive, part, MAX_XML_BYTES)
        root, namespace = parse_xml(chunks, part)
    except BaseException:
        archive.close()
        raise
    return Container(path, root, namespace, part, archive, members)


def _check_members(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > limits.MAX_ARCHIVE_MEMBERS:
        raise Unreadable(
            f"refused: the archive holds {len(infos):,} files "
            f"(limit {limits.MAX_ARCHIVE_MEMBERS:,})"
        )
    total = 0
    for info in infos:
        name = info.filename
        parts = PurePosixPath(name.replace("\\", "/")).parts
        if name.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
            raise Unreadable(f"refused: unsafe path in archive ({name})")
        total += info.file_size
        big = info.file_size > RATIO_FLOOR
        if big and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise Unreadable(
                f"refused: {name} would unpack {info.file_size // max(1, info.compress_size):,}"
                " times its packed size (possible zip bomb)"
            )
    if total > MAX_TOTAL_BYTES:
        raise Unreadable(
            f"refused: the archive would unpack to {total / 1024**3:,.1f} GB "
            f"(limit {MAX_TOTAL_BYTES // 1024**3} GB; possible zip bomb)"
        )
