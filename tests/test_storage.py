from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from qdaw import NotAProjectError, Project
from qdaw.core import storage
from qdaw.core.models import SCHEMA_REVISION, Base
from qdaw.errors import NewerFormatError, ProjectExistsError


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_create_refuses_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "study.qdaw"
    target.write_text("precious notes")
    with pytest.raises(ProjectExistsError, match="file exists"):
        Project.create(target)
    assert target.read_text() == "precious notes"


def test_sqlite_runs_with_foreign_keys_and_wal(project: Project) -> None:
    with project.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_edits_survive_close_and_reopen(tmp_path: Path) -> None:
    path = tmp_path / "study.qdaw"
    with Project.create(path) as p:
        doc = p.add_document("r1", "Le référent a créé un tutoriel.", case="Référent 1")
        start = doc.text.index("tutoriel")
        code = p.add_code("Tutoriel", color="#112233", description="Ressource produite")
        h = p.add_hypothesis("H2", "Réseau")
        p.link_code(code, h)
        p.code_segment(doc, start, start + 8, code, coder="alice", memo="à vérifier")
        p.set_variable("Référent 1", "discipline", "sciences")
        p.set_memo("project", "Étude pilote")
    with Project.open(path) as p:
        (segment,) = p.segments()
        assert (segment.text, segment.coder, segment.memo) == ("tutoriel", "alice", "à vérifier")
        assert segment.document.case == "Référent 1"
        assert p.code("Tutoriel").color == "#112233"
        assert [c.name for c in p.hypothesis("H2").codes()] == ["Tutoriel"]
        assert p.case("Référent 1").variables == {"discipline": "sciences"}
        assert p.memo("project") == "Étude pilote"


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"just some notes\n",
        b"PK\x03\x04 not really a zip",
        b"SQLite format 3\x00" + b"\x00" * 200,
    ],
    ids=["empty", "text", "zip-like", "truncated-sqlite"],
)
def test_a_file_that_is_not_a_project_is_refused_and_untouched(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "notes.qdaw"
    path.write_bytes(content)
    before = digest(path)
    with pytest.raises(NotAProjectError, match=r"notes\.qdaw"):
        Project.open(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.qdaw"]


def test_another_programs_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('x')")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotAProjectError, match="another program"):
        Project.open(path)
    assert digest(path) == before
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # not switched to WAL
    conn.close()


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NotAProjectError, match="no such file"):
        Project.open(tmp_path / "absent.qdaw")


def test_models_revision_is_the_alembic_head() -> None:
    assert storage.head_revision() == SCHEMA_REVISION


def test_migrated_schema_matches_the_models(project: Project) -> None:
    """The migrations build exactly the tables, columns and indexes the models declare."""
    inspector = inspect(project.engine)
    with project.engine.connect() as conn:
        index_sql = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = :t"
        for table in Base.metadata.sorted_tables:
            columns = {c["name"] for c in inspector.get_columns(table.name)}
            assert columns == set(table.columns.keys()), table.name
            indexes = {r[0] for r in conn.execute(text(index_sql), {"t": table.name})}
            declared = {i.name for i in table.indexes}
            assert declared <= indexes, (table.name, declared - indexes)
            keys = {
                (str(r[3]), str(r[6]))  # from, on_delete
                for r in conn.exec_driver_sql(f"PRAGMA foreign_key_list({table.name})")
            }
            declared_keys = {(k.parent.name, k.ondelete or "NO ACTION") for k in table.foreign_keys}
            assert keys == declared_keys, table.name
            sql = conn.execute(
                text("SELECT sql FROM sqlite_master WHERE name = :t"), {"t": table.name}
            ).scalar()
            never_reused = table.dialect_options["sqlite"]["autoincrement"]
            assert ("AUTOINCREMENT" in str(sql)) == bool(never_reused), table.name


def make_revision_0001_project(path: Path) -> None:
    """A project as the first qdaw format wrote it, with data in it."""
    engine = storage.sqlite_engine(path)
    storage.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO meta VALUES ('format', 'qdaw-project')"))
        conn.execute(
            text("INSERT INTO cases VALUES (1, 'Référent 1', NULL, '2020-05-14 10:00:00')")
        )
        conn.execute(
            text(
                "INSERT INTO documents VALUES (1, 'r1', 'Nous avons utilisé Moodle.',"
                " 'r1.txt', 'txt', '2020-05-14 10:00:00', 1, NULL)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO codes VALUES (1, 'Moodle', NULL, '#e6194b', NULL, 0, 'ann',"
                " '2020-05-14 10:00:00', NULL)"
            )
        )
        conn.execute(text("INSERT INTO coders VALUES (1, 'ann')"))
        conn.execute(
            text("INSERT INTO segments VALUES (1, 1, 1, 1, 19, 25, NULL, '2020-05-14 10:00:00')")
        )
    engine.dispose()


def test_an_older_project_is_backed_up_then_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.qdaw"
    make_revision_0001_project(path)
    with Project.open(path) as p:
        assert p.backup_path is not None and p.backup_path.exists()
        assert p.backup_path.parent == tmp_path
        (segment,) = p.segments()
        assert segment.text == "Moodle"
        assert p.document("r1").language is None  # column added by 0002
        assert p.code_frequencies()["ratio"].tolist() == ["1/1"]
        with p.engine.connect() as conn:
            version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            assert version == SCHEMA_REVISION == "0008"
            indexes = {i["name"] for i in inspect(conn).get_indexes("segments")}
        assert "ix_segments_code_document" in indexes
        backup = p.backup_path
    # The backup is the old project, still at the old revision, openable and intact.
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert conn.execute("SELECT count(*) FROM segments").fetchone() == (1,)
    conn.close()
    with Project.open(path) as again:  # already migrated: no second backup
        assert again.backup_path is None


def test_a_project_from_a_newer_qdaw_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.qdaw"
    Project.create(path).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(NewerFormatError, match="newer qdaw"):
        Project.open(path)


def test_a_failed_batch_stores_nothing(project: Project) -> None:
    project.add_document("d", "Du texte ici.", case="A")
    with pytest.raises(RuntimeError), project.batch("Import coding"):
        project.add_code("Nouveau")
        project.code_segment("d", 0, 2, "Nouveau")
        raise RuntimeError("crash in the middle")
    assert project.codes() == []
    assert project.segments() == []
    assert project.undo_label == "Add document d"
    # The project still works after the rollback.
    project.code_segment("d", 0, 2, project.add_code("Nouveau"))
    assert len(project.segments()) == 1


def test_a_crash_between_processes_leaves_no_half_edit(tmp_path: Path) -> None:
    """A writer killed mid-transaction: the next open sees the state before it."""
    import subprocess
    import sys

    path = tmp_path / "study.qdaw"
    with Project.create(path) as p:
        p.add_document("d", "Texte du document.", case="A")
    script = (
        "import os\nfrom qdaw import Project\n"
        f"p = Project.open({str(path)!r})\n"
        "with p.batch('big'):\n"
        "    c = p.add_code('X')\n"
        "    for i in range(5): p.code_segment('d', i, i + 1, c)\n"
        "    os._exit(9)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert result.returncode == 9
    with Project.open(path) as p:
        assert p.codes() == [] and p.segments() == []
        assert [d.name for d in p.documents()] == ["d"]


def test_migration_0004_fills_the_full_text_index_from_the_tokens(tmp_path: Path) -> None:
    """A project indexed under revision 0003 (tokens, no full-text index) is searchable
    by word once migrated."""
    path = tmp_path / "indexed-0003.qdaw"
    engine = storage.sqlite_engine(path)
    storage.upgrade(engine, "0003")
    words = [("Nous", "nous"), ("évaluons", "evaluons"), ("aujourd'hui", "aujourd'hui")]
    text_ = " ".join(w for w, _ in words)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO meta VALUES ('format', 'qdaw-project')"))
        conn.execute(text("INSERT INTO cases VALUES (1, 'R1', NULL, '2020-05-14 10:00:00')"))
        conn.execute(
            text(
                "INSERT INTO documents VALUES (1, 'r1', 'r1.txt', 'txt', '2020-05-14 10:00:00',"
                " 1, NULL, 'fr')"
            )
        )
        conn.execute(text("INSERT INTO document_texts VALUES (1, :t)"), {"t": text_})
        conn.execute(
            text("INSERT INTO text_units (document_id, kind, start_offset, end_offset)"
                 " VALUES (1, 'sentence', 0, :n)"),
            {"n": len(text_)},
        )  # fmt: skip
        start = 0
        for position, (word, form) in enumerate(words):
            conn.execute(
                text("INSERT INTO tokens VALUES (1, :p, :s, :e, :f, :f, NULL)"),
                {"p": position, "s": start, "e": start + len(word), "f": form},
            )
            start += len(word) + 1
    engine.dispose()
    with Project.open(path) as p:
        assert p.backup_path is not None
        assert p.search("evaluons")["match"].tolist() == ["évaluons"]
        assert p.search("aujourd'hui")["start"].tolist() == [text_.index("aujourd")]
        assert p.search("évalu*")["sentence"].tolist() == [text_]


def test_migration_0005_keeps_rows_and_ids_and_stops_cascades(tmp_path: Path) -> None:
    """A 0004 project: its rows survive, ids go on from the highest, keys restrict."""
    path = tmp_path / "shared-0004.qdaw"
    engine = storage.sqlite_engine(path)
    storage.upgrade(engine, "0004")
    with engine.begin() as conn:
        for sql in (
            "INSERT INTO meta VALUES ('format', 'qdaw-project')",
            "INSERT INTO cases VALUES (3, 'R1', NULL, '2020-05-14 10:00:00.250000')",
            "INSERT INTO documents VALUES (4, 'r1', 'r1.txt', 'txt', '2020-05-14 10:00:00',"
            " 3, 'memo', 'fr')",
            "INSERT INTO document_texts VALUES (4, 'Nous avons utilisé Moodle.')",
            "INSERT INTO codes VALUES (7, 'Outils', NULL, '#e6194b', NULL, 0, 'ann',"
            " '2020-05-14 10:00:00', NULL)",
            "INSERT INTO codes VALUES (9, 'Moodle', NULL, '#3cb44b', 7, 0, 'ann',"
            " '2020-05-14 10:00:00', NULL)",
            "INSERT INTO coders VALUES (2, 'ann')",
            "INSERT INTO segments VALUES (12, 4, 9, 2, 19, 25, 'clé', '2020-05-14 10:00:00')",
            "INSERT INTO token_index (rowid, forms) VALUES (4, 'nous avons utilise moodle')",
        ):
            conn.execute(text(sql))
    engine.dispose()
    with Project.open(path, coder="Ana") as p:
        assert p.backup_path is not None
        (segment,) = p.segments()
        assert (segment.id, segment.text, segment.memo, segment.coder) == (
            12,
            "Moodle",
            "clé",
            "ann",
        )
        assert p.case("R1").id == 3 and p.document("r1").language == "fr"
        assert segment.code.path == "Outils/Moodle"
        with p.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            with pytest.raises(IntegrityError):  # a raw delete no longer cascades
                conn.exec_driver_sql("DELETE FROM codes WHERE id = 9")
            conn.rollback()
        assert p.add_code("Nouveau").id == 10 and p.code_segment("r1", 0, 4, 9).id == 13
        fts = "SELECT rowid FROM token_index WHERE token_index MATCH 'moodle'"
        with p.engine.connect() as conn:
            assert conn.exec_driver_sql(fts).all() == [(4,)]
        p.delete_document("r1")  # the full-text trigger came through the rebuild
        with p.engine.connect() as conn:
            assert conn.exec_driver_sql(fts).all() == []
