#!/usr/bin/env bash
# Builds the one-folder frozen app into dist/LiftDesk (two programs: LiftDesk, the app, and
# liftdesk-cli, the command line) and smoke-tests both with no Python on PATH.
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
echo "built dist/LiftDesk in $(( $(date +%s) - start )) s: $(du -sh dist/LiftDesk | cut -f1) in all;" \
  "LiftDesk $(du -h dist/LiftDesk/LiftDesk | cut -f1), liftdesk-cli $(du -h dist/LiftDesk/liftdesk-cli | cut -f1)"

# Smoke test: no Python on PATH, a throwaway home, the offscreen platform.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bare() { env -i PATH=/nonexistent HOME="$tmp" LIFTDESK_DATA_DIR="$tmp/data" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"; }
# The app's first start with nobody to ask (--screenshot): the demo in its own file, with progress.
# No LANG at all, as a program started from a desktop may get: Qt's locale warning stays unseen.
env -i PATH=/nonexistent HOME="$tmp" LIFTDESK_DATA_DIR="$tmp/data" QT_QPA_PLATFORM=offscreen \
  dist/LiftDesk/LiftDesk --screenshot "$tmp/first.png" 2> "$tmp/first.err" >/dev/null
grep -q "100%" "$tmp/first.err"
if grep "propagateSizeHints\|UTF-8 locale" "$tmp/first.err"; then echo "Qt's noise reached the user" >&2; exit 1; fi
bare dist/LiftDesk/LiftDesk --screenshot "$tmp/ask.png" --page first-start >/dev/null
demo="$tmp/data/演示数据.db"
# The console program answers, names the demo as such, and never opens the window without a command.
bare dist/LiftDesk/liftdesk-cli --db "$demo" info --json > "$tmp/info.json"
grep -q '"streets": 18' "$tmp/info.json" && grep -q '"demo": true' "$tmp/info.json"
cat "$tmp/info.json"
if bare dist/LiftDesk/liftdesk-cli > "$tmp/help.txt" 2>&1; then echo "liftdesk-cli with no command should list the commands and exit 2" >&2; exit 1; fi
grep -q "station-init" "$tmp/help.txt"
# A street's batch: the frozen app forks its render workers as the source does.
street=$(bare dist/LiftDesk/liftdesk-cli --db "$demo" units --json | grep -o '"street": "[^"]*"' | sed -n 1p | cut -d'"' -f4)
bare dist/LiftDesk/liftdesk-cli --db "$demo" print consent-form --all "$street" -o "$tmp/batch"
[ "$(ls "$tmp/batch" | grep -c '\.pdf$')" -gt 50 ]
# compressed backups (zstandard) and an encrypted station (SQLCipher) work in the frozen build too
bare dist/LiftDesk/liftdesk-cli --db "$demo" backup -o "$tmp/demo.db.zst"
bare dist/LiftDesk/liftdesk-cli --db "$demo" restore "$tmp/demo.db.zst" --dry-run > /dev/null
"$VENV/bin/python" - "$tmp/station.db" <<'PY'
import sys
sys.path.insert(0, ".")
from liftdesk.people import accounts
from liftdesk.store import open_store
store = open_store(sys.argv[1])
accounts.add_account(store, "wang", "secret-1")
accounts.set_lock(store, True, 10, {"wang": "secret-1"})
store.close()
PY
printf 'secret-1' > "$tmp/pw" && chmod 600 "$tmp/pw"
bare dist/LiftDesk/liftdesk-cli --db "$tmp/station.db" --user wang --password-file "$tmp/pw" info --json > "$tmp/enc.json"
if bare dist/LiftDesk/liftdesk-cli --db "$tmp/station.db" info --json < /dev/null > /dev/null 2>&1; then
  echo "an encrypted database answered without a login" >&2; exit 1
fi
cp "$tmp/first.png" "${SMOKE_PNG:-dist/smoke-first-start.png}"
cp "$tmp/ask.png" "${SMOKE_ASK_PNG:-dist/smoke-first-start-question.png}"
echo "smoke test passed: first start built the demo and painted the window, liftdesk-cli info answered, $street printed, a compressed backup made and read, an encrypted station opened after a login"
