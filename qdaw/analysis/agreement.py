"""Inter-coder agreement: how far two or more coders applied the same codes alike.

Units (see qdaw.analysis.agreement_units):

- ``"document"``: each (document, code): did the coder apply the code in that document
  at all (QDA Miner's code occurrence);
- ``"case"``: the same per respondent;
- ``"character"``: every character of the compared documents, per code, coded or not by
  each coder (NVivo's coding comparison);
- ``"segment"``: each segment of either coder; another coder agrees when they have a
  segment of the same code overlapping at least ``min_overlap`` of the two segments'
  union (QDA Miner's code overlap). No unit is coded by nobody, so ``neither`` is 0.

Only documents that every compared coder has coded (one segment at least, of any code)
are compared; ``attrs["documents"]`` says how many, ``attrs["excluded"]`` how many more
were coded by some coders only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import func, select

from qdaw.analysis.agreement_stats import STATISTICS, statistics
from qdaw.analysis.frequencies import _frame, codebook_frame
from qdaw.analysis.scope import ALL, Scope
from qdaw.core import models as m
from qdaw.errors import QdawError

if TYPE_CHECKING:
    import pandas as pd

    from qdaw.core.store import Store

Unit = Literal["document", "case", "character", "segment"]
UNITS = ("document", "case", "character", "segment")
POOLED = "(all codes)"


@dataclass
class Compared:
    coders: list[str]
    segments: pd.DataFrame  # document_id, case_id, code_id, bit, start, end
    documents: list[int]
    excluded: int
    cases: int
    code_ids: list[int]
    labels: dict[int, str]


def _check(coders: Any, unit: str, min_overlap: float) -> list[str]:
    names = [coders] if isinstance(coders, str) else list(coders or [])
    if len(names) < 2 or len(set(names)) != len(names):
        raise QdawError(f"agreement compares two or more different coders, not {names!r}")
    if unit not in UNITS:
        raise QdawError(f"unit must be one of {', '.join(UNITS)}, not {unit!r}")
    if not 0.0 <= min_overlap <= 1.0:
        raise QdawError(f"min_overlap is a share of the union, 0 to 1, not {min_overlap!r}")
    return names


def compared(store: Store, coders: Any, scope: Scope = ALL) -> Compared:
    """The compared coders' segments in the documents that all of them coded."""
    names = [coders] if isinstance(coders, str) else list(coders)
    ids = [store.id_by(m.coders, "name", name, "coder") for name in names]
    seg, doc = m.segments, m.documents
    query = (
        select(
            seg.c.document_id,
            doc.c.case_id,
            seg.c.code_id,
            seg.c.coder_id,
            seg.c.start_offset,
            seg.c.end_offset,
        )
        .join(doc, doc.c.id == seg.c.document_id)
        # Agreement is by characters: image regions (no characters) are not compared.
        .where(seg.c.coder_id.in_(ids), seg.c.x.is_(None), *scope.segment_conditions(seg))
    )
    columns = ["document_id", "case_id", "code_id", "bit", "start", "end"]
    frame = _frame(store, query, columns)
    frame["bit"] = frame["bit"].map({coder_id: 1 << j for j, coder_id in enumerate(ids)})
    coded_by = frame.groupby("document_id")["bit"].nunique()
    documents = sorted(int(d) for d in coded_by.index[coded_by == len(ids)])
    frame = frame[frame["document_id"].isin(documents)]
    cases = int(frame["case_id"].nunique())
    if scope.code_ids is not None:
        frame = frame[frame["code_id"].isin(scope.code_ids)]
        wanted = set(scope.code_ids)
    else:
        wanted = {int(c) for c in frame["code_id"].unique()}
    codebook = codebook_frame(store)
    code_ids = [int(c) for c in codebook.index if int(c) in wanted]
    labels = {int(str(c)): str(label) for c, label in codebook["label"].items()}
    excluded = len(coded_by) - len(documents)
    return Compared(names, frame, documents, excluded, cases, code_ids, labels)


def units(store: Store, data: Compared, unit: Unit, min_overlap: float) -> pd.DataFrame:
    """Every unit at least one coder coded: code_id, mask, document_id, start, end, units."""
    from qdaw.analysis import agreement_units as au

    if unit == "document":
        return au.presence(data.segments, "document_id")
    if unit == "case":
        return au.presence(data.segments, "case_id")
    if unit == "character":
        return au.characters(data.segments, len(data.coders))
    return au.overlapping(data.segments, min_overlap)


