"""Export at a station, import at the district, receipts back, and what the district knows of
its stations. Every check happens before the one transaction that applies a file."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..i18n import LiftDeskError
from ..store import Store
from . import bundle, crypto
from .enrol import (check_station, district_public, district_signer, pin, pinned, role, station_identity)
from ..store.schema import USER_TABLES
from .merge import Change, Counts, Engine, Schema, catch_up, foreign_keys, parse_changes, PLACE_TABLES

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
NAMED_PLACES = ("street", "community", "estate", "building", "unit")
MAX_FILE_BYTES = bundle.MAX_FILE


class _Rollback(Exception):
    pass


def _noop(done: int, total: int) -> None:
    pass


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
        raise LiftDeskError("sync.cannot_write", path=str(path), reason=exc.strerror or str(exc)) from None
    return path


def scope_parts(scope: str) -> tuple[str, ...]:
    return tuple(p for p in (scope or "").split("/") if p)


class Places:
    """Walks a record up to the names of its places (street, community …), reading a file's
    own inserts first; None when the record hangs under no place (a person)."""

    def __init__(self, store: Store, inserts: dict[tuple[str, str], dict] | None = None):
        self.store, self.inserts = store, inserts or {}
        self.memo: dict[tuple[str, str], tuple[str, ...] | None] = {}

    def names(self, tbl: str, rid: str) -> tuple[str, ...] | None:
        key = (tbl, rid)
        if key in self.memo:
            return self.memo[key]
        self.memo[key] = None  # a cycle ends here
        fks = foreign_keys(tbl)
        values = self.inserts.get(key)
        if values is None:
            cols = [c for c, _ in fks] + (["name"] if tbl in NAMED_PLACES else [])
            row = self.store.db.execute(f"SELECT {', '.join(cols)} FROM {tbl} WHERE id = ?", [rid]).fetchone() \
                if cols else None
            values = dict(zip(cols, row)) if row else None
        result = None
        if tbl == "district":
            result = ()
        elif values is not None:
            for col, target in fks:
                if values.get(col):
                    parent = self.names(target, values[col])
                    if parent is not None:
                        result = parent + ((str(values.get("name") or ""),) if tbl in NAMED_PLACES else ())
                    break
        self.memo[key] = result
        return result


def in_scope(names: tuple[str, ...] | None, scope: tuple[str, ...]) -> bool:
    return not scope or names is None or names[:len(scope)] == scope


# --- export at a station ----------------------------------------------------------------------

@dataclass
class Exported:
    path: Path | None
    data: bytes
    manifest: dict
    plaintext: bool


def export_bundle(store: Store, path: str | Path | None = None, all_changes: bool = False, plaintext: bool = False,
                  progress: Progress = _noop, cancelled: Callable[[], bool] | None = None) -> Exported:
    """Every change this station made that the district has not acknowledged (or all of them),
    signed by the station and sealed to the district's public key."""
    me = station_identity(store)
    progress(0, 4)
    with store.db.atomic():
        catch_up(store)
    after = 0 if all_changes else int(store.meta("sync.ack_seq", "0") or 0)
    rows = store.db.execute(
        "SELECT seq, tbl, record_id, op, field, old, new, at, hlc, station_id, actor FROM change_log"
        " WHERE station_id = ? AND seq > ? ORDER BY seq", [store.station_id, after]).fetchall()
    progress(1, 4)
    created: dict[tuple[str, str], str] = {}
    by_table: dict[str, list[str]] = {}
    for r in rows:
        if r[3] == "insert":
            by_table.setdefault(r[1], []).append(r[2])
    for tbl, ids in by_table.items():
        for i in range(0, len(ids), 900):
            chunk = ids[i:i + 900]
            created.update(((tbl, rid), c) for rid, c in store.db.execute(
                f"SELECT id, created_at FROM {tbl} WHERE id IN ({', '.join('?' for _ in chunk)})", chunk))
    changes, counts = [], {}
    for r in rows:
        ch = Change(*r)
        if ch.is_insert:
            ch.created_at = created.get((ch.tbl, ch.record_id))
        else:
            base = store.db.execute("SELECT bases FROM sync_version WHERE tbl = ? AND record_id = ? AND field = ?"
                                    " AND hlc = ?", [ch.tbl, ch.record_id, ch.field, ch.hlc]).fetchone()
            ch.bases = json.loads(base[0]) if base else []
        counts[ch.tbl] = counts.get(ch.tbl, 0) + 1
        changes.append(ch.row())
    progress(2, 4)
    file_no = int(store.meta("sync.file_no", "0") or 0) + 1
    upto = rows[-1][0] if rows else after
    manifest = {"district_key": me.district.key_id, "station": me.manifest(), "file_no": file_no,
                "seq_after": after, "seq_upto": upto, "counts": counts, "changes": len(changes),
                "created_at": store.clock.now_iso(), "district_hlc_seen": store.meta("sync.district_hlc", "") or ""}
    data = bundle.pack("bundle", manifest, {"changes": changes}, me.keys, me.district.box_public,
                       me.district.key_id, sealed=not plaintext)
    progress(3, 4)
    if path is not None:
        write_atomic(path, data)
    with store.db.atomic():
        store.set_meta("sync.file_no", str(file_no))
        _record_file(store, "out", "bundle", store.station_id, file_no, after, upto, data, counts,
                     Path(path).name if path else "")
    progress(4, 4)
    log.info("exported sync file %d (%d changes, %d bytes)", file_no, len(changes), len(data))
    return Exported(Path(path) if path else None, data, bundle.read_header(data)[0]["manifest"], plaintext)


