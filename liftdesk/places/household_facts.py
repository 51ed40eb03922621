"""Two facts about a household that published templates and rules ask for: whether the lift
occupies part of the flat (占用专有部分: Guangzhou 2025 and Jinan need that owner's own consent)
and its 不动产权证号 (optional, printed on the owner's own forms only, never on public ones)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from liftdesk.errors import ValidationError
from liftdesk.history import actions
from liftdesk.places import registry
from liftdesk.store import Store, records

CERT_MAX = 60
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class HouseholdFacts:
    occupied: bool = False
    property_cert: str = ""


def check_cert(value: object) -> str:
    """"粤（2020）广州市不动产权第0123456号": kept as typed, trimmed; no control characters, ≤ 60."""
    cert = " ".join(str(value or "").split())
    if len(cert) > CERT_MAX or _CONTROL.search(cert):
        raise ValidationError("household.cert_invalid", value=cert[:CERT_MAX], limit=CERT_MAX)
    return cert


YES_WORDS = {"是", "y", "yes", "true", "1", "√", "✓", "✔", "占用", "有"}
NO_WORDS = {"否", "n", "no", "false", "0", "", "不占用", "无", "×", "✗"}


def occupied_flag(value: object) -> bool:
    """A roster's 占用专有部分 cell (是/否, √, 占用 …) or a bool."""
    if isinstance(value, bool):
        return value
    word = re.sub(r"\s+", "", str(value or "")).lower()
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    raise ValidationError("household.occupied_invalid", value=str(value))


def facts(store: Store, household_id: str) -> HouseholdFacts:
    row = records.get(store, "household", household_id)
    return HouseholdFacts(bool(row.get("occupied")), row.get("property_cert") or "")


def unit_facts(store: Store, unit_id: str) -> dict[str, HouseholdFacts]:
    """Every live household of the unit → its facts, in one query."""
    return {hid: HouseholdFacts(bool(occ), cert or "") for hid, occ, cert in store.db.execute(
        "SELECT id, occupied, property_cert FROM household WHERE unit_id = ? AND deleted = 0", [unit_id])}


def write_facts(store: Store, household_id: str, occupied: object | None = None,
                property_cert: object | None = None) -> None:
    """Change either fact (None leaves it); inside the caller's step (an import, a new household)."""
    change: dict = {}
    if occupied is not None:
        change["occupied"] = 1 if occupied_flag(occupied) else 0
    if property_cert is not None:
        change["property_cert"] = check_cert(property_cert)
    if change:
        records.update(store, "household", household_id, change)


def set_facts(store: Store, household_id: str, occupied: object | None = None,
              property_cert: object | None = None) -> None:
    """The household dialog's 占用专有部分 box and 不动产权证号 field: one named undo step."""
    row = records.get(store, "household", household_id)
    with actions.action(store, "action.household_facts", unit_id=row["unit_id"], room=row["room"]):
        write_facts(store, household_id, occupied, property_cert)


def create_household(store: Store, unit_id: str, room: str, floor: object, area: object,
                     occupancy: str = "owner", owners: str = "", phone: str = "", occupied: bool = False,
                     property_cert: str = "") -> str:
    """registry.create_household with the two facts, still one undo step ("新增住户 101")."""
    cert = check_cert(property_cert)  # refused before anything is written
    with actions.action(store, "action.add_household", unit_id=unit_id, room=str(room).strip()):
        household = registry.create_household(store, unit_id, room, floor, area, occupancy, owners, phone)
        write_facts(store, household, occupied, cert)
    return household
