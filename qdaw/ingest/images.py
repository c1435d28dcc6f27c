"""Images (PNG, JPEG) as sources: checked by their bytes, sized from their header.

The header is read here, without Qt or an image library, so that a folder import on a
worker thread (or the CLI, with no display) knows the file is what its name says and
how large it is. The bytes are stored as imported; the workbench and the reports
decode them.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from qdaw.ingest.limits import Unreadable

IMAGE_SUFFIXES = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg"}
MAX_IMAGE_BYTES = 64 * 1024 * 1024
# About 16k × 16k: beyond it decoding one image would take gigabytes of memory.
MAX_IMAGE_PIXELS = 256_000_000

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_START = b"\xff\xd8\xff"
# Start-of-frame markers (they hold the size); C4, C8 and CC are other segments.
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


@dataclass(frozen=True)
class ImageData:
    format: str  # png | jpeg
    width: int
    height: int
    data: bytes


def _png_size(data: bytes) -> tuple[int, int]:
    if len(data) < 24 or data[12:16] != b"IHDR":
        raise Unreadable("damaged PNG: no IHDR header")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _jpeg_size(data: bytes) -> tuple[int, int]:
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            raise Unreadable("damaged JPEG: bad segment marker")
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # markers without a length
            at += 2
            continue
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        if marker in _SOF:
            if at + 9 > len(data):
                break
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return width, height
        if marker == 0xDA or length < 2:  # image data before any frame header
            break
        at += 2 + length
    raise Unreadable("damaged JPEG: no frame header giving its size")


def read_image(path: Path, fmt: str) -> ImageData:
    """The image's bytes and size; Unreadable if the bytes are not a PNG or JPEG (as its
    name says), or the image is empty or too large."""
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        raise Unreadable(f"image too large: {size:,} bytes (limit {MAX_IMAGE_BYTES:,})")
    return image_from_bytes(path.read_bytes(), fmt)


def image_from_bytes(data: bytes, fmt: str | None = None) -> ImageData:
    """As ``read_image``, for bytes already read (a REFI-QDA archive's picture);
    ``fmt`` None accepts PNG or JPEG."""
    if len(data) > MAX_IMAGE_BYTES:
        raise Unreadable(f"image too large: {len(data):,} bytes (limit {MAX_IMAGE_BYTES:,})")
    if data.startswith(PNG_SIGNATURE):
        found = "png"
    elif data.startswith(JPEG_START):
        found = "jpeg"
    else:
        expected = f"a {fmt.upper()} image" if fmt else "a PNG or JPEG image"
        raise Unreadable(f"not {expected} (its bytes are of another kind)")
    if fmt is not None and found != fmt:
        raise Unreadable(f"named as {fmt.upper()} but is a {found.upper()} image")
    width, height = _png_size(data) if found == "png" else _jpeg_size(data)
    if width <= 0 or height <= 0:
        raise Unreadable(f"empty image ({width}×{height} pixels)")
    if width * height > MAX_IMAGE_PIXELS:
        raise Unreadable(
            f"image too large: {width}×{height} pixels (limit {MAX_IMAGE_PIXELS:,} pixels)"
        )
    return ImageData(found, width, height, data)
