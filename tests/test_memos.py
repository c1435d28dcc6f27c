"""Every memo at once: p.memos, the DOCX/Markdown/CSV export, `qdaw memos`, and two
writers editing one memo."""

from __future__ import annotations

from pathlib import Path

import docx
import pandas as pd
import pytest

from qdaw import Project
from qdaw.cli import main
from qdaw.errors import MemoChanged, QdawError

TEXT = "Je suis étudiante en thèse. Le financement manque cruellement."


def memo_study(path: Path) -> Project:
    """A memo on a thing of every kind, with accents everywhere."""
    p = Project.create(path, coder="zoé")
    d = p.add_document("entretien-é", TEXT, case="Éloïse")
    p.add_document("entretien-2", "Rien à signaler.", case="Gaël")
    theme = p.add_code("Thème")
    code = p.add_code("Précarité", parent=theme)
    p.add_code("Sans mémo")
    h = p.add_hypothesis("H1", "La précarité pèse")
    p.code_segment(d, 0, 27, code, coder="zoé", memo="Passage clé : « étudiante »")
    p.code_segment(d, 28, 62, code, coder="marc", memo="Financement : à recouper")
    p.code_segment(d, 28, 62, theme, coder="marc")  # no memo: not listed
    p.set_memo("project", "Mémo général du projet\n\nDeuxième paragraphe")
    p.set_memo(d, "Entretien mené à Lyon")
    p.set_memo(p.case("Éloïse"), "Doctorante en 3e année")
    p.set_memo(code, "Code émergent après trois entretiens")
    p.set_memo(h, "À vérifier auprès des répondants")
    p.set_memo(p.case("Gaël"), "   ")  # blank: no memo
    return p


@pytest.fixture
def study(tmp_path: Path) -> Project:
    p = memo_study(tmp_path / "mémos.qdaw")
    yield p
    p.close()


def test_every_memo_in_one_table(study: Project) -> None:
    frame = study.memos()
    assert list(frame["kind"]) == [
        "project", "document", "respondent", "code", "hypothesis", "segment", "segment",
    ]  # fmt: skip
    rows = {kind: frame[frame["kind"] == kind].iloc[0] for kind in frame["kind"]}
    assert rows["project"]["memo"].startswith("Mémo général")
    assert rows["document"]["name"] == "entretien-é"
    assert rows["document"]["respondent"] == "Éloïse"
    assert rows["respondent"]["name"] == "Éloïse"
    assert rows["code"]["name"] == "Thème/Précarité"
    assert rows["code"]["coder"] == "zoé"  # who created it
    assert rows["hypothesis"]["name"] == "H1 — La précarité pèse"
    first = frame[frame["kind"] == "segment"].iloc[0]
    assert (first["code"], first["document"], first["respondent"]) == (
        "Thème/Précarité", "entretien-é", "Éloïse",
    )  # fmt: skip
    assert (first["start"], first["end"], first["coder"]) == (0, 27, "zoé")
    assert first["text"] == "Je suis étudiante en thèse."
    assert frame.iloc[-1]["text"] == TEXT[28:62]
    assert rows["document"]["coder"] is None  # unknown: None, not NaN


def test_filters(study: Project) -> None:
    assert list(study.memos(kinds=["code", "segment"])["kind"]) == ["code", "segment", "segment"]
    assert list(study.memos(kinds="hypothesis")["name"]) == ["H1 — La précarité pèse"]
    # Case and accents are ignored: a researcher types "etudiante".
    found = study.memos(search="ETUDIANTE")
    assert list(found["kind"]) == ["segment"]
    assert list(study.memos(search="précarité")["kind"]) == ["code", "hypothesis", "segment",
                                                            "segment"]  # fmt: skip
    assert list(study.memos(coder="marc")["memo"]) == ["Financement : à recouper"]
    assert list(study.memos(document="entretien-é")["kind"]) == ["document", "segment", "segment"]
    assert study.memos(search="introuvable").empty
    # What the manager lists for a search is what its export writes: a respondent's name
    # finds the respondent's memo, their document's and the segments' in it.
    assert sorted(study.memos(search="eloise")["kind"]) == [
        "document", "respondent", "segment", "segment",
    ]  # fmt: skip
    with pytest.raises(QdawError, match="'case' is not one of project, document, respondent"):
        study.memos(kinds=["case"])


def test_one_query_per_kind(study: Project) -> None:
    from sqlalchemy import event

    for n in range(30):
        study.code_segment("entretien-é", n, n + 5, "Précarité", memo=f"note {n}")
    statements: list[str] = []
    listen = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(study.engine, "before_cursor_execute", listen)
    try:
        frame = study.memos()
    finally:
        event.remove(study.engine, "before_cursor_execute", listen)
    assert len(frame) == 37
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) <= 7, selects  # codes, project memo and title, one per other kind


