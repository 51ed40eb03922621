"""Rolling backups with SQLite's online backup API, and restoring one.

A backup is a complete, checked copy of the database made while it stays in use: on start, daily,
and before anything risky (a roster import, a sync merge, a migration). Each folder keeps the
newest few plus one per day, week and month (grandfather-father-son thinning); a second folder
(a USB stick) can be set. A backup is never made from a damaged file, and a restore checks the
backup, keeps a copy of the current database first, then copies pages into the live file so
other open connections see the restored data.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from liftdesk.errors import StoreError
from liftdesk.store.sqlite_file import APP_ID, busy_timeout_ms, check_integrity, connect_ro, connect_sqlite_ro

if TYPE_CHECKING:  # only for annotations: opening a store (connection.py) builds on this module
    from liftdesk.store.connection import Store

log = logging.getLogger(__name__)

FOLDER = "backups"
STAMP = "%Y%m%dT%H%M%S%fZ"
KEEP_RECENT, KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 10, 7, 4, 12
_REASON = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime  # UTC
    reason: str

    @property
    def when_local(self) -> str:
        return self.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")


def backup_folder(db_path: Path) -> Path:
    """Backups live in a `backups` folder beside the database they copy."""
    return Path(db_path).resolve().parent / FOLDER


def _second_folder() -> Path | None:
    from liftdesk.common.settings import Settings  # late: settings live in the data folder, only read when needed

    value = Settings().get("backup_dir2")
    return Path(value) if value else None


def _keep_recent() -> int:
    from liftdesk.common.settings import Settings

    return max(1, Settings().get("backup_keep"))


def folders_for(db_path: Path, second: Path | None | bool = True) -> list[Path]:
    folders = [backup_folder(db_path)]
    extra = _second_folder() if second is True else (second or None)
    if extra and Path(extra).resolve() != folders[0]:
        folders.append(Path(extra))
    return folders


def _pattern(db_path: Path) -> re.Pattern:
    return re.compile(re.escape(Path(db_path).stem) + r"-(\d{8}T\d{12}Z)-([a-z0-9-]+)\.db$")


def list_backups(db_path: Path, folders: Iterable[Path] | None = None) -> list[BackupFile]:
    """This database's backups in its folders, newest first."""
    found = []
    pattern = _pattern(db_path)
    for folder in folders if folders is not None else folders_for(db_path):
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            m = pattern.fullmatch(name)
            if m:
                taken = datetime.strptime(m.group(1), STAMP).replace(tzinfo=timezone.utc)
                found.append(BackupFile(Path(folder) / name, taken, m.group(2)))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def is_good_backup(path: Path, full: bool = False) -> bool:
    try:
        check_backup(path, full=full)
    except StoreError:
        return False
    return True


def newest_good_backup(db_path: Path) -> BackupFile | None:
    for candidate in list_backups(db_path):
        if is_good_backup(candidate.path):
            return candidate
    return None


def _discard(tmp: Path) -> None:
    """Remove a half-written copy; where even that fails (its folder is a file), there is none."""
    try:
        tmp.unlink(missing_ok=True)
    except OSError:
        pass


def copy_database(source: Path | sqlite3.Connection, target: Path, check: bool = True) -> Path:
    """A consistent copy through the online backup API (one step, so one snapshot), written to a
    temporary name and renamed, readable by the owner only. Refuses a damaged source."""
    own = not isinstance(source, sqlite3.Connection)
    src = connect_ro(Path(source)) if own else source
    target = Path(target)
    tmp = target.with_name(f".{target.name}.part")
    try:
        if check:
            problems = check_integrity(src, full=True)
            if problems:
                raise StoreError("backup.source_damaged", path=str(source if own else ""))
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except sqlite3.OperationalError as exc:
        _discard(tmp)
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise StoreError("db.busy") from None
        raise StoreError("backup.cannot_write", path=str(target), reason=str(exc)) from None
    except OSError as exc:
        _discard(tmp)
        raise StoreError("backup.cannot_write", path=str(target), reason=exc.strerror or str(exc)) from None
    finally:
        if own:
            src.close()
    return target


