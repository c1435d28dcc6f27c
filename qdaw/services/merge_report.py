"""What a merge did: per kind of thing, how many were matched and added (with the
names of what was added), and every conflict with the value kept."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

#: The kinds a report counts, in the order it prints them.
KINDS = (
    "cases",
    "documents",
    "variables",
    "values",
    "codes",
    "hypotheses",
    "links",
    "sets",
    "coders",
    "segments",
)


@dataclass(frozen=True)
class MergeConflict:
    """One thing both projects have, differently: ``kept`` says whose value stands
    ("target" or "other"; "both" when both were kept apart)."""

    kind: str
    name: str
    detail: str
    kept: str

    def __str__(self) -> str:
        kept = {
            "target": "kept this project's",
            "other": "took the other's",
            "both": "kept both",
        }[self.kept]
        return f"{self.kind} {self.name}: {self.detail} ({kept})"


@dataclass
class MergeReport:
    """``matched[kind]``: how many of the other's were already here; ``added[kind]``:
    how many were added, ``added_names[kind]`` which (not for values, links and
    segments, which have no names); ``conflicts``: each difference, with what was kept."""

    target: str
    other: str
    matched: Counter[str] = field(default_factory=Counter)
    added: Counter[str] = field(default_factory=Counter)
    added_names: dict[str, list[str]] = field(default_factory=dict)
    conflicts: list[MergeConflict] = field(default_factory=list)

    def match(self, kind: str) -> None:
        self.matched[kind] += 1

    def add(self, kind: str, name: str | None = None) -> None:
        self.added[kind] += 1
        if name is not None:
            self.added_names.setdefault(kind, []).append(name)

    def conflict(self, kind: str, name: str, detail: str, kept: str) -> None:
        self.conflicts.append(MergeConflict(kind, name, detail, kept))

    def __str__(self) -> str:
        lines = [f"Merged {self.other} into {self.target}"]
        for kind in KINDS:
            matched, added = self.matched[kind], self.added[kind]
            if not (matched or added):
                continue
            names = self.added_names.get(kind, [])
            shown = ", ".join(names[:10]) + (
                f", … ({len(names) - 10} more)" if len(names) > 10 else ""
            )
            lines.append(
                f"  {kind}: {matched} matched, {added} added" + (f" ({shown})" if names else "")
            )
        if self.conflicts:
            lines.append(f"Conflicts ({len(self.conflicts)}):")
            lines.extend(f"  {conflict}" for conflict in self.conflicts)
        else:
            lines.append("No conflicts.")
        return "\n".join(lines)
