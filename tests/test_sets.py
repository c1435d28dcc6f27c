"""Document sets and code sets: made, changed and undone; as filters equal to the
explicit lists they hold; in the workbook; from the command line."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from qdaw import Project
from qdaw.cli import main
from qdaw.errors import ConflictError, NotFoundError, QdawError
from tests.conftest import snapshot


def test_sets_are_made_changed_and_undone(small_study: Project) -> None:
    p = small_study
    before = snapshot(p)
    made = p.add_set("Vague 1", kind="document", members=["c2", "a1", "a1"])
    assert (made.kind, made.members) == ("document", ["a1", "c2"])  # document order, once
    assert p.undo_label == "Add set Vague 1"
    p.add_set("Outils", kind="code", members=["Z", "Theme/Y"])
    assert p.set("Outils").members == ["Theme/Y", "Z"]  # codebook order, by path
    assert p.add_to_set("Vague 1", ["b1", "a1"]) == 1
    assert p.remove_from_set("Vague 1", ["c2"]) == 1
    assert [(s.name, s.members) for s in p.sets()] == [
        ("Outils", ["Theme/Y", "Z"]),
        ("Vague 1", ["a1", "b1"]),
    ]
    assert [s.name for s in p.sets("code")] == ["Outils"]
    p.delete_set("Outils")
    assert [s.name for s in p.sets()] == ["Vague 1"]
    for _ in range(5):
        p.undo()
    assert snapshot(p) == before


def test_bad_sets_are_refused(small_study: Project) -> None:
    p = small_study
    p.add_set("Vague 1", members=["a1"])
    with pytest.raises(ConflictError, match="a set named 'Vague 1' already exists"):
        p.add_set("Vague 1", kind="code")
    with pytest.raises(ConflictError, match="kind document or code, not 'case'"):
        p.add_set("Autre", kind="case")
    with pytest.raises(NotFoundError, match="no document named 'absent'"):
        p.add_set("Autre", members=["absent"])
    with pytest.raises(NotFoundError, match=r"no set named 'Vague 2' \(sets: Vague 1\)"):
        p.add_to_set("Vague 2", ["b1"])
    with pytest.raises(NotFoundError, match="no code named 'a1'"):
        p.add_set("Codes", kind="code", members=["a1"])
    assert [s.name for s in p.sets()] == ["Vague 1"]


def test_deleting_members_takes_them_out_of_their_sets(small_study: Project) -> None:
    p = small_study
    p.add_set("Vague 1", members=["a1", "c1", "c2"])
    p.add_set("Outils", kind="code", members=["X", "Z"])
    p.delete_document("c1")
    p.delete_case("C")  # with c2
    p.delete_code("Z")
    p.merge_codes("X", "Y")  # Y joins X's sets
    assert p.set("Vague 1").members == ["a1"]
    assert p.set("Outils").members == ["Theme/Y"]
    for _ in range(4):
        p.undo()
    assert p.set("Vague 1").members == ["a1", "c1", "c2"]
    assert p.set("Outils").members == ["Theme/X", "Z"]


ANALYSES = [
    lambda p, f: p.code_frequencies(**f),
    lambda p, f: p.case_code_matrix(**f),
    lambda p, f: p.retrieve(**f),
    lambda p, f: p.cooccurrence(**f),
    lambda p, f: p.crosstab("discipline", **f),
    lambda p, f: p.hypothesis_summary(**f),
    lambda p, f: p.words_coded(**f),
    lambda p, f: p.find_text("one", **f),
]


@pytest.mark.parametrize("analysis", ANALYSES)
def test_a_set_filters_as_the_list_it_holds(small_study: Project, analysis: object) -> None:
    p = small_study
    p.add_set("Vague 1", members=["a1", "c2"])
    p.add_set("Outils", kind="code", members=["X", "Z"])
    run = analysis  # type: ignore[assignment]
    by_set = run(p, {"documents": "Vague 1", "codes": "Outils"})  # type: ignore[operator]
    by_list = run(p, {"documents": ["a1", "c2"], "codes": ["X", "Z"]})  # type: ignore[operator]
    also = run(p, {"sets": ["Vague 1", "Outils"]})  # type: ignore[operator]
    if hasattr(by_set, "equals"):
        assert by_set.equals(by_list) and by_set.equals(also)
    else:
        assert by_set == by_list == also
    everything = run(p, {})  # type: ignore[operator]
    assert len(everything) != len(by_set) or not getattr(everything, "equals", lambda _: 0)(by_set)


def test_set_filters_count_what_they_hold(small_study: Project) -> None:
    p = small_study
    p.add_set("Vague 1", members=["a1", "c2"])
    p.add_set("Outils", kind="code", members=["X"])
    frequencies = p.code_frequencies(documents="Vague 1", codes="Outils")
    assert frequencies[["code", "segments", "ratio"]].values.tolist() == [["X", 4, "2/2"]]
    assert p.total_cases(documents="Vague 1") == 2
    with pytest.raises(QdawError, match="'Outils' is a set of codes, not of documents"):
        p.code_frequencies(documents="Outils")
    p.add_set("Vide", members=[])
    with pytest.raises(QdawError, match="no document matches the filter"):
        p.code_frequencies(documents="Vide")
    with pytest.raises(NotFoundError, match="no set named 'Absent'"):
        p.code_frequencies(sets=["Absent"])


def test_the_workbook_has_a_sets_sheet(small_study: Project, tmp_path: Path) -> None:
    p = small_study
    assert "Sets" not in [s.name for s in p.workbook_sheets()]
    p.add_set("Vague 1", members=["c2", "a1"])
    p.add_set("Outils", kind="code", members=["Z", "Y"])
    p.add_set("Vide", kind="code")
    (sheet,) = [s for s in p.workbook_sheets() if s.name == "Sets"]
    assert sheet.frame.values.tolist() == [
        ["Outils", "code", "Theme/Y"],
        ["Outils", "code", "Z"],
        ["Vague 1", "document", "a1"],
        ["Vague 1", "document", "c2"],
        ["Vide", "code", ""],
    ]


def test_sets_from_the_command_line(
    small_study: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(small_study.path)
    small_study.close()
    assert main(["set", "add", path, "Vague 1", "--member", "a1", "--member", "c2"]) == 0
    assert main(["set", "add", path, "Outils", "--kind", "code", "--member", "X"]) == 0
    assert main(["set", "put", path, "Outils", "--member", "Theme/Y"]) == 0
    assert main(["set", "remove", path, "Outils", "--member", "Y"]) == 0
    assert main(["sets", path]) == 0
    out = capsys.readouterr().out
    assert "Outils (codes, 1): Theme/X\nVague 1 (documents, 2): a1, c2\n2 sets" in out
    assert main(["codes", path, "--set", "Vague 1", "--set", "Outils"]) == 0
    out = capsys.readouterr().out
    assert "X" in out and "2/2" in out and "Z" not in out
    assert main(["report", path, "--document", "b1"]) == 0
    assert "Z" in capsys.readouterr().out
    assert main(["set", "add", path, "Vague 1"]) == 1
    assert "a set named 'Vague 1' already exists" in capsys.readouterr().err
    assert main(["set", "delete", path, "Outils"]) == 0
    with Project.open(path) as again:
        assert [s.name for s in again.sets()] == ["Vague 1"]
        assert again.undo_label == "Delete set Outils"
    wb = tmp_path / "study.xlsx"
    assert main(["export", "workbook", path, "-o", str(wb)]) == 0
    assert "Sets" in openpyxl.load_workbook(wb).sheetnames
