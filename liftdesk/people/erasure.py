"""Erasure of one resident's personal data (个人信息保护法 第四十七条): a resident who moved away asks
to be forgotten. Their name, phone and ID number leave the person record, its history in the
change log, and the copies of their name kept with their households' positions, attendance and
group seats; "已删除的个人信息" stands in their place. Ownerships, positions and verdicts stay, so
every count is unchanged. The purge itself is logged, without the data."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from liftdesk.errors import LiftDeskError
from liftdesk.places import search
from liftdesk.store import Store, changelog, records
from liftdesk.store import stamps
from liftdesk.store.validation import column_types

log = logging.getLogger(__name__)

PURGED_NAME = "已删除的个人信息"
PERSON_FIELDS = {"name": PURGED_NAME, "phone": "", "id_ref": ""}
# Records that keep a copy of a resident's name, tied to a household: (table, name column).
NAME_COPIES = (("position", "respondent_name"), ("attendance", "name"), ("group_member", "name"))


@dataclass(frozen=True)
class PurgeReport:
    persons: int          # person records purged (the person and records merged into them)
    log_rows: int         # change-log rows rewritten
    copies: int           # name copies replaced in positions, attendance, group seats


def _secrets_of(store: Store, person_id: str) -> dict[str, set[str]]:
    """Every value the person's record has held, by field: now, and in its change log."""
    row = records.get(store, "person", person_id)
    values: dict[str, set[str]] = {f: {row[f] or ""} for f in PERSON_FIELDS}
    for op, field, old, new in store.db.execute(
            "SELECT op, field, old, new FROM change_log WHERE tbl = 'person' AND record_key = ? AND +record_id = ?",
            [changelog.key(person_id), person_id]):
        if op == "insert" and new:
            payload = json.loads(new)
            for f in PERSON_FIELDS:
                values[f].add(str(payload.get(f) or ""))
        elif field in PERSON_FIELDS:
            values[field] |= {old or "", new or ""}
    return {f: {v for v in vs if v and v != PURGED_NAME} for f, vs in values.items()}


def _merged_into(store: Store, person_id: str) -> list[str]:
    """Person records once merged into this one (their ownerships moved here): the same resident."""
    rows = store.db.execute(
        "SELECT DISTINCT old FROM change_log WHERE tbl = 'ownership' AND field = 'person_id' AND new = ?"
        " AND old IS NOT NULL AND old != ?", [person_id, person_id]).fetchall()
    return [r[0] for r in rows]


def _scrub(value, secrets: set[str]):
    if isinstance(value, str):
        for secret in sorted(secrets, key=len, reverse=True):
            if secret in value:
                value = value.replace(secret, PURGED_NAME)
        return value
    if isinstance(value, dict):
        return {k: _scrub(v, secrets) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v, secrets) for v in value]
    return value


def _rewrite_log(store: Store, table: str, record_id: str, secrets: set[str], person: bool) -> int:
    changed = 0
    rows = store.db.execute("SELECT seq, op, field, old, new FROM change_log WHERE tbl = ? AND record_key = ?"
                            " AND +record_id = ? AND op != 'purge'", [table, changelog.key(record_id), record_id]).fetchall()
    for seq, op, field, old, new in rows:
        if op == "insert" and new:
            payload = json.loads(new)
            if person:
                payload.update({k: v for k, v in PERSON_FIELDS.items() if k in payload})
            text = json.dumps(_scrub(payload, secrets), ensure_ascii=False, sort_keys=True)
            new_old = (old, text)
        elif person and field in PERSON_FIELDS:
            blank = PERSON_FIELDS[field]
            new_old = (None if old is None else blank, None if new is None else blank)
        else:
            new_old = (_scrub(old, secrets), _scrub(new, secrets))
        if new_old != (old, new):
            store.db.execute("UPDATE change_entry SET old = ?, new = ? WHERE seq = ?", [*new_old, seq])
            changed += 1
    return changed


