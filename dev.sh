#!/usr/bin/env bash
# Everyday commands. The first call sets up .venv (Python >= 3.11, from PyPI); later calls reuse it.
#   ./dev.sh run    build the sample project and show it
#   ./dev.sh test   run the whole test suite (extra arguments go to pytest)
#   ./dev.sh bench  run the benchmark suite
set -euo pipefail
cd "$(dirname "$0")"
VENV=${QDAW_VENV:-.venv}
PYTHON=${PYTHON:-python3}

setup() {
  if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
  fi
  local stamp
  stamp="$VENV/.installed-$(sha1sum pyproject.toml | cut -c1-12)"
  if [ ! -f "$stamp" ]; then
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -e '.[dev]'
    touch "$stamp"
  fi
  export PATH="$PWD/$VENV/bin:$PATH"
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
  run)
    setup
    python sample_projects/build_sample.py
    qdaw report sample_projects/referents.qdaw
    ;;
  test)
    setup
    exec python -m pytest "$@"
    ;;
  bench)
    setup
    exec python -m bench "$@"
    ;;
  *)
    echo "usage: ./dev.sh run | test [pytest args] | bench [args]" >&2
    exit 2
    ;;
esac
