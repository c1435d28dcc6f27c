"""Property: any mutation of a real transcript either imports as a document or fails
with ImportFailed (naming the file, a reason no reader failed to anticipate) in bounded
time, and a failure stores nothing. A short run here; ``python -m bench.import_fuzz``
runs thousands of files per format."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from bench.hostile_files import Mutation, apply, kinds_for, real_files
from qdaw import ImportFailed, Project
from tests.conftest import snapshot

# Hypothesis keeps caches in .hypothesis/ of the working directory: not in the repository.
set_hypothesis_home_dir(tempfile.mkdtemp(prefix="qdaw-hypothesis-"))
FORMATS = ("txt", "md", "docx", "odt", "rtf")
BASES = real_files()
SECONDS = 10  # per file; these are a few kB and take milliseconds
FUZZ = settings(
    max_examples=25,
    deadline=None,
    database=None,  # nothing written into the repository
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def fuzz_project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    folder = tmp_path_factory.mktemp("fuzz")
    with Project.create(folder / "fuzz.qdaw") as project:
        project.add_document("existant", "Un document déjà là.", case="A")
        yield project


def mutations(fmt: str) -> st.SearchStrategy[list[Mutation]]:
    one = st.builds(
        Mutation,
        st.sampled_from(kinds_for(fmt)),
        st.floats(0, 1, allow_nan=False),
        st.integers(0, 127),
        st.integers(0, 255),
    )
    return st.lists(one, min_size=1, max_size=3)


def check_import(project: Project, path: Path, data: bytes) -> None:
    path.write_bytes(data)
    before = snapshot(project)
    started = time.perf_counter()
    try:
        document = project.import_file(path, case="Fuzz")
    except ImportFailed as failure:
        assert failure.path == str(path)
        assert failure.reason and "unexpected" not in failure.reason, failure.reason
        assert snapshot(project) == before
    else:
        stored = project.document_text(document.id)
        assert stored == document.text and stored.strip()
        stored.encode("utf-8")  # no lone surrogate
        project.undo()
    assert time.perf_counter() - started < SECONDS


@pytest.mark.parametrize("fmt", FORMATS)
@FUZZ
@given(base=st.integers(0, 2), changes=st.data())
def test_mutated_files_import_or_fail_cleanly(
    fuzz_project: Project, tmp_path_factory: pytest.TempPathFactory, fmt: str, base: int, changes
) -> None:
    original = BASES[fmt][base % len(BASES[fmt])]
    data = apply(original, fmt, changes.draw(mutations(fmt)))
    check_import(fuzz_project, tmp_path_factory.getbasetemp() / f"mutated.{fmt}", data)


@pytest.mark.parametrize("fmt", FORMATS)
@FUZZ
@given(noise=st.binary(min_size=1, max_size=4096))
def test_arbitrary_bytes_import_or_fail_cleanly(
    fuzz_project: Project, tmp_path_factory: pytest.TempPathFactory, fmt: str, noise: bytes
) -> None:
    # Past the first check of each format: a zip signature, an RTF header.
    prefix = {"docx": b"PK\x03\x04", "odt": b"PK\x03\x04", "rtf": b"{\\rtf1 "}.get(fmt, b"")
    check_import(fuzz_project, tmp_path_factory.getbasetemp() / f"noise.{fmt}", prefix + noise)
