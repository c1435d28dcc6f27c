"""Anonymisation with the real fr_core_news_sm recogniser: review, pseudonyms, exports."""

from __future__ import annotations

import csv
from pathlib import Path

import docx
import pandas as pd
import pytest

from qdaw import Project, QdawError
from qdaw.cli import main
from qdaw.export.report import write_report
from qdaw.export.tables import write_workbook

FIRST = (
    "Entretien 1.\n"
    "Q : Avec qui avez-vous travaillé ?\n"
    "R : J'en ai parlé avec Marie Dupont, la directrice de l'IUT de Lannion. "
    "Mme Dupont nous a aidés pour les QCM sur Moodle.\n"
)
SECOND = (
    "Entretien 2.\n"
    "R : Marie Dupont est venue en renfort. Ensuite Jean-Pierre Martin, à Rennes, "
    "a préparé les examens.\n"
)


@pytest.fixture
def study(tmp_path: Path) -> Project:  # type: ignore[misc]
    p = Project.create(tmp_path / "study.qdaw")
    p.add_document("e1", FIRST, case="Référent 1")
    p.add_document("e2", SECOND, case="Référent 2")
    yield p
    p.close()


def review(p: Project) -> None:
    """What a researcher does with the proposals: accept the people and places, reject
    the software, add the institution the recogniser cut short."""
    assert p.accept_entity("Marie Dupont") == "[Personne 1]"
    assert p.accept_entity("Dupont") == "[Personne 1]"  # the same person
    assert p.accept_entity("Jean-Pierre Martin") == "[Personne 2]"
    assert p.accept_entity("Rennes") == "[Lieu 1]"
    assert p.accept_entity("Lannion") == "[Lieu 2]"
    if "moodle" in {n.lower() for n in p.entities()["name"]}:
        p.reject_entity("Moodle")
    assert p.add_entity("IUT de Lannion", "organisation") == "[Organisation 1]"


def test_detection_proposes_names_for_review(study: Project) -> None:
    assert study.detect_entities() >= 4
    names = study.entities()
    proposed = dict(zip(names["name"], names["kind"], strict=True))
    assert proposed["Marie Dupont"] == "person"
    assert proposed["Dupont"] == "person"  # "Mme" is a title, not part of the name
    assert proposed["Jean-Pierre Martin"] == "person"
    assert proposed["Rennes"] == "place"
    assert names.set_index("name").loc["Marie Dupont", "mentions"] == 2
    assert set(names["status"]) == {"proposed"}
    assert names["pseudonym"].tolist() == [None] * len(names)  # not NaN
    # Nothing is replaced before a name is accepted.
    assert study.anonymised_text("e1") == FIRST
    # Detecting again keeps decisions and adds nothing new.
    study.accept_entity("Rennes")
    assert study.detect_entities() == 0
    assert study.entities("accepted")["name"].tolist() == ["Rennes"]


def test_same_person_same_pseudonym_everywhere_in_exports(study: Project, tmp_path: Path) -> None:
    study.detect_entities()
    review(study)
    code = study.add_code("Entraide")
    start = FIRST.index("J'en ai")
    study.code_segment("e1", start, FIRST.index("QCM") + 3, code)
    start = SECOND.index("Marie")
    study.code_segment("e2", start, SECOND.index("renfort") + 7, code)
    study.add_hypothesis("H1", "Les collègues s'entraident")
    study.link_code(code, "H1")

    files = study.export_documents(tmp_path / "docs", anonymise=True)
    texts = {path.name: path.read_text(encoding="utf-8") for path in files}
    first = texts["Référent 1 - e1.txt"]
    assert "J'en ai parlé avec [Personne 1], la directrice de l'[Organisation 1]." in first
    assert "Mme [Personne 1] nous a aidés" in first
    second = texts["Référent 2 - e2.txt"]
    assert second.startswith("Entretien 2.\nR : [Personne 1] est venue en renfort.")
    assert "[Personne 2], à [Lieu 1]," in second
    for text in texts.values():
        assert "Dupont" not in text and "Martin" not in text and "Rennes" not in text
    assert "Moodle" in first  # rejected: left as is

    # The retrieval table, the workbook and the report say the same.
    assert main(["export", "segments", str(study.path), "-o", str(tmp_path / "s.csv"),
                 "--anonymise"]) == 0  # fmt: skip
    with (tmp_path / "s.csv").open(encoding="utf-8") as handle:
        passages = [row["text"] for row in csv.DictReader(handle)]
    assert passages[0].startswith("J'en ai parlé avec [Personne 1], la directrice")
    assert passages[1] == "[Personne 1] est venue en renfort"
    report = tmp_path / "report.docx"
    assert main(["report", "hypotheses", str(study.path), "-o", str(report),
                 "--anonymise", "--lang", "fr"]) == 0  # fmt: skip
    body = "\n".join(p.text for p in docx.Document(str(report)).paragraphs)
    assert "[Personne 1] est venue en renfort" in body and "Dupont" not in body

    # Stored text and offsets are untouched.
    assert study.document("e1").text == FIRST
    assert [s.text for s in study.segments(code=code)][1] == "Marie Dupont est venue en renfort"