def test_export_docx(study: Project, tmp_path: Path) -> None:
    path = study.export_memos(tmp_path / "mémos.docx")
    document = docx.Document(str(path))
    headings = [
        p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    assert headings[0] == "Memos — mémos"
    assert headings[1:] == [
        "Project memo", "Documents", "entretien-é", "Respondents", "Éloïse", "Codes",
        "Thème/Précarité", "Hypotheses", "H1 — La précarité pèse", "Coded passages",
        "Thème/Précarité", "Thème/Précarité",
    ]  # fmt: skip
    texts = [p.text for p in document.paragraphs]
    quotes = [p.text for p in document.paragraphs if p.style.name == "Intense Quote"]
    assert quotes == ["“Je suis étudiante en thèse.”", f"“{TEXT[28:62]}”"]
    assert "1/2 respondents, 2 passages · created by zoé" in texts  # k/N of the code
    assert "entretien-é (Éloïse), characters 0–27 · coded by zoé" in texts
    assert texts[texts.index(quotes[0]) + 1] == "Passage clé : « étudiante »"


def test_export_in_french_by_the_project_language(study: Project, tmp_path: Path) -> None:
    study.set_language("fr")
    document = docx.Document(str(study.export_memos(tmp_path / "m.docx", kinds=["code"])))
    texts = [p.text for p in document.paragraphs]
    assert texts[:3] == ["Mémos — mémos", "Codes", "Thème/Précarité"]
    assert "1/2 répondants, 2 passages · créé par zoé" in texts
    english = docx.Document(str(study.export_memos(tmp_path / "e.docx", lang="en")))
    assert english.paragraphs[0].text == "Memos — mémos"


def test_export_markdown(study: Project, tmp_path: Path) -> None:
    study.code_segment("entretien-2", 0, 16, "Précarité", memo="Un *vrai* mémo")
    study.set_title("Étude « thèse »")
    text = study.export_memos(tmp_path / "m.md", lang="fr", search="mémo").read_text("utf-8")
    assert text.startswith("# Mémos — Étude « thèse »\n\n## Mémo du projet\n\nMémo général")
    assert "## Passages codés\n\n### Thème/Précarité\n\n" in text
    # The passage quoted exactly (escaped), the memo as the researcher wrote it.
    assert "> Rien à signaler.\n\nUn *vrai* mémo\n" in text
    assert "*entretien-2 (Gaël), caractères 0 à 16 · codé par zoé*" in text
    assert "Doctorante" not in text  # not matched by the search


def test_export_csv_and_bad_targets(study: Project, tmp_path: Path) -> None:
    path = study.export_memos(tmp_path / "m.csv", kinds=["segment"])
    table = pd.read_csv(path, encoding="utf-8-sig")
    assert list(table["text"]) == ["Je suis étudiante en thèse.", TEXT[28:62]]
    with pytest.raises(QdawError, match=r"m\.pdf: memos are written as \.docx, \.md, \.csv"):
        study.export_memos(tmp_path / "m.pdf")
    with pytest.raises(QdawError, match=r"folder .*absent does not exist"):
        study.export_memos(tmp_path / "absent" / "m.md")
    with pytest.raises(QdawError, match="language must be one of en, fr, not 'de'"):
        study.export_memos(tmp_path / "m.md", lang="de")
    assert not (tmp_path / "m.md").exists()


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mémos.qdaw"
    memo_study(path).close()
    assert main(["memos", str(path), "--kind", "segment", "--search", "etudiante"]) == 0
    out = capsys.readouterr().out
    assert "segment: Thème/Précarité — entretien-é (Éloïse) 0–27 [zoé]" in out
    assert "“Je suis étudiante en thèse.”" in out and "Passage clé : « étudiante »" in out
    assert "Financement" not in out
    assert main(["memos", str(path), "-o", str(tmp_path / "m.md"), "--lang", "fr"]) == 0
    assert "Wrote" in capsys.readouterr().out
    assert "## Hypothèses" in (tmp_path / "m.md").read_text("utf-8")
    assert main(["memos", str(path), "-o", str(tmp_path / "m.docx"), "--kind", "code"]) == 0
    assert docx.Document(str(tmp_path / "m.docx")).paragraphs[1].text == "Codes"
    assert main(["memos", str(path), "-o", str(tmp_path / "m.txt")]) == 1
    assert "m.txt: memos are written as" in capsys.readouterr().err


def test_two_writers_never_overwrite_each_other(study: Project) -> None:
    code = study.code("Précarité")
    read = study.memo(code)
    with Project.open(study.location, coder="marc") as other:
        other.set_memo(other.code("Précarité"), "Réécrit par Marc")
    with pytest.raises(MemoChanged, match="code 'Précarité' was changed by another writer") as e:
        study.set_memo(code, "Ma version", expected=read)
    assert e.value.current == "Réécrit par Marc"
    assert study.memo(code) == "Réécrit par Marc"  # nothing was written
    # Read again, then saved: it goes through, as one undoable step.
    study.set_memo(code, "Ma version", expected=e.value.current)
    assert study.memo(code) == "Ma version"
    study.undo()
    assert study.memo(code) == "Réécrit par Marc"
    # The project memo too; an unchanged memo saves, and so does the same text twice.
    study.set_memo("project", "Nouveau", expected=study.memo("project"))
    study.set_memo("project", "Nouveau", expected="ancien")  # already says it
    with pytest.raises(MemoChanged, match="the memo of the project"):
        study.set_memo("project", "Autre", expected="ancien")


def test_on_postgresql_two_writers_and_the_passages(pg_url: str, tmp_path: Path) -> None:
    """The server cuts the passages in characters too (substr), and the write
    transaction's read of the memo is what guards a colleague's edit."""
    with Project.create(pg_url, coder="zoé") as p:
        d = p.add_document("entretien-é", TEXT, case="Éloïse")
        code = p.add_code("Précarité")
        p.code_segment(d, 8, 17, code, memo="« étudiante »")
        p.set_memo(code, "Première version")
        frame = p.memos()
        assert list(frame["kind"]) == ["code", "segment"]
        assert frame.iloc[1]["text"] == "étudiante"
        assert list(p.memos(search="etudiante")["kind"]) == ["segment"]
        with Project.open(pg_url, coder="marc") as other:
            other.set_memo(other.code("Précarité"), "Version de Marc")
        with pytest.raises(MemoChanged) as e:
            p.set_memo(code, "Ma version", expected="Première version")
        assert e.value.current == "Version de Marc"
        text = p.export_memos(tmp_path / "m.md", lang="fr").read_text("utf-8")
        assert "> étudiante\n\n« étudiante »" in text and "Version de Marc" in text
