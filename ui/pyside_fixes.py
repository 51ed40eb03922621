"""Work-arounds for bugs in the PySide6 we may run on. Each one measures the bug at start and acts
only where it is present, so a fixed PySide6 runs untouched."""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    fired = Signal(int)


def _emit_takes_a_reference_from_true() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for n in range(16):
        probe.fired.emit(n)
    return sys.getrefcount(True) - before <= -16


def fix_signal_emit_refcount() -> bool:
    """PySide6 6.12.0's `SignalInstance.emit` returns True without a reference of its own, so every
    signal emitted from Python takes one from True. Before Python 3.12 True is not immortal: once a
    few hundred signals have gone out (a street's batch reports progress per unit) the process aborts
    with "bool_dealloc: deallocating True or False", at exit or sooner. Where emit does this, give the
    reference back after each call. Returns whether the fix was needed."""
    if getattr(SignalInstance.emit, "_liftdesk_fixed", False) or not _emit_takes_a_reference_from_true():
        return False
    plain = SignalInstance.emit
    keep = ctypes.pythonapi.Py_IncRef
    keep.argtypes = [ctypes.py_object]
    keep.restype = None

    def emit(self, *args):
        result = plain(self, *args)
        if result is True or result is False:
            keep(result)
        return result
    emit._liftdesk_fixed = True
    SignalInstance.emit = emit
    return True


fix_signal_emit_refcount()
