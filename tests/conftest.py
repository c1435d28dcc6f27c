from __future__ import annotations

import os
import tempfile

# Qt tests run without a display, and never touch the user's own settings.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_settings_home = tempfile.mkdtemp(prefix="qdaw-test-home-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_settings_home, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_settings_home, "data")
# The workbench backs a project up as it opens it; the suite opens thousands (the
# backup tests turn it back on).
os.environ["QDAW_AUTO_BACKUP"] = "0"

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from sqlalchemy import inspect, text  # noqa: E402

from qdaw import Project  # noqa: E402


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    p = Project.create(tmp_path / "study.qdaw")
    yield p
    p.close()


#: The history of the project rather than its content: undo writes to them too.
HISTORY_TABLES = {"alembic_version", "operations", "revisions"}


def snapshot(project: Project) -> dict[str, list[tuple]]:
    """Every row of every table, in key order: compared before and after undo."""
    tables = {}
    with project.engine.connect() as conn:
        for name in sorted(inspect(conn).get_table_names()):
            if name in HISTORY_TABLES:
                continue
            keys = inspect(conn).get_pk_constraint(name)["constrained_columns"]
            order = ", ".join(keys) if keys else "1"
            tables[name] = [
                tuple(r) for r in conn.execute(text(f"SELECT * FROM {name} ORDER BY {order}"))
            ]
    return tables


@pytest.fixture
def small_study(project: Project) -> Project:
    """Three respondents, four documents (C has two), a small codebook.

    Hand-made so that every count in the tests can be checked by reading this fixture.
    """
    a = project.add_document("a1", "Alpha one. Alpha two. Alpha three.", case="A")
    b = project.add_document("b1", "Bravo one. Bravo two.", case="B")
    c1 = project.add_document("c1", "Charlie one. Charlie two.", case="C")
    c2 = project.add_document("c2", "Charlie three, second file.", case="C")
    project.add_case("D")  # a respondent with no document yet: not in N
    for case, discipline, seniority in (("A", "SHS", 3), ("B", "sciences", 10), ("C", "SHS", 7)):
        project.set_variable(case, "discipline", discipline)
        project.set_variable(case, "seniority", seniority)
    theme = project.add_code("Theme")
    x = project.add_code("X", parent=theme)
    y = project.add_code("Y", parent=theme)
    z = project.add_code("Z")
    h1 = project.add_hypothesis("H1", "X and Y matter")
    h2 = project.add_hypothesis("H2", "Z matters")
    project.link_code(x, h1)
    project.link_code(y, h1)
    project.link_code(z, h2)
    project.code_segment(a, 0, 10, x, coder="ann")  # A: X three times
    project.code_segment(a, 11, 21, x, coder="ann")
    project.code_segment(a, 22, 34, x, coder="bob")
    project.code_segment(a, 0, 21, y, coder="ann")  # overlaps the X segments
    project.code_segment(c1, 0, 12, x, coder="ann")  # C: X in two documents
    project.code_segment(c2, 0, 13, x, coder="bob")
    project.code_segment(b, 0, 10, z, coder="ann")
    project.code_segment(c1, 13, 24, theme, coder="ann")  # the parent's own segment
    return project


@pytest.fixture(scope="session")
def postgres_server():  # type: ignore[no-untyped-def]
    import os

    from tests.pg_server import PostgresServer

    try:
        server = PostgresServer()
    except (RuntimeError, OSError) as exc:
        if os.environ.get("CI"):
            raise  # CI installs PostgreSQL: a missing server there is a failure
        pytest.skip(f"no PostgreSQL server here: {exc}")
    yield server
    server.stop()


@pytest.fixture
def pg_url(postgres_server, request) -> str:  # type: ignore[no-untyped-def]
    import hashlib
    import re

    # Readable, and unique even when parametrized names share their first 50 characters.
    digest = hashlib.sha1(request.node.nodeid.encode()).hexdigest()[:8]
    name = "t_" + re.sub(r"\W", "_", request.node.name).lower()[:45] + "_" + digest
    return str(postgres_server.create_database(name))


@pytest.fixture(autouse=True)
def fresh_settings() -> Iterator[None]:
    """Each test starts as a first start: no layout, recent projects or choices left by
    another test (a test of remembering makes two windows within itself)."""
    import sys

    if "PySide6" in sys.modules:
        from qdaw.gui.session import settings

        settings().clear()
    yield
