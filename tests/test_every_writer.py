"""Every public method of Project that writes undoes and redoes exactly, across reopening.

Which methods write is found by reading their code (and the code they call), not from
a list kept by hand: a new writing method without a call below fails this test.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from qdaw import Project
from tests.conftest import snapshot
from tests.test_refi_import import QC as QC_FIXTURE

#: What opens a write transaction.
WRITES = {"_writing", "writing", "batch", "_deriving", "_transaction"}
#: The undo machinery itself, derived data (the text index is rebuilt, not undone), and
#: the store's own write primitives (public for nlp and analysis; not steps themselves).
NOT_STEPS = {"undo", "redo", "index_text", "deriving", "transaction"}


def _owned(node: ast.expr) -> bool:
    """self.x(), project.x(), and a service's call on another: self.coding.x(),
    self.owner.x() (every public service method is also one of Project's)."""
    if isinstance(node, ast.Name):
        return node.id in ("self", "project", "owner")
    return isinstance(node, ast.Attribute) and _owned(node.value)


def _calls(function: Any) -> tuple[bool, set[str], list[Any]]:
    """(opens a write transaction itself, Project methods called, functions called)."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    except (OSError, TypeError):
        return False, set(), []
    imported: dict[str, Any] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("qdaw"):
            module = importlib.import_module(node.module)
            for alias in node.names:
                imported[alias.asname or alias.name] = getattr(module, alias.name, None)
    writes, methods, functions = False, set(), []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in WRITES:
            writes = True
        if not isinstance(node, ast.Call):
            continue
        target = node.func
        if isinstance(target, ast.Attribute) and _owned(target.value):
            methods.add(target.attr)
        elif isinstance(target, ast.Name):
            found = imported.get(target.id) or getattr(function, "__globals__", {}).get(target.id)
            if inspect.isfunction(found) and found.__module__.startswith("qdaw"):
                functions.append(found)
    return writes, methods, functions


def writing_methods() -> set[str]:
    memo: dict[Any, bool] = {}

    def writes(function: Any) -> bool:
        if function in memo:
            return memo[function]
        memo[function] = False  # a cycle adds nothing
        direct, methods, functions = _calls(function)
        found = direct or any(
            writes(getattr(Project, name))
            for name in methods
            if inspect.isfunction(getattr(Project, name, None))
        )
        memo[function] = found or any(writes(f) for f in functions)
        return memo[function]

    return {
        name
        for name, function in inspect.getmembers(Project, inspect.isfunction)
        if not name.startswith("_") and writes(function)
    }


def _files(p: Project, tmp: Path) -> list[Path]:
    paths = []
    for name in ("e1", "e2"):
        paths.append(tmp / f"{name}.txt")
        paths[-1].write_text(f"Entretien {name} : Marie Dupont parle.", encoding="utf-8")
    return paths


def _store_sources(p: Project, tmp: Path) -> object:
    from qdaw.ingest.batch import read_sources

    return p.store_sources(read_sources(_files(p, tmp), True, None, None).sources, case="E")


def _codebook(p: Project, tmp: Path) -> object:
    path = tmp / "codebook.csv"
    path.write_text("name,parent,hypotheses\nW,Theme,H2\nV,,H3\n", encoding="utf-8")
    return p.import_codebook(path)


def _variables(p: Project, tmp: Path) -> object:
    path = tmp / "vars.csv"
    path.write_text("case,discipline,age\nA,SHS,40\nE,sciences,35\n", encoding="utf-8")
    return p.import_variables(path)


def _batch(p: Project, tmp: Path) -> None:
    with p.batch("Import coding"):
        p.code_segment("a1", 0, 5, p.add_code("Emergent"))


def _region(p: Project, tmp: Path) -> None:
    from tests.test_images import write_png

    with p.batch("Photo"):
        p.import_file(write_png(tmp / "photo.png", 40, 30), case="A")
        p.code_region("photo", 5, 5, 20, 10, "Y", memo="le tableau")


def _merge(p: Project, tmp: Path) -> object:
    other = p.copy_for_coder(tmp / "zoe.qdaw", "zoe")
    with Project.open(other) as copy:
        copy.code_segment("a1", 0, 5, copy.add_code("W", parent="Theme"))
        copy.add_document("z1", "Zulu one.", case="Z")
        copy.set_variable("A", "discipline", "droit")  # a conflict: the target's stays
        copy.set_memo(copy.code("X"), "Zoe's note")
    return p.merge(other)


RULES = {"rules": [{"code": "Règles/Alpha", "patterns": [[{"LOWER": "alpha"}]]}]}

CALLS: dict[str, Callable[[Project, Path], object]] = {
    "accept_entity": lambda p, t: p.accept_entity("Charlie"),
    "add_case": lambda p, t: p.add_case("E"),
    "add_code": lambda p, t: p.add_code("W", parent="Theme"),
    "add_document": lambda p, t: p.add_document("e1", "Texte.", case="E"),
    "add_entity": lambda p, t: p.add_entity("Bravo", "person"),
    "add_hypothesis": lambda p, t: p.add_hypothesis("H3", "Autonomie"),
    "add_set": lambda p, t: p.add_set("Vague 2", kind="code", members=["X", "Z"]),
    "add_to_set": lambda p, t: p.add_to_set("Vague 1", ["b1", "c1"]),
    "remove_from_set": lambda p, t: p.remove_from_set("Vague 1", ["a1"]),
    "delete_set": lambda p, t: p.delete_set("Vague 1"),
    "add_variable": lambda p, t: p.add_variable("site", "text"),
    "apply_rules": lambda p, t: p.apply_rules(RULES),
    "autocode": lambda p, t: p.autocode("bravo", "Z", unit="sentence"),
    "batch": _batch,
    "code_or_new": lambda p, t: p.code_or_new("Nouvelle/Catégorie"),
    "code_passages": lambda p, t: p.code_passages([(p.document("b1").id, 0, 5)], "Y"),
    "code_region": _region,
    "code_segment": lambda p, t: p.code_segment("b1", 11, 21, "Y", coder="carol", memo="m"),
    "delete_case": lambda p, t: p.delete_case("C"),
    "delete_code": lambda p, t: p.delete_code("Theme"),
    "delete_document": lambda p, t: p.delete_document("a1"),
    "delete_hypothesis": lambda p, t: p.delete_hypothesis("H1"),
    "delete_segment": lambda p, t: p.delete_segment(p.segments(code="Z")[0]),
    "delete_variable": lambda p, t: p.delete_variable("discipline"),
    "change_variable_type": lambda p, t: p.change_variable_type(
        "discipline", "categorical", levels=["shs", "Sciences"]
    ),
    "describe_code": lambda p, t: p.describe_code("X", "Une définition"),
    "detect_entities": lambda p, t: p.detect_entities(),
    "edit_hypothesis": lambda p, t: p.edit_hypothesis("H1", label="H1bis"),
    "import_codebook": _codebook,
    "import_file": lambda p, t: p.import_file(_files(p, t)[0], case="E"),
    "import_files": lambda p, t: p.import_files(_files(p, t), case="A"),
    "import_variables": _variables,
    "import_qdpx": lambda p, t: p.import_qdpx(QC_FIXTURE),
    "link_code": lambda p, t: p.link_code("Z", "H1"),
    "merge": _merge,
    "merge_codes": lambda p, t: p.merge_codes("Theme", "Z"),
    "move_code": lambda p, t: p.move_code("X", None, 0),
    "move_document": lambda p, t: p.move_document("c2", "B"),
    "propose_entities": lambda p, t: p.propose_entities(p.find_entities() or []),
    "recode_segment": lambda p, t: p.recode_segment(p.segments(code="Z")[0], "Y"),
    "recolor_code": lambda p, t: p.recolor_code("X", "#abcdef"),
    "reject_entity": lambda p, t: p.reject_entity("Charlie"),
    "rename_case": lambda p, t: p.rename_case("A", "Alice"),
    "rename_code": lambda p, t: p.rename_code("X", "X prime"),
    "rename_document": lambda p, t: p.rename_document("a1", "alpha"),
    "resize_segment": lambda p, t: p.resize_segment(p.segments(code="Z")[0], 0, 21),
    "set_default_coder": lambda p, t: p.set_default_coder("Dan"),
    "set_title": lambda p, t: p.set_title("Étude des référents"),
    "set_stop_words": lambda p, t: p.set_stop_words("fr", add="bon", remove=["ça", "être"]),
    "set_language": lambda p, t: p.set_language("en", "b1"),
    "set_memo": lambda p, t: p.set_memo(p.code("X"), "Note"),
    "set_pseudonym": lambda p, t: p.set_pseudonym("Charlie", "[Quelqu'un]"),
    "set_speaker_pattern": lambda p, t: p.set_speaker_pattern(r"^(?P<speaker>[A-Z]) :"),
    "set_variable": lambda p, t: p.set_variable("D", "age", 41),
    "set_document_variable": lambda p, t: p.set_document_variable("a1", "interviewer", "Ana"),
    "set_levels": lambda p, t: p.set_levels("level", ["LOW", "medium", "high"]),
    "store_sources": _store_sources,
    "unlink_code": lambda p, t: p.unlink_code("X", "H1"),
}


def test_every_writing_method_has_a_call_here() -> None:
    found = writing_methods()
    assert {"add_code", "import_codebook", "autocode", "apply_rules"} <= found  # sanity
    missing = found - NOT_STEPS - set(CALLS)
    assert not missing, f"writing methods with no undo test: {sorted(missing)}"
    assert not set(CALLS) - found, "calls of methods that do not write"


#: Rebuilt by index_text, not undone: a document whose deletion is undone (or whose
#: import is redone) is indexed again (the full-text index's pages could not be
#: restored byte for byte anyway).
DERIVED = ("text_units", "tokens", "token_index", "token_chunks")


def content(p: Project) -> dict[str, list[tuple[Any, ...]]]:
    return {t: rows for t, rows in snapshot(p).items() if not t.startswith(DERIVED)}


@pytest.fixture
def indexed_study(small_study: Project) -> Project:
    from qdaw.nlp.entities import Candidate

    small_study.set_language("fr")
    small_study.index_text()
    small_study.propose_entities([Candidate("Charlie", "person", 2)])  # to accept, reject…
    small_study.add_variable("level", "categorical", levels=["low", "high"])
    small_study.set_variable("A", "level", "low")
    small_study.add_set("Vague 1", members=["a1", "c2"])
    return small_study


@pytest.mark.parametrize("name", sorted(CALLS))
def test_each_writing_method_undoes_and_redoes_exactly(
    indexed_study: Project, tmp_path: Path, name: str
) -> None:
    p = indexed_study
    before = content(p)
    CALLS[name](p, tmp_path)
    after = content(p)
    assert after != before, f"{name} changed nothing"
    label = p.undo()
    assert content(p) == before
    assert p.redo() == label and content(p) == after
    path, coder = p.path, p.coder
    assert path is not None
    p.close()
    with Project.open(path, coder=coder) as reopened:  # the history is in the project
        assert reopened.undo() == label
        assert content(reopened) == before
    with Project.open(path, coder=coder) as reopened:
        assert reopened.redo() == label
        assert content(reopened) == after
