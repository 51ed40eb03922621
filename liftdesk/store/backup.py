"""Rolling backups with SQLite's online backup API, compressed with zstd, and restoring one.

A backup is a complete, checked copy of the database made while it stays in use: once a day (the
first app start of the day), and before anything risky (a roster import, a sync import batch, a
migration). The pipeline: the database's pages streamed through zstd (`_write_compressed`, where
an encrypted database's backup is sealed after compressing) into `NAME-STAMP-REASON.db.zst`:
straight from the file under a held read transaction when its WAL holds no frames
(`_write_direct`), else from a consistent snapshot (the backup API, into a hidden file in the
backups folder, removed after). The full `integrity_check` of the source runs only when it was not
checked since its last write (store/checks.py keeps that record); the written backup is verified
by decompressing it: into nothing (zstd's checksum) when the bytes copied are the checked ones,
else into memory and `quick_check`. Each folder keeps the newest few plus one per day, week and
month (grandfather-father-son thinning), under a total size (a setting, 2 GB by default); a
second folder (a USB stick) can be set. A restore reads new `.db.zst` and old plain `.db`
backups alike, checks the backup, keeps a copy of the current database first, then copies pages
into the live file so other open connections see the restored data.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Callable, Iterable, Iterator

import zstandard

from liftdesk.common.processes import process_alive
from liftdesk.common.dates import DEFAULT_ZONE, local_in_zone
from liftdesk.common.outputs import FULL, Protected, write_error
from liftdesk.errors import StoreError
from liftdesk.store import checks, locksafe
from liftdesk.store.schema import known_migration_names, migrations
from liftdesk.store.sqlite_file import (APP_ID, begin_immediate, busy_timeout_ms, check_integrity, connect_ro,
                                        connect_sqlite_ro, is_busy)
from liftdesk.store import sealed  # #19: an encrypted database's backups are sealed (see sealed.py)
from liftdesk.store.sqlite_file import attach, connect_like, connect_rw  # #19: plain or keyed, as the file is

if TYPE_CHECKING:  # only for annotations: opening a store (connection.py) builds on this module
    from liftdesk.store.connection import Store

log = logging.getLogger(__name__)

FOLDER = "backups"
STAMP = "%Y%m%dT%H%M%S%fZ"
KEEP_RECENT, KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 10, 7, 4, 12
COMPRESSED = ".db.zst"
ZSTD_LEVEL = 2          # 15×: 681 MB in 4.6 s; level 1: 696 MB in 4.3 s; level 3: 675 MB in 8–12 s (goal ≤ 700 MB)
ZSTD_THREADS = -1       # one worker per core
CHUNK = 1 << 22         # bytes read and compressed at a time
ROLLBACK_MODE = b"\x01\x01"  # header bytes 18-19 of a database in rollback mode (WAL mode: 2, 2)
MEMORY_VERIFY_LIMIT = 1 << 30  # a backup larger than this decompresses to a hidden file to be checked
BATCH_WINDOW = timedelta(minutes=10)  # sync imports this close together are one batch: one backup
BATCHED = {"sync-import": BATCH_WINDOW}
# A seal wraps the file a compressed backup is written to and returns the stream to write into
# (closing that stream finishes the seal); an unseal wraps a file being read. For a database that is
# encrypted at rest the backup is compressed first, then sealed (the station lock's protection).
Seal = Callable[[BinaryIO], BinaryIO]
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


def _max_total_bytes() -> int:
    from liftdesk.common.settings import Settings

    return max(1, Settings().get("backup_max_mb")) * 1024 * 1024


def folders_for(db_path: Path, second: Path | None | bool = True) -> list[Path]:
    folders = [backup_folder(db_path)]
    extra = _second_folder() if second is True else (second or None)
    if extra and Path(extra).resolve() != folders[0]:
        folders.append(Path(extra))
    return folders


def protected_paths(db_path: Path | None) -> Protected:
    """What no output may land on: the database, its -wal/-shm/-journal, its backup folders."""
    if db_path is None:
        return Protected()
    db = Path(db_path)
    files = tuple(db.with_name(db.name + side) for side in ("", "-wal", "-shm", "-journal"))
    return Protected(files=files, folders=tuple(folders_for(db)))


def _pattern(db_path: Path) -> re.Pattern:
    return re.compile(re.escape(Path(db_path).stem) + r"-(\d{8}T\d{12}Z)-([a-z0-9-]+)\.db(?:\.zst)?$")


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


def copy_database(source: Path | sqlite3.Connection, target: Path, check: bool = True, durable: bool = True) -> Path:
    """A consistent copy through the online backup API (one step, so one snapshot), written to a
    temporary name and renamed, readable by the owner only. Refuses a damaged source. DURABLE=False
    (a snapshot that lives only until it is compressed): no journal and no fsync, 40% faster at 15×."""
    if sealed.handles(source):  # #19: encrypted database → sealed backup; never a plain copy
        return sealed.copy_encrypted(source, target, check)
    own = not isinstance(source, sqlite3.Connection)
    src = connect_ro(Path(source)) if own else source
    target = Path(target)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")  # the pid: a killed run's leftover is known
    try:
        if check:
            problems = check_integrity(src, full=True)
            if problems:
                raise StoreError("backup.source_damaged", path=str(source if own else ""))
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        dst = sqlite3.connect(tmp)
        try:
            if not durable:
                dst.execute("PRAGMA journal_mode = OFF")
                dst.execute("PRAGMA synchronous = OFF")
            src.backup(dst)
        finally:
            dst.close()
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except sqlite3.OperationalError as exc:
        _discard(tmp)
        _discard(tmp.with_name(tmp.name + "-journal"))
        if is_busy(exc):
            raise StoreError("db.busy") from None
        if "full" in str(exc).lower():
            raise write_error(OSError(errno.ENOSPC, str(exc)), target.parent, _size(source)) from None
        raise StoreError("backup.cannot_write", path=str(target), reason=str(exc)) from None
    except OSError as exc:
        _discard(tmp)
        _discard(tmp.with_name(tmp.name + "-journal"))
        if exc.errno in FULL:
            raise write_error(exc, target.parent, _size(source)) from None
        raise StoreError("backup.cannot_write", path=str(target), reason=exc.strerror or str(exc)) from None
    finally:
        if own:
            src.close()
    return target


def _size(source: Path | sqlite3.Connection) -> int:
    """The room a copy of SOURCE needs."""
    if isinstance(source, sqlite3.Connection):
        pages = source.execute("PRAGMA page_count").fetchone()[0]
        return pages * source.execute("PRAGMA page_size").fetchone()[0]
    try:
        return Path(source).stat().st_size
    except OSError:
        return 0


_STALE = re.compile(r"\..+\.(\d+)\.part(-journal)?$")
_OLD_STALE = re.compile(r"\..+\.part(-journal)?$")
OLD_AGE_S = 3600


def sweep_leftovers(folder: Path) -> list[Path]:
    """Half-written copies (`.NAME.PID.part` and their journals) of runs that were killed or failed:
    removed unless their process still runs; nameless older ones after an hour."""
    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        path = Path(folder) / name
        m = _STALE.fullmatch(name)
        if m:
            if process_alive(int(m.group(1))):
                continue
        elif not _OLD_STALE.fullmatch(name):
            continue
        else:
            try:
                if datetime.now().timestamp() - path.stat().st_mtime < OLD_AGE_S:
                    continue
            except OSError:
                continue
        _discard(path)
        removed.append(path)
    if removed:
        log.info("removed %d half-written backup file(s) of an earlier run", len(removed))
    return removed


def check_source(db_path: Path) -> None:
    """The full check before a backup, unless one passed on the file exactly as it is now."""
    if checks.checked_since_last_write(db_path, full=True):
        return
    try:
        problems = checks.run_check(db_path, full=True)
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise StoreError("db.busy") from None
        problems = [str(exc)]
    if problems:
        raise StoreError("backup.source_damaged", path=str(db_path))


def _snapshot(db_path: Path, target: Path) -> Path:
    """One consistent copy of the live file (WAL included) through the backup API, in rollback
    mode so that it deserializes into memory. TARGET is a hidden file in the backups folder."""
    copy_database(db_path, target, check=False, durable=False)
    conn = sqlite3.connect(str(target))
    try:
        conn.execute("PRAGMA synchronous = OFF")  # else the header change fsyncs the whole file (1.1 s at 15×)
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    return target


@dataclass(frozen=True)
class _Image:
    """The bytes a backup holds, as chunks: a SQLite database SIZE bytes long, in rollback mode."""
    size: int
    chunks: Callable[[], Iterator[bytes]]


def _file_image(path: Path) -> _Image:
    """A file nobody else has open (a snapshot), read as it is."""
    def chunks() -> Iterator[bytes]:
        with open(path, "rb") as fh:
            while chunk := fh.read(CHUNK):
                yield chunk
    return _Image(Path(path).stat().st_size, chunks)


def _held_image(source: locksafe.HeldFile, size: int) -> _Image:
    """The first SIZE bytes of a live database file, read through the descriptor its reading
    connection holds (opening and closing another would release that connection's locks), with
    the header's WAL mark (bytes 18-19) set back to rollback mode: a WAL-mode image does not
    deserialize into memory."""
    def chunks() -> Iterator[bytes]:
        for offset in range(0, size, CHUNK):
            chunk = source.read_at(offset, min(CHUNK, size - offset))
            if len(chunk) != min(CHUNK, size - offset):
                raise OSError(errno.EIO, "the database file is shorter than its pages", str(source.path))
            if offset == 0:
                chunk = chunk[:18] + ROLLBACK_MODE + chunk[20:]
            yield chunk
    return _Image(size, chunks)


def _write_compressed(src: Path | _Image, dest_path: Path, seal: Seal | None = None) -> Path:
    """Stream SRC (a file, or an image of the live one) through zstd into DEST (a hidden temp name,
    renamed when whole). SEAL, when given, wraps the output: the compressed stream is sealed
    (encrypted) as it is written."""
    image = src if isinstance(src, _Image) else _file_image(Path(src))
    dest_path = Path(dest_path)
    tmp = dest_path.with_name(f".{dest_path.name}.{os.getpid()}.part")
    try:
        dest_path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as raw:
            sink = seal(raw) if seal is not None else raw
            compressor = zstandard.ZstdCompressor(level=ZSTD_LEVEL, write_content_size=True, write_checksum=True,
                                                  threads=ZSTD_THREADS)
            with compressor.stream_writer(sink, size=image.size, closefd=False) as writer:
                for chunk in image.chunks():
                    writer.write(chunk)
            if sink is not raw:
                sink.close()
            raw.flush()
            os.fsync(raw.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, dest_path)
    except OSError as exc:
        _discard(tmp)
        if exc.errno in FULL:
            raise write_error(exc, dest_path.parent, image.size // 8) from None
        raise StoreError("backup.cannot_write", path=str(dest_path), reason=exc.strerror or str(exc)) from None
    except zstandard.ZstdError as exc:  # the image was not SIZE bytes long
        _discard(tmp)
        raise StoreError("backup.cannot_write", path=str(dest_path), reason=str(exc)) from None
    return dest_path


def write_backup(db_path: Path, target: Path, seal: Seal | None = None, verify: bool = False) -> Path:
    """A compressed backup of DB_PATH at TARGET: straight from the file when its WAL is empty
    (`_write_direct`), else from a snapshot (compressed, then removed).
    VERIFY (an unsealed backup): checked as `check_backup(full=False)` would, and removed if bad."""
    target = Path(target)
    if seal is None and sealed.handles(db_path):  # #19: encrypted → compressed then sealed, never a plain snapshot
        made = sealed.copy_encrypted(db_path, target, check=False)
        _verified(made, lambda: check_backup(made, full=False) if verify else None)
        return made
    made = _write_direct(db_path, target, seal, verify)
    if made is not None:
        return made
    snap = target.with_name(f".{target.name}.snapshot.{os.getpid()}.part")
    try:
        before = checks.signature(db_path)
        _snapshot(db_path, snap)
        checked = checks.signature(db_path) == before and checks.checked_as(db_path, before)
        made = _write_compressed(snap, target, seal)
        if verify and seal is None:
            _verified(made, lambda: _verify_written(made, snap.stat().st_size, checked,
                                                    lambda: _check_snapshot(snap, made)))
        return made
    finally:
        _discard(snap)
        _discard(snap.with_name(snap.name + "-journal"))


def _write_direct(db_path: Path, target: Path, seal: Seal | None, verify: bool) -> Path | None:
    """The backup compressed straight from the database file, with no snapshot (at 15× that saves
    writing and reading back 4.5 GB), under a read transaction that began before the WAL was looked
    at. A reader that began while the WAL held no frames reads the file alone, and no checkpoint
    may write into the file until it ends: the file's pages are then exactly its snapshot, however
    many writes other programs add to the WAL meanwhile. None (the caller takes a snapshot) when
    the WAL holds frames or the file cannot be read this way (no descriptor to read it through)."""
    try:
        conn = connect_ro(db_path)
    except sqlite3.Error:
        return None
    try:
        try:
            conn.execute("BEGIN")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the read lock, held from here
            stamp = checks.signature(db_path)
            if stamp[2] != 0:  # the WAL holds frames (an empty or missing one is [0, 0])
                return None
            size = conn.execute("PRAGMA page_count").fetchone()[0] * conn.execute("PRAGMA page_size").fetchone()[0]
            source = locksafe.HeldFile(db_path)
        except (sqlite3.Error, OSError):
            return None
        if source.stat.st_size < size:
            return None
        checked = checks.checked_as(db_path, stamp)
        made = _write_compressed(_held_image(source, size), target, seal)
        if verify and seal is None:
            _verified(made, lambda: _verify_written(made, size, checked,
                                                    lambda: _check_backup_connection(conn, made, full=False)))
        return made
    finally:
        conn.close()


def _verified(made: Path, verify: Callable[[], None]) -> None:
    """Run VERIFY; a backup it refuses is removed."""
    try:
        verify()
    except StoreError:
        _discard(made)
        raise


def _verify_written(made: Path, size: int, checked: bool, check_source_bytes: Callable[[], None]) -> None:
    """The written backup (SIZE bytes once decompressed) is sound, as `check_backup(full=False)`
    would find it. CHECKED (the full check passed on the file exactly as it was copied): decompressed
    into nothing, zstd's frame checksum, the length and the header prove it holds those checked
    bytes. Otherwise, up to MEMORY_VERIFY_LIMIT: decompressed into memory and checked; larger:
    CHECK_SOURCE_BYTES checks what was compressed (the snapshot, or the file within the read
    transaction it was copied in), then the same decompression into nothing. (Run side by side on
    two cores, the two were no faster.)"""
    if not checked and size <= MEMORY_VERIFY_LIMIT:
        check_backup(made, full=False)
        return
    if not checked:
        check_source_bytes()
    _verify_stream(made, size, StoreError("backup.bad", path=str(made)))


def _check_snapshot(snap: Path, made: Path) -> None:
    conn = connect_sqlite_ro(snap, StoreError("backup.bad", path=str(made)))
    try:
        _check_backup_connection(conn, made, full=False)
    finally:
        conn.close()


def _verify_stream(path: Path, size: int, refusal: StoreError) -> None:
    """Decompress PATH into nothing: refused unless the frame (and its checksum) is whole, SIZE
    bytes long and starts with the SQLite header, in rollback mode (as a restore needs it)."""
    total, head = 0, b""
    try:
        with open(path, "rb") as fh:
            reader = zstandard.ZstdDecompressor().stream_reader(fh, read_size=1 << 20)
            while chunk := reader.read(1 << 22):
                if not head:
                    head = chunk[:20]
                total += len(chunk)
    except (zstandard.ZstdError, OSError):
        raise refusal from None
    if total != size or head[:16] != b"SQLite format 3\x00" or head[18:20] != ROLLBACK_MODE:
        raise refusal


def _copy_file(source: Path, target: Path) -> None:
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        shutil.copyfile(source, tmp)
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except OSError:
        _discard(tmp)
        raise


def make_backup(db_path: Path, reason: str, *, second: Path | None | bool = True, check: bool = True,
                now: datetime | None = None, keep: int | None = None, seal: Seal | None = None,
                verify: bool = True) -> Path:
    """Back up into the backup folder (and the second folder when set), then thin each folder.
    Returns the primary copy. A missing second folder (the USB stick is out) is only logged.
    CHECK: refuse a damaged source (a full check unless it was checked since its last write);
    VERIFY: the written backup is checked (see `_verify_written`) and removed if bad."""
    db_path = Path(db_path)
    taken = now or datetime.now(timezone.utc)
    name = f"{db_path.stem}-{taken.strftime(STAMP)}-{_REASON.sub('-', reason.lower()).strip('-') or 'manual'}"
    name += COMPRESSED
    folders = folders_for(db_path, second)
    if check:
        check_source(db_path)
    primary = write_backup(db_path, folders[0] / name, seal, verify=verify)
    for folder in folders[1:]:
        try:
            if folder.is_dir():
                _copy_file(primary, folder / name)
            else:
                log.warning("second backup folder is not available")
        except OSError:
            log.warning("could not write the second backup copy")
    for folder in folders:
        thin(db_path, folder, keep=keep)
    log.info("backup made (%s)", reason)
    return primary


def backup_before(store: Store, reason: str) -> Path | None:
    """Call before a risky operation (import, merge), outside its transaction. No-op in memory.
    One backup serves a batch of the district's sync imports (BATCHED): none is made when one for
    REASON is younger than the batch window; a file merged badly is imported again from the same
    file after a restore."""
    if store.path is None:
        return None
    batch = BATCHED.get(reason)
    if batch is not None:
        now = datetime.now(timezone.utc)
        if any(b.reason == reason and now - b.taken_at < batch
               for b in list_backups(store.path, [backup_folder(store.path)])):
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


def thin(db_path: Path, folder: Path, keep: int | None = None, max_bytes: int | None = None) -> list[Path]:
    """Delete what `keep_set` does not keep, then the oldest kept ones while the folder's backups
    together are larger than MAX_BYTES (the setting; the newest is always kept). A second process
    thinning at once is harmless."""
    sweep_leftovers(folder)
    files = list_backups(db_path, [folder])
    keep = keep_set([b.taken_at for b in files], recent=keep or _keep_recent())
    limit = max_bytes if max_bytes is not None else _max_total_bytes()
    total = 0
    for b in files:  # newest first
        if b.taken_at not in keep:
            continue
        try:
            total += b.path.stat().st_size
        except OSError:
            continue
        if total > limit and b is not files[0]:
            keep.discard(b.taken_at)
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


def is_compressed(path: Path) -> bool:
    return Path(path).name.endswith(".zst")


def _decompress_to(path: Path, target: Path, unseal: Seal | None = None) -> Path:
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with open(path, "rb") as fh, open(tmp, "wb") as out:
            zstandard.ZstdDecompressor().copy_stream(unseal(fh) if unseal else fh, out)
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except zstandard.ZstdError:
        _discard(tmp)
        raise StoreError("backup.bad", path=str(path)) from None
    except OSError as exc:
        _discard(tmp)
        if exc.errno in FULL:
            raise write_error(exc, target.parent, 0) from None
        raise
    return target


@contextlib.contextmanager
def open_backup(path: Path, unseal: Seal | None = None) -> Iterator[sqlite3.Connection]:
    """A read-only connection to what a backup holds: an old plain `.db` as it is; a `.db.zst`
    decompressed into memory (deserialized), or, when larger than MEMORY_VERIFY_LIMIT, into a
    hidden file beside it that is removed afterwards. Refuses what is not a SQLite database."""
    path = Path(path)
    refusal = StoreError("backup.bad", path=str(path))
    if path.is_dir():
        raise StoreError("db.is_dir", path=str(path))
    if sealed.is_sealed(path):  # #19: an encrypted database's backup, opened in memory after a login
        conn = sealed.open_sealed(path)
        try:
            yield conn
        finally:
            conn.close()
        return
    if not is_compressed(path):
        try:  # #19: a keyed private copy (a sealed backup being restored) opens with its key
            conn = connect_ro(path) if sealed.handles(path) else connect_sqlite_ro(path, refusal)
        except OSError:
            raise StoreError("backup.missing", path=str(path)) from None
        try:
            yield conn
        finally:
            conn.close()
        return
    try:
        with open(path, "rb") as fh:
            size = zstandard.frame_content_size(fh.read(18)) if unseal is None else -1
    except OSError:
        raise StoreError("backup.missing", path=str(path)) from None
    except zstandard.ZstdError:
        raise refusal from None
    if 0 <= size <= MEMORY_VERIFY_LIMIT:
        try:
            with open(path, "rb") as fh:  # one call with the size known: 3× faster than a stream
                data = zstandard.ZstdDecompressor().decompress(fh.read(), max_output_size=size)
        except zstandard.ZstdError:
            raise refusal from None
        if data[:16] != b"SQLite format 3\x00":
            raise refusal
        conn = sqlite3.connect(":memory:")
        try:
            conn.deserialize(data)
            del data
            conn.execute("PRAGMA query_only = ON")
            yield conn
        finally:
            conn.close()
        return
    staged = _decompress_to(path, path.with_name(f".{path.name}.open.{os.getpid()}.part"), unseal)
    try:
        conn = connect_sqlite_ro(staged, refusal)
        try:
            yield conn
        finally:
            conn.close()
    finally:
        _discard(staged)
        for side in ("-wal", "-shm", "-journal"):
            _discard(staged.with_name(staged.name + side))


def check_backup(path: Path, full: bool = True) -> None:
    """Refuse a file that is not a sound LiftDesk database (the header, our meta row, integrity)."""
    path = Path(path)
    with open_backup(path) as conn:
        _check_backup_connection(conn, path, full)


def _check_backup_connection(conn: sqlite3.Connection, path: Path, full: bool) -> None:
    try:
        app = conn.execute("SELECT value FROM liftdesk_meta WHERE key = 'app'").fetchone()
    except sqlite3.DatabaseError:
        raise StoreError("backup.bad", path=str(path)) from None
    if not app or app[0] != APP_ID:
        raise StoreError("backup.bad", path=str(path))
    unknown = [name for name in _applied(conn) if name not in known_migration_names()]
    if unknown:  # restoring it would leave a database this version refuses to open
        raise StoreError("restore.newer", path=str(path), names=", ".join(unknown))
    if check_integrity(conn, full=full):
        raise StoreError("backup.bad", path=str(path))


def _applied(conn: sqlite3.Connection, schema: str = "main") -> list[str]:
    try:
        return [r[0] for r in conn.execute(
            f"SELECT name FROM {schema}._sqlite_migrations WHERE migration_set = ? ORDER BY rowid", [migrations.name])]
    except sqlite3.DatabaseError:
        return []


PREVIEW_TABLES = ("street", "unit", "household", "person", "project", "position", "meeting", "diary_entry")


def preview(path: Path) -> dict:
    """What a backup holds, for the restore dialog and `restore --dry-run`: record counts, the
    newest change and when the copy was made."""
    path = Path(path)
    with open_backup(path) as conn:
        return _preview_of(conn, path)


def checked_preview(path: Path) -> dict:
    """`check_backup(full=False)` and `preview` with one decompression (at 15× each one writes
    4.5 GB back to disk): the restore dialog runs it off the UI thread."""
    path = Path(path)
    with open_backup(path) as conn:
        _check_backup_connection(conn, path, full=False)
        return _preview_of(conn, path)


def _preview_of(conn: sqlite3.Connection, path: Path) -> dict:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    counts = {t: conn.execute(f"SELECT count(*) FROM {t} WHERE deleted = 0").fetchone()[0]
              for t in PREVIEW_TABLES if t in tables}
    newest = conn.execute("SELECT max(at) FROM change_log WHERE seq = (SELECT max(seq) FROM change_log)"
                          ).fetchone()[0] if "change_log" in tables else None
    changes = conn.execute("SELECT count(*) FROM change_log").fetchone()[0] if "change_log" in tables else 0
    version = conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] \
        if "_sqlite_migrations" in tables else 0
    zone = conn.execute("SELECT timezone FROM district WHERE deleted = 0 ORDER BY id LIMIT 1").fetchone() \
        if "district" in tables else None
    m = re.search(r"-(\d{8}T\d{12}Z)-", path.name)
    taken = (datetime.strptime(m.group(1), STAMP).replace(tzinfo=timezone.utc) if m
             else datetime.fromtimestamp(path.stat().st_mtime, timezone.utc))
    zone_name = zone[0] if zone and zone[0] else DEFAULT_ZONE
    taken_at = taken.strftime("%Y-%m-%dT%H:%M:%SZ")
    return {"file": str(path), "taken_at": taken_at, "newest_change": newest,
            "changes": changes, "schema_version": version, "counts": counts, "bytes": path.stat().st_size,
            "timezone": zone_name, "taken_at_local": local_in_zone(taken_at, zone_name, named=True),
            "newest_change_local": local_in_zone(newest, zone_name, named=True) if newest else None}


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


def restore(db_path: Path, backup_path: Path, timeout_ms: int | None = None) -> dict:
    """Replace the database's content with a checked backup, as a writer like any other: it takes
    the write lock (waiting like any writer, up to TIMEOUT_MS), keeps a copy of the database as it
    is under that lock, and replaces every table in the same transaction. A write that reported
    success before is in the kept copy; one that waited is made on the restored data. A backup
    from an older version is brought up to this version's schema first; a newer one is refused.
    A damaged current file cannot be locked as a database: it is renamed aside and replaced."""
    db_path, backup_path = Path(db_path), Path(backup_path)
    if sealed.is_sealed(backup_path):  # #19: opened into a keyed private copy, restored like any backup
        return sealed.restoring(backup_path, backup_folder(db_path),
                                lambda staged: {**restore(db_path, staged, timeout_ms), "restored": str(backup_path)})
    check_backup(backup_path, full=True)
    if db_path.exists() and db_path.resolve() == backup_path.resolve():
        raise StoreError("backup.same_file", path=str(backup_path))
    if not db_path.exists() or db_path.stat().st_size == 0 or not _sound(db_path):
        kept = _move_aside(db_path) if db_path.exists() and db_path.stat().st_size > 0 else None
        _copy_over(backup_path, db_path)
        log.info("restored the database from a backup")
        return {"restored": str(backup_path), "kept": str(kept) if kept else None}
    staged = _migrated_copy(backup_path, backup_folder(db_path))
    try:
        kept = _replace_under_lock(db_path, staged, backup_path, timeout_ms)
    finally:
        _discard(staged)
        _discard(staged.with_name(staged.name + "-journal"))
    log.info("restored the database from a backup")
    return {"restored": str(backup_path), "kept": str(kept)}


def _sound(db_path: Path) -> bool:
    try:
        conn = connect_ro(db_path)
    except sqlite3.Error:
        return False
    try:
        return not check_integrity(conn)
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            return True  # in use, not damaged: the lock is waited for below
        return False
    finally:
        conn.close()


def _copy_over(backup_path: Path, db_path: Path) -> None:
    """Onto a missing, empty or (renamed aside) damaged file: a plain page copy."""
    with open_backup(backup_path) as src:
        dst = connect_like(src, db_path, busy_timeout_ms())  # #19: keyed like a (sealed, staged) encrypted backup
        try:
            src.backup(dst)
            _mark_restored(dst)
            dst.commit()
            if check_integrity(dst):
                raise StoreError("backup.bad", path=str(backup_path))
        except sqlite3.OperationalError as exc:
            if is_busy(exc):
                raise StoreError("db.busy") from None
            raise StoreError("backup.cannot_write", path=str(db_path), reason=str(exc)) from None
        finally:
            dst.close()


def _mark_restored(conn: sqlite3.Connection) -> None:
    """The file now holds an older state: whatever counts its own history (a station's sync
    sequence) must start a new epoch rather than reuse numbers already handed out."""
    conn.execute("INSERT OR REPLACE INTO main.liftdesk_meta (key, value) VALUES ('file.restored', datetime('now'))")


def _migrated_copy(backup_path: Path, folder: Path) -> Path:
    """A private copy of the backup (hidden, in the backups folder) with this version's migrations
    applied, so its tables are the tables the database is to have."""
    staged = folder / f".restore-{datetime.now(timezone.utc).strftime(STAMP)}.{os.getpid()}.part"
    if is_compressed(backup_path):
        folder.mkdir(parents=True, exist_ok=True)
        _decompress_to(backup_path, staged)
    else:
        copy_database(backup_path, staged, check=False)
    from sqlite_utils import Database  # the migrations speak sqlite-utils

    conn = connect_rw(staged)  # #19: keyed when the backup was sealed
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        migrations.apply(Database(conn))
        conn.commit()
    finally:
        conn.close()
    return staged


def _replace_under_lock(db_path: Path, staged: Path, backup_path: Path, timeout_ms: int | None) -> Path:
    conn = connect_rw(db_path, timeout_ms, isolation_level=None)  # #19: keyed when encrypted
    try:
        conn.execute("PRAGMA foreign_keys = OFF")  # tables are dropped and refilled whole
        attach(conn, staged, "restored")  # #19: keyed like the database when it is encrypted
        try:
            begin_immediate(conn)  # the connection's busy timeout: TIMEOUT_MS or the default
        except sqlite3.OperationalError as exc:
            raise (StoreError("db.busy") if is_busy(exc) else exc) from None
        try:
            kept = make_backup(db_path, "before-restore")  # read beside our lock: every committed write
            _replace_tables(conn)
            _mark_restored(conn)
            if check_integrity(conn):
                raise StoreError("backup.bad", path=str(backup_path))
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return kept
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise StoreError("db.busy") from None
        raise StoreError("backup.cannot_write", path=str(db_path), reason=str(exc)) from None
    finally:
        conn.close()


def _replace_tables(conn: sqlite3.Connection) -> None:
    """Inside the caller's transaction: drop every table of main, create the restored copy's
    tables, fill them, then its indexes and triggers (triggers last: filling fires none). The
    serial numbers handed out stay handed out: paper printed after the backup keeps its serial."""
    handed_out = _serials_handed_out(conn)
    for (name,) in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'view'").fetchall():
        conn.execute(f'DROP VIEW main."{name}"')
    for (name,) in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'"
                                " AND sql LIKE 'CREATE VIRTUAL TABLE%'").fetchall():
        conn.execute(f'DROP TABLE main."{name}"')  # a virtual table (the search index) takes its own tables
    for (name,) in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'"
                                " AND name NOT LIKE 'sqlite_%'").fetchall():
        conn.execute(f'DROP TABLE main."{name}"')
    objects = conn.execute("SELECT type, name, sql FROM restored.sqlite_master WHERE sql IS NOT NULL"
                           " AND name NOT LIKE 'sqlite_%'").fetchall()
    virtual = [name for kind, name, sql in objects if kind == "table" and sql.startswith("CREATE VIRTUAL TABLE")]
    for kind, name, sql in sorted(objects, key=lambda o: o[1] not in virtual):
        if name in virtual:
            conn.execute(sql)  # creates its shadow tables, filled from the copy below
        elif kind == "table" and any(name.startswith(v + "_") for v in virtual):
            conn.execute(f'INSERT OR REPLACE INTO main."{name}" SELECT * FROM restored."{name}"')
        elif kind == "table":
            conn.execute(sql)  # generated columns (a record's text stamps) are computed, never copied
            columns = ", ".join(f'"{r[1]}"' for r in conn.execute(f'PRAGMA restored.table_xinfo("{name}")')
                                if r[6] in (0, 1))
            conn.execute(f'INSERT INTO main."{name}" ({columns}) SELECT {columns} FROM restored."{name}"')
    for kind, _name, sql in objects:
        if kind in ("index", "view"):
            conn.execute(sql)
    for kind, _name, sql in objects:
        if kind == "trigger":
            conn.execute(sql)
    if handed_out and _has_table(conn, "serial_counter"):
        conn.executemany("INSERT INTO main.serial_counter (stem, last) VALUES (?, ?) ON CONFLICT(stem)"
                         " DO UPDATE SET last = max(last, excluded.last)", sorted(handed_out.items()))


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = ?", [name]).fetchone() \
        is not None


def _serials_handed_out(conn: sqlite3.Connection) -> dict[str, int]:
    """The highest serial number per stem the current database has reserved or printed."""
    highest: dict[str, int] = {}
    rows: list = []
    if _has_table(conn, "serial_counter"):
        rows += conn.execute("SELECT stem, last FROM main.serial_counter").fetchall()
    if _has_table(conn, "printed_document"):
        for (serial,) in conn.execute("SELECT serial FROM main.printed_document"):
            stem, _, number = serial.rpartition("-")
            if number.isdigit():
                rows.append((stem + "-", int(number)))
    for stem, last in rows:
        highest[stem] = max(highest.get(stem, 0), int(last))
    return highest
