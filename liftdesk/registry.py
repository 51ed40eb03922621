"""The registry: district → street → community → estate → building → unit → household, and the
people who own households. Every write validates first and changes nothing on bad input."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from .i18n import ValidationError, t
from .store import Store, records
from .units import parse_area

OCCUPANCY = {"owner": "occ.owner", "rented": "occ.rented", "vacant": "occ.vacant"}
_OCCUPANCY_WORDS = {"自住": "owner", "出租": "rented", "空置": "vacant", "owner": "owner",
                    "owner-occupied": "owner", "rented": "rented", "vacant": "vacant"}
MAX_FLOORS = 60
_PHONE = re.compile(r"^[0-9+\- ]*$")

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


def _phone(value: str) -> str:
    phone = (value or "").strip()
    if not _PHONE.match(phone):
        raise ValidationError("phone.invalid", value=value)
    return phone


# ---- places -----------------------------------------------------------------------------------

def add_district(store: Store, name: str, consent_scope: str = "unit", rule_preset: str = "civil-code-278") -> str:
    return records.insert(store, "district", {"name": _name(name, "district"), "consent_scope": consent_scope,
                                              "rule_preset": rule_preset})


def default_district(store: Store) -> str:
    """The district this database belongs to; a fresh station database gets one on first use."""
    row = store.db.execute("SELECT id FROM district WHERE deleted = 0 ORDER BY id LIMIT 1").fetchone()
    return row[0] if row else add_district(store, "本区")


def add_street(store: Store, district_id: str, name: str, seq: int | None = None) -> str:
    name = _name(name, "street")
    _check_unique_name(store, "street", district_id, name)
    if seq is None:
        seq = store.db.execute("SELECT coalesce(max(seq), 0) + 1 FROM street WHERE district_id = ?",
                               [district_id]).fetchone()[0]
    return records.insert(store, "street", {"district_id": district_id, "name": name, "seq": seq})


def add_community(store: Store, street_id: str, name: str) -> str:
    name = _name(name, "community")
    _check_unique_name(store, "community", street_id, name)
    return records.insert(store, "community", {"street_id": street_id, "name": name})


def add_estate(store: Store, community_id: str, name: str) -> str:
    name = _name(name, "estate")
    _check_unique_name(store, "estate", community_id, name)
    return records.insert(store, "estate", {"community_id": community_id, "name": name})


def add_building(store: Store, estate_id: str, name: str, floors: object) -> str:
    name = _name(name, "building")
    floors = _floors(floors)
    _check_unique_name(store, "building", estate_id, name)
    return records.insert(store, "building", {"estate_id": estate_id, "name": name, "floors": floors,
                                              "seq": _natural_key_number(name)})


def add_unit(store: Store, building_id: str, name: str) -> str:
    name = _name(name, "unit")
    _check_unique_name(store, "unit", building_id, name)
    return records.insert(store, "unit", {"building_id": building_id, "name": name,
                                          "seq": _natural_key_number(name)})


def rename_place(store: Store, kind: str, place_id: str, name: str) -> None:
    table, parent_col = PLACE_KINDS[kind]
    name = _name(name, kind)
    parent = records.get(store, table, place_id)[parent_col]
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


def _room(store: Store, unit_id: str, value: str, exclude: str | None = None) -> str:
    room = (value or "").strip()
    if not room:
        raise ValidationError("room.empty")
    clash = store.db.execute(
        "SELECT 1 FROM household WHERE unit_id = ? AND room = ? AND deleted = 0 AND id IS NOT ?",
        [unit_id, room, exclude]).fetchone()
    if clash:
        raise ValidationError("room.duplicate", room=room)
    return room


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


# ---- people -----------------------------------------------------------------------------------

def add_person(store: Store, name: str, phone: str = "", id_ref: str = "") -> str:
    return records.insert(store, "person", {"name": _name(name, "person"), "phone": _phone(phone),
                                            "id_ref": (id_ref or "").strip()})


def find_or_add_person(store: Store, name: str, phone: str = "") -> str:
    """The same name with the same phone is the same person across households."""
    name, phone = _name(name, "person"), _phone(phone)
    row = store.db.execute("SELECT id FROM person WHERE name = ? AND phone = ? AND deleted = 0 LIMIT 1",
                           [name, phone]).fetchone()
    return row[0] if row else add_person(store, name, phone)


def add_owner(store: Store, household_id: str, person_id: str, role: str = "owner", signer: bool = False) -> str:
    return records.insert(store, "ownership", {"household_id": household_id, "person_id": person_id,
                                               "role": role, "signer": 1 if signer else 0})


def set_owners(store: Store, household_id: str, names: Iterable[str], phone: str = "") -> None:
    """Replace a household's owners by names (co-owners share the first one's vote as signer)."""
    names = [n.strip() for n in names if n and n.strip()]
    with store.db.atomic():
        current = store.db.execute(
            "SELECT o.id, p.name FROM ownership o JOIN person p ON p.id = o.person_id"
            " WHERE o.household_id = ? AND o.deleted = 0", [household_id]).fetchall()
        for ownership_id, _ in current:
            records.set_deleted(store, "ownership", ownership_id, True)
        for n, name in enumerate(names):
            person_id = find_or_add_person(store, name, phone if n == 0 else "")
            add_owner(store, household_id, person_id, "owner" if n == 0 else "co-owner", signer=n == 0)


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


def set_owner_phone(store: Store, household_id: str, phone: str) -> None:
    """The phone belongs to the household's signing owner (the person, across their flats)."""
    phone = _phone(phone)
    row = store.db.execute(
        "SELECT person_id FROM ownership WHERE household_id = ? AND deleted = 0 ORDER BY signer DESC, role DESC"
        " LIMIT 1", [household_id]).fetchone()
    if row is None:
        raise ValidationError("owner.missing")
    records.update(store, "person", row[0], {"phone": phone})
