"""Co-occurrence drawn two ways: a clustered heatmap with its dendrogram, and a code
map (a network of codes). Single-hue shading and printed numbers keep both readable
in black-and-white print."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qdaw.export.charts import PLAIN, _figure, shorten

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

#: Light to dark in one hue: its lightness alone orders the values in greyscale.
COLORMAP = "Blues"
#: Numbers in the cells up to this many codes (beyond, they would not fit).
NUMBERED = 40
SEED = 7
#: The area (points²) of a code every respondent has.
AREA = 1500.0
#: Edges labelled with their weight up to this many.
EDGE_LABELS = 60


def cooccurrence_heatmap(
    table: pd.DataFrame, tree: Any = None, title: str = "", legend: str = ""
) -> Figure:
    """``table``: a symmetric codes × codes table in its display order (the clustered
    order of qdaw.analysis.chart_data); ``tree``: the linkage, drawn as a dendrogram
    on the left. The diagonal (a code with itself) is left white, its number in grey."""
    import numpy as np
    from scipy.cluster.hierarchy import dendrogram

    labels = [str(c) for c in table.index]
    size = len(labels)
    values = table.to_numpy(dtype=float)
    shown = values.copy()
    if size:
        np.fill_diagonal(shown, np.nan)
    side = min(3.5 + 0.3 * size, 40)
    longest = max((len(shorten(c, 36)) for c in labels), default=4)
    labels_width = 0.3 + 0.062 * longest  # inches, at 7 points
    width = side + labels_width + 1.2
    height = side + labels_width * 0.85 + 0.6
    # Dendrogram | cells, their labels to the right and below; the scale above, right.
    figure = _figure(width, height)
    grid = figure.add_gridspec(
        1, 2, width_ratios=[1.1, side], wspace=0.02,
        left=0.1 / width, right=1 - labels_width / width, top=1 - 0.75 / height,
        bottom=labels_width * 0.85 / height,
    )  # fmt: skip
    axes = figure.add_subplot(grid[0, 1])
    from matplotlib import colormaps

    palette = colormaps[COLORMAP].with_extremes(bad="white")
    peak = np.nanmax(shown) if size > 1 else 1.0
    image = axes.imshow(np.ma.masked_invalid(shown), cmap=palette, vmin=0,
                        vmax=peak if peak > 0 else 1, aspect="equal")  # fmt: skip
    image.set_gid("cells")
    axes.set_xticks(np.arange(size), [shorten(c, 36) for c in labels], rotation=60,
                    ha="right", fontsize=7, **PLAIN)  # fmt: skip
    axes.yaxis.tick_right()
    axes.set_yticks(np.arange(size), [shorten(c, 36) for c in labels], fontsize=7, **PLAIN)
    integers = bool(np.all(values == np.round(values)))
    if size <= NUMBERED:
        for (r, c), value in np.ndenumerate(values):
            text = f"{value:g}" if integers else f"{value:.2f}".lstrip("0")
            if r == c:
                axes.text(c, r, text, ha="center", va="center", fontsize=5.5, color="0.45",
                          style="italic")  # fmt: skip
            elif value:
                axes.text(c, r, text, ha="center", va="center", fontsize=6,
                          color="white" if value > peak * 0.55 else "black")  # fmt: skip
    if tree is not None:
        branches = figure.add_subplot(grid[0, 0])
        dendrogram(tree, ax=branches, orientation="left", no_labels=True,
                   link_color_func=lambda _k: "black")  # fmt: skip
        # Leaves at 5, 15, … from the bottom; the image's rows from the top.
        branches.set_ylim(10 * size, 0)
        branches.set_axis_off()
    bar = figure.colorbar(image, cax=axes.inset_axes((0.55, 1.015, 0.45, 0.018)),
                          orientation="horizontal")  # fmt: skip
    bar.ax.tick_params(labelsize=7)
    bar.ax.xaxis.set_ticks_position("top")
    if legend:
        bar.ax.set_title(legend, fontsize=7, loc="right", **PLAIN)
    if title:
        figure.suptitle(title, fontsize=10, x=0.02, ha="left", **PLAIN)
    return figure


def network_map(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    colors: dict[str, str],
    title: str = "",
    seed: int = SEED,
) -> Figure:
    """Codes as discs of area proportional to k/N, in their colours; a line for each
    edge, its width by weight (and labelled with it). Spring layout, seeded: the same
    project gives the same map."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(str(code) for code in nodes["code"])
    links = list(zip(edges["source"].astype(str), edges["target"].astype(str),
                     edges["weight"].to_numpy(dtype=float), strict=True))  # fmt: skip
    for source, target, weight in links:
        graph.add_edge(source, target, weight=weight)
    positions = _layout(graph, seed)
    figure = _figure(10, 8)
    figure.subplots_adjust(left=0.02, right=0.98, top=0.94, bottom=0.02)
    axes = figure.add_subplot()
    heaviest = float(edges["weight"].max()) if len(edges) else 1.0
    lightest = float(edges["weight"].min()) if len(edges) else 0.0
    spread = (heaviest - lightest) or 1.0
    integers = bool(len(edges)) and bool((edges["weight"] % 1 == 0).all())
    for source, target, weight in links:
        (x1, y1), (x2, y2) = positions[source], positions[target]
        (line,) = axes.plot([x1, x2], [y1, y2], color="0.45", alpha=0.8, zorder=1,
                            linewidth=edge_width(weight, lightest, spread))  # fmt: skip
        line.set_label(f"{source} — {target}")
        if len(links) > EDGE_LABELS:
            continue
        text = f"{weight:g}" if integers else f"{weight:.2f}"
        axes.text((x1 + x2) / 2, (y1 + y2) / 2, text, fontsize=6, ha="center", va="center",
                  zorder=2, bbox={"boxstyle": "round,pad=0.1", "fc": "white", "lw": 0})  # fmt: skip
    order = [str(code) for code in nodes["code"]]
    xs = [positions[c][0] for c in order]
    ys = [positions[c][1] for c in order]
    discs = axes.scatter(xs, ys, s=[disc_area(float(s)) for s in nodes["share"]],
                         c=[colors.get(c, "#4363d8") for c in order], edgecolors="black",
                         linewidths=0.8, zorder=3)  # fmt: skip
    discs.set_label("codes")
    for code, x, y, k, total in zip(order, xs, ys, nodes["cases"], nodes["total_cases"],
                                    strict=True):  # fmt: skip
        axes.annotate(f"{shorten(code, 28)} ({k}/{total})", (x, y), xytext=(0, 9),
                      textcoords="offset points", ha="center", va="bottom", fontsize=7,
                      zorder=4, bbox={"boxstyle": "round,pad=0.15", "fc": "white",
                                      "ec": "none", "alpha": 0.8}, **PLAIN)  # fmt: skip
    axes.set_axis_off()
    axes.margins(0.12)
    if title:
        axes.set_title(title, fontsize=10, loc="left", **PLAIN)
    return figure


