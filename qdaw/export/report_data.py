"""The data the interactive HTML report embeds (one JSON blob) so that a reader can
regroup respondents in the browser, with no server: respondents and their variables'
groups, each code's respondents and a capped pool of quotes, each hypothesis's codes by
category."""

from __future__ import annotations

import base64
import json
from typing import TYPE_CHECKING, Any

from qdaw.export.report import source_of

if TYPE_CHECKING:
    from qdaw.analysis.hypotheses import HypothesisReport
    from qdaw.analysis.scope import Scope
    from qdaw.core.store import Store
    from qdaw.nlp.entities import Anonymiser

#: Quotes per code the page holds: past this the file grows with the corpus (a code of
#: the large study has ~330 passages); the method section says so.
QUOTE_CAP = 30


def categories_of(store: Store) -> dict[str, str | None]:
    """Each code's label and the path of the category it sits in (None at the top)."""
    from qdaw.analysis.frequencies import codebook_frame

    book = codebook_frame(store)
    paths = book["path"].to_dict()
    return {
        str(label): None if parent != parent or parent is None else str(paths[int(parent)])
        for label, parent in zip(book["label"], book["parent_id"], strict=True)
    }


def interactive_data(
    store: Store,
    scope: Scope,
    reports: list[HypothesisReport],
    categories: dict[str, str | None],
    anonymiser: Anonymiser | None = None,
    cap: int = QUOTE_CAP,
) -> dict[str, Any]:
    import pandas as pd
    from sqlalchemy import select

    from qdaw.analysis.crosstab import case_groups, default_bins
    from qdaw.analysis.frequencies import codebook_frame
    from qdaw.analysis.report_data import code_case_segments, quote_pool
    from qdaw.core import models as m
    from qdaw.export.crops import region_crops

    doc = m.documents
    cases = store.rows(
        select(m.cases.c.id, m.cases.c.name)
        .where(m.cases.c.id.in_(select(doc.c.case_id).where(*scope.document_conditions())))
        .order_by(m.cases.c.id)
    )
    index_of_case = {int(i): n for n, (i, _name) in enumerate(cases)}
    names = [str(name) for _i, name in cases]
    variables = []
    for name, info in store.variable_info("case").items():
        of = case_groups(store, name, scope, default_bins(store, name), pd.Index(names))
        order = [str(g) for g in of.cat.categories]
        variables.append({"name": name, "kind": info.kind, "groups": order,
                          "of": [int(c) for c in of.cat.codes]})  # fmt: skip
    labels = {int(str(i)): str(label) for i, label in codebook_frame(store)["label"].items()}
    id_of = {label: i for i, label in labels.items()}
    codes = list(dict.fromkeys(str(c) for report in reports for c in report.codes["code"]))
    position = {code: n for n, code in enumerate(codes)}
    ids = frozenset(id_of[c] for c in codes)
    entries: list[dict[str, Any]] = [{"name": c, "cases": [], "quotes": []} for c in codes]
    for code_id, case_id, segments in code_case_segments(store, scope, ids):
        entry = entries[position[labels[code_id]]]
        entry["cases"].append([index_of_case[case_id], segments])
    pool = quote_pool(store, scope, ids, cap) if ids else None
    if pool is not None and not pool.empty:
        if anonymiser is not None:
            pool = anonymiser.frame(pool, ["text"])
        regions = pool[pool["region"] != ""]
        crops = region_crops(store, regions) if not regions.empty else {}
        by_name = {name: n for n, name in enumerate(names)}
        columns = ("code", "case", "document", "text", "page", "timecode", "region", "first")
        for row in zip(*(pool[c].tolist() for c in columns), strict=True):
            quote = dict(zip(columns, row, strict=True))
            item: dict[str, Any] = {
                "r": by_name[quote["case"]],
                "t": str(quote["text"]),
                "s": source_of(quote),
                "f": int(bool(quote["first"])),  # the respondent's chosen quote
            }
            crop = crops.get((str(quote["document"]), str(quote["region"] or "")))
            if crop is not None:
                item["img"] = "data:image/png;base64," + base64.b64encode(crop).decode("ascii")
                item["alt"] = f"{quote['document']} ({quote['region']})"
            entries[position[str(quote["code"])]]["quotes"].append(item)
    hypotheses = []
    for report in reports:
        groups: dict[str | None, list[int]] = {}
        for code in report.codes["code"]:
            groups.setdefault(categories.get(code), []).append(position[code])
        hypotheses.append({
            "label": report.label, "statement": report.statement, "outside": report.outside,
            "categories": [{"name": k, "codes": v} for k, v in groups.items()],
        })  # fmt: skip
    return {"respondents": names, "variables": variables, "codes": entries,
            "hypotheses": hypotheses, "cap": cap}  # fmt: skip


def script_json(data: Any) -> str:
    """JSON that can sit inside <script>: no "</script>", "<!--" or "]]>" can end or
    change the block, whatever a quote or a name holds (and JavaScript's line
    separators, which JSON allows raw, are escaped too)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):  # fmt: skip
        text = text.replace(raw, escaped)
    return text
