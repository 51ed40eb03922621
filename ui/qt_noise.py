"""Qt's messages that are noise for a helper: they say nothing about their work and nothing they
could act on, yet a frozen app or a terminal shows them. Filtered out by one message handler;
every other message goes on to the handler that was there before (Qt's own, or pytest-qt's)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QtMsgType, qInstallMessageHandler

NOISE = (
    "This plugin does not support propagateSizeHints()",  # the offscreen/xcb platform, on every window
    "Qt depends on a UTF-8 locale",  # a started-from-the-desktop app with no LANG (the frozen build)
)

_previous = None
_installed = False


def is_noise(message: str) -> bool:
    return any(pattern in message for pattern in NOISE)


def _handler(mode: QtMsgType, context, message: str) -> None:
    if is_noise(message):
        return
    if _previous is not None:
        _previous(mode, context, message)
    elif sys.stderr is not None:
        print(message, file=sys.stderr)


def install() -> None:
    """Once, before the QApplication is made (the locale warning comes from its constructor)."""
    global _previous, _installed
    if not _installed:
        _previous = qInstallMessageHandler(_handler)
        _installed = True
