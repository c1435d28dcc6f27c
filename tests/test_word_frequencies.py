"""Word frequencies from the text index (real fr_core_news_sm), checked against counts
made here independently: a regex over the transcripts, and a plain loop over the
stored tokens."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from qdaw import Project, QdawError
from qdaw.core import models as m
from qdaw.core.text_units import fold

D1 = (
    "Q : Comment travaille l'équipe aujourd'hui ?\n"
    "R : Aujourd'hui, l'équipe pédagogique travaille à distance. "
    "L'équipe pédagogique se réunit le lundi.\n"
    "Q : Et les examens ?\n"
    "R : Les examens en ligne sont difficiles. Examens oraux, enfin.\n"
)
D2 = (
    "Q : Parlez-moi de l'équipe.\n"
    "R : Notre équipe est petite. Les équipes pédagogiques changent souvent. "
    "Aujourd'hui, tout est en ligne.\n"
)
D3 = (
    "R : Les examens en ligne ? Oui, mais l'équipe pédagogique hésite. "
    "Les élèves préfèrent l'oral.\n"
)
TEXTS = {"d1": ("Amélie", D1), "d2": ("Bruno", D2), "d3": ("Céline", D3)}


def build(path: Path | str) -> None:
    with Project.create(path) as p:
        p.set_language("fr")
        for name, (case, text) in TEXTS.items():
            p.add_document(name, text, case=case)
        for case, status in (("Amélie", "titulaire"), ("Bruno", "contractuel"),
                             ("Céline", "titulaire")):  # fmt: skip
            p.set_variable(case, "statut", status)
        start = D1.index("l'équipe pédagogique travaille")
        p.code_segment("d1", start, D1.index(" L'équipe"), p.add_code("Équipe"))
        start = D3.index("Les élèves")
        p.code_segment("d3", start, len(D3) - 1, p.add_code("Élèves"))
        p.index_text()


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("words") / "words.qdaw"
    build(path)
    return path


@pytest.fixture
def p(indexed: Path, tmp_path: Path) -> Iterator[Project]:
    copy = tmp_path / "copy.qdaw"
    shutil.copy(indexed, copy)
    with Project.open(copy) as project:
        yield project


def counts(frame: object) -> dict[str, int]:
    return dict(zip(frame["term"], frame["count"], strict=True))  # type: ignore[index]


def regex_count(word: str, texts: list[str]) -> int:
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w'-])", re.IGNORECASE)
    return sum(len(pattern.findall(text)) for text in texts)


def test_forms_match_a_regex_count_of_the_transcripts(p: Project) -> None:
    table = p.word_frequencies(by="form")
    assert list(table.columns) == ["term", "count", "documents", "respondents", "share"]
    found = counts(table)
    texts = [D1, D2, D3]
    for word in ("équipe", "examens", "pédagogique", "ligne", "aujourd'hui", "travaille"):
        assert found[word] == regex_count(word, texts), word
    assert found["équipe"] == 6  # l'équipe, L'équipe and "Notre équipe", accents restored
    row = table[table["term"] == "équipe"].iloc[0]
    assert (row["documents"], row["respondents"]) == (3, 3)
    assert table["share"].sum() == pytest.approx(1.0)
    assert row["share"] == pytest.approx(6 / table["count"].sum())
    # Stop words (spaCy's French list, elisions included) and speaker labels are out.
    assert not {"l'", "le", "les", "et", "est", "q", "r", "-moi"} & set(found)
    assert table["count"].is_monotonic_decreasing


def test_forms_match_a_plain_loop_over_the_stored_tokens(p: Project) -> None:
    from qdaw.nlp.stop_words import folded_stop_words

    stop = folded_stop_words(p.store, "fr")
    rows = p.store.rows(select(m.tokens.c.form).where(m.tokens.c.sentence_id.is_not(None)))
    expected = Counter(str(r[0]) for r in rows if str(r[0]).lstrip("-") not in stop)
    table = p.word_frequencies(by="form")
    assert {fold(term): n for term, n in counts(table).items()} == dict(expected)


def test_lemmas_gather_inflected_forms(p: Project) -> None:
    lemmas, forms = counts(p.word_frequencies()), counts(p.word_frequencies(by="form"))
    assert lemmas["équipe"] == forms["équipe"] + forms["équipes"] == 7
    assert lemmas["examen"] == forms["examens"] == 4
    assert "élève" in lemmas  # a lemma never written as such still gets its accents
    assert "équipes" not in lemmas


def test_bigrams_and_trigrams_stay_in_sentences(p: Project) -> None:
    bigrams = counts(p.word_frequencies(by="form", ngram=2))
    assert bigrams["équipe pédagogique"] == 3
    # Never across a sentence ("difficiles. Examens") nor a comma ("oraux, enfin"),
    # and a stop word at an edge drops the n-gram ("en ligne", "l'équipe").
    assert not {"difficiles examens", "oraux enfin", "en ligne", "l' équipe"} & set(bigrams)
    trigrams = counts(p.word_frequencies(by="form", ngram=3))
    assert trigrams["examens en ligne"] == regex_count("examens en ligne", [D1, D2, D3]) == 2
    assert counts(p.word_frequencies(by="lemma", ngram=3))["examen en ligne"] == 2
    kept = counts(p.word_frequencies(by="form", ngram=2, stop_words=False))
    for phrase in ("en ligne", "l'équipe"):
        assert kept[phrase] == regex_count(phrase, [D1, D2, D3]), phrase
    assert kept["parlez-moi"] == 1  # written as one, cut in two by the tokenizer


def test_selection_by_code_respondent_variable_and_speaker(p: Project) -> None:
    coded = counts(p.word_frequencies(by="form", codes=["Équipe"]))
    assert coded == {"équipe": 1, "pédagogique": 1, "travaille": 1, "distance": 1}
    assert counts(p.word_frequencies(by="form", codes=["Élèves"])) == {
        "élèves": 1, "préfèrent": 1, "oral": 1,
    }  # fmt: skip
    bruno = counts(p.word_frequencies(by="form", cases=["Bruno"]))
    assert bruno["équipe"] == regex_count("équipe", [D2]) == 2
    tenured = p.word_frequencies(by="form", where={"statut": "titulaire"})
    assert counts(tenured)["équipe"] == regex_count("équipe", [D1, D3]) == 4
    assert set(tenured["respondents"]) <= {1, 2}
    asked = counts(p.word_frequencies(by="form", speakers="interviewer"))
    assert asked["équipe"] == 2 and "pédagogique" not in asked
    answered = counts(p.word_frequencies(by="form", speakers=["R"]))
    assert answered["équipe"] == 4
    limited = p.word_frequencies(by="form", limit=3, min_count=2)
    assert len(limited) == 3 and limited["count"].min() >= 2


def test_stop_word_edits_are_one_undo_step(p: Project) -> None:
    assert "ça" in p.stop_words("fr") and "the" in p.stop_words("en")
    words = p.set_stop_words("fr", add=["Équipe", "lundi"], remove=["ca"])  # folded too
    assert "équipe" in words and "ça" not in words
    assert p.undo_label == "Edit the stop words (fr)"
    found = counts(p.word_frequencies(by="form"))
    assert "équipe" not in found and "lundi" not in found
    p.undo()
    assert "ça" in p.stop_words("fr") and "équipe" not in p.stop_words("fr")
    assert counts(p.word_frequencies(by="form"))["équipe"] == 6
    p.redo()
    p.set_stop_words("fr", remove="équipe", add="ça")  # edits undo each other
    assert "équipe" not in p.stop_words("fr") and "ça" in p.stop_words("fr")
    assert p.stop_words("fr")[:3] == ["a", "à", "â"]  # sorted as a reader expects
    with pytest.raises(QdawError, match="language must be 'fr' or 'en'"):
        p.stop_words("de")
    with pytest.raises(QdawError, match="several words"):
        p.set_stop_words("fr", add="en ligne")


def test_kwic_of_a_term_in_the_same_selection(p: Project) -> None:
    table = p.word_frequencies(by="form", ngram=2)
    key = table.attrs["keys"][list(table["term"]).index("équipe pédagogique")]
    hits = p.term_in_context(key, by="form")
    assert [h.match for h in hits] == ["équipe pédagogique"] * 3
    assert hits[0].left == "Aujourd'hui, l'" and hits[0].right.startswith(" travaille")
    assert p.document_text(hits[0].document_id)[hits[0].start : hits[0].end] == hits[0].match
    lemma_hits = p.term_in_context("équipe", by="lemma")
    assert len(lemma_hits) == 7 and "équipes" in {h.match for h in lemma_hits}
    assert len(p.term_in_context("équipe", by="form", codes=["Équipe"])) == 1
    assert len(p.term_in_context("équipe", by="form", speakers="interviewer")) == 2


def test_unindexed_text_and_bad_arguments_say_what_to_do(p: Project) -> None:
    p.add_document("d4", "Un entretien pas encore indexé.", case="Denis")
    with pytest.raises(QdawError, match=r"copy\.qdaw: the text of d4 is not indexed yet"):
        p.word_frequencies()
    assert counts(p.word_frequencies(by="form", cases=["Bruno"]))["équipe"] == 2  # in scope
    p.index_text()
    assert counts(p.word_frequencies(by="form"))["entretien"] == 1
    with pytest.raises(QdawError, match="1, 2 or 3 words"):
        p.word_frequencies(ngram=4)
    with pytest.raises(QdawError, match="'lemma' or 'form'"):
        p.word_frequencies(by="stem")  # type: ignore[arg-type]


def test_word_cloud_is_valid_and_deterministic(p: Project, tmp_path: Path) -> None:
    from PIL import Image

    table = p.word_frequencies()
    first = p.word_cloud(tmp_path / "a.png", table)
    second = p.word_cloud(tmp_path / "b.png", table)
    assert first.read_bytes() == second.read_bytes()
    with Image.open(first) as image:
        assert image.format == "PNG" and image.size == (1200, 800)
        assert len(image.getcolors(1_000_000) or []) > 10  # words drawn, not a blank page
    svg = p.word_cloud(tmp_path / "c.svg", table).read_text(encoding="utf-8")
    assert svg.startswith("<svg") and ">équipe<" in svg and ">pédagogique<" in svg
    assert svg == p.word_cloud(tmp_path / "d.svg", table).read_text(encoding="utf-8")
    with pytest.raises(QdawError, match=r"x\.gif: a word cloud is written as \.png or \.svg"):
        p.word_cloud(tmp_path / "x.gif", table)
    with pytest.raises(QdawError, match="no word to draw"):
        p.word_cloud(tmp_path / "e.png", table.iloc[0:0])


def test_word_frequencies_on_postgresql(pg_url: str) -> None:
    build(pg_url)
    with Project.open(pg_url) as p:
        assert counts(p.word_frequencies(by="form"))["équipe"] == 6
        assert counts(p.word_frequencies(by="form", ngram=2))["équipe pédagogique"] == 3
        p.set_stop_words("fr", add="équipe")
        assert "équipe" not in counts(p.word_frequencies(by="form"))
        assert len(p.term_in_context("equipe pedagogique", by="form")) == 3


def test_words_and_stop_words_from_the_command_line(
    p: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import pandas as pd

    from qdaw.cli import main

    path = str(p.path)
    p.close()
    out = tmp_path / "words.csv"
    assert main(["words", path, "--by", "form", "--ngram", "2", "-o", str(out)]) == 0
    assert capsys.readouterr().out.startswith("Wrote ")
    table = pd.read_csv(out)
    assert list(table.columns) == ["term", "count", "documents", "respondents", "share"]
    assert table.iloc[0]["term"] == "équipe pédagogique" and table.iloc[0]["count"] == 3
    xlsx, cloud = tmp_path / "words.xlsx", tmp_path / "cloud.png"
    args = ["words", path, "--code", "Équipe", "--case", "Amélie", "--limit", "2"]
    assert main([*args, "-o", str(xlsx), "--cloud", str(cloud)]) == 0
    sheet = pd.read_excel(xlsx)
    assert len(sheet) == 2 and set(sheet["term"]) <= {"équipe", "pédagogique", "travailler",
                                                      "distance"}  # fmt: skip
    assert cloud.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert capsys.readouterr().out.count("Wrote ") == 2
    assert main(["words", path, "--speaker", "interviewer", "--by", "form"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].split() == ["Term", "Count", "Docs", "Resp.", "Share"]
    assert printed[1].split()[:2] == ["équipe", "2"]
    assert main(["stop-words", path, "--lang", "fr", "--add", "équipe", "--remove", "ça"]) == 0
    assert "stop words (fr)" in capsys.readouterr().out
    assert main(["stop-words", path, "--lang", "fr"]) == 0
    listed = capsys.readouterr().out.split()
    assert "équipe" in listed and "ça" not in listed
    assert main(["words", path, "--by", "form", "--limit", "1"]) == 0
    assert capsys.readouterr().out.splitlines()[1].split()[0] == "examens"
    assert main(["words", path, "--ngram", "5"]) == 1
    assert "qdaw: error: --ngram 5: n-grams of 1, 2 or 3 words" in capsys.readouterr().err
    assert main(["words", path, "--cloud", str(tmp_path / "w.gif")]) == 1
    assert "w.gif: a word cloud is written as .png or .svg" in capsys.readouterr().err


def test_kwic_lists_the_lines_the_counts_count(p: Project) -> None:
    table = p.word_frequencies(by="form", ngram=2, stop_words=False)
    keys = dict(zip(table["term"], table.attrs["keys"], strict=True))
    assert "oui mais" not in keys  # "Oui, mais": a comma between them
    assert p.term_in_context("oui mais", by="form") == []
    for term in ("équipe pédagogique", "en ligne", "examens en"):
        count = int(table.loc[table["term"] == term, "count"].iloc[0])
        assert len(p.term_in_context(keys[term], by="form")) == count, term
