"""The codebook's and the hypotheses' counts after each edit: recounted for the codes an
edit touched only, and always equal to a full recount (codes, categories' roll-ups,
hypotheses), through coding, recoding, undo, redo, merges and another writer."""

from __future__ import annotations

from pathlib import Path

from qdaw import Project
from qdaw.core.writing import ChangeEvent
from qdaw.gui.main_window import MainWindow
from qdaw.sample import build_sample
from tests.other_writer import Writer


def open_window(qtbot, path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_project(str(path))
    window.show()
    qtbot.waitExposed(window)
    return window


def assert_counts_are_whole(window: MainWindow) -> None:
    project = window.session.require()
    book, hypotheses = window.codebook.model, window.hypotheses.model
    full = project.code_counts()
    rolled = project.code_counts(rollup=True)
    for code_id in book.rows:
        assert book.counts.get(code_id, (0, 0)) == full.get(code_id, (0, 0)), code_id
        assert book.rolled.get(code_id, (0, 0)) == rolled.get(code_id, (0, 0)), code_id
    by_hypothesis = project.hypothesis_counts()
    for row in hypotheses.rows:
        assert hypotheses.counts.get(row.id, (0, 0)) == by_hypothesis.get(row.id, (0, 0))


def test_counts_follow_every_kind_of_edit(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = build_sample(tmp_path / "referents.qdaw")
    window = open_window(qtbot, path)
    project = window.session.require()
    events: list[ChangeEvent] = []
    window.session.changed.connect(events.append)
    category = project.add_code("Organisation")
    emergent = project.add_code("Travail à distance", parent=category)
    other = project.code("Rejet du numérique")
    hypothesis = project.hypotheses()[0]
    project.link_code(emergent, hypothesis)
    assert_counts_are_whole(window)
    documents = project.documents()
    first = project.code_segment(documents[0], 0, 40, emergent)
    assert events[-1].codes == frozenset({emergent.id})  # recounted alone
    assert_counts_are_whole(window)
    with project.batch("Code three"):
        for document in documents[1:4]:
            project.code_segment(document, 10, 60, emergent)
    assert_counts_are_whole(window)
    assert window.codebook.model.counts[emergent.id] == (4, 4)
    assert window.codebook.model.rolled[category.id] == (4, 4)
    project.recode_segment(first, other)
    assert events[-1].codes == frozenset({emergent.id, other.id})
    assert_counts_are_whole(window)
    project.resize_segment(first, 0, 30)
    assert events[-1].codes == frozenset()  # nothing to recount
    assert_counts_are_whole(window)
    project.delete_segment(first)
    assert_counts_are_whole(window)
    for _ in range(3):
        project.undo()
        assert_counts_are_whole(window)
    project.redo()
    assert_counts_are_whole(window)
    project.merge_codes(other, emergent)  # the tree changes: everything is reloaded
    assert_counts_are_whole(window)
    # A colleague's coding arrives without detail: a full recount.
    Writer(str(path), "Ben", "process").run(
        "doc = p.documents()[5]\np.code_segment(doc, 0, 25, 'Travail à distance')\n"
    )
    qtbot.waitUntil(
        lambda: (
            window.codebook.model.counts[emergent.id]
            == window.session.require().code_counts()[emergent.id]
        ),
        timeout=5000,
    )
    assert_counts_are_whole(window)
    assert str(window.codebook.model.data(window.codebook.model.index_of(category.id, 2))) == (
        f"Σ {window.codebook.model.rolled[category.id][1]}/8"
    )


def test_the_restricted_counts_equal_the_full_ones(tmp_path: Path) -> None:
    path = build_sample(tmp_path / "referents.qdaw")
    with Project.open(path) as project:
        full = project.code_counts()
        rolled = project.code_counts(rollup=True)
        ids = list(full)[:3]
        assert project.code_counts(only=ids) == {i: full[i] for i in ids}
        parents = {c.parent.id for c in project.codes() if c.parent is not None}
        assert parents
        assert project.code_counts(rollup=True, only=parents) == {
            i: rolled[i] for i in parents if i in rolled
        }
        by_hypothesis = project.hypothesis_counts()
        first = next(iter(by_hypothesis))
        assert project.hypothesis_counts(only=[first]) == {first: by_hypothesis[first]}
        assert project.code_counts(only=[]) == {}


def test_a_large_project_counts_on_a_worker_thread(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from qdaw.gui import background

    monkeypatch.setattr(background, "BACKGROUND_FROM", 1)  # the sample counts as large
    path = build_sample(tmp_path / "referents.qdaw")
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_project(str(path))
    book, hypotheses = window.codebook.model, window.hypotheses.model
    code_id = next(iter(book.rows))
    # The window is up at once; the counts come when the worker has them.
    assert book.loading and book.data(book.index_of(code_id, 2)) == "…"
    assert hypotheses.loading
    project = window.session.require()
    project.code_segment(project.documents()[0], 0, 30, code_id)  # while it counts
    qtbot.waitUntil(lambda: not book.loading and not hypotheses.loading, timeout=10000)
    assert_counts_are_whole(window)
    assert book.data(book.index_of(code_id, 2)) != "…"
    window.show()
    qtbot.waitExposed(window)
    project.undo()  # coding: only the codes it touched, counted at once
    qtbot.waitUntil(lambda: not book.loading and not hypotheses.loading, timeout=10000)
    assert_counts_are_whole(window)


def test_a_large_project_s_tables_are_computed_on_a_worker_thread(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from qdaw.gui import background

    monkeypatch.setattr(background, "BACKGROUND_FROM", 1)  # the sample counts as large
    path = build_sample(tmp_path / "referents.qdaw")
    window = open_window(qtbot, path)
    tab = window.analysis.frequencies
    qtbot.waitUntil(lambda: tab.frame is not None and len(tab.frame) > 0, timeout=10000)
    project = window.session.require()
    assert tab.frame is not None
    assert tab.frame.equals(project.code_frequencies(rollup=True))
    window.analysis.own_only.click()  # the control is read on the GUI thread, then counted
    qtbot.waitUntil(
        lambda: tab.frame is not None and tab.frame.equals(project.code_frequencies()),
        timeout=10000,
    )
    window.analysis.setCurrentWidget(window.analysis.matrix)
    qtbot.waitUntil(lambda: window.analysis.matrix.frame is not None, timeout=10000)
    assert window.analysis.matrix.frame is not None
    assert window.analysis.matrix.frame.equals(project.case_code_matrix("count").T)
