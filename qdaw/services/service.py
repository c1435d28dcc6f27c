"""What every part of the Project's API holds: the store, and the Project its handles
belong to (a handle reads through the Project, whichever service made it)."""

from __future__ import annotations

from qdaw.core.entities import Owner
from qdaw.core.store import Store


class Service:
    def __init__(self, store: Store, owner: Owner) -> None:
        self.store = store
        self.owner = owner

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self.store.shown!r}>"
