"""Open conflicts for a person to settle, and settling them: the chosen value becomes a new
version whose bases are every competing version, so the field has one leaf again everywhere the
resolution travels (the receipt carries it back to the station)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from liftdesk.errors import LiftDeskError
from liftdesk.i18n import language
from ..store import Store
from ..store.ids import short_ref
from .merge import Change, Engine, Schema, catch_up


def _fields() -> dict:
    from liftdesk.places import registry
    from liftdesk.common import units
    return {("household", "area_x100"): ("面积", "Area", lambda v: units.format_area(int(v)) + " m²",
                                         lambda text: str(units.parse_area(text))),
            ("household", "occupancy"): ("居住情况", "Occupancy", registry.occupancy_label,
                                         registry.occupancy_code),
            ("household", "room"): ("房号", "Room", str, str), ("household", "floor"): ("楼层", "Floor", str, str),
            ("person", "name"): ("姓名", "Name", str, str), ("person", "phone"): ("电话", "Phone", str, str),
            ("district", "rule_preset"): ("同意比例规则", "Consent rule", str, str),
            ("any", "deleted"): ("已删除", "Deleted", lambda v: "是" if v == "1" else "否", str)}


def field_label(table: str, field: str) -> str:
    spec = _fields().get((table, field)) or _fields().get(("any", field))
    return (spec[1] if language() == "en" else spec[0]) if spec else field


def show_value(table: str, field: str, value: str | None) -> str:
    """A value as people read it (62.25 rather than 6225)."""
    if value is None:
        return "—"
    spec = _fields().get((table, field)) or _fields().get(("any", field))
    try:
        return spec[2](value) if spec else value
    except (ValueError, TypeError, KeyError):
        return value


def parse_value(table: str, field: str, text: str) -> str:
    """What a person typed for a field, as stored (62.25 → 6225); raises on nonsense."""
    spec = _fields().get((table, field))
    return spec[3](text) if spec else text


@dataclass(frozen=True)
class Conflict:
    id: str
    table: str
    record_id: str
    field: str
    leaves: list[dict]
    opened_at: str
    where: str
    district_value: str | None
    station_value: str | None
    station: str
    current: str | None

    @property
    def field_label(self) -> str:
        return field_label(self.table, self.field)

    def shown(self, value: str | None) -> str:
        return show_value(self.table, self.field, value)

    def as_json(self) -> dict:
        return {"id": self.id, "table": self.table, "record_id": self.record_id, "field": self.field,
                "field_label": self.field_label, "district_text": self.shown(self.district_value),
                "station_text": self.shown(self.station_value), "current_text": self.shown(self.current),
                "where": self.where, "district_value": self.district_value, "station_value": self.station_value,
                "station": self.station, "current": self.current, "versions": self.leaves, "opened_at": self.opened_at}


def _where(store: Store, tbl: str, rid: str) -> str:
    """A human label: the household's address and room, or the record's name."""
    if tbl == "household":
        row = store.db.execute(
            "SELECT s.name, c.name, e.name, b.name, u.name, h.room FROM household h JOIN unit u ON u.id = h.unit_id"
            " JOIN building b ON b.id = u.building_id JOIN estate e ON e.id = b.estate_id"
            " JOIN community c ON c.id = e.community_id JOIN street s ON s.id = c.street_id WHERE h.id = ?",
            [rid]).fetchone()
        if row:
            return "/".join(row[:5]) + f" {row[5]}"
    cols = Schema(store).columns(tbl)
    if "name" in cols and tbl != "person":
        row = store.db.execute(f"SELECT name FROM {tbl} WHERE id = ?", [rid]).fetchone()
        if row:
            return str(row[0])
    return f"{tbl} {short_ref(rid)}"


def _conflict(store: Store, row: tuple) -> Conflict:
    cid, tbl, rid, fld, leaves, opened = row
    versions = json.loads(leaves)
    names = {r[0]: r[1] for r in store.db.execute("SELECT station_id, name FROM sync_station")}
    mine = [v for v in versions if v["station"] == store.station_id]
    others = [v for v in versions if v["station"] != store.station_id]
    current = store.db.execute(f"SELECT {fld} FROM {tbl} WHERE id = ?", [rid]).fetchone()
    current_text = None if current is None or current[0] is None else str(current[0])
    district = (mine[-1] if mine else max(versions, key=lambda v: v["hlc"]))
    station = next((v for v in reversed(others) if v["value"] != district["value"]), others[-1] if others else district)
    for v in versions:
        v["station_name"] = names.get(v["station"], "本站" if v["station"] == store.station_id else v["station"])
    return Conflict(cid, tbl, rid, fld, versions, opened, _where(store, tbl, rid), district["value"], station["value"],
                    station["station_name"] if "station_name" in station else station["station"], current_text)


def open_conflicts(store: Store) -> list[Conflict]:
    rows = store.db.execute("SELECT id, tbl, record_id, field, leaves, opened_at FROM sync_conflict"
                            " WHERE resolved_at IS NULL ORDER BY opened_at, id").fetchall()
    return [_conflict(store, r) for r in rows]


def get(store: Store, conflict_id: str) -> Conflict:
    row = store.db.execute("SELECT id, tbl, record_id, field, leaves, opened_at FROM sync_conflict"
                           " WHERE id = ? AND resolved_at IS NULL", [conflict_id]).fetchone()
    if row is None:
        raise LiftDeskError("sync.no_conflict", id=conflict_id)
    return _conflict(store, row)


def _check_value(store: Store, tbl: str, fld: str, value: str) -> str:
    kind = Schema(store).columns(tbl).get(fld, "")
    if "INT" in kind:
        try:
            return str(int(value.strip()))
        except ValueError:
            raise LiftDeskError("sync.bad_value", value=value, field=field_label(tbl, fld)) from None
    return value


def resolve_typed(store: Store, conflict_id: str, keep: str) -> str:
    """The CLI's --keep: 'district', 'station', or a value as a person writes it (an area in m²,
    "61.5" → 6150, like the GUI's 手动填写). Returns the value kept, as stored."""
    if keep in ("district", "station"):
        return resolve(store, conflict_id, keep)
    c = get(store, conflict_id)
    try:
        value = parse_value(c.table, c.field, keep)
    except (LiftDeskError, ValueError, KeyError):
        raise LiftDeskError("sync.bad_value", value=keep, field=c.field_label) from None
    return resolve(store, conflict_id, value)


def resolve(store: Store, conflict_id: str, keep: str) -> str:
    """keep = 'district', 'station' or the value itself. Returns the value kept."""
    c = get(store, conflict_id)
    if keep == "district":
        value = c.district_value
    elif keep == "station":
        value = c.station_value
    else:
        value = _check_value(store, c.table, c.field, keep)
    with store.db.atomic():
        catch_up(store)
        c = get(store, conflict_id)  # leaves as they are now, after local edits became versions
        hlc = store.clock.tick()
        ch = Change(0, c.table, c.record_id, "update", c.field, c.current, value, store.clock.now_iso(), hlc,
                    store.station_id, store.actor, None, [v["hlc"] for v in c.leaves])
        Engine(store).apply_version(ch)
        store.db.execute("UPDATE sync_conflict SET resolved_by = ? WHERE id = ?", [store.actor or keep, conflict_id])
    return value
