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
    "gui_live_refresh",
]  # fmt: skip
GUI_TARGETS = {
    "gui_startup": "< 2 s",
    "gui_open_document": "< 300 ms",
    "gui_apply_code": "< 50 ms",
    "gui_scroll": "only visible stripes",
    "gui_index_responsive": "the window stays responsive",
    "gui_live_refresh": "median < 1 s, p95 < 2 s",
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


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", nargs="*", help="task names (default: all)")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    args.data.mkdir(parents=True, exist_ok=True)
    print("preparing the large study (once; kept in bench/data)…", file=sys.stderr)
    tasks.prepare(args.data)
    names = args.only or [*tasks.TASKS, *GUI_TASKS]
    results: dict[str, object] = {"machine": machine()}
    for name in names:
        runs = [run_task(name, args.data) for _ in range(args.repeat)]
        summary: dict[str, float] = {}
        for key in runs[0]:
            values = [r[key] for r in runs]
            summary[key] = round(statistics.median(values), 4)
            if key.endswith("_s") and len(values) > 1:
                summary[key[: -len("_s")] + "_min_s"] = round(min(values), 4)
        summary["target"] = {**tasks.TARGETS, **GUI_TARGETS}.get(name, "")  # type: ignore[assignment]
        results[name] = summary
        print(f"{name}: {summary}", file=sys.stderr)
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