def test_review_decisions_undo_and_pseudonyms_can_be_shared(study: Project) -> None:
    study.detect_entities()
    study.accept_entity("Marie Dupont")
    assert study.undo_label == "Accept name Marie Dupont"
    study.undo()
    assert study.entities("accepted").empty
    study.accept_entity("Jean-Pierre Martin")
    study.accept_entity("Marie Dupont", pseudonym="Claire")
    study.set_pseudonym("Jean-Pierre Martin", "Claire")  # the researcher says: one person
    assert study.anonymiser()("Marie Dupont et Jean-Pierre Martin") == "Claire et Claire"
    # Matching ignores case and accents, on whole words only.
    assert study.anonymiser()("MARIE DUPONT, marie-dupontel") == "Claire, marie-dupontel"
    with pytest.raises(QdawError, match="no name"):
        study.accept_entity("Personne inconnue")
    with pytest.raises(QdawError, match="empty"):
        study.set_pseudonym("Marie Dupont", " ")


def test_names_from_the_command_line(study: Project, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(study.path)
    assert main(["names", "detect", path]) == 0
    assert main(["names", "accept", path, "Marie Dupont", "Dupont"]) == 0
    assert main(["names", "add", path, "Lannion", "--kind", "place"]) == 0
    out = capsys.readouterr().out
    assert "Marie Dupont → [Personne 1]" in out and "Dupont → [Personne 1]" in out
    assert "Lannion → [Lieu 1]" in out
    assert main(["names", "list", path, "--status", "accepted"]) == 0
    listed = capsys.readouterr().out
    assert "accepted  person" in listed and "3 names" in listed


def test_english_names_are_proposed_without_a_model(tmp_path: Path) -> None:
    with Project.create(tmp_path / "en.qdaw") as p:
        p.set_language("en")
        p.add_document(
            "t1", "Interviewer: Who helped?\nRespondent: Mary Smith did, in Boston.", case="T1"
        )
        p.detect_entities()
        assert {"Mary Smith", "Boston"} <= set(p.entities()["name"])
        assert p.accept_entity("Mary Smith") == "[Name 1]"


ACCENTED = (
    "Interviewer: Who helped you with the exams?\n"
    "Respondent: Dr. Smith did, with Élodie Durand and Ömer. Łukasz came too, then Zoë.\n"
    "Respondent: Дмитрий Петров wrote the questions; Dmitri checked them with Γιώργος. "
    "Then we met Smith again in Thessaloniki.\n"
)
HIDDEN = ["Smith", "Élodie", "Durand", "Ömer", "Łukasz", "Zoë", "Дмитрий", "Петров",
          "Dmitri", "Γιώργος", "Thessaloniki"]  # fmt: skip


def test_english_names_in_any_script_never_leak_into_anonymised_exports(tmp_path: Path) -> None:
    with Project.create(tmp_path / "en.qdaw") as p:
        p.set_language("en")
        p.add_document("t1", ACCENTED, case="T1")
        p.detect_entities()
        names = p.entities().set_index("name")
        expected = {"Smith", "Élodie Durand", "Ömer", "Łukasz", "Zoë", "Дмитрий Петров",
                    "Dmitri", "Γιώργος", "Thessaloniki"}  # fmt: skip
        assert expected <= set(names.index)
        assert names.loc["Smith", "kind"] == "person"  # "Dr." is a title, not the name
        assert names.loc["Smith", "mentions"] == 2
        # Sentence openers and speaker labels are not names.
        assert not {"Who", "Then", "Interviewer", "Respondent", "Dr", "Dr."} & set(names.index)
        for name in names.index:
            p.accept_entity(name)

        code = p.add_code("Help")
        p.code_segment("t1", ACCENTED.index("Dr."), len(ACCENTED) - 1, code)
        p.add_hypothesis("H1", "Colleagues help")
        p.link_code(code, "H1")
        (document,) = p.export_documents(tmp_path / "docs", anonymise=True)
        texts = {"document": document.read_text(encoding="utf-8")}
        assert texts["document"].startswith("Interviewer: Who helped you")
        assert "Respondent: Dr. [Person 1] did, with [Name " in texts["document"]
        for suffix in (".md", ".html"):
            written = write_report(p.report(anonymise=True), tmp_path / f"report{suffix}")
            texts[suffix] = written.read_text(encoding="utf-8")
        workbook = write_workbook(p.workbook_sheets(anonymise=True), tmp_path / "book.xlsx")
        segments = pd.read_excel(workbook, sheet_name="Segments")
        texts["workbook"] = "\n".join(segments["text"].astype(str))
        assert "Dr. [Person 1] did" in texts["workbook"]
        for where, text in texts.items():
            leaked = [name for name in HIDDEN if name in text]
            assert not leaked, f"{where} leaks {leaked}"
        assert p.document("t1").text == ACCENTED  # the project keeps the real names
