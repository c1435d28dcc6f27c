"""Time and peak memory of importing respondent-variable tables at the table limits.

    python -m bench.table_limits [NAME…]

Each case (read, check and, when clean, store into a fresh SQLite project) runs in its
own process, which reports its wall time, peak resident memory and outcome.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from qdaw.ingest import limits

ROW = "Référent {n};{age};Besançon;{memo}\n"


def _rows(path: Path, rows: int, memo: str = "") -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write("case;age;ville;memo\n")
        for n in range(rows):
            out.write(ROW.format(n=n, age=20 + n % 50, memo=memo))
    return path


def _mixed(path: Path) -> Path:
    _rows(path, 300_000)
    with path.open("ab") as out:
        out.write("Référent x;40;Besançon;fin\n".encode("cp1252"))
    return path


def _long_cell(path: Path, characters: int) -> Path:
    path.write_text(f'case;memo\nRéférent 1;"{"é" * characters}"\n', encoding="utf-8")
    return path


def _many_bad(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write("case;age\n")
        for n in range(200_000):
            out.write(f"Référent {n};{'quarante' if n % 2 else n}\n")
    return path


CASES = {
    "rows_just_under_32MB": lambda p: _rows(p, (limits.MAX_TABLE_BYTES - 100) // 40),
    "over_32MB": lambda p: _rows(p, limits.MAX_TABLE_BYTES // 30),
    "cell_of_1M_characters": lambda p: _long_cell(p, limits.MAX_CELL_CHARS),
    "cell_of_10M_characters": lambda p: _long_cell(p, 10 * limits.MAX_CELL_CHARS),
    "mixed_encoding_last_line": _mixed,
    "200000_rows_half_words": _many_bad,
}

CHILD = r"""
import json, resource, sys, time
from qdaw import Project, QdawError
project = Project.create(sys.argv[2])
start = time.perf_counter()
try:
    outcome = f"stored {project.import_variables(sys.argv[1]).cases} rows"
except QdawError as exc:
    outcome = "refused: " + str(exc).splitlines()[0][-90:]
seconds = time.perf_counter() - start
project.close()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": round(seconds, 2), "peak_mb": round(peak), "outcome": outcome}))
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name, make in CASES.items():
            if sys.argv[1:] and name not in sys.argv[1:]:
                continue
            path = make(Path(folder) / f"{name}.csv")
            done = subprocess.run(
                [sys.executable, "-c", CHILD, str(path), str(Path(folder) / f"{name}.qdaw")],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            figures = json.loads(done.stdout.strip().splitlines()[-1])
            print(json.dumps({"case": name, "bytes": path.stat().st_size, **figures}), flush=True)


if __name__ == "__main__":
    main()
