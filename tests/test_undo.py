"""Every operation undoes and redoes exactly, from the API, and the result is durable."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from qdaw import ConflictError, NotFoundError, Project
from qdaw.errors import NothingToUndo
from tests.conftest import snapshot


def _import_file(p: Project, tmp: Path) -> None:
    path = tmp / "new.txt"
    path.write_text("Un nouvel entretien.", encoding="utf-8")
    p.import_file(path, case="E")


def _import_files(p: Project, tmp: Path) -> None:
    for name in ("e1", "e2"):
        (tmp / f"{name}.txt").write_text(f"Entretien {name}.", encoding="utf-8")
    p.import_files([tmp / "e1.txt", tmp / "e2.txt"], case="A")


def _import_variables(p: Project, tmp: Path) -> None:
    path = tmp / "vars.csv"
    path.write_text("case,discipline,age\nA,SHS,40\nE,sciences,35\n", encoding="utf-8")
    p.import_variables(path)


def _batch(p: Project, tmp: Path) -> None:
    with p.batch("Import coding"):
        code = p.add_code("Emergent")
        for start in (0, 11, 22):
            p.code_segment("a1", start, start + 5, code)
        p.link_code(code, "H2")


OPERATIONS: dict[str, Callable[[Project, Path], object]] = {
    "add case": lambda p, t: p.add_case("E"),
    "rename case": lambda p, t: p.rename_case("A", "Alice"),
    "delete case": lambda p, t: p.delete_case("C"),
    "add document": lambda p, t: p.add_document("e1", "Texte.", case="E"),
    "import file": _import_file,
    "import files": _import_files,
    "rename document": lambda p, t: p.rename_document("a1", "alpha"),
    "move document": lambda p, t: p.move_document("c2", "B"),
    "delete document": lambda p, t: p.delete_document("a1"),
    "set variable": lambda p, t: p.set_variable("A", "discipline", "sciences"),
    "new variable": lambda p, t: p.set_variable("D", "age", 41),
    "import variables": _import_variables,
    "add code": lambda p, t: p.add_code("W", parent="Theme", color="#010203"),
    "rename code": lambda p, t: p.rename_code("X", "X prime"),
    "recolour code": lambda p, t: p.recolor_code("X", "#abcdef"),
    "describe code": lambda p, t: p.describe_code("X", "Une définition"),
    "move code to top": lambda p, t: p.move_code("X", None, 0),
    "reorder code": lambda p, t: p.move_code("Y", "Theme", 0),
    "merge codes": lambda p, t: p.merge_codes("Y", "X"),
    "merge parent": lambda p, t: p.merge_codes("Theme", "Z"),
    "delete code with children": lambda p, t: p.delete_code("Theme"),
    "add hypothesis": lambda p, t: p.add_hypothesis("H3", "Autonomie"),
    "edit hypothesis": lambda p, t: p.edit_hypothesis("H1", label="H1bis", statement="Autre"),
    "delete hypothesis": lambda p, t: p.delete_hypothesis("H1"),
    "link code": lambda p, t: p.link_code("Z", "H1"),
    "unlink code": lambda p, t: p.unlink_code("X", "H1"),
    "code segment": lambda p, t: p.code_segment("b1", 11, 21, "Y", coder="carol", memo="m"),
    "delete segment": lambda p, t: p.delete_segment(p.segments(code="Z")[0]),
    "resize segment": lambda p, t: p.resize_segment(p.segments(code="Z")[0], 0, 21),
    "recode segment": lambda p, t: p.recode_segment(p.segments(code="Z")[0], "Y"),
    "memo on segment": lambda p, t: p.set_memo(p.segments()[0], "Passage clé"),
    "memo on code": lambda p, t: p.set_memo(p.code("X"), "Note"),
    "memo on case": lambda p, t: p.set_memo(p.case("A"), "Entretien difficile"),
    "memo on document": lambda p, t: p.set_memo(p.document("a1"), "Transcrit par X"),
    "memo on hypothesis": lambda p, t: p.set_memo(p.hypothesis("H1"), "À discuter"),
    "memo on project": lambda p, t: p.set_memo("project", "Étude pilote"),
    "delete variable": lambda p, t: p.delete_variable("discipline"),
    "batch": _batch,
}


@pytest.mark.parametrize("name", OPERATIONS)
def test_undo_and_redo_restore_exactly(small_study: Project, tmp_path: Path, name: str) -> None:
    p = small_study
    before = snapshot(p)
    depth = len(p.history.undo_stack)
    OPERATIONS[name](p, tmp_path)
    after = snapshot(p)
    assert after != before
    assert len(p.history.undo_stack) == depth + 1, "one user action, one undo step"
    label = p.undo_label
    assert label and p.undo() == label
    assert snapshot(p) == before
    assert p.redo() == label
    assert snapshot(p) == after
    p.undo()
    path = p.path
    p.close()
    with Project.open(path) as reopened:  # the undo is on disk
        assert snapshot(reopened) == before


def test_labels_name_the_action(small_study: Project) -> None:
    small_study.rename_code("X", "Évaluation")
    assert small_study.undo_label == "Rename code to Évaluation"
    small_study.undo()
    assert small_study.redo_label == "Rename code to Évaluation"


def test_a_new_action_clears_redo(small_study: Project) -> None:
    small_study.add_code("W")
    small_study.undo()
    small_study.add_code("V")
    with pytest.raises(NothingToUndo):
        small_study.redo()


def test_undo_with_empty_history(project: Project) -> None:
    with pytest.raises(NothingToUndo, match="nothing to undo"):
        project.undo()


def test_undo_inside_a_batch_is_refused(small_study: Project) -> None:
    with pytest.raises(ConflictError), small_study.batch("x"):
        small_study.undo()


def test_listeners_hear_each_change(small_study: Project) -> None:
    heard = []
    stop = small_study.subscribe(heard.append)
    small_study.recolor_code("X", "#123456")
    small_study.undo()
    stop()
    small_study.redo()
    assert [(e.label, e.action, set(e.tables)) for e in heard] == [
        ("Recolour X", "do", {"codes"}),
        ("Recolour X", "undo", {"codes"}),
    ]


def test_handles_stay_valid_across_delete_and_undo(small_study: Project) -> None:
    code = small_study.code("X")
    small_study.delete_code("Theme")
    with pytest.raises(NotFoundError):
        _ = code.name
    small_study.undo()
    assert code.name == "X" and code.parent == small_study.code("Theme")


def test_code_or_new_finds_or_creates_a_path_in_one_step(project: Project) -> None:
    existing = project.add_code("Outils")
    assert project.code_or_new("Outils") == (existing, False)
    code, created = project.code_or_new("Évaluation / Triche", author="ann")
    assert created and code.path == "Évaluation/Triche"
    assert project.code("Évaluation").id == code.parent.id  # type: ignore[union-attr]
    assert project.undo_label == "Add code Triche"
    project.undo()  # the category created on the way goes too
    assert [c.name for c in project.codes()] == ["Outils"]
    again, created = project.code_or_new("Outils/Zoom")
    assert created and again.parent == existing


@pytest.mark.parametrize("name", OPERATIONS)
def test_undo_and_redo_after_a_colleague_s_unrelated_step(
    small_study: Project, tmp_path: Path, name: str
) -> None:
    """With a step of another coder in between, undo checks each row against what was
    written since instead of taking it on trust; an unrelated step never blocks it."""
    p = small_study

    def content() -> dict[str, list[tuple]]:
        return {t: rows for t, rows in snapshot(p).items() if t != "entities"}

    before = content()
    OPERATIONS[name](p, tmp_path)
    after = content()
    with Project.open(p.path, coder="Ben") as colleague:  # type: ignore[arg-type]
        colleague.add_entity("Zorro", "person")
    label = p.undo()
    assert content() == before
    assert p.redo() == label and content() == after
    with Project.open(p.path, coder="Ben") as colleague:  # type: ignore[arg-type]
        colleague.undo()  # Ben's step goes; Ana's history is hers
    assert p.undo() == label and content() == before
    assert [e for e in snapshot(p)["entities"]] == []
