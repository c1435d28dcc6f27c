"""Zip archives (.docx, .odt): opened defensively, one member streamed with a byte limit.

Nothing is extracted to disk and no member is read whole: the text part is read in
chunks, counting the bytes actually decompressed, because a zip's headers may lie about
sizes. Every zipfile/zlib error becomes ``Unreadable`` with the reason in words.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from qdaw.ingest import limits
from qdaw.ingest.limits import Unreadable

CHUNK_BYTES = 256 * 1024
# What a damaged archive raises from zipfile and zlib (found by fuzzing, see bench/).
ARCHIVE_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    struct.error,
    NotImplementedError,
    RuntimeError,
    OverflowError,
    IndexError,
)
# Word writes password-protected documents (and old .doc files) as OLE compound files.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SUPPORTED_COMPRESSION = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:,.0f} MB" if count >= 1024 * 1024 else f"{count:,} bytes"


def open_archive(path: Path, what: str) -> zipfile.ZipFile:
    """The archive, its member list checked; ``what`` is '.docx' or '.odt'."""
    with path.open("rb") as file:
        head = file.read(8)
    if head.startswith(_OLE_MAGIC):
        raise Unreadable(
            f"encrypted (password-protected), or an old binary document renamed {what}:"
            f" save it as {what} without a password and import it again"
        )
    if not head.startswith(b"PK"):
        raise Unreadable(f"not a valid {what} file (not a zip archive)")
    try:
        archive = zipfile.ZipFile(path)
        members = archive.infolist()
    except NotImplementedError as exc:
        raise Unreadable(f"not a valid {what} file (unsupported zip format: {exc})") from exc
    except ARCHIVE_ERRORS as exc:
        raise Unreadable(f"not a valid {what} file (damaged archive: {exc})") from exc
    if len(members) > limits.MAX_ARCHIVE_MEMBERS:
        archive.close()
        raise Unreadable(
            f"refused: the archive holds {len(members):,} files"
            f" (limit {limits.MAX_ARCHIVE_MEMBERS:,})"
        )
    for info in members:
        if info.filename.startswith("/") or ".." in PurePosixPath(info.filename).parts:
            archive.close()
            raise Unreadable(f"refused: unsafe path in archive ({info.filename})")
    return archive


def has_member(archive: zipfile.ZipFile, name: str) -> bool:
    try:
        archive.getinfo(name)
    except KeyError:
        return False
    return True


def member_chunks(archive: zipfile.ZipFile, name: str, limit: int | None = None) -> Iterator[bytes]:
    """The member's bytes in chunks; stops with ``Unreadable`` past ``limit`` bytes."""
    limit = limits.MAX_PART_BYTES if limit is None else limit
    info = archive.getinfo(name)
    if info.flag_bits & 0x1:
        raise Unreadable(f"encrypted (password-protected): {name} needs a password")
    if info.compress_type not in _SUPPORTED_COMPRESSION:
        raise Unreadable(
            f"damaged archive: unsupported compression (method {info.compress_type}) in {name}"
        )
    if info.file_size > limit:
        raise Unreadable(
            f"refused: {name} would unpack to {_size(info.file_size)}"
            f" (limit {_size(limit)}; possible zip bomb)"
        )
    total = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(CHUNK_BYTES):
                total += len(chunk)
                if total > limit:
                    raise Unreadable(
                        f"refused: {name} unpacks to more than {_size(limit)}"
                        " (the limit; possible zip bomb)"
                    )
                yield chunk
    except NotImplementedError as exc:
        raise Unreadable(
            f"damaged archive: {name} uses an unsupported zip feature ({exc})"
        ) from exc
    except ARCHIVE_ERRORS as exc:
        raise Unreadable(f"damaged archive: cannot unpack {name} ({exc})") from exc


def read_small(archive: zipfile.ZipFile, name: str, limit: int = 1024 * 1024) -> bytes:
    """A small member (relationships, manifest) whole, within ``limit`` bytes."""
    return b"".join(member_chunks(archive, name, limit))
