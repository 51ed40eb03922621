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
