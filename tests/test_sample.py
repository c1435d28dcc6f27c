"""The sample study builds, and its counts follow from its sources."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from qdaw import Project
from qdaw.sample import SAMPLE_SOURCES, build_sample


def expected_from_sources() -> dict[str, set[str]]:
    """Respondents per code, read straight from codings.csv (file stem -> referent n)."""
    cases: dict[str, set[str]] = {}
    with (SAMPLE_SOURCES / "codings.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            number = re.match(r"referent(\d+)", row["document"]).group(1)  # type: ignore[union-attr]
            cases.setdefault(row["code"], set()).add(f"Référent {number}")
    return cases


def test_sample_project_counts(tmp_path: Path) -> None:
    path = build_sample(tmp_path / "referents.qdaw")
    with Project.open(path) as p:
        assert p.total_cases() == 8
        assert len(p.documents()) == 9  # Référent 4 was interviewed in two parts
        assert [d.name for d in p.documents(case="Référent 4")] == [
            "referent4_partie1",
            "referent4_partie2",
        ]
        freq = p.code_frequencies().set_index("code")
        for code, respondents in expected_from_sources().items():
            assert freq.loc[code, "ratio"] == f"{len(respondents)}/8", code
        # The paper's headline figure: every referent mailed the visio tools (8 référents/8).
        assert freq.loc["Information sur les outils de visioconférence", "ratio"] == "8/8"
        # More passages than respondents where someone spoke of it twice.
        assert (
            freq.loc["Modalités d'évaluation", "segments"]
            > freq.loc["Modalités d'évaluation", "cases"]
        )
        summary = p.hypothesis_summary().set_index("hypothesis")
        assert summary.index.tolist() == ["H1", "H2", "H3"]
        assert p.variables().loc["Référent 4", "anciennete"] == 8
