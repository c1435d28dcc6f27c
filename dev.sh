#!/usr/bin/env bash
# Everyday commands. The first call sets up .venv (Python >= 3.11, from PyPI); later calls reuse it.
#   ./dev.sh run    build the sample project (once) and open it in the workbench
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
    [ -f sample_projects/referents.qdaw ] || python sample_projects/build_sample.py
    exec qdaw gui sample_projects/referents.qdaw "$@"
    ;;
  screenshots)
    setup
    for size in 1366x768 1920x1080; do  # the window as it first opens on each screen
      xvfb-run -a -s "-screen 0 ${size}x24" env QT_QPA_PLATFORM=xcb python scripts/screenshots.py first-run
    done
    xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb python scripts/screenshots.py fr
    exec xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb python scripts/screenshots.py "$@"
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
    echo "usage: ./dev.sh run | test [pytest args] | bench [args] | screenshots" >&2
    exit 2
    ;;
esac
