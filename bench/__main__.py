"""The benchmark suite: ``python -m bench`` (or ``./dev.sh bench``) prints JSON figures.

Each task runs in a fresh subprocess, so its peak memory is its own and no cache is
warm unless the task warms it. Times are medians over ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
from pathlib import Path

from bench import tasks

DATA = Path(__file__).resolve().parent / "data"
# Qt tasks are listed here so that importing this runner does not import Qt.
GUI_TASKS = [
    "gui_startup", "gui_open_document", "gui_apply_code", "gui_scroll", "gui_index_responsive",
    "gui_live_refresh", "gui_open_large",
]  # fmt: skip
#: The workbench tasks that --scale N runs on the study × N.
SCALED_GUI = ["gui_open_large", "gui_apply_code", "gui_open_document", "gui_scroll"]
GUI_TARGETS = {
    "gui_startup": "< 2 s",
    "gui_open_document": "< 300 ms",
    "gui_apply_code": "< 50 ms",
    "gui_scroll": "only visible stripes",
    "gui_index_responsive": "the window stays responsive",
    "gui_live_refresh": "median < 1 s, p95 < 2 s",
    "gui_open_large": "< 2 s at ×10",
}


def run_task(name: str, data: Path) -> dict[str, float]:
    module = "bench.gui_tasks" if name.startswith("gui_") else "bench.tasks"
    result = subprocess.run(
        [sys.executable, "-m", module, name, str(data)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"bench task {name} failed:\n{result.stderr}")
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def machine() -> dict[str, object]:
    import os

    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(memory, 1),
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def scaled_data(data: Path, scale: int) -> Path:
    """Where the study × ``scale`` is kept: the data folder itself at ×1."""
    folder = data if scale == 1 else data / f"x{scale}"
    folder.mkdir(parents=True, exist_ok=True)
    print(f"preparing the large study ×{scale} (once; kept in {folder})…", file=sys.stderr)
    if scale == 1:
        tasks.prepare(folder)
    else:
        tasks.prepare_scaled(folder, scale)
    return folder


def measure(name: str, data: Path, repeat: int) -> dict[str, float]:
    runs = [run_task(name, data) for _ in range(repeat)]
    summary: dict[str, float] = {}
    for key in runs[0]:
        values = [r[key] for r in runs]
        summary[key] = round(statistics.median(values), 4)
        if key.endswith("_s") and len(values) > 1:
            summary[key[: -len("_s")] + "_min_s"] = round(min(values), 4)
    summary["target"] = {**tasks.TARGETS, **GUI_TARGETS}.get(name, "")  # type: ignore[assignment]
    return summary


def scaling_table(results: dict[str, dict[int, dict[str, float]]], scales: list[int]) -> str:
    """Markdown: each task's median at each scale and its growth per 10× data (the time
    ratio ×10/×1): about 10 is linear, much more shows a non-linear step."""
    header = " | ".join(f"×{s}" for s in scales)
    lines = [f"| operation | {header} | growth per 10× |", "|---" * (len(scales) + 2) + "|"]
    for name, by_scale in results.items():
        cells = [f"{by_scale[s]['seconds_s'] * 1000:,.0f} ms" for s in scales]
        growth = ""
        if 1 in by_scale and 10 in by_scale and by_scale[1]["seconds_s"] > 0:
            growth = f"{by_scale[10]['seconds_s'] / by_scale[1]['seconds_s']:.1f}×"
        lines.append(f"| {name} | {' | '.join(cells)} | {growth} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", nargs="*", help="task names (default: all)")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument(
        "--scale", type=int, default=1, help="the large study × N (built once, cached)"
    )
    parser.add_argument(
        "--scaling",
        nargs="*",
        type=int,
        metavar="N",
        help="the scaling table: the study's analyses at ×1, ×3 and ×10 (or the given N)",
    )
    args = parser.parse_args()
    results: dict[str, object] = {"machine": machine()}
    if args.scaling is not None:
        scales = sorted(set(args.scaling or [1, 3, 10]))
        names = args.only or tasks.SCALING_TASKS
        table: dict[str, dict[int, dict[str, float]]] = {name: {} for name in names}
        for scale in scales:
            data = scaled_data(args.data, scale)
            for name in names:
                table[name][scale] = measure(name, data, args.repeat)
                print(f"×{scale} {name}: {table[name][scale]}", file=sys.stderr)
        results["scaling"] = {n: {f"x{s}": v for s, v in t.items()} for n, t in table.items()}
        print(scaling_table(table, scales), file=sys.stderr)
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return
    data = scaled_data(args.data, args.scale)
    default = [*tasks.TASKS, *GUI_TASKS] if args.scale == 1 else [*tasks.SCALING_TASKS, *SCALED_GUI]
    for name in args.only or default:
        results[name] = summary = measure(name, data, args.repeat)
        print(f"{name}: {summary}", file=sys.stderr)
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
