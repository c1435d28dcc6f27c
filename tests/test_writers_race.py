"""Writers at the same moment: they queue, none fails, the same new name is made once."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from qdaw import Project
from tests.other_writer import finish, start

ROUNDS = 25

# Both processes wait for the same moment, then race through the same names.
RACE = """
import time
from qdaw import ConflictError
while time.time() < {at}:
    time.sleep(0.005)
refused = 0
for i in range({rounds}):
    code, _ = p.code_or_new(f"Emergent/{{i}}")
    p.code_segment("d", 0, 5, code)
    p.add_document(f"{{p.coder}}-{{i}}", "Texte de l'entretien.", case=f"R{{i}}")
    try:
        p.add_code(f"Explicit {{i}}")
    except ConflictError as exc:
        assert "already exists" in str(exc), exc
        refused += 1
result = refused
"""


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "study.qdaw")
    return str(request.getfixturevalue("pg_url"))


def test_two_processes_creating_the_same_names(target: str) -> None:
    with Project.create(target, coder="Ana") as p:
        p.add_document("d", "Alpha one. Alpha two.", case="R0")
    script = RACE.format(at=time.time() + 2.0, rounds=ROUNDS)
    outcomes = [finish(w) for w in [start(target, c, script) for c in ("Ana", "Ben")]]
    assert all(o["ok"] for o in outcomes), outcomes
    with Project.open(target) as p:
        emergent = p.codes(parent="Emergent")
        assert sorted(c.name for c in emergent) == sorted(str(i) for i in range(ROUNDS))
        assert len(p.segments()) == 2 * ROUNDS
        # R0 existed; each other name was made once, by whichever writer came first.
        assert sorted(c.name for c in p.cases()) == sorted(f"R{i}" for i in range(ROUNDS))
        assert len(p.documents()) == 1 + 2 * ROUNDS
        explicit = [c for c in p.codes() if c.name.startswith("Explicit")]
        assert len(explicit) == ROUNDS
        assert sum(o["result"] for o in outcomes) == ROUNDS  # each name refused once
