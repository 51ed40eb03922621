"""When the file is checked, and what is remembered about it, so that no check stands between the
user and the first window: an open runs `quick_check` in the background (writes wait for it),
and the full `integrity_check` runs only when there is a reason — the last session did not close
cleanly, a migration is due (connection.inspect_file), or the last full check is older than the
schedule (daily by default).

Both records live beside the backups (`backups/.NAME.…`), never inside the database: writing into
a file whose check has not passed is what the check exists to prevent.

- An *open marker* per writing process (`.NAME.open-PID`), made at open and removed at a clean
  close: a marker whose process is gone means a session ended without closing (a crash, a power
  cut), and the next open checks in full.
- The *check record* (`.NAME.checked.json`): when the last quick and full checks passed and the
  file's signature then. The signature (size and modification time of the file and its WAL) changes
  with every write, so a backup can tell that the source was checked since its last write.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from liftdesk.common.processes import process_alive
from .sqlite_file import check_integrity, connect_ro

log = logging.getLogger(__name__)

FOLDER = "backups"  # the same folder as backup.FOLDER (backup.py builds on this module, not the reverse)
DAY = timedelta(days=1)


def _folder(db_path: Path) -> Path:
    return Path(db_path).resolve().parent / FOLDER


def signature(db_path: Path) -> list[int]:
    """Size and mtime (ns) of the file and of its WAL when that holds frames: changes with every
    committed write, not with a session that only opened the file (an empty WAL made or left)."""
    stamp: list[int] = []
    for suffix in ("", "-wal"):
        try:
            st = os.stat(str(db_path) + suffix)
            stamp += [st.st_size, st.st_mtime_ns] if st.st_size or not suffix else [0, 0]
        except OSError:
            stamp += [-1, -1] if not suffix else [0, 0]
    return stamp


def is_bookkeeping(path: Path) -> bool:
    """An open marker or a check record (hidden files in the backups folder that are not backups)."""
    name = Path(path).name
    return name.startswith(".") and (name.endswith(".checked.json") or re.search(r"\.open-\d+$", name) is not None)


# --- the open markers ------------------------------------------------------------------------

def _marker_pattern(db_path: Path) -> re.Pattern:
    return re.compile(re.escape("." + Path(db_path).name) + r"\.open-(\d+)$")


def stale_markers(db_path: Path) -> list[Path]:
    """Markers left by processes that are gone: sessions that never closed the file."""
    folder = _folder(db_path)
    pattern = _marker_pattern(db_path)
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return [folder / n for n in names if (m := pattern.fullmatch(n)) and not process_alive(int(m.group(1)))]


def mark_open(db_path: Path) -> Path | None:
    """This process has the file open for writing. None when the folder cannot take a marker (the
    open itself then decides whether the file is usable)."""
    marker = _folder(db_path) / f".{Path(db_path).name}.open-{os.getpid()}"
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
    except OSError:
        return None
    return marker


def mark_closed(marker: Path | None) -> None:
    if marker is not None:
        try:
            marker.unlink(missing_ok=True)
        except OSError:
            pass


def clear_stale(markers: list[Path]) -> None:
    """After a full check passed: the unclean end it answered for is settled."""
    for marker in markers:
        mark_closed(marker)


# --- the check record ------------------------------------------------------------------------

def _record_path(db_path: Path) -> Path:
    return _folder(db_path) / f".{Path(db_path).name}.checked.json"


def read_record(db_path: Path) -> dict:
    try:
        value = json.loads(_record_path(db_path).read_text(encoding="utf-8"))
        return value if isinstance(value, dict) else {}
    except (OSError, ValueError):
        return {}


def remember_check(db_path: Path, full: bool, stamp: list[int], at: datetime | None = None) -> None:
    """A check passed on the file as it was at STAMP (taken before the check began)."""
    record = read_record(db_path)
    entry = {"at": (at or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ"), "signature": stamp}
    record["full" if full else "quick"] = entry
    if full:
        record["quick"] = entry  # a full check covers everything a quick one does
    path = _record_path(db_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(record), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        log.warning("could not remember the integrity check")


def checked_since_last_write(db_path: Path, full: bool = True) -> bool:
    """Did a (full) check pass on the file exactly as it is now?"""
    return checked_as(db_path, signature(db_path), full)


def checked_as(db_path: Path, stamp: list[int], full: bool = True) -> bool:
    """Did a (full) check pass on the file as it was at STAMP (a backup's copy of it)?"""
    entry = read_record(db_path).get("full" if full else "quick")
    return bool(entry) and entry.get("signature") == stamp


def full_check_due(db_path: Path, every: timedelta = DAY, now: datetime | None = None) -> bool:
    """The schedule: no full check has passed within EVERY (and the file changed since)."""
    entry = read_record(db_path).get("full")
    if not entry:
        return True
    if entry.get("signature") == signature(db_path):
        return False
    try:
        at = datetime.strptime(entry["at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    except (KeyError, ValueError):
        return True
    return (now or datetime.now(timezone.utc)) - at >= every


def run_check(db_path: Path, full: bool) -> list[str]:
    """The check on a read-only connection of its own; passing is remembered. Raises
    sqlite3.OperationalError when the file is locked (busy), like `check_integrity`."""
    stamp = signature(db_path)
    started = time.monotonic()
    conn = connect_ro(db_path)
    try:
        conn.execute("PRAGMA mmap_size = 1073741824")  # pages mapped, not copied: less system time
        problems = check_integrity(conn, full=full)
    finally:
        conn.close()
    if not problems:
        remember_check(db_path, full, stamp)
    log.info("%s check took %.1f s", "full" if full else "quick", time.monotonic() - started)
    return problems


def full_check_if_due(db_path: Path, every: timedelta = DAY) -> list[str] | None:
    """The scheduled full check (the app runs it in the background): problems found, or None when
    none was due."""
    if not full_check_due(db_path, every):
        return None
    try:
        return run_check(db_path, full=True)
    except sqlite3.OperationalError as exc:
        log.warning("scheduled check skipped: %s", exc)
        return None
