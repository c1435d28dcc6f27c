"""Benchmark tasks. Each runs in its own process and prints one JSON line of figures."""

from __future__ import annotations

import json
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from bench import concurrency, generate, team

TXT_FILES, TXT_WORDS = 200, 2000
DOCX_FILES, DOCX_WORDS = 40, 2000
PDF_FILES, PDF_PAGES = 10, 30
VTT_FILES, VTT_WORDS = 40, 8000

TARGETS = {
    "import_txt": "≥ 200,000 words/s",
    "import_docx": "(no target)",
    "import_pdf": "(no target)",
    "import_vtt": "(no target)",
    "code_100k_segments": "< 10 s",
    "open_large": "< 1 s",
    "code_frequencies": "< 250 ms",
    "case_code_matrix": "< 250 ms",
    "hypothesis_summary": "(no target)",
    "crosstab": "< 500 ms",
    "crosstab_tests": "(no target)",
    "cooccurrence_segment": "< 500 ms",
    "cooccurrence_case": "< 500 ms",
    "retrieve_one_code": "< 100 ms",
    "report_docx_20_hypotheses": "< 5 s",
    "report_html_20_hypotheses": "< 5 s",
    "report_md_20_hypotheses": "< 5 s",
    "nlp_index": "≥ 10,000 words/s per core",
    "nlp_index_parallel": "≥ 1.8× one process on 2 cores",
    "nlp_search_exact": "< 50 ms",
    "nlp_search_exact_frequent": "(no target)",
    "nlp_search_prefix": "(no target)",
    "nlp_search_phrase": "(no target)",
    "nlp_search_lemma": "< 200 ms",
    "nlp_detect_names": "(no target)",
    "nlp_detect_names_en": "(no target)",
    "concurrent_codings_sqlite_2": "0 failures, 0 lost",
    "concurrent_codings_sqlite_4": "0 failures, 0 lost",
    "concurrent_codings_postgres_2": "0 failures, 0 lost",
    "concurrent_codings_postgres_4": "0 failures, 0 lost",
    "one_coding": "revision check < 2 ms added",
    "find_text_default": "no slower than find_text_accents",
    "poll_latency_sqlite": "(core side of live refresh)",
    "poll_latency_postgres": "(core side of live refresh)",
    "merge_two_copies": "< 30 s",
    "agreement_document": "< 1 s",
    "import_qdpx_large": "< 30 s",
    "import_qdpx_nvivo": "< 2 s",
    "agreement_character": "< 5 s",
    "agreement_segment": "(no target)",
    "export_qdpx_large": "< 20 s",
    "team_postgres": "4,000 stored, 0 lost, 0 raw errors",
    "team_sqlite": "1,000 stored, 0 lost, 0 raw errors",
}


#: What the scaling table follows (bench --scaling): the study's size is all that changes.
SCALING_TASKS = [
    "open_large", "code_frequencies", "case_code_matrix", "hypothesis_summary", "crosstab",
    "cooccurrence_segment", "cooccurrence_case", "retrieve_one_code",
    "report_docx_20_hypotheses", "agreement_document", "agreement_character",
    "export_qdpx_large",
]  # fmt: skip


def prepare_scaled(data: Path, scale: int) -> None:
    """The large study × ``scale`` alone (the import tasks' files do not grow)."""
    generate.build_large_study(data, documents=1000 * scale, segments=100_000 * scale)


def prepare(data: Path) -> None:
    if not (data / "import_txt").exists():
        generate.write_transcripts(data / "import_txt", TXT_FILES, TXT_WORDS, seed=21)
    if not (data / "import_docx").exists():
        generate.write_docx(data / "import_docx", DOCX_FILES, DOCX_WORDS)
    if not (data / "import_pdf").exists():
        generate.write_pdfs(data / "import_pdf", PDF_FILES, PDF_PAGES)
    if not (data / "import_vtt").exists():
        generate.write_vtt(data / "import_vtt", VTT_FILES, VTT_WORDS)
    generate.build_large_study(data)


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _import(folder: Path) -> dict[str, float]:
    from qdaw import Project

    words = sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt"))
    if not words:  # docx: count words as imported
        words = -1
    with tempfile.TemporaryDirectory() as tmp, Project.create(Path(tmp) / "p.qdaw") as project:
        start = time.perf_counter()
        report = project.import_files([folder])
        elapsed = time.perf_counter() - start
        assert not report.failures
        if words < 0:
            words = sum(len(d.text.split()) for d in report.documents)
    return {"seconds_s": elapsed, "words": words, "words_per_second": words / elapsed}


