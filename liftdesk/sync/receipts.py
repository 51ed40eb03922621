"""Receipts, district → station: what arrived (so the next export is smaller) and the district's
own data for the station's scope (rule settings, approvals, permits, subsidies, resolutions, and for
a new station its starting data). Signed by the district, sealed to the station."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from liftdesk.errors import LiftDeskError
from ..store import Store, changelog
from ..store.schema import USER_TABLES, foreign_keys
from . import bundle
from .enrol import district_public, district_signer, pinned, station_identity
from liftdesk.places.addresses import scope_list

from . import epoch as epochs, ledger
from .planning import plan_changes
from .exchange import erase_arrived, erased_here
from .merge import PLACE_TABLES, Change, Counts, Engine, Schema, catch_up, parse_changes


def _table_order() -> list[str]:
    """User tables with every table after the tables its foreign keys point to."""
    done: list[str] = []
    pending = [t for t in USER_TABLES]
    while pending:
        for t in list(pending):
            if all(target in done or target == t or target not in USER_TABLES for _, target in foreign_keys(t)):
                done.append(t)
                pending.remove(t)
                break
        else:
            done.extend(pending)
            break
    return done


def scope_ids(store: Store, scope: tuple[str, ...]) -> dict[str, set[str]]:
    """Every record id in a scope or above it, by table, worked out top-down in SQL: places by name
    down to the scope, then every record whose first non-empty foreign key is allowed."""
    db = store.db
    db.execute("CREATE TEMP TABLE IF NOT EXISTS sync_allowed (tbl TEXT NOT NULL, id TEXT NOT NULL,"
               " PRIMARY KEY (tbl, id)) WITHOUT ROWID")
    db.execute("DELETE FROM temp.sync_allowed")
    db.execute("INSERT INTO temp.sync_allowed SELECT 'district', id FROM district")
    parent_of = {"street": ("district_id", "district"), "community": ("street_id", "street"),
                 "estate": ("community_id", "community"), "building": ("estate_id", "estate"),
                 "unit": ("building_id", "building"), "household": ("unit_id", "unit")}
    for level, table in enumerate(("street", "community", "estate", "building", "unit", "household")):
        col, parent = parent_of[table]
        where = f"{col} IN (SELECT id FROM temp.sync_allowed WHERE tbl = '{parent}')"
        params: list = []
        if level < len(scope) and table != "household":
            where += " AND name = ?"
            params.append(scope[level])
        db.execute(f"INSERT INTO temp.sync_allowed SELECT '{table}', id FROM {table} WHERE {where}", params)
    for table in _table_order():
        if table in PLACE_TABLES or table not in USER_TABLES:
            continue
        fks = foreign_keys(table)
        if not fks:
            continue
        cases = " ".join(f"WHEN {c} IS NOT NULL THEN {c} IN (SELECT id FROM temp.sync_allowed WHERE tbl = '{t}')"
                         for c, t in fks)
        db.execute(f"INSERT OR IGNORE INTO temp.sync_allowed SELECT '{table}', id FROM {table}"
                   f" WHERE CASE {cases} ELSE 0 END")
    out: dict[str, set[str]] = {}
    for tbl, rid in db.execute("SELECT tbl, id FROM temp.sync_allowed"):
        out.setdefault(tbl, set()).add(rid)
    db.execute("DELETE FROM temp.sync_allowed")
    return out


def scopes_ids(store: Store, scopes: list[tuple[str, ...]]) -> dict[str, set[str]]:
    """`scope_ids` for a scope of one or more addresses (the whole district when none)."""
    out: dict[str, set[str]] = {}
    for scope in scopes or [()]:
        for tbl, ids in scope_ids(store, scope).items():
            out.setdefault(tbl, set()).update(ids)
    return out


def _district_changes(store: Store, since: str, scope: list[tuple[str, ...]],
                      returning: tuple[str, str] | None = None) -> list[Change]:
    """What the district itself wrote (places, settings, approvals, resolutions) that falls in
    a station's scope or above it, with an HLC newer than the station has seen."""
    me = store.station_id
    rows = store.db.execute(
        "SELECT seq, tbl, record_id, op, field, old, new, at, hlc, station_id, actor FROM change_log"
        f" WHERE {changelog.STATION_N} AND hlc_n >= ? AND op = 'insert' AND hlc > ? ORDER BY seq",
        [me, changelog.hlc_floor(since), since]).fetchall()
    versions = store.db.execute(
        "SELECT v.tbl, v.record_id, v.field, v.hlc, v.bases, v.value, v.at FROM sync_version v"
        " WHERE v.station_id = ? AND v.hlc > ? ORDER BY v.hlc", [me, since]).fetchall()
    allowed = scopes_ids(store, scope)
    if returning:   # the station went back to a backup: what it sent before, after that point, returns
        sid, base = returning
        rows += store.db.execute(
            "SELECT seq, tbl, record_id, op, field, old, new, at, hlc, station_id, actor FROM change_log"
            f" WHERE {changelog.STATION_N} AND hlc_n >= ? AND op = 'insert' AND hlc > ? ORDER BY seq",
            [sid, changelog.hlc_floor(base), base]).fetchall()
        own = store.db.execute(
            "SELECT v.tbl, v.record_id, v.field, v.hlc, v.bases, v.value, v.at, v.station_id FROM sync_version v"
            " WHERE v.station_id = ? AND v.hlc > ? ORDER BY v.hlc", [sid, base]).fetchall()
        versions = [v[:7] + (me,) for v in versions] + own
    else:
        versions = [v[:7] + (me,) for v in versions]

    read = [Change(*r) for r in rows]
    changelog.fill_inserts(store.db, read)   # an insert's content is its record (liftdesk/store/changelog.py)
    rows = [(*r[:6], ch.new, *r[7:]) for r, ch in zip(rows, read)]

    def wanted(tbl: str, rid: str) -> bool:
        return rid in allowed.get(tbl, ())

    out: list[Change] = []
    owners: set[str] = set()
    persons: list[tuple] = []
    for r in rows:
        if r[1] == "person":
            persons.append(r)
            continue
        if wanted(r[1], r[2]) or r[9] != me:
            out.append(Change(*r, created_at=None))
            if r[1] == "ownership":
                owners.add(json.loads(r[6]).get("person_id"))
    out.extend(Change(*r, created_at=None) for r in persons if r[2] in owners or r[9] != me)
    for tbl, rid, fld, hlc, bases, value, at, author in versions:
        if wanted(tbl, rid) or (tbl == "person" and rid in owners) or author != me:
            out.append(Change(0, tbl, rid, "update", fld, None, value, at, hlc, author, "", None, json.loads(bases)))
    # Order: parents before children, then versions by clock; sequence numbers restart at 1.
    order = {t: n for n, t in enumerate(("district", "street", "community", "estate", "building", "unit", "household",
                                          "person", "ownership"))}
    inserts = sorted((c for c in out if c.is_insert), key=lambda c: (order.get(c.table, 99), c.seq))
    edits = [c for c in out if not c.is_insert]
    result = inserts + edits
    created = {}
    for c in inserts:
        created.setdefault(c.table, []).append(c.record_id)
    stamps: dict[tuple[str, str], str] = {}
    for tbl, ids in created.items():
        for i in range(0, len(ids), 900):
            chunk = ids[i:i + 900]
            stamps.update(((tbl, rid), ca) for rid, ca in store.db.execute(
                f"SELECT id, created_at FROM {tbl} WHERE id IN ({', '.join('?' for _ in chunk)})", chunk))
    for n, c in enumerate(result, start=1):
        c.seq = n
        if c.is_insert:
            c.created_at = stamps.get((c.table, c.record_id))
    return result


