"""The exchange's bookkeeping, shared by station files and receipts: reading and writing the files
themselves, which ranges of a station's changes have arrived, the record of every file that came
or went, and the backup before a merge."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from liftdesk.common.outputs import FULL, write_error
from liftdesk.errors import LiftDeskError
from liftdesk.store import Store, backup

from . import bundle

MAX_FILE_BYTES = bundle.MAX_FILE


class Rollback(Exception):
    """Raised inside a dry run's transaction to undo everything it wrote."""


def read_file(path: str | Path) -> bytes:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise LiftDeskError("sync.too_large")
        return path.read_bytes()
    except FileNotFoundError:
        raise LiftDeskError("sync.file_missing", path=str(path)) from None
    except IsADirectoryError:
        raise LiftDeskError("sync.not_a_file") from None
    except OSError as exc:
        raise LiftDeskError("sync.cannot_read", path=str(path), reason=exc.strerror or str(exc)) from None


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write beside the target and rename: a half-written file never carries the real name."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True) if tmp.parent.exists() else None
        if exc.errno in FULL:  # a full disk: the folder and the room needed, in words
            raise write_error(exc, path.parent, len(data)) from None
        raise LiftDeskError("sync.cannot_write", path=str(path), reason=exc.strerror or str(exc)) from None
    return path


def record_file(store: Store, direction: str, kind: str, station_id: str, file_no: int, after: int, upto: int,
                 data: bytes, counts: dict, name: str, epoch: str = "") -> None:
    store.db.execute("INSERT INTO sync_file (direction, kind, station_id, file_no, seq_after, seq_upto, at, sha256,"
                     " counts, name, epoch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     [direction, kind, station_id, file_no, after, upto, store.clock.now_iso(),
                      hashlib.sha256(data).hexdigest(), json.dumps(counts, ensure_ascii=False), name, epoch])


def covered(store: Store, station_id: str, epoch: str | None = None) -> list[tuple[int, int]]:
    """Sequence ranges received from a station (in one epoch: numbers of other epochs mean other rows)."""
    if epoch is None:
        epoch = (store.db.execute("SELECT epoch FROM sync_station WHERE station_id = ?", [station_id]).fetchone()
                 or ("",))[0]
    return store.db.execute("SELECT seq_after, seq_upto FROM sync_range WHERE station_id = ? AND epoch = ?",
                            [station_id, epoch]).fetchall()


def covered_upto(ranges: list[tuple[int, int]]) -> int:
    """The highest sequence number below which everything has arrived."""
    upto = 0
    for a, b in sorted(ranges):
        if a > upto:
            break
        upto = max(upto, b)
    return upto


def gaps(store: Store, station_id: str) -> list[int]:
    nos = {r[0] for r in store.db.execute("SELECT file_no FROM sync_file WHERE direction = 'in' AND kind = 'bundle'"
                                          " AND station_id = ?", [station_id])}
    return [n for n in range(1, max(nos, default=0)) if n not in nos]


def backup_before(store: Store, reason: str) -> None:
    """A copy of the file before a merge changes it. A merge never runs without one: a failed copy
    is the store's refusal (StoreError), and nothing is merged."""
    if store.path is not None:
        backup.backup_before(store, reason)
