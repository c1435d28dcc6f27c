"""Inter-coder agreement, checked against scikit-learn's Cohen's kappa and the
``krippendorff`` package, on random codings and on the edge cases."""

from __future__ import annotations

import math
import random
import warnings
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from qdaw import Project
from qdaw.errors import QdawError

TEXT = "".join(f"Phrase {i:02d} du témoin, assez longue pour être codée. " for i in range(40))


def _reference(first: list[int], second: list[int]) -> tuple[float, float]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        kappa = cohen_kappa_score(first, second)
        alpha = (
            krippendorff.alpha(reliability_data=[first, second], level_of_measurement="nominal")
            if len(set(first) | set(second)) > 1
            else math.nan
        )
    return float(kappa), float(alpha)


def _close(ours: float, theirs: float) -> bool:
    return (math.isnan(ours) and math.isnan(theirs)) or abs(ours - theirs) < 1e-9


@pytest.fixture
def two_coders(tmp_path: Path) -> Project:
    """8 documents × 6 codes; Ana and Ben each apply codes at random in every document."""
    rng = random.Random(7)
    project = Project.create(tmp_path / "team.qdaw", coder="Ana")
    codes = [project.add_code(f"code {i}") for i in range(6)]
    with project.batch("setup"):
        for d in range(8):
            doc = project.add_document(f"doc{d}", TEXT, case=f"R{d // 2}")
            for coder in ("Ana", "Ben"):
                project.code_segment(doc, 0, 10, codes[0], coder=coder)  # every doc coded
                for code in codes[1:]:
                    if rng.random() < 0.5:
                        start = rng.randrange(0, len(TEXT) - 200)
                        project.code_segment(
                            doc, start, start + rng.randrange(20, 200), code, coder=coder
                        )
    return project


def _presence(project: Project, unit: str) -> dict[str, tuple[list[int], list[int]]]:
    """For each code, Ana's and Ben's 0/1 vectors over documents (or cases)."""
    frame = project.retrieve()
    keys = sorted(frame["document" if unit == "document" else "case"].unique())
    vectors = {}
    for code in sorted(frame["code"].unique()):
        rows = frame[frame["code"] == code]
        column = "document" if unit == "document" else "case"
        ana = set(rows[rows["coder"] == "Ana"][column])
        ben = set(rows[rows["coder"] == "Ben"][column])
        vectors[code] = ([int(k in ana) for k in keys], [int(k in ben) for k in keys])
    return vectors


@pytest.mark.parametrize("unit", ["document", "case"])
def test_presence_units_match_sklearn_and_krippendorff(two_coders: Project, unit: str) -> None:
    table = two_coders.agreement(["Ana", "Ben"], unit=unit).set_index("code")
    vectors = _presence(two_coders, unit)
    pooled_first: list[int] = []
    pooled_second: list[int] = []
    for code, (ana, ben) in vectors.items():
        row = table.loc[code]
        kappa, alpha = _reference(ana, ben)
        assert _close(row["kappa"], kappa), (code, row["kappa"], kappa)
        assert _close(row["alpha"], alpha), (code, row["alpha"], alpha)
        agree = sum(a == b for a, b in zip(ana, ben, strict=True))
        assert row["percent"] == pytest.approx(100 * agree / len(ana))
        assert row["kappa_bp"] == pytest.approx(2 * agree / len(ana) - 1)
        assert row["both"] == sum(a and b for a, b in zip(ana, ben, strict=True))
        assert row["only_first"] == sum(a and not b for a, b in zip(ana, ben, strict=True))
        pooled_first += ana
        pooled_second += ben
    pooled = table.loc["(all codes)"]
    kappa, alpha = _reference(pooled_first, pooled_second)
    assert _close(pooled["kappa"], kappa) and _close(pooled["alpha"], alpha)
    assert pooled["units"] == len(pooled_first)
    assert table.attrs["documents"] == 8


