"""What checking names and rule files costs: ``python -m bench.names_and_rules`` prints
JSON figures (a name check per call; refusing hostile rule files; checking the largest
rule file accepted)."""

from __future__ import annotations

import json
import resource
import tempfile
import time
from pathlib import Path

from qdaw.core.names import CODE, check_name
from qdaw.errors import InvalidRuleFile
from qdaw.nlp.rule_schema import MAX_BYTES, check_rule_file, read_rule_file


def _seconds(call: object, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def _refused(path: Path) -> None:
    try:
        check_rule_file(read_rule_file(path), str(path))
    except InvalidRuleFile:
        return
    raise AssertionError(f"{path} was accepted")


def main() -> None:
    figures: dict[str, float] = {}
    names = [f"Évaluation des oraux {i}" for i in range(100_000)]
    figures["check_name_us"] = _seconds(lambda: [check_name(n, CODE) for n in names]) * 10
    with tempfile.TemporaryDirectory() as folder:
        deep = Path(folder) / "deep.json"
        deep.write_text('{"rules": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
        figures["refuse_100k_deep_ms"] = _seconds(lambda: _refused(deep)) * 1000
        huge = Path(folder) / "huge.json"
        with huge.open("wb") as out:
            out.truncate(50 * MAX_BYTES)
        figures["refuse_250mb_ms"] = _seconds(lambda: _refused(huge)) * 1000
        largest = Path(folder) / "largest.json"
        rule = {"code": "Évaluation/Triche", "unit": "sentence", "speakers": ["respondent"],
                "patterns": [[{"LEMMA": "tricher"}, {"LOWER": {"IN": ["aux", "à"]}}]]}  # fmt: skip
        size = len(json.dumps(rule, ensure_ascii=False).encode()) + 2
        content = {"rules": [rule] * ((MAX_BYTES - 20) // size)}
        largest.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
        figures["largest_file_mb"] = largest.stat().st_size / 2**20
        figures["largest_file_rules"] = len(content["rules"])
        figures["check_largest_file_ms"] = (
            _seconds(lambda: check_rule_file(read_rule_file(largest), "largest"), 3) * 1000
        )
    figures["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({k: round(v, 3) for k, v in figures.items()}))


if __name__ == "__main__":
    main()
