"""Text intelligence with the real fr_core_news_sm pipeline (loaded once per session)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qdaw import Project, QdawError
from qdaw.nlp.pipeline import guess_language

INTERVIEW = (
    "Entretien avec la Référente 9 — 3 juin 2020.\n"
    "Q : Que vouliez-vous pour vos collègues ?\n"
    "R : Je voulais qu'ils créent des QCM. Ils voulaient surtout évaluer à distance.\n"
    "Q : Et l'évaluation des oraux ?\n"
    "R : Nous avons utilisé des capsules vidéo. L'Évaluation orale reste difficile.\n"
    "Enquêteur : Merci beaucoup.\n"
)


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("nlp") / "study.qdaw"
    with Project.create(path) as project:
        project.add_document("r9", INTERVIEW, case="Référente 9")
        assert project.index_text() == 1
    return path


@pytest.fixture
def project(indexed: Path, tmp_path: Path) -> Project:  # type: ignore[override]
    import shutil

    copy = tmp_path / "copy.qdaw"
    shutil.copy(indexed, copy)
    p = Project.open(copy)
    yield p  # type: ignore[misc]
    p.close()


def spans(text: str, pairs: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in pairs]


def test_language_is_guessed_and_stored(project: Project) -> None:
    assert project.document("r9").language == "fr"
    assert guess_language("The teachers wanted to evaluate online, and they were tired.") == "en"


def test_sentences_and_paragraphs(project: Project) -> None:
    sentences = spans(INTERVIEW, project.sentences("r9"))
    assert "Ils voulaient surtout évaluer à distance." in sentences
    assert "L'Évaluation orale reste difficile." in sentences
    assert not any("\n" in s for s in sentences)  # a sentence never crosses a line
    paragraphs = spans(INTERVIEW, project.paragraphs("r9"))
    assert paragraphs[2].startswith("R : Je voulais") and len(paragraphs) == 6


def test_speaker_turns(project: Project) -> None:
    turns = project.speaker_turns("r9")
    assert [(t.speaker, t.role) for t in turns] == [
        ("Q", "interviewer"), ("R", "respondent"), ("Q", "interviewer"), ("R", "respondent"),
        ("Enquêteur", "interviewer"),
    ]  # fmt: skip
    assert INTERVIEW[turns[1].start : turns[1].end] == (
        "R : Je voulais qu'ils créent des QCM. Ils voulaient surtout évaluer à distance."
    )
    # The header line before the first label belongs to no turn.
    assert turns[0].start == INTERVIEW.index("Q : Que")


def test_lemma_search_finds_what_exact_search_misses(project: Project) -> None:
    assert project.search("vouloir").empty
    hits = project.search("vouloir", mode="lemma")
    assert hits["match"].tolist() == ["vouliez", "voulais", "voulaient"]
    assert hits["sentence"].tolist()[2] == "Ils voulaient surtout évaluer à distance."
    assert set(hits.columns) == {
        "document", "case", "start", "end", "match", "sentence",
        "document_id", "sentence_start", "sentence_end",
    }  # fmt: skip
    # The sentence's offsets place the match in it, even when the word occurs twice.
    for row in hits.to_dict("records"):
        at = row["start"] - row["sentence_start"]
        assert row["sentence"][at : at + len(row["match"])] == row["match"]
        assert row["sentence_start"] <= row["start"] < row["end"] <= row["sentence_end"]
    assert hits["case"].unique().tolist() == ["Référente 9"]


def test_exact_prefix_phrase_and_regex_search(project: Project) -> None:
    assert project.search("evaluation")["match"].tolist() == ["évaluation", "Évaluation"]
    assert project.search("évaluation", accents=True, case=True)["match"].tolist() == ["évaluation"]
    assert project.search("évalu*")["match"].tolist() == ["évaluer", "évaluation", "Évaluation"]
    assert project.search("capsules vidéo", mode="phrase")["match"].tolist() == ["capsules vidéo"]
    assert project.search(r"QCM|oraux", mode="regex")["match"].tolist() == ["QCM", "oraux"]
    with pytest.raises(QdawError, match="regular expression"):
        project.search("(", mode="regex")


def test_word_search_is_answered_by_the_full_text_index(project: Project) -> None:
    from sqlalchemy import text

    with project.engine.connect() as conn:
        # FTS5 holds one entry per document; its positions are token positions.
        (entries,) = conn.execute(text("SELECT count(*) FROM token_index")).one()
        where = conn.execute(
            text("SELECT offset FROM token_index_terms WHERE term = 'evaluation'")
        ).all()
    assert entries == 1 and len(where) == 2
    plan = (
        project.engine.connect()
        .exec_driver_sql("EXPLAIN QUERY PLAN SELECT doc FROM token_index_terms WHERE term = 'x'")
        .all()
    )
    assert "VIRTUAL TABLE INDEX" in str(plan)
    # A query is cut as the text was: qu'ils is two tokens, vouliez-vous too.
    assert project.search("qu'ils")["match"].tolist() == ["qu'ils"]
    assert project.search("Vouliez-vous")["match"].tolist() == ["vouliez-vous"]
    # Indexing again replaces the entry; deleting the document removes it.
    project.index_text(["r9"])
    assert project.search("evaluation")["match"].tolist() == ["évaluation", "Évaluation"]
    project.delete_document("r9")
    with project.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM token_index")).scalar() == 0


def test_autocode_sentences_of_respondents_in_one_undo_step(project: Project) -> None:
    code = project.add_code("Évaluation")
    preview = project.autocode_preview("évalu*", unit="sentence", speakers="respondent")
    expected = ["Ils voulaient surtout évaluer à distance.", "L'Évaluation orale reste difficile."]
    assert [INTERVIEW[s:e] for _, s, e in preview] == expected  # the Q turn is left out
    assert project.autocode("évalu*", code, unit="sentence", speakers="respondent") == 2
    assert [s.text for s in project.segments(code=code)] == expected
    assert (
        project.autocode("évalu*", code, unit="sentence", speakers="respondent") == 0
    )  # no doubles
    assert project.undo_label == "Autocode Évaluation"
    project.undo()
    assert project.segments(code=code) == []


def test_analyses_can_leave_the_interviewer_out(project: Project) -> None:
    code = project.add_code("Oral")
    start = INTERVIEW.index("l'évaluation des oraux")
    project.code_segment("r9", start, start + 22, code)  # the interviewer's words
    assert project.code_frequencies()["ratio"].tolist() == ["1/1"]
    assert project.code_frequencies(speakers="respondent")["ratio"].tolist() == ["0/1"]
    assert project.code_frequencies(speakers=["Q"])["ratio"].tolist() == ["1/1"]
    assert project.retrieve(speakers="respondent").empty


def test_unindexed_documents_are_named(project: Project) -> None:
    project.add_document("new", "Un texte pas encore indexé.", case="X")
    with pytest.raises(QdawError, match="not indexed yet: new"):
        project.search("texte")
    project.index_text()
    assert project.search("texte")["document"].tolist() == ["new"]


def test_english_with_the_blank_pipeline(tmp_path: Path) -> None:
    with Project.create(tmp_path / "en.qdaw") as project:
        project.set_language("en")
        project.add_document(
            "t1",
            "Interviewer: What did you do?\n"
            "Respondent 1: I taught online. We were teaching every day.",
            case="T1",
        )
        project.index_text()
        assert project.document("t1").language == "en"
        assert project.search("teach", mode="lemma")["match"].tolist() == ["taught", "teaching"]
        assert [t.role for t in project.speaker_turns("t1")] == ["interviewer", "respondent"]
        assert len(project.sentences("t1")) == 3


def test_index_search_and_autocode_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from qdaw.cli import main
    from qdaw.sample import build_sample

    path = str(build_sample(tmp_path / "referents.qdaw"))
    assert main(["index", path]) == 0
    assert "Indexed 9 documents" in capsys.readouterr().out
    assert main(["search", path, "vouloir", "--lemma", "--where", "discipline=SHS"]) == 0
    out = capsys.readouterr().out
    assert "[voulaient]" in out and "Référent 3 · referent3" in out
    assert "[veulent]" in out  # another inflection of vouloir, by Référent 8
    assert out.strip().endswith("2 matches in 2 documents")
    assert main(["autocode", path, "fraude", "Gestion de la fraude", "--unit", "sentence",
                 "--speakers", "respondent", "--preview"]) == 0  # fmt: skip
    preview = capsys.readouterr().out
    assert "5 passages would be coded" in preview
    # At Référent 7 only the interviewer says "fraude" ("Q : Et la fraude ?"): left out.
    assert "Référent 7" not in preview and "Référent 8" in preview
    assert main(["autocode", path, "QCM", "Tutoriel QCM Moodle", "--unit", "sentence"]) == 0
    assert "Coded" in capsys.readouterr().out
    assert main(["report", path, "--speaker", "interviewer"]) == 0
    assert "Tutoriel QCM Moodle" in capsys.readouterr().out
    # Distinctive words, suggestions and rule files.
    assert main(["words", path, "Gestion de la fraude", "--limit", "3"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("fraude ")
    assert main(["suggest", path, "referent8", "fraude"]) == 0
    assert "Gestion de la fraude" in capsys.readouterr().out.splitlines()[0]
    rules = tmp_path / "rules.json"
    rules.write_text('{"rules": [{"code": "Triche", "unit": "sentence", "patterns": '
                     '[[{"LEMMA": "tricher"}], [{"LEMMA": "fraude"}]]}]}', "utf-8")  # fmt: skip
    assert main(["rules", path, str(rules), "--preview"]) == 0
    counted = capsys.readouterr().out
    assert counted.startswith("Triche: ") and "passages (sentence)" in counted
    assert main(["rules", path, str(rules)]) == 0
    assert capsys.readouterr().out.startswith("Coded ")


def test_distinctive_words_of_a_code(tmp_path: Path) -> None:
    from qdaw.sample import build_sample

    with Project.open(build_sample(tmp_path / "referents.qdaw")) as project:
        project.index_text()
        words = project.distinctive_words("Gestion de la fraude", limit=12)
        assert list(words.columns) == [
            "term", "kind", "in_code", "in_rest", "per_1000_code", "per_1000_rest", "g2",
        ]  # fmt: skip
        assert words.iloc[0]["term"] == "fraude"  # the most distinctive
        assert (words["per_1000_code"] > words["per_1000_rest"]).all()
        assert words["g2"].is_monotonic_decreasing
        # Counted by hand in the sample: "fraude" occurs 6 times, 5 inside the code's
        # passages (Référents 1, 2, 3, 5, 8) and once outside, in Référent 7's question
        # (the coded answer there does not repeat the word).
        fraud = words.set_index("term").loc["fraude"]
        assert (fraud["in_code"], fraud["in_rest"]) == (5, 1)
        # Noun phrases too, shown as written (accents kept).
        phrases = words[words["kind"] == "phrase"]["term"].tolist()
        assert phrases and all(" " in p for p in phrases)


def test_noun_phrases_stop_at_punctuation_and_labels(tmp_path: Path) -> None:
    from sqlalchemy import select

    from qdaw.core import models as m
    from qdaw.nlp.keywords import _phrases

    text = (
        "R : Nous avons parlé des examens. En ligne, tout change.\n"
        "R : Les examens en ligne restent difficiles."
    )
    with Project.create(tmp_path / "p.qdaw") as project:
        project.add_document("d", text, case="R")
        project.index_text()
        found = _phrases(select(m.documents.c.id))
        phrases = [
            (t, text[s:e])
            for t, s, e in project.store.rows(select(found.c.term, found.c.start, found.c.end))
        ]
        # "examens. En ligne" crosses a full stop: only the second sentence's counts.
        assert ("examen en ligne", "examens en ligne") in phrases
        assert [t for t, _ in phrases].count("examen en ligne") == 1
        # A speaker label's words belong to no sentence.
        ids = project.store.rows(select(m.tokens.c.form, m.tokens.c.sentence_id))
        assert [s for f, s in ids if f == "r"] == [None, None]


def test_code_suggestions_for_an_uncoded_passage(tmp_path: Path) -> None:
    from qdaw.sample import build_sample

    with Project.open(build_sample(tmp_path / "referents.qdaw")) as project:
        text = "R : Les étudiants trichent aux examens en ligne et la fraude nous inquiète."
        project.add_document("new", text, case="Référent 9")
        project.index_text()
        suggestions = project.suggest_codes("new", 0, len(text), limit=3)
        assert suggestions.iloc[0]["code"] == "Gestion de la fraude"
        assert "fraude" in suggestions.iloc[0]["shared"]
        assert suggestions["score"].is_monotonic_decreasing and (suggestions["score"] <= 1).all()
        assert project.segments(document="new") == []  # suggestions code nothing


def test_rule_files_map_matcher_patterns_to_codes(project: Project, tmp_path: Path) -> None:
    import json

    rules = {
        "rules": [
            {"code": "Vouloir", "unit": "sentence", "speakers": ["respondent"],
             "patterns": [[{"LEMMA": "vouloir"}]]},
            {"code": "Évaluation/Oral", "patterns": [
                [{"LEMMA": "évaluation"}, {"LOWER": {"IN": ["des", "orale"]}},
                 {"LEMMA": "oral", "OP": "?"}],
            ]},
            {"code": "Noms", "patterns": [[{"POS": "NOUN"}, {"POS": "ADJ"}]]},
        ]
    }  # fmt: skip
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(rules, ensure_ascii=False), encoding="utf-8")
    preview = project.rules_preview(path).set_index("code")
    # "voulais" and "voulaient" are in one respondent turn's two sentences; "vouliez" is
    # the interviewer's and is left out.
    assert preview.loc["Vouloir", "passages"] == 2
    assert project.segments() == []  # a preview codes nothing
    created = project.apply_rules(path)
    assert created["Vouloir"] == 2
    assert [s.text for s in project.segments(code="Vouloir")] == [
        "Je voulais qu'ils créent des QCM.", "Ils voulaient surtout évaluer à distance.",
    ]  # fmt: skip
    oral = [s.text for s in project.segments(code="Évaluation/Oral")]
    assert oral == ["évaluation des oraux", "Évaluation orale"]
    assert [s.text for s in project.segments(code="Noms")] == ["Évaluation orale"]
    assert project.undo_label == "Apply rules rules.json"
    project.undo()  # the codes the file created go too
    assert project.segments() == [] and project.code_rows() == []
    bad = tmp_path / "bad.json"
    bad.write_text('{"rules": [{"code": "X", "patterns": [[{"LEMA": "x"}]]}]}', "utf-8")
    with pytest.raises(QdawError, match=re.escape("bad.json: rule 1 ('X'): ")):
        project.rules_preview(bad)
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(QdawError, match=re.escape("bad.json: not a JSON rule file")):
        project.apply_rules(bad)
    assert project.segments() == []