def household_owners(store: Store, household_id: str) -> list[tuple[str, str]]:
    """(person id, name) of a household's current owners, signer first."""
    return [tuple(r) for r in store.db.execute(
        "SELECT p.id, p.name FROM ownership o JOIN person p ON p.id = o.person_id WHERE o.household_id = ?"
        " AND o.deleted = 0 ORDER BY o.signer DESC, o.role DESC, o.id", [household_id])]


def purge_person(store: Store, person_id: str) -> PurgeReport:
    return purge_persons(store, [person_id])


def _scrub_sync(store: Store, persons: list[str], copies: list[tuple[str, str]], secrets: set[str]) -> None:
    """The sync bookkeeping keeps copies too: field versions (the person's own are blanked, the
    name copies' scrubbed), rows held for review and conflicts' leaves, of these records only (another
    resident of the same name keeps theirs)."""
    marks = ", ".join("?" * len(persons))
    for field, blank in PERSON_FIELDS.items():
        store.db.execute(f"UPDATE sync_version SET value = ? WHERE tbl = 'person' AND field = ?"
                         f" AND record_id IN ({marks})", [blank, field, *persons])
    # the purge's own log rows as a merge writes them (old = the value it replaced)
    store.db.execute(f"UPDATE change_entry SET old = NULL WHERE tbl = (SELECT n FROM log_name WHERE name = 'person')"
                     f" AND op = (SELECT n FROM log_name WHERE name = 'purge')"
                     f" AND substr(record_id, -{changelog.KEY_LEN}) IN ({marks}) AND +record_id IN ({marks})",
                     [*map(changelog.key, persons), *persons])
    for tbl, rid in [("person", p) for p in persons] + copies:
        for field, value, hlc in store.db.execute("SELECT field, value, hlc FROM sync_version WHERE tbl = ?"
                                                  " AND record_id = ?", [tbl, rid]).fetchall():
            if _scrub(value, secrets) != value:
                store.db.execute("UPDATE sync_version SET value = ? WHERE tbl = ? AND record_id = ? AND field = ?"
                                 " AND hlc = ?", [_scrub(value, secrets), tbl, rid, field, hlc])
        for sid, seq, change in store.db.execute(
                "SELECT station_id, seq, change FROM sync_held WHERE json_extract(change, '$[1]') = ?"
                " AND json_extract(change, '$[2]') = ?", [tbl, rid]).fetchall():
            store.db.execute("UPDATE sync_held SET change = ? WHERE station_id = ? AND seq = ?",
                             [_scrub(change, secrets), sid, seq])
        for cid, leaves, kept in store.db.execute("SELECT id, leaves, resolved_value FROM sync_conflict"
                                                  " WHERE tbl = ? AND record_id = ?", [tbl, rid]).fetchall():
            store.db.execute("UPDATE sync_conflict SET leaves = ?, resolved_value = ? WHERE id = ?",
                             [_scrub(leaves, secrets), _scrub(kept, secrets), cid])


def erase_arrived(store: Store, person_ids: list[str]) -> None:
    """A purge that arrived by sync (at the district from a station, at a station from the
    district): every copy kept here is erased too, inside the caller's transaction. Not logged
    again: the arriving purge rows are the record."""
    now, hlc = store.clock.now_iso(), store.clock.tick()
    for person_id in person_ids:
        try:
            _purge_one(store, person_id, now, hlc, log_purge=False)
        except LiftDeskError:
            pass  # nothing left to erase here
    if person_ids:
        search.forget_erased(store)


def purge_persons(store: Store, person_ids: list[str]) -> PurgeReport:
    """Erase residents' names, phones and ID numbers everywhere the station keeps them (see the
    module note). One transaction; afterwards freed pages are zeroed and the WAL emptied, so the
    database file no longer holds the data (older backups and bundles already sent still do)."""
    store.db.execute("PRAGMA secure_delete = ON")  # SQLite overwrites what it frees with zeros
    totals = [0, 0, 0]
    with store.db.atomic():
        now, hlc = store.clock.now_iso(), store.clock.tick()
        for person_id in person_ids:
            for n, value in enumerate(_purge_one(store, person_id, now, hlc)):
                totals[n] += value
        search.forget_erased(store)  # the search index's copies of the words, too
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    log.info("purged personal data of %d person record(s); %d log rows and %d copies rewritten", *totals)
    return PurgeReport(*totals)


