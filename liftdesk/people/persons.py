"""Look-alike owners after the fact: owners in a scope who share a name but nothing proves they are
one person (no common phone, no ID reference), and merging them once someone has checked. Identity
itself (who is found, who is created) lives in `ownership.find_person`."""

from __future__ import annotations

from dataclasses import dataclass

from liftdesk.places import places
from liftdesk.people import ownership
from liftdesk.errors import ValidationError
from liftdesk.history import actions
from liftdesk.store import Store


@dataclass(frozen=True)
class Owner:
    person_id: str
    phone: str
    where: str  # "6幢1单元101" (the room alone within one unit)


@dataclass(frozen=True)
class Lookalike:
    name: str
    owners: tuple[Owner, ...]

    @property
    def places(self) -> str:
        return "、".join(o.where for o in self.owners)

    def as_json(self) -> dict:
        return {"name": self.name, "people": len({o.person_id for o in self.owners}),
                "places": [o.where for o in self.owners]}


def _scope(store: Store, under: str) -> list[places.UnitListing]:
    units = places.list_units(store, under)
    if not units:
        raise ValidationError("address.invalid", address=under)
    return units


def lookalikes(store: Store, under: str) -> list[Lookalike]:
    """Names held by more than one person record under `under` where at least one has no phone
    (two different phones are evidence of two people, so those are not listed)."""
    units = _scope(store, under)
    one_unit = places.resolve(store, under)[0] == "unit"
    label = {u.id: "" if one_unit else u.address.building + u.address.unit for u in units}
    marks = ",".join("?" * len(units))
    rows = store.db.execute(
        f"""SELECT p.name, p.id, p.phone, h.unit_id, h.room FROM ownership o
            JOIN person p ON p.id = o.person_id JOIN household h ON h.id = o.household_id
            WHERE o.deleted = 0 AND p.deleted = 0 AND h.deleted = 0 AND h.unit_id IN ({marks})
            ORDER BY p.name, h.unit_id, h.floor, h.room""", [u.id for u in units]).fetchall()
    groups: dict[str, list[Owner]] = {}
    for name, person_id, phone, unit_id, room in rows:
        groups.setdefault(name, []).append(Owner(person_id, phone, label[unit_id] + room))
    out = []
    for name, owners in groups.items():
        people = {o.person_id: ownership.phone_key(o.phone) for o in owners}
        if len(people) > 1 and not all(people.values()):
            out.append(Lookalike(name, tuple(owners)))
    return out


def merge_lookalike(store: Store, under: str, name: str) -> int:
    """Merge the look-alike owners called `name` under `under` into one person. A person with a
    phone other than the kept one's stays apart (that is evidence). One named undo step, so the
    CLI's `undo` separates them again. Returns persons merged away."""
    group = next((x for x in lookalikes(store, under) if x.name == name.strip()), None)
    if group is None:
        raise ValidationError("import.merge_unknown", name=name)
    people = list(dict.fromkeys((o.person_id, ownership.phone_key(o.phone)) for o in group.owners))
    keep, keep_phone = next((p for p in people if p[1]), people[0])
    merged = 0
    kind, place_id = places.resolve(store, under)[:2]
    with actions.action(store, "action.merge_owners", name=name.strip(),
                        unit_id=place_id if kind == "unit" else None):
        for person_id, phone in people:
            if person_id != keep and (not phone or phone == keep_phone):
                ownership.merge_persons(store, keep, person_id)
                merged += 1
    return merged
