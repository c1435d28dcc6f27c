"""Blind coding: a project split into one copy per coder, each coded apart, merged back
(p.copy_for_coder, p.merge, qdaw split, qdaw merge), on real project files."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from qdaw import Project
from qdaw.cli import main
from qdaw.errors import (
    ConflictError,
    NotAProjectError,
    NothingToUndo,
    ProjectExistsError,
    QdawError,
)
from qdaw.services.merging import MergeReport
from tests.conftest import snapshot

Coding = tuple[str, int, int, str, str | None]


def codings(p: Project) -> list[Coding]:
    """Every segment as (document text, start, end, code path, coder), sorted."""
    paths = {c.id: c.path for c in p.codes()}
    rows = [(s.document.text, s.start, s.end, paths[s.code.id], s.coder) for s in p.segments()]
    return sorted(rows, key=lambda r: (r[0], r[1], r[2], r[3], r[4] or ""))


def make_study(path: Path) -> Project:
    p = Project.create(path, coder="lead")
    a1 = p.add_document("a1", "Alpha one. Alpha two. Alpha three.", case="A")
    p.add_document("b1", "Bravo one. Bravo two.", case="B")
    p.add_document("c1", "Charlie one.", case="C")
    for case, age, site in (("A", 40, "Lyon"), ("B", 35, "Nancy"), ("C", 51, "Brest")):
        p.set_variable(case, "age", age)
        p.set_variable(case, "site", site)
    theme = p.add_code("Theme", description="What they talk about")
    x = p.add_code("X", parent=theme)
    p.add_code("Y", parent=theme)
    p.add_code("Z")
    h1 = p.add_hypothesis("H1", "X matters")
    p.link_code(x, h1)
    p.set_memo("project", "Pilot study")
    p.set_memo(p.document("a1"), "Recorded by phone")
    p.set_memo(p.code("X"), "Use for explicit mentions")
    p.code_segment(a1, 22, 34, "Z", coder="lead", memo="SECRET-LEAD-MEMO")
    return p


@pytest.fixture
def study(tmp_path: Path) -> Project:
    p = make_study(tmp_path / "study.qdaw")
    yield p
    p.close()


def code_ann(path: Path) -> None:
    with Project.open(path) as p:  # the copy's default coder: ann
        assert p.coder == "ann"
        p.code_segment("a1", 0, 10, "Theme/X")  # as bob does
        p.code_segment("a1", 11, 21, "Theme/Y", memo="ann's reason")  # overlaps bob's
        emergent, _ = p.code_or_new("Emergent")  # a new top-level code
        p.code_segment("b1", 0, 5, emergent)
        new, _ = p.code_or_new("Theme/New")  # a sub-code bob makes too
        p.code_segment("c1", 0, 7, new)
        p.set_memo(p.code("Z"), "Ann's note on Z")  # Z had no memo


def code_bob(path: Path) -> None:
    with Project.open(path) as p:
        assert p.coder == "bob"
        p.code_segment("a1", 0, 10, "Theme/X")
        p.code_segment("a1", 15, 30, "Theme/Y")
        w = p.add_code("W", parent="Theme")  # a new sub-code
        p.code_segment("b1", 11, 21, w)
        new, _ = p.code_or_new("Theme/New")
        p.code_segment("c1", 0, 7, new)
        h2 = p.add_hypothesis("H2", "W matters")
        p.link_code(w, h2)
        p.set_variable("A", "age", 41)  # the target has 40
        # A document of the same name as one of the target's, with another text.
        p.rename_document("c1", "c1 first")
        p.add_document("c1", "Charlie once more, another text.", case="C")
        p.code_segment("c1", 0, 7, "Z")


def test_a_copy_for_a_coder_has_everything_but_the_others_coding(
    study: Project, tmp_path: Path
) -> None:
    study.code_segment("a1", 0, 10, "Theme/X", coder="ann")
    copy = study.copy_for_coder(tmp_path / "ann.qdaw", "ann")
    assert copy == tmp_path / "ann.qdaw"
    own = study.copy_for_coder(tmp_path / "ann-own.qdaw", "ann", keep_segments="own")
    with Project.open(copy) as p:
        assert p.coder == "ann" and p.default_coder == "ann"
        assert p.segments() == []
        assert [d.name for d in p.documents()] == ["a1", "b1", "c1"]
        assert [c.path for c in p.codes()] == ["Theme", "Theme/X", "Theme/Y", "Z"]
        assert p.variables().to_dict() == study.variables().to_dict()
        assert [h.label for h in p.hypotheses()] == ["H1"]
        assert [c.path for c in p.codes(hypothesis="H1")] == ["Theme/X"]
        assert p.memo("project") == "Pilot study"
        assert p.memo(p.document("a1")) == "Recorded by phone"
        assert p.memo(p.code("X")) == "Use for explicit mentions"
        assert p.code("Theme").description == "What they talk about"
        # The history starts empty: nobody's steps can be undone in the copy.
        assert p.history.undo_stack == [] and p.undo_label is None
        with pytest.raises(NothingToUndo):
            p.undo()
    with Project.open(own) as p:
        assert codings(p) == [("Alpha one. Alpha two. Alpha three.", 0, 10, "Theme/X", "ann")]
    # Blind: the lead's segment is in neither file, not even in a free page or the log.
    for path in (copy, own):
        assert b"SECRET-LEAD-MEMO" not in path.read_bytes()
        assert sorted(p.name for p in path.parent.glob(f"{path.name}*")) == [path.name]
    with pytest.raises(ProjectExistsError, match=re.escape("ann.qdaw")):
        study.copy_for_coder(tmp_path / "ann.qdaw", "bob")
    assert study.copy_for_coder(tmp_path / "ann.qdaw", "bob", force=True).exists()


def test_split_code_apart_and_merge_back_gives_the_union(study: Project, tmp_path: Path) -> None:
    ann = study.copy_for_coder(tmp_path / "ann.qdaw", "ann")
    bob = study.copy_for_coder(tmp_path / "bob.qdaw", "bob")
    code_ann(ann)
    code_bob(bob)
    before = codings(study)
    with Project.open(ann) as p:
        ann_codings = codings(p)
    with Project.open(bob) as p:
        bob_codings = codings(p)

    first = study.merge(ann)
    assert isinstance(first, MergeReport)
    assert first.added["segments"] == 4 and first.matched["segments"] == 0
    assert first.added_names["codes"] == ["Theme/New", "Emergent"]  # codebook order
    assert first.matched["documents"] == 3 and not first.added["documents"]
    assert study.memo(study.code("Z")) == "Ann's note on Z"  # missing here: taken
    state = snapshot(study)

    second = study.merge(bob)
    assert second.added_names["codes"] == ["Theme/W"]  # Theme/New matched by its path
    assert second.matched["codes"] == 5
    assert second.added_names["hypotheses"] == ["H2"]
    assert second.added_names["documents"] == ["c1 (2)"]
    assert [c.path for c in study.codes(hypothesis="H2")] == ["Theme/W"]
    # The union of the three codings, exactly: nothing doubled, nothing lost.
    expected = sorted(set(before) | set(ann_codings) | set(bob_codings), key=str)
    merged = codings(study)
    assert sorted(merged, key=str) == expected and len(merged) == len(set(merged))
    assert ("Alpha one. Alpha two. Alpha three.", 0, 10, "Theme/X", "ann") in merged
    assert ("Alpha one. Alpha two. Alpha three.", 0, 10, "Theme/X", "bob") in merged
    assert study.segments(code="Theme/Y")[0].memo == "ann's reason"
    # Conflicts: bob's age for A (the target's stands), bob's c1 (kept apart).
    text = str(second)
    assert "'age' of case 'A': '40' here, '41' there (kept this project's)" in text
    assert "document 'c1': same name, another text: added as 'c1 (2)' (kept both)" in text
    assert study.case("A").variables["age"] == 40
    assert study.document("c1").text == "Charlie one."
    assert study.document("c1 (2)").text == "Charlie once more, another text."

    # One undo step takes the whole merge back, exactly; redo puts it back.
    assert study.undo_label == "Merge project bob"
    after = snapshot(study)
    study.undo()
    assert snapshot(study) == state
    study.redo()
    assert snapshot(study) == after

    # Merging a copy again doubles nothing.
    again = study.merge(bob)
    assert again.added == {} and again.matched["segments"] == len(bob_codings)
    assert snapshot(study) == after

    # Agreement runs on the merged project: ann and bob over the documents both coded.
    table = study.agreement(["ann", "bob"]).set_index("code")
    assert table.attrs["documents"] >= 1
    x = table.loc["X"]
    assert x["both"] >= 1 and x["units"] == table.attrs["documents"]


def test_prefer_other_takes_the_other_values(study: Project, tmp_path: Path) -> None:
    other = study.copy_for_coder(tmp_path / "ann.qdaw", "ann")
    with Project.open(other) as p:
        p.set_variable("A", "age", 41)
        p.describe_code("Theme", "Another definition")
        p.set_memo("project", "Ann's project memo")
    report = study.merge(other, prefer="other")
    assert study.case("A").variables["age"] == 41
    assert study.code("Theme").description == "Another definition"
    assert study.memo("project") == "Ann's project memo"
    kinds = sorted(c.kind for c in report.conflicts)
    assert kinds == ["code", "project", "variable"]
    assert {c.kept for c in report.conflicts} == {"other"}


def test_a_file_that_is_not_a_project_is_named_and_nothing_is_stored(
    study: Project, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.qdaw"
    notes.write_text("just some notes", encoding="utf-8")
    foreign = tmp_path / "other-program.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    before, label = snapshot(study), study.undo_label
    for path in (notes, foreign, tmp_path / "missing.qdaw"):
        with pytest.raises(NotAProjectError, match=re.escape(str(path))):
            study.merge(path)
    with pytest.raises(QdawError, match="is the project itself"):
        study.merge(study.path)  # type: ignore[arg-type]
    assert snapshot(study) == before and study.undo_label == label
    assert notes.read_text(encoding="utf-8") == "just some notes"


def test_split_and_merge_from_the_command_line(
    study: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = study.path
    assert path is not None
    study.close()
    folder = tmp_path / "copies"
    assert main(["split", str(path), "--coders", "ann", "bob", "-o", str(folder)]) == 0
    ann, bob = folder / "study-ann.qdaw", folder / "study-bob.qdaw"
    out = capsys.readouterr().out
    assert f"Wrote {ann} for ann (no segments)" in out and f"Wrote {bob} for bob" in out
    code_ann(ann)
    with Project.open(bob) as p:
        p.code_segment("a1", 0, 10, "Theme/X")
        p.set_variable("B", "site", "Metz")
    assert main(["merge", str(path), str(ann), str(bob)]) == 0
    out = capsys.readouterr().out
    assert f"Merged {ann} into {path}" in out and f"Merged {bob} into {path}" in out
    assert "segments: 0 matched, 4 added" in out and "segments: 0 matched, 1 added" in out
    assert "'site' of case 'B': 'Nancy' here, 'Metz' there" in out
    with Project.open(path) as p:
        assert len(p.segments()) == 1 + 4 + 1
        assert p.case("B").variables["site"] == "Nancy"
    # --prefer other, and a second split replaces only with --force.
    assert main(["merge", str(path), str(bob), "--prefer", "other"]) == 0
    with Project.open(path) as p:
        assert p.case("B").variables["site"] == "Metz"
    assert main(["split", str(path), "--coders", "ann", "-o", str(folder)]) == 1
    assert "file exists" in capsys.readouterr().err
    args = ["split", str(path), "--coders", "ann", "-o", str(folder), "--keep", "own", "--force"]
    assert main(args) == 0
    with Project.open(ann) as p:
        assert {s.coder for s in p.segments()} == {"ann"} and len(p.segments()) == 4


def test_merge_of_a_file_that_is_not_a_project_from_the_command_line(
    study: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = study.path
    assert path is not None
    study.close()
    bad = tmp_path / "notes.txt"
    bad.write_text("not a project", encoding="utf-8")
    assert main(["merge", str(path), str(bad)]) == 1
    assert f"qdaw: error: {bad}: not a qdaw project" in capsys.readouterr().err
    with Project.open(path, coder="lead") as p:
        assert p.undo_label == "Code segment"  # no merge step


def test_a_coder_copy_merges_into_a_project_on_postgresql(
    study: Project, tmp_path: Path, pg_url: str
) -> None:
    ann = study.copy_for_coder(tmp_path / "ann.qdaw", "ann")
    code_ann(ann)
    with Project.create(pg_url, coder="lead") as server:
        server.merge(study.path)  # type: ignore[arg-type]  # the study, to start from
        assert codings(server) == codings(study)
        state = snapshot(server)
        report = server.merge(ann)
        assert report.added["segments"] == 4 and report.matched["documents"] == 3
        with Project.open(ann) as p:
            expected = sorted(set(codings(study)) | set(codings(p)), key=str)
        assert sorted(codings(server), key=str) == expected
        server.undo()
        assert snapshot(server) == state


def test_undo_of_a_merge_is_refused_once_another_writer_changed_what_it_added(
    study: Project, tmp_path: Path
) -> None:
    ann = study.copy_for_coder(tmp_path / "ann.qdaw", "ann")
    code_ann(ann)
    study.merge(ann)
    path = study.path
    assert path is not None
    with Project.open(path, coder="ann") as colleague:  # another writer, after the merge
        colleague.delete_segment(colleague.segments(code="Emergent")[0])
    with pytest.raises(ConflictError, match=r"Cannot undo 'Merge project ann'.*by ann"):
        study.undo()
    assert [c.path for c in study.codes()][-1] == "Emergent"  # the merge stands


def test_document_variables_sets_and_levels_are_merged(study: Project, tmp_path: Path) -> None:
    study.add_variable("ancienneté", "categorical", levels=["< 2 ans", "2–5 ans", "> 5 ans"])
    study.set_variable("A", "ancienneté", "2–5 ans")
    ann_path = study.copy_for_coder(tmp_path / "ann.qdaw", "ann")
    with Project.open(ann_path, coder="ann") as ann:
        ann.set_document_variable("a1", "enquêtrice", "Ana")
        ann.set_document_variable("c1", "enquêtrice", "Ben")
        ann.add_set("Pilotes", "document", ["a1", "c1"])
        ann.add_set("Émotions", "code", ["Theme/X"])
    study.set_document_variable("c1", "enquêtrice", "Chloé")  # a conflict
    report = study.merge(ann_path)
    assert study.document_variables("a1") == {"enquêtrice": "Ana"}
    assert study.document_variables("c1") == {"enquêtrice": "Chloé"}  # the target's stands
    assert "'enquêtrice' of document 'c1': 'Chloé' here, 'Ben' there" in str(report)
    assert study.set("Pilotes").members == ["a1", "c1"]
    assert study.set("Émotions").members == ["Theme/X"]
    assert study.variable_types()["ancienneté"] == "categorical"
    assert report.added["sets"] == 2
    again = study.merge(ann_path)
    assert not again.added.get("sets") and again.matched["sets"] == 2
