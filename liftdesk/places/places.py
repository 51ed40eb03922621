"""Reading the place hierarchy: addresses, the navigation tree, unit listings and counts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from liftdesk.errors import ValidationError
from liftdesk.projects.stages import CURRENT_STAGE_SQL, current_stage_sql, stage_label  # noqa: F401  (re-exported)
from liftdesk.store import Store

ADDRESS_PARTS = ("street", "community", "estate", "building", "unit")
CHILD_KIND = {"district": "street", "street": "community", "community": "estate", "estate": "building",
              "building": "unit", "unit": None}
PARENT_COLUMN = {"street": "district_id", "community": "street_id", "estate": "community_id",
                 "building": "estate_id", "unit": "building_id"}

# unit → street with every level's name; the joins every address-bearing query shares.
UNIT_PATH_SQL = """
    FROM unit u
    JOIN building b ON b.id = u.building_id AND b.deleted = 0
    JOIN estate e ON e.id = b.estate_id AND e.deleted = 0
    JOIN community c ON c.id = e.community_id AND c.deleted = 0
    JOIN street s ON s.id = c.street_id AND s.deleted = 0"""


_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> list:
    return [int(p) if p.isdigit() else p for p in _DIGITS.split(text)]


@lru_cache(maxsize=16384)
def _name_order(text: str) -> tuple:
    """natural_key as a tuple, remembered: a 15× city sorts ~400,000 names, most of them repeats
    ("1幢", "2单元"), and splitting each again was most of a street's listing time."""
    return tuple(natural_key(text))


@dataclass(frozen=True)
class Address:
    street: str
    community: str
    estate: str
    building: str
    unit: str

    def __str__(self) -> str:
        return "/".join((self.street, self.community, self.estate, self.building, self.unit))

    @property
    def short(self) -> str:
        return f"{self.estate}{self.building}{self.unit}"


def unit_address(store: Store, unit_id: str) -> Address:
    row = store.db.execute(
        f"SELECT s.name, c.name, e.name, b.name, u.name {UNIT_PATH_SQL} WHERE u.id = ?", [unit_id]).fetchone()
    if row is None:
        raise ValidationError("record.not_found", table="unit", id=unit_id)
    return Address(*row)


def resolve(store: Store, address: str) -> tuple[str, str]:
    """'街道/社区/小区/幢/单元' (or any leading part of it) → (kind, id)."""
    parts = [p.strip() for p in (address or "").strip().strip("/").split("/")]
    if not parts or not parts[0] or len(parts) > len(ADDRESS_PARTS) or any(not p for p in parts):
        raise ValidationError("address.invalid", address=address)
    parent_id = None
    kind = "district"
    for kind, name in zip(ADDRESS_PARTS, parts):
        if kind == "street":
            row = store.db.execute("SELECT id FROM street WHERE name = ? AND deleted = 0", [name]).fetchone()
        else:
            row = store.db.execute(
                f"SELECT id FROM {kind} WHERE {PARENT_COLUMN[kind]} = ? AND name = ? AND deleted = 0",
                [parent_id, name]).fetchone()
        if row is None:
            raise ValidationError("address.not_found", address=address, part=name)
        parent_id = row[0]
    return kind, parent_id


def resolve_unit(store: Store, address: str) -> str:
    kind, unit_id = resolve(store, address)
    if kind != "unit":
        raise ValidationError("address.invalid", address=address)
    return unit_id


@dataclass(frozen=True)
class Node:
    kind: str
    id: str
    name: str
    has_children: bool


