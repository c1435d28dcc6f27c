"""Every format of the hypotheses report has the same sections: each hypothesis's codes
under their categories, the findings outside the hypotheses, and the method (N, coders,
filters, quotes, date) in the report's language."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from qdaw import Project
from qdaw.cli import main
from qdaw.export.report import write_report
from tests.browser import report_data
from tests.test_report_page import make_study


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Path(make_study(tmp_path_factory.mktemp("sections") / "study.qdaw"))


def test_markdown_has_categories_and_method(study: Path, tmp_path: Path) -> None:
    with Project.open(study) as p:
        coders = p.report().coders
        md = write_report(p.report(), tmp_path / "r.md").read_text(encoding="utf-8")
        french = write_report(p.report(lang="fr", where={"discipline": "SHS"}), tmp_path / "f.md")
    lines = md.splitlines()
    h1 = lines.index("## H1 — Les outils comptent")
    assert lines[h1:].index("### Outils") < lines[h1:].index("| Mail | 3/4 | 75 | 4 |")
    assert "#### Quotes" in lines[h1:] and "##### Mail" in lines[h1:]
    h2 = lines.index("## H2 — Le réseau aide")
    after = lines[h2 + 1 :]
    assert after.index("### Réseau") < after.index("## Findings outside the hypotheses")
    method = lines[lines.index("## Method") :]
    assert "- N = 4 respondents with at least one document." in method
    assert f"- Coders: {', '.join(coders)}." in method and coders
    assert "- No filter: every respondent, code and coder." in method
    quotes = "- Quotes: at most 3 per code, one per respondent (the shortest readable passage)."
    assert quotes in method
    text = french.read_text(encoding="utf-8")
    assert "## Méthode" in text and "### Outils" in text
    where = "répondants dont discipline = SHS"
    assert f"- N = 2 répondants ayant au moins un document ({where})." in text
    assert f"- Filtres : {where}." in text


def test_word_has_categories_and_method(study: Path, tmp_path: Path) -> None:
    with Project.open(study) as p:
        path = write_report(p.report(lang="fr"), tmp_path / "r.docx")
    document = docx.Document(str(path))
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    h1 = headings.index(("Heading 1", "H1 — Les outils comptent"))
    assert headings[h1 + 1 : h1 + 4] == [
        ("Heading 2", "Outils"), ("Heading 3", "Citations"), ("Heading 4", "Mail"),
    ]  # fmt: skip
    assert ("Heading 2", "Réseau") in headings and headings[-1] == ("Heading 1", "Méthode")
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert "N = 4 répondants ayant au moins un document." in bullets
    assert "Aucun filtre : tous les répondants, codes et codeurs." in bullets
    # The category's table holds its codes only.
    tables = [[c.text for c in t.rows[1].cells] for t in document.tables]
    assert ["Mail", "3/4", "75", "4"] in tables and ["Pairs", "2/4", "50", "2"] in tables


def test_the_page_has_the_same_sections(study: Path, tmp_path: Path) -> None:
    with Project.open(study) as p:
        html = write_report(p.report(), tmp_path / "r.html").read_text(encoding="utf-8")
    assert '<h3 class="category">Outils</h3>' in html and "<h2>Method</h2>" in html
    assert "this page holds at most 30 per code" in html
    data = report_data(html)
    assert [(h["label"], [c["name"] for c in h["categories"]]) for h in data["hypotheses"]] == [
        ("H1", ["Outils"]), ("H2", ["Réseau"]), ("Findings outside the hypotheses", [None]),
    ]  # fmt: skip


def test_a_french_project_reports_in_french(tmp_path: Path) -> None:
    study = Path(make_study(tmp_path / "fr.qdaw"))
    with Project.open(study) as p:
        p.set_language("fr")
        assert p.report().lang == "fr" and p.report(lang="en").lang == "en"
    out = tmp_path / "rapport.md"
    assert main(["report", "hypotheses", str(study), "-o", str(out)]) == 0
    assert "## Vue d'ensemble" in out.read_text(encoding="utf-8")
    assert main(["report", "hypotheses", str(study), "-o", str(out), "--lang", "en"]) == 0
    assert "## Overview" in out.read_text(encoding="utf-8")


def test_an_indexed_french_study_reports_in_french_without_being_told(tmp_path: Path) -> None:
    study = Path(make_study(tmp_path / "fr.qdaw"))
    with Project.open(study) as p:
        assert p.report().lang == "en"  # nothing says French yet
        p.index_text(workers=0)  # the index finds each document's language
        assert {d.language for d in p.documents()} == {"fr"}
        assert p.report().lang == "fr"
        p.set_language("en")  # what the researcher sets wins
        assert p.report().lang == "en"


def test_every_word_of_the_page_is_in_both_languages() -> None:
    """The page's script reads its words from LABELS: each one it names exists, in
    English and in French, and no French label is left in English."""
    import re

    from qdaw.export.report import LABELS
    from qdaw.export.report_html import asset

    script = asset("report.js")
    used = set(re.findall(r"\bL\.(\w+)", script)) | set(re.findall(r'fmt\("(\w+)"', script))
    for pair in re.findall(r'h\.outside \? "(\w+)" : "(\w+)"', script):  # one or the other
        used |= set(pair)
    assert used and used <= LABELS["en"].keys() == LABELS["fr"].keys()
    same = {k for k in LABELS["en"] if LABELS["en"][k] == LABELS["fr"][k]}
    assert same <= {"codes", "code", "segments", "total", "crosstab_by"}  # French as well


@pytest.mark.postgres
def test_the_page_s_data_is_the_same_on_postgresql(
    study: Path, pg_url: str, tmp_path: Path
) -> None:
    """Its queries (window functions, grouped counts) give PostgreSQL's page the same
    data as SQLite's, quote for quote."""
    make_study(pg_url)
    pages = []
    for where in (str(study), pg_url):
        with Project.open(where) as p:
            report = p.report(where={"discipline": "SHS"})
            pages.append(report_data(write_report(report, tmp_path / "r.html").read_text()))
    assert pages[0] == pages[1] and pages[0]["respondents"] == ["A", "B"]
    mail = next(c for c in pages[1]["codes"] if c["name"] == "Mail")
    assert [(q["r"], q["f"]) for q in mail["quotes"]] == [(1, 1), (0, 1), (0, 0)]
