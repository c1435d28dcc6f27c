"""The codebook as a table: the same columns are read back by import_codebook."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from qdaw.analysis.frequencies import code_frequencies, codebook_frame
from qdaw.core import models as m

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.core.store import Store

COLUMNS = ["name", "parent", "description", "color", "hypotheses", "memo", "segments", "cases"]


def codebook_table(store: Store) -> pd.DataFrame:
    """One row per code in tree order; ``parent`` is the parent's path ("A/B")."""
    import pandas as pd

    book = codebook_frame(store)
    details = dict(
        (r[0], r[1:])
        for r in store.rows(select(m.codes.c.id, m.codes.c.description, m.codes.c.memo))
    )
    paths = book["path"].to_dict()
    counts = code_frequencies(store)
    table = pd.DataFrame(
        {
            "name": book["name"].to_numpy(),
            "parent": [
                paths.get(int(p)) if p is not None and p == p else None for p in book["parent_id"]
            ],
            "description": [details[i][0] for i in book.index],
            "color": book["color"].to_numpy(),
            # (a list comprehension: an empty codebook's column has no .str)
            "hypotheses": [str(h).replace(", ", "; ") for h in book["hypotheses"]],
            "memo": [details[i][1] for i in book.index],
            "segments": counts["segments"].to_numpy(),
            "cases": counts["cases"].to_numpy(),
        }
    )
    return table.astype({"parent": object, "description": object, "memo": object})
