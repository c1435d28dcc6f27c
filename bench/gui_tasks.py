"""Workbench benchmarks, offscreen Qt. Each task prints one JSON line of figures."""

from __future__ import annotations

import json
import os
import random
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
START = time.perf_counter()


def build_gui_project(data: Path) -> Path:
    """One 300,000-character transcript with 2,000 segments of 30 codes; in a scaled
    data folder (bench --scale N: data/xN), added to that large study, so the window's
    panes and counts carry its 1,000 × N respondents and 100,000 × N segments."""
    import shutil

    from bench.generate import make_text
    from qdaw import Project

    path = data / "gui.qdaw"
    if path.exists():
        return path
    scaled = data.name.startswith("x") and (data / "large.qdaw").exists()
    partial = data / "gui.partial.qdaw"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    if scaled:
        shutil.copy(data / "large.qdaw", partial)
    rng = random.Random(17)
    text = make_text(rng, 52_000)[:300_000]
    with Project.open(partial) if scaled else Project.create(partial) as project:
        project.add_document("long interview", text, case="R1")
        project.add_document("short", "Une autre réponse.", case="R2")
        with project.batch("codes"):
            if scaled:  # the study's own codes (hypotheses, categories, counts)
                codes = [c for c in project.codes() if c.parent is not None][:30]
            else:
                codes = [project.add_code(f"Code {i + 1}") for i in range(30)]
            for _ in range(2000):
                start = rng.randrange(0, len(text) - 700)
                project.code_segment(
                    "long interview", start, start + rng.randint(50, 600), rng.choice(codes)
                )
        with project.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.rename(path)
    return path


def _window(path: Path):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from qdaw.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.resize(1400, 900)
    window.open_project(str(path))
    window.show()
    app.processEvents()
    return app, window


def _paint(app, window) -> None:  # type: ignore[no-untyped-def]
    window.document.text_view.viewport().repaint()
    window.document.margin.repaint()
    app.processEvents()


def _settle(app, window) -> None:  # type: ignore[no-untyped-def]
    """Until the panes that count in the background (a large study) have their counts."""
    from qdaw.gui.workers import QThreadPool

    deadline = time.perf_counter() + 120
    while time.perf_counter() < deadline and (
        window.codebook.model.loading
        or window.hypotheses.model.loading
        or QThreadPool.globalInstance().activeThreadCount()
    ):
        app.processEvents()
        time.sleep(0.01)


def open_document(data: Path) -> dict[str, float]:
    app, window = _window(build_gui_project(data))
    project = window.session.require()
    long_id = project.document("long interview").id
    short_id = project.document("short").id
    times = []
    for _ in range(5):
        window.open_document(short_id)
        _paint(app, window)
        start = time.perf_counter()
        window.open_document(long_id)
        _paint(app, window)
        times.append(time.perf_counter() - start)
    return {
        "seconds_s": sorted(times)[2],
        "characters": len(window.document.text),
        "segments": len(window.document.rows),
        "stripes_painted": window.document.margin.last_painted,
        "lanes": window.document.margin.layout_.lane_count,
    }


