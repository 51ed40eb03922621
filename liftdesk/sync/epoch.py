"""A station's sync identity over time. Its change-log sequence numbers are only meaningful within
an epoch: restoring a backup (the file is marked by store/backup.py) or copying the database file
(its file identity changes) winds the sequence back, so the next export starts a new epoch rather
than hand out numbers the district has already seen with other content."""

from __future__ import annotations

import os

from liftdesk.store import Store, changelog
from liftdesk.store.ids import IdFactory


def file_identity(store: Store) -> str:
    """Device and inode of the database file: a copy (or a file put in its place) has others."""
    if store.path is None:
        return ""
    try:
        st = os.stat(store.path)
    except OSError:
        return ""
    return f"{st.st_dev}:{st.st_ino}"


def begin(store: Store) -> str:
    """Start a new epoch: what was acknowledged stays acknowledged (those rows are the same in
    this file), everything after it is sent again under the new epoch."""
    epoch = IdFactory().new()   # time-ordered, so the district knows which epoch is newest
    ack = store.meta("sync.ack_seq", "0") or "0"
    # Everything this file sent before is below `base`; what the district holds of ours above it (sent
    # from a state this file no longer has) comes back with the next receipt.
    sent = store.db.execute("SELECT max(seq_upto) FROM sync_file WHERE direction = 'out' AND kind = 'bundle'"
                            " AND station_id = ?", [store.station_id]).fetchone()[0] or 0
    base = changelog.latest_hlc(store.db, store.station_id, sent)
    store.set_meta("sync.epoch", epoch)
    store.set_meta("sync.epoch_start", ack)
    store.set_meta("sync.epoch_base_hlc", base or "0")   # "0": everything of ours returns
    store.set_meta("sync.file_id", file_identity(store))
    store.db.execute("DELETE FROM liftdesk_meta WHERE key = 'file.restored'")
    return epoch


def went_back(store: Store) -> bool:
    """Restored from a backup, or this file is a copy of the one the station was enrolled in."""
    if store.meta("file.restored"):
        return True
    ident = file_identity(store)
    return bool(ident) and (store.meta("sync.file_id") or "") != ident


def current(store: Store) -> str:
    """The station's epoch, started anew (inside the caller's transaction) when the file went back."""
    epoch = store.meta("sync.epoch")
    if not epoch or went_back(store):
        epoch = begin(store)
    return epoch
