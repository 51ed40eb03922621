"""Opening a LiftDesk database: refuse what is not ours or is newer, back up, then migrate."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from sqlite_utils import Database

from ..i18n import StoreError
from .clock import Clock
from .ids import IdFactory
from .schema import known_migration_names, migrations

log = logging.getLogger(__name__)

APP_ID = "liftdesk"
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass
class Store:
    """One open database and what every write needs: the station, its clock and the actor."""

    db: Database
    path: Path | None
    station_id: str
    clock: Clock
    ids: IdFactory = field(default_factory=IdFactory)
    actor: str = ""

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM liftdesk_meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO liftdesk_meta (key, value) VALUES (?, ?)", [key, value])

    @property
    def schema_version(self) -> int:
        return len(migrations.applied(self.db))

    def close(self) -> None:
        try:
            self.db.execute("PRAGMA optimize")  # SQLite's advice: keep planner statistics fresh on close
        except sqlite3.Error:
            pass
        self.db.close()


def _inspect_existing(path: Path) -> list[str]:
    """Read-only look at an existing file: raise unless it is a LiftDesk database this build
    knows; return its pending migrations. Never writes to the file."""
    with open(path, "rb") as fh:
        header = fh.read(16)
    if header != SQLITE_HEADER:
        raise StoreError("db.not_sqlite", path=str(path))
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        raise StoreError("db.not_sqlite", path=str(path)) from None
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return known_migration_names()
        if "liftdesk_meta" not in tables or "_sqlite_migrations" not in tables:
            raise StoreError("db.foreign", path=str(path))
        app = conn.execute("SELECT value FROM liftdesk_meta WHERE key = 'app'").fetchone()
        if not app or app[0] != APP_ID:
            raise StoreError("db.foreign", path=str(path))
        applied = [r[0] for r in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid", [migrations.name])]
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc):
            raise StoreError("db.locked", path=str(path)) from None
        raise StoreError("db.not_sqlite", path=str(path)) from None
    finally:
        conn.close()
    known = known_migration_names()
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise StoreError("db.newer", path=str(path), names=", ".join(unknown))
    return [name for name in known if name not in applied]


def _backup(path: Path, version: int) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    log.info("backed up database before migrating to %s", target.name)
    return target


def _configure(db: Database) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 5000")
    db.enable_wal()
    db.execute("PRAGMA synchronous = NORMAL")


def open_store(path: str | Path | None, actor: str = "") -> Store:
    """Open (creating if missing) a LiftDesk database. `None` opens a private in-memory one."""
    if path is None:
        db = Database(memory=True, execute_plugins=False)
        db.execute("PRAGMA foreign_keys = ON")
        pending = known_migration_names()
        existed = False
    else:
        path = Path(path)
        existed = path.exists() and path.stat().st_size > 0
        pending = _inspect_existing(path) if existed else known_migration_names()
        if existed and pending and len(pending) < len(known_migration_names()):
            _backup(path, len(known_migration_names()) - len(pending))
        try:
            db = Database(path, execute_plugins=False)
            _configure(db)
        except sqlite3.OperationalError as exc:
            raise StoreError("db.cannot_open", path=str(path), reason=str(exc)) from None
    if pending:
        migrations.apply(db)
    store = _make_store(db, Path(path) if path else None, actor)
    if not existed:
        log.info("created a new database")
    return store


def _make_store(db: Database, path: Path | None, actor: str) -> Store:
    station = db.execute("SELECT value FROM liftdesk_meta WHERE key = 'station_id'").fetchone()
    if station is None:
        station_id = IdFactory().new().replace("-", "")[-12:]
        with db.atomic():
            db.execute("INSERT INTO liftdesk_meta (key, value) VALUES ('app', ?)", [APP_ID])
            db.execute("INSERT INTO liftdesk_meta (key, value) VALUES ('station_id', ?)", [station_id])
    else:
        station_id = station[0]
    last = db.execute("SELECT max(hlc) FROM change_log").fetchone()[0]
    return Store(db=db, path=path, station_id=station_id, clock=Clock(station_id, last_stamp=last), actor=actor)
