"""The project's title: set, undone, shown by the reports instead of the file's name."""

from __future__ import annotations

from pathlib import Path

import pytest

from qdaw import Project
from qdaw.cli import main
from qdaw.export.report import write_report


def test_the_title_names_the_report_and_undoes(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "etude_v3_final.qdaw")
    project.add_document("d", "Bonjour.", case="R")
    assert project.title == "etude_v3_final"
    project.set_title("Les référents numériques pendant le confinement")
    assert project.title == "Les référents numériques pendant le confinement"
    assert (
        project.undo_label
        == "Set the project's title to Les référents numériques pendant le confinement"
    )
    markdown = write_report(project.report(), tmp_path / "r.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Hypotheses report — Les référents numériques pendant")
    project.undo()
    assert project.title == "etude_v3_final"
    project.set_title("")
    assert project.title == "etude_v3_final"


def test_the_command_line_shows_and_sets_the_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "p.qdaw")
    assert main(["new", path]) == 0
    assert main(["title", path, "Étude pilote"]) == 0
    assert main(["title", path]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == "Étude pilote"
