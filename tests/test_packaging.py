"""What an installed qdaw needs: every folder packaged, English lemmas without
spacy-lookups-data, a clear message when the PostgreSQL driver is missing, `--version`,
and the switch the install check uses to open the workbench once and exit.
(scripts/check_install.sh builds the wheel and installs it into a clean environment.)"""

from __future__ import annotations

import fnmatch
import os
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

from sqlalchemy.engine import make_url

import qdaw
from qdaw.sample import build_sample

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def _python(script: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        env={**ENV, **env},
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )


def _folders(package: str, folder: Path) -> dict[str, Path]:
    """The package and every sub-folder holding files, as package name -> folder."""
    found = {package: folder}
    for child in sorted(folder.iterdir()):
        if child.is_dir() and child.name != "__pycache__" and any(child.iterdir()):
            found.update(_folders(f"{package}.{child.name}", child))
    return found


def test_every_folder_and_data_file_is_in_the_package_list() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    roots = {"qdaw": "qdaw", **config["package-dir"]}
    folders: dict[str, Path] = {}
    for package, folder in roots.items():
        folders.update(_folders(package, ROOT / folder))
    assert sorted(folders) == sorted(config["packages"])
    for package, folder in folders.items():
        globs = config["package-data"].get(package, [])
        for file in folder.iterdir():
            if file.is_file() and file.suffix not in (".py", ".pyc"):
                assert any(fnmatch.fnmatch(file.name, g) for g in globs), f"{file} not shipped"


def test_english_lemmas_come_from_the_shipped_table_without_spacy_lookups_data(
    tmp_path: Path,
) -> None:
    result = _python(
        f"""
        import sys
        class NoLookupsData:  # as on an install without spacy-lookups-data
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] == "spacy_lookups_data":
                    raise ImportError("spacy-lookups-data is not installed")
        sys.meta_path.insert(0, NoLookupsData())
        from qdaw import Project
        from qdaw.nlp.pipeline import pipeline
        doc = pipeline("en")("The studies went well: children were running, mice ate.")
        print(" ".join(token.lemma_ for token in doc))
        with Project.create({str(tmp_path / "en.qdaw")!r}) as project:
            project.set_language("en")
            project.add_document("t1", "We went home. She goes there. They studied.", case="A")
            project.index_text()
            print(" ".join(project.search("go", mode="lemma")["match"]))
            print(" ".join(project.search("study", mode="lemma")["match"]))
        assert "spacy_lookups_data" not in sys.modules
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "The study go good : child be run , mouse eat .",
        "went goes",
        "studied",
    ]


def test_a_postgresql_url_without_the_driver_says_to_install_qdaw_postgres() -> None:
    result = _python(
        """
        import sys
        sys.modules["psycopg"] = None  # as on an install without the [postgres] extra
        sys.modules["psycopg2"] = None
        from qdaw import Project, QdawError
        from qdaw.cli import main
        for url in ("postgresql+psycopg://alice:secret@db.example/study",
                    "postgresql://alice:secret@db.example/study"):
            for call in (Project.open, Project.create):
                try:
                    call(url)
                except QdawError as exc:
                    print(exc)
        sys.exit(main(["codes", "postgresql+psycopg://alice@db.example/study"]))
        """
    )
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 4
    assert all("pip install 'qdaw[postgres]'" in line for line in lines)
    assert all("secret" not in line and "alice:***@db.example" in line for line in lines)
    assert "the PostgreSQL driver (psycopg) is not installed" in lines[0]
    assert lines[0] == lines[1]
    # postgresql:// means psycopg from SQLAlchemy 2.1 on, psycopg2 before.
    if make_url("postgresql://db.example/study").get_driver_name() == "psycopg":
        assert lines[2] == lines[0].replace("postgresql+psycopg://", "postgresql://")
    else:
        assert "write the URL as postgresql+psycopg://" in lines[2]
    assert lines[2] == lines[3]
    assert result.stderr.startswith("qdaw: error: postgresql+psycopg://alice@db.example/study:")
    assert "qdaw[postgres]" in result.stderr


def test_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "qdaw", "--version"], env=ENV, capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout == f"qdaw {qdaw.__version__}\n"


def test_the_workbench_can_open_once_and_exit_for_the_install_check(tmp_path: Path) -> None:
    sample = build_sample(tmp_path / "referents.qdaw")
    result = subprocess.run(
        [sys.executable, "-m", "qdaw", "gui", str(sample)],
        env={
            **ENV,
            "QDAW_QUIT_AFTER_FIRST_PAINT": "1",
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "XDG_DATA_HOME": str(tmp_path / "data"),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "qdaw: painted referents — qdaw\n"
    assert "Traceback" not in result.stderr
