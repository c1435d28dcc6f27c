"""Image regions cut out of their picture, as PNG bytes, for the reports.

Pillow (HPND licence, GPL-compatible; matplotlib needs it already) decodes and crops
without Qt, so reports are written the same from the CLI, a script or the workbench.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from qdaw.core import models as m

if TYPE_CHECKING:
    from qdaw.core.store import Store

#: A crop wider or taller than this is scaled down to fit (a report page is narrow).
MAX_SIDE = 1200


def parse_region(region: Any) -> tuple[int, int, int, int] | None:
    """(x, y, w, h) from retrieval's "x,y,w,h"; None for a text passage."""
    if not isinstance(region, str) or not region:
        return None
    x, y, w, h = (int(part) for part in region.split(","))
    return x, y, w, h


def crop_png(data: bytes, region: tuple[int, int, int, int]) -> bytes:
    from PIL import Image

    x, y, w, h = region
    with Image.open(io.BytesIO(data)) as image:
        piece = image.crop((x, y, x + w, y + h))
        if piece.mode not in ("RGB", "RGBA", "L"):
            piece = piece.convert("RGB")
        piece.thumbnail((MAX_SIDE, MAX_SIDE))
        out = io.BytesIO()
        piece.save(out, "PNG")
    return out.getvalue()


def region_crops(store: Store, quotes: Any) -> dict[tuple[str, str], bytes]:
    """PNG crops of the quotes that are regions, by (document name, "x,y,w,h")."""
    wanted = {
        (str(q["document"]), str(q["region"]))
        for q in quotes.to_dict("records")
        if parse_region(q.get("region")) is not None
    }
    crops: dict[tuple[str, str], bytes] = {}
    pictures: dict[str, bytes] = {}
    for document, region in sorted(wanted):
        if document not in pictures:
            pictures[document] = bytes(
                store.scalar(
                    select(m.document_images.c.data)
                    .join(m.documents, m.documents.c.id == m.document_images.c.document_id)
                    .where(m.documents.c.name == document)
                )
            )
        crops[(document, region)] = crop_png(
            pictures[document], parse_region(region) or (0, 0, 1, 1)
        )
    return crops
