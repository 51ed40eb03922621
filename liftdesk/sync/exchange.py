"""Export at a station and import at the district (receipts: receipts.py; stations, history and
freshness: status.py, both re-exported here). Every check happens before the one transaction that
applies a file."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from liftdesk.i18n import LiftDeskError
from ..store import Store
from . import bundle, crypto
from .enrol import check_station, district_public, pin, scope_exists, station_identity
from .merge import Change, Counts, Engine, Schema, catch_up, foreign_keys, parse_changes

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
    warnings: list[str] = field(default_factory=list)   # catalogue text, shown with the preview

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
    if known is None and scope and not scope_exists(store, "/".join(scope)):
        from liftdesk.i18n import t
        result.warnings.append(t("sync.scope_matches_nothing", name=station["name"], scope="/".join(scope)))
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


from .receipts import ReceiptResult, apply_receipt, covered_upto, make_receipt, scope_ids  # noqa: E402,F401
from .status import STALE_DAYS, Freshness, freshness, held_rows, history, stations  # noqa: E402,F401


def release_held(store: Store, station_id: str, seqs: list[int] | None = None) -> Counts:
    """Apply rows held for review (a person decided they belong here); all or nothing."""
    where, params = "station_id = ? AND reason = 'scope'", [station_id]
    rows = [json.loads(r[0]) for r in store.db.execute(
        f"SELECT change FROM sync_held WHERE {where} ORDER BY seq", params)]
    if seqs:
        rows = [r for r in rows if r[0] in set(seqs)]
    if not rows:
        raise LiftDeskError("sync.nothing_held", station=station_id)
    counts = Counts()
    _backup_before(store, "sync-release")
    with store.db.atomic():
        catch_up(store)
        changes = parse_changes(Schema(store), rows, station_id)
        plan = plan_changes(store, changes, (), None)
        engine = Engine(store, counts)
        if plan.inserts:
            engine.insert_all(plan.inserts)
        engine.edit_all(plan.edits)
        store.db.conn.executemany("DELETE FROM sync_held WHERE station_id = ? AND seq = ?",
                                  [(station_id, c.seq) for c in changes])
    return counts
