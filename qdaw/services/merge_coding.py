"""The merge's codebook and coding (see qdaw.services.merge_steps): codes by path,
hypotheses by label with their links to codes, coders by name, and segments by
document, range, code and coder, none added twice."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from qdaw.core import models as m
from qdaw.services.merge_steps import LibraryMerge, blank


class Merger(LibraryMerge):
    def run(self) -> None:
        self._project_memo()
        cases = self._cases()
        documents = self._documents(cases)
        variables = self._variables()
        self._values(cases, variables)
        self._document_values(documents, variables)
        codes = self._codes()
        hypotheses = self._hypotheses()
        self._links(codes, hypotheses)
        self._sets(documents, codes)
        self._segments(documents, codes, self._coders())

    # -- codebook ----------------------------------------------------------------------
    def _codes(self) -> dict[int, int]:
        rows = self._all(m.codes)
        by_place = {(r["parent_id"], r["name"]): r for r in rows}
        positions: dict[int | None, int] = {}
        for r in rows:
            positions[r["parent_id"]] = max(positions.get(r["parent_id"], -1), r["position"])
        mapped: dict[int, int] = {}
        for code in self.source.codes:  # parents first: a parent is mapped before its children
            parent = None if code["parent_id"] is None else mapped[code["parent_id"]]
            path = "/".join(code["path"])
            found = by_place.get((parent, code["name"]))
            if found is not None:
                self.report.match("codes")
                mapped[code["id"]] = found["id"]
                self._update(m.codes, found["id"], self._written("code", path, found, code))
                continue
            positions[parent] = positions.get(parent, -1) + 1
            columns = ("name", "description", "color", "author", "created_at", "memo")
            new_id = self.journal.insert(
                m.codes,
                {
                    "parent_id": parent,
                    "position": positions[parent],
                    **{k: code[k] for k in columns},
                },
            )
            assert new_id is not None
            mapped[code["id"]] = new_id
            by_place[(parent, code["name"])] = {**code, "id": new_id}
            self.report.add("codes", path)
        return mapped

    def _hypotheses(self) -> dict[int, int]:
        rows = self._all(m.hypotheses)
        ours = {r["label"]: r for r in rows}
        position = max((r["position"] for r in rows), default=-1)
        mapped: dict[int, int] = {}
        for hypothesis in self.source.hypotheses:
            label = hypothesis["label"]
            found = ours.get(label)
            if found is not None:
                self.report.match("hypotheses")
                mapped[hypothesis["id"]] = found["id"]
                changes = self._written("hypothesis", label, found, hypothesis)
                self._update(m.hypotheses, found["id"], changes)
                continue
            position += 1
            columns = ("label", "statement", "description", "memo")
            new_id = self.journal.insert(
                m.hypotheses, {"position": position, **{k: hypothesis[k] for k in columns}}
            )
            assert new_id is not None
            mapped[hypothesis["id"]] = new_id
            self.report.add("hypotheses", label)
        return mapped

    def _links(self, codes: dict[int, int], hypotheses: dict[int, int]) -> None:
        ours = {tuple(r) for r in self.conn.execute(select(m.code_hypotheses))}
        for code_id, hypothesis_id in self.source.links:
            link = (codes[code_id], hypotheses[hypothesis_id])
            if link in ours:
                self.report.match("links")
                continue
            self.journal.insert(m.code_hypotheses, {"code_id": link[0], "hypothesis_id": link[1]})
            ours.add(link)
            self.report.add("links")

    def _sets(self, documents: dict[int, int], codes: dict[int, int]) -> None:
        """Sets by name; a set of the same name but of the other kind is reported and
        left as it is here. Members are added, none twice."""
        ours = {r["name"]: r for r in self._all(m.sets)}
        mapped: dict[int, int] = {}
        for item in self.source.sets:
            found = ours.get(item["name"])
            if found is None:
                new_id = self.journal.insert(m.sets, {"name": item["name"], "kind": item["kind"]})
                assert new_id is not None
                mapped[item["id"]] = new_id
                self.report.add("sets", item["name"])
            elif found["kind"] != item["kind"]:
                detail = f"a set of {found['kind']}s here, of {item['kind']}s there (kept apart)"
                self.report.conflict("set", repr(item["name"]), detail, "target")
            else:
                self.report.match("sets")
                mapped[item["id"]] = found["id"]
        for table, column, pairs, members in (
            (m.set_documents, "document_id", self.source.set_documents, documents),
            (m.set_codes, "code_id", self.source.set_codes, codes),
        ):
            have = {(int(a), int(b)) for a, b in self.conn.execute(select(table))}
            for set_id, member in pairs:
                if set_id not in mapped or member not in members:
                    continue
                pair = (mapped[set_id], members[member])
                if pair not in have:
                    self.journal.insert(table, {"set_id": pair[0], column: pair[1]})
                    have.add(pair)

    # -- coding ------------------------------------------------------------------------
    def _coders(self) -> dict[int, int]:
        ours = {
            str(n): int(i) for i, n in self.conn.execute(select(m.coders.c.id, m.coders.c.name))
        }
        mapped: dict[int, int] = {}
        for coder_id, name in self.source.coders.items():
            if name in ours:
                self.report.match("coders")
            else:
                new_id = self.journal.insert(m.coders, {"name": name})
                assert new_id is not None
                ours[name] = new_id
                self.report.add("coders", name)
            mapped[coder_id] = ours[name]
        return mapped

    def _segments(
        self, documents: dict[int, int], codes: dict[int, int], coders: dict[int, int]
    ) -> None:
        s = m.segments.c
        ours: dict[tuple[Any, ...], tuple[int, str | None]] = {
            (r[0], r[1], r[2], r[3], r[4], tuple(r[7:])): (r[5], r[6])
            for r in self.conn.execute(
                select(s.document_id, s.start_offset, s.end_offset, s.code_id, s.coder_id,
                       s.id, s.memo, s.x, s.y, s.width, s.height)
            )
        }  # fmt: skip
        code_paths = {c["id"]: "/".join(c["path"]) for c in self.source.codes}
        document_names = {d["id"]: d["name"] for d in self.source.documents}
        for row in self.source.segments:
            # A REFI-QDA source gives no rectangle; a qdaw project gives x, y, w, h.
            document_id, code_id, coder_id, start, end, memo, created, *rest = row
            region = tuple(rest) if rest else (None, None, None, None)
            mapped_coder = None if coder_id is None else coders[coder_id]
            key = (documents[document_id], start, end, codes[code_id], mapped_coder, region)
            found = ours.get(key)
            if found is None:
                new_id = self.journal.insert(
                    m.segments,
                    {"document_id": key[0], "code_id": key[3], "coder_id": mapped_coder,
                     "start_offset": start, "end_offset": end, "memo": memo,
                     "created_at": created, "x": region[0], "y": region[1],
                     "width": region[2], "height": region[3]},
                )  # fmt: skip
                assert new_id is not None
                ours[key] = (new_id, memo)
                self.report.add("segments")
                continue
            self.report.match("segments")
            segment_id, mine = found
            if blank(memo) or mine == memo:
                continue
            if not blank(mine):
                coder = self.source.coders[coder_id] if coder_id is not None else "no coder"
                where = f"{document_names[document_id]!r} {start}–{end}"
                name = f"{code_paths[code_id]} at {where} ({coder})"
                self.report.conflict("segment", name, "the memos differ", self.prefer)
                if self.prefer != "other":
                    continue
            self.journal.update(m.segments, {"id": segment_id}, {"memo": memo})
            ours[key] = (segment_id, memo)