def _purge_one(store: Store, person_id: str, now: str, hlc: str, log_purge: bool = True) -> tuple[int, int, int]:
    records.get(store, "person", person_id)  # refuses an unknown id
    persons = [person_id, *_merged_into(store, person_id)]
    names: set[str] = set()
    secrets: set[str] = set()
    for pid in persons:
        by_field = _secrets_of(store, pid)
        names |= by_field["name"]
        secrets |= set().union(*by_field.values())
    if not log_purge:   # arrived by sync: the versions and the log still hold what the record held
        marks = ", ".join("?" * len(persons))
        for sql in (f"SELECT field, value FROM sync_version WHERE tbl = 'person' AND record_id IN ({marks})",
                    f"SELECT field, old FROM change_log WHERE tbl = 'person' AND record_key IN ({marks})"
                    f" AND +record_id IN ({marks})"):
            for field, value in store.db.execute(sql, persons if "sync_version" in sql
                                                 else [*map(changelog.key, persons), *persons]):
                if field in PERSON_FIELDS and value and value != PURGED_NAME:
                    secrets.add(value)
                    if field == "name":
                        names.add(value)
    if not secrets:
        raise LiftDeskError("purge.already")
    log_rows = copies = 0
    for pid in persons:
        if log_purge:
            stamp = stamps.stored({"updated_at": now, "station_id": store.station_id, "hlc": hlc},
                                  stamps.is_compact(column_types(store.db, "person")))
            keep = f", {stamps.KEEP_CREATED}" if "hlc_n" in stamp else ""
            store.db.execute(f"UPDATE person SET name = ?, phone = '', id_ref = '', {', '.join(f'{k} = ?' for k in stamp)}"
                             f"{keep} WHERE id = ?", [PURGED_NAME, *stamp.values(), pid])
        else:   # arrived: the merged versions already set it; the row keeps the stamps of its origin
            store.db.execute("UPDATE person SET name = ?, phone = '', id_ref = '' WHERE id = ?", [PURGED_NAME, pid])
        log_rows += _rewrite_log(store, "person", pid, secrets, person=True)
    copy_ids: list[tuple[str, str]] = []
    households = [r[0] for r in store.db.execute(
        f"SELECT DISTINCT household_id FROM ownership WHERE person_id IN ({', '.join('?' * len(persons))})",
        persons)]
    for table, column in NAME_COPIES if households and names else ():
        hit = store.db.execute(
            f"SELECT id FROM {table} WHERE household_id IN ({', '.join('?' * len(households))})"
            f" AND {column} IN ({', '.join('?' * len(names))})", [*households, *sorted(names)]).fetchall()
        for (record_id,) in hit:
            store.db.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", [PURGED_NAME, record_id])
            log_rows += _rewrite_log(store, table, record_id, secrets, person=False)
            copy_ids.append((table, record_id))
            copies += 1
    # The undo stack's labels ("添加筹备组成员 王芳") may name them too.
    if store.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'user_action'").fetchone():
        for action_id, params in store.db.execute("SELECT id, label_params FROM user_action").fetchall():
            if params and any(secret in params for secret in secrets):
                store.db.execute("UPDATE user_action SET label_params = ? WHERE id = ?",
                                 [json.dumps(_scrub(json.loads(params), secrets), ensure_ascii=False), action_id])
    _scrub_sync(store, persons, copy_ids, secrets)
    if not log_purge:
        return len(persons), log_rows, copies
    # The purge is logged like a field change, without the data: old values are not kept, the new
    # ones are the placeholders. Sync carries these rows so the district's copy is erased too.
    records._log(store, [("person", pid, "purge", field, None, blank, now, hlc, store.station_id, store.actor)
                         for pid in persons for field, blank in PERSON_FIELDS.items()])
    return len(persons), log_rows, copies