def _record_file(store: Store, direction: str, kind: str, station_id: str, file_no: int, after: int, upto: int,
                 data: bytes, counts: dict, name: str) -> None:
    import hashlib
    store.db.execute("INSERT INTO sync_file (direction, kind, station_id, file_no, seq_after, seq_upto, at, sha256,"
                     " counts, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     [direction, kind, station_id, file_no, after, upto, store.clock.now_iso(),
                      hashlib.sha256(data).hexdigest(), json.dumps(counts, ensure_ascii=False), name])


# --- import at the district -------------------------------------------------------------------

@dataclass
class ImportResult:
    counts: Counts
    station_id: str
    station_name: str
    scope: str
    fingerprint: str
    new_station: bool
    file_no: int
    gaps: list[int]
    plaintext: bool
    dry_run: bool
    conflict_ids: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return self.counts.as_json()

    def details(self) -> dict:
        return {"station": self.station_id, "name": self.station_name, "scope": self.scope,
                "fingerprint": self.fingerprint, "new_station": self.new_station, "file_no": self.file_no,
                "gaps": self.gaps, "plaintext": self.plaintext, "dry_run": self.dry_run}


def _manifest_station(m: dict) -> dict:
    st = m.get("station")
    try:
        if not isinstance(st, dict) or not all(isinstance(st.get(k), str) for k in ("id", "name", "scope", "sign_key", "box_key")):
            raise ValueError
        if len(bytes.fromhex(st["sign_key"])) != 32 or len(bytes.fromhex(st["box_key"])) != 32 or not st["id"]:
            raise ValueError
        for k in ("file_no", "seq_after", "seq_upto"):
            if not isinstance(m.get(k), int) or m[k] < 0:
                raise ValueError
    except ValueError:
        raise LiftDeskError("sync.damaged") from None
    return st


def _station_sign_key(m: dict) -> bytes:
    return bytes.fromhex(_manifest_station(m)["sign_key"])


def _covered(store: Store, station_id: str) -> list[tuple[int, int]]:
    return store.db.execute("SELECT seq_after, seq_upto FROM sync_range WHERE station_id = ?", [station_id]).fetchall()


def _existing_ids(store: Store, tbl: str, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(ids), 900):
        chunk = ids[i:i + 900]
        found.update(r[0] for r in store.db.execute(
            f"SELECT id FROM {tbl} WHERE id IN ({', '.join('?' for _ in chunk)})", chunk))
    return found


@dataclass
class Plan:
    inserts: list[Change]
    edits: list[Change]
    held: list[tuple[Change, str]]
    rejected: list[tuple[Change, str]]


