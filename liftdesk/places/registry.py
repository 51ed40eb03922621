"""The registry: district → street → community → estate → building → unit → household, written
and checked (the people who own households: liftdesk/people/ownership.py). Every write validates
first and changes nothing on bad input."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from liftdesk.history import actions
from liftdesk.common import text
from liftdesk.people import ownership
from liftdesk.errors import ValidationError
from liftdesk.i18n import t
from liftdesk.store import Store, records
from liftdesk.places import scope  # noqa: F401  (installs the station's scope check into records)
from liftdesk.common.units import parse_area

OCCUPANCY = {"owner": "occ.owner", "rented": "occ.rented", "vacant": "occ.vacant"}
_OCCUPANCY_WORDS = {"自住": "owner", "出租": "rented", "空置": "vacant", "owner": "owner",
                    "owner-occupied": "owner", "rented": "rented", "vacant": "vacant"}
MAX_FLOORS = 60

# kind → (table, parent column)
PLACE_KINDS = {
    "street": ("street", "district_id"),
    "community": ("community", "street_id"),
    "estate": ("estate", "community_id"),
    "building": ("building", "estate_id"),
    "unit": ("unit", "building_id"),
}


def occupancy_code(value: str) -> str:
    code = _OCCUPANCY_WORDS.get(str(value).strip())
    if code is None:
        raise ValidationError("occupancy.invalid", value=value)
    return code


def occupancy_label(code: str) -> str:
    return t(OCCUPANCY.get(code, "occ.owner"))


def _name(value: str, kind: str) -> str:
    name = (value or "").strip()
    if not name:
        raise ValidationError("name.empty", what=t(f"kind.{kind}"))
    return name


def _place_name(value: str, kind: str) -> str:
    """Place names are joined with "/" into addresses and into file names when printing: a "/",
    a backslash or a control character (a pasted line break, a zero-width mark) would make an
    address that cannot be typed back or a path that leaves its folder."""
    name = _name(value, kind)
    for char in name:
        if char in "/\\" or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
            visible = char in "/\\"
            raise ValidationError("name.bad_char", what=t(f"kind.{kind}"), char=char if visible else f"U+{ord(char):04X}",
                                  name=name if visible else name.encode("unicode_escape").decode("ascii"))
    return name


def check_restorable_name(store: Store, kind: str, record_id: str, name: str | None = None) -> None:
    """Bringing a place back (from the bin, or by undo) must not give two live places one address."""
    table, parent_col = PLACE_KINDS[kind]
    row = records.get(store, table, record_id)
    name = row["name"] if name is None else name
    clash = store.db.execute(
        f"SELECT 1 FROM {table} WHERE {parent_col} IS ? AND name = ? AND deleted = 0 AND id != ?",
        [row[parent_col], name, record_id]).fetchone()
    if clash:
        raise ValidationError("name.restore_clash", name=name, what=t(f"kind.{kind}"))


def _check_unique_name(store: Store, kind: str, parent_id: str | None, name: str, exclude: str | None = None) -> None:
    table, parent_col = PLACE_KINDS[kind]
    row = store.db.execute(
        f"SELECT 1 FROM {table} WHERE {parent_col} IS ? AND name = ? AND deleted = 0 AND id IS NOT ?",
        [parent_id, name, exclude]).fetchone()
    if row:
        parent_table = {"street": "district", "community": "street", "estate": "community",
                        "building": "estate", "unit": "building"}[kind]
        parent = store.db.execute(f"SELECT name FROM {parent_table} WHERE id = ?", [parent_id]).fetchone()
        raise ValidationError("name.duplicate", parent=parent[0] if parent else "", name=name,
                              what=t(f"kind.{kind}"))


def _floors(value: object) -> int:
    try:
        floors = int(str(value).strip())
    except ValueError:
        raise ValidationError("floors.invalid", value=value) from None
    if not 1 <= floors <= MAX_FLOORS:
        raise ValidationError("floors.invalid", value=value)
    return floors


# ---- places -----------------------------------------------------------------------------------

def add_district(store: Store, name: str, consent_scope: str = "unit", rule_preset: str = "civil-code-278") -> str:
    return records.insert(store, "district", {"name": _place_name(name, "district"), "consent_scope": consent_scope,
                                              "rule_preset": rule_preset})


def default_district(store: Store) -> str:
    """The district this database belongs to; a fresh station database gets one on first use."""
    row = store.db.execute("SELECT id FROM district WHERE deleted = 0 ORDER BY id LIMIT 1").fetchone()
    return row[0] if row else add_district(store, "本区")


def add_street(store: Store, district_id: str, name: str, seq: int | None = None) -> str:
    name = _place_name(name, "street")
    _check_unique_name(store, "street", district_id, name)
    if seq is None:
        seq = store.db.execute("SELECT coalesce(max(seq), 0) + 1 FROM street WHERE district_id = ?",
                               [district_id]).fetchone()[0]
    return records.insert(store, "street", {"district_id": district_id, "name": name, "seq": seq})


def add_community(store: Store, street_id: str, name: str) -> str:
    name = _place_name(name, "community")
    _check_unique_name(store, "community", street_id, name)
    return records.insert(store, "community", {"street_id": street_id, "name": name})


def add_estate(store: Store, community_id: str, name: str) -> str:
    name = _place_name(name, "estate")
    _check_unique_name(store, "estate", community_id, name)
    return records.insert(store, "estate", {"community_id": community_id, "name": name})


def add_building(store: Store, estate_id: str, name: str, floors: object) -> str:
    name = _place_name(name, "building")
    floors = _floors(floors)
    _check_unique_name(store, "building", estate_id, name)
    return records.insert(store, "building", {"estate_id": estate_id, "name": name, "floors": floors,
                                              "seq": _natural_key_number(name)})


def add_unit(store: Store, building_id: str, name: str) -> str:
    name = _place_name(name, "unit")
    _check_unique_name(store, "unit", building_id, name)
    return records.insert(store, "unit", {"building_id": building_id, "name": name,
                                          "seq": _natural_key_number(name)})


CHILD_KIND = {"district": "street", "street": "community", "community": "estate", "estate": "building",
              "building": "unit"}


def add_place(store: Store, parent_kind: str, parent_id: str | None, name: str, floors: object = 0) -> str:
    """The tree's "add a child here" as one named undo step; returns the new place's id.
    Under the district the station's own district is the parent; a building needs `floors`."""
    kind = CHILD_KIND[parent_kind]
    with actions.action(store, "action.add_place", kind=t(f"kind.{kind}"), name=str(name).strip()):
        if kind == "street":
            return add_street(store, default_district(store), name)
        if kind == "community":
            return add_community(store, parent_id, name)
        if kind == "estate":
            return add_estate(store, parent_id, name)
        if kind == "building":
            return add_building(store, parent_id, name, floors)
        return add_unit(store, parent_id, name)


