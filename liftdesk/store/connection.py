"""Opening a LiftDesk database: refuse what is not ours, is newer or is damaged; back up, then migrate.

Two programs may share one file (the GUI and a CLI script, two station helpers): every write
transaction begins IMMEDIATE, so a writer waits for the lock (busy timeout) up front instead of
failing when a read transaction tries to upgrade; a lock held longer than the timeout becomes one
clear message, never a traceback. Read-only commands open the file with `mode=ro` and never write.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Generator

from sqlite_utils import Database

from liftdesk.common.outputs import MIN_NEED, free_space, human_size
from liftdesk.errors import StoreError
from .clock import Clock
from .ids import IdFactory
from . import backup, changelog, checks, cipher, sealed
from .schema import COMPACTING, known_migration_names, migrations
from .sqlite_file import APP_ID, begin_immediate, busy_timeout_ms, check_integrity, connect_ro, connect_sqlite_ro
from .sqlite_file import connect_rw

log = logging.getLogger(__name__)

def translate(exc: sqlite3.Error, path: Path | None = None) -> Exception:
    """An sqlite3 error a user can act on, as a catalogue error; anything else unchanged."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return StoreError("db.busy")
    if "readonly" in text or "read-only" in text:
        return StoreError("db.readonly_file", path=str(path or ""))
    if "malformed" in text or "not a database" in text:
        return StoreError("db.damaged", path=str(path or ""), hint="")
    if "disk is full" in text or "disk i/o error" in text:
        return disk_error(text, path)
    return exc


def disk_error(text: str, path: Path | None) -> StoreError:
    """A full disk (or another write error of the OS) under the database: the folder, the room a
    write may need (the database's size: a transaction may rewrite all of it) and the room left."""
    folder = Path(path).resolve().parent if path else Path.cwd()
    if "full" in text:
        try:
            size = Path(path).stat().st_size if path else 0
        except OSError:
            size = 0
        free = free_space(folder)
        return StoreError("db.disk_full", folder=str(folder), need=human_size(max(size, MIN_NEED)),
                          free="?" if free is None else human_size(free))
    return StoreError("db.io_error", folder=str(folder), reason=text)


