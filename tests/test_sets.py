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


@pytest.fixture
def window(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    from qdaw.gui.main_window import MainWindow
    from qdaw.sample import build_sample

    main = MainWindow()
    qtbot.addWidget(main)
    assert main.open_project(str(build_sample(tmp_path / "referents.qdaw")))
    main.show()
    qtbot.waitExposed(main)
    return main


def _drop(target: object, item: object, data: object) -> None:
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    point = target.visualItemRect(item).center()  # type: ignore[attr-defined]
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, data,  # type: ignore[arg-type]
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    target.dragEnterEvent(enter)  # type: ignore[attr-defined]
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, data,  # type: ignore[arg-type]
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    target.dropEvent(drop)  # type: ignore[attr-defined]


def test_the_sets_dialog_takes_codes_and_documents_dragged_onto_a_set(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QInputDialog, QPushButton

    from qdaw.gui.sets_dialog import SetsDialog
    from tests.gui_helpers import menu_action, when_modal

    project = window.session.require()
    menu_action(window, "Code", "Sets…").trigger()
    dialog = next(d for d in window.findChildren(SetsDialog) if d.isVisible())

    def name_it(name: str) -> None:
        def answer(widget: object) -> None:
            assert isinstance(widget, QInputDialog)
            widget.setTextValue(name)
            widget.accept()

        when_modal(answer)

    buttons = {b.text(): b for b in dialog.findChildren(QPushButton)}
    name_it("Outils")
    buttons["New code set…"].click()
    name_it("Vague 1")
    buttons["New document set…"].click()
    qtbot.waitUntil(lambda: dialog.sets.count() == 2)

    def row(name: str) -> object:  # looked up anew: the list is rebuilt on every change
        return next(dialog.sets.item(i) for i in range(dialog.sets.count())
                    if dialog.sets.item(i).data(Qt.ItemDataRole.UserRole) == name)  # fmt: skip

    # Codes from the codebook onto the code set.
    codebook = window.codebook.model
    code_id = next(i for i, r in codebook.rows.items() if r.name == "Envie d'aller plus loin")
    _drop(dialog.sets, row("Outils"), codebook.mimeData([codebook.index_of(code_id)]))
    assert [c.split("/")[-1] for c in project.set("Outils").members] == ["Envie d'aller plus loin"]
    # A respondent from the respondents tree: all their documents join the set.
    cases = window.cases.model
    first = cases.index(0, 0)
    expected = [d.name for d in project.documents(case=cases.cases[0].name)]
    _drop(dialog.sets, row("Vague 1"), cases.mimeData([first]))
    assert project.set("Vague 1").members == expected and expected
    assert window.undo_action.text() == "Undo Add to set Vague 1"
    # Documents on a code set: refused, and said.
    _drop(dialog.sets, row("Outils"), cases.mimeData([first]))
    assert dialog.last_error is not None and "Outils holds codes" in dialog.last_error.text()
    dialog.last_error.close()
    # The dialog shows the current set's members, and follows undo.
    dialog.sets.setCurrentItem(row("Vague 1"))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: dialog.members.count() == len(expected))
    by_set = project.code_frequencies(documents="Vague 1", codes="Outils")
    assert by_set.equals(project.code_frequencies(documents=expected, codes=[code_id]))
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: dialog.members.count() == 0)
    assert project.set("Vague 1").members == []
    dialog.sets.setCurrentItem(row("Outils"))  # type: ignore[arg-type]
    dialog.members.item(0).setSelected(True)
    dialog.remove_members()
    assert project.set("Outils").members == []
    dialog.sets.setCurrentItem(row("Outils"))  # type: ignore[arg-type]
    dialog.delete_set()
    qtbot.waitUntil(lambda: dialog.sets.count() == 1)
    assert [s.name for s in project.sets()] == ["Vague 1"]


def test_typed_variables_and_sets_on_postgresql(pg_url: str) -> None:
    with Project.create(pg_url) as p:
        p.add_document("a1", "Alpha one.", case="A")
        p.add_document("b1", "Bravo one.", case="B")
        code = p.add_code("X")
        p.code_segment("a1", 0, 5, code)
        p.code_segment("b1", 0, 5, code)
        p.add_variable("ancienneté", "categorical", levels=["> 5 ans", "< 2 ans"])
        p.set_variable("A", "ancienneté", "< 2 ANS")
        p.set_document_variable("b1", "interviewer", "Ana")
        p.add_set("Vague 1", members=["a1"])
        p.add_set("Codes", kind="code", members=["X"])
    with Project.open(pg_url) as p:
        assert p.case("A").variables == {"ancienneté": "< 2 ans"}
        assert list(p.crosstab("ancienneté").columns) == ["> 5 ans", "< 2 ans", "(no value)",
                                                          "Total"]  # fmt: skip
        assert p.total_cases(where={"interviewer": "Ana"}) == 1
        assert p.retrieve(documents="Vague 1", codes="Codes")["document"].tolist() == ["a1"]
        p.delete_document("a1")
        assert p.set("Vague 1").members == []
        p.undo()
        assert p.set("Vague 1").members == ["a1"]
