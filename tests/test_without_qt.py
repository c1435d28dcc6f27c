"""The core, ingest, analysis and export packages work on a machine without PySide6."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path


def test_core_imports_and_runs_with_pyside6_absent(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        class BlockQt:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "shiboken6"):
                    raise ImportError("PySide6 is not installed")
        sys.meta_path.insert(0, BlockQt())
        try:
            import PySide6
        except ImportError:
            pass
        else:
            raise SystemExit("the blocker did not work")
        import qdaw, qdaw.project, qdaw.ingest, qdaw.analysis.frequencies
        import qdaw.export.tables, qdaw.cli
        from qdaw import Project
        with Project.create({str(tmp_path / "s.qdaw")!r}) as p:
            d = p.add_document("d", "Texte codé.", case="A")
            p.code_segment(d, 0, 5, p.add_code("C"))
            assert p.code_frequencies()["ratio"].tolist() == ["1/1"]
        assert not any(m.startswith("PySide6") for m in sys.modules)
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_importing_qdaw_does_not_load_heavy_libraries() -> None:
    script = (
        "import sys, qdaw\n"
        "heavy = ('pandas', 'spacy', 'PySide6', 'docx', 'alembic')\n"
        "heavy = [m for m in heavy if m in sys.modules]\n"
        "print(heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stdout + result.stderr