class LiftDeskDatabase(Database):
    """sqlite-utils' Database whose outermost `atomic()` begins IMMEDIATE (sqlite-utils issues a
    plain deferred BEGIN). Nested blocks stay savepoints. Lock timeouts become `db.busy`."""

    def __init__(self, *args, file_path: Path | None = None, readonly: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.file_path = file_path
        self.readonly = readonly
        self.pending_check: BackgroundCheck | None = None  # see open_store(defer_check=True)

    def confirm_sound(self) -> None:
        """Wait for a deferred integrity check; raise the damaged-file refusal if it failed."""
        if self.pending_check is not None:
            self.pending_check.confirm()
            self.pending_check = None

    def sound_yet(self) -> bool:
        """Without waiting: has the file passed its check? (Raises as soon as it is known to have failed.)"""
        if self.pending_check is None:
            return True
        if not self.pending_check.done():
            return False
        self.confirm_sound()
        return True

    @contextlib.contextmanager
    def atomic(self) -> Generator["LiftDeskDatabase", None, None]:
        if self.readonly:
            raise StoreError("db.readonly_store")
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self.confirm_sound()  # nothing is written to a file whose check has not passed
        try:
            begin_immediate(self.conn)  # waits up to the connection's busy timeout, saying so
        except sqlite3.OperationalError as exc:
            raise translate(exc, self.file_path) from None
        try:
            yield self
        except sqlite3.OperationalError as exc:
            self.rollback()
            error = translate(exc, self.file_path)
            if error is exc:
                raise
            raise error from None
        except BaseException:
            self.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            self.rollback()
            raise translate(exc, self.file_path) from None
        except BaseException:
            self.rollback()
            raise

    def execute(self, sql, parameters=None):
        try:
            return super().execute(sql, parameters)
        except sqlite3.OperationalError as exc:
            error = translate(exc, self.file_path)
            if self.readonly and isinstance(error, StoreError) and error.key == "db.readonly_file":
                raise StoreError("db.readonly_store") from None
            if error is exc:
                raise
            raise error from None


@dataclass(slots=True)
class ActionState:
    """The user action being written (liftdesk.history.actions opens it; every change-log row is
    tagged with its id) and who hears when one ends (the GUI's Edit menu)."""

    current: Any = None  # a liftdesk.history.actions.Action while one is open
    listeners: list[Callable[[], None]] = field(default_factory=list)
    locked: bool = False  # the station lock is on screen: no action may start (people/accounts.py)

    @property
    def current_id(self) -> str | None:
        return None if self.current is None else self.current.id


@dataclass(slots=True)
class StationScope:
    """The places a station answers for (街道[/社区…]), read once from the file's enrolment and
    forgotten when it changes. The rule that refuses a write outside them is the places domain's
    (liftdesk/places/scope.py), which installs it into records when imported."""

    cached: tuple[str, ...] | None = None

    def names(self, store: "Store") -> tuple[str, ...]:
        if self.cached is None:
            names: tuple[str, ...] = ()
            if store.path is not None and store.meta("sync.role") == "station":
                names = tuple(p for p in (store.meta("sync.scope", "") or "").split("/") if p)
            self.cached = names
        return self.cached

    def forget(self) -> None:
        self.cached = None


@dataclass(slots=True)
class Store:
    """One open database and what every write needs: the station, its clock and the actor; the
    action being written and the station's scope are state the store owns (see above). Slots: no
    other module can hang state of its own on a store."""

    db: LiftDeskDatabase
    path: Path | None
    station_id: str
    clock: Clock
    ids: IdFactory = field(default_factory=IdFactory)
    actor: str = ""
    readonly: bool = False
    actions: ActionState = field(default_factory=ActionState)
    scope: StationScope = field(default_factory=StationScope)
    open_marker: Path | None = None  # checks.mark_open: removed at a clean close (see checks.py)

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM liftdesk_meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.db.atomic():
            self.db.execute("INSERT OR REPLACE INTO liftdesk_meta (key, value) VALUES (?, ?)", [key, value])
        if key.startswith("sync."):
            self.scope.forget()

    @property
    def schema_version(self) -> int:
        return len(migrations.applied(self.db))

    def close(self) -> None:
        if not self.readonly and self.db.pending_check is None:  # never touch a file not yet checked
            try:  # SQLite's advice: keep planner statistics fresh on close; never wait for it
                self.db.conn.execute("PRAGMA busy_timeout = 0")
                self.db.conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass
        self.db.close()
        checks.mark_closed(self.open_marker)
        self.open_marker = None


def damaged_error(path: Path) -> StoreError:
    """The refusal of a damaged file, naming the newest good backup when there is one."""
    newest = backup.newest_good_backup(path)
    if newest is None:
        error = StoreError("db.damaged", path=str(path), hint=StoreError("db.damaged.no_backup").__str__())
    else:
        hint = StoreError("db.damaged.backup", path=str(path), backup=str(newest.path), when=newest.when_local)
        error = StoreError("db.damaged", path=str(path), hint=str(hint))
    error.backup = newest.path if newest else None  # the GUI offers to restore it
    return error


class BackgroundCheck:
    """`quick_check` (or, after an unclean end, the full `integrity_check`) on its own read-only
    connection in a thread (SQLite releases the GIL while it reads), so the window paints and a
    batch starts reading while the check runs on another core. Whoever writes first waits for it:
    `LiftDeskDatabase.atomic()` does, and a batch holds its files until it passes. STALE: open
    markers of sessions that ended uncleanly, cleared once a full check has passed."""

    def __init__(self, path: Path, full: bool = False, stale: list[Path] | None = None):
        self.path, self.full, self.stale = path, full, list(stale or [])
        self._problems: list[str] = []
        self._busy = False
        self._thread = threading.Thread(target=self._run, name="liftdesk-open-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._problems = checks.run_check(self.path, self.full)
            if self.full and not self._problems:
                checks.clear_stale(self.stale)
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                self._busy = True
            else:
                self._problems = [str(exc)]
        except sqlite3.Error as exc:
            self._problems = [str(exc)]

    def done(self) -> bool:
        return not self._thread.is_alive()

    def confirm(self) -> None:
        self._thread.join()
        if self._busy:
            raise StoreError("db.busy")
        if self._problems:
            log.warning("integrity check failed: %s", "; ".join(self._problems[:3]))
            raise damaged_error(self.path)


def inspect_file(path: Path, full_check: bool = False, check: bool = True) -> list[str]:
    """Read-only look at an existing file: raise unless it is a sound LiftDesk database this build
    knows; return its pending migrations. Never writes to the file. CHECK=False leaves the quick
    check to the caller (only when no migration is pending: a migration always checks in full)."""
    conn = connect_sqlite_ro(path, StoreError("db.not_sqlite", path=str(path)))
    try:
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                raise StoreError("db.busy") from None
            raise damaged_error(path) from None
        if not tables:
            return known_migration_names()
        if "liftdesk_meta" not in tables or "_sqlite_migrations" not in tables:
            raise StoreError("db.foreign", path=str(path))
        try:
            applied = [r[0] for r in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid", [migrations.name])]
            app = conn.execute("SELECT value FROM liftdesk_meta WHERE key = 'app'").fetchone()
        except sqlite3.DatabaseError as exc:
            if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                raise StoreError("db.busy") from None
            raise damaged_error(path) from None
        if not app or app[0] != APP_ID:
            raise StoreError("db.foreign", path=str(path))
        known = known_migration_names()
        unknown = [name for name in applied if name not in known]
        if unknown:
            raise StoreError("db.newer", path=str(path), names=", ".join(unknown))
        pending = [name for name in known if name not in applied]
        if not check and not pending and not full_check:
            return pending
        stamp = checks.signature(path)
        full = full_check or bool(pending)
        try:
            problems = check_integrity(conn, full=full)
        except sqlite3.OperationalError:
            raise StoreError("db.busy") from None
        if problems:
            log.warning("integrity check failed: %s", "; ".join(problems[:3]))
            raise damaged_error(path)
        checks.remember_check(path, full, stamp)
        return pending
    finally:
        conn.close()


def _configure(db: Database, timeout_ms: int) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {int(timeout_ms)}")
    db.enable_wal()
    db.execute("PRAGMA synchronous = NORMAL")


def _check_access(path: Path, create: bool, readonly: bool, adopt_empty: bool) -> bool:
    """Refuse, with a clear message, what SQLite would otherwise turn into a traceback or a silent
    new database. Returns whether the file already holds something."""
    if path.is_dir():
        raise StoreError("db.is_dir", path=str(path))
    folder = path.resolve().parent
    if not path.exists():
        if not folder.is_dir():
            raise StoreError("db.no_folder", folder=str(folder))
        if readonly or not create:
            raise StoreError("db.missing", path=str(path))
        if not os.access(folder, os.W_OK):
            raise StoreError("db.readonly_dir", folder=str(folder))
        return False
    if not os.access(path, os.R_OK):
        raise StoreError("db.unreadable", path=str(path))
    if path.stat().st_size == 0 and (readonly or not create or not adopt_empty):
        raise StoreError("db.empty_file", path=str(path))
    if not readonly:
        if not os.access(path, os.W_OK):
            raise StoreError("db.readonly_file", path=str(path))
        if not os.access(folder, os.W_OK):
            raise StoreError("db.readonly_dir", folder=str(folder))
    return path.stat().st_size > 0


def open_store(path: str | Path | None, actor: str = "", *, create: bool = True, readonly: bool = False,
               busy_timeout: int | None = None, adopt_empty: bool = False, defer_check: bool = False) -> Store:
    """Open a LiftDesk database. `None` opens a private in-memory one.

    create: a missing file may become a new database (the CLI asks for it only with `init`, `demo`
    or `import-roster --create`); adopt_empty: so may a zero-length file (only `init`: an empty file
    is more often a failed copy than a wish); readonly: open with `mode=ro`, never write the file (pending migrations
    are applied to a private in-memory copy); busy_timeout: ms to wait for another writer;
    defer_check: run the quick check in the background (`BackgroundCheck`) instead of before
    returning: for a batch that reads a lot before its first write."""
    timeout_ms = busy_timeout_ms(busy_timeout)
    if path is None:
        db = LiftDeskDatabase(memory=True, execute_plugins=False)
        db.execute("PRAGMA foreign_keys = ON")
        migrations.apply(db)
        return _make_store(db, None, actor)
    path = Path(path)
    existed = _check_access(path, create, readonly, adopt_empty)
    defer_check = defer_check and existed and not readonly
    stale = checks.stale_markers(path) if existed and not readonly else []
    # No check stands before an answer when one has passed on the file exactly as it is now (the
    # check record's signature: no write since); a damaged page met anyway is SQLite's "malformed"
    # error, which the faces turn into the damaged-file refusal.
    check_now = not defer_check and (bool(stale) or not checks.checked_since_last_write(path, full=False))
    pending = inspect_file(path, check=check_now, full_check=bool(stale) and not defer_check) \
        if existed else known_migration_names()
    if stale and not defer_check:
        checks.clear_stale(stale)
    defer_check = defer_check and not pending
    if readonly:
        return _open_readonly(path, pending, actor, timeout_ms)
    if existed and pending and len(pending) < len(known_migration_names()):

        backup.backup_before_migration(path, len(known_migration_names()) - len(pending))
    try:
        db = LiftDeskDatabase(connect_rw(path, timeout_ms), file_path=path,  # keyed when encrypted (#19)
                              execute_plugins=False)
        if defer_check:
            db.pending_check = BackgroundCheck(path, full=bool(stale), stale=stale)
        _configure(db, timeout_ms)
        if pending:
            with db.atomic():  # one migrator at a time; a second opener waits, then finds nothing to do
                migrations.apply(db)
            if existed:
                _compact_after(db, pending)
        store = _make_store(db, path, actor)
        store.open_marker = checks.mark_open(path)
    except sqlite3.OperationalError as exc:
        error = translate(exc, path)
        if error is exc:
            raise StoreError("db.cannot_open", path=str(path), reason=str(exc)) from None
        raise error from None
    if not existed:
        log.info("created a new database")
    return store


def _compact_after(db: LiftDeskDatabase, pending: list[str]) -> None:
    """A migration that frees much of the file (schema.COMPACTING) is followed by VACUUM, so the
    file shrinks now rather than as it fills again. Skipped, never fatal, when it cannot run
    (another program has the file open, or the disk lacks room for the rewrite)."""
    if not set(pending) & COMPACTING:
        return
    try:
        db.execute("VACUUM")
    except sqlite3.OperationalError as exc:
        log.warning("the file was not compacted after its upgrade: %s", exc)


def _open_readonly(path: Path, pending: list[str], actor: str, timeout_ms: int) -> Store:
    try:
        conn = connect_ro(path, timeout_ms)
        if pending:  # an older file: migrate a private copy in memory, the file stays as it is
            if cipher.is_cipher_connection(conn):  # an encrypted file: a logical copy (#19)
                memory = sealed.plain_memory_copy(conn)
            else:
                memory = sqlite3.connect(":memory:")
                conn.backup(memory)
            conn.close()
            conn = memory
            db = LiftDeskDatabase(conn, file_path=path, execute_plugins=False)
            migrations.apply(db)
        else:
            db = LiftDeskDatabase(conn, file_path=path, execute_plugins=False)
        db.execute("PRAGMA query_only = ON")
        db.readonly = True
        return _make_store(db, path, actor, readonly=True)
    except sqlite3.OperationalError as exc:
        error = translate(exc, path)
        if error is exc:
            raise StoreError("db.cannot_open", path=str(path), reason=str(exc)) from None
        raise error from None


def _make_store(db: LiftDeskDatabase, path: Path | None, actor: str, readonly: bool = False) -> Store:
    station = db.execute("SELECT value FROM liftdesk_meta WHERE key = 'station_id'").fetchone()
    if station is None and not readonly:
        station_id = secrets.token_hex(6)
        with db.atomic():
            if db.execute("SELECT value FROM liftdesk_meta WHERE key = 'station_id'").fetchone() is None:
                db.execute("INSERT INTO liftdesk_meta (key, value) VALUES ('app', ?)", [APP_ID])
                db.execute("INSERT INTO liftdesk_meta (key, value) VALUES ('station_id', ?)", [station_id])
        station_id = db.execute("SELECT value FROM liftdesk_meta WHERE key = 'station_id'").fetchone()[0]
    else:
        station_id = station[0] if station else ""
    last = changelog.latest_hlc(db)
    return Store(db=db, path=path, station_id=station_id, clock=Clock(station_id, last_stamp=last), actor=actor,
                 readonly=readonly)
