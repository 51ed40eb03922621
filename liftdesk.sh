#!/usr/bin/env bash
# One entry point for a fresh machine:
#   ./liftdesk.sh app [ARGS]  |  ./liftdesk.sh cli ARGS  |  ./liftdesk.sh test [PYTEST ARGS]
# app and cli run in the caller's folder, so relative paths (--db 站.db, -o out.pdf) mean what they
# say; only `test` changes into the repository.
#
# Debian 12 and Ubuntu 24.04 mark their python3 "externally managed" (PEP 668): pip refuses to
# install into it. So this script never touches the system Python: it makes a project virtual
# environment in .venv (installing python3-venv first when `python3 -m venv` is missing), installs
# LiftDesk and its dependencies there, and reinstalls them whenever pyproject.toml changes.
#
# Settings (environment): PYTHON  the interpreter that creates the venv (default: python3)
#                         LIFTDESK_VENV  where the venv lives (default: .venv in this folder)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PY=${PYTHON:-python3}
VENV=${LIFTDESK_VENV:-$HERE/.venv}
EXTRAS=test
STAMP="$VENV/.liftdesk-deps"

# Qt offscreen + xcb libraries, PDF tools for the tests, Xvfb for a real X screen, and one Latin
# system font (the CJK font is bundled in resources/fonts).
DEBIAN_PACKAGES="libglib2.0-0 libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3 poppler-utils \
  xvfb xauth libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1 fonts-dejavu-core"

say() { echo "liftdesk.sh: $*" >&2; }
die() { say "$*"; exit 1; }

# Runs a command as root: directly when we are root, else through sudo (saying so).
as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    say "needs root for: $*  (running it with sudo)"
    sudo "$@"
  else
    return 1
  fi
}

APT_UPDATED=""
apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  if [ -z "$APT_UPDATED" ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

setup_system() {
  command -v dpkg >/dev/null 2>&1 || return 0
  local missing="" p
  for p in $DEBIAN_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  say "installing system packages:$missing"
  apt_install $missing || say "could not install them; please run: sudo apt-get install$missing"
}

# The Python that makes the venv: must be >= 3.11 and have a working venv module with ensurepip.
check_python() {
  command -v "$PY" >/dev/null 2>&1 || die "no '$PY' found; install Python >= 3.11 (Debian/Ubuntu: apt-get install python3)"
  "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || die "$("$PY" -V 2>&1) is too old; LiftDesk needs Python >= 3.11"
}

has_venv_module() { "$PY" -c 'import venv, ensurepip' >/dev/null 2>&1; }

setup_venv() {
  if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
    return 0
  fi
  check_python
  if ! has_venv_module; then
    local ver pkgs
    ver=$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    pkgs="python3-venv python$ver-venv"
    say "'$PY -m venv' is not available; installing $pkgs"
    apt_install $pkgs || apt_install python3-venv \
      || die "could not install python3-venv; please run: sudo apt-get install python3-venv"
    has_venv_module || die "'$PY -m venv' still fails after installing python3-venv"
  fi
  [ -e "$VENV" ] && { say "removing a broken virtual environment in $VENV"; rm -rf "$VENV"; }
  say "creating a virtual environment in $VENV with $("$PY" -V 2>&1) ($(command -v "$PY"))"
  "$PY" -m venv "$VENV"
}

deps_hash() {
  { cat "$HERE/pyproject.toml"; echo "extras=$EXTRAS"; "$VENV/bin/python" -V; } | sha256sum | cut -d' ' -f1
}

setup_python() {
  setup_venv
  local want have=""
  want=$(deps_hash)
  [ -f "$STAMP" ] && have=$(cat "$STAMP")
  if [ "$want" = "$have" ] && "$VENV/bin/python" -c "import PySide6.QtWidgets, PySide6.QtPdfWidgets, \
       sqlite_utils, reportlab, openpyxl, cryptography, pytest, pytestqt, hypothesis, xdist" >/dev/null 2>&1; then
    return 0
  fi
  if [ -z "$have" ]; then
    say "installing LiftDesk and its dependencies into $VENV (first run; a few minutes)"
  else
    say "pyproject.toml changed (or the venv is incomplete): updating the dependencies in $VENV"
  fi
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade -e "$HERE[$EXTRAS]" \
    || die "installing the dependencies failed (see pip's message above)"
  want=$(deps_hash)
  echo "$want" > "$STAMP"
  say "dependencies are up to date"
}

case "${1:-app}" in
  app)
    shift || true
    setup_system; setup_python
    exec "$VENV/bin/python" "$HERE/main.py" "$@" ;;
  cli)  # the command line alone needs no Qt system libraries
    shift || true
    [ $# -gt 0 ] || set -- --help
    setup_python
    exec "$VENV/bin/python" "$HERE/main.py" "$@" ;;
  test)
    shift || true
    cd "$HERE"
    setup_system; setup_python
    # the linter first (pyflakes rules: undefined names, unused imports): a name error fails the run
    "$VENV/bin/python" -m ruff check --quiet . || die "ruff found problems (above); fix them, then run the tests again"
    # One worker per core (LIFTDESK_TEST_WORKERS=0 runs serially; a later -n in ARGS wins).
    exec "$VENV/bin/python" -m pytest -q -n "${LIFTDESK_TEST_WORKERS:-auto}" --dist worksteal "$@" ;;
  *) echo "usage: ./liftdesk.sh app [ARGS] | ./liftdesk.sh cli ARGS | ./liftdesk.sh test [PYTEST ARGS]" >&2; exit 2 ;;
esac