def rename_place(store: Store, kind: str, place_id: str, name: str) -> None:
    """A named undo step (the menu names a renamed unit's place)."""
    table, parent_col = PLACE_KINDS[kind]
    current = records.get(store, table, place_id)
    with actions.action(store, "action.rename_named_place", unit_id=place_id if kind == "unit" else None,
                        kind=t(f"kind.{kind}"), old=current["name"], name=str(name).strip()):
        name = _place_name(name, kind)
        parent = current[parent_col]
        _check_unique_name(store, kind, parent, name, exclude=place_id)
        records.update(store, table, place_id, {"name": name})


def set_building_floors(store: Store, building_id: str, floors: object) -> None:
    floors = _floors(floors)
    highest = store.db.execute(
        "SELECT max(h.floor) FROM household h JOIN unit u ON u.id = h.unit_id"
        " WHERE u.building_id = ? AND h.deleted = 0 AND u.deleted = 0", [building_id]).fetchone()[0]
    if highest and highest > floors:
        raise ValidationError("floors.below_households", value=floors, highest=highest)
    records.update(store, "building", building_id, {"floors": floors})


def _natural_key_number(name: str) -> int:
    match = re.search(r"\d+", name)
    return int(match.group()) if match else 0


# ---- households -------------------------------------------------------------------------------

def building_floors_of_unit(store: Store, unit_id: str) -> int:
    row = store.db.execute("SELECT b.floors FROM unit u JOIN building b ON b.id = u.building_id WHERE u.id = ?",
                           [unit_id]).fetchone()
    if row is None:
        raise ValidationError("record.not_found", table="unit", id=unit_id)
    return row[0]


def _floor(value: object, floors: int) -> int:
    try:
        floor = int(str(value).strip())
    except ValueError:
        raise ValidationError("floor.invalid", value=value, floors=floors) from None
    if not 1 <= floor <= floors:
        raise ValidationError("floor.invalid", value=value, floors=floors)
    return floor