def make_receipt(store: Store, station_id: str, path: str | Path | None = None) -> tuple[bytes, dict]:
    """A signed receipt sealed to the station: what arrived, and the district's data for it."""
    public = district_public(store)
    known = pinned(store, station_id)
    if known is None:
        raise LiftDeskError("sync.unknown_station", station=station_id)
    if known.revoked:
        raise LiftDeskError("sync.station_revoked", name=known.name, station=station_id)
    if not known.accepted:
        raise LiftDeskError("sync.station_not_accepted", station=station_id)
    with store.db.atomic():
        catch_up(store)
    changes = _district_changes(store, known.district_hlc_seen, scope_list(known.scope),
                                (station_id, known.epoch_base_hlc) if known.epoch_base_hlc else None)
    ack = ledger.covered_upto(ledger.covered(store, station_id, known.epoch))
    nos = sorted({r[0] for r in store.db.execute("SELECT file_no FROM sync_file WHERE direction = 'in'"
                                                  " AND kind = 'bundle' AND station_id = ?", [station_id])})
    receipt_no = store.db.execute("SELECT count(*) FROM sync_file WHERE direction = 'out' AND kind = 'receipt'"
                                  " AND station_id = ?", [station_id]).fetchone()[0] + 1
    counts: dict[str, int] = {}
    for c in changes:
        counts[c.table] = counts.get(c.table, 0) + 1
    manifest = {"district_key": public.key_id, "district_station": store.station_id, "station_id": station_id,
                "file_no": receipt_no, "ack_seq": ack, "files": nos, "gaps": ledger.gaps(store, station_id),
                "hlc_upto": max((c.hlc for c in changes), default=known.district_hlc_seen), "counts": counts,
                "changes": len(changes), "created_at": store.clock.now_iso(), "scope": known.scope,
                "epoch": known.epoch}
    data = bundle.pack("receipt", manifest, {"changes": [c.row() for c in changes]}, district_signer(store),
                       bytes.fromhex(known.box_key), station_id)
    if path is not None:
        ledger.write_atomic(path, data)
    with store.db.atomic():
        ledger.record_file(store, "out", "receipt", station_id, receipt_no, 0, ack, data, counts, Path(path).name if path else "")
    return data, manifest


