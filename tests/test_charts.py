"""Charts and maps of the sample study, their numbers read back from the drawn artists."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from matplotlib.collections import PathCollection
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.patches import Rectangle

from qdaw import Project, QdawError
from qdaw.cli import main
from qdaw.export.charts import code_colors
from qdaw.export.charts_maps import AREA
from qdaw.sample import build_sample

LEVELS = ["sport et santé", "sciences", "SHS"]  # not the alphabetical order


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    path = build_sample(tmp_path_factory.mktemp("charts") / "referents.qdaw")
    with Project.open(path) as project:
        project.change_variable_type("discipline", "categorical", LEVELS)
        yield project


def bars_by_group(figure: Figure) -> dict[str, list[Rectangle]]:
    axes = figure.axes[0]
    groups: dict[str, list[Rectangle]] = {}
    for container in axes.containers:
        groups[str(container.get_label())] = list(container)
    return groups


def test_grouped_bars_are_the_crosstab_in_the_levels_order(sample: Project) -> None:
    figure = sample.chart("by-variable", variable="discipline", value="pct")
    table = sample.crosstab("discipline", value="pct")
    used = table[table["Total"] > 0]
    groups = bars_by_group(figure)
    assert list(groups) == LEVELS  # the levels' order, not the alphabet's
    codes = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert codes == used.index.tolist()  # codes in use, in codebook order
    colors = code_colors(sample.store)
    hatches = set()
    for group, bars in groups.items():
        assert [b.get_width() for b in bars] == pytest.approx(used[group].tolist())
        assert [to_hex(b.get_facecolor()) for b in bars] == [colors[c].lower() for c in codes]
        hatches.add(bars[0].get_hatch() or "")
    assert len(hatches) == 3  # one pattern per group: apart in black and white too
    legend = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    assert legend == ["sport et santé (n=2)", "sciences (n=3)", "SHS (n=3)"]
    labels = {t.get_text() for t in figure.axes[0].texts}
    visio = used.index.get_loc("Information sur les outils de visioconférence")
    assert {"2/2", "3/3"} <= labels and groups["SHS"][visio].get_width() == 100


def test_stacked_bars_add_up_to_the_total(sample: Project) -> None:
    figure = sample.chart("by-variable", variable="discipline", mode="stacked", value="cases")
    table = sample.crosstab("discipline", value="cases")
    used = table[table["Total"] > 0]
    groups = bars_by_group(figure)
    ends = np.zeros(len(used))
    for group in LEVELS:
        bars = groups[group]
        assert [b.get_x() for b in bars] == pytest.approx(ends.tolist())  # on the previous
        assert [b.get_width() for b in bars] == pytest.approx(used[group].tolist())
        ends += [b.get_width() for b in bars]
    assert ends.tolist() == used["Total"].tolist()
    shares = sample.chart("by-variable", variable="discipline", mode="stacked", value="pct")
    widths = np.sum([[b.get_width() for b in bars] for bars in bars_by_group(shares).values()], 0)
    pct = sample.crosstab("discipline", value="pct")
    assert widths.tolist() == pytest.approx(pct.loc[used.index, "Total"].tolist())


def test_heatmap_in_scipy_leaf_order_with_the_cooccurrence_numbers(sample: Project) -> None:
    from scipy.cluster.hierarchy import leaves_list, linkage, optimal_leaf_ordering
    from scipy.spatial.distance import squareform

    full = sample.cooccurrence("case", "jaccard")
    used = [c for c in full.index if full.at[c, c] > 0]
    table = full.loc[used, used]
    similarity = table.to_numpy().copy()
    np.fill_diagonal(similarity, 0)
    distance = 1 - similarity / similarity.max()
    np.fill_diagonal(distance, 0)
    condensed = squareform(distance)
    tree = optimal_leaf_ordering(linkage(condensed, "average"), condensed)
    expected = [used[i] for i in leaves_list(tree)]

    figure = sample.chart("heatmap", level="case", measure="jaccard")
    axes = next(a for a in figure.axes if a.images and a.images[0].get_gid() == "cells")
    assert [t.get_text() for t in axes.get_xticklabels()] == [c[:35] + "…" if len(c) > 36
                                                            else c for c in expected]  # fmt: skip
    image: AxesImage = axes.images[0]
    cells = np.ma.filled(image.get_array(), np.nan)
    ordered = table.loc[expected, expected].to_numpy()
    off = ~np.eye(len(expected), dtype=bool)
    assert np.allclose(cells[off], ordered[off]) and np.isnan(cells[~off]).all()
    # Small enough to print each number: as many as non-zero cells, diagonal included.
    assert len(axes.texts) == int((ordered > 0).sum())
    assert len(figure.axes) == 2 and len(axes.child_axes) == 1  # dendrogram, cells, scale
    counts = sample.chart("heatmap", level="case")
    cells = next(a for a in counts.axes if a.images).images[0].get_array()
    assert cells.max() == sample.cooccurrence("case").where(lambda t: t.lt(8)).max().max()


def test_network_nodes_by_share_and_edges_above_the_threshold(sample: Project) -> None:
    figure = sample.chart("network", level="case", threshold=4)
    axes = figure.axes[0]
    discs = next(c for c in axes.collections if isinstance(c, PathCollection))
    frequencies = sample.code_frequencies().set_index("code")
    nodes, _edges = sample.code_network(level="case", threshold=4)  # the discs' order
    names = nodes["code"].tolist()
    assert len(names) == 26  # the codes in use
    shares = [frequencies.loc[n, "cases"] / 8 for n in names]
    assert discs.get_sizes().tolist() == pytest.approx([AREA * s for s in shares])
    labels = [t.get_text() for t in axes.texts if t.get_text().endswith("/8)")]
    assert labels[names.index("Modalités d'évaluation")] == "Modalités d'évaluation (6/8)"
    table = sample.cooccurrence("case")
    expected = {
        f"{a} — {b}" for i, a in enumerate(names) for b in names[i + 1 :] if table.at[a, b] >= 4
    }
    lines = axes.get_lines()
    assert {line.get_label() for line in lines} == expected and len(lines) == len(expected)
    weights = {f"{a} — {b}": table.at[a, b] for a in names for b in names}
    widest = max(lines, key=lambda line: line.get_linewidth())
    assert weights[widest.get_label()] == max(weights[line.get_label()] for line in lines)
    again = sample.chart("network", level="case", threshold=4)
    offsets = next(c for c in again.axes[0].collections if isinstance(c, PathCollection))
    assert np.array_equal(offsets.get_offsets(), discs.get_offsets())  # seeded: the same map
    jaccard = sample.code_network(level="case", measure="jaccard", threshold=0.6)[1]
    assert (jaccard["weight"] >= 0.6).all() and len(jaccard) > 0
    with pytest.raises(QdawError, match="Jaccard index between 0 and 1"):
        sample.chart("network", measure="jaccard", threshold=2)


def test_code_matrix_cells_are_the_passages_they_count(sample: Project) -> None:
    matrix = sample.code_matrix()
    assert matrix.shape == (32, 8)
    code_id = matrix.attrs["code_ids"][matrix.index.get_loc("Modalités d'évaluation")]
    for case in matrix.columns:
        found = sample.retrieve(codes=[code_id], cases=matrix.attrs["cases"][case])
        assert len(found) == matrix.at["Modalités d'évaluation", case]
    groups = sample.code_matrix(variable="discipline")
    assert groups.columns.tolist() == LEVELS
    assert groups.attrs["cases"]["sport et santé"] == ["Référent 5", "Référent 6"]
    assert groups.sum(axis=1).tolist() == matrix.sum(axis=1).tolist()


def test_chart_command_writes_png_and_svg(sample: Project, tmp_path: Path) -> None:
    where = str(sample.path)
    png, svg = tmp_path / "bars.png", tmp_path / "carte.svg"
    assert main(["chart", "by-variable", where, "-o", str(png), "--variable", "discipline",
                 "--mode", "stacked", "--lang", "fr"]) == 0  # fmt: skip
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert main(["chart", "network", where, "-o", str(svg), "--measure", "jaccard",
                 "--threshold", "0.5"]) == 0  # fmt: skip
    root = ET.parse(svg).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "Code map: Jaccard index, 0.5 or more" in svg.read_text(encoding="utf-8")
    heat = tmp_path / "heat.svg"
    assert main(["chart", "heatmap", where, "-o", str(heat), "--level", "segment"]) == 0
    assert "Cooccurrence" not in heat.read_text(encoding="utf-8")  # English unless asked
    ET.parse(heat)


def test_chart_errors_name_the_file_and_the_problem(
    sample: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["chart", "network", str(sample.path), "-o", str(tmp_path / "m.jpg")]) != 0
    assert "m.jpg: a chart is written as .png or .svg" in capsys.readouterr().err
    with pytest.raises(QdawError, match=r"b\.gif: a chart is written as \.png or \.svg"):
        sample.export_chart("heatmap", tmp_path / "b.gif")
    with pytest.raises(QdawError, match=r"nowhere/b\.png: folder .* does not exist"):
        sample.export_chart("heatmap", tmp_path / "nowhere" / "b.png")
    with pytest.raises(QdawError, match=r"needs one \(variables: discipline, composante"):
        sample.chart("by-variable")
    with pytest.raises(QdawError, match="unknown variable 'âge'"):
        sample.chart("by-variable", variable="âge")
    with pytest.raises(QdawError, match="chart kind must be one of"):
        sample.chart("pie")  # type: ignore[arg-type]
    assert not list(tmp_path.iterdir())


def test_charts_of_a_server_project_match_the_files(sample: Project, pg_url: str) -> None:
    sample.copy_to(pg_url)  # (the levels already set)
    with Project.open(pg_url) as server:
        assert server.codes_by_variable("discipline").equals(sample.codes_by_variable("discipline"))
        table, _tree = server.clustered_cooccurrence("case", "jaccard")
        assert table.equals(sample.clustered_cooccurrence("case", "jaccard")[0])
        nodes, edges = server.code_network("case", "count", 3)
        assert nodes.equals(sample.code_network("case", "count", 3)[0])
        assert edges.equals(sample.code_network("case", "count", 3)[1])
        matrix = server.code_matrix("discipline")
        assert matrix.equals(sample.code_matrix("discipline"))
        figure = server.chart("network", threshold=3)
        assert len(figure.axes[0].get_lines()) == len(edges)
