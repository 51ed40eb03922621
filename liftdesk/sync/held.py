"""Rows a station sent that the district held back (outside the station's scope, or an id that
collides with another record here): listed for a person with where they belong and what they would
do, then released (applied now, through the same validators and planning as an import, as one
undo step) or rejected (dropped from the list, the decision kept with who and when)."""

from __future__ import annotations

import json
import logging
import sqlite3

from liftdesk.documents.masking import mask_phone
from liftdesk.errors import LiftDeskError
from liftdesk.history import actions
from liftdesk.i18n import language, t
from liftdesk.places.addresses import Places, scope_list, within

from ..store import Store
from ..store.ids import short_ref
from . import ledger
from .conflicts import field_label, show_value
from .exchange import erase_arrived
from .merge import Counts, Engine, Schema, catch_up, parse_changes
from .planning import plan_changes
from .status import LABELS

log = logging.getLogger(__name__)

HeldKey = tuple[str, int]   # (station id, the row's sequence number at that station)


def held_id(station_id: str, seq: int) -> str:
    return f"{station_id}:{seq}"


def parse_held_id(text: str) -> HeldKey:
    station, _, seq = (text or "").strip().rpartition(":")
    if not station or not seq.isdigit():
        raise LiftDeskError("sync.held_bad_id", id=text)
    return station, int(seq)


def _table_label(tbl: str) -> str:
    zh, en = LABELS.get(tbl, (tbl, tbl))
    return en if language() == "en" else zh


def list_held(store: Store, include_decided: bool = False) -> list[dict]:
    """Every held row with its station, address, a description a person reads and why it was held;
    rejected rows only with `include_decided` (then `decided`, `decided_at`, `decided_by` say so)."""
    stations = {r[0]: (r[1], r[2], bool(r[3])) for r in store.db.execute(
        "SELECT station_id, name, scope, revoked FROM sync_station")}
    where = "" if include_decided else " WHERE decided = ''"
    rows = store.db.execute("SELECT station_id, seq, reason, change, at, decided, decided_at, decided_by"
                            f" FROM sync_held{where} ORDER BY at, station_id, seq").fetchall()
    changes = [json.loads(r[3]) for r in rows]
    inserts, places = _context(store)
    out = []
    for (sid, seq, reason, _, at, decided, decided_at, decided_by), row in zip(rows, changes):
        name, scope, revoked = stations.get(sid, (sid, "", False))
        inside = reason == "scope" and bool(scope) and within(places, row[1], row[2], scope_list(scope))
        out.append({"id": held_id(sid, seq), "station_id": sid, "station": name, "seq": seq, "reason": reason,
                    "reason_text": _reason_text(reason, scope, inside, revoked), "in_scope_now": inside,
                    "table": row[1], "table_label": _table_label(row[1]), "record_id": row[2], "op": row[3],
                    "field": row[4], "received_at": at, "address": _address(store, places, inserts, row[1], row[2]),
                    "description": describe(store, inserts, places, row), "station_revoked": revoked,
                    "decided": decided, "decided_at": decided_at, "decided_by": decided_by})
    return out


def _context(store: Store) -> tuple[dict, Places]:
    """The records every held insert would make (a held owner's name, a held household's room),
    read with what the database has, so each row is described whole."""
    inserts: dict[tuple[str, str], dict] = {}
    for (raw,) in store.db.execute("SELECT change FROM sync_held"):
        row = json.loads(raw)
        if row[3] == "insert":
            try:
                inserts[(row[1], row[2])] = json.loads(row[6] or "{}")
            except ValueError:
                pass
    return inserts, Places(store, inserts)


def pending_stations(store: Store) -> list[dict]:
    """Stations not yet accepted: their files are kept whole (sealed, unread) until a person
    compares the fingerprint, so they have no rows to list yet."""
    return [{"station_id": sid, "station": name, "files": n} for sid, name, n in store.db.execute(
        "SELECT s.station_id, s.name, count(p.id) FROM sync_station s JOIN sync_pending p"
        " ON p.station_id = s.station_id WHERE s.accepted = 0 GROUP BY s.station_id ORDER BY s.name")]


def _reason_text(reason: str, scope: str, inside: bool, revoked: bool) -> str:
    if reason == "id_collision":
        text = t("sync.held_reason_collision")
    else:
        shown = "、".join(a for a in scope.split("\n") if a) or t("sync.held_whole_district")
        text = t("sync.held_reason_scope_now" if inside else "sync.held_reason_scope", scope=shown)
    return text + (t("sync.held_reason_revoked") if revoked else "")