def import_txt(data: Path) -> dict[str, float]:
    return _import(data / "import_txt")


def import_docx(data: Path) -> dict[str, float]:
    return _import(data / "import_docx")


def import_pdf(data: Path) -> dict[str, float]:
    """Pages a second: 10 PDFs of 30 pages (a long interview each)."""
    from qdaw import Project

    folder = data / "import_pdf"
    with tempfile.TemporaryDirectory() as tmp, Project.create(Path(tmp) / "p.qdaw") as project:
        start = time.perf_counter()
        report = project.import_files([folder])
        elapsed = time.perf_counter() - start
        assert not report.failures and len(report.documents) == PDF_FILES
        pages = sum(len(project.document_marks(d, "page")) for d in report.documents)
    return {"seconds_s": elapsed, "pages": pages, "pages_per_second": pages / elapsed}


def import_vtt(data: Path) -> dict[str, float]:
    from qdaw import Project

    folder = data / "import_vtt"
    with tempfile.TemporaryDirectory() as tmp, Project.create(Path(tmp) / "p.qdaw") as project:
        start = time.perf_counter()
        report = project.import_files([folder])
        elapsed = time.perf_counter() - start
        assert not report.failures and len(report.documents) == VTT_FILES
        words = sum(len(d.text.split()) for d in report.documents)
    return {"seconds_s": elapsed, "words": words, "words_per_second": words / elapsed}


def code_100k_segments(data: Path) -> dict[str, float]:
    from qdaw import Project

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "large.qdaw"
        shutil.copy(data / "large.qdaw", copy)
        with Project.open(copy) as project:
            plan = generate.segment_plan(project, 100_000, seed=99)
            start = time.perf_counter()
            generate.code_segments(project, plan)
            elapsed = time.perf_counter() - start
            undo_start = time.perf_counter()
            project.undo()
            undo = time.perf_counter() - undo_start
    return {"seconds_s": elapsed, "segments_per_second": 100_000 / elapsed, "undo_s": undo}


def open_large(data: Path) -> dict[str, float]:
    start = time.perf_counter()
    from qdaw import Project

    project = Project.open(data / "large.qdaw")
    cases = len(project.cases())
    elapsed = time.perf_counter() - start
    project.close()
    return {"seconds_s": elapsed, "cases": cases}


