"""The Markdown report shows what users wrote as they wrote it: no formatting, link,
heading, HTML or table cell made of an interview's "*", "[x](y)", "#", "<b>" or "|"."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from markdown_it import MarkdownIt

from qdaw import Project
from qdaw.cli import main
from qdaw.export.report import write_report
from tests.browser import report_data

QUOTE = (
    "Première ligne, *vraiment* _importante_ & <b>grasse</b>\n"
    "# pas un titre\n"
    "> pas une citation\n"
    "1. pas une liste\n"
    "- ni celle-ci\n"
    "---\n"
    "\n"
    "Voir [le site](http://exemple.org) | colonne ~~barré~~ `code` \\ fin"
)
CODE = "*Stress* _au_ #travail"
LABEL = "H#1|a"
STATEMENT = "Les [sources](http://evil.example) <i>comptent</i>"
DESCRIPTION = "voir *ceci* et __cela__"
MEMO = "Mémo | avec _soulignés_\n# pas un titre\n+ pas une liste"
CASE = "Cas_1 *A*"


class Rendered(HTMLParser):
    """Tags and text of the rendered report."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.texts: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.texts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.texts)


@pytest.fixture
def report(tmp_path: Path) -> Path:
    with Project.create(tmp_path / "hostile.qdaw") as p:
        text = f"Intro.\n{QUOTE}\nAprès."
        p.add_document("e1", text, case=CASE)
        code = p.add_code(CODE)
        p.set_memo(p.code(CODE), MEMO)
        p.code_segment("e1", text.index("Première"), text.index(" fin") + 4, code)
        p.add_hypothesis(LABEL, STATEMENT, DESCRIPTION)
        p.link_code(code, LABEL)
        path = tmp_path / "report.md"
        assert main(["report", "hypotheses", str(p.path), "-o", str(path), "--lang", "fr"]) == 0
        return path


def test_quotes_of_several_lines_stay_in_their_block(report: Path) -> None:
    markdown = report.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(markdown) if "Première ligne" in line)
    end = next(i for i in range(start, len(markdown)) if markdown[i].startswith("> — **"))
    block = markdown[start : end + 1]
    assert len(block) == len(QUOTE.splitlines()) + 2  # each line, a blank ">", the case
    assert all(line == ">" or line.startswith("> ") for line in block)


def test_user_text_renders_as_typed(report: Path) -> None:
    markdown = report.read_text(encoding="utf-8")
    renderer = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    page = Rendered(renderer.render(markdown))
    # Our own structure: one h1, h2 per section, one quote block, two tables; the
    # description is the only emphasis, the memo's author and the case the only bold.
    assert page.tags.count("h1") == 1 and page.tags.count("blockquote") == 1
    assert page.tags.count("table") == 2 and page.tags.count("em") == 1
    assert page.tags.count("strong") == 2 and page.tags.count("ul") == 2  # memos, method
    for tag in ("a", "b", "i", "code", "s", "del", "ol", "hr"):
        assert tag not in page.tags, tag
    assert page.tags.count("img") == 2  # the two charts, nothing of the user's
    # Every user string is shown, character for character (lines become line breaks).
    shown = page.text
    for line in [*QUOTE.splitlines(), *MEMO.splitlines(), CODE, LABEL, STATEMENT, CASE]:
        assert line.strip() in shown, line
    assert DESCRIPTION in shown
    # The table has its four columns: the "|" of a code name is no column border.
    row = next(line for line in markdown.splitlines() if line.startswith("| \\*Stress"))
    assert len(row.replace("\\|", "").split("|")) == 6


def test_html_and_word_reports_keep_the_lines_of_a_quote(report: Path, tmp_path: Path) -> None:
    with Project.open(str(report.with_name("hostile.qdaw"))) as p:
        html = write_report(p.report(), tmp_path / "report.html").read_text(encoding="utf-8")
        word = write_report(p.report(), tmp_path / "report.docx")
    # The page's data holds the quote as typed, its lines kept (the page shows them with
    # white-space: pre-line, tests/test_report_page.py); no "<" of it is markup.
    (code,) = report_data(html)["codes"]
    assert code["quotes"][0]["t"] == QUOTE
    assert "<b>" not in html.split("<body>")[1]
    (quote,) = [p.text for p in docx.Document(str(word)).paragraphs if p.style.name == "Quote"]
    assert quote == f"“{QUOTE}” — {CASE}"  # its line breaks included


def test_dollars_in_labels_are_no_formula_in_charts(tmp_path: Path) -> None:
    """Matplotlib reads "$…$" as a formula: an unclosed one made every chart, and so
    every report, fail."""
    with Project.create(tmp_path / "dollars.qdaw") as p:
        p.add_document("e1", "Le prix : 5 $ ou 10 $.", case="Cas $1")
        code = p.add_code(r"Prix $\frac{$")
        p.code_segment("e1", 0, 8, code)
        p.add_hypothesis("H$1", r"Coût $x^2$")
        p.link_code(code, "H$1")
        for suffix in (".md", ".html", ".docx"):
            assert write_report(p.report(), tmp_path / f"r{suffix}").stat().st_size > 0
        for kind in ("frequencies", "heatmap"):
            chart = tmp_path / f"{kind}.svg"
            args = ["export", "chart", str(p.path), "--kind", kind, "-o", str(chart)]
            assert main(args) == 0
            assert chart.read_text(encoding="utf-8").startswith("<?xml")
    assert r"Prix \$\\frac{\$" in (tmp_path / "r.md").read_text(encoding="utf-8")
