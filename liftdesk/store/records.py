"""The one way user data is written: every insert, edit, delete and restore stamps the record
(updated_at, station, HLC) and appends to the change log in the same transaction. The log is
the audit trail, the undo source and what a station exports to the district."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field as dc_field
from typing import Any, Callable, Iterable

from liftdesk.errors import LiftDeskError
from . import changelog, stamps
from .connection import Store
from .schema import USER_TABLES
from .stamps import COMMON_FIELDS, STORED_FIELDS
from .validation import check_row, column_types

log = logging.getLogger(__name__)

# The change-log columns in the order of Change's first fields.
LOG_SELECT = "seq, tbl, record_id, op, field, old, new, at, hlc, station_id, actor"


def _check_table(table: str) -> None:
    if table not in USER_TABLES:
        raise ValueError(f"not a user table: {table}")


# Ops that may set the `deleted` column: tombstone, restore, undo/redo, the retraction cache, and
# 'uninsert' (the creation of the record was undone: a tombstone the recycle bin does not list).
DELETED_OPS = ("delete", "restore", "undo", "redo", "retract", "uninsert")


def current_action(store: Store) -> str | None:
    """The id of the user action being written (liftdesk/history/actions.py), or None outside one."""
    return store.actions.current_id


ScopeCheck = Callable[[Store, str, str, "dict[str, Any] | None"], None]
_scope_check: list[ScopeCheck] = []


def install_scope_check(check: ScopeCheck) -> None:
    """The places domain's rule for a station's scope (liftdesk/places/scope.py installs it when it
    is imported). The store cannot import it (the store is below every domain), so it is handed in."""
    _scope_check[:] = [check]


def _log(store: Store, rows: Iterable[tuple]) -> None:
    """Every row is tagged with the current user action: undo reverses an action as a whole."""
    action_id = current_action(store)
    rows = list(rows)
    if rows:  # table, operation and count only: never values (they hold residents' data)
        log.info("%s %s: %d change(s)", rows[0][2], rows[0][0], len(rows))
    changelog.append(store.db, [(*row, action_id) for row in rows])


def text(value: Any) -> str | None:
    """A value as the log keeps it: text, or None."""
    return None if value is None else str(value)


def insert_many(store: Store, table: str, rows: list[dict[str, Any]]) -> list[str]:
    """Insert records (ids made here unless given) and log each one, in one transaction."""
    _check_table(table)
    if not rows:
        return []
    now = store.clock.now_iso()
    prepared, log_rows = [], []
    for values in rows:
        record = dict(values)
        record.setdefault("id", store.ids.new())
        hlc = store.clock.tick()
        record.update(created_at=record.get("created_at") or stamps.stamp_time(hlc), updated_at=now,
                      station_id=store.station_id, hlc=hlc, deleted=0)
        prepared.append(record)
        # the record is the insert's content: the log keeps no copy (liftdesk/store/changelog.py)
        log_rows.append((table, record["id"], "insert", None, None, None, now, hlc, store.station_id, store.actor))
    types = column_types(store.db, table)
    for record in prepared:
        if set(record) & set(STORED_FIELDS):
            raise LiftDeskError("record.no_field", field=sorted(set(record) & set(STORED_FIELDS))[0])
        check_row(table, record, types)
    _check_scope(store, table, prepared)
    compact = stamps.is_compact(types)
    rows = [stamps.stored(r, compact) for r in prepared]
    columns = list(rows[0].keys())
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
    with store.db.atomic():
        store.db.conn.executemany(sql, [[r.get(c) for c in columns] for r in rows])
        _log(store, log_rows)
    return [r["id"] for r in prepared]


def _check_scope(store: Store, table: str, rows: list[dict[str, Any]]) -> None:
    """A station writes only inside its scope (liftdesk/places/scope.py); elsewhere this costs nothing.
    On a station with a scope and no check installed, nothing is written: never unchecked."""
    if not store.scope.names(store):
        return
    if not _scope_check:
        raise RuntimeError("a station's scope is set but liftdesk.places.scope was never imported")
    for row in rows:
        _scope_check[0](store, table, row["id"], row)


def insert(store: Store, table: str, values: dict[str, Any]) -> str:
    return insert_many(store, table, [values])[0]


def get(store: Store, table: str, record_id: str) -> dict[str, Any]:
    _check_table(table)
    cur = store.db.execute(f"SELECT * FROM {table} WHERE id = ?", [record_id])
    row = cur.fetchone()
    if row is None:
        raise LiftDeskError("record.not_found", table=table, id=record_id)
    return {name: value for (name, *_), value in zip(cur.description, row) if name not in STORED_FIELDS}


def update(store: Store, table: str, record_id: str, changes: dict[str, Any], op: str = "update") -> dict[str, tuple]:
    """Change fields of one record; log old and new per changed field. Returns what changed."""
    _check_table(table)
    for name in changes:
        if (name in COMMON_FIELDS or name in STORED_FIELDS) and not (name == "deleted" and op in DELETED_OPS):
            raise LiftDeskError("record.no_field", field=name)
    with store.db.atomic():
        current = get(store, table, record_id)
        changed = {k: (current[k], v) for k, v in changes.items() if current.get(k) != v}
        if not changed:
            return {}
        types = column_types(store.db, table)
        check_row(table, {k: new for k, (_, new) in changed.items()}, types)
        _check_scope(store, table, [current])
        if any(k.endswith("_id") or k == "name" for k in changed):  # moved or renamed: where it ends up
            _check_scope(store, table, [{**current, **changes}])
        now, hlc = store.clock.now_iso(), store.clock.tick()
        stamp = stamps.stored({"updated_at": now, "station_id": store.station_id, "hlc": hlc}, stamps.is_compact(types))
        assignments = ", ".join([f"{k} = ?" for k in [*changed, *stamp]]
                                + ([stamps.KEEP_CREATED] if stamps.is_compact(types) else []))
        store.db.execute(f"UPDATE {table} SET {assignments} WHERE id = ?",
                         [new for _, new in changed.values()] + list(stamp.values()) + [record_id])
        _log(store, [(table, record_id, op, k, text(old), text(new), now, hlc, store.station_id, store.actor)
                     for k, (old, new) in changed.items()])
    return changed


def set_deleted(store: Store, table: str, record_id: str, deleted: bool) -> None:
    """Tombstone or restore: user data is never hard-deleted."""
    update(store, table, record_id, {"deleted": 1 if deleted else 0}, op="delete" if deleted else "restore")


@dataclass
class Change:
    """One change-log row: the audit trail, the undo source and what sync carries. A row in transit
    also carries its record's creation time and, for an edit, the stamps of the values it replaced."""

    seq: int
    table: str
    record_id: str
    op: str
    field: str | None
    old: str | None
    new: str | None
    at: str = ""
    hlc: str = ""
    station_id: str = ""
    actor: str = ""
    created_at: str | None = None
    bases: list[str] = dc_field(default_factory=list)
    parsed: dict | None = dc_field(default=None, repr=False, compare=False)

    def row(self) -> list:
        """The row as a sync file lists it."""
        return [self.seq, self.table, self.record_id, self.op, self.field, self.old, self.new, self.at, self.hlc,
                self.station_id, self.actor, self.created_at, self.bases]

    @property
    def is_insert(self) -> bool:
        return self.op == "insert"

    def values(self) -> dict:
        """An insert's values (parsed once)."""
        if self.parsed is None:
            self.parsed = json.loads(self.new)
        return self.parsed


def history(store: Store, table: str, record_id: str) -> list[Change]:
    rows = store.db.execute(f"SELECT {LOG_SELECT} FROM change_log WHERE tbl = ? AND record_key = ? AND +record_id = ?"
                            " ORDER BY seq", [table, changelog.key(record_id), record_id]).fetchall()
    changes = [Change(*r) for r in rows]
    changelog.fill_inserts(store.db, changes)
    return changes

