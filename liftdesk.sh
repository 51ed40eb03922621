#!/usr/bin/env bash
# One entry point for a fresh machine:  ./liftdesk.sh app   |   ./liftdesk.sh test
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}

DEBIAN_PACKAGES="libglib2.0-0 libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3 poppler-utils \
  xvfb xauth libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1"

setup_system() {
  command -v dpkg >/dev/null 2>&1 || return 0
  local missing=""
  for p in $DEBIAN_PACKAGES; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ]; then
    echo "Installing system packages:$missing"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  else
    echo "Missing system packages (install with sudo apt-get install):$missing" >&2
  fi
}

setup_python() {
  if ! "$PY" -c "import PySide6.QtWidgets, PySide6.QtPdfWidgets, sqlite_utils, reportlab, _rl_accel, openpyxl, cryptography, pytest, pytestqt, hypothesis, liftdesk" 2>/dev/null \
     || ! "$PY" -m pip show -q liftdesk >/dev/null 2>&1; then
    "$PY" -m pip install -q --disable-pip-version-check -e ".[test]"
  fi
}

case "${1:-app}" in
  app)
    setup_system; setup_python
    shift || true
    exec "$PY" main.py "$@" ;;
  test)
    setup_system; setup_python
    shift || true
    exec "$PY" -m pytest -q "$@" ;;
  *) echo "usage: ./liftdesk.sh app|test" >&2; exit 2 ;;
esac
