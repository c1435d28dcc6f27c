"""A second writer on the same project: another Project object, or another process.

``Writer.run(code)`` runs Python with ``p`` bound to the project opened as that coder
and returns the value the code leaves in ``result`` (JSON-able). In process mode each
call is a fresh interpreter that opens the project, runs the code and closes it, as a
colleague's qdaw would; its undo history comes from the project's log.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

from qdaw import Project

SCRIPT = r"""
import json, sys
from qdaw import Project
target, coder, code = sys.argv[1:4]
p = Project.open(target, coder=coder)
scope = {"p": p, "result": None}
try:
    exec(code, scope)
    out = {"ok": True, "result": scope["result"]}
except Exception as exc:
    out = {"ok": False, "error": type(exc).__name__, "message": str(exc)}
finally:
    p.close()
print(json.dumps(out, default=str))
"""


class Writer:
    def __init__(self, target: str, coder: str, mode: str) -> None:
        self.target, self.coder, self.mode = target, coder, mode
        self.project = Project.open(target, coder=coder) if mode == "object" else None

    def attempt(self, code: str) -> dict[str, Any]:
        """The outcome: {"ok": True, "result": …} or {"ok": False, "error", "message"}."""
        if self.project is not None:
            scope: dict[str, Any] = {"p": self.project, "result": None}
            try:
                exec(code, scope)
            except Exception as exc:
                return {"ok": False, "error": type(exc).__name__, "message": str(exc)}
            return {"ok": True, "result": json.loads(json.dumps(scope["result"], default=str))}
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT, self.target, self.coder, code],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        return dict(json.loads(done.stdout.strip().splitlines()[-1]))

    def run(self, code: str) -> Any:
        outcome = self.attempt(code)
        assert outcome["ok"], f"{self.coder}: {outcome['error']}: {outcome['message']}"
        return outcome["result"]

    def close(self) -> None:
        if self.project is not None:
            self.project.close()


def start(target: str, coder: str, code: str) -> subprocess.Popen[str]:
    """A writer process running ``code`` now, alongside this one (see ``finish``)."""
    return subprocess.Popen(
        [sys.executable, "-c", SCRIPT, target, coder, code],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen[str], timeout: float = 300) -> dict[str, Any]:
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, err
    return dict(json.loads(out.strip().splitlines()[-1]))
