"""A large synthetic study, generated deterministically (same seed, same study)."""

from __future__ import annotations

import random
import re
from collections import Counter
from functools import cache
from itertools import accumulate
from pathlib import Path

from qdaw import Project

SAMPLE_TRANSCRIPTS = (
    Path(__file__).resolve().parent.parent / "sample_projects" / "referents" / "transcripts"
)
_LABEL = re.compile(r"(?m)^[^\n:]{1,40} : ")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@cache
def vocabulary() -> tuple[list[str], list[float]]:
    """The words of the sample interviews with their cumulative frequencies: generated
    transcripts then have the word frequencies of real French interviews on the
    subject (function words common, a long tail of content words), so a search for a
    content word returns as many hits as it would in a real study of this size."""
    counts = Counter(
        word.lower()
        for path in sorted(SAMPLE_TRANSCRIPTS.glob("*.txt"))
        # Without the speaker labels (Q :, R :), which make_text writes itself.
        for word in _WORD.findall(_LABEL.sub("", path.read_text(encoding="utf-8")))
    )
    words = sorted(counts, key=lambda w: (-counts[w], w))
    return words, list(accumulate(counts[w] for w in words))


def make_text(rng: random.Random, words: int) -> str:
    """Interview-like text: Q/R turns of sentences of 8-25 words."""
    vocab, cumulative = vocabulary()
    out: list[str] = []
    count = 0
    turn = 0
    while count < words:
        speaker = "Q : " if turn % 2 == 0 else "R : "
        sentences = []
        for _ in range(rng.randint(1, 6)):
            n = rng.randint(8, 25)
            chosen = rng.choices(vocab, cum_weights=cumulative, k=n)
            sentences.append(" ".join(chosen).capitalize() + ".")
            count += n
        out.append(speaker + " ".join(sentences))
        turn += 1
    return "\n".join(out)


def write_transcripts(folder: Path, documents: int, words_each: int, seed: int = 7) -> int:
    """Write ``documents`` .txt files; returns the number of words written."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    total = 0
    for i in range(documents):
        text = make_text(rng, words_each)
        total += len(text.split())
        (folder / f"case{i:04d}.txt").write_text(text, encoding="utf-8")
    return total


def write_docx(folder: Path, documents: int, words_each: int, seed: int = 11) -> int:
    import docx

    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    total = 0
    for i in range(documents):
        document = docx.Document()
        text = make_text(rng, words_each)
        total += len(text.split())
        for line in text.split("\n"):
            document.add_paragraph(line)
        document.save(str(folder / f"case{i:04d}.docx"))
    return total


def write_pdfs(folder: Path, documents: int, pages_each: int, seed: int = 13) -> int:
    """PDFs of ``pages_each`` pages of 40 lines, a header and a page number on each
    (reportlab, a development dependency); returns the number of pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for i in range(documents):
        pdf = canvas.Canvas(str(folder / f"case{i:04d}.pdf"), pagesize=A4)
        words = make_text(rng, pages_each * 40 * 11).split()
        for page in range(pages_each):
            pdf.setFont("Helvetica", 10)
            pdf.drawString(72, 800, f"Entretien {i} — transcription")
            for line in range(40):
                start = (page * 40 + line) * 11
                pdf.drawString(72, 760 - line * 16, " ".join(words[start : start + 11]))
            pdf.drawString(290, 30, str(page + 1))
            pdf.showPage()
        pdf.save()
    return documents * pages_each


def write_vtt(folder: Path, documents: int, words_each: int, seed: int = 17) -> int:
    """WebVTT files of cues of about 12 words, two voices taking turns every few cues;
    returns the number of words."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    total = 0
    for i in range(documents):
        words = make_text(rng, words_each).split()
        total += len(words)
        lines = ["WEBVTT", ""]
        for cue, start in enumerate(range(0, len(words), 12)):
            seconds = cue * 4
            speaker = "Enquêteur" if cue // 3 % 2 == 0 else f"Répondant {i}"
            lines += [
                str(cue + 1),
                f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}.000 --> "
                f"{(seconds + 4) // 3600:02d}:{(seconds + 4) % 3600 // 60:02d}:"
                f"{(seconds + 4) % 60:02d}.000",
                f"<v {speaker}>{' '.join(words[start : start + 12])}</v>",
                "",
            ]
        (folder / f"case{i:04d}.vtt").write_text("\n".join(lines), encoding="utf-8")
    return total


def write_variables(path: Path, cases: list[str], seed: int = 3) -> None:
    rng = random.Random(seed)
    lines = ["case,discipline,seniority,site"]
    for name in cases:
        discipline = rng.choice(["sciences", "SHS", "santé", "droit"])
        lines.append(f"{name},{discipline},{rng.randint(1, 30)},{rng.choice(['A', 'B', 'C'])}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def add_codebook(project: Project, codes: int = 300, hypotheses: int = 20) -> list[int]:
    """30 categories with 9 sub-codes each (300 codes), linked to ``hypotheses``."""
    rng = random.Random(5)
    ids: list[int] = []
    with project.batch("Codebook"):
        labels = [
            project.add_hypothesis(f"H{i + 1}", f"Hypothèse {i + 1}") for i in range(hypotheses)
        ]
        parents = codes // 10
        for p in range(parents):
            parent = project.add_code(f"Catégorie {p + 1}")
            ids.append(parent.id)
            for c in range(codes // parents - 1):
                child = project.add_code(f"Code {p + 1}.{c + 1}", parent=parent)
                project.link_code(child, rng.choice(labels))
                ids.append(child.id)
    return ids


def segment_plan(project: Project, count: int, seed: int = 9) -> list[tuple[int, int, int, int]]:
    """(document id, start, end, code id) for ``count`` segments."""
    rng = random.Random(seed)
    lengths = {d.id: len(d.text) for d in project.documents()}
    documents = list(lengths)
    codes = [c.id for c in project.codes()]
    plan = []
    for _ in range(count):
        doc = rng.choice(documents)
        start = rng.randrange(0, lengths[doc] - 500)
        plan.append((doc, start, start + rng.randint(40, 400), rng.choice(codes)))
    return plan


def code_segments(project: Project, plan: list[tuple[int, int, int, int]]) -> None:
    coders = ["ann", "bob", "chloé"]
    with project.batch(f"Code {len(plan)} segments"):
        for i, (doc, start, end, code) in enumerate(plan):
            project.code_segment(doc, start, end, code, coder=coders[i % 3])


def build_large_study(
    folder: Path, documents: int = 1000, words_each: int = 2000, segments: int = 100_000
) -> Path:
    """The large study: 1,000 documents of ~2,000 words, 300 codes, 100,000 segments
    (× the scale: ``documents`` and ``segments`` grow together)."""
    path = folder / "large.qdaw"
    if path.exists():
        return path
    texts = folder / "transcripts"
    if not texts.exists():
        write_transcripts(texts, documents, words_each)
    partial = folder / "large.partial.qdaw"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    with Project.create(partial) as project:
        report = project.import_files([texts])
        assert not report.failures
        write_variables(folder / "variables.csv", [c.name for c in project.cases()])
        project.import_variables(folder / "variables.csv")
        add_codebook(project)
        code_segments(project, segment_plan(project, segments))
        with project.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.rename(path)
    return path
