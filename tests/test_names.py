"""What a name may be: one rule for every kind of name, on SQLite and PostgreSQL alike.

Every refusal is an InvalidName that names the kind and the problem, and leaves the
project exactly as it was; lookups normalise as writing does; names stored before the
rule (an older project) are still read, found and moved.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import insert

from qdaw import ConflictError, InvalidName, Project
from qdaw.core import models as m
from qdaw.errors import InvalidText
from tests.conftest import snapshot

NFD_ECOLE = unicodedata.normalize("NFD", "école")  # e + combining acute accent
assert NFD_ECOLE != "école"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "study.qdaw")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def p(target: str) -> Iterator[Project]:
    project = Project.create(target, coder="ana")
    project.add_document("d1", "Alpha one. Alpha two.", case="R1")
    project.add_code("Theme")
    project.add_hypothesis("H1", "Alpha matters")
    project.add_entity("Marie Dupont")
    yield project
    project.close()


#: Every way a name enters, with the bad name put in it.
ENTRIES: dict[str, Callable[[Project, str], object]] = {
    "Code name": lambda p, name: p.add_code(name),
    "author": lambda p, name: p.add_code("W", parent="Theme", author=name),
    "rename code": lambda p, name: p.rename_code("Theme", name),
    "code path": lambda p, name: p.code_or_new(f"Nouveau/{name}"),
    "Respondent name": lambda p, name: p.add_case(name),
    "rename case": lambda p, name: p.rename_case("R1", name),
    "document case": lambda p, name: p.add_document("d2", "Texte.", case=name),
    "Document name": lambda p, name: p.add_document(name, "Texte.", case="R1"),
    "rename document": lambda p, name: p.rename_document("d1", name),
    "Hypothesis label": lambda p, name: p.add_hypothesis(name, "énoncé"),
    "edit hypothesis": lambda p, name: p.edit_hypothesis("H1", label=name),
    "Variable name": lambda p, name: p.add_variable(name),
    "set variable": lambda p, name: p.set_variable("R1", name, "x"),
    "Coder name": lambda p, name: p.code_segment("d1", 0, 5, "Theme", coder=name),
    "default coder": lambda p, name: p.set_default_coder(name),
    "Name": lambda p, name: p.add_entity(name),
    "Pseudonym": lambda p, name: p.set_pseudonym("Marie Dupont", name),
    "accept pseudonym": lambda p, name: p.accept_entity("Marie Dupont", name),
}

#: Where a blank is allowed, and means something else than a name.
OPTIONAL = {"author", "accept pseudonym", "code path"}

BAD = {
    "lone surrogate": ("Ma\ud800rie", r"contains a lone surrogate.*\\ud800 at position 3"),
    "NUL": ("Ma\x00rie", r"contains a NUL character: \\x00 at position 3"),
    "control": ("Ma\nrie", r"contains a control character.*\\n at position 3"),
    "tab": ("Ma\trie", r"contains a control character.*\\t at position 3"),
    "blank": (" \t ", r"is empty: .* needs a name"),
    "too long": ("x" * 256, r"is 256 characters long; at most \d+ are allowed"),
}


@pytest.mark.parametrize("entry", sorted(ENTRIES))
def test_a_bad_name_is_refused_everywhere_and_nothing_is_stored(p: Project, entry: str) -> None:
    before = snapshot(p)
    undo_label = p.undo_label
    for bad, (name, message) in BAD.items():
        if bad == "blank" and entry in OPTIONAL:
            continue  # blank here means: the default (the coder, a new pseudonym, no part)
        with pytest.raises(InvalidName, match=message):
            ENTRIES[entry](p, name)
        assert snapshot(p) == before, bad
        assert p.undo_label == undo_label


LIMITS = {  # kind → (the entry that makes one, longest name allowed)
    "code": (lambda p, n: p.add_code(n), 255),
    "case": (lambda p, n: p.add_case(n), 255),
    "document": (lambda p, n: p.add_document(n, "Texte.", case="R1"), 240),
    "hypothesis": (lambda p, n: p.add_hypothesis(n), 64),
    "variable": (lambda p, n: p.add_variable(n), 255),
    "coder": (lambda p, n: p.code_segment("d1", 0, 5, "Theme", coder=n), 255),
    "entity": (lambda p, n: p.add_entity(n), 255),
}


@pytest.mark.parametrize("kind", sorted(LIMITS))
def test_the_length_limit_is_the_same_on_both_databases(p: Project, kind: str) -> None:
    make, limit = LIMITS[kind]
    make(p, "é" * limit)  # characters, not bytes: accents count once
    before = snapshot(p)
    with pytest.raises(InvalidName, match=f"is {limit + 1} characters long; at most {limit}"):
        make(p, "a" * (limit + 1))
    assert snapshot(p) == before


def test_a_refused_name_shows_at_most_sixty_characters(p: Project) -> None:
    with pytest.raises(InvalidName) as refused:
        p.add_code("é" * 1000)
    assert str(refused.value) == (
        f"Code name '{'é' * 60}…' is 1000 characters long; at most 255 are allowed"
    )


def test_names_are_stripped_and_stored_composed(p: Project) -> None:
    code = p.add_code(f"  {NFD_ECOLE}\t")
    assert code.name == "école"
    assert p.add_case(f" {NFD_ECOLE} ").name == "école"
    document = p.add_document(f"{NFD_ECOLE} 1", "Texte.", case=NFD_ECOLE)
    assert (document.name, document.case) == ("école 1", "école")
    assert p.add_hypothesis(f"H-{NFD_ECOLE}").label == "H-école"
    p.add_variable(NFD_ECOLE)
    assert "école" in p.variable_types()


def test_composed_and_decomposed_names_are_the_same_name(p: Project) -> None:
    p.add_code("école")
    with pytest.raises(ConflictError, match="a code named 'école' already exists"):
        p.add_code(NFD_ECOLE)
    p.add_case("école")
    with pytest.raises(ConflictError, match="already exists"):
        p.add_case(NFD_ECOLE)
    p.add_hypothesis("école")
    with pytest.raises(ConflictError, match="already exists"):
        p.add_hypothesis(NFD_ECOLE)
    p.add_variable("école")
    with pytest.raises(ConflictError, match="already exists"):
        p.add_variable(NFD_ECOLE)
    p.add_document("école", "Texte.", case="R1")
    with pytest.raises(ConflictError, match="already exists"):
        p.rename_document("d1", NFD_ECOLE)


def test_lookups_find_a_name_typed_either_way(p: Project) -> None:
    code = p.add_code(NFD_ECOLE)
    case = p.add_case("Référent")
    assert p.code("école").id == p.code(NFD_ECOLE).id == p.code(" école ").id == code.id
    assert p.case(unicodedata.normalize("NFD", "Référent")).id == case.id
    p.add_hypothesis("H-école")
    assert p.hypothesis(f"H-{NFD_ECOLE}").label == "H-école"
    p.add_document("école", "Texte.", case="R1")
    assert p.document(NFD_ECOLE).name == "école"
    p.add_variable("âge")
    p.delete_variable(unicodedata.normalize("NFD", "âge"))
    assert "âge" not in p.variable_types()


def test_a_lookup_of_a_name_no_database_could_hold_is_not_found(p: Project) -> None:
    for lookup in (p.code, p.case, p.document, p.hypothesis):
        with pytest.raises(KeyError, match=r"no .* named"):
            lookup("a\ud800\x00")


def test_a_code_name_cannot_hold_the_path_separator(p: Project) -> None:
    before = snapshot(p)
    message = r"^Code name 'Cat/Sub' contains '/', which separates a code from its parent$"
    with pytest.raises(InvalidName, match=message):
        p.add_code("Cat/Sub")
    with pytest.raises(InvalidName, match=message):
        p.rename_code("Theme", "Cat/Sub")
    assert snapshot(p) == before
    sub = p.code_or_new("Cat/Sub")[0]  # a path: the category, then its code
    assert (sub.name, sub.parent.name if sub.parent else None) == ("Sub", "Cat")
    assert p.code("Cat/Sub").id == sub.id


def test_a_new_path_starts_at_the_top_of_the_codebook(p: Project) -> None:
    nested = p.add_code("Cat", parent="Theme")
    sub, created = p.code_or_new("Cat/Sub")
    assert created and sub.parent is not None and sub.parent.id != nested.id
    assert sub.parent.parent is None
    assert p.code_or_new("Cat/Sub") == (sub, False)  # found again by the same path
    assert p.code("Theme/Cat").id == nested.id


def older_project_rows(p: Project) -> None:
    """Names an older qdaw accepted: a top-level code named with '/', decomposed
    accents, surrounding spaces (written straight to the tables)."""
    with p.engine.begin() as conn:
        conn.execute(
            insert(m.codes).values(
                id=100, name="Cat/Sub", color="#123456", parent_id=None, position=9
            )
        )
        conn.execute(insert(m.codes).values(id=101, name="Cat", color="#123456", position=10))
        conn.execute(
            insert(m.codes).values(id=102, name="Sub", color="#123456", parent_id=101, position=0)
        )
        conn.execute(insert(m.cases).values(id=100, name=f" {NFD_ECOLE} "))


def test_an_older_projects_names_are_still_read_found_and_moved(p: Project) -> None:
    older_project_rows(p)
    assert p.code(102).name == "Sub"
    assert p.code("Cat/Sub").id == 102  # the path reaches the child
    p.rename_code(102, "Sous")
    assert p.code("Cat/Sub").id == 100  # and the older name is still found by its name
    p.move_code("Cat/Sub", "Theme")  # moving is not renaming: no new name to check
    assert p.code(100).parent is not None and p.code(100).parent.name == "Theme"
    assert p.case(f" {NFD_ECOLE} ").id == 100
    assert [c.name for c in p.codes()].count("Cat/Sub") == 1


def test_a_coder_named_at_open_is_checked(target: str) -> None:
    with pytest.raises(InvalidName, match=r"^Coder name 'a\\x01' contains a control"):
        Project.create(target, coder="a\x01")


def test_texts_refuse_what_no_database_stores_alike(p: Project) -> None:
    before = snapshot(p)
    with pytest.raises(InvalidText, match=r"^Statement 'A\\x00' contains a NUL character"):
        p.add_hypothesis("H2", "A\x00")
    with pytest.raises(InvalidText, match=r"^Description '\\udc80' contains a lone surrogate"):
        p.describe_code("Theme", "\udc80")
    with pytest.raises(InvalidText, match="Memo"):
        p.set_memo(p.code("Theme"), "note\x00")
    with pytest.raises(InvalidText, match="Memo"):
        p.code_segment("d1", 0, 5, "Theme", memo="\ud800")
    assert snapshot(p) == before
    p.set_memo(p.code("Theme"), "Deux lignes,\n\tet une tabulation.")  # texts have lines
    assert p.code("Theme").memo == "Deux lignes,\n\tet une tabulation."


def test_a_codebook_row_with_a_bad_name_names_the_file_and_row(p: Project, tmp_path: Path) -> None:
    before = snapshot(p)
    book = tmp_path / "codebook.csv"
    book.write_text("name,parent,hypotheses\nA,,\nB,A,H9\nCat/Sub,,\n", encoding="utf-8")
    with pytest.raises(
        InvalidName,
        match=r"codebook.csv, row 4: Code name 'Cat/Sub' contains '/', which separates a "
        r"code from its parent; put the parent in the 'parent' column$",
    ):
        p.import_codebook(book)
    book.write_text(f"name,hypotheses\nA,{'H' * 65}\n", encoding="utf-8")
    with pytest.raises(InvalidName, match=r"row 2: Hypothesis label 'H+…' is 65 characters"):
        p.import_codebook(book)
    assert snapshot(p) == before
    book.write_text(f"name,parent\n{NFD_ECOLE},Theme\n", encoding="utf-8")
    assert p.import_codebook(book) == 1
    assert p.code("Theme/école").name == "école"


def test_a_file_whose_name_makes_no_name_is_a_failure_of_its_own(
    p: Project, tmp_path: Path
) -> None:
    folder = tmp_path / "entretiens"
    folder.mkdir()
    (folder / "bon.txt").write_text("Un bon entretien.", encoding="utf-8")
    (folder / "mau\x01vais.txt").write_text("Un nom de fichier hostile.", encoding="utf-8")
    (folder / f"{'n' * 241}.txt").write_text("Un nom trop long.", encoding="utf-8")
    (folder / f"{NFD_ECOLE}.txt").write_text("Un nom décomposé (macOS).", encoding="utf-8")
    report = p.import_files([folder])
    assert sorted(d.name for d in report.documents) == ["bon", "école"]
    assert {d.case for d in report.documents} == {"bon", "école"}
    reasons = sorted(f.reason for f in report.failures)
    assert reasons[0].startswith("Document name 'mau\\x01vais' contains a control character")
    assert reasons[1].startswith("Document name 'nnnn") and "is 241 characters long" in reasons[1]
    assert all(f.path.startswith(str(folder)) for f in report.failures)


def test_a_case_map_naming_a_bad_case_fails_that_file_only(p: Project, tmp_path: Path) -> None:
    for stem in ("e1", "e2"):
        (tmp_path / f"{stem}.txt").write_text(f"Entretien {stem}.", encoding="utf-8")
    mapping = tmp_path / "cases.csv"
    mapping.write_text(f"file,case\ne1,{'c' * 256}\ne2,Référent 2\n", encoding="utf-8")
    report = p.import_files([tmp_path / "e1.txt", tmp_path / "e2.txt"], case_map=mapping)
    assert [d.case for d in report.documents] == ["Référent 2"]
    (failure,) = report.failures
    assert failure.path.endswith("e1.txt") and "Respondent name 'cccc" in failure.reason
    with pytest.raises(Exception, match=r"e1.txt: Respondent name 'cccc.*256 characters"):
        p.import_file(tmp_path / "e1.txt", case="c" * 256)


def test_names_found_by_the_recogniser_that_cannot_be_names_are_left_out(p: Project) -> None:
    from qdaw.nlp.entities import Candidate

    added = p.propose_entities(
        [Candidate("x" * 300, "person", 1), Candidate("Jean\x00", "person", 1),
         Candidate(f"Ch{NFD_ECOLE}", "place", 2)]
    )  # fmt: skip
    assert added == 1
    assert sorted(p.entities()["name"]) == ["Chécole", "Marie Dupont"]


def test_the_command_line_says_why_a_name_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from qdaw.cli import main

    path = tmp_path / "study.qdaw"
    Project.create(path).close()
    transcript = tmp_path / "e1.txt"
    transcript.write_text("Un entretien.", encoding="utf-8")
    assert main(["import", str(path), str(transcript), "--case", "Référent\t1"]) == 1
    assert capsys.readouterr().err == (
        f"qdaw: failed: {transcript}: Respondent name 'Référent\\t1' contains a control "
        "character (names are one line of visible text): \\t at position 9\n"
    )
    assert main(["names", "add", str(path), "x" * 300]) == 1
    assert "Name 'xxxx" in capsys.readouterr().err
    book = tmp_path / "codebook.csv"
    book.write_text("name,description\nCat/Sub,Une catégorie\n", encoding="utf-8")
    assert main(["import-codebook", str(path), str(book)]) == 1
    assert capsys.readouterr().err.startswith(f"qdaw: error: {book}, row 2: Code name 'Cat/Sub'")
    with Project.open(path) as p:
        assert (p.documents(), p.entities().empty, p.codes()) == ([], True, [])
