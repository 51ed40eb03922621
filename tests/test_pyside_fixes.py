"""PySide6 6.12.0 takes a reference from True on every Signal.emit() from Python; on Python 3.11
the app then aborted at exit after a street's batch ("bool_dealloc: deallocating True"). ui/ gives
the reference back where the bug is present."""

import subprocess
import sys

from PySide6.QtCore import QObject, Signal

import ui  # noqa: F401  (installs the fix)

from .conftest import ROOT


class Emitter(QObject):
    progress = Signal(int, int)


def test_emitting_signals_leaves_true_alone():
    emitter = Emitter()
    seen = []
    emitter.progress.connect(lambda done, total: seen.append(done))
    before = sys.getrefcount(True)
    for n in range(500):
        emitter.progress.emit(n, 500)
    assert len(seen) == 500
    assert abs(sys.getrefcount(True) - before) < 10


def test_a_process_that_sent_thousands_of_signals_exits_cleanly():
    script = ("import ui\nfrom PySide6.QtCore import QCoreApplication, QObject, Signal\n"
              "app = QCoreApplication([])\nclass E(QObject):\n    s = Signal(int)\n"
              "e = E()\nfor n in range(3000):\n    e.s.emit(n)\nprint('ok')\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-500:]
