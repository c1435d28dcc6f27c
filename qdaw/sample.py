"""Build the sample study (eight interviews with digital referents) from its sources.

Everything goes through the public Project API, so this file doubles as an example
script. Codings are stored as exact quotes and located in the imported text.
"""

from __future__ import annotations

import csv
from pathlib import Path

from qdaw.errors import QdawError
from qdaw.project import Project
from qdaw.resources import shipped

#: The sources: sample_projects/referents/ in the repository, which a wheel installs as
#: qdaw/_sample/ so that "Open the sample project" works from an installed qdaw too.
SAMPLE_SOURCES = shipped("_sample", "sample_projects/referents")
#: Where ./dev.sh run builds it (in the repository).
SAMPLE_PROJECT = Path(__file__).resolve().parents[1] / "sample_projects" / "referents.qdaw"
SAMPLE_CODER = "Coder A"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def build_sample(
    destination: str | Path = SAMPLE_PROJECT, sources: Path = SAMPLE_SOURCES, index: bool = False
) -> Path:
    """Write the sample project to ``destination`` (replacing an older copy); ``index``
    also runs the text index (sentences, speakers, lemmas: spaCy, a few seconds)."""
    destination = Path(destination)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{destination}{suffix}").unlink(missing_ok=True)
    project = Project.create(destination)
    try:
        project.set_default_coder(SAMPLE_CODER)
        report = project.import_files(
            [sources / "transcripts"], case_pattern=r"referent(\d+)", case_template="Référent {1}"
        )
        if report.failures:
            raise QdawError("; ".join(map(str, report.failures)))
        project.import_variables(sources / "variables.csv")
        with project.batch("Sample codebook"):
            for row in _rows(sources / "hypotheses.csv"):
                project.add_hypothesis(row["label"], row["statement"], row["description"] or None)
            for row in _rows(sources / "codebook.csv"):
                code = project.add_code(
                    row["name"],
                    parent=row["parent"] or None,
                    color=row["color"] or None,
                    description=row["description"] or None,
                )
                for label in filter(None, row["hypotheses"].split(";")):
                    project.link_code(code, label.strip())
        texts = {doc.name: doc.text for doc in project.documents()}
        with project.batch("Sample coding"):
            for row in _rows(sources / "codings.csv"):
                text = texts[row["document"]]
                start = text.find(row["quote"])
                if start < 0 or text.find(row["quote"], start + 1) >= 0:
                    raise QdawError(f"{row['document']}: quote not found once: {row['quote']!r}")
                project.code_segment(
                    row["document"],
                    start,
                    start + len(row["quote"]),
                    row["code"],
                    memo=row["memo"] or None,
                )
        if index:
            project.index_text()
    except BaseException:
        project.close()
        raise
    project.close()
    return destination