def make_backup(db_path: Path, reason: str, *, second: Path | None | bool = True, check: bool = True,
                now: datetime | None = None, keep: int | None = None) -> Path:
    """Back up into the backup folder (and the second folder when set), then thin each folder.
    Returns the primary copy. A missing second folder (the USB stick is out) is only logged."""
    db_path = Path(db_path)
    taken = now or datetime.now(timezone.utc)
    name = f"{db_path.stem}-{taken.strftime(STAMP)}-{_REASON.sub('-', reason.lower()).strip('-') or 'manual'}.db"
    folders = folders_for(db_path, second)
    primary = copy_database(db_path, folders[0] / name, check=check)
    for folder in folders[1:]:
        try:
            if folder.is_dir():
                copy_database(primary, folder / name, check=False)
            else:
                log.warning("second backup folder is not available")
        except StoreError:
            log.warning("could not write the second backup copy")
    for folder in folders:
        thin(db_path, folder, keep=keep)
    log.info("backup made (%s)", reason)
    return primary


def backup_before(store: Store, reason: str) -> Path | None:
    """Call before a risky operation (import, merge), outside its transaction. No-op in memory."""
    if store.path is None:
        return None
    return make_backup(store.path, reason)


def backup_before_migration(db_path: Path, version: int) -> Path:
    """The file was fully checked when it was inspected; copy it before the schema changes."""
    return make_backup(db_path, f"v{version}-migration", check=False)


def daily_due(db_path: Path, now: datetime | None = None) -> bool:
    today = (now or datetime.now(timezone.utc)).astimezone().date()
    return not any(b.taken_at.astimezone().date() == today for b in list_backups(db_path, [backup_folder(db_path)]))


def backup_if_due(db_path: Path, reason: str = "daily", now: datetime | None = None) -> Path | None:
    """The daily backup: made at most once a (local) day."""
    return make_backup(db_path, reason, now=now) if daily_due(db_path, now) else None


def keep_set(taken: list[datetime], recent: int = KEEP_RECENT, daily: int = KEEP_DAILY,
             weekly: int = KEEP_WEEKLY, monthly: int = KEEP_MONTHLY) -> set[datetime]:
    """Which backups to keep: the newest `recent`, and the newest of each of the last `daily`
    days, `weekly` ISO weeks and `monthly` months that have a backup: days, weeks and months as the
    station lives them (local time), like the daily backup itself."""
    ordered = sorted(set(taken), reverse=True)
    keep = set(ordered[:recent])
    for count, key in ((daily, lambda t: t.astimezone().date()), (weekly, lambda t: t.astimezone().isocalendar()[:2]),
                       (monthly, lambda t: (t.astimezone().year, t.astimezone().month))):
        seen: list = []
        for t in ordered:
            k = key(t)
            if k not in seen:
                if len(seen) == count:
                    break
                seen.append(k)
                keep.add(t)
    return keep


def thin(db_path: Path, folder: Path, keep: int | None = None) -> list[Path]:
    """Delete what `keep_set` does not keep. A second process thinning at once is harmless."""
    files = list_backups(db_path, [folder])
    keep = keep_set([b.taken_at for b in files], recent=keep or _keep_recent())
    removed = []
    for b in files:
        if b.taken_at not in keep:
            try:
                b.path.unlink()
                removed.append(b.path)
            except FileNotFoundError:
                pass
            except OSError:
                log.warning("could not remove an old backup")
    return removed


