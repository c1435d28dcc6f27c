"""What must hold of a project after its writer was killed (bench/crash_trials.py).

``check`` appends each problem found, in words, and returns how many steps were
stored that the worker had not reported (killed between its commit and its log line).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench import crash_work as work

RAW_COUNTS = ("cases", "documents", "document_texts", "codes", "segments", "operations")


def _raw(target: str, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    """Rows read by the database's own driver, not through qdaw."""
    if "://" in target:
        import psycopg

        with psycopg.connect(target.replace("+psycopg", "")) as conn:
            cursor = conn.execute(sql.replace("?", "%s"), params) if params else conn.execute(sql)
            return [tuple(r) for r in cursor.fetchall()]
    import sqlite3

    conn = sqlite3.connect(target)
    try:
        return [tuple(r) for r in conn.execute(sql, params).fetchall()]
    finally:
        conn.close()


def _integrity(target: str, problems: list[str]) -> None:
    if "://" in target:
        return  # PostgreSQL: no page-level check to ask for; its keys are always enforced
    result = _raw(target, "PRAGMA integrity_check")
    if result != [("ok",)]:
        problems.append(f"integrity_check: {result[:5]}")
    broken = _raw(target, "PRAGMA foreign_key_check")
    if broken:
        problems.append(f"foreign_key_check: {broken[:5]}")


def _numbers(lines: list[str], kind: str) -> list[int]:
    return [int(line.split()[1]) for line in lines if line.startswith(kind + " ")]


def _reported(kind: str, reported: list[int], present: set[int], problems: list[str]) -> int:
    """Every reported step present; beyond them, at most the one step after the last."""
    missing = sorted(set(reported) - present)
    if missing:
        problems.append(f"{kind}: steps reported as committed are missing: {missing[:10]}")
    following = (max(reported) + 1) if reported else 0
    extra = sorted(present - set(reported) - {following})
    if extra:
        problems.append(f"{kind}: steps stored that were never started: {extra[:10]}")
    return len(present - set(reported))


def _check_batches(target: str, lines: list[str], problems: list[str]) -> int:
    rows = _raw(
        target,
        "SELECT c.name, s.start_offset, s.end_offset FROM codes c "
        "LEFT JOIN segments s ON s.code_id = c.id WHERE c.name LIKE 'Lot %'",
    )
    spans: dict[int, set[tuple[int, int]]] = {}
    for name, start, end in rows:
        batch = spans.setdefault(int(name.split()[1]), set())
        if start is not None:
            batch.add((start, end))
    for number, found in spans.items():
        expected = {work.batch_span(number, k) for k in range(work.BATCH)}
        if found != expected:
            problems.append(f"batch {number}: {len(found)} of {len(expected)} codings stored")
    logged = {int(label.split()[1]) for (label,) in _raw(
        target, "SELECT label FROM operations WHERE label LIKE 'lot %'"
    )}  # fmt: skip
    if logged != set(spans):
        problems.append(f"batches in the log {sorted(logged)} but codes of {sorted(spans)}")
    return _reported("batch", _numbers(lines, "batch"), set(spans), problems)


def _check_imports(target: str, lines: list[str], problems: list[str]) -> int:
    from qdaw.ingest.text import normalise

    rows = _raw(
        target,
        "SELECT d.name, t.text FROM documents d "
        "LEFT JOIN document_texts t ON t.document_id = d.id WHERE d.name LIKE 'f%'",
    )
    folders: dict[int, int] = {}
    for name, body in rows:
        folder, k = int(name[1:3]), int(name[4:6])
        folders[folder] = folders.get(folder, 0) + 1
        if body != normalise(work.folder_text(folder, k)):
            problems.append(f"import {folder}: the text of {name} is not the file's")
    for folder, count in folders.items():
        if count != work.FOLDER_FILES:
            problems.append(f"import {folder}: {count} of {work.FOLDER_FILES} files stored")
    return _reported("import", _numbers(lines, "import"), set(folders), problems)


def _check_undo(target: str, lines: list[str], p: Any, problems: list[str]) -> int:
    """State after step n: the 50 codings there when n is even, undone when odd."""
    counts = _raw(
        target,
        "SELECT count(s.id) FROM codes c LEFT JOIN segments s ON s.code_id = c.id "
        "WHERE c.name = 'Annulé' GROUP BY c.id",
    )
    present = bool(counts)
    if present and counts[0][0] != work.UNDO_STEP:
        problems.append(f"undo: {counts[0][0]} of {work.UNDO_STEP} codings of the step")
    reported = _numbers(lines, "undo")
    last = max(reported) if reported else -1
    allowed = {last % 2 == 0 if last >= 0 else False, (last + 1) % 2 == 0}
    if present not in allowed:
        problems.append(
            f"undo: after step {last} reported, the step is {'there' if present else 'absent'}"
        )
    unreported = int(present != (last % 2 == 0 if last >= 0 else False))
    logged = _raw(target, "SELECT state FROM operations WHERE label = 'undo step'")
    if logged and (logged[0][0] == "done") != present:
        problems.append(f"undo: the log says {logged[0][0]} but the codings are {present}")
    if present:  # the recovered project's own undo and redo, after the crash
        if p.undo_label != "undo step":
            problems.append(f"undo: after the crash Undo offers {p.undo_label!r}")
        else:
            p.undo()
            p.redo()
    elif logged:
        if p.redo_label != "undo step":
            problems.append(f"undo: after the crash Redo offers {p.redo_label!r}")
        else:
            p.redo()
            p.undo()
    return unreported


def _check_singles(target: str, lines: list[str], problems: list[str]) -> int:
    memos = {int(m[1:]) for (m,) in _raw(
        target, "SELECT memo FROM segments WHERE memo LIKE 'n%'"
    )}  # fmt: skip
    return _reported("single", _numbers(lines, "single"), memos, problems)


def _check_counts(target: str, p: Any, problems: list[str]) -> None:
    raw = {t: _raw(target, f"SELECT count(*) FROM {t}")[0][0] for t in RAW_COUNTS}
    api = {
        "cases": len(p.cases()),
        "documents": len(p.documents()),
        "codes": len(p.codes()),
        "segments": len(p.segments()),
    }
    for table, count in api.items():
        if count != raw[table]:
            problems.append(f"{table}: {count} through the API, {raw[table]} in SQL")
    if raw["document_texts"] != raw["documents"]:
        problems.append(f"{raw['documents']} documents but {raw['document_texts']} texts")
    frequencies = p.code_frequencies()
    total = int(frequencies["segments"].sum()) if len(frequencies) else 0
    if total != raw["segments"]:
        problems.append(f"code_frequencies counts {total} segments, SQL {raw['segments']}")


def check(kind: str, target: str, lines: list[str], folders: Path, problems: list[str]) -> int:
    from qdaw import Project

    _integrity(target, problems)  # first, before qdaw opens (and checkpoints) the file
    unreported = {
        "batch": _check_batches,
        "import": _check_imports,
        "single": _check_singles,
    }.get(kind, lambda *_: 0)(target, lines, problems)
    with Project.open(target, coder="crash") as p:
        if kind == "undo":
            unreported = _check_undo(target, lines, p, problems)
        _check_counts(target, p, problems)
        # The project still takes a write, and undoes it. Checked by that segment, not by
        # a count: on PostgreSQL the killed client's backend may still be finishing its
        # own commit meanwhile (the server notices a dead client a moment later).
        mine = p.code_segment(work.DOCUMENT, 0, 5, "Unique").id
        p.undo()
        if mine in {s.id for s in p.segments()}:
            problems.append("a coding after the crash was not undone")
    _integrity(target, problems)
    return unreported
