"""Two writers on one project: nothing either committed is lost, refusals are clear.

Each scenario runs on an SQLite file and on the PostgreSQL server, with the second
writer ("Ben") as another Project object and as another process.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from qdaw import ConflictError, Project
from qdaw.services.codebook import PALETTE
from tests.other_writer import Writer

TEXT = "Alpha one. Alpha two. Alpha three. Alpha four."


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "study.qdaw")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture(params=["object", "process"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def ana(target: str) -> Iterator[Project]:
    p = Project.create(target, coder="Ana")
    p.add_document("d", TEXT, case="R1")
    yield p
    p.close()


@pytest.fixture
def ben(ana: Project, target: str, mode: str) -> Iterator[Writer]:
    writer = Writer(target, "Ben", mode)
    yield writer
    writer.close()


def test_rename_rename_undo_is_refused_and_keeps_the_later_rename(
    ana: Project, ben: Writer
) -> None:
    ana.add_code("X")
    ana.rename_code("X", "Y")
    ben.run("p.rename_code('Y', 'Z')")
    with pytest.raises(
        ConflictError,
        match=r"^Cannot undo 'Rename code to Y': 'Rename code to Z' by Ben changed it since$",
    ):
        ana.undo()
    assert [c.name for c in ana.codes()] == ["Z"]
    assert ana.undo_label == "Rename code to Y"  # still Ana's to undo, later
    assert ben.run("result = p.undo()") == "Rename code to Z"
    assert ana.undo() == "Rename code to Y"
    assert [c.name for c in ana.codes()] == ["X"]


def test_undo_of_a_code_another_coder_used_is_refused(ana: Project, ben: Writer) -> None:
    ana.add_code("X")
    ben.run("s = p.code_segment('d', 0, 10, 'X', memo='Ben: key passage'); result = s.id")
    with pytest.raises(
        ConflictError, match=r"^Cannot undo 'Add code X': 'Code segment' by Ben depends on it$"
    ):
        ana.undo()
    (segment,) = ana.segments()
    assert (segment.code.name, segment.memo, segment.coder) == ("X", "Ben: key passage", "Ben")
    ben.run("p.undo()")  # Ben takes his coding back: now Ana may undo her code
    ana.undo()
    assert ana.codes() == [] and ana.segments() == []


def test_undo_of_an_import_after_another_coder_coded_in_it(
    ana: Project, ben: Writer, tmp_path: Path
) -> None:
    source = tmp_path / "entretien.txt"
    source.write_text("Le référent a créé un tutoriel.", encoding="utf-8")
    ana.import_file(source, case="R2")
    ben.run(
        "code, _ = p.code_or_new('Ressources/Tutoriel')\np.code_segment('entretien', 22, 30, code)"
    )
    with pytest.raises(
        ConflictError, match=r"^Cannot undo 'Import entretien.txt': 'Code segment' by Ben"
    ):
        ana.undo()
    (segment,) = ana.segments(document="entretien")
    assert segment.text == "tutoriel" and segment.code.path == "Ressources/Tutoriel"


def test_undo_and_redo_of_a_batch_after_another_coder_recoded_some_of_it(
    ana: Project, ben: Writer
) -> None:
    ana.add_code("Other")
    with ana.batch("Import coding"):
        code = ana.add_code("Emergent")
        for start in (0, 11, 22):
            ana.code_segment("d", start, start + 5, code)
    second = ana.segments(code="Emergent")[1].id
    ben.run(f"p.recode_segment({second}, 'Other')")
    with pytest.raises(
        ConflictError,
        match=r"^Cannot undo 'Import coding': 'Change code to Other' by Ben changed it since$",
    ):
        ana.undo()
    assert len(ana.segments(code="Emergent")) == 2 and len(ana.segments(code="Other")) == 1
    # Redo: Ana recodes, undoes, Ben recodes one of them, Ana's redo is refused.
    ben.run("p.undo()")
    ana.undo()  # the batch, now that nothing depends on it
    ana.add_code("Third")
    ana.code_segment("d", 0, 5, "Other")
    ana.code_segment("d", 11, 16, "Other")
    with ana.batch("Recode"):
        for segment in ana.segments(code="Other"):
            ana.recode_segment(segment, "Third")
    ana.undo()
    first = ana.segments(code="Other")[0].id
    ben.run(f"p.recode_segment({first}, 'Third')")
    with pytest.raises(
        ConflictError, match=r"^Cannot redo 'Recode': 'Change code to Third' by Ben changed it"
    ):
        ana.redo()
    assert [s.code.name for s in ana.segments()] == ["Third", "Other"]
    assert ana.redo_label == "Recode"


def test_delete_code_while_another_coder_codes_with_it(ana: Project, ben: Writer) -> None:
    ana.add_code("X")
    ben.run("p.code_segment('d', 0, 5, 'X'); p.code_segment('d', 11, 16, 'X')")
    assert ana.delete_code("X") == 2  # an explicit delete, its segments journaled
    outcome = ben.attempt("p.code_segment('d', 22, 27, 'X')")
    assert (outcome["ok"], outcome["error"]) == (False, "NotFoundError")
    refused = ben.attempt("p.undo()")  # his last coding is gone with Ana's delete
    assert refused["error"] == "ConflictError"
    assert refused["message"] == (
        "Cannot undo 'Code segment': 'Delete code X' by Ana changed it since"
    )
    ana.undo()
    assert [(s.start, s.coder) for s in ana.segments()] == [(0, "Ben"), (11, "Ben")]
    assert ben.run("result = p.undo()") == "Code segment"
    assert [s.start for s in ana.segments()] == [0]


def test_undo_history_survives_reopening_per_coder(target: str, mode: str) -> None:
    with Project.create(target, coder="Ana") as ana:
        ana.add_document("d", TEXT, case="R1")
        ana.add_code("X")
    ben = Writer(target, "Ben", mode)
    ben.run("p.add_code('Y'); p.rename_code('Y', 'Y2')")
    ben.close()
    with Project.open(target, coder="Ana") as ana:
        assert ana.undo_label == "Add code X"
        assert ana.undo() == "Add code X"
        assert ana.redo_label == "Add code X"
    with Project.open(target, coder="Ana") as ana:
        assert ana.redo() == "Add code X"
        assert [c.name for c in ana.codes()] == ["X", "Y2"]
    with Project.open(target, coder="Ben") as ben_again:
        assert [s.label for s in ben_again.history.undo_stack] == [
            "Add code Y",
            "Rename code to Y2",
        ]
        assert ben_again.undo() == "Rename code to Y2"
        assert ben_again.undo() == "Add code Y"
        assert [c.name for c in ben_again.codes()] == ["X"]


def test_the_coder_comes_from_open_then_the_environment_then_the_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "study.qdaw"
    with Project.create(path, coder="Ana") as p:
        assert p.coder == "Ana"
        p.add_document("d", TEXT, case="R1")
        assert p.code_segment("d", 0, 5, p.add_code("X")).coder == "Ana"
        assert p.code_segment("d", 0, 5, "X", coder="Carla").coder == "Carla"  # explicit
        p.set_default_coder("Dan")
    monkeypatch.setenv("QDAW_CODER", "Ben")
    with Project.open(path) as p:
        assert p.coder == "Ben" and p.undo_label is None  # Ben has done nothing yet
    monkeypatch.delenv("QDAW_CODER")
    with Project.open(path) as p:
        assert p.coder == "Dan"
    with Project.open(path, coder="Ana") as p:
        assert p.undo_label == "Set default coder Dan"


def test_the_detected_language_survives_undo_and_redo_of_an_import(
    ana: Project, ben: Writer
) -> None:
    ana.add_document("en", "The referent made a tutorial. Students liked it.", case="R9")
    assert ben.run("result = p.index_text(['en'])") == 1  # a worker, say: derived data
    assert ana.document("en").language == "en"
    assert ana.undo() == "Add document en"  # the index is no one's work to protect
    assert ana.redo() == "Add document en"
    assert ana.document("en").language == "en"
    assert ana.index_text(["en"]) == 1  # the index went with the document: rebuilt
    assert ana.sentences("en") == [(0, 29), (30, 48)]


def test_undo_that_would_give_back_a_name_taken_since_is_refused(ana: Project, ben: Writer) -> None:
    ana.add_code("X")
    ana.rename_code("X", "Y")
    ben.run("p.add_code('X', color='#102030')")
    with pytest.raises(
        ConflictError,
        match=r"^Cannot undo 'Rename code to Y': 'Add code X' by Ben took that name since$",
    ):
        ana.undo()
    assert sorted((c.name, c.color) for c in ana.codes())[1] == ("Y", PALETTE[0])
    assert ana.code("X").color == "#102030"


def test_undo_keeps_a_colleague_s_change_of_another_column(ana: Project, ben: Writer) -> None:
    ana.add_code("X", color="#aa0000")
    ana.rename_code("X", "Y")
    ben.run("p.recolor_code('Y', '#00bb00'); p.set_memo(p.code('Y'), 'Ben: to split')")
    assert ana.undo() == "Rename code to Y"  # the name only: Ben's colour and memo stay
    (code,) = ana.codes()
    assert (code.name, code.color, code.memo) == ("X", "#00bb00", "Ben: to split")