def check_backup(path: Path, full: bool = True) -> None:
    """Refuse a file that is not a sound LiftDesk database (the header, our meta row, integrity)."""
    path = Path(path)
    try:
        conn = connect_sqlite_ro(path, StoreError("backup.bad", path=str(path)))
    except IsADirectoryError:
        raise StoreError("db.is_dir", path=str(path)) from None
    except OSError:
        raise StoreError("backup.missing", path=str(path)) from None
    try:
        try:
            app = conn.execute("SELECT value FROM liftdesk_meta WHERE key = 'app'").fetchone()
        except sqlite3.DatabaseError:
            raise StoreError("backup.bad", path=str(path)) from None
        if not app or app[0] != APP_ID:
            raise StoreError("backup.bad", path=str(path))
        if check_integrity(conn, full=full):
            raise StoreError("backup.bad", path=str(path))
    finally:
        conn.close()


PREVIEW_TABLES = ("street", "unit", "household", "person", "project", "position", "meeting", "diary_entry")


def preview(path: Path) -> dict:
    """What a backup holds, for the restore dialog and `restore --dry-run`: record counts, the
    newest change and when the copy was made."""
    path = Path(path)
    conn = connect_ro(path)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        counts = {t: conn.execute(f"SELECT count(*) FROM {t} WHERE deleted = 0").fetchone()[0]
                  for t in PREVIEW_TABLES if t in tables}
        newest = conn.execute("SELECT max(at) FROM change_log").fetchone()[0] if "change_log" in tables else None
        changes = conn.execute("SELECT count(*) FROM change_log").fetchone()[0] if "change_log" in tables else 0
        version = conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] \
            if "_sqlite_migrations" in tables else 0
    finally:
        conn.close()
    m = re.search(r"-(\d{8}T\d{12}Z)-", path.name)
    taken = (datetime.strptime(m.group(1), STAMP).replace(tzinfo=timezone.utc) if m
             else datetime.fromtimestamp(path.stat().st_mtime, timezone.utc))
    return {"file": str(path), "taken_at": taken.strftime("%Y-%m-%dT%H:%M:%SZ"), "newest_change": newest,
            "changes": changes, "schema_version": version, "counts": counts, "bytes": path.stat().st_size}


def _move_aside(db_path: Path) -> Path:
    """A damaged current file is kept, renamed with its WAL files, never deleted."""
    stamp = datetime.now(timezone.utc).strftime(STAMP)
    aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
    os.replace(db_path, aside)
    return aside


def restore(db_path: Path, backup_path: Path) -> dict:
    """Replace the database's content with a checked backup, after keeping a copy of the current
    one (a backup when it is sound, the file renamed aside when it is damaged)."""
    db_path, backup_path = Path(db_path), Path(backup_path)
    check_backup(backup_path, full=True)
    if db_path.resolve() == backup_path.resolve():
        raise StoreError("backup.same_file", path=str(backup_path))
    kept: Path | None = None
    if db_path.exists() and db_path.stat().st_size > 0:
        try:
            kept = make_backup(db_path, "before-restore")
        except StoreError as exc:
            if exc.key not in ("backup.source_damaged", "db.damaged"):
                raise
            kept = _move_aside(db_path)
    src = connect_ro(backup_path)
    try:
        dst = sqlite3.connect(str(db_path), timeout=busy_timeout_ms() / 1000)
        try:
            src.backup(dst)
            # The file now holds an older state: whatever counts its own history (a station's sync
            # sequence) must start a new epoch rather than reuse numbers already handed out.
            dst.execute("INSERT OR REPLACE INTO liftdesk_meta (key, value) VALUES ('file.restored', datetime('now'))")
            dst.commit()
            if check_integrity(dst):
                raise StoreError("backup.bad", path=str(backup_path))
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                raise StoreError("db.busy") from None
            raise StoreError("backup.cannot_write", path=str(db_path), reason=str(exc)) from None
        finally:
            dst.close()
    finally:
        src.close()
    log.info("restored the database from a backup")
    return {"restored": str(backup_path), "kept": str(kept) if kept else None}

