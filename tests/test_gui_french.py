"""The French interface: every string translated, and the window speaks French."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

I18N = Path(__file__).resolve().parents[1] / "qdaw" / "gui" / "i18n"


def test_every_string_is_translated_and_compiled(tmp_path: Path) -> None:
    tree = ET.parse(I18N / "qdaw_fr.ts")
    unfinished = [
        m.findtext("source")
        for m in tree.iter("message")
        if (m.find("translation") is not None and m.find("translation").get("type") == "unfinished")  # type: ignore[union-attr]
    ]
    assert unfinished == []
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, I18N / "qdaw_fr.ts", "-qm", fresh], check=True, capture_output=True)
    assert fresh.read_bytes() == (I18N / "qdaw_fr.qm").read_bytes(), (
        "run scripts/translations_fr.py"
    )


def test_the_workbench_in_french(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        from PySide6.QtWidgets import QApplication
        from qdaw.gui.app import install_translations
        from qdaw.gui.main_window import MainWindow
        from qdaw.sample import build_sample
        app = QApplication([])
        assert install_translations(app, "fr") == "fr"
        window = MainWindow()
        window.open_project(str(build_sample({str(tmp_path / "s.qdaw")!r})))
        print("|".join(a.text() for a in window.menuBar().actions()))
        project = window.session.require()
        project.rename_code("Rejet du numérique", "Refus du numérique")
        print(window.undo_action.text())
        from PySide6.QtCore import Qt
        print(window.analysis.frequencies.headers()["cases"])
        print(window.docks["codes"].windowTitle())
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    menus, undo, header, dock = result.stdout.strip().splitlines()[-4:]
    assert menus == "&Fichier|&Édition|&Codage|&Affichage|&Aide"
    assert undo == "Annuler : Renommer le code en Refus du numérique"
    assert header == "Répondants"
    assert dock == "Livre de codes"