def plan_changes(store: Store, changes: list[Change], scope: tuple[str, ...], origin: str | None) -> Plan:
    """Decide, before writing, what is new, duplicate, held (out of scope), rejected or refused."""
    schema_inserts = [c for c in changes if c.is_insert]
    by_table: dict[str, list[Change]] = {}
    for c in schema_inserts:
        by_table.setdefault(c.tbl, []).append(c)
    exists: dict[str, set[str]] = {t: _existing_ids(store, t, [c.record_id for c in cs]) for t, cs in by_table.items()}
    inserts, rejected = [], []
    for c in schema_inserts:
        if c.record_id not in exists[c.tbl]:
            inserts.append(c)
            continue
        row = store.db.execute("SELECT hlc, new FROM change_log WHERE tbl = ? AND record_id = ? AND op = 'insert'"
                               " ORDER BY seq LIMIT 1", [c.tbl, c.record_id]).fetchone()
        if row and row[0] == c.hlc:
            if json.loads(row[1] or "{}") != c.values():
                raise LiftDeskError("sync.same_clock_differs", table=c.tbl, id=c.record_id)
            continue  # the same insert again
        rejected.append((c, "id_collision"))
    seen = {(c.tbl, c.record_id): c.values() for c in inserts}
    places = Places(store, seen)
    held_keys: set[tuple[str, str]] = set()
    if origin:
        for (raw,) in store.db.execute("SELECT change FROM sync_held WHERE station_id = ?", [origin]):
            row = json.loads(raw)
            held_keys.add((row[1], row[2]))
    held, keep = [], []
    for c in inserts:
        if scope and not in_scope(places.names(c.tbl, c.record_id), scope):
            held.append((c, "scope"))
            held_keys.add((c.tbl, c.record_id))
        else:
            keep.append(c)
    inserted = {(c.tbl, c.record_id) for c in keep}
    edits = []
    rejected_keys = {(c.tbl, c.record_id) for c, _ in rejected}
    edit_targets: dict[str, set[str]] = {}
    for c in changes:
        if not c.is_insert:
            edit_targets.setdefault(c.tbl, set()).add(c.record_id)
    present = {t: _existing_ids(store, t, sorted(ids)) for t, ids in edit_targets.items()}
    for c in changes:
        if c.is_insert:
            continue
        key = (c.tbl, c.record_id)
        if key in held_keys or (scope and key not in inserted and c.record_id in present[c.tbl]
                                and not in_scope(places.names(c.tbl, c.record_id), scope)):
            held.append((c, "scope"))
        elif key in rejected_keys:
            rejected.append((c, "id_collision"))
        elif key not in inserted and c.record_id not in present[c.tbl]:
            raise LiftDeskError("sync.missing_record", table=c.tbl, id=c.record_id)
        else:
            edits.append(c)
    _check_parents(store, keep, edits, inserted)
    return Plan(keep, edits, held, rejected)


def _check_parents(store: Store, inserts: list[Change], edits: list[Change], inserted: set[tuple[str, str]]) -> None:
    wanted: dict[str, set[str]] = {}
    for c in inserts:
        values = c.values()
        for col, target in foreign_keys(c.tbl):
            if values.get(col) and (target, values[col]) not in inserted:
                wanted.setdefault(target, set()).add(str(values[col]))
    for c in edits:
        target = dict(foreign_keys(c.tbl)).get(c.field)
        if target and c.new and (target, c.new) not in inserted:
            wanted.setdefault(target, set()).add(c.new)
    for target, ids in wanted.items():
        missing = ids - _existing_ids(store, target, sorted(ids))
        if missing:
            raise LiftDeskError("sync.missing_parent", table=target, id=sorted(missing)[0])


def _backup_before(store: Store, reason: str) -> None:
    try:
        from ..store import backup  # lands with the store helper's work
    except ImportError:
        return
    fn = getattr(backup, "backup_before", None)
    if fn is not None and store.path is not None:
        fn(store, reason)


def gaps(store: Store, station_id: str) -> list[int]:
    nos = {r[0] for r in store.db.execute("SELECT file_no FROM sync_file WHERE direction = 'in' AND kind = 'bundle'"
                                          " AND station_id = ?", [station_id])}
    return [n for n in range(1, max(nos, default=0)) if n not in nos]


def open_bundle(store: Store, data: bytes, keys: crypto.KeyPair) -> bundle.Opened:
    public = district_public(store)
    opened = bundle.open_file(data, "bundle", public.key_id, keys.box_private, _station_sign_key)
    if opened.manifest.get("district_key") != public.key_id:
        raise LiftDeskError("sync.replayed")
    return opened


