"""The same API on a real PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

import pytest

from qdaw import NotAProjectError, Project
from qdaw.errors import ProjectExistsError, QdawError
from tests.conftest import snapshot

pytestmark = pytest.mark.postgres


def test_a_project_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    transcript = tmp_path / "referent1.txt"
    transcript.write_bytes("Référent : j'ai créé un tutoriel QCM sous Moodle.".encode("cp1252"))
    with Project.create(pg_url) as p:
        doc = p.import_file(transcript, case="Référent 1")
        p.add_document("r2", "Pas de tutoriel ici, mais Moodle.", case="Référent 2")
        parent = p.add_code("Ressources")
        code = p.add_code("Tutoriel QCM", parent=parent)
        p.link_code(code, p.add_hypothesis("H2", "Réseau"))
        start = doc.text.index("tutoriel")
        with p.batch("Coding"):
            p.code_segment(doc, start, start + 12, code, coder="alice")
            p.code_segment("r2", 0, 20, parent)
        freq = p.code_frequencies().set_index("code")
        assert freq.loc["Tutoriel QCM", "ratio"] == "1/2"
        assert p.code_frequencies(rollup=True).set_index("code").loc["Ressources", "ratio"] == "2/2"
        assert p.case_code_matrix().loc["Référent 1", "Tutoriel QCM"] == 1
        assert p.hypothesis_summary()["ratio"].tolist() == ["1/2"]
        before = snapshot(p)
        p.delete_code(parent)
        assert p.codes() == []
        p.undo()
        assert snapshot(p) == before
        p.redo()
        p.undo()
    with Project.open(pg_url) as again:
        (segment,) = again.segments(code="Tutoriel QCM")
        assert segment.text == "tutoriel QCM" and segment.coder == "alice"
    with pytest.raises(ProjectExistsError):
        Project.create(pg_url)


def test_an_empty_database_is_not_a_project(postgres_server) -> None:  # type: ignore[no-untyped-def]
    url = postgres_server.create_database("empty_db")
    with pytest.raises(NotAProjectError, match="not a qdaw project"):
        Project.open(url)


def test_the_analyses_on_postgresql(pg_url: str) -> None:
    """Window functions, substr, recursive CTEs and EXISTS queries, on the server."""
    with Project.create(pg_url) as p:
        for case, discipline, text in (
            ("A", "SHS", "Alpha one. Alpha two."),
            ("B", "sciences", "Bravo one. Bravo two."),
        ):
            p.add_document(case.lower(), text, case=case)
            p.set_variable(case, "discipline", discipline)
        theme = p.add_code("Theme")
        x, y = p.add_code("X", parent=theme), p.add_code("Y")
        p.link_code(x, p.add_hypothesis("H1", "X matters"))
        p.code_segment("a", 0, 10, x)
        p.code_segment("a", 0, 21, y)
        p.code_segment("b", 11, 21, x)
        assert p.crosstab("discipline").loc["X"].tolist() == [1, 1, 2]
        assert p.cooccurrence("segment").loc["X", "Y"] == 1
        assert p.cooccurrence("case").loc["X", "Y"] == 1
        assert p.retrieve(query="Theme AND NOT Y")["text"].tolist() == ["Bravo two."]
        assert p.query_cases("X AND Y") == ["A"]
        report = p.hypothesis_report("H1")
        assert report.quotes["text"].tolist() == ["Alpha one.", "Bravo two."]
        assert p.words_coded(by="case").set_index("case")["words_coded"].to_dict() == {
            "A": 4,
            "B": 2,
        }


def test_text_index_and_search_on_postgresql(pg_url: str) -> None:
    with Project.create(pg_url) as p:
        p.add_document(
            "r1", "Q : Et ensuite ?\nR : Je voulais des QCM. Ils voulaient évaluer.", case="R1"
        )
        assert p.index_text() == 1
        assert p.search("vouloir", mode="lemma")["match"].tolist() == ["voulais", "voulaient"]
        assert p.search("evalu*")["sentence"].tolist() == ["Ils voulaient évaluer."]
        assert [t.role for t in p.speaker_turns("r1")] == ["interviewer", "respondent"]
        code = p.add_code("Vouloir")
        assert (
            p.autocode("vouloir", code, mode="lemma", unit="sentence", speakers="respondent") == 2
        )


def test_full_text_search_on_postgresql_across_chunks(pg_url: str) -> None:
    """Word and prefix search use the tsvector index; a tsvector position stops at
    16,383, so long transcripts are stored in chunks and positions must carry over."""
    from qdaw.nlp.fulltext import CHUNK

    filler = "bla " * (CHUNK + 500)
    text = f"Début de l'évaluation. {filler}\nFin : une évaluation aujourd'hui."
    with Project.create(pg_url) as p:
        p.add_document("long", text, case="R1")
        p.set_language("fr", "long")
        p.index_text()
        with p.engine.connect() as conn:
            chunks = conn.exec_driver_sql("SELECT count(*) FROM token_chunks").scalar()
            plan = conn.exec_driver_sql(
                "EXPLAIN SELECT document_id FROM token_chunks "
                "WHERE terms @@ CAST('evaluation' AS tsquery)"
            ).all()
        assert chunks == 2 and "token_chunks" in str(plan)
        hits = p.search("evaluation")
        assert hits["start"].tolist() == [text.index("évaluation"), text.rindex("évaluation")]
        assert hits["match"].tolist() == ["évaluation", "évaluation"]
        assert p.search("évalu*")["sentence"].tolist()[1] == "Fin : une évaluation aujourd'hui."
        assert p.search("aujourd'hui")["start"].tolist() == [text.index("aujourd")]
        p.delete_document("long")
        with p.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM token_chunks").scalar() == 0


def test_words_rules_and_anonymisation_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    text = (
        "Q : Et la fraude ?\n"
        "R : Marie Dupont surveille la fraude aux examens. Les classes virtuelles aident.\n"
        "R : Les examens en ligne restent utiles à Rennes. Une évaluation continue aide."
    )
    with Project.create(pg_url) as p:
        p.add_document("r1", text, case="R1")
        p.index_text()
        code = p.add_code("Fraude")
        start = text.index("Marie")
        p.code_segment("r1", start, text.index("examens") + 7, code)
        words = p.distinctive_words("Fraude")
        assert "fraude aux examens" in set(words[words["kind"] == "phrase"]["term"])
        online = [{"LEMMA": "examen"}, {"LOWER": "en"}, {"LOWER": "ligne"}]
        rules = {"rules": [{"code": "En ligne", "patterns": [online]}]}
        assert p.apply_rules(rules) == {"En ligne": 1}
        assert [s.text for s in p.segments(code="En ligne")] == ["examens en ligne"]
        p.detect_entities()
        p.accept_entity("Marie Dupont")
        p.add_entity("Rennes", "place")
        (written,) = p.export_documents(tmp_path / "anon", anonymise=True)
        exported = written.read_text(encoding="utf-8")
        assert "[Personne 1] surveille" in exported and "à [Lieu 1]." in exported
        assert p.document("r1").text == text


def test_a_url_password_is_never_shown(pg_url: str) -> None:
    """The password of a database URL stays out of reprs, names and error messages,
    while the project keeps the full URL to open worker connections with."""
    with_password = pg_url.replace("qdaw@", "qdaw:s3cr3t-pw@")
    with Project.create(with_password) as p:
        assert "s3cr3t-pw" not in repr(p) and "***" in repr(p)
        assert "s3cr3t-pw" not in p.name and "s3cr3t-pw" not in p.shown
        assert p.location == with_password  # what a worker thread opens
    with pytest.raises(ProjectExistsError) as exists:
        Project.create(with_password)
    assert "s3cr3t-pw" not in str(exists.value) and "qdaw:***@" in str(exists.value)
    refused = with_password.rsplit(":", 1)[0] + ":1/none"  # a port nobody listens on
    with pytest.raises(QdawError) as unavailable:
        Project.open(refused)
    assert "s3cr3t-pw" not in str(unavailable.value)
    assert "qdaw:***@127.0.0.1:1/none" in str(unavailable.value)
