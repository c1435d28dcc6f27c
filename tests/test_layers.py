"""The layer rules (pyproject's [tool.importlinter]) hold, and breaking one is caught:
a static check of the import graph, not a run-time import test that a lazy import
inside a function would slip past."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    command = Path(sys.executable).with_name("lint-imports")
    env = {**os.environ, "PYTHONPATH": str(root)}  # this copy of qdaw, not the installed one
    return subprocess.run(
        [str(command), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_the_layer_rules_hold() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "BROKEN" not in result.stdout and result.stdout.count("KEPT") == 4


def copy_of_the_code(tmp_path: Path) -> Path:
    root = tmp_path / "checkout"
    shutil.copytree(ROOT / "qdaw", root / "qdaw", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


def test_qt_in_the_text_layer_is_caught(tmp_path: Path) -> None:
    root = copy_of_the_code(tmp_path)
    module = root / "qdaw" / "nlp" / "speakers.py"
    # Inside a function, as the lazy imports are: the graph still has the edge.
    module.write_text(
        module.read_text(encoding="utf-8") + "\n\ndef _window() -> None:\n    import PySide6\n",
        encoding="utf-8",
    )
    result = lint_imports(root)
    assert result.returncode != 0
    assert "Qt only in the workbench BROKEN" in result.stdout
    assert "qdaw.nlp.speakers -> PySide6" in result.stdout


def test_sql_in_the_workbench_is_caught(tmp_path: Path) -> None:
    root = copy_of_the_code(tmp_path)
    module = root / "qdaw" / "gui" / "passages.py"
    module.write_text(
        module.read_text(encoding="utf-8") + "\nfrom sqlalchemy import select  # noqa\n",
        encoding="utf-8",
    )
    result = lint_imports(root)
    assert "The workbench never talks SQL BROKEN" in result.stdout


def test_the_facade_below_the_store_is_caught(tmp_path: Path) -> None:
    root = copy_of_the_code(tmp_path)
    module = root / "qdaw" / "analysis" / "coverage.py"
    # analysis takes the store; reaching up to the façade, even lazily, breaks the layers.
    module.write_text(
        module.read_text(encoding="utf-8")
        + "\n\ndef _open(path):\n    from qdaw.project import Project\n\n"
        + "    return Project.open(path)\n",
        encoding="utf-8",
    )
    result = lint_imports(root)
    assert result.returncode != 0
    assert "Each layer uses only the layers below it BROKEN" in result.stdout
    assert "qdaw.analysis.coverage -> qdaw.project" in result.stdout


OUTSIDE_THE_CORE = ("services", "analysis", "nlp", "export", "ingest", "cli", "gui")


def _the_store_or_facade(node: ast.expr) -> bool:
    """project, p, own, store, or a service's self.store / self.owner."""
    if isinstance(node, ast.Name):
        return node.id in {"project", "own", "p", "store"}
    return (
        isinstance(node, ast.Attribute)
        and node.attr in {"store", "owner", "_owner", "project"}
        and isinstance(node.value, ast.Name)
    )


def private_uses(root: Path) -> list[str]:
    """`something._name` outside the core, where something is the store or the façade
    (not the module's own object, self or cls): the core's private methods are its own."""
    found = []
    for package in OUTSIDE_THE_CORE:
        for path in sorted((root / "qdaw" / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Attribute)
                    and node.attr.startswith("_")
                    and not node.attr.startswith("__")
                    and _the_store_or_facade(node.value)
                ):
                    found.append(f"{path.relative_to(root)}:{node.lineno} {ast.unparse(node)}")
    return found


def test_nothing_outside_the_core_calls_its_private_methods(tmp_path: Path) -> None:
    assert private_uses(ROOT) == []
    root = copy_of_the_code(tmp_path)  # and the check bites
    module = root / "qdaw" / "analysis" / "coverage.py"
    module.write_text(
        module.read_text(encoding="utf-8")
        + "\n\ndef _peek(project):\n    return project._rows(1)\n",
        encoding="utf-8",
    )
    assert private_uses(root) == [
        f"qdaw/analysis/coverage.py:{len(module.read_text().splitlines())} project._rows"
    ]