@dataclass
class ReceiptResult:
    counts: Counts
    ack_seq: int
    gaps: list[int]
    file_no: int
    settled_conflicts: int = 0   # raised and already settled at the district: nothing to do here

    def as_json(self) -> dict:
        return self.counts.as_json() | {"ack_seq": self.ack_seq, "gaps": self.gaps,
                                        "conflicts_settled_at_district": self.settled_conflicts}


def apply_receipt(store: Store, data: bytes, dry_run: bool = False) -> ReceiptResult:
    me = station_identity(store)
    opened = bundle.open_file(data, "receipt", store.station_id, me.keys.box_private,
                              lambda m: me.district.sign_public, allow_plaintext=False,
                              wrong_recipient="sync.other_station")
    m = opened.manifest
    if m.get("station_id") != store.station_id:
        raise LiftDeskError("sync.other_station")
    if m.get("district_key") != me.district.key_id:
        raise LiftDeskError("sync.other_district")
    origin = m.get("district_station")
    if not isinstance(origin, str) or not isinstance(m.get("ack_seq"), int) or not isinstance(m.get("hlc_upto"), str):
        raise LiftDeskError("sync.damaged")
    changes = parse_changes(Schema(store), opened.payload.get("changes"), origin, also=store.station_id)
    counts = Counts()
    ledger.backup_before(store, "sync-receipt") if not dry_run else None
    purging = erased_here(store, changes)
    try:
        with store.db.atomic():
            catch_up(store)
            plan = plan_changes(store, changes, (), None)
            engine = Engine(store, counts)
            if plan.inserts:
                engine.insert_all(plan.inserts)
                for c in plan.inserts:
                    store.clock.observe(c.hlc)
            engine.edit_all(plan.edits)
            erase_arrived(store, plan.edits)
            settled = len(engine.settled_conflicts)
            counts.rejected = len(plan.rejected)
            mine = epochs.current(store)
            # An acknowledgement counts only for this station's epoch: after a restore the old
            # numbers name other rows, which must still be sent.
            ack = int(store.meta("sync.ack_seq", "0") or 0)
            if m.get("epoch", "") == mine:
                ack = max(ack, m["ack_seq"])
            store.set_meta("sync.ack_seq", str(ack))
            seen = max(store.meta("sync.district_hlc", "") or "", m["hlc_upto"])
            store.set_meta("sync.district_hlc", seen)
            if isinstance(m.get("scope"), str) and m["scope"] != store.meta("sync.scope", ""):
                store.set_meta("sync.scope", m["scope"])   # the district decides what this station answers for
            # what arrived from here, so the next catch-up starts after it
            ledger.record_file(store, "in", "receipt", origin, int(m.get("file_no", 0) or 0), 0, ack, data,
                         counts.as_json(), "")
            gap_list = [g for g in m.get("gaps", []) if isinstance(g, int)]
            if dry_run:
                raise ledger.Rollback()
    except ledger.Rollback:
        pass
    if purging and not dry_run:
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return ReceiptResult(counts, ack, gap_list, int(m.get("file_no", 0) or 0), settled)


