#!/usr/bin/env bash
# Builds the one-folder frozen app into dist/LiftDesk and smoke-tests it with no Python on PATH.
#   packaging/build.sh            (uses .venv, set up by ./liftdesk.sh; adds the "build" extra)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${LIFTDESK_VENV:-$(pwd)/.venv}
[ -x "$VENV/bin/python" ] || { echo "no $VENV: run ./liftdesk.sh test first" >&2; exit 1; }
# Only the "build" extra of pyproject.toml (PyInstaller), into the venv, never the system Python.
"$VENV/bin/python" -c "import PyInstaller" 2>/dev/null || "$VENV/bin/python" -m pip install -q \
  --disable-pip-version-check $("$VENV/bin/python" -c "import tomllib; print(' '.join( \
  tomllib.load(open('pyproject.toml', 'rb'))['project']['optional-dependencies']['build']))")
start=$(date +%s)
"$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/liftdesk.spec
echo "built dist/LiftDesk in $(( $(date +%s) - start )) s, $(du -sh dist/LiftDesk | cut -f1)"

# Smoke test: no Python on PATH, a throwaway home, the offscreen platform.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
env -i PATH=/nonexistent HOME="$tmp" LIFTDESK_DATA_DIR="$tmp/data" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
  dist/LiftDesk/LiftDesk --screenshot "$tmp/first.png" >/dev/null
env -i PATH=/nonexistent HOME="$tmp" LIFTDESK_DATA_DIR="$tmp/data" LANG=C.UTF-8 \
  dist/LiftDesk/LiftDesk --db "$tmp/data/liftdesk.db" info --json > "$tmp/info.json"
grep -q '"streets": 18' "$tmp/info.json"
# A street's batch: the frozen app forks its render workers as the source does.
street=$(env -i PATH=/nonexistent HOME="$tmp" LIFTDESK_DATA_DIR="$tmp/data" LANG=C.UTF-8 \
  dist/LiftDesk/LiftDesk --db "$tmp/data/liftdesk.db" units --json | grep -o '"street": "[^"]*"' | sed -n 1p | cut -d'"' -f4)
env -i PATH=/nonexistent HOME="$tmp" LIFTDESK_DATA_DIR="$tmp/data" LANG=C.UTF-8 \
  dist/LiftDesk/LiftDesk --db "$tmp/data/liftdesk.db" print consent-form --all "$street" -o "$tmp/batch"
[ "$(ls "$tmp/batch" | grep -c '\.pdf$')" -gt 50 ]
cp "$tmp/first.png" "${SMOKE_PNG:-dist/smoke-first-start.png}"
echo "smoke test passed: first start built the demo, painted the window, CLI info answered, $street printed"