def apply_code(data: Path) -> dict[str, float]:
    import shutil
    import tempfile

    from qdaw.core.text_units import snap_to_words

    copy = Path(tempfile.mkdtemp()) / "gui.qdaw"
    shutil.copy(build_gui_project(data), copy)  # the shared bench project stays as built
    app, window = _window(copy)
    project = window.session.require()
    window.open_document(project.document("long interview").id)
    _paint(app, window)
    _settle(app, window)
    code_id = window.document.rows[0].code_id  # a code of the transcript's
    times = []
    for i in range(21):
        start = 1000 + i * 3000
        window.document.select_range(*snap_to_words(window.document.text, start, start + 120))
        before = window.codebook.model.counts.get(code_id, (0, 0))[0]
        begin = time.perf_counter()
        window.coding.apply([code_id])
        _paint(app, window)
        times.append(time.perf_counter() - begin)
        assert window.codebook.model.counts[code_id][0] == before + 1
    times.sort()
    return {
        "seconds_s": times[len(times) // 2],
        "p95_s": times[int(len(times) * 0.95)],
        "segments": len(window.document.rows),
    }


def scroll(data: Path) -> dict[str, float]:
    app, window = _window(build_gui_project(data))
    project = window.session.require()
    window.open_document(project.document("long interview").id)
    _paint(app, window)
    bar = window.document.text_view.verticalScrollBar()
    times, painted = [], []
    for step in range(1, 21):
        bar.setValue(step * bar.pageStep())
        begin = time.perf_counter()
        _paint(app, window)
        times.append(time.perf_counter() - begin)
        painted.append(window.document.margin.last_painted)
    return {
        "repaint_s": sorted(times)[10],
        "stripes_painted_median": sorted(painted)[10],
        "segments": len(window.document.rows),
    }


def open_large(data: Path) -> dict[str, float]:
    """From the start of this process to the window showing the large study (× the
    scale) with its first document open and painted, imports included."""
    from PySide6.QtWidgets import QApplication

    from qdaw.gui.app import create_window

    window = create_window(str(data / "large.qdaw"), "en")
    app = QApplication.instance()
    project = window.session.require()  # type: ignore[attr-defined]
    window.open_document(project.document_rows()[0].id)  # type: ignore[attr-defined]
    _paint(app, window)
    return {
        "seconds_s": time.perf_counter() - START,
        "respondents": window.cases.model.rowCount(),  # type: ignore[attr-defined]
    }


def startup(data: Path) -> dict[str, float]:
    """From the start of this process to the sample open and painted (imports included)."""
    from qdaw.sample import SAMPLE_SOURCES, build_sample

    sample = data / "sample.qdaw"
    if not sample.exists():
        build_sample(sample, SAMPLE_SOURCES)
    from PySide6.QtWidgets import QApplication

    from qdaw.gui.app import create_window

    window = create_window(str(sample), "en")
    app = QApplication.instance()
    _paint(app, window)
    return {"seconds_s": time.perf_counter() - START, "segments": len(window.document.rows)}  # type: ignore[attr-defined]


def index_responsive(data: Path) -> dict[str, float]:
    """The window while 20 transcripts (42,000 words) are indexed on a worker thread: a
    10 ms timer on the GUI thread measures how late the event loop serves it, and the
    window is repainted as a user scrolling would."""
    import shutil
    import tempfile

    from PySide6.QtCore import QTimer

    from qdaw import Project
    from qdaw.nlp.pipeline import pipeline

    pipeline("fr")  # the model loads once per process; the window shows meanwhile
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "index.qdaw"
        with Project.create(path) as project:
            project.import_files(sorted((data / "transcripts").glob("*.txt"))[:20])
            project.set_language("fr")
        app, window = _window(path)
        # The project was opened a moment ago: its first analysis (pandas' import,
        # ~1 s) is part of opening, not of indexing.
        settle = time.perf_counter() + 2
        while time.perf_counter() < settle:
            app.processEvents()
            time.sleep(0.01)
        gaps: list[float] = []
        paints: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            _paint(app, window)
            # A frozen window is a late tick or a slow repaint: count both.
            paints.append(time.perf_counter() - now)
            last[0] = time.perf_counter()

        done: list[int] = []
        timer = QTimer()
        timer.timeout.connect(tick)
        timer.start(10)
        worker = window.index_text()
        worker.signals.finished.connect(done.append)
        start = time.perf_counter()
        while not done:
            app.processEvents()
            time.sleep(0.001)
        elapsed = time.perf_counter() - start
        timer.stop()
        window.close()
        shutil.rmtree(tmp, ignore_errors=True)
    gaps.sort()
    paints.sort()
    return {
        "paint_p95_s": paints[int(len(paints) * 0.95)],
        "paint_max_s": paints[-1],
        "seconds_s": elapsed,
        "documents": done[0],
        "ticks": len(gaps),
        "gap_median_s": gaps[len(gaps) // 2],
        "gap_p95_s": gaps[int(len(gaps) * 0.95)],
        "gap_max_s": gaps[-1],
    }


WRITER = r"""
import sys, time
from qdaw import Project
path, count = sys.argv[1], int(sys.argv[2])
with Project.open(path, coder="Ben") as p:
    doc = p.document("short")
    for i in range(count):
        time.sleep(0.4)
        p.code_segment(doc, 0, 5, p.codes()[i % 30])
        print(time.time(), flush=True)  # committed when code_segment returns
"""


def live_refresh(data: Path) -> dict[str, float]:
    """Another process codes 20 passages, one every 0.4 s; how long until the open
    window shows each (the segment in the transcript)."""
    import shutil
    import subprocess
    import tempfile
    import threading

    copy = Path(tempfile.mkdtemp()) / "gui.qdaw"  # the shared study stays as it is
    shutil.copy(build_gui_project(data), copy)
    app, window = _window(copy)
    project = window.session.require()
    window.open_document(project.document("short").id)
    _paint(app, window)
    seen: dict[int, float] = {}
    start_rows = len(window.document.rows)

    def on_change(_event: object) -> None:
        shown = len(window.document.rows) - start_rows
        if shown and shown not in seen:
            seen[shown] = time.time()

    window.session.changed.connect(on_change)
    count = 20
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(copy), str(count)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    committed: list[float] = []

    def read() -> None:
        assert writer.stdout is not None
        committed.extend(float(line) for line in writer.stdout)

    reader = threading.Thread(target=read)
    reader.start()
    deadline = time.time() + 60
    while (writer.poll() is None or len(seen) < count) and time.time() < deadline:
        app.processEvents()
        time.sleep(0.005)
    reader.join()
    # Rows are counted after each refresh: a refresh may show two codings at once.
    delays = sorted(seen[n] - committed[n - 1] for n in seen if n <= len(committed))
    return {
        "seconds_s": delays[len(delays) // 2],
        "p95_s": delays[int(len(delays) * 0.95)],
        "max_s": delays[-1],
        "codings_seen": len(seen),
    }


TASKS = {
    "gui_live_refresh": live_refresh,
    "gui_open_document": open_document,
    "gui_apply_code": apply_code,
    "gui_scroll": scroll,
    "gui_startup": startup,
    "gui_open_large": open_large,
    "gui_index_responsive": index_responsive,
}

if __name__ == "__main__":
    name, folder = sys.argv[1], Path(sys.argv[2])
    figures = TASKS[name](folder)
    figures["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(figures))
