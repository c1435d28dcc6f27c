"""The supervisor's report leaves no finding out: codes linked to no hypothesis get a
section of their own, in every format and language; filters read in the report's
language."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from qdaw import Project
from qdaw.export.report import write_report
from qdaw.sample import build_sample


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return Project.open(build_sample(tmp_path_factory.mktemp("s") / "referents.qdaw"))


def test_findings_outside_the_hypotheses_are_reported(sample: Project, tmp_path: Path) -> None:
    report = sample.report()
    outside = report.hypotheses[-1]
    assert outside.outside and outside.heading == "Findings outside the hypotheses"
    rows = outside.codes.set_index("code")["ratio"].to_dict()
    frequencies = sample.code_frequencies().set_index("code")
    linked = set(frequencies.index[frequencies["hypotheses"] != ""])
    coded = set(frequencies.index[frequencies["segments"] > 0])
    assert set(rows) == coded - linked  # exactly the coded codes no hypothesis names
    assert rows["Gestion de la fraude"] == "6/8" and rows["Mutualisation des ressources"] == "3/8"
    md = write_report(report, tmp_path / "r.md").read_text(encoding="utf-8")
    assert "## Findings outside the hypotheses" in md and "| Gestion de la fraude | 6/8 |" in md
    html = write_report(report, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<h2>Findings outside the hypotheses</h2>" in html
    docx = Document(str(write_report(report, tmp_path / "r.docx")))
    headings = [p.text for p in docx.paragraphs if p.style.name.startswith("Heading")]
    assert "Findings outside the hypotheses" in headings
    texts = [c.text for t in docx.tables for row in t.rows for c in row.cells]
    assert "Gestion de la fraude" in texts


def test_the_french_report_names_its_section_and_filters(sample: Project, tmp_path: Path) -> None:
    report = sample.report(lang="fr", cases=["Référent 1", "Référent 2"])
    md = write_report(report, tmp_path / "r.md").read_text(encoding="utf-8")
    assert "## Résultats hors hypothèses" in md
    assert "Filtres : répondants : Référent 1, Référent 2" in md and "where" not in md
    assert "Codes liés à aucune hypothèse" in md


def test_no_section_when_every_coded_code_has_a_hypothesis(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p.qdaw")
    project.add_document("d", "Bonjour à tous.", case="R")
    code = project.add_code("Accueil")
    project.link_code(code, project.add_hypothesis("H1", "On accueille"))
    project.code_segment("d", 0, 7, code)
    assert [h.label for h in project.report().hypotheses] == ["H1"]
