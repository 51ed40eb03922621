"""The linter the README's test command runs first (ruff, pyflakes rules): a name that is not
defined, an import nobody uses. A NameError must never reach a helper's screen."""

import subprocess
import sys

from .conftest import ROOT


def test_ruff_finds_nothing():
    out = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", "."],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr


def test_the_test_command_runs_ruff_before_pytest():
    script = (ROOT / "liftdesk.sh").read_text(encoding="utf-8")
    test_branch = script[script.index("  test)"):]
    assert test_branch.index("-m ruff check") < test_branch.index("-m pytest")
