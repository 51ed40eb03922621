"""The database file as SQLite sees it, before LiftDesk opens it: its header and application id,
read-only connections that never write it, the integrity check, and how long to wait for a lock.
Opening (connection.py) and backups (backup.py) both build on these."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import Callable

from liftdesk.errors import StoreError
from . import cipher
from .locksafe import read_head

APP_ID = "liftdesk"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_ENV = "LIFTDESK_BUSY_TIMEOUT_MS"
DEFAULT_BUSY_MS = 120_000  # a writer waits while another makes progress: an 1,800-household import takes ~10 s
WAIT_SLICE_MS = 250        # how often a waiting writer looks up (to say it waits, to notice a cancel)
# Who hears that a writer has started to wait (the CLI prints one line, the GUI shows it in the
# status bar): called on each slice of the wait with the seconds waited so far (returning False
# cancels the wait), and once with None when a wait it heard of has ended. Installed by a face,
# never by the core.
_waiting: list[Callable[[float | None], bool | None]] = []


def on_wait(hook: Callable[[float | None], bool | None]) -> Callable[[], None]:
    """Install HOOK (see `_waiting`); returns the function that removes it again."""
    _waiting.append(hook)
    return lambda: _waiting.remove(hook) if hook in _waiting else None


def is_busy(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def begin_immediate(conn: sqlite3.Connection, timeout_ms: int | None = None) -> None:
    """BEGIN IMMEDIATE: take the write lock up front, waiting up to TIMEOUT_MS (default: the
    connection's busy timeout) while another program writes. The wait is taken in short slices so those who
    listen (`on_wait`) hear that we wait and may cancel it. Raises sqlite3.OperationalError
    ("database is locked") when the time is up, StoreError("db.wait_cancelled") on a cancel."""
    previous = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    total = int(previous) if timeout_ms is None else busy_timeout_ms(timeout_ms)
    started = time.monotonic()
    deadline = started + total / 1000
    told = False
    try:
        while True:
            left_ms = int((deadline - time.monotonic()) * 1000)
            conn.execute(f"PRAGMA busy_timeout = {max(0, min(WAIT_SLICE_MS, left_ms))}")
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not is_busy(exc) or left_ms <= 0:
                    raise
            waited = time.monotonic() - started
            told = True
            for hook in list(_waiting):
                if hook(waited) is False:
                    raise StoreError("db.wait_cancelled")
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(previous)}")
        if told:
            for hook in list(_waiting):
                hook(None)


def busy_timeout_ms(override: int | None = None) -> int:
    """How long a writer waits for another program's lock; the env var lets tests shorten it."""
    if override is not None:
        return max(0, int(override))
    try:
        return max(0, int(os.environ.get(BUSY_ENV, DEFAULT_BUSY_MS)))
    except ValueError:
        return DEFAULT_BUSY_MS


def ro_uri(path: Path, immutable: bool = False) -> str:
    """A read-only SQLite URI; `as_uri` escapes ?, # and % that would break a hand-made one."""
    return Path(path).resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")


def connect_ro(path: Path, timeout_ms: int | None = None) -> sqlite3.Connection:
    """Read-only connection that never writes the file. In a folder we may not write, SQLite cannot
    make the WAL index beside the file, so the file is read as immutable (nobody can change it)."""
    immutable = not os.access(Path(path).resolve().parent, os.W_OK)
    key = _key_of(path)
    if key is not None:  # the station lock's encrypted file (#19): keyed through cipher.connect
        return cipher.connect(ro_uri(path, immutable), key, uri=True, timeout=busy_timeout_ms(timeout_ms) / 1000)
    return sqlite3.connect(ro_uri(path, immutable), uri=True, timeout=busy_timeout_ms(timeout_ms) / 1000)


def _key_of(path: Path) -> bytes | None:
    """None for a plain file; the data key of an encrypted one (refused while no login opened it)."""
    if cipher.has_plain_header(path) or not Path(path).exists() or Path(path).stat().st_size == 0:
        return None
    if cipher.is_encrypted(path):
        return cipher.require_key(path)
    return cipher.key_opening(path) if cipher.held_keys() else None  # a staged restore has no sidecar


def connect_like(source, path: Path, timeout_ms: int | None = None):
    """A connection to a new file PATH that SOURCE's pages can be copied into: keyed with SOURCE's
    key when SOURCE is an encrypted file, the stdlib's otherwise."""
    if cipher.is_cipher_connection(source):
        origin = source.execute("PRAGMA database_list").fetchone()[2]
        key = cipher.key_for(origin) or cipher.key_opening(origin)
        return cipher.connect(str(path), key, timeout=busy_timeout_ms(timeout_ms) / 1000)
    return sqlite3.connect(str(path), timeout=busy_timeout_ms(timeout_ms) / 1000)


def attach(conn, path: Path, schema: str) -> None:
    """ATTACH PATH as SCHEMA; on a keyed connection with the file's own key (a staged restore)."""
    if cipher.is_cipher_connection(conn):
        key = cipher.key_opening(path)
        conn.execute(f"ATTACH DATABASE ? AS {schema} KEY ?", [str(path), f"x'{key.hex()}'" if key else ""])
    else:
        conn.execute(f"ATTACH DATABASE ? AS {schema}", [str(path)])


def connect_rw(path: Path, timeout_ms: int | None = None, **kwargs):
    """The one read-write connection to a database file: the stdlib's for a plain file, a keyed
    SQLCipher one for an encrypted file (its key unwrapped by a login, see cipher.py)."""
    key = _key_of(path)
    timeout = busy_timeout_ms(timeout_ms) / 1000
    if key is not None:
        return cipher.connect(str(path), key, timeout=timeout, **kwargs)
    return sqlite3.connect(str(path), timeout=timeout, **kwargs)


def check_integrity(conn: sqlite3.Connection, full: bool = False) -> list[str]:
    """Problems SQLite finds (`quick_check` or the full `integrity_check`); empty when the file is sound."""
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def connect_sqlite_ro(path: Path, refusal: StoreError) -> sqlite3.Connection:
    """A read-only connection to a file that starts like a SQLite database; REFUSAL otherwise
    (the caller names it: a database that is not ours, or a backup that cannot be restored)."""
    header = read_head(path, 16)  # not open()/close(): that would drop our connections' locks on it
    if header != SQLITE_HEADER and _key_of(path) is None:
        raise refusal
    try:
        return connect_ro(path)
    except sqlite3.Error:
        raise refusal from None