def _values(store: Store, inserts: dict, tbl: str, rid: str) -> dict:
    """The record's fields: from the held insert, else as stored here."""
    if (tbl, rid) in inserts:
        return inserts[(tbl, rid)]
    schema = Schema(store)
    if not schema.known(tbl):  # checked when the file came; a name that goes into SQL is checked again
        return {}
    cols = [c for c in ("name", "room", "phone", "person_id", "household_id") if c in schema.columns(tbl)]
    row = store.db.execute(f"SELECT {', '.join(cols)} FROM {tbl} WHERE id = ?", [rid]).fetchone() if cols else None
    return dict(zip(cols, row)) if row else {}


def _household_where(store: Store, places: Places, inserts: dict, rid: str) -> tuple[tuple[str, ...], str]:
    names = places.names("household", rid) or ()
    return names, str(_values(store, inserts, "household", rid).get("room") or "")


def _address(store: Store, places: Places, inserts: dict, tbl: str, rid: str) -> str:
    """街道/社区/小区/楼栋/单元 (and a household's room); a person by the first home they own."""
    if tbl == "person":
        homes = places.owned(rid)
        return _address(store, places, inserts, "household", homes[0]) if homes else ""
    if tbl == "ownership":
        home = _values(store, inserts, tbl, rid).get("household_id")
        return _address(store, places, inserts, "household", str(home)) if home else ""
    if tbl == "household":
        names, room = _household_where(store, places, inserts, rid)
        return f"{'/'.join(n for n in names if n)} {room}".strip()
    return "/".join(p for p in (places.names(tbl, rid) or ()) if p)


def _who(store: Store, inserts: dict, places: Places, tbl: str, rid: str) -> str:
    """住户 6幢1单元 302 / 业主 王芳 / 小区“越界小区”: the record as a person names it."""
    values = _values(store, inserts, tbl, rid)
    if tbl == "household":
        names, room = _household_where(store, places, inserts, rid)
        return t("sync.held_who_household", place="".join(names[-2:]), room=room or short_ref(rid))
    if tbl == "person":
        return t("sync.held_who_person", name=values.get("name") or short_ref(rid))
    if tbl == "ownership":
        person = _values(store, inserts, "person", str(values.get("person_id") or "")).get("name") or "—"
        home = _who(store, inserts, places, "household", str(values.get("household_id") or ""))
        return t("sync.held_who_ownership", person=person, household=home)
    return t("sync.held_who", table=_table_label(tbl), what=str(values.get("name") or values.get("room") or short_ref(rid)))


def _shown(tbl: str, fld: str, value: str | None) -> str:
    text = show_value(tbl, fld, value)
    return mask_phone(text) if fld in ("phone", "other_phones") and value else text


def describe(store: Store, inserts: dict, places: Places, row: list) -> str:
    """What the row would do, in words (phones masked): 新增 住户 6幢1单元 302 面积 86.50 m²,
    新增 业主 王芳 电话 138****1234, 住户 6幢1单元 302 的面积：60.00 m² → 86.50 m²."""
    tbl, rid, op, fld, old, new = row[1], row[2], row[3], row[4], row[5], row[6]
    who = _who(store, inserts, places, tbl, rid)
    if op == "insert":
        values = inserts.get((tbl, rid), {})
        if tbl == "household" and values.get("area_x100") is not None:
            return t("sync.held_new_household", who=who, area=_shown(tbl, "area_x100", str(values["area_x100"])))
        if tbl == "person" and values.get("phone"):
            return t("sync.held_new_person", who=who, phone=mask_phone(str(values["phone"])))
        if tbl in ("household", "person", "ownership"):
            return t("sync.held_new", who=who)
        return t("sync.held_insert", table=_table_label(tbl), what=str(values.get("name") or short_ref(rid)))
    if fld == "deleted" and new == "1":
        return t("sync.held_removed", who=who)
    return t("sync.held_changed", who=who, field=field_label(tbl, fld or ""), old=_shown(tbl, fld or "", old),
             new=_shown(tbl, fld or "", new))


# --- deciding -----------------------------------------------------------------------------------

def station_keys(store: Store, station_id: str, seqs: list[int] | None = None) -> list[HeldKey]:
    """The undecided held rows of one station (all of them, or these sequence numbers)."""
    found = [r[0] for r in store.db.execute("SELECT seq FROM sync_held WHERE station_id = ? AND decided = ''"
                                            " ORDER BY seq", [station_id])]
    if not found:
        raise LiftDeskError("sync.nothing_held", station=station_id)
    if seqs:
        missing = sorted(set(seqs) - set(found))
        if missing:
            raise LiftDeskError("sync.held_unknown", id=held_id(station_id, missing[0]))
        return [(station_id, s) for s in sorted(set(seqs))]
    return [(station_id, s) for s in found]


