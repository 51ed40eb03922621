"""The log file: a rotating `liftdesk.log` in the data folder, set up by the GUI and the CLI.

Residents' names, phones and ID numbers never belong in it (个人信息保护法): code logs ids, counts
and table names only, and a filter masks anything that still looks like a mobile or ID number."""

from __future__ import annotations

import logging
import os
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

from liftdesk.common.paths import data_dir

LOG_FILE = "liftdesk.log"
MAX_BYTES = 1_000_000
BACKUPS = 3

# An 18-character resident ID (17 digits + digit or X), a mainland mobile number, a landline.
_PATTERNS = (
    re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])"),
    re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)"),
    re.compile(r"(?<!\d)0\d{2,3}-\d{7,8}(?!\d)"),
)


def redact(text: str) -> str:
    for pattern in _PATTERNS:
        text = pattern.sub("[已隐去]", text)
    return text


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then masks phone and ID numbers (in messages and tracebacks alike)."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class _OwnerOnlyHandler(RotatingFileHandler):
    """Log files (and their rotated copies) readable by the owner only."""

    def _open(self):
        stream = super()._open()
        try:
            os.chmod(self.baseFilename, 0o600)
        except OSError:
            pass
        return stream


def log_path(folder: Path | None = None) -> Path:
    return (folder or data_dir()) / LOG_FILE


def setup_logging(folder: Path | None = None, level: int = logging.INFO) -> Path:
    """Attach the rotating file log to the root logger once per process; returns its path."""
    path = log_path(folder)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, _OwnerOnlyHandler):
            if handler.baseFilename == str(path.resolve()):
                return path
            root.removeHandler(handler)  # one log file per process: the latest data folder's
            handler.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = _OwnerOnlyHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path


def close_logging(folder: Path | None = None) -> None:
    """Detach and close the file log (tests; a data folder about to be removed)."""
    path = str(log_path(folder).resolve())
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, _OwnerOnlyHandler) and handler.baseFilename == path:
            root.removeHandler(handler)
            handler.close()