def import_bundle(store: Store, data: bytes, keys: crypto.KeyPair, dry_run: bool = False,
                  progress: Progress = _noop, cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """Verify, preview and apply one station file in one transaction (nothing on any error)."""
    progress(0, 4)
    opened = open_bundle(store, data, keys)
    m = opened.manifest
    station = _manifest_station(m)
    known, fp = check_station(store, station)
    scope = scope_parts(known.scope if known else station["scope"])
    covered = _covered(store, station["id"])
    fresh = parse_changes(Schema(store), opened.payload.get("changes"), station["id"], covered)
    if any(not m["seq_after"] < c.seq <= m["seq_upto"] for c in fresh):
        raise LiftDeskError("sync.damaged")
    progress(1, 4)
    counts = Counts()
    result = ImportResult(counts, station["id"], station["name"], "/".join(scope), fp, known is None,
                          m["file_no"], [], not opened.sealed, dry_run)
    if not dry_run:
        _backup_before(store, "sync-import")
    try:
        with store.db.atomic():
            catch_up(store)
            plan = plan_changes(store, fresh, scope, station["id"])
            progress(2, 4)
            engine = Engine(store, counts)
            if plan.inserts:
                engine.insert_all(plan.inserts)
            engine.edit_all(plan.edits)
            progress(3, 4)
            counts.held, counts.rejected = len(plan.held), len(plan.rejected)
            now = store.clock.now_iso()
            store.db.conn.executemany(
                "INSERT OR IGNORE INTO sync_held (station_id, seq, reason, change, at) VALUES (?, ?, ?, ?, ?)",
                [(station["id"], c.seq, reason, json.dumps(c.row(), ensure_ascii=False), now)
                 for c, reason in plan.held + plan.rejected])
            if known is None:
                pin(store, station, fp)
            store.db.execute("INSERT OR IGNORE INTO sync_range (station_id, seq_after, seq_upto) VALUES (?, ?, ?)",
                             [station["id"], m["seq_after"], m["seq_upto"]])
            seen = m.get("district_hlc_seen")
            if isinstance(seen, str):
                store.db.execute("UPDATE sync_station SET district_hlc_seen = ? WHERE station_id = ?"
                                 " AND district_hlc_seen < ?", [seen, station["id"], seen])
            _record_file(store, "in", "bundle", station["id"], m["file_no"], m["seq_after"], m["seq_upto"], data,
                         counts.as_json(), "")
            result.gaps = gaps(store, station["id"])
            result.conflict_ids = sorted(engine.touched_conflicts)
            if dry_run:
                raise _Rollback()
    except _Rollback:
        pass
    progress(4, 4)
    log.info("imported sync file %d of station %s: %s", m["file_no"], station["id"], counts.as_json())
    return result


# --- receipts ---------------------------------------------------------------------------------

def covered_upto(ranges: list[tuple[int, int]]) -> int:
    """The highest sequence number below which everything has arrived."""
    upto = 0
    for a, b in sorted(ranges):
        if a > upto:
            break
        upto = max(upto, b)
    return upto


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


def _district_changes(store: Store, since: str, scope: tuple[str, ...]) -> list[Change]:
    """What the district itself wrote (places, settings, approvals, resolutions) that falls in
    a station's scope or above it, with an HLC newer than the station has seen."""
    me = store.station_id
    rows = store.db.execute(
        "SELECT seq, tbl, record_id, op, field, old, new, at, hlc, station_id, actor FROM change_log"
        " WHERE station_id = ? AND op = 'insert' AND hlc > ? ORDER BY seq", [me, since]).fetchall()
    versions = store.db.execute(
        "SELECT v.tbl, v.record_id, v.field, v.hlc, v.bases, v.value, v.at FROM sync_version v"
        " WHERE v.station_id = ? AND v.hlc > ? ORDER BY v.hlc", [me, since]).fetchall()
    allowed = scope_ids(store, scope)

    def wanted(tbl: str, rid: str) -> bool:
        return rid in allowed.get(tbl, ())

    out: list[Change] = []
    owners: set[str] = set()
    persons: list[tuple] = []
    for r in rows:
        if r[1] == "person":
            persons.append(r)
            continue
        if wanted(r[1], r[2]):
            out.append(Change(*r, created_at=None))
            if r[1] == "ownership":
                owners.add(json.loads(r[6]).get("person_id"))
    out.extend(Change(*r, created_at=None) for r in persons if r[2] in owners)
    for tbl, rid, fld, hlc, bases, value, at in versions:
        if wanted(tbl, rid) or (tbl == "person" and rid in owners):
            out.append(Change(0, tbl, rid, "update", fld, None, value, at, hlc, me, "", None, json.loads(bases)))
    # Order: parents before children, then versions by clock; sequence numbers restart at 1.
    order = {t: n for n, t in enumerate(("district", "street", "community", "estate", "building", "unit", "household",
                                          "person", "ownership"))}
    inserts = sorted((c for c in out if c.is_insert), key=lambda c: (order.get(c.tbl, 99), c.seq))
    edits = [c for c in out if not c.is_insert]
    result = inserts + edits
    created = {}
    for c in inserts:
        created.setdefault(c.tbl, []).append(c.record_id)
    stamps: dict[tuple[str, str], str] = {}
    for tbl, ids in created.items():
        for i in range(0, len(ids), 900):
            chunk = ids[i:i + 900]
            stamps.update(((tbl, rid), ca) for rid, ca in store.db.execute(
                f"SELECT id, created_at FROM {tbl} WHERE id IN ({', '.join('?' for _ in chunk)})", chunk))
    for n, c in enumerate(result, start=1):
        c.seq = n
        if c.is_insert:
            c.created_at = stamps.get((c.tbl, c.record_id))
    return result


def make_receipt(store: Store, station_id: str, path: str | Path | None = None) -> tuple[bytes, dict]:
    """A signed receipt sealed to the station: what arrived, and the district's data for it."""
    public = district_public(store)
    known = pinned(store, station_id)
    if known is None:
        raise LiftDeskError("sync.unknown_station", station=station_id)
    if known.revoked:
        raise LiftDeskError("sync.station_revoked", name=known.name, station=station_id)
    with store.db.atomic():
        catch_up(store)
    changes = _district_changes(store, known.district_hlc_seen, scope_parts(known.scope))
    ack = covered_upto(_covered(store, station_id))
    nos = sorted({r[0] for r in store.db.execute("SELECT file_no FROM sync_file WHERE direction = 'in'"
                                                  " AND kind = 'bundle' AND station_id = ?", [station_id])})
    receipt_no = store.db.execute("SELECT count(*) FROM sync_file WHERE direction = 'out' AND kind = 'receipt'"
                                  " AND station_id = ?", [station_id]).fetchone()[0] + 1
    counts: dict[str, int] = {}
    for c in changes:
        counts[c.tbl] = counts.get(c.tbl, 0) + 1
    manifest = {"district_key": public.key_id, "district_station": store.station_id, "station_id": station_id,
                "file_no": receipt_no, "ack_seq": ack, "files": nos, "gaps": gaps(store, station_id),
                "hlc_upto": max((c.hlc for c in changes), default=known.district_hlc_seen), "counts": counts,
                "changes": len(changes), "created_at": store.clock.now_iso()}
    data = bundle.pack("receipt", manifest, {"changes": [c.row() for c in changes]}, district_signer(store),
                       bytes.fromhex(known.box_key), station_id)
    if path is not None:
        write_atomic(path, data)
    with store.db.atomic():
        _record_file(store, "out", "receipt", station_id, receipt_no, 0, ack, data, counts, Path(path).name if path else "")
    return data, manifest


@dataclass
class ReceiptResult:
    counts: Counts
    ack_seq: int
    gaps: list[int]
    file_no: int

    def as_json(self) -> dict:
        return self.counts.as_json() | {"ack_seq": self.ack_seq, "gaps": self.gaps}


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
    changes = parse_changes(Schema(store), opened.payload.get("changes"), origin)
    counts = Counts()
    _backup_before(store, "sync-receipt") if not dry_run else None
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
            counts.rejected = len(plan.rejected)
            ack = max(int(store.meta("sync.ack_seq", "0") or 0), m["ack_seq"])
            store.set_meta("sync.ack_seq", str(ack))
            seen = max(store.meta("sync.district_hlc", "") or "", m["hlc_upto"])
            store.set_meta("sync.district_hlc", seen)
            # what arrived from here, so the next catch-up starts after it
            _record_file(store, "in", "receipt", origin, int(m.get("file_no", 0) or 0), 0, ack, data,
                         counts.as_json(), "")
            gap_list = [g for g in m.get("gaps", []) if isinstance(g, int)]
            if dry_run:
                raise _Rollback()
    except _Rollback:
        pass
    return ReceiptResult(counts, ack, gap_list, int(m.get("file_no", 0) or 0))


# --- what the district knows of its stations -------------------------------------------------

def stations(store: Store) -> list[dict]:
    out = []
    for sid, name, scope, fp, pinned_at, revoked in store.db.execute(
            "SELECT station_id, name, scope, fingerprint, pinned_at, revoked FROM sync_station ORDER BY name"):
        last = store.db.execute("SELECT file_no, at, seq_upto FROM sync_file WHERE direction = 'in' AND kind = 'bundle'"
                                " AND station_id = ? ORDER BY at DESC, id DESC LIMIT 1", [sid]).fetchone()
        files = store.db.execute("SELECT count(DISTINCT file_no) FROM sync_file WHERE direction = 'in'"
                                 " AND kind = 'bundle' AND station_id = ?", [sid]).fetchone()[0]
        held = store.db.execute("SELECT count(*) FROM sync_held WHERE station_id = ?", [sid]).fetchone()[0]
        out.append({"station_id": sid, "name": name, "scope": scope, "fingerprint": fp, "pinned_at": pinned_at,
                    "revoked": bool(revoked), "files_received": files,
                    "last_file": last[0] if last else None, "last_received_at": last[1] if last else None,
                    "acknowledged_seq": covered_upto(_covered(store, sid)), "gaps": gaps(store, sid), "held": held})
    return out


def history(store: Store, limit: int = 500) -> list[dict]:
    names = {r[0]: r[1] for r in store.db.execute("SELECT station_id, name FROM sync_station")}
    if role(store) == "station":
        me = station_identity(store)
        names[store.station_id] = me.name
        names[me.district.station_id] = me.district.name or "区加梯办"
    rows = store.db.execute("SELECT direction, kind, station_id, file_no, seq_after, seq_upto, at, counts, name"
                            " FROM sync_file ORDER BY id DESC LIMIT ?", [limit]).fetchall()
    return [{"direction": d, "kind": k, "station_id": s, "station": names.get(s, s), "file_no": n, "seq_after": a,
             "seq_upto": u, "at": at, "counts": json.loads(c), "name": nm} for d, k, s, n, a, u, at, c, nm in rows]


STALE_DAYS = 14


@dataclass(frozen=True)
class Freshness:
    street: str
    stations: str
    last_received_at: str | None
    days: int | None
    stale: bool


def freshness(store: Store, now_iso: str | None = None) -> list[Freshness]:
    """Per street: when a file last arrived from a station whose scope lies in it; a street not
    heard from in 14 days (or never) is stale."""
    from datetime import datetime
    now = datetime.fromisoformat((now_iso or store.clock.now_iso()).replace("Z", "+00:00"))
    last: dict[str, tuple[str | None, list[str]]] = {}
    for s in stations(store):
        if s["revoked"]:
            continue
        street = scope_parts(s["scope"])[0] if s["scope"] else ""
        at, names = last.get(street, (None, []))
        got = s["last_received_at"]
        last[street] = (max(filter(None, (at, got)), default=None), names + [s["name"]])
    out = []
    for (name,) in store.db.execute("SELECT name FROM street WHERE deleted = 0 ORDER BY seq, name"):
        at, names = last.get(name, (None, []))
        days = None if at is None else max(0, (now - datetime.fromisoformat(at.replace("Z", "+00:00"))).days)
        out.append(Freshness(name, "、".join(names), at, days, bool(names) and (days is None or days >= STALE_DAYS)))
    return out


def held_rows(store: Store) -> list[dict]:
    """Rows received but not applied (outside the station's scope, or an id collision), for review."""
    names = {r[0]: r[1] for r in store.db.execute("SELECT station_id, name FROM sync_station")}
    out = []
    for sid, seq, reason, change, at in store.db.execute(
            "SELECT station_id, seq, reason, change, at FROM sync_held ORDER BY at, station_id, seq"):
        row = json.loads(change)
        out.append({"station_id": sid, "station": names.get(sid, sid), "seq": seq, "reason": reason,
                    "table": row[1], "record_id": row[2], "op": row[3], "field": row[4], "received_at": at})
    return out
