"""Undo of edits and deletions, from the change log: the latest change group of this station
(one user action = one HLC stamp) is reversed by writing the old values back, itself logged.
Repeated undos step further back. Append-only facts are corrected by a new record, not undone."""

from __future__ import annotations

import json

from . import recycle
from .i18n import LiftDeskError
from .store import Store, records

UNDOABLE = ("update", "delete")
_KEY = "undone_stamps"
_KEEP = 200


def _undone(store: Store) -> list[str]:
    return json.loads(store.meta(_KEY, "[]"))


def pending(store: Store) -> list[records.Change]:
    """The change group the next undo would reverse (empty when there is nothing to undo)."""
    done = set(_undone(store))
    for (stamp,) in store.db.execute(
            f"SELECT DISTINCT hlc FROM change_log WHERE station_id = ? AND op IN ({', '.join('?' * len(UNDOABLE))})"
            " ORDER BY seq DESC LIMIT 500", [store.station_id, *UNDOABLE]):
        if stamp not in done:
            rows = store.db.execute(
                "SELECT seq, tbl, record_id, op, field, old, new, at, hlc, station_id, actor FROM change_log"
                " WHERE hlc = ? ORDER BY seq", [stamp]).fetchall()
            return [records.Change(*r) for r in rows]
    return []


def _typed(store: Store, table: str, field: str, text: str | None):
    """The log keeps text; INTEGER columns get their number back."""
    if text is None:
        return None
    declared = {row[1]: row[2] for row in store.db.execute(f"PRAGMA table_info({table})")}
    return int(text) if declared.get(field, "").upper() == "INTEGER" else text


def undo_last(store: Store) -> list[records.Change]:
    """Reverse the latest change group in one transaction; returns what was reversed."""
    group = pending(store)
    if not group:
        raise LiftDeskError("undo.nothing")
    with store.db.atomic():
        for change in group:
            if change.op == "delete":
                recycle.restore(store, change.table, change.record_id, op="undo")
            else:
                records.update(store, change.table, change.record_id,
                               {change.field: _typed(store, change.table, change.field, change.old)}, op="undo")
        done = (_undone(store) + [group[0].hlc])[-_KEEP:]
        store.set_meta(_KEY, json.dumps(done))
    return group