def children(store: Store, kind: str, parent_id: str | None) -> list[Node]:
    """The children of a node in the navigation tree; `kind` is the parent's kind."""
    child = CHILD_KIND[kind]
    if child is None:
        return []
    grandchild = CHILD_KIND[child]
    if kind == "district" and parent_id is None:
        where, params = "deleted = 0", []
    else:
        where, params = f"{PARENT_COLUMN[child]} = ? AND deleted = 0", [parent_id]
    has = "0"
    if grandchild:
        has = (f"EXISTS (SELECT 1 FROM {grandchild} g WHERE g.{PARENT_COLUMN[grandchild]} = x.id"
               " AND g.deleted = 0)")
    order = "seq" if child == "street" else "name"
    rows = store.db.execute(f"SELECT id, name, {has} FROM {child} x WHERE {where} ORDER BY {order}",
                            params).fetchall()
    nodes = [Node(child, r[0], r[1], bool(r[2])) for r in rows]
    if child != "street":
        nodes.sort(key=lambda n: natural_key(n.name))
    return nodes


@dataclass(frozen=True)
class UnitListing:
    id: str
    address: Address
    households: int
    project: str | None
    stage: str | None

    def as_json(self) -> dict:
        a = self.address
        return {"id": self.id, "address": str(a), "street": a.street, "community": a.community,
                "estate": a.estate, "building": a.building, "unit": a.unit, "households": self.households,
                "lift_project": self.project, "stage": self.stage, "stage_label": stage_label(self.stage) or None}


def list_units(store: Store, under: str | None = None) -> list[UnitListing]:
    where, params = "u.deleted = 0", []
    if under:
        kind, place_id = resolve(store, under)
        alias = {"street": "s", "community": "c", "estate": "e", "building": "b", "unit": "u"}[kind]
        where += f" AND {alias}.id = ?"
        params.append(place_id)
    rows = store.db.execute(
        f"""SELECT u.id, s.name, c.name, e.name, b.name, u.name,
                   (SELECT count(*) FROM household h WHERE h.unit_id = u.id AND h.deleted = 0),
                   p.name, {current_stage_sql("p.id")}, s.seq
            {UNIT_PATH_SQL}
            LEFT JOIN project p ON p.unit_id = u.id AND p.deleted = 0
            WHERE {where}""", params).fetchall()
    joined = {r[0]: r[1:] for r in store.db.execute(  # units joined to a multi-unit project (few)
        """SELECT pu.unit_id, p.name, (SELECT e.stage FROM stage_event e WHERE e.project_id = p.id AND e.deleted = 0
                                         ORDER BY e.on_date DESC, e.hlc DESC LIMIT 1)
           FROM project_unit pu JOIN project p ON p.id = pu.project_id AND p.deleted = 0 WHERE pu.deleted = 0""")}
    rows.sort(key=tree_order)
    return [UnitListing(r[0], Address(*r[1:6]), r[6], *(joined.get(r[0], r[7:9]) if r[7] is None else r[7:9]))
            for r in rows]


def tree_order(row) -> tuple:
    """The navigation tree's order for a row (id, street, community, estate, building, unit, …, street seq):
    streets by their place in the district, the rest by name with numbers in order (2幢 before 10幢)."""
    return (row[-1], _name_order(row[2]), _name_order(row[3]), _name_order(row[4]), _name_order(row[5]))


# A place counts while it and every place above it are live: a building in the recycle bin takes
# its units and households (and their projects) out of the counts with it. Places in the bin are
# few, so the counts subtract what lies under them rather than walk every household up the tree.
_DEAD_STREETS = "SELECT id FROM street WHERE deleted = 1"
_DEAD_COMMUNITIES = f"SELECT id FROM community WHERE deleted = 1 OR street_id IN ({_DEAD_STREETS})"
_DEAD_ESTATES = f"SELECT id FROM estate WHERE deleted = 1 OR community_id IN ({_DEAD_COMMUNITIES})"
_DEAD_BUILDINGS = f"SELECT id FROM building WHERE deleted = 1 OR estate_id IN ({_DEAD_ESTATES})"
_DEAD_UNITS = f"SELECT id FROM unit WHERE deleted = 1 OR building_id IN ({_DEAD_BUILDINGS})"


def _live(table: str, column: str, dead: str) -> str:
    return (f"SELECT (SELECT count(*) FROM {table} WHERE deleted = 0)"
            f" - (SELECT count(*) FROM {table} WHERE deleted = 0 AND {column} IN ({dead}))")


