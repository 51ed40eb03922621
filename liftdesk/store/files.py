"""A database as a file the user handles: a new empty one where they choose, and a copy of the
open one saved elsewhere (to hand on, or keep) that is consistent even while the database is in
use: SQLite's online backup API reads one snapshot, the WAL included, which a raw file copy of a
live WAL database does not."""

from __future__ import annotations

from pathlib import Path
from liftdesk.errors import StoreError
from liftdesk.store import backup
from liftdesk.store.connection import open_store


def _refuse_existing(path: Path) -> None:
    if path.is_dir():
        raise StoreError("db.is_dir", path=str(path))
    if path.exists():
        raise StoreError("db.exists", path=str(path))
    if not path.parent.is_dir():
        raise StoreError("db.no_folder", folder=str(path.parent))


def create_database(path: str | Path) -> Path:
    """A new, empty database at PATH; an existing file there is never overwritten."""
    path = Path(path)
    _refuse_existing(path)
    open_store(path, actor="new", create=True).close()
    return path


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and a.samefile(b))
    except OSError:
        return False


def save_copy(source: str | Path, target: str | Path) -> Path:
    """A checked, consistent copy of the database at SOURCE (open or not) at TARGET, a new file:
    nothing is overwritten, least of all the database itself or one of its -wal/-shm files. Takes
    paths, not a store, so that it can run on a worker thread with its own connection."""
    source, target = Path(source), Path(target)
    if any(_same_file(source.with_name(source.name + suffix), target) for suffix in ("", "-wal", "-shm")):
        raise StoreError("db.same_file", path=str(source))
    _refuse_existing(target)
    return backup.copy_database(source, target)
