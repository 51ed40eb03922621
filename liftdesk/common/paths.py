"""Where the user's data lives, resolved once; `--db` overrides it for tests and scripts."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR = "LiftDesk"


def data_dir() -> Path:
    override = os.environ.get("LIFTDESK_DATA_DIR")
    if override:
        base = Path(override)
    elif sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / APP_DIR
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / APP_DIR
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / APP_DIR
    base.mkdir(parents=True, exist_ok=True)
    return base


def default_db_path() -> Path:
    return data_dir() / "liftdesk.db"


def read_private_text(path: str, open_error: str, unreadable_error: str) -> str:
    """A secret's text (a password or passphrase) from a file only its owner may read: a file others
    can read is refused with OPEN_ERROR's key (its mode named), an unreadable one with UNREADABLE_ERROR."""
    import stat

    from liftdesk.errors import LiftDeskError

    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        if os.name != "nt" and mode & 0o077:
            raise LiftDeskError(open_error, path=path, value=f"{mode:04o}")
        return Path(path).read_text(encoding="utf-8").rstrip("\r\n")
    except (OSError, UnicodeDecodeError):
        raise LiftDeskError(unreadable_error, path=path) from None