def test_character_unit_matches_per_character_vectors(two_coders: Project) -> None:
    table = two_coders.agreement(["Ana", "Ben"], unit="character").set_index("code")
    frame = two_coders.retrieve()
    documents = sorted(frame["document"].unique())
    for code in frame["code"].unique():
        vectors = {}
        for coder in ("Ana", "Ben"):
            marks = []
            for name in documents:
                covered = np.zeros(len(TEXT), dtype=int)
                mine = frame[(frame["code"] == code) & (frame["coder"] == coder)]
                for start, end in mine[mine["document"] == name][["start", "end"]].itertuples(
                    index=False
                ):
                    covered[start:end] = 1
                marks += covered.tolist()
            vectors[coder] = marks
        kappa, alpha = _reference(vectors["Ana"], vectors["Ben"])
        row = table.loc[code]
        assert row["units"] == len(TEXT) * len(documents)
        assert _close(row["kappa"], kappa) and _close(row["alpha"], alpha), code


def test_three_coders_alpha_matches_krippendorff(tmp_path: Path) -> None:
    rng = random.Random(3)
    project = Project.create(tmp_path / "three.qdaw", coder="Ana")
    code = project.add_code("visio")
    other = project.add_code("mail")
    coders = ["Ana", "Ben", "Cléo"]
    data = {c: [] for c in coders}
    with project.batch("setup"):
        for d in range(30):
            doc = project.add_document(f"d{d}", TEXT, case=f"R{d}")
            for coder in coders:
                project.code_segment(doc, 0, 5, other, coder=coder)
                coded = rng.random() < 0.5
                data[coder].append(int(coded))
                if coded:
                    project.code_segment(doc, 10, 40, code, coder=coder)
    table = project.agreement(coders, codes=["visio"]).set_index("code")
    expected = krippendorff.alpha(
        reliability_data=[data[c] for c in coders], level_of_measurement="nominal"
    )
    assert table.loc["visio", "alpha"] == pytest.approx(expected, abs=1e-9)
    assert math.isnan(table.loc["visio", "kappa"])
    assert "two coders" in table.loc["visio", "reason"]
    full = sum(all(data[c][u] for c in coders) for u in range(30))
    none = sum(not any(data[c][u] for c in coders) for u in range(30))
    assert table.loc["visio", "both"] == full and table.loc["visio", "neither"] == none
    assert table.loc["visio", "percent"] == pytest.approx(100 * (full + none) / 30)


def test_undefined_statistics_are_nan_with_a_reason(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "edge.qdaw", coder="Ana")
    everywhere, alone = project.add_code("everywhere"), project.add_code("alone")
    for d in range(3):
        doc = project.add_document(f"d{d}", TEXT, case=f"R{d}")
        project.code_segment(doc, 0, 10, everywhere, coder="Ana")
        project.code_segment(doc, 0, 10, everywhere, coder="Ben")
    project.code_segment("d0", 20, 30, alone, coder="Ana")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no division warning
        table = project.agreement(["Ana", "Ben"]).set_index("code")
    perfect = table.loc["everywhere"]
    assert perfect["percent"] == 100 and math.isnan(perfect["kappa"])
    assert math.isnan(perfect["alpha"]) and "every unit" in perfect["reason"]
    lonely = table.loc["alone"]
    kappa, alpha = _reference([1, 0, 0], [0, 0, 0])
    assert _close(lonely["kappa"], kappa) and _close(lonely["alpha"], alpha)
    assert "Ben never applied" in lonely["reason"]


def test_segment_unit_counts_overlaps(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "seg.qdaw", coder="Ana")
    code = project.add_code("visio")
    doc = project.add_document("d", TEXT, case="R")
    project.code_segment(doc, 0, 100, code, coder="Ana")
    project.code_segment(doc, 10, 100, code, coder="Ben")  # 90/100: agreed
    project.code_segment(doc, 200, 300, code, coder="Ana")
    project.code_segment(doc, 260, 300, code, coder="Ben")  # 40/100: not at 0.5
    row = project.agreement(["Ana", "Ben"], unit="segment").set_index("code").loc["visio"]
    assert (row["units"], row["both"], row["only_first"], row["only_second"]) == (4, 2, 1, 1)
    assert row["neither"] == 0
    loose = project.agreement(["Ana", "Ben"], unit="segment", min_overlap=0.3)
    assert loose.set_index("code").loc["visio", "both"] == 4
    rows = project.disagreements(["Ana", "Ben"], unit="segment")
    assert rows[["start", "end", "Ana", "Ben"]].values.tolist() == [
        [200, 300, True, False],
        [260, 300, False, True],
    ]
    assert rows["text"].iloc[0] == TEXT[200:300]


