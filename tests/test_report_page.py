"""The interactive HTML report, read in headless Chromium as a supervisor reads it:
regroup respondents by a variable, hide a hypothesis, open a code's quotes, sort, cross
by a variable, print; in English and French; nothing loaded from elsewhere, no error."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from qdaw import Project
from qdaw.export.report import write_report
from tests.browser import Browser, report_data

HOSTILE = "Le mail </script><script>window.pwned = 1</script> & <b>gras</b>"
TWO_LINES = "Première ligne du mail\ndeuxième ligne, gardée"
LONG = "Un très long mail envoyé à tous les collègues du département, chaque outil décrit"
TEXTS = {  # respondent: (discipline, passages as (code, text))
    "A": ("SHS", [("Mail", HOSTILE), ("Mail", LONG),
                  ("Pairs", "On échange entre pairs chaque semaine")]),
    "B": ("SHS", [("Mail", TWO_LINES), ("Fraude", "La fraude aux examens en ligne inquiète")]),
    "C": ("sciences", [("Mail", "Un mail de rappel sur les outils disponibles"),
                       ("Visio", "Des visios avec chaque enseignant de l'équipe")]),
    "D": ("sciences", [("Pairs", "Le réseau des référents nous aide beaucoup")]),
}  # fmt: skip


def make_study(path: Path | str) -> Path | str:
    """The study of these tests in a file (or a PostgreSQL database's URL)."""
    with Project.create(path) as p:
        p.set_title("<Étude & co>")
        for category, code in (("Outils", "Mail"), ("Outils", "Visio"), ("Réseau", "Pairs")):
            if category not in {c.name for c in p.codes()}:
                p.add_code(category)
            p.add_code(code, parent=category)
        p.add_code("Fraude")
        p.link_code(p.code("Mail"), p.add_hypothesis("H1", "Les outils comptent"))
        p.link_code(p.code("Visio"), "H1")
        p.link_code(p.code("Pairs"), p.add_hypothesis("H2", "Le réseau aide"))
        p.set_memo(p.hypothesis("H2"), "Memo </script> fin")
        for case, (discipline, passages) in TEXTS.items():
            text = "\n\n".join(passage for _code, passage in passages)
            p.add_document(f"entretien {case}", text, case=case)
            p.set_variable(case, "discipline", discipline)
            for code, passage in passages:
                start = text.index(passage)
                p.code_segment(f"entretien {case}", start, start + len(passage), p.code(code))
    return path


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Path(make_study(tmp_path_factory.mktemp("page") / "study.qdaw"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    driver = Browser()
    try:
        yield driver
    finally:
        driver.close()


def open_report(browser: Browser, study: Path, lang: str = "en") -> Path:
    with Project.open(study) as p:
        page = write_report(p.report(lang=lang), study.with_name(f"report-{lang}.html"))
    browser.console.clear()
    browser.exceptions.clear()
    browser.requests.clear()
    browser.open(page)
    return page


def rows(browser: Browser, table: str) -> list[list[str]]:
    """The visible rows of a table, cell by cell as shown."""
    return list(
        browser.evaluate(
            f"[...document.querySelectorAll('#{table} tbody tr:not(.quotes)')]"
            ".filter(r => r.offsetParent !== null)"
            ".map(r => [...r.cells].map(c => c.innerText.trim()))"
        )
    )


def text(browser: Browser, selector: str) -> str:
    return str(browser.evaluate(f"document.querySelector({selector!r}).innerText.trim()"))


def visible_quotes(browser: Browser, code: str) -> list[str]:
    return list(
        browser.evaluate(
            f"[...document.querySelectorAll('tr.quotes[data-code=\"{code}\"] blockquote')]"
            ".filter(q => q.offsetParent !== null).map(q => q.innerText)"
        )
    )


def assert_clean(browser: Browser, page: Path) -> None:
    """No console message, no exception, no request but the file itself."""
    assert browser.console == [] and browser.exceptions == []
    assert set(browser.requests) == {page.resolve().as_uri()}
    assert browser.evaluate("window.pwned === undefined")


def test_respondents_regrouped_by_a_variable(browser: Browser, study: Path) -> None:
    page = open_report(browser, study)
    assert text(browser, "h1") == "<Étude & co>"  # the project's title, not its file name
    assert rows(browser, "overview") == [
        ["H1", "Les outils comptent", "3/4", "75"],
        ["H2", "Le réseau aide", "2/4", "50"],
    ]
    assert text(browser, "#group-status") == "4 respondents"
    browser.choose("#variable", "discipline")
    browser.choose("#value", "sciences")
    assert text(browser, "#group-status") == "2 of 4 respondents: discipline = sciences"
    assert rows(browser, "overview") == [
        ["H1", "Les outils comptent", "1/2", "50"],
        ["H2", "Le réseau aide", "1/2", "50"],
    ]
    # H1's codes under their category, k/N and segments of the group only.
    assert text(browser, "#h0 h3.category") == "Outils"
    assert rows(browser, "codes-0-0") == [["Mail", "1/2", "50", "1"], ["Visio", "1/2", "50", "1"]]
    assert text(browser, "#h0 .support") == "Supported by 1/2 respondents (50%): C."
    assert text(browser, "#h0 .without") == "Without any linked code: D."
    # The code outside the hypotheses has its section too.
    assert text(browser, "#h2 h2") == "Findings outside the hypotheses"
    assert rows(browser, "codes-2-0") == [["Fraude", "0/2", "0", "0"]]
    browser.choose("#value", "SHS")
    assert rows(browser, "codes-2-0") == [["Fraude", "1/2", "50", "1"]]
    # Hiding a hypothesis hides its section and its row.
    browser.click("#shown input[value='1']")
    assert browser.evaluate("document.getElementById('h1').offsetParent === null")
    assert [r[0] for r in rows(browser, "overview")] == ["H1"]
    assert_clean(browser, page)


def test_a_code_opens_to_one_quote_per_respondent_then_all(browser: Browser, study: Path) -> None:
    page = open_report(browser, study)
    assert visible_quotes(browser, "Mail") == []
    browser.click("tr.code-row[data-code='Mail'] button.code")
    first = visible_quotes(browser, "Mail")
    assert len(first) == 3 and [q.rsplit("— ", 1)[1] for q in first] == ["C", "B", "A"]
    # Shortest readable first; A's is the hostile one: shown as text, never run.
    assert f"{HOSTILE}\n— A" in first and f"{TWO_LINES}\n— B" in first  # lines kept
    assert browser.evaluate("document.scripts.length") == 2
    assert text(browser, "tr.quotes[data-code='Mail'] button.show-all") == "Show all (4)"
    browser.click("tr.quotes[data-code='Mail'] button.show-all")
    shown = visible_quotes(browser, "Mail")
    assert len(shown) == 4 and f"{LONG}\n— A" in shown
    # In a group, only its respondents' quotes.
    browser.choose("#variable", "discipline")
    browser.choose("#value", "sciences")
    assert visible_quotes(browser, "Mail") == ["Un mail de rappel sur les outils disponibles\n— C"]
    assert_clean(browser, page)


def test_tables_sort_by_the_clicked_column(browser: Browser, study: Path) -> None:
    open_report(browser, study)
    assert [r[0] for r in rows(browser, "codes-0-0")] == ["Mail", "Visio"]
    browser.click("#codes-0-0 th[data-col='1']")  # Respondents: most first
    assert [r[0] for r in rows(browser, "codes-0-0")] == ["Mail", "Visio"]
    browser.click("#codes-0-0 th[data-col='1']")  # again: fewest first
    assert [r[0] for r in rows(browser, "codes-0-0")] == ["Visio", "Mail"]
    assert text(browser, "#codes-0-0 th[data-col='1']") == "Respondents ▲"
    browser.click("#overview th[data-col='2']")
    browser.click("#overview th[data-col='2']")
    assert [r[0] for r in rows(browser, "overview")] == ["H2", "H1"]
    browser.click("#overview th[data-col='0']")
    assert [r[0] for r in rows(browser, "overview")] == ["H1", "H2"]
    # From the keyboard: a header takes the focus, Enter sorts by it, focus stays.
    browser.evaluate("document.querySelector('#overview th[data-col=\"2\"]').focus()")
    browser.press("Enter", 13)
    assert [r[0] for r in rows(browser, "overview")] == ["H1", "H2"]  # most first
    browser.press("Enter", 13)
    assert [r[0] for r in rows(browser, "overview")] == ["H2", "H1"]


def test_crosstab_by_a_chosen_variable(browser: Browser, study: Path) -> None:
    open_report(browser, study)
    header = browser.evaluate(
        "[...document.querySelectorAll('#crosstab-table th')].map(h => h.innerText)"
    )
    assert header == ["Code", "SHS", "sciences", "Total"]
    assert text(browser, ".crosstab-of") == "Respondents with each code, by discipline:"
    table = {r[0]: r[1:] for r in rows(browser, "crosstab-table")}
    assert table == {
        "Mail": ["2/2", "1/2", "3/4"],
        "Visio": ["0/2", "1/2", "1/4"],
        "Pairs": ["1/2", "1/2", "2/4"],
        "Fraude": ["1/2", "0/2", "1/4"],
    }
    browser.click("#shown input[value='0']")  # without H1, its codes leave the table
    assert [r[0] for r in rows(browser, "crosstab-table")] == ["Pairs", "Fraude"]


def display(browser: Browser, selector: str) -> str:
    return str(browser.evaluate(f"getComputedStyle(document.querySelector({selector!r})).display"))


def test_print_view_expands_everything_and_hides_the_controls(
    browser: Browser, study: Path
) -> None:
    open_report(browser, study)
    assert display(browser, "tr.quotes[data-code='Pairs']") == "none"
    browser.click("#print-view")
    assert text(browser, "#print-view") == "Interactive view"
    for code in ("Mail", "Visio", "Pairs", "Fraude"):  # every code's quotes, one each
        assert display(browser, f"tr.quotes[data-code='{code}']") == "table-row"
    assert len(visible_quotes(browser, "Mail")) == 3
    assert display(browser, "#controls .filter") == "none"
    assert display(browser, "#print-now") == "none"
    browser.click("#print-view")
    assert display(browser, "tr.quotes[data-code='Pairs']") == "none"
    # Printed straight from the interactive view: the same layout, no controls at all.
    browser.send("Emulation.setEmulatedMedia", media="print")
    try:
        assert display(browser, "#controls") == "none"
        assert display(browser, "tr.quotes[data-code='Pairs']") == "table-row"
        assert len(visible_quotes(browser, "Mail")) == 3
    finally:
        browser.send("Emulation.setEmulatedMedia", media="")
    # The printed file itself: a page per section, quotes in it, no control, its group.
    browser.choose("#variable", "discipline")
    browser.choose("#value", "sciences")
    printed = PdfReader(io.BytesIO(browser.pdf()))
    words = " ".join(page.extract_text() for page in printed.pages)
    assert len(printed.pages) >= 5  # overview, crosstab, H1, H2, outside, method
    assert "Un mail de rappel sur les outils disponibles" in words and "Fraude" in words
    assert "Print view" not in words and "Hypotheses shown" not in words
    assert "2 of 4 respondents: discipline = sciences" in words


def test_the_french_report(browser: Browser, study: Path) -> None:
    page = open_report(browser, study, "fr")
    assert browser.evaluate("document.documentElement.lang") == "fr"
    assert text(browser, "#overview h2") == "Vue d'ensemble"
    assert text(browser, "#group-status") == "4 répondants"
    browser.choose("#variable", "discipline")
    browser.choose("#value", "sciences")
    assert text(browser, "#group-status") == "2 répondants sur 4 : discipline = sciences"
    assert text(browser, "#h0 .support") == "Soutenue par 1/2 répondants (50 %) : C."
    assert text(browser, "#codes-0-0 th[data-col='1']") == "Répondants"
    assert text(browser, "#h2 h2") == "Résultats hors hypothèses"
    assert text(browser, "#method h2") == "Méthode"
    assert "Codeurs : " in text(browser, "#method")
    browser.click("#print-view")
    assert text(browser, "#print-view") == "Vue interactive"
    browser.choose("#variable", "Tous les répondants")
    browser.click("tr.code-row[data-code='Mail'] button.code")
    assert text(browser, "tr.quotes[data-code='Mail'] button.show-all") == "Tout afficher (4)"
    assert_clean(browser, page)


def test_project_text_is_escaped_in_the_markup_and_the_data(study: Path) -> None:
    with Project.open(study) as p:
        html = write_report(p.report(), study.with_name("escaped.html")).read_text("utf-8")
    assert html.count("</script>") == 2  # our two blocks; a quote's never ends one
    assert "<h1>&lt;Étude &amp; co&gt;</h1>" in html and "<b>" not in html
    data: dict[str, Any] = report_data(html)
    mail = next(c for c in data["codes"] if c["name"] == "Mail")
    assert {q["t"] for q in mail["quotes"]} >= {HOSTILE, TWO_LINES}
    assert data["respondents"] == ["A", "B", "C", "D"]
    assert data["variables"][0] == {
        "name": "discipline", "kind": "text", "groups": ["SHS", "sciences"], "of": [0, 0, 1, 1],
    }  # fmt: skip
