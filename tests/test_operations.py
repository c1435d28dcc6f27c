"""Operations as data: each step is logged with its kind and arguments; the workbench
labels and refreshes from them, in its own language, also after reopening and for
another writer's steps."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from qdaw import Project
from qdaw.core.operations import KINDS, Area, Op, op


def test_every_kind_has_a_translatable_label_in_the_workbench() -> None:
    from qdaw.gui.operation_labels import TEMPLATES

    assert set(KINDS) - {"batch"} <= set(TEMPLATES)
    for kind, template in TEMPLATES.items():  # the same arguments as the core's words
        names = {part.split("}")[0] for part in KINDS[kind].template.split("{")[1:]}
        shown = {part.split("}")[0] for part in str(template).split("{")[1:]}
        assert shown <= names, kind


def test_steps_are_logged_as_kind_and_arguments(tmp_path: Path) -> None:
    path = tmp_path / "p.qdaw"
    with Project.create(path, coder="Ana") as p:
        p.add_code("X")
        p.rename_code("X", "Évaluation")
        assert p.undo_operation == op("rename_code", name="Évaluation")
        assert p.undo_label == "Rename code to Évaluation"
        events = []
        p.subscribe(events.append)
        p.undo()
        assert events[-1].op == op("rename_code", name="Évaluation")
        assert events[-1].areas == frozenset({Area.CODEBOOK})
        with p.batch("A script's own words"):
            p.add_code("Y")
        assert p.undo_operation == op("batch", label="A script's own words")
    with Project.open(path, coder="Ana") as p:  # the history's kinds come back from the log
        assert p.undo_operation == op("batch", label="A script's own words")
        p.undo()
        assert p.redo_operation is not None and p.redo_operation.kind == "batch"
        assert p.undo_operation == op("add_code", name="X")


def test_another_writer_s_step_comes_as_data(tmp_path: Path) -> None:
    path = tmp_path / "p.qdaw"
    with Project.create(path, coder="Ana") as p:
        p.add_document("d", "Une réponse.", case="R1")
        p.poll_changes()
        subprocess.run(
            [sys.executable, "-c", textwrap.dedent(f"""
                from qdaw import Project
                with Project.open({str(path)!r}, coder="Ben") as b:
                    b.code_segment("d", 0, 3, b.add_code("Réponse"))
            """)],
            check=True, timeout=120,
        )  # fmt: skip
        event = p.poll_changes()
        assert event is not None and event.remote and event.coder == "Ben"
        assert isinstance(event.op, Op) and event.op.kind in {"code_segment", "add_code"}
        assert Area.CODING in event.areas


def test_the_edit_menu_speaks_french_from_the_kind(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""
        from PySide6.QtWidgets import QApplication
        from qdaw.gui.app import install_translations
        from qdaw.gui.main_window import MainWindow
        from qdaw import Project
        app = QApplication([])
        install_translations(app, "fr")
        with Project.create({str(tmp_path / "p.qdaw")!r}, coder="Ana") as p:
            p.add_hypothesis("H1", "Une hypothèse")
            p.link_code(p.add_code("Fraude"), "H1")
        window = MainWindow()
        window.open_project({str(tmp_path / "p.qdaw")!r})  # reopened: from the log
        print(window.undo_action.text())
    """)
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "QDAW_CODER": "Ana"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "Annuler : Lier Fraude à H1"
