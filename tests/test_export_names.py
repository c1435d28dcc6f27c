"""Files named after labels and pseudonyms: one file each, even when two labels make the
same file name, and no file replaced without saying so."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from qdaw import Project
from qdaw.cli import main
from qdaw.export.filenames import UniqueNames, safe_stem
from qdaw.export.report import write_report
from tests.other_writer import Writer


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "study.qdaw")
    return str(request.getfixturevalue("pg_url"))


LABELS = ("H1/a", "H1:a", "Marie", "marie", "Marie Dupont", "Dupont")


@pytest.fixture
def study(target: str) -> Iterator[Project]:
    """Case names that make one file name: by a forbidden character, by case alone,
    and (anonymised) by a pseudonym shared by two forms of one name."""
    with Project.create(target) as p:
        for name in LABELS:
            p.add_document(name, f"Interview of {name}, who met Marie Dupont.", case="Référent")
        yield p


def _portable(name: str) -> bool:
    return not re.search(r'[<>:"/\\|?*\x00-\x1f]', name) and name == name.strip(" .")


def test_labels_that_make_one_file_name_get_a_counter() -> None:
    names = UniqueNames()
    first, second = names("H1/a", ".png"), names("H1:a", ".png")
    assert (first, second) == ("H1_a.png", "H1_a (2).png")
    # Case does not count on Windows and macOS: "marie" would overwrite "Marie".
    assert [names("Marie", ".txt"), names("marie", ".txt")] == ["Marie.txt", "marie (2).txt"]
    # A label that looks like a counted name is counted on in turn.
    assert names("H1_a (2)", ".png") == "H1_a (2) (2).png"
    # Accents stay; Windows' reserved names, dots, blanks and overlong labels do not.
    assert safe_stem("Référent 2 — Élodie") == "Référent 2 — Élodie"
    assert safe_stem("CON") == "_CON" and safe_stem(" ... ") == "file"
    long = safe_stem("Référent " * 60)
    assert len(long.encode("utf-8")) <= 200 and _portable(long)


def test_documents_never_overwrite_one_another(study: Project, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    files = study.export_documents(folder)
    assert len(files) == 6 and files.replaced == []
    assert len({f.name.casefold() for f in files}) == 6  # distinct even ignoring case
    assert all(_portable(f.name) for f in files)
    texts = {f.read_text(encoding="utf-8") for f in files}
    assert texts == {f"Interview of {name}, who met Marie Dupont." for name in LABELS}
    assert [f.name for f in files[:4]] == [
        "Référent - H1_a.txt", "Référent - H1_a (2).txt",
        "Référent - Marie.txt", "Référent - marie (2).txt",
    ]  # fmt: skip
    assert sorted(p.name for p in folder.iterdir()) == sorted(f.name for f in files)


def test_anonymised_names_that_share_a_pseudonym_keep_their_files(
    study: Project, tmp_path: Path
) -> None:
    study.add_entity("Marie Dupont", "person")
    assert study.add_entity("Dupont", "person") == "[Personne 1]"  # one person, two forms
    files = study.export_documents(tmp_path / "anon", anonymise=True)
    anonymised = [f.name for f in files if "[Personne 1]" in f.name]
    assert anonymised == ["Référent - [Personne 1].txt", "Référent - [Personne 1] (2).txt"]
    for path in files:
        assert "Dupont" not in path.name and "Dupont" not in path.read_text(encoding="utf-8")


def test_exporting_again_says_which_files_it_replaced(
    study: Project, target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "RÉFÉRENT - MARIE.txt").write_text("the researcher's own notes", encoding="utf-8")
    (folder / "notes.txt").write_text("kept", encoding="utf-8")
    assert main(["export", "documents", target, "-o", str(folder)]) == 0
    first = capsys.readouterr().out
    assert f"Wrote 6 documents to {folder}" in first
    # On a case-insensitive system "Référent - Marie.txt" is that file: then it is said.
    folded = (folder / "référent - marie.txt").exists()
    assert ("replaced" in first) == folded
    # Another writer adds a document meanwhile; the files already written keep their
    # names (the older document keeps the plain one) and the new one gets a counter.
    Writer(target, "Ben", "process").run("p.add_document('MARIE', 'A third.', case='Référent')")
    assert main(["export", "documents", target, "-o", str(folder)]) == 0
    again = capsys.readouterr().out.splitlines()
    assert again[0] == f"Wrote 7 documents to {folder}"
    replaced = [Path(line.removeprefix("replaced ")) for line in again[1:]]
    assert len(replaced) == 6 and all(path.parent == folder for path in replaced)
    assert (folder / "Référent - MARIE (3).txt").read_text(encoding="utf-8") == "A third."
    marie = (folder / "Référent - marie (2).txt").read_text(encoding="utf-8")
    assert marie == "Interview of marie, who met Marie Dupont."
    if not folded:
        own = (folder / "RÉFÉRENT - MARIE.txt").read_text(encoding="utf-8")
        assert own == "the researcher's own notes"
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "kept"
    assert not list(folder.glob("*.partial")) and not list(folder.glob(".*.partial"))


def test_single_file_exports_say_when_they_replace_a_file(
    study: Project, target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "codebook.csv"
    assert main(["export", "codebook", target, "-o", str(output)]) == 0
    assert capsys.readouterr().out == f"Wrote {output}\n"
    assert main(["export", "codebook", target, "-o", str(output)]) == 0
    assert capsys.readouterr().out == f"Replaced {output}\n"


def test_report_charts_of_hypotheses_named_alike_are_two_files(
    study: Project, tmp_path: Path
) -> None:
    for number, label in enumerate(("H1/a", "H1:a")):
        code = study.add_code(f"Code {number}")  # (a code name cannot hold '/')
        study.code_segment(label, 0, 9, code)
        study.add_hypothesis(label, f"Statement {label}")
        study.link_code(code, label)
    report = write_report(study.report(), tmp_path / "report.md")
    charts = tmp_path / "report_charts"
    names = sorted(p.name for p in charts.iterdir())
    assert len(names) == 3 and "overview.png" in names and all(map(_portable, names))
    markdown = report.read_text(encoding="utf-8")
    for name in names:
        assert f"(report_charts/{name.replace(' ', '%20')})" in markdown