def normalise_room(value: object) -> str:
    """The one spelling of a room number: "１０１", " 101 ", "101室", "101号", "101.0" (a number in
    Excel) are all "101". Every path that creates or looks up a household goes through this."""
    return _normalise_room(str(value if value is not None else ""))


@functools.lru_cache(maxsize=8192)  # a unit's rooms are compared again for every row of a roster
def _normalise_room(typed: str) -> str:
    room = unicodedata.normalize("NFKC", text.strip_invisible(typed))
    room = re.sub(r"\s+", "", room).upper()
    if re.fullmatch(r"\d+\.0+", room):
        room = room.split(".")[0]
    return re.sub(r"(?<=[0-9A-Z])[室号]$", "", room)


def household_by_room(store: Store, unit_id: str, room: object, exclude: str | None = None) -> str | None:
    """The live household of the unit with this room (compared normalised), or None."""
    wanted = normalise_room(room)
    rows = store.db.execute("SELECT id, room FROM household WHERE unit_id = ? AND deleted = 0 AND id IS NOT ?",
                            [unit_id, exclude]).fetchall()
    return next((household_id for household_id, r in rows if normalise_room(r) == wanted), None)


def _room(store: Store, unit_id: str, value: str, exclude: str | None = None) -> str:
    room = normalise_room(value)
    if not room:
        raise ValidationError("room.empty")
    if household_by_room(store, unit_id, room, exclude):
        raise ValidationError("room.duplicate", room=room)
    return room


_ROOM_NUMBER = re.compile(r"(\d{3,4})$")


def floor_of_room(room: str) -> int | None:
    """The floor a room number names in the usual scheme (701 → 7, 1203 → 12, 2-501 → 5), or None."""
    match = _ROOM_NUMBER.search(normalise_room(room or ""))
    if not match:
        return None
    floor = int(match.group(1)) // 100
    return floor or None


def room_floor_doubt(room: str, floor: object, floors: int) -> str | None:
    """A question to ask before saving a room whose number names another floor (701 on floor 1),
    or a floor the building does not have; None when nothing looks wrong. Not a refusal:
    some estates number rooms their own way."""
    named = floor_of_room(room)
    try:
        given = int(str(floor).strip())
    except ValueError:
        return None
    if named is None or named == given:
        return None
    key = "room.floor_beyond" if named > floors else "room.floor_mismatch"
    return t(key, room=normalise_room(room), named=named, floor=given, floors=floors)


def add_household(store: Store, unit_id: str, room: str, floor: object, area: object,
                  occupancy: str = "owner") -> str:
    floors = building_floors_of_unit(store, unit_id)
    values = {"unit_id": unit_id, "room": _room(store, unit_id, room), "floor": _floor(floor, floors),
              "area_x100": parse_area(area), "occupancy": occupancy_code(occupancy)}
    return records.insert(store, "household", values)


def quick_create_households(store: Store, unit_id: str, floors: object, rooms_per_floor: object,
                            area: object = "60") -> list[str]:
    """6 floors × 2 rooms → 101, 102 … 602, all in one transaction; editable afterwards."""
    floors_in_building = building_floors_of_unit(store, unit_id)
    n_floors = _floor(floors, floors_in_building)
    try:
        rooms = int(str(rooms_per_floor).strip())
    except ValueError:
        raise ValidationError("rooms.invalid", value=rooms_per_floor) from None
    if not 1 <= rooms <= 20:
        raise ValidationError("rooms.invalid", value=rooms_per_floor)
    area_x100 = parse_area(area)
    rows = []
    for floor in range(1, n_floors + 1):
        for n in range(1, rooms + 1):
            room = f"{floor}{n:02d}"
            _room(store, unit_id, room)
            rows.append({"unit_id": unit_id, "room": room, "floor": floor, "area_x100": area_x100,
                         "occupancy": "owner"})
    return records.insert_many(store, "household", rows)


def create_household(store: Store, unit_id: str, room: str, floor: object, area: object,
                     occupancy: str = "owner", owners: str = "", phone: str = "") -> str:
    """A new household with its owners ("、"-separated names) as one named undo step."""
    with actions.action(store, "action.add_household", unit_id=unit_id, room=str(room).strip()):
        household = add_household(store, unit_id, room, floor, area, occupancy)
        names = ownership.owner_names(owners)
        if names:
            ownership.set_owners(store, household, names, phone)
    return household


