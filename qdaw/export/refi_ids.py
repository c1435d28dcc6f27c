"""GUIDs for a REFI-QDA export that stay the same from one export of a project to the next.

Other tools match objects across imports by GUID, so exporting a project twice must
name every code, document and segment the same way. Each GUID is a UUID 5 of the
project's identity and the row's (kind, id). The identity is read, never written: an
export works on a read-only project and leaves the file as it was.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from qdaw.core import models as m

if TYPE_CHECKING:
    from qdaw.core.store import Store

#: A meta key that, when a project holds it, is its identity: a copy for a coder gets
#: the original's (its log is cleared); other projects use the fallbacks below.
IDENTITY_KEY = "project_guid"
_NAMESPACE = uuid.UUID("6f1d3a52-8c0e-4f4b-9a57-2d1c0b7e9a10")  # qdaw's, fixed once


def project_identity(store: Store) -> str:
    """What tells this project from any other, and does not change as it is edited.

    The one stored under IDENTITY_KEY, else the first step of the operations log:
    steps are never deleted (undo marks them), so its id and time stay. A project
    with no logged step falls back on its oldest case or code, then on its name.
    """
    stored = store.get_meta(IDENTITY_KEY)
    if stored:
        return stored
    first = store.rows(
        select(m.operations.c.id, m.operations.c.created_at).order_by(m.operations.c.id).limit(1)
    )
    if first:
        return f"log:{first[0][0]}:{_stamp(first[0][1])}"
    for table in (m.cases, m.codes):
        oldest = store.rows(
            select(table.c.id, table.c.created_at).where(
                table.c.id == select(func.min(table.c.id)).scalar_subquery()
            )
        )
        if oldest:
            return f"{table.name}:{oldest[0][0]}:{_stamp(oldest[0][1])}"
    return f"name:{store.name}"


def _stamp(value: object) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


class Guids:
    """``guids("code", 12)`` → the code #12's GUID in this project's exports."""

    def __init__(self, identity: str) -> None:
        self.namespace = uuid.uuid5(_NAMESPACE, identity)

    def __call__(self, kind: str, row_id: int | str) -> str:
        return str(uuid.uuid5(self.namespace, f"{kind}:{row_id}"))
