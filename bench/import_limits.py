"""Time and peak memory of importing files just under and just over each limit.

    python -m bench.import_limits [--repeat 3] [--only NAME…] [--data DIR]

Each import (read and store, into a fresh SQLite project) runs in its own process,
which reports its wall time and peak resident memory; medians over the repeats.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from bench import big_files as big

DATA = Path(__file__).resolve().parent / "data" / "limits"
_WT = '<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>'


def _lines(n: int) -> tuple[str, ...]:
    """Interview lines totalling n characters (with their newlines); past 21 million
    the same interview starts again."""
    out, total = [], 0
    source = big.interview_lines(21_000_000)
    while total < n:
        for line in source:
            if total + len(line) + 1 > n:
                out.append(line[: max(0, n - total - 1)])
                return tuple(out)
            out.append(line)
            total += len(line) + 1
    return tuple(out)


def _docx_215m(path: Path) -> Path:
    """The issue's case: a few MB of .docx that would expand to 215 million characters."""
    lines, rng = big.interview_lines(30_000)[:40], random.Random(1)

    def paragraphs() -> Iterator[str]:
        total, count = 0, 0
        while total < 215_000_000:
            text = f"{lines[count % 40]} {rng.randrange(1000):03d}"
            yield _WT.format(text)
            total, count = total + len(text) + 1, count + 1

    return big.write_docx(path, paragraphs())


def _text(path: Path, characters: int) -> Path:
    path.write_text("\n".join(_lines(characters)), encoding="utf-8")
    return path


_SPARSE = _WT.format("mot") + " " * 200  # 3 characters of text in 258 bytes of XML


