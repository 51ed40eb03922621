"""The merge engine both directions share (district importing a station's bundle, a station
applying the district's receipt).

Records are inserted once (an insert seen twice is a duplicate; the same id with other content is
refused). Every edited field keeps a small version tree in `sync_version`: each version names the
version(s) it replaced (`bases`). The value a database shows is the version with the highest HLC;
a field whose tree has more than one leaf with different values is in conflict (CouchDB keeps its
losing revisions the same way). Because both are functions of the *set* of versions, any delivery
order, with duplicates, ends in the same database. Local edits made through records.py are turned
into versions by `catch_up` before anything is merged, their base being the version then shown.

Writes bypass records.insert/update on purpose: a merged change keeps its origin's HLC, station and
time; it is logged to change_log in the same transaction exactly as records.py does.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

from liftdesk.errors import LiftDeskError
from ..store import Store, changelog
from ..store import stamps
from ..store.records import COMMON_FIELDS, Change, current_action, text
from ..store.stamps import STORED_FIELDS
from ..store.schema import USER_TABLES
from ..store.validation import MAX_JSON, check_field, check_row, column_types, loads_capped, stored_value

STAMP_FIELDS = ("id", "created_at", "updated_at", "station_id", "hlc", *STORED_FIELDS)
HLC_RE = re.compile(r"^\d{13}-[0-9a-f]{4}-[0-9a-z]{1,40}$")
PLACE_TABLES = ("district", "street", "community", "estate", "building", "unit", "household")


@dataclass
class Counts:
    new: int = 0
    updated: int = 0
    conflicts: int = 0
    held: int = 0
    rejected: int = 0

    def as_json(self) -> dict:
        return {"new": self.new, "updated": self.updated, "conflicts": self.conflicts, "held": self.held,
                "rejected": self.rejected}


class Schema:
    """Column names of the user tables as they are in *this* database."""

    def __init__(self, store: Store):
        self.store = store
        self._cols: dict[str, dict[str, str]] = {}
        self._types: dict[str, dict[str, tuple[str, bool]]] = {}

    def columns(self, table: str) -> dict[str, str]:
        if table not in self._cols:
            rows = self.store.db.execute(f"PRAGMA table_info({table})").fetchall()
            self._cols[table] = {r[1]: (r[2] or "").upper() for r in rows}
        return self._cols[table]

    def known(self, table: str) -> bool:
        return table in USER_TABLES and bool(self.columns(table))

    def types(self, table: str) -> dict[str, tuple[str, bool]]:
        if table not in self._types:
            self._types[table] = column_types(self.store.db, table)
        return self._types[table]


def _invalid(n: int, tbl: str, rid: str, exc: LiftDeskError) -> LiftDeskError:
    """A travelling row that a local write would refuse: the whole file is refused, the row named."""
    p = exc.params
    reason = f"{p.get('field', '')} “{p.get('value', '')}” {p.get('reason', '')}".strip()
    return LiftDeskError("sync.invalid_value", n=n, table=tbl, id=str(rid)[:40], reason=reason)


def check_values(schema: "Schema", n: int, ch: Change) -> None:
    """The same check a local write passes (liftdesk/store/validation.py), for one travelling row."""
    try:
        check_field(ch.table, "id", ch.record_id)
        check_field(ch.table, "created_at", ch.at)
        if ch.created_at is not None:
            check_field(ch.table, "created_at", ch.created_at)
        if len(ch.actor) > 200 or (ch.old is not None and len(ch.old) > MAX_JSON):
            raise LiftDeskError("row.invalid", field="actor/old", value="…", reason="…")
        types = schema.types(ch.table)
        if ch.is_insert:
            check_row(ch.table, ch.values(), types)
        else:
            declared, notnull = types.get(ch.field, ("", False))
            check_field(ch.table, ch.field, stored_value(ch.new, declared), declared, notnull)
    except LiftDeskError as exc:
        raise _invalid(n, ch.table, ch.record_id, exc) from None


_STR, _NONE = str, type(None)
_SCALARS = (str, int, float, type(None))


def parse_changes(schema: Schema, rows: object, origin: str,
                  skip: list[tuple[int, int]] | None = None, also: str | None = None) -> list[Change]:
    """Validate every travelling row before anything is touched: known tables and columns only
    (they are put into SQL), well-formed stamps, and every change made by the file's signer.
    Rows inside `skip` (sequence ranges already received whole) are passed over unread."""
    if not isinstance(rows, list):
        raise LiftDeskError("sync.damaged")
    out, last = [], 0
    skip = skip or []
    suffix = "-" + origin
    good_keys: set[tuple[str, tuple]] = set()
    for n, row in enumerate(rows):
        if skip and type(row) is list and row and type(row[0]) is int and row[0] > last \
                and any(a < row[0] <= b for a, b in skip):
            last = row[0]
            continue  # already received whole: nothing of it is used
        try:
            seq, tbl, rid, op, fld, old, new, at, hlc, station, actor, created, bases = row
            ok = (type(seq) is int and seq > last and type(tbl) is _STR and type(rid) is _STR
                  and type(op) is _STR and type(at) is _STR and type(hlc) is _STR and type(station) is _STR
                  and type(actor) is _STR and type(fld) in (_STR, _NONE) and type(old) in (_STR, _NONE)
                  and type(new) in (_STR, _NONE) and type(created) in (_STR, _NONE) and type(bases) is list
                  and HLC_RE.match(hlc) is not None and 0 < len(rid) <= 64
                  and all(type(b) is _STR and HLC_RE.match(b) for b in bases))
        except (TypeError, ValueError):
            ok = False
        if not ok:
            raise LiftDeskError("sync.bad_row", n=n + 1)
        if not ((station == origin and hlc.endswith(suffix))
                or (also and station == also and hlc.endswith("-" + also))):
            raise LiftDeskError("sync.foreign_row", n=n + 1)
        if op == "insert":
            if type(new) is _STR and len(new) > MAX_JSON:
                from liftdesk.i18n import t
                raise LiftDeskError("sync.invalid_value", n=n + 1, table=tbl, id=rid[:40], reason=t("row.reason.too_long"))
            try:
                values = loads_capped(new, MAX_JSON, 2)
            except (TypeError, ValueError):
                values = None
            if type(values) is not dict or not all(isinstance(v, _SCALARS) for v in values.values()):
                raise LiftDeskError("sync.bad_row", n=n + 1)
            key = (tbl, tuple(values))
            if key not in good_keys:
                if not schema.known(tbl):
                    raise LiftDeskError("sync.unknown_table", table=tbl)
                cols = schema.columns(tbl)
                unknown = [k for k in values if k not in cols or k in COMMON_FIELDS or k in STORED_FIELDS]
                if unknown:
                    raise LiftDeskError("sync.unknown_column", table=tbl, column=unknown[0])
                good_keys.add(key)
        else:
            values = None
            if not schema.known(tbl):
                raise LiftDeskError("sync.unknown_table", table=tbl)
            if fld is None or fld not in schema.columns(tbl) or fld in STAMP_FIELDS:
                raise LiftDeskError("sync.unknown_column", table=tbl, column=str(fld))
        last = seq
        change = Change(seq, tbl, rid, op, fld, old, new, at, hlc, station, actor, created, bases, values)
        check_values(schema, n + 1, change)
        out.append(change)
    return out


# --- versions ---------------------------------------------------------------------------------

def insert_hlc(store: Store, tbl: str, rid: str) -> str | None:
    row = store.db.execute("SELECT hlc FROM change_log WHERE tbl = ? AND record_key = ? AND +record_id = ?"
                           " AND op = 'insert' ORDER BY seq LIMIT 1", [tbl, changelog.key(rid), rid]).fetchone()
    return row[0] if row else None


def winner_hlc(store: Store, tbl: str, rid: str, fld: str) -> str | None:
    row = store.db.execute("SELECT max(hlc) FROM sync_version WHERE tbl = ? AND record_id = ? AND field = ?",
                           [tbl, rid, fld]).fetchone()
    return row[0] if row and row[0] else insert_hlc(store, tbl, rid)


def catch_up(store: Store) -> int:
    """Turn local edits made since the last sync into versions based on what was shown then."""
    last = int(store.meta("sync.catchup_seq", "0") or 0)
    top = changelog.top_seq(store.db)
    if top <= last:
        return 0
    rows = store.db.execute(
        f"SELECT seq, tbl, record_id, field, new, hlc, at FROM change_log WHERE seq > ? AND {changelog.STATION_N}"
        " AND op != 'insert' AND field IS NOT NULL ORDER BY seq", [last, store.station_id]).fetchall()
    added = 0
    for _, tbl, rid, fld, new, hlc, at in rows:
        if store.db.execute("SELECT 1 FROM sync_version WHERE tbl = ? AND record_id = ? AND field = ? AND hlc = ?",
                            [tbl, rid, fld, hlc]).fetchone():
            continue
        base = winner_hlc(store, tbl, rid, fld)
        store.db.execute("INSERT INTO sync_version (tbl, record_id, field, hlc, bases, value, station_id, at)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         [tbl, rid, fld, hlc, json.dumps([base] if base else []), new, store.station_id, at])
        added += 1
    store.set_meta("sync.catchup_seq", str(top))
    return added


def conflict_id(store: Store, tbl: str, rid: str, fld: str) -> str:
    n = store.db.execute("SELECT count(*) FROM sync_conflict WHERE tbl = ? AND record_id = ? AND field = ?"
                         " AND resolved_at IS NOT NULL", [tbl, rid, fld]).fetchone()[0]
    return hashlib.sha256(f"{tbl}|{rid}|{fld}|{n}".encode()).hexdigest()[:12]


class Engine:
    """Applies validated changes inside the caller's transaction and counts what happened."""

    def __init__(self, store: Store, counts: Counts | None = None):
        self.store = store
        self.schema = Schema(store)
        self.counts = counts or Counts()
        self.touched_conflicts: set[str] = set()
        self.settled_conflicts: set[str] = set()

    # inserts
    def insert_all(self, changes: list[Change]) -> None:
        self.store.db.execute("PRAGMA defer_foreign_keys = ON")  # parents may come later in the file
        groups: dict[tuple, list[Change]] = {}
        for ch in changes:
            groups.setdefault((ch.table, tuple(sorted(ch.values()))), []).append(ch)
        log = []
        for (tbl, keys), group in groups.items():
            compact = stamps.is_compact(self.schema.columns(tbl))
            rows = []
            for ch in group:
                values = ch.values()
                rows.append(stamps.stored({"id": ch.record_id, "created_at": ch.created_at or ch.at, "updated_at": ch.at,
                                           "station_id": ch.station_id, "hlc": ch.hlc, "deleted": 0,
                                           **{k: values[k] for k in keys}}, compact))
            cols = list(rows[0])
            sql = f"INSERT INTO {tbl} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
            rows = [list(row.values()) for row in rows]
            for ch in group:
                log.append((tbl, ch.record_id, "insert", None, None, None, ch.at, ch.hlc, ch.station_id, ch.actor,
                            current_action(self.store)))  # None but in a release of held rows: one undo step
            self.store.db.conn.executemany(sql, rows)
        changelog.append(self.store.db, log)
        self.counts.new += len(changes)

    # edits
    def apply_version(self, ch: Change) -> str:
        """Add one field version; show the highest; open, widen or close the field's conflict."""
        db, tbl, rid, fld = self.store.db, ch.table, ch.record_id, ch.field
        if db.execute("SELECT 1 FROM sync_version WHERE tbl = ? AND record_id = ? AND field = ? AND hlc = ?",
                      [tbl, rid, fld, ch.hlc]).fetchone():
            return "duplicate"
        db.execute("INSERT INTO sync_version (tbl, record_id, field, hlc, bases, value, station_id, at)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   [tbl, rid, fld, ch.hlc, json.dumps(sorted(set(ch.bases))), ch.new, ch.station_id, ch.at])
        versions = db.execute("SELECT hlc, bases, value, station_id, at FROM sync_version"
                              " WHERE tbl = ? AND record_id = ? AND field = ?", [tbl, rid, fld]).fetchall()
        referenced = {b for v in versions for b in json.loads(v[1])}
        # A station's later version supersedes its own earlier ones: they differ only when the station
        # went back to a backup (or a copy), and then its new file is to be followed, not argued with.
        leaves = sorted((v for v in versions if v[0] not in referenced
                         and not any(o[3] == v[3] and o[0] > v[0] for o in versions)), key=lambda v: v[0])
        win = max(versions, key=lambda v: v[0])
        current = db.execute(f"SELECT {fld} FROM {tbl} WHERE id = ?", [rid]).fetchone()
        if current is None:
            raise LiftDeskError("sync.missing_record", table=tbl, id=rid)
        if text(current[0]) != win[2]:
            db.execute(f"UPDATE {tbl} SET {fld} = ? WHERE id = ?", [win[2], rid])
            changelog.append(db, [(tbl, rid, ch.op if win[0] == ch.hlc else "update", fld, text(current[0]), win[2],
                                   win[4], win[0], win[3], ch.actor if win[0] == ch.hlc else "",
                                   current_action(self.store))])
        stamp = stamps.stored({"updated_at": win[4], "station_id": win[3], "hlc": win[0]},
                              stamps.is_compact(self.schema.columns(tbl)))
        keep = ", created_ms = CASE WHEN hlc < ? THEN coalesce(created_ms, hlc_n >> 16) ELSE created_ms END" \
            if "hlc_n" in stamp else ""
        db.execute(f"UPDATE {tbl} SET " + ", ".join(f"{k} = CASE WHEN hlc < ? THEN ? ELSE {k} END" for k in stamp)
                   + keep + " WHERE id = ?",
                   [p for value in stamp.values() for p in (win[0], value)] + ([win[0]] if keep else []) + [rid])
        self.store.clock.observe(ch.hlc)
        open_row = db.execute("SELECT id FROM sync_conflict WHERE tbl = ? AND record_id = ? AND field = ?"
                              " AND resolved_at IS NULL", [tbl, rid, fld]).fetchone()
        if len({v[2] for v in leaves}) > 1:
            data = json.dumps([{"hlc": v[0], "value": v[2], "station": v[3], "at": v[4]} for v in leaves],
                              ensure_ascii=False)
            if open_row:
                db.execute("UPDATE sync_conflict SET leaves = ? WHERE id = ?", [data, open_row[0]])
                cid = open_row[0]
            else:
                cid = conflict_id(self.store, tbl, rid, fld)
                db.execute("INSERT INTO sync_conflict (id, tbl, record_id, field, leaves, opened_at)"
                           " VALUES (?, ?, ?, ?, ?, ?)", [cid, tbl, rid, fld, data, self.store.clock.now_iso()])
            if any(v[0] == ch.hlc for v in leaves):
                self.touched_conflicts.add(cid)
                return "conflict"
            return "updated"
        if open_row:
            db.execute("UPDATE sync_conflict SET resolved_at = ?, resolved_value = ?, resolved_by = ? WHERE id = ?",
                       [self.store.clock.now_iso(), win[2], ch.actor or ch.station_id, open_row[0]])
        return "updated"

    def edit_all(self, changes: list[Change]) -> None:
        for ch in changes:
            outcome = self.apply_version(ch)
            if outcome == "updated":
                self.counts.updated += 1
        # Count only what a person can still act on here; a conflict opened and settled by the
        # same file (a receipt carrying the district's resolution) is reported apart.
        still_open = {cid for cid in self.touched_conflicts if self.store.db.execute(
            "SELECT 1 FROM sync_conflict WHERE id = ? AND resolved_at IS NULL", [cid]).fetchone()}
        self.settled_conflicts |= self.touched_conflicts - still_open
        self.touched_conflicts = still_open
        self.counts.conflicts += len(still_open)
