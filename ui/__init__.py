"""LiftDesk's desktop face (PySide6). Shows and edits; every rule lives in liftdesk/."""

from . import pyside_fixes  # noqa: F401  (before any widget: see fix_signal_emit_refcount)
