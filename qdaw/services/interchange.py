"""Projects from other tools: REFI-QDA projects (.qdpx, .qde) and codebooks (.qdc),
from NVivo, ATLAS.ti, MAXQDA, QualCoder and others.

An import is a merge (qdaw.services.merge_coding) of what the file holds: into an empty
project it adds everything; into one with work in it, codes match by path, documents
by text, cases by name, as when merging a coder's copy. One step, one undo.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from qdaw.core.operations import op
from qdaw.errors import QdawError
from qdaw.ingest.limits import Unreadable
from qdaw.services.codebook import PALETTE
from qdaw.services.merge_coding import Merger
from qdaw.services.merge_report import MergeReport
from qdaw.services.service import Service


@dataclass
class RefiImport:
    """What an import brought and what it could not: ``merge`` counts what was added
    and matched; ``reading`` and ``remarks`` say how positions were read and what was
    left out or decided; ``unsupported`` counts what qdaw cannot hold (media, graphs)."""

    path: Path
    origin: str
    merge: MergeReport
    remarks: list[str] = field(default_factory=list)
    unsupported: dict[str, int] = field(default_factory=dict)

    @property
    def added(self) -> dict[str, int]:
        return dict(self.merge.added)

    def __str__(self) -> str:
        lines = [f"Imported {self.path.name} ({self.origin or 'unknown exporter'})"]
        lines += str(self.merge).splitlines()[1:]
        if self.unsupported:
            kinds = ", ".join(f"{kind}s: {count}" for kind, count in self.unsupported.items())
            lines.append(f"not carried over (qdaw holds texts and pictures): {kinds}")
        lines += [f"note: {remark}" for remark in self.remarks]
        return "\n".join(lines)


class Interchange(Service):
    def import_qdpx(self, path: str | Path) -> RefiImport:
        """Import a REFI-QDA project (.qdpx, or a bare .qde) or codebook (.qdc) into
        this project, as one step. Positions are read as the exporter writes them
        (NVivo: UTF-16 code units with CRLF as two; ATLAS.ti: CRLF as one; others: code
        points), confirmed on the data; the report says which, and lists every
        selection that does not fit and everything qdaw cannot hold."""
        from qdaw.ingest.refi.read import read_refi
        from qdaw.services.refi_source import Converter

        path = Path(path)
        try:
            refi = read_refi(path)
        except Unreadable as exc:
            raise QdawError(f"{path}: {exc.reason}; nothing was imported") from exc
        except OSError as exc:
            raise QdawError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
        converter = Converter(refi, str(path), list(PALETTE))
        source = converter.run()
        report = MergeReport(self.store.shown, path.name)
        with self.store.writing(op("import_qdpx", name=path.name)) as journal:
            Merger(journal, source, report, "target").run()
        return RefiImport(
            path, refi.origin, report, [*refi.remarks, *converter.remarks], refi.unsupported
        )