def edge_width(weight: float, lightest: float, spread: float) -> float:
    """From 0.8 points for the weakest link drawn to 6 for the strongest."""
    return 0.8 + 5.2 * (float(weight) - lightest) / spread


def disc_area(share: float) -> float:
    """A node's marker area (points²), proportional to its share k/N (every code on
    the map has at least one respondent)."""
    return AREA * share


def _layout(graph: Any, seed: int) -> dict[str, Any]:
    """Linked codes by a seeded spring layout, spread enough for their labels; codes
    linked to none in a row below (left in, a spring layout flings them to the edges
    and squeezes the linked ones into a clump)."""
    import math

    import networkx as nx

    linked = [node for node in graph if graph.degree(node)]
    alone = [node for node in graph if not graph.degree(node)]
    positions: dict[str, Any] = {}
    if linked:
        core = graph.subgraph(linked)
        spread = 2.2 / math.sqrt(len(linked))
        positions.update(nx.spring_layout(core, seed=seed, weight="weight", k=spread,
                                          iterations=300))  # fmt: skip
    columns = 5
    for i, node in enumerate(alone):
        row, column = divmod(i, columns)
        x = -1 + 2 * (column + 0.5) / columns
        positions[node] = (x, -1.35 - 0.3 * row)
    return positions