def generate_households(store: Store, unit_id: str, floors: object, rooms_per_floor: object,
                        area: object = "60") -> list[str]:
    """`quick_create_households` as one named undo step ("批量生成 12 户")."""
    with actions.action(store, "action.quick_create", unit_id=unit_id, n=0) as act:
        made = quick_create_households(store, unit_id, floors, rooms_per_floor, area)
        if act.label_key == "action.quick_create":  # not joined into a caller's step
            act.label_params["n"] = len(made)
    return made


HOUSEHOLD_COLUMNS = ("room", "floor", "area", "owners", "phones", "occupancy")


def edit_household(store: Store, household_id: str, column: str, value: object) -> None:
    """One cell of the households table (an attribute, the owners or the phone) as a named step."""
    if column not in HOUSEHOLD_COLUMNS:
        raise ValueError(column)
    row = records.get(store, "household", household_id)
    with actions.action(store, "action.edit_household", unit_id=row["unit_id"], room=row["room"],
                        field=t(f"household.column.{column}")):
        if column == "owners":
            phone = next((p for _, p in ownership.household_owners(store, household_id) if p), "")
            ownership.set_owners(store, household_id, ownership.owner_names(value), phone)
        elif column == "phones":
            ownership.set_owner_phone(store, household_id, str(value))
        else:
            update_household(store, household_id, column, value)


EDITABLE_HOUSEHOLD_FIELDS = ("room", "floor", "area", "occupancy")


def update_household(store: Store, household_id: str, field: str, value: object) -> None:
    """The one way a household's attributes change; validated, logged."""
    household = records.get(store, "household", household_id)
    unit_id = household["unit_id"]
    if field == "room":
        change = {"room": _room(store, unit_id, str(value), exclude=household_id)}
    elif field == "floor":
        change = {"floor": _floor(value, building_floors_of_unit(store, unit_id))}
    elif field == "area":
        change = {"area_x100": parse_area(value)}
    elif field == "occupancy":
        change = {"occupancy": occupancy_code(str(value))}
    else:
        raise ValidationError("record.no_field", field=field)
    records.update(store, "household", household_id, change)




@dataclass(frozen=True)
class HouseholdRow:
    id: str
    room: str
    floor: int
    area_x100: int
    occupancy: str
    owners: str
    phones: str


def unit_households(store: Store, unit_id: str) -> list[HouseholdRow]:
    rows = store.db.execute(
        """SELECT h.id, h.room, h.floor, h.area_x100, h.occupancy,
                  coalesce((SELECT group_concat(name, '、') FROM (
                      SELECT p.name FROM ownership o JOIN person p ON p.id = o.person_id
                      WHERE o.household_id = h.id AND o.deleted = 0 ORDER BY o.signer DESC, o.role DESC)), ''),
                  coalesce((SELECT group_concat(phone, '、') FROM (
                      SELECT p.phone FROM ownership o JOIN person p ON p.id = o.person_id
                      WHERE o.household_id = h.id AND o.deleted = 0 AND p.phone != ''
                      ORDER BY o.signer DESC, o.role DESC)), '')
           FROM household h
           WHERE h.unit_id = ? AND h.deleted = 0
           ORDER BY h.floor, h.room""", [unit_id]).fetchall()
    return [HouseholdRow(*r) for r in rows]




def set_area_source(store: Store, household_id: str, source: str) -> None:
    """Where the flat's area came from (产权面积, 测绘面积, 合同面积 …: the law's order), kept and shown."""
    row = store.db.execute("SELECT area_source FROM household WHERE id = ?", [household_id]).fetchone()
    if row is not None and row[0] != source:
        records.update(store, "household", household_id, {"area_source": source})


def area_source(store: Store, household_id: str) -> str:
    row = store.db.execute("SELECT area_source FROM household WHERE id = ?", [household_id]).fetchone()
    return row[0] if row else ""


def building_floors(store: Store, building_id: str) -> int:
    row = store.db.execute("SELECT floors FROM building WHERE id = ?", [building_id]).fetchone()
    if row is None:
        raise ValidationError("record.not_found", table="building", id=building_id)
    return row[0]


def unit_names(store: Store, building_id: str) -> list[str]:
    """The live units' names of a building, in their order."""
    return [r[0] for r in store.db.execute("SELECT name FROM unit WHERE building_id = ? AND deleted = 0"
                                           " ORDER BY seq, name", [building_id])]


def area_sources(store: Store, unit_id: str) -> dict[str, str]:
    """household id → where its area came from, for the unit's flats whose area is not the registered one."""
    return dict(store.db.execute("SELECT id, area_source FROM household WHERE unit_id = ? AND deleted = 0"
                                 " AND area_source != ''", [unit_id]).fetchall())