def test_only_documents_every_coder_coded_are_compared(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "docs.qdaw", coder="Ana")
    code = project.add_code("visio")
    for d in range(3):
        project.add_document(f"d{d}", TEXT, case=f"R{d}")
        project.code_segment(f"d{d}", 0, 10, code, coder="Ana")
    project.code_segment("d1", 0, 10, code, coder="Ben")
    table = project.agreement(["Ana", "Ben"])
    assert table.attrs["documents"] == 1 and table.attrs["excluded"] == 2
    assert table.set_index("code").loc["visio", "units"] == 1


def test_character_disagreements_are_the_runs_coded_by_one(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "runs.qdaw", coder="Ana")
    code = project.add_code("visio")
    doc = project.add_document("d", TEXT, case="R")
    project.code_segment(doc, 0, 50, code, coder="Ana")
    project.code_segment(doc, 50, 60, code, coder="Ana")  # touching: one run
    project.code_segment(doc, 20, 40, code, coder="Ben")
    rows = project.disagreements(["Ana", "Ben"], unit="character")
    assert rows[["start", "end", "Ana", "Ben"]].values.tolist() == [
        [0, 20, True, False],
        [40, 60, True, False],
    ]
    row = project.agreement(["Ana", "Ben"], unit="character").set_index("code").loc["visio"]
    assert (row["both"], row["only_first"], row["only_second"]) == (20, 40, 0)
    assert row["neither"] == len(TEXT) - 60


def test_bad_requests_are_refused_clearly(two_coders: Project) -> None:
    with pytest.raises(QdawError, match="two or more different coders"):
        two_coders.agreement(["Ana"])
    with pytest.raises(QdawError, match="unit must be"):
        two_coders.agreement(["Ana", "Ben"], unit="word")  # type: ignore[arg-type]
    with pytest.raises(QdawError, match="Zoé"):
        two_coders.agreement(["Ana", "Zoé"])


def test_command_line_prints_and_writes_the_table(
    two_coders: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl
    import pandas as pd

    from qdaw.cli import main
    from qdaw.export.tables import write_workbook

    path = str(two_coders.path)
    expected = two_coders.agreement(["Ana", "Ben"], unit="case")
    two_coders.close()
    assert main(["agreement", path, "--coders", "Ana", "Ben", "--unit", "case"]) == 0
    out = capsys.readouterr().out
    assert "documents coded by every one of them, compared: 8" in out and "(all codes)" in out
    target = tmp_path / "agreement.csv"
    assert (
        main(["agreement", path, "--coders", "Ana", "Ben", "--unit", "case", "-o", str(target)])
        == 0
    )
    written = pd.read_csv(target, keep_default_na=False, na_values=[""])
    assert written["code"].tolist() == expected["code"].tolist()
    assert np.allclose(written["alpha"], expected["alpha"], equal_nan=True)
    assert main(["agreement", path, "--coders", "Ana", "Zoé"]) == 1
    assert "Zoé" in capsys.readouterr().err
    with Project.open(path) as project:
        sheets = project.workbook_sheets()
    workbook = tmp_path / "study.xlsx"
    write_workbook(sheets, workbook)
    sheet = openpyxl.load_workbook(workbook)["Agreement"]
    assert [cell.value for cell in sheet[1]][:3] == ["code", "units", "both"]


def test_global_coder_option_names_who_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qdaw.cli import main

    source = tmp_path / "interview.txt"
    source.write_text("Bonjour, je travaille en visio.", encoding="utf-8")
    path = str(tmp_path / "coders.qdaw")
    assert main(["new", path]) == 0
    monkeypatch.setenv("QDAW_CODER", "Ben")
    assert main(["--coder", "Cléo", "import", path, str(source)]) == 0
    assert main(["import", path, str(source), "--case", "other"]) == 0
    for coder in ("Cléo", "Ben"):  # the option first, then $QDAW_CODER
        with Project.open(path, coder=coder) as project:
            assert len(project.history.undo_stack) == 1, coder