COUNTED = {
    "streets": "SELECT count(*) FROM street WHERE deleted = 0",
    "communities": _live("community", "street_id", _DEAD_STREETS),
    "estates": _live("estate", "community_id", _DEAD_COMMUNITIES),
    "buildings": _live("building", "estate_id", _DEAD_ESTATES),
    "units": _live("unit", "building_id", _DEAD_BUILDINGS),
    "lift_projects": "SELECT (SELECT count(*) FROM project WHERE deleted = 0) - (SELECT count(*) FROM project"
                     f" WHERE deleted = 0 AND (unit_id IN ({_DEAD_UNITS}) OR unit_id IS NULL AND building_id IN"
                     f" ({_DEAD_BUILDINGS})))",
    "households": _live("household", "unit_id", _DEAD_UNITS),
    "people": "SELECT count(*) FROM person WHERE deleted = 0",
    "helpers": "SELECT count(*) FROM helper WHERE deleted = 0",
}


def district_name(store: Store) -> str:
    """The district this database belongs to, as its reports and headers name it ("" before one is made)."""
    row = store.db.execute("SELECT name FROM district WHERE deleted = 0 ORDER BY id LIMIT 1").fetchone()
    return row[0] if row else ""


def counts(store: Store) -> dict[str, int]:
    return {key: store.db.execute(sql).fetchone()[0] for key, sql in COUNTED.items()}


def ancestors(store: Store, kind: str, record_id: str) -> list[tuple[str, str]]:
    """[(street, id), (community, id), …, (kind, record_id)]: the path from the top to a place."""
    chain = [(kind, record_id)]
    while kind != "street":
        parent_col = PARENT_COLUMN[kind]
        row = store.db.execute(f"SELECT {parent_col} FROM {kind} WHERE id = ?", [record_id]).fetchone()
        if row is None:
            raise ValidationError("record.not_found", table=kind, id=record_id)
        kind = {"community": "street", "estate": "community", "building": "estate", "unit": "building"}[kind]
        record_id = row[0]
        chain.append((kind, record_id))
    return list(reversed(chain))


def unit_project(store: Store, unit_id: str) -> tuple[str | None, str | None]:
    """(project name, current stage code) of a unit's lift project, or (None, None)."""
    row = store.db.execute(
        """SELECT p.name, (SELECT e.stage FROM stage_event e WHERE e.project_id = p.id AND e.deleted = 0
                           ORDER BY e.on_date DESC, e.hlc DESC LIMIT 1)
           FROM project p WHERE p.deleted = 0 AND (p.unit_id = ?1 OR p.id IN (
               SELECT project_id FROM project_unit WHERE unit_id = ?1 AND deleted = 0))
           ORDER BY p.unit_id = ?1 DESC LIMIT 1""", [unit_id]).fetchone()  # a unit joined to a multi-unit project
    return (row[0], row[1]) if row else (None, None)


def first_unit(store: Store, with_project: bool = True) -> str | None:
    """A unit to show first (for screenshots and the demo): one with a lift project if any."""
    join = "JOIN project p ON p.unit_id = u.id AND p.deleted = 0" if with_project else ""
    row = store.db.execute(f"SELECT u.id {UNIT_PATH_SQL} {join} WHERE u.deleted = 0"
                           " ORDER BY s.seq, c.name, e.name, b.seq, u.seq LIMIT 1").fetchone()
    if row is None and with_project:
        return first_unit(store, with_project=False)
    return row[0] if row else None


def sort_text(name: str) -> str:
    """A text that sorts like natural_key ("2幢" before "10幢"), for views that compare strings."""
    return re.sub(r"\d+", lambda m: f"{int(m.group()):08d}", name)


def place_address(store: Store, kind: str, record_id: str) -> str:
    """'街道/社区/…' down to this place: the ADDRESS the CLI and the overview take."""
    names = []
    for step_kind, step_id in ancestors(store, kind, record_id):
        names.append(store.db.execute(f"SELECT name FROM {step_kind} WHERE id = ?", [step_id]).fetchone()[0])
    return "/".join(names)
