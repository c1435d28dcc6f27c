"""A team's project on a real PostgreSQL server: roles, users, readers, copies."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from qdaw import Project
from qdaw.cli import main
from qdaw.core import models as m
from qdaw.core import server, urls
from qdaw.errors import ProjectExistsError, QdawError, ReadOnlyProject
from qdaw.sample import build_sample
from tests.conftest import snapshot

pytestmark = pytest.mark.postgres


def as_user(url: str, user: str) -> str:
    return make_url(url).set(username=user).render_as_string(hide_password=False)


def admin(url: str):  # type: ignore[no-untyped-def]
    """A psycopg connection as the server's superuser (roles are cluster-wide)."""
    import psycopg

    parsed = make_url(url)
    return psycopg.connect(
        host=parsed.host, port=parsed.port, user="qdaw", dbname=parsed.database, autocommit=True
    )


@pytest.fixture
def team(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """An initialised project with a coder (ana) and a reader (ben); every role made
    here is dropped afterwards (roles outlive the test's database)."""
    monkeypatch.setenv("QDAW_USER_PASSWORD", "not-kept-anywhere")
    yield pg_url
    drop_roles(pg_url)


def drop_roles(url: str) -> None:
    database = make_url(url).database
    assert database is not None
    groups = server.group_roles(database)
    with admin(url) as conn:
        members = conn.execute(
            "SELECT DISTINCT u.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = "
            "a.roleid JOIN pg_roles u ON u.oid = a.member WHERE g.rolname IN (%s, %s)",
            (groups.coders, groups.readers),
        ).fetchall()
        for (name,) in members:
            conn.execute(f'DROP ROLE IF EXISTS "{name}"')
        for name in (groups.coders, groups.readers):
            conn.execute(f'DROP OWNED BY "{name}"') if role_exists(conn, name) else None
            conn.execute(f'DROP ROLE IF EXISTS "{name}"')


def role_exists(conn, name: str) -> bool:  # type: ignore[no-untyped-def]
    return conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is not None


def test_init_makes_the_project_and_two_roles_once(team: str, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["server", "init", team]) == 0
    out = capsys.readouterr().out
    database = make_url(team).database
    groups = server.group_roles(str(database))
    assert f"created role {groups.coders}" in out and "Created the project" in out
    with Project.open(team) as p:
        assert p.codes() == [] and not p.read_only
    # Again: nothing new, the project kept (and its content).
    with Project.open(team) as p:
        p.add_code("Kept")
    assert main(["server", "init", team]) == 0
    out = capsys.readouterr().out
    assert "Kept the project" in out and f"kept role {groups.readers}" in out
    with Project.open(team) as p:
        assert [c.name for c in p.codes()] == ["Kept"]
    with admin(team) as conn:
        rights = dict(
            conn.execute(
                "SELECT grantee, string_agg(privilege_type, ',' ORDER BY privilege_type) "
                "FROM information_schema.role_table_grants WHERE table_name = 'segments' "
                "AND grantee IN (%s, %s) GROUP BY grantee",
                (groups.coders, groups.readers),
            ).fetchall()
        )
    assert rights == {groups.coders: "DELETE,INSERT,SELECT,UPDATE", groups.readers: "SELECT"}


def test_role_names_fit_postgresql_limit() -> None:
    short = server.group_roles("etude")
    assert (short.coders, short.readers) == ("qdaw_etude_coders", "qdaw_etude_readers")
    for name in ("é" * 40, "x" * 63, "référents_2026_" * 5):
        groups = server.group_roles(name)
        assert len(groups.coders.encode()) <= 63 and len(groups.readers.encode()) <= 63
        assert groups.coders.endswith("_coders") and groups.coders != groups.readers
    # Two long names with the same beginning get different roles.
    assert server.group_roles("a" * 70 + "1") != server.group_roles("a" * 70 + "2")


def test_a_long_database_name(postgres_server, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    url = postgres_server.create_database("Étude des référents pédagogiques 2026 " * 2)
    monkeypatch.setenv("QDAW_USER_PASSWORD", "pw")
    try:
        assert main(["server", "init", url]) == 0
        assert main(["server", "add-user", url, "carla", "--role", "coder"]) == 0
        with Project.open(as_user(url, "carla"), coder="Carla") as p:
            p.add_code("Long")
    finally:
        drop_roles(url)


PASSWORD_OF = "SELECT rolpassword FROM pg_authid WHERE rolname = %s"


def test_add_user_hashes_the_password_and_moves_a_user(team: str, capsys) -> None:  # type: ignore[no-untyped-def]
    groups = server.group_roles(str(make_url(team).database))
    assert main(["server", "add-user", team, "ana", "--role", "coder"]) == 1  # not initialised
    assert "server init" in capsys.readouterr().err
    main(["server", "init", team])
    with admin(team) as conn:  # every statement of this database in the server's log
        conn.execute(f"ALTER DATABASE \"{make_url(team).database}\" SET log_statement = 'all'")
    assert main(["server", "add-user", team, "ana", "--role", "coder"]) == 0
    assert f"Created user ana in {groups.coders}" in capsys.readouterr().out
    with admin(team) as conn:
        (stored,) = conn.execute(PASSWORD_OF, ("ana",)).fetchone()
        assert stored.startswith("SCRAM-SHA-256$") and "not-kept-anywhere" not in stored
        # The server's statement log never saw the password either.
        log_dir = conn.execute("SHOW data_directory").fetchone()[0]
    log = (Path(log_dir).parent / "log").read_text(errors="replace")
    assert "CREATE ROLE" in log and "not-kept-anywhere" not in log
    # An existing login changes role, keeps its password, and is never in both.
    assert main(["server", "add-user", team, "ana", "--role", "reader"]) == 0
    assert "now in" in capsys.readouterr().out
    with admin(team) as conn:
        (again,) = conn.execute(PASSWORD_OF, ("ana",)).fetchone()
        member_of = {
            row[0]
            for row in conn.execute(
                "SELECT g.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
                "JOIN pg_roles u ON u.oid = a.member WHERE u.rolname = 'ana'"
            )
        }
    assert again == stored and member_of == {groups.readers}
    for bad, message in (
        (["add-user", team, "pg_x", "--role", "coder"], "pg_"),
        (["add-user", team, "x" * 64, "--role", "coder"], "63 bytes"),
        (["add-user", team, groups.coders, "--role", "coder"], "group roles"),
    ):
        assert main(["server", *bad]) == 1
        assert message in capsys.readouterr().err


def test_server_commands_refuse_what_is_not_a_team_server(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["server", "init", "sqlite:///" + str(tmp_path / "x.qdaw")]) == 1
    assert "PostgreSQL database" in capsys.readouterr().err
    assert main(["server", "init", str(tmp_path / "x.qdaw")]) == 1
    assert "not a database URL" in capsys.readouterr().err


def test_only_an_admin_may_init(team: str, capsys) -> None:  # type: ignore[no-untyped-def]
    main(["server", "init", team])
    main(["server", "add-user", team, "ana", "--role", "coder"])
    assert main(["server", "init", as_user(team, "ana")]) == 1
    assert "may not create roles" in capsys.readouterr().err


def reader_project(team: str) -> str:
    main(["server", "init", team])
    with Project.open(team, coder="Ana") as p:
        doc = p.add_document("d1", "Alpha one. Alpha two.", case="A")
        p.code_segment(doc, 0, 10, p.add_code("X"))
    main(["server", "add-user", team, "ben", "--role", "reader"])
    main(["server", "add-user", team, "ana", "--role", "coder"])
    return as_user(team, "ben")


def test_a_reader_reads_everything_and_changes_nothing(team: str, tmp_path: Path) -> None:
    reader = reader_project(team)
    with Project.open(reader, coder="Ben") as p:
        assert p.read_only_reason == server.READER_REASON
        assert p.code_frequencies()["ratio"].tolist() == ["1/1"]
        assert p.retrieve(codes=["X"])["text"].tolist() == ["Alpha one."]
        assert p.hypothesis_summary().empty and p.case_code_matrix().loc["A", "X"] == 1
        with pytest.raises(ReadOnlyProject, match="read-only for you"):
            p.add_code("Y")
    # The command line's exports and reports, as the reader.
    for what, name in (("workbook", "book.xlsx"), ("hypotheses", "report.docx")):
        assert main(["export", what, reader, "-o", str(tmp_path / name)]) == 0
        assert (tmp_path / name).stat().st_size > 0
    assert main(["copy", reader, str(tmp_path / "mine.qdaw")]) == 0
    # A coder of the same project writes.
    with Project.open(as_user(team, "ana"), coder="Ana") as p:
        assert not p.read_only
        p.add_code("Y")


def test_the_database_itself_refuses_a_readers_writes(team: str) -> None:
    """Past the flag (as a program that ignores it would be): PostgreSQL refuses, the
    message says whose project and why, and nothing of the step is stored."""
    reader = reader_project(team)
    with Project.open(team) as owner:
        before = snapshot(owner)
    logged = history_rows(team)
    with Project.open(reader, coder="Ben") as p:
        p.store.read_only_reason = None  # what the workbench checks: gone
        writes = [
            lambda: p.add_code("Y"),
            lambda: p.code_segment("d1", 11, 21, "X"),
            lambda: p.delete_code("X"),
            lambda: p.rename_case("A", "B"),
        ]
        for write in writes:
            with pytest.raises(ReadOnlyProject) as refused:
                write()
            assert "this project is read-only for you" in str(refused.value)
            assert str(make_url(team).database) in str(refused.value)
        with pytest.raises(ReadOnlyProject, match="read-only for you"), p.batch("Two steps"):
            p.add_case("C")
            p.add_case("D")
        with (
            pytest.raises(ReadOnlyProject, match="read-only for you"),
            p.store.writing("raw") as journal,  # the store's own write, no service
        ):
            journal.insert(m.cases, {"name": "Raw"})
    with Project.open(team) as owner:
        assert snapshot(owner) == before
    assert history_rows(team) == logged


def history_rows(url: str) -> tuple[int, int]:
    with admin(url) as conn:
        row = conn.execute(
            "SELECT (SELECT count(*) FROM operations), (SELECT count(*) FROM revisions)"
        ).fetchone()
    return int(row[0]), int(row[1])


def test_the_cli_copy_moves_a_project_to_a_server_and_back(team: str, tmp_path: Path) -> None:
    """File → server → file: every table, row by row, the history and id counters
    included, and the full-text index rebuilt on each side."""
    source = build_sample(tmp_path / "referents.qdaw")
    with Project.open(source, coder="Ana") as p:
        p.index_text()
        code = p.add_code("Undone later")
        p.undo()  # the counter is now ahead of the highest id
        assert code.id > max(c.id for c in p.codes())
        hits = p.search("moodle")
    assert main(["copy", str(source), team]) == 0
    back = tmp_path / "back.qdaw"
    assert main(["copy", team, str(back)]) == 0
    assert every_row(back) == every_row(source)
    with Project.open(back) as p:
        assert p.search("moodle").equals(hits)
    with Project.open(team, coder="Ana") as p:
        assert p.search("moodle").equals(hits)
        p.redo()  # the undone code comes back with its id, and new ones follow it
        assert p.code("Undone later").id == code.id
        assert p.add_code("New").id == code.id + 1
    # Nothing is ever written over: a project there, a file there.
    with pytest.raises(ProjectExistsError), Project.open(source) as p:
        p.copy_to(team)
    assert main(["copy", team, str(back)]) == 1
    assert main(["copy", team, str(back), "--force"]) == 0
    with Project.open(back) as p:
        assert p.code("New").id == code.id + 1


def every_row(path: Path) -> dict[str, list[tuple]]:
    """Every table of a project file in key order, the id counters and the full-text
    index's entries included (its internal segments are how FTS5 stores them)."""
    conn = sqlite3.connect(path)
    try:
        names = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not r[0].startswith("token_index_")
        ]
        tables = {}
        for name in sorted(names):
            key = "rowid, *" if name == "token_index" else "*"
            tables[name] = sorted(conn.execute(f"SELECT {key} FROM {name}").fetchall(), key=repr)
        assert tables["segments"] and tables["tokens"] and tables["operations"]
        return tables
    finally:
        conn.close()


def test_a_copy_that_fails_leaves_nothing(team: str, postgres_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The copy is written in the transaction that creates it: a user who may not create
    tables in the database gets a clear error and the database stays empty; a file in
    a missing folder is refused before anything is written."""
    source = build_sample(tmp_path / "referents.qdaw")
    main(["server", "init", team])
    main(["server", "add-user", team, "ana", "--role", "coder"])
    empty = postgres_server.create_database(f"{make_url(team).database}_empty")
    with admin(empty) as conn:
        conn.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    with Project.open(source) as p:
        with pytest.raises(ReadOnlyProject):
            p.copy_to(as_user(empty, "ana"))
        with pytest.raises(QdawError, match="does not exist"):
            p.copy_to(tmp_path / "missing" / "copy.qdaw")
    with admin(empty) as conn:
        tables = conn.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        ).fetchone()[0]
    assert tables == 0
    assert sorted(x.name for x in tmp_path.iterdir()) == ["referents.qdaw"]


def test_the_workbench_opens_a_server_project_from_the_file_menu(team: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    """File ▸ Open server project…: the title says which project, on which server as
    whom, which coder, and "Read-only" for a reader; no password is kept anywhere."""
    from qdaw.gui.main_window import MainWindow
    from qdaw.gui.server_dialog import ServerDialog
    from qdaw.gui.session import recent_projects, settings
    from tests.gui_helpers import menu_action, when_modal

    reader = reader_project(team)
    settings().setValue("coder", "Ben")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()

    def answer(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, ServerDialog)
        assert not dialog.open_button.isEnabled()  # (no address yet)
        address = make_url(reader).set(password="url-secret")
        dialog.address.setText(address.render_as_string(hide_password=False))
        dialog.password.setText("typed-secret")
        dialog.open_button.click()

    when_modal(answer)
    menu_action(window, "File", "Open server project…").trigger()
    qtbot.waitUntil(lambda: window.session.project is not None)
    parsed = make_url(team)
    where = f"ben@{parsed.host}:{parsed.port}"
    assert window.windowTitle() == f"{parsed.database} on {where}, coder Ben — Read-only — qdaw"
    assert not menu_action(window, "Code", "New code…").isEnabled()
    assert "reader role" in window.files.label.toolTip()
    assert window.session.require().code_frequencies()["ratio"].tolist() == ["1/1"]
    settings().sync()
    assert recent_projects()[0] == reader
    assert "secret" not in Path(settings().fileName()).read_text()
    # A coder: the same title without "Read-only", and the commands that change it.
    assert window.open_project(as_user(team, "ana"))
    assert window.windowTitle() == (
        f"{parsed.database} on ana@{parsed.host}:{parsed.port}, coder Ben — qdaw"
    )
    assert menu_action(window, "Code", "New code…").isEnabled()
    window.close_project()


def test_qdaw_url_opens_the_workbench_on_the_server(team: str, tmp_path: Path) -> None:
    """``qdaw URL`` (as ``qdaw gui URL``): the window opens the server project, painted
    once with its title, then quits (the install check's switch)."""
    import os
    import subprocess
    import sys

    main(["server", "init", team])
    main(["server", "add-user", team, "sam", "--role", "reader"])
    result = subprocess.run(
        [sys.executable, "-m", "qdaw", as_user(team, "sam")],
        env={
            **os.environ,
            "PYTHONPATH": str(Path(__file__).resolve().parents[1]),
            "QDAW_QUIT_AFTER_FIRST_PAINT": "1",
            "QDAW_CODER": "Sam",
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    parsed = make_url(team)
    assert result.stdout == (
        f"qdaw: painted {parsed.database} on sam@{parsed.host}:{parsed.port}, coder Sam"
        " — Read-only — qdaw\n"
    )


def test_a_remembered_address_has_no_password() -> None:
    url = "postgresql+psycopg://ana:s%40cr%3At@db.example.org:5433/etude?sslmode=require"
    bare = make_url(urls.without_password(url))
    assert bare.password is None and "cr" not in urls.without_password(url)
    assert (bare.username, bare.host, bare.port, bare.database) == (
        "ana", "db.example.org", 5433, "etude"
    )  # fmt: skip
    assert bare.query == {"sslmode": "require"}
    assert make_url(urls.with_password(urls.without_password(url), "s@cr:t")) == make_url(url)
    assert urls.server_name(url) == "ana@db.example.org:5433"