def _undecided(store: Store, keys: list[HeldKey]) -> list[tuple[str, int, str, list]]:
    """(station, seq, reason, row) of each key, in each station's order; refuses unknown or decided."""
    if not keys:
        raise LiftDeskError("sync.held_none_chosen")
    out = []
    for sid, seq in sorted(set(keys)):
        row = store.db.execute("SELECT reason, change FROM sync_held WHERE station_id = ? AND seq = ?"
                               " AND decided = ''", [sid, seq]).fetchone()
        if row is None:
            raise LiftDeskError("sync.held_unknown", id=held_id(sid, seq))
        out.append((sid, seq, row[0], json.loads(row[1])))
    return out


def _named(store: Store, row: list) -> str:
    inserts, places = _context(store)
    return f"{_address(store, places, inserts, row[1], row[2])}：{describe(store, inserts, places, row)}"


def _why_not(store: Store, exc: LiftDeskError, rows: list) -> LiftDeskError:
    """A row that cannot be applied, named; when what it needs is itself still held, say so."""
    wanted = exc.params.get("id")

    def refers(row: list) -> bool:  # the row is the missing record, or an insert hanging on it
        return row[2] == wanted or (row[3] == "insert" and wanted in json.loads(row[6] or "{}").values())
    culprit = next((r[3] for r in rows if refers(r[3])), rows[0][3])
    needed = store.db.execute("SELECT change FROM sync_held WHERE json_extract(change, '$[2]') = ? AND decided = ''"
                              " AND json_extract(change, '$[3]') = 'insert'", [wanted]).fetchone() if wanted else None
    reason = t("sync.held_needs_other", other=_named(store, json.loads(needed[0]))) if needed else str(exc)
    return LiftDeskError("sync.held_cannot_release", row=_named(store, culprit), reason=reason)


def release_held(store: Store, keys: list[HeldKey]) -> Counts:
    """Apply held rows a person decided belong here, all or nothing, as one undo step. They pass the
    import's validators and planning again (the database may have changed since they came): a
    row that no longer fits is named with why, and nothing changes. A revoked station's rows and an
    id that collides with another record can only be rejected."""
    rows = _undecided(store, keys)
    revoked = {r[0] for r in store.db.execute("SELECT station_id FROM sync_station WHERE revoked = 1")}
    for sid, _, reason, row in rows:
        if sid in revoked:
            raise LiftDeskError("sync.held_revoked", row=_named(store, row))
        if reason == "id_collision":
            raise LiftDeskError("sync.held_collision", row=_named(store, row))
    counts = Counts()
    ledger.backup_before(store, "sync-release")
    with actions.action(store, "action.release_held", n=len(rows)):  # the engine tags its log rows
        catch_up(store)
        changes = []
        for sid in dict.fromkeys(r[0] for r in rows):
            mine = [r[3] for r in rows if r[0] == sid]
            try:
                changes += parse_changes(Schema(store), mine, sid)
            except LiftDeskError as exc:
                raise LiftDeskError("sync.held_cannot_release", row=_named(store, mine[exc.params.get("n", 1) - 1]),
                                    reason=str(exc)) from None
        try:
            plan = plan_changes(store, changes, (), None)
            engine = Engine(store, counts)
            if plan.inserts:
                engine.insert_all(plan.inserts)
            engine.edit_all(plan.edits)
        except LiftDeskError as exc:
            raise _why_not(store, exc, rows) from None
        except sqlite3.IntegrityError as exc:
            raise LiftDeskError("sync.held_cannot_release", row=_named(store, rows[0][3]),
                                reason=t("sync.held_breaks_rule", detail=str(exc))) from None
        erase_arrived(store, plan.edits)
        store.db.conn.executemany("DELETE FROM sync_held WHERE station_id = ? AND seq = ?",
                                  [(sid, seq) for sid, seq, _, _ in rows])
    log.info("released %d held rows", len(rows))
    return counts


def reject_held(store: Store, keys: list[HeldKey]) -> int:
    """Drop held rows for good: they leave the list, and the decision (who, when) stays with them."""
    rows = _undecided(store, keys)
    with store.db.atomic():
        store.db.conn.executemany(
            "UPDATE sync_held SET decided = 'rejected', decided_at = ?, decided_by = ? WHERE station_id = ? AND seq = ?",
            [(store.clock.now_iso(), store.actor or "", sid, seq) for sid, seq, _, _ in rows])
    log.info("rejected %d held rows", len(rows))
    return len(rows)
