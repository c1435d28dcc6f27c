"""The interactive report at its limits, in headless Chromium: a code with more passages
than the page holds, a project with no variable and a hypothesis with no code."""

from __future__ import annotations

from pathlib import Path

from qdaw import Project
from qdaw.export.report import write_report
from tests.browser import Browser
from tests.test_report_page import assert_clean, browser, rows, text, visible_quotes

__all__ = ["browser"]  # the module's browser fixture, shared


def test_the_page_says_when_it_holds_part_of_a_code_s_quotes(
    browser: Browser, tmp_path: Path
) -> None:
    with Project.create(tmp_path / "many.qdaw") as p:
        code = p.add_code("Outils")
        p.link_code(code, p.add_hypothesis("H1", "Les outils comptent"))
        passages = [f"Passage numéro {n} sur les outils du département" for n in range(40)]
        body = "\n".join(passages)
        p.add_document("a", body, case="A")
        p.add_document("b", passages[0], case="B")
        for passage in passages:
            start = body.index(passage)  # "numéro 1 sur" is no part of "numéro 10 sur"
            p.code_segment("a", start, start + len(passage), code)
        p.code_segment("b", 0, len(passages[0]), code)
        page = write_report(p.report(), tmp_path / "many.html")
    browser.requests.clear()
    browser.open(page)
    browser.click("tr.code-row[data-code='Outils'] button.code")
    assert len(visible_quotes(browser, "Outils")) == 2  # one per respondent
    browser.click("tr.quotes[data-code='Outils'] button.show-all")
    assert len(visible_quotes(browser, "Outils")) == 30
    note = "30 of these respondents' 41 passages are in this page (see Method)."
    assert text(browser, "tr.quotes[data-code='Outils'] .capped") == note
    assert "this page holds at most 30 per code" in text(browser, "#method")


def test_a_project_with_no_variable_and_an_empty_hypothesis(
    browser: Browser, tmp_path: Path
) -> None:
    with Project.create(tmp_path / "bare.qdaw") as p:
        p.add_document("a", "Une phrase assez longue pour une citation du répondant.", case="A")
        code = p.add_code("Outils")
        p.link_code(code, p.add_hypothesis("H1", "Les outils comptent"))
        p.add_hypothesis("H2", "Rien encore")
        p.code_segment("a", 0, 20, code)
        page = write_report(p.report(), tmp_path / "bare.html")
    browser.console.clear()
    browser.exceptions.clear()
    browser.requests.clear()
    browser.open(page)
    assert text(browser, "#crosstab") == "The project has no respondent variable."
    assert browser.evaluate("[...document.querySelectorAll('#variable option')].length") == 1
    assert rows(browser, "overview") == [
        ["H1", "Les outils comptent", "1/1", "100"],
        ["H2", "Rien encore", "0/1", "0"],
    ]
    assert text(browser, "#h1 .support") == "No respondent has a segment of a linked code."
    assert "No code is linked to this hypothesis." in text(browser, "#h1")
    assert_clean(browser, page)
