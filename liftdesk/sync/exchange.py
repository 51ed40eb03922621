"""Export at a station and import at the district (receipts: receipts.py; stations, history and
freshness: status.py; the files' bookkeeping: ledger.py). Every check happens before the one
transaction that applies a file."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from liftdesk.errors import LiftDeskError
from ..store import Store, changelog
from . import bundle, crypto, epoch as epochs, ledger
from .planning import plan_changes
from .enrol import check_station, district_public, pin, scope_exists, station_identity
from .merge import Change, Counts, Engine, Schema, catch_up, parse_changes
from liftdesk.places.addresses import scope_list, scope_text

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]


def _noop(done: int, total: int) -> None:
    pass


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
        epoch = epochs.current(store)
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
    read = [Change(*r) for r in rows]
    changelog.fill_inserts(store.db, read)   # an insert's content is its record (liftdesk/store/changelog.py)
    for ch in read:
        if ch.is_insert:
            ch.created_at = created.get((ch.table, ch.record_id))
        else:
            base = store.db.execute("SELECT bases FROM sync_version WHERE tbl = ? AND record_id = ? AND field = ?"
                                    " AND hlc = ?", [ch.table, ch.record_id, ch.field, ch.hlc]).fetchone()
            ch.bases = json.loads(base[0]) if base else []
        counts[ch.table] = counts.get(ch.table, 0) + 1
        changes.append(ch.row())
    progress(2, 4)
    file_no = int(store.meta("sync.file_no", "0") or 0) + 1
    upto = rows[-1][0] if rows else after
    manifest = {"district_key": me.district.key_id, "station": me.manifest(), "file_no": file_no,
                "seq_after": after, "seq_upto": upto, "counts": counts, "changes": len(changes),
                "created_at": store.clock.now_iso(), "district_hlc_seen": store.meta("sync.district_hlc", "") or "",
                "epoch": epoch, "epoch_start": int(store.meta("sync.epoch_start", "0") or 0),
                "epoch_base_hlc": store.meta("sync.epoch_base_hlc", "") or ""}
    data = bundle.pack("bundle", manifest, {"changes": changes}, me.keys, me.district.box_public,
                       me.district.key_id, sealed=not plaintext)
    progress(3, 4)
    if path is not None:
        ledger.write_atomic(path, data)
    with store.db.atomic():
        store.set_meta("sync.file_no", str(file_no))
        ledger.record_file(store, "out", "bundle", store.station_id, file_no, after, upto, data, counts,
                           Path(path).name if path else "", epoch)
    progress(4, 4)
    log.info("exported sync file %d (%d changes, %d bytes)", file_no, len(changes), len(data))
    return Exported(Path(path) if path else None, data, bundle.read_header(data)[0]["manifest"], plaintext)


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
    pending: bool = False   # a station not yet accepted: the file is kept whole, nothing applied

    def as_json(self) -> dict:
        return self.counts.as_json()

    def details(self) -> dict:
        return {"station": self.station_id, "name": self.station_name, "scope": self.scope,
                "fingerprint": self.fingerprint, "new_station": self.new_station, "file_no": self.file_no,
                "gaps": self.gaps, "plaintext": self.plaintext, "dry_run": self.dry_run, "pending": self.pending}


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
        if not isinstance(m.get("epoch", ""), str) or len(m.get("epoch", "")) > 64 \
                or not isinstance(m.get("epoch_start", 0), int) or not isinstance(m.get("epoch_base_hlc", ""), str):
            raise ValueError
        from liftdesk.store.validation import bad_name_char
        if len(st["name"]) > 60 or bad_name_char(st["name"]) or len(st["scope"]) > 2000:
            raise ValueError
    except ValueError:
        raise LiftDeskError("sync.damaged") from None
    return st


def _station_sign_key(m: dict) -> bytes:
    return bytes.fromhex(_manifest_station(m)["sign_key"])


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
    scope = scope_list(known.scope if known else station["scope"])
    epoch, epoch_start = m.get("epoch", ""), m.get("epoch_start", 0)
    # Every row is read and merged by its content (ids and clocks), never skipped because its
    # sequence range was seen: after a restore the same numbers carry other changes.
    fresh = parse_changes(Schema(store), opened.payload.get("changes"), station["id"])
    if any(not m["seq_after"] < c.seq <= m["seq_upto"] for c in fresh):
        raise LiftDeskError("sync.damaged")
    progress(1, 4)
    counts = Counts()
    result = ImportResult(counts, station["id"], station["name"], scope_text(scope), fp, known is None,
                          m["file_no"], [], not opened.sealed, dry_run)
    from liftdesk.i18n import t
    if known is None and scope and not all(scope_exists(store, "/".join(s)) for s in scope):
        result.warnings.append(t("sync.scope_matches_nothing", name=station["name"], scope=scope_text(scope)))
    if known is None or not known.accepted:
        result.pending = True
        if not dry_run:
            with store.db.atomic():
                hold_first_files(store, station, fp, known, data)
        return result
    if known.epoch and epoch > known.epoch:
        before = store.db.execute("SELECT max(seq_upto) FROM sync_range WHERE station_id = ? AND epoch != ?",
                                  [station["id"], epoch]).fetchone()[0] or 0
        if epoch_start < before:
            last = store.db.execute("SELECT max(file_no) FROM sync_file WHERE direction = 'in' AND kind = 'bundle'"
                                    " AND station_id = ? AND epoch = ?", [station["id"], known.epoch]).fetchone()[0]
            result.warnings.append(t("sync.station_restored", n=last or 0))
    if not dry_run:
        ledger.backup_before(store, "sync-import")
    purging = erased_here(store, fresh)
    try:
        with store.db.atomic():
            catch_up(store)
            plan = plan_changes(store, fresh, scope, station["id"])
            progress(2, 4)
            engine = Engine(store, counts)
            if plan.inserts:
                engine.insert_all(plan.inserts)
            engine.edit_all(plan.edits)
            erase_arrived(store, plan.edits)
            progress(3, 4)
            counts.held, counts.rejected = len(plan.held), len(plan.rejected)
            now = store.clock.now_iso()
            store.db.conn.executemany(
                "INSERT OR IGNORE INTO sync_held (station_id, seq, reason, change, at) VALUES (?, ?, ?, ?, ?)",
                [(station["id"], c.seq, reason, json.dumps(c.row(), ensure_ascii=False), now)
                 for c, reason in plan.held + plan.rejected])
            store.db.conn.executemany(
                "INSERT OR IGNORE INTO sync_range (station_id, epoch, seq_after, seq_upto) VALUES (?, ?, ?, ?)",
                [(station["id"], epoch, 0, epoch_start), (station["id"], epoch, m["seq_after"], m["seq_upto"])])
            if epoch >= known.epoch:
                store.db.execute("UPDATE sync_station SET epoch = ?, epoch_base_hlc = CASE WHEN epoch = ?"
                                 " THEN epoch_base_hlc ELSE ? END WHERE station_id = ?",
                                 [epoch, epoch, m.get("epoch_base_hlc", "") if known.epoch else "", station["id"]])
            seen = m.get("district_hlc_seen")
            # A station still on an old scope has not had the data of its new one yet.
            # In a new epoch the station may have lost what it had seen (a restore): believe it; a late
            # file of an older epoch says nothing about what the station holds now.
            if isinstance(seen, str) and station["scope"] == known.scope and epoch >= known.epoch:
                lower = known.epoch != "" and epoch > known.epoch
                store.db.execute("UPDATE sync_station SET district_hlc_seen = ? WHERE station_id = ?"
                                 " AND (district_hlc_seen < ? OR ?)", [seen, station["id"], seen, lower])
            ledger.record_file(store, "in", "bundle", station["id"], m["file_no"], m["seq_after"], m["seq_upto"], data,
                               counts.as_json(), "", epoch)
            result.gaps = ledger.gaps(store, station["id"])
            result.conflict_ids = sorted(engine.touched_conflicts)
            if dry_run:
                raise ledger.Rollback()
    except ledger.Rollback:
        pass
    if purging and not dry_run:
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")   # the file itself no longer holds them
    progress(4, 4)
    log.info("imported sync file %d of station %s: %s", m["file_no"], station["id"], counts.as_json())
    return result




def erased_here(store: Store, changes: list[Change]) -> bool:
    """Whether a file carries a purge: freed pages are then zeroed (and the WAL emptied after)."""
    if any(c.table == "person" and c.op == "purge" for c in changes):
        store.db.execute("PRAGMA secure_delete = ON")
        return True
    return False


def erase_arrived(store: Store, edits: list[Change]) -> None:
    """A purge that arrived erases every copy kept here too (people/erasure.py)."""
    from liftdesk.people import erasure
    persons = sorted({c.record_id for c in edits if c.table == "person" and c.op == "purge"})
    if persons:
        erasure.erase_arrived(store, persons)


def hold_first_files(store: Store, station: dict, fp: str, known, data: bytes) -> None:
    """A station not yet accepted: pin its keys (unaccepted) and keep the file whole, unapplied."""
    import hashlib
    if known is None:
        pin(store, station, fp, accepted=False)
    sha = hashlib.sha256(data).hexdigest()
    if not store.db.execute("SELECT 1 FROM sync_pending WHERE station_id = ? AND sha256 = ?",
                            [station["id"], sha]).fetchone():
        store.db.execute("INSERT INTO sync_pending (station_id, data, sha256, at) VALUES (?, ?, ?, ?)",
                         [station["id"], data, sha, store.clock.now_iso()])


def accept_station(store: Store, station_id: str, fingerprint: str, keys: crypto.KeyPair | None) -> list[ImportResult]:
    """A person compared the fingerprint read out over the phone: the station is accepted and the
    files it sent meanwhile are applied, oldest first. The scope must name places the district has."""
    from .enrol import accept, pinned
    known = pinned(store, station_id)
    if known is None:
        raise LiftDeskError("sync.unknown_station", station=station_id)
    accept(store, known, fingerprint)
    results = []
    for pid, data in store.db.execute("SELECT id, data FROM sync_pending WHERE station_id = ? ORDER BY id",
                                      [station_id]).fetchall():
        if keys is None:
            raise LiftDeskError("sync.accept_needs_passphrase")
        results.append(import_bundle(store, data, keys))
        with store.db.atomic():
            store.db.execute("DELETE FROM sync_pending WHERE id = ?", [pid])
    return results
