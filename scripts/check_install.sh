#!/usr/bin/env bash
# Proof that qdaw installs like a desktop application: build the wheel, install it with
# pip into a clean virtual environment (no repository on the path), then run what a
# researcher would: `qdaw --version`, the sample study, the workbench (on a virtual
# screen when xvfb-run is there, else Qt's offscreen platform), the menu entry.
#   scripts/check_install.sh            # uses .venv/bin/python (it has `build`) to build
#   PYTHON=/path/python scripts/check_install.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
started=$SECONDS
step() { printf '\n== %s (%ss)\n' "$1" $((SECONDS - started)); }
fail() { echo "check_install: FAILED: $*" >&2; exit 1; }

step "build the wheel"
"$PYTHON" -m build --wheel --outdir "$WORK/dist" . >"$WORK/build.log" 2>&1 ||
  { cat "$WORK/build.log"; fail "python -m build"; }
if grep -n -i -E "deprecat|warning:.*(license|package would be ignored)" "$WORK/build.log" |
  grep -v "byte-compiling is disabled"; then
  fail "the build printed the warnings above"
fi
wheel=$(ls "$WORK"/dist/qdaw-*.whl)
echo "$(basename "$wheel"): $(du -k "$wheel" | cut -f1) kB"

step "the wheel holds every file the repository ships"
if git rev-parse --git-dir >/dev/null 2>&1; then
  files=$(git ls-files qdaw resources sample_projects/referents)
else  # an unpacked copy: every file but caches
  files=$(find qdaw resources sample_projects/referents -type f -not -path "*/__pycache__/*")
fi
echo "$files" | "$PYTHON" -c '
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
moved = {"resources/": "qdaw/_resources/", "sample_projects/referents/": "qdaw/_sample/"}
missing = []
for line in sys.stdin:
    path = line.strip()
    for old, new in moved.items():
        if path.startswith(old):
            path = new + path[len(old):]
    if path not in names:
        missing.append(path)
if missing:
    raise SystemExit("missing from the wheel: " + ", ".join(missing))
print(f"{len(names)} files, none missing")
' "$wheel"

step "install into a clean virtual environment"
python3 -m venv "$WORK/venv"
# A current pip: installing took 60-84 s here, 107-118 s with the pip bundled with 3.11.
"$WORK/venv/bin/python" -m pip install --quiet --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
install_started=$SECONDS
"$WORK/venv/bin/python" -m pip install --quiet "$wheel" 2>&1 | grep -v "^WARNING: Location" || true
echo "pip install: $((SECONDS - install_started)) s, environment $(du -sm "$WORK/venv" | cut -f1) MB"
"$WORK/venv/bin/python" -m pip check

cd "$WORK"  # from here on, nothing may come from the repository
export XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data
QDAW=$WORK/venv/bin/qdaw

step "qdaw --version"
version=$("$QDAW" --version)
expected=$(cd "$ROOT" && "$PYTHON" -c 'import qdaw; print("qdaw", qdaw.__version__)')
[ "$version" = "$expected" ] || fail "qdaw --version printed '$version', not '$expected'"
echo "$version"

step "lean: no spacy-lookups-data, no PostgreSQL driver, and a clear message for a server"
"$WORK/venv/bin/python" -m pip show --quiet spacy-lookups-data >/dev/null 2>&1 &&
  fail "spacy-lookups-data is installed"
"$WORK/venv/bin/python" -c 'import psycopg' 2>/dev/null && fail "psycopg is installed"
if "$QDAW" codes "postgresql+psycopg://qdaw@127.0.0.1:9/study" 2>"$WORK/pg.err"; then
  fail "opening a PostgreSQL project without its driver succeeded"
fi
grep -q "qdaw\[postgres\]" "$WORK/pg.err" || { cat "$WORK/pg.err"; fail "no advice to install qdaw[postgres]"; }
cat "$WORK/pg.err"

step "English lemmas from the shipped table"
"$WORK/venv/bin/python" -c '
from qdaw.nlp.pipeline import pipeline
lemmas = [t.lemma_ for t in pipeline("en")("The children went running to studies.")]
assert lemmas == ["The", "child", "go", "run", "to", "study", "."], lemmas
print(lemmas)
'

step "the sample study from the installed sources"
"$WORK/venv/bin/python" -c '
import sys
from qdaw.sample import SAMPLE_SOURCES, build_sample
assert "site-packages" in str(SAMPLE_SOURCES), SAMPLE_SOURCES
build_sample(sys.argv[1])
print("built", sys.argv[1], "from", SAMPLE_SOURCES)
' "$WORK/referents.qdaw"

step "the workbench opens the sample and paints its window"
gui=("$QDAW" gui "$WORK/referents.qdaw")
if command -v xvfb-run >/dev/null; then
  gui=(xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb "${gui[@]}")
else
  export QT_QPA_PLATFORM=offscreen
fi
status=0
gui_started=$SECONDS
QDAW_QUIT_AFTER_FIRST_PAINT=1 timeout 120 "${gui[@]}" >"$WORK/gui.out" 2>"$WORK/gui.err" || status=$?
cat "$WORK/gui.out" "$WORK/gui.err"
if [ "$status" -gt 128 ]; then
  fail "qdaw gui was killed by signal $((status - 128)) after $((SECONDS - gui_started)) s" \
    "(the check's own timeout is 120 s)"
fi
[ "$status" -eq 0 ] || fail "qdaw gui exited with status $status"
grep -q "Traceback" "$WORK/gui.err" && fail "qdaw gui printed a traceback"
grep -q "^qdaw: painted referents" "$WORK/gui.out" || fail "the window did not show the sample"

step "qdaw install-desktop"
"$QDAW" install-desktop
entry=$XDG_DATA_HOME/applications/qdaw.desktop
grep -qx "Exec=$QDAW gui %f" "$entry" || fail "$entry does not start $QDAW"
for size in 16 32 48 64 128 256; do
  [ -s "$XDG_DATA_HOME/icons/hicolor/${size}x${size}/apps/qdaw.png" ] || fail "no ${size} px icon"
done

step "all good"
echo "check_install: passed in $((SECONDS - started)) s"
