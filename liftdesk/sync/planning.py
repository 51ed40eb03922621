"""Deciding, before anything is written, what a file's changes do here: new, the same again, held
(outside the sender's scope), rejected (an id that collides) or refused (a parent that is missing)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from liftdesk.errors import LiftDeskError
from liftdesk.places.addresses import Places, within
from liftdesk.store import Store, changelog
from liftdesk.store.records import text
from liftdesk.store.schema import foreign_keys

from .merge import Change


def _existing_ids(store: Store, tbl: str, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(ids), 900):
        chunk = ids[i:i + 900]
        found.update(r[0] for r in store.db.execute(
            f"SELECT id FROM {tbl} WHERE id IN ({', '.join('?' for _ in chunk)})", chunk))
    return found


def _check_same_content(store: Store, again: list[tuple[Change, str | None, int]]) -> None:
    """An insert that arrives again must carry what the one here wrote (the log keeps no copy of
    the content: it is the record with later changes set back, liftdesk/store/changelog.py)."""
    by_table: dict[str, list[tuple[Change, str | None, int]]] = {}
    for item in again:
        by_table.setdefault(item[0].table, []).append(item)
    for table, items in by_table.items():
        contents = changelog.insert_contents(store.db, table, [(c.record_id, seq) for c, logged, seq in items
                                                               if logged is None])
        for c, logged, _ in items:
            if logged is not None:
                same = json.loads(logged) == c.values()
            else:
                here = contents.get(c.record_id, {})
                same = all(k in here and text(here[k]) == text(v) for k, v in c.values().items())
            if not same:
                raise LiftDeskError("sync.same_clock_differs", table=c.table, id=c.record_id)


@dataclass
class Plan:
    inserts: list[Change]
    edits: list[Change]
    held: list[tuple[Change, str]]
    rejected: list[tuple[Change, str]]


def plan_changes(store: Store, changes: list[Change], scope: list[tuple[str, ...]], origin: str | None) -> Plan:
    """Decide, before writing, what is new, duplicate, held (out of scope), rejected or refused."""
    schema_inserts = [c for c in changes if c.is_insert]
    by_table: dict[str, list[Change]] = {}
    for c in schema_inserts:
        by_table.setdefault(c.table, []).append(c)
    exists: dict[str, set[str]] = {t: _existing_ids(store, t, [c.record_id for c in cs]) for t, cs in by_table.items()}
    inserts, rejected, again = [], [], []
    for c in schema_inserts:
        if c.record_id not in exists[c.table]:
            inserts.append(c)
            continue
        row = store.db.execute("SELECT hlc, new, seq FROM change_log WHERE tbl = ? AND record_key = ?"
                               " AND +record_id = ? AND op = 'insert' ORDER BY seq LIMIT 1",
                               [c.table, changelog.key(c.record_id), c.record_id]).fetchone()
        if row and row[0] == c.hlc:
            again.append((c, row[1], row[2]))
            continue  # the same insert again (its content is compared below)
        rejected.append((c, "id_collision"))
    _check_same_content(store, again)
    seen = {(c.table, c.record_id): c.values() for c in inserts}
    places = Places(store, seen)
    held_keys: set[tuple[str, str]] = set()
    if origin:
        for (raw,) in store.db.execute("SELECT change FROM sync_held WHERE station_id = ?", [origin]):
            row = json.loads(raw)
            held_keys.add((row[1], row[2]))
    held, keep = [], []
    for c in inserts:
        if scope and not within(places, c.table, c.record_id, scope):
            held.append((c, "scope"))
            held_keys.add((c.table, c.record_id))
        else:
            keep.append(c)
    inserted = {(c.table, c.record_id) for c in keep}
    edits = []
    rejected_keys = {(c.table, c.record_id) for c, _ in rejected}
    edit_targets: dict[str, set[str]] = {}
    for c in changes:
        if not c.is_insert:
            edit_targets.setdefault(c.table, set()).add(c.record_id)
    present = {t: _existing_ids(store, t, sorted(ids)) for t, ids in edit_targets.items()}
    for c in changes:
        if c.is_insert:
            continue
        key = (c.table, c.record_id)
        if key in held_keys or (scope and key not in inserted and c.record_id in present[c.table]
                                and not within(places, c.table, c.record_id, scope)):
            held.append((c, "scope"))
        elif key in rejected_keys:
            rejected.append((c, "id_collision"))
        elif key not in inserted and c.record_id not in present[c.table]:
            raise LiftDeskError("sync.missing_record", table=c.table, id=c.record_id)
        else:
            edits.append(c)
    _check_parents(store, keep, edits, inserted)
    return Plan(keep, edits, held, rejected)


def _check_parents(store: Store, inserts: list[Change], edits: list[Change], inserted: set[tuple[str, str]]) -> None:
    wanted: dict[str, set[str]] = {}
    for c in inserts:
        values = c.values()
        for col, target in foreign_keys(c.table):
            if values.get(col) and (target, values[col]) not in inserted:
                wanted.setdefault(target, set()).add(str(values[col]))
    for c in edits:
        target = dict(foreign_keys(c.table)).get(c.field)
        if target and c.new and (target, c.new) not in inserted:
            wanted.setdefault(target, set()).add(c.new)
    for target, ids in wanted.items():
        missing = ids - _existing_ids(store, target, sorted(ids))
        if missing:
            raise LiftDeskError("sync.missing_parent", table=target, id=sorted(missing)[0])