def _timed_analysis(call: Callable[[object], object], data: Path) -> dict[str, float]:
    from qdaw import Project

    with Project.open(data / "large.qdaw") as project:
        import pandas  # noqa: F401  (imported once, as in a running session)

        call(project)  # first call: connection and statement caches
        times = []
        for _ in range(5):
            start = time.perf_counter()
            call(project)
            times.append(time.perf_counter() - start)
    times.sort()
    return {"seconds_s": times[len(times) // 2]}


def code_frequencies(data: Path) -> dict[str, float]:
    return _timed_analysis(lambda p: p.code_frequencies(), data)  # type: ignore[attr-defined]


def case_code_matrix(data: Path) -> dict[str, float]:
    return _timed_analysis(lambda p: p.case_code_matrix(), data)  # type: ignore[attr-defined]


def hypothesis_summary(data: Path) -> dict[str, float]:
    return _timed_analysis(lambda p: p.hypothesis_summary(), data)  # type: ignore[attr-defined]


def crosstab(data: Path) -> dict[str, float]:
    return _timed_analysis(lambda p: p.crosstab("discipline"), data)  # type: ignore[attr-defined]


def crosstab_tests(data: Path) -> dict[str, float]:
    return _timed_analysis(lambda p: p.crosstab_tests("discipline"), data)  # type: ignore[attr-defined]


def cooccurrence_segment(data: Path) -> dict[str, float]:
    return _timed_analysis(lambda p: p.cooccurrence("segment"), data)  # type: ignore[attr-defined]


def cooccurrence_case(data: Path) -> dict[str, float]:
    return _timed_analysis(lambda p: p.cooccurrence("case"), data)  # type: ignore[attr-defined]


def retrieve_one_code(data: Path) -> dict[str, float]:
    figures = _timed_analysis(lambda p: p.retrieve(codes=["Code 7.3"]), data)  # type: ignore[attr-defined]
    from qdaw import Project

    with Project.open(data / "large.qdaw") as project:
        figures["rows"] = len(project.retrieve(codes=["Code 7.3"]))
    return figures


def _report(data: Path, suffix: str) -> dict[str, float]:
    """From an open project to the written file, imports of python-docx and matplotlib
    included (a first report in a session pays them)."""
    from qdaw import Project

    with Project.open(data / "large.qdaw") as project, tempfile.TemporaryDirectory() as tmp:
        start, cpu = time.perf_counter(), time.process_time()
        from qdaw.export.report import write_report

        document = project.report()
        path = write_report(document, Path(tmp) / f"report{suffix}")
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        size = path.stat().st_size
    # CPU time too: on a shared machine the wall clock also counts the other processes.
    return {"seconds_s": elapsed, "cpu_s": cpu, "hypotheses": len(document.hypotheses),
            "bytes": size}  # fmt: skip


def report_docx_20_hypotheses(data: Path) -> dict[str, float]:
    return _report(data, ".docx")


def report_html_20_hypotheses(data: Path) -> dict[str, float]:
    """The interactive page: its data (who has each code, up to 30 quotes per code)
    is gathered, the charts are drawn by the page itself."""
    return _report(data, ".html")


def report_md_20_hypotheses(data: Path) -> dict[str, float]:
    return _report(data, ".md")


def prepare_indexed(data: Path) -> Path:
    """The large study with its text index (built once: about two minutes)."""
    from qdaw import Project

    path = data / "large-indexed.qdaw"
    if not path.exists():
        partial = data / "large-indexed.partial.qdaw"
        shutil.copy(data / "large.qdaw", partial)
        with Project.open(partial) as project:
            project.index_text()
        partial.rename(path)
    return path


def nlp_index(data: Path) -> dict[str, float]:
    """spaCy (fr, tok2vec + morphologizer + senter + attribute_ruler + lemmatizer) and
    storing the units and tokens of 20 documents, one process (one core for spaCy)."""
    from qdaw import Project
    from qdaw.nlp.pipeline import pipeline

    pipeline("fr")  # loading the model (~5 s) is not indexing
    with tempfile.TemporaryDirectory() as tmp, Project.create(Path(tmp) / "p.qdaw") as project:
        files = sorted((data / "transcripts").glob("*.txt"))[:25]
        project.import_files(files)
        project.set_language("fr")
        documents = project.documents()
        # Steady state: the first documents of a process fill spaCy's lexeme and lemma
        # caches (~25 % slower); a study of hundreds of transcripts pays that once.
        project.index_text(documents[:5])
        measured = documents[5:]
        words = sum(len(d.text.split()) for d in measured)
        start = time.perf_counter()
        project.index_text(measured)
        elapsed = time.perf_counter() - start
    return {"seconds_s": elapsed, "words": words, "words_per_second": words / elapsed}


def nlp_index_parallel(data: Path) -> dict[str, float]:
    """Indexing 300 transcripts (about 630,000 words) in this one process (workers=0) and
    in a worker process per core, the caller storing; the processes start (and load
    spaCy) inside the measured time, as they do for a researcher."""
    import os

    from qdaw import Project
    from qdaw.nlp.pipeline import pipeline

    pipeline("fr")  # the in-process run analyses here: its model is loaded first
    files = sorted((data / "transcripts").glob("*.txt"))[:300]
    cores = len(os.sched_getaffinity(0))
    figures: dict[str, float] = {"cores": cores}
    for workers in (0, cores):
        with tempfile.TemporaryDirectory() as tmp, Project.create(Path(tmp) / "p.qdaw") as p:
            p.import_files(files)
            p.set_language("fr")
            words = sum(len(d.text.split()) for d in p.documents())
            start = time.perf_counter()
            p.index_text(workers=workers)
            elapsed = time.perf_counter() - start
        figures[f"words_per_second_{workers}"] = words / elapsed
        figures[f"seconds_{workers}_s"] = elapsed
    figures["words"] = words
    figures["speedup"] = figures["seconds_0_s"] / figures[f"seconds_{cores}_s"]
    return figures


def _search(data: Path, query: str, mode: str) -> dict[str, float]:
    from qdaw import Project

    with Project.open(prepare_indexed(data)) as project:
        hits = project.search(query, mode)  # type: ignore[arg-type]  # warm: pipeline, caches
        times = []
        for _ in range(5):
            start = time.perf_counter()
            project.search(query, mode)  # type: ignore[arg-type]
            times.append(time.perf_counter() - start)
    return {"seconds_s": sorted(times)[2], "hits": len(hits)}


def nlp_search_exact(data: Path) -> dict[str, float]:
    """A content word as common as in real interviews (0.04 % of words)."""
    return _search(data, "plateforme", "exact")


def nlp_search_exact_frequent(data: Path) -> dict[str, float]:
    """One of the commonest content words (0.5 % of words)."""
    return _search(data, "évaluation", "exact")


def nlp_search_phrase(data: Path) -> dict[str, float]:
    return _search(data, "à distance", "exact")


def nlp_search_prefix(data: Path) -> dict[str, float]:
    return _search(data, "plateform*", "exact")


def nlp_search_lemma(data: Path) -> dict[str, float]:
    return _search(data, "évaluation", "lemma")


def nlp_detect_names(data: Path) -> dict[str, float]:
    """Named-entity detection (fr_core_news_sm's recogniser alone) over 20 documents."""
    return _detect_names(data, "fr")


def nlp_detect_names_en(data: Path) -> dict[str, float]:
    """English detection (spaCy's tokenizer and sentencizer, no model) over the same 20
    documents: the capitalised words of any script."""
    return _detect_names(data, "en")


def _detect_names(data: Path, language: str) -> dict[str, float]:
    from qdaw import Project
    from qdaw.nlp.entities import _recogniser

    _recogniser(language)  # loading the model is not detecting
    with tempfile.TemporaryDirectory() as tmp, Project.create(Path(tmp) / "p.qdaw") as project:
        project.import_files(sorted((data / "transcripts").glob("*.txt"))[:20])
        project.set_language(language)
        words = sum(len(d.text.split()) for d in project.documents())
        start = time.perf_counter()
        proposed = project.detect_entities()
        elapsed = time.perf_counter() - start
    return {"seconds_s": elapsed, "words": words, "words_per_second": words / elapsed,
            "names": proposed}  # fmt: skip


def _find(data: Path, query: str, accents: bool) -> dict[str, float]:
    from qdaw import Project

    with Project.open(data / "large.qdaw") as project:
        hits = project.find_text(query, accents=accents)  # warm: the file's pages
        words = int(project.store.scalar(text("SELECT sum(length(text)) FROM document_texts")) or 0)
        times = []
        for _ in range(5):
            start = time.perf_counter()
            project.find_text(query, accents=accents)
            times.append(time.perf_counter() - start)
    return {"seconds_s": sorted(times)[2], "hits": len(hits), "characters": words}


def find_text_default(data: Path) -> dict[str, float]:
    """Find in the project's text, accents and case ignored (the default)."""
    return _find(data, "plateforme", accents=False)


def find_text_accents(data: Path) -> dict[str, float]:
    return _find(data, "plateforme", accents=True)


def find_text_regex_scan(data: Path) -> dict[str, float]:
    """What QualCoder does: each document's text, a case-insensitive regex over it."""
    import re

    from qdaw import Project

    with Project.open(data / "large.qdaw") as project:
        times, hits = [], 0
        for _ in range(6):
            start = time.perf_counter()
            pattern = re.compile("plateforme", re.IGNORECASE)
            hits = 0
            for (body,) in project.store.rows(text("SELECT text FROM document_texts")):
                hits += sum(1 for _ in pattern.finditer(body))
            times.append(time.perf_counter() - start)
    return {"seconds_s": sorted(times[1:])[2], "hits": hits}


def merge_two_copies(data: Path) -> dict[str, float]:
    """Blind coding on the large study: a copy for each of two coders (their own
    segments, a third of the 100,000 each), one merged into the other (1,000 documents
    matched by text, 300 codes by path, 33,000 segments added), and its undo; then a
    full copy merged into another (100,000 segments matched, none added)."""
    from qdaw import Project

    with tempfile.TemporaryDirectory() as tmp, Project.open(data / "large.qdaw") as large:
        start = time.perf_counter()
        ann = large.copy_for_coder(Path(tmp) / "ann.qdaw", "ann", keep_segments="own")
        split = time.perf_counter() - start
        bob = large.copy_for_coder(Path(tmp) / "bob.qdaw", "bob", keep_segments="own")
        with Project.open(ann) as target:
            start = time.perf_counter()
            report = target.merge(bob)
            elapsed = time.perf_counter() - start
            start = time.perf_counter()
            target.undo()
            undo = time.perf_counter() - start
        full = large.save_copy(Path(tmp) / "full.qdaw")
        other = large.save_copy(Path(tmp) / "other.qdaw")
        with Project.open(full) as target:
            start = time.perf_counter()
            again = target.merge(other)
            matched = time.perf_counter() - start
    assert again.added["segments"] == 0
    return {
        "seconds_s": elapsed,
        "segments_added": report.added["segments"],
        "undo_s": undo,
        "copy_for_coder_s": split,
        "full_copy_matched_s": matched,
        "segments_matched": again.matched["segments"],
    }


CODERS = ["ann", "bob", "chloé"]  # the large study's three coders


def agreement_document(data: Path) -> dict[str, float]:
    """Three coders, 1,000 documents × 300 codes."""
    return _timed_analysis(lambda p: p.agreement(CODERS, unit="document"), data)  # type: ignore[attr-defined]


def agreement_character(data: Path) -> dict[str, float]:
    """Three coders, every character of 1,000 documents (12 M) for each of 300 codes."""
    return _timed_analysis(lambda p: p.agreement(CODERS, unit="character"), data)  # type: ignore[attr-defined]


def agreement_segment(data: Path) -> dict[str, float]:
    return _timed_analysis(lambda p: p.agreement(CODERS, unit="segment"), data)  # type: ignore[attr-defined]


def export_qdpx_large(data: Path) -> dict[str, float]:
    """The large study as a REFI-QDA archive (1,000 sources, 100,000 selections), with
    positions in code points and again in UTF-16 units; read-only, as an export needs."""
    import zipfile

    from qdaw import Project

    figures: dict[str, float] = {}
    with (
        tempfile.TemporaryDirectory() as tmp,
        Project.open(data / "large.qdaw", read_only=True) as project,
    ):
        for offsets, key in (("codepoints", "seconds_s"), ("utf16", "utf16_s")):
            target = Path(tmp) / f"large-{offsets}.qdpx"
            start = time.perf_counter()
            project.export_qdpx(target, offsets=offsets)
            figures[key] = time.perf_counter() - start
        figures["archive_mib"] = target.stat().st_size / 2**20
        with zipfile.ZipFile(target) as archive:
            figures["qde_mib"] = archive.getinfo("project.qde").file_size / 2**20
    return figures


def import_qdpx_large(data: Path) -> dict[str, float]:
    """The large study's REFI-QDA export (1,000 sources, 100,000 selections) imported
    into a new project: read, positions confirmed, stored as one step."""
    from qdaw import Project

    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "large.qdpx"
        with Project.open(data / "large.qdaw", read_only=True) as project:
            project.export_qdpx(archive)
        with Project.create(Path(tmp) / "back.qdaw") as back:
            start = time.perf_counter()
            report = back.import_qdpx(archive)
            elapsed = time.perf_counter() - start
    return {"seconds_s": elapsed, "segments": report.added["segments"], "peak_mib": _peak_mib()}


def import_qdpx_nvivo(data: Path) -> dict[str, float]:
    """NVivo for Windows 12.6's archive (1.45 MB, 2 sources, 152 codes, 303 codings) from
    the shared fixtures."""
    from qdaw import Project

    fixture = Path(__file__).resolve().parents[2] / "shared/fixtures/refi-qda"
    if not fixture.exists():
        fixture = Path("/work/shared/fixtures/refi-qda")
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(5):
            with Project.create(Path(tmp) / f"nvivo{run}.qdaw") as project:
                start = time.perf_counter()
                project.import_qdpx(fixture / "nvivo-win-12.6_oltas0517.qdpx")
                times.append(time.perf_counter() - start)
    times.sort()
    return {"seconds_s": times[len(times) // 2]}


TASKS: dict[str, Callable[[Path], dict[str, float]]] = {
    "import_txt": import_txt,
    "import_docx": import_docx,
    "import_pdf": import_pdf,
    "import_vtt": import_vtt,
    "code_100k_segments": code_100k_segments,
    "open_large": open_large,
    "code_frequencies": code_frequencies,
    "case_code_matrix": case_code_matrix,
    "hypothesis_summary": hypothesis_summary,
    "crosstab": crosstab,
    "crosstab_tests": crosstab_tests,
    "cooccurrence_segment": cooccurrence_segment,
    "cooccurrence_case": cooccurrence_case,
    "retrieve_one_code": retrieve_one_code,
    "report_docx_20_hypotheses": report_docx_20_hypotheses,
    "report_html_20_hypotheses": report_html_20_hypotheses,
    "report_md_20_hypotheses": report_md_20_hypotheses,
    "nlp_index": nlp_index,
    "nlp_index_parallel": nlp_index_parallel,
    "nlp_search_exact": nlp_search_exact,
    "nlp_search_exact_frequent": nlp_search_exact_frequent,
    "nlp_search_prefix": nlp_search_prefix,
    "nlp_search_phrase": nlp_search_phrase,
    "nlp_search_lemma": nlp_search_lemma,
    "nlp_detect_names": nlp_detect_names,
    "nlp_detect_names_en": nlp_detect_names_en,
    "find_text_default": find_text_default,
    "find_text_accents": find_text_accents,
    "find_text_regex_scan": find_text_regex_scan,
    "concurrent_codings_sqlite_2": lambda data: concurrency.concurrent_codings_sqlite(2),
    "concurrent_codings_sqlite_4": lambda data: concurrency.concurrent_codings_sqlite(4),
    "concurrent_codings_postgres_2": lambda data: concurrency.concurrent_codings_postgres(2),
    "concurrent_codings_postgres_4": lambda data: concurrency.concurrent_codings_postgres(4),
    "one_coding": lambda data: concurrency.one_coding(),
    "poll_latency_sqlite": lambda data: concurrency.poll_latency_sqlite(),
    "poll_latency_postgres": lambda data: concurrency.poll_latency_postgres(),
    "merge_two_copies": merge_two_copies,
    "agreement_document": agreement_document,
    "import_qdpx_large": import_qdpx_large,
    "import_qdpx_nvivo": import_qdpx_nvivo,
    "agreement_character": agreement_character,
    "agreement_segment": agreement_segment,
    "export_qdpx_large": export_qdpx_large,
    "team_postgres": lambda data: team.team_postgres(),
    "team_sqlite": lambda data: team.team_sqlite(),
}

if __name__ == "__main__":
    name, folder = sys.argv[1], Path(sys.argv[2])
    figures = TASKS[name](folder)
    figures["peak_rss_mib"] = _peak_mib()
    print(json.dumps(figures))