CASES: dict[str, Callable[[Path], Path]] = {
    "baseline_small_txt": lambda p: _text(p / "small.txt", 2_000),
    "txt_19.9M_chars": lambda p: _text(p / "under.txt", 19_900_000),
    "txt_20.1M_chars": lambda p: _text(p / "over.txt", 20_100_000),
    "txt_50MB": lambda p: _text(p / "50mb.txt", 50_000_000),
    "docx_215M_chars_issue": lambda p: _docx_215m(p / "215m.docx"),
    "docx_19.9M_chars": lambda p: big.write_docx(
        p / "under.docx", big.docx_paragraphs(_lines(19_900_000))
    ),
    "docx_20.1M_chars": lambda p: big.write_docx(
        p / "over.docx", big.docx_paragraphs(_lines(20_100_000))
    ),
    "odt_19.9M_chars": lambda p: big.write_odt(
        p / "under.odt", big.odt_paragraphs(_lines(19_900_000))
    ),
    "odt_20.1M_chars": lambda p: big.write_odt(
        p / "over.odt", big.odt_paragraphs(_lines(20_100_000))
    ),
    "rtf_19.9M_chars": lambda p: big.rtf(p / "under.rtf", _lines(19_900_000)),
    "rtf_20.1M_chars": lambda p: big.rtf(p / "over.rtf", _lines(20_100_000)),
    # 250 MB of XML, a little text, whitespace between the elements.
    "docx_part_250MB": lambda p: big.write_docx(
        p / "part250.docx", big.repeated(_SPARSE, 250 * big.MB // len(_SPARSE))
    ),
    "docx_part_260MB": lambda p: big.write_docx(
        p / "part260.docx", big.repeated(_SPARSE, 260 * big.MB // len(_SPARSE))
    ),
    # Headers say 1 MB; it unpacks to 1 GB.
    "docx_lying_sizes_1MB_1GB": lambda p: big.write_docx(
        p / "lying.docx", big.repeated("<w:p/>", 1024 * big.MB // 6), declared=big.MB
    ),
    "docx_3.9M_elements": lambda p: big.write_docx(
        p / "el39.docx", big.repeated(_WT.format("x"), 3_900_000 // 3)
    ),
    "docx_4.1M_elements": lambda p: big.write_docx(
        p / "el41.docx", big.repeated(_WT.format("x"), 4_100_000 // 3)
    ),
    "docx_3.9M_empty_paragraphs": lambda p: big.write_docx(
        p / "empty39.docx", big.repeated("<w:p/>", 3_900_000)
    ),
    "docx_250_tags_of_0.99MB": lambda p: big.write_docx(
        p / "tags.docx", big.repeated(f'<w:p w:rsidR="{"0" * (1024 * 1024 - 4000)}"/>', 250)
    ),
    "docx_tag_of_1.5MB": lambda p: big.write_docx(
        p / "tag.docx", [f'<w:p w:rsidR="{"0" * (1536 * 1024)}"/>']
    ),
    "odt_depth_990": lambda p: big.write_odt(
        p / "d990.odt", big.nested("<text:section>", "</text:section>", 990, "<text:p>x</text:p>")
    ),
    "odt_depth_5000": lambda p: big.write_odt(
        p / "d5000.odt",
        big.nested("<text:section>", "</text:section>", 5000, "<text:p>x</text:p>"),
    ),
    "odt_1990_runs_of_10000_spaces": lambda p: big.write_odt(
        p / "spaces.odt", big.repeated('<text:p>a<text:s text:c="10000"/>b</text:p>', 1990)
    ),
    "odt_space_count_99999999": lambda p: big.write_odt(
        p / "s99.odt", ['<text:p>a<text:s text:c="99999999"/>b</text:p>']
    ),
    "rtf_2.9M_tokens": lambda p: _rtf_tokens(p / "t29.rtf", 2_900_000),
    "rtf_3.1M_tokens": lambda p: _rtf_tokens(p / "t31.rtf", 3_100_000),
    "rtf_50MB_formatting_words": lambda p: _rtf_raw(p / "words.rtf", b"\\b " * (50 * big.MB // 3)),
    "rtf_50MB_braces": lambda p: _rtf_raw(p / "braces.rtf", b"{}" * (25 * big.MB)),
    "rtf_depth_990": lambda p: _rtf_raw(p / "g990.rtf", b"{" * 990 + b"x" + b"}" * 990),
}


def _rtf_tokens(path: Path, tokens: int) -> Path:
    # Each unit "{x}" is three tokens: a group, a text run, its end.
    return _rtf_raw(path, b"{x}" * (tokens // 3))


def _rtf_raw(path: Path, body: bytes) -> Path:
    path.write_bytes(b"{\\rtf1\\ansi " + body + b"}")
    return path


def measure(path: Path) -> dict[str, object]:
    """Import one file into a fresh project (in this process); time and peak memory."""
    from qdaw import ImportFailed, Project

    with tempfile.TemporaryDirectory() as folder, Project.create(Path(folder) / "m.qdaw") as p:
        started = time.perf_counter()
        try:
            document = p.import_file(path)
            outcome = f"imported {len(document.text):,} characters"
        except ImportFailed as failure:
            outcome = f"ImportFailed: {failure.reason}"
        seconds = time.perf_counter() - started
    return {"seconds": round(seconds, 2), "peak_mb": round(peak_mb()), "outcome": outcome}


def peak_mb() -> float:
    """This process's peak resident memory. Not ru_maxrss: Linux carries that over from
    the parent through fork and exec, so a child would report the runner's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_case(path: Path, repeat: int) -> dict[str, object]:
    runs = []
    for _ in range(repeat):
        result = subprocess.run(
            [sys.executable, "-m", "bench.import_limits", "--measure", str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(json.loads(result.stdout.strip().splitlines()[-1]))
    return {
        "file_mb": round(path.stat().st_size / big.MB, 1),
        "seconds": statistics.median(r["seconds"] for r in runs),
        "max_seconds": max(r["seconds"] for r in runs),
        "peak_mb": max(r["peak_mb"] for r in runs),
        "outcome": runs[0]["outcome"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.import_limits")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    args.data.mkdir(parents=True, exist_ok=True)
    results = {}
    for name in args.only or CASES:
        path = CASES[name](args.data)
        results[name] = run_case(path, args.repeat)
        print(f"{name}: {results[name]}", file=sys.stderr)
        path.unlink()
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