def _universe(store: Store, data: Compared, unit: Unit) -> int:
    """How many units each code has, coded or not (0: only the listed units count)."""
    if unit == "document":
        return len(data.documents)
    if unit == "case":
        return data.cases
    if unit == "character" and data.documents:
        texts = m.document_texts
        total = store.scalar(
            select(func.sum(func.length(texts.c.text))).where(
                texts.c.document_id.in_(data.documents)
            )
        )
        return int(total or 0)
    return 0


def _prepared(
    store: Store, coders: Any, unit: Unit, scope: Scope, min_overlap: float
) -> tuple[list[str], Compared, pd.DataFrame]:
    """The checked coders, their segments in the compared documents, and the units."""
    names = _check(coders, unit, min_overlap)
    data = compared(store, names, scope)
    return names, data, units(store, data, unit, min_overlap)


def agreement(
    store: Store,
    coders: Any,
    unit: Unit = "document",
    scope: Scope = ALL,
    min_overlap: float = 0.5,
) -> pd.DataFrame:
    """One row per code, then ``"(all codes)"`` (the codes' tables summed); columns
    code, units, both, only_first, only_second, neither, percent, kappa, kappa_bp,
    alpha, reason. See ``Analysis.agreement``."""
    names, data, found = _prepared(store, coders, unit, scope, min_overlap)
    counts = (
        found.groupby(["code_id", "mask"])["units"]
        .sum()
        .unstack(fill_value=0)
        .reindex(index=data.code_ids, columns=range(1 << len(names)), fill_value=0)
    )
    universe = _universe(store, data, unit)
    if universe:
        counts[0] = universe - counts.drop(columns=0).sum(axis=1)
    counts.loc[-1] = counts.sum(axis=0)  # the pooled table
    table = statistics(counts, names)
    table.insert(0, "code", [data.labels.get(int(c), POOLED) for c in table.index])
    table = table.reset_index(drop=True)[["code", *STATISTICS]]
    table.attrs.update(
        coders=names, unit=unit, documents=len(data.documents), excluded=data.excluded
    )
    return table


def disagreements(
    store: Store,
    coders: Any,
    unit: Unit = "document",
    scope: Scope = ALL,
    min_overlap: float = 0.5,
) -> pd.DataFrame:
    """Each unit the coders disagree on: code, document, case, start, end, text, then one
    column per coder (True: they applied the code there), in codebook and text order."""
    import pandas as pd

    names, data, found = _prepared(store, coders, unit, scope, min_overlap)
    full = (1 << len(names)) - 1
    rows = found[found["mask"] != full].copy()
    order = {code_id: i for i, code_id in enumerate(data.code_ids)}
    rows["order"] = rows["code_id"].map(order)
    rows = rows.sort_values(["order", "document_id", "start", "end"])
    documents = dict(store.rows(select(m.documents.c.id, m.documents.c.name)))
    cases = dict(store.rows(select(m.cases.c.id, m.cases.c.name)))
    case_of = dict(store.rows(select(m.documents.c.id, m.documents.c.case_id)))
    needed = [int(d) for d in rows["document_id"].unique()]
    texts = dict(
        store.rows(
            select(m.document_texts.c.document_id, m.document_texts.c.text).where(
                m.document_texts.c.document_id.in_(needed)
            )
        )
    )
    result = pd.DataFrame(
        {
            "code": [data.labels[int(c)] for c in rows["code_id"]],
            "document": [documents[int(d)] for d in rows["document_id"]],
            "case": [cases[case_of[int(d)]] for d in rows["document_id"]],
            "start": rows["start"].astype("int64").to_numpy(),
            "end": rows["end"].astype("int64").to_numpy(),
            "text": [
                texts[int(d)][int(s) : int(e)]
                for d, s, e in zip(rows["document_id"], rows["start"], rows["end"], strict=True)
            ],
        }
    )
    for j, name in enumerate(names):
        result[name] = ((rows["mask"].to_numpy() >> j) & 1).astype(bool)
    result.attrs.update(coders=names, unit=unit, documents=len(data.documents))
    return result
