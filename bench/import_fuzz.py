"""Thousands of mutated transcripts per format, imported into a real project; counts of
what happened to them.

    python -m bench.import_fuzz [--files 2000] [--seed 1] [--formats txt docx …]

Each format runs in its own process (its peak memory is its own). A file must import
or fail with ImportFailed naming it, with a reason no reader failed to anticipate
("unexpected error" counts as a bug), and a failure must store nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.hostile_files import apply, kinds_for, random_mutation, real_files
from bench.import_limits import peak_mb

FORMATS = ("txt", "md", "docx", "odt", "rtf")
_NUMBER = re.compile(r"[0-9][0-9,.]*")
_PART = re.compile(r" in (content\.xml|word/[\w.]+)|(content\.xml|word/document\.xml) ")


def category(reason: str) -> str:
    """The kind of failure: the reason without its details, numbers and part names."""
    head = reason.split(" (")[0]
    for detail in (": cannot unpack", ": broken XML", ": a space count"):
        if detail in head:
            head = head[: head.index(detail) + len(detail)]
    return " ".join(_PART.sub(" ", _NUMBER.sub("N", head)).split())


def fuzz(fmt: str, files: int, seed: int) -> dict[str, object]:
    from qdaw import ImportFailed, Project

    bases = real_files()[fmt]
    kinds = kinds_for(fmt)
    outcomes: Counter[str] = Counter()
    problems: list[str] = []
    slowest = 0.0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder, Project.create(Path(folder) / "f.qdaw") as p:
        path = Path(folder) / f"fuzzed.{fmt}"
        for number in range(files):
            rng = random.Random(seed * 1_000_003 + number)
            mutations = [random_mutation(rng, kinds) for _ in range(rng.randint(1, 3))]
            path.write_bytes(apply(rng.choice(bases), fmt, mutations))
            documents = len(p.documents())
            begun = time.perf_counter()
            try:
                document = p.import_file(path, case="Fuzz")
            except ImportFailed as failure:
                outcomes[category(failure.reason)] += 1
                if "unexpected" in failure.reason or failure.path != str(path):
                    problems.append(f"#{number}: {failure}")
                if len(p.documents()) != documents:
                    problems.append(f"#{number}: a failed import stored a document")
            except Exception as exc:  # counted: the property is that this never happens
                outcomes[f"uncaught {type(exc).__name__}"] += 1
                problems.append(f"#{number}: {type(exc).__name__}: {exc}")
            else:
                outcomes["imported"] += 1
                if p.document_text(document.id) != document.text:
                    problems.append(f"#{number}: stored text differs")
                p.undo()
            slowest = max(slowest, time.perf_counter() - begun)
    return {
        "format": fmt,
        "files": files,
        "imported": outcomes.pop("imported", 0),
        "failed": sum(outcomes.values()),
        "failures": dict(outcomes.most_common()),
        "problems": problems[:20],
        "problem_count": len(problems),
        "slowest_s": round(slowest, 3),
        "total_s": round(time.perf_counter() - started, 1),
        "peak_mb": round(peak_mb()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.import_fuzz")
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--formats", nargs="*", default=list(FORMATS))
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(fuzz(args.one, args.files, args.seed), ensure_ascii=False))
        return
    results = []
    for fmt in args.formats:
        command = [sys.executable, "-m", "bench.import_fuzz", "--one", fmt]
        command += ["--files", str(args.files), "--seed", str(args.seed)]
        run = subprocess.run(command, capture_output=True, text=True, check=True)
        results.append(json.loads(run.stdout.strip().splitlines()[-1]))
        print(json.dumps(results[-1], ensure_ascii=False), file=sys.stderr)
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
