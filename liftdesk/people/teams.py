"""Helper teams (帮帮团 / 助建服务队) and their members: editable records, managed on the 帮帮团
page. Deleting is a tombstone (the recycle of people is by undo); every write is logged."""

from __future__ import annotations

import re
from dataclasses import dataclass

from liftdesk.errors import ValidationError
from liftdesk.history import actions
from liftdesk.i18n import t
from liftdesk.store import Store, records

HELPER_ROLES = {"leader": ("队长", "leader"), "volunteer": ("志愿者", "volunteer"), "lawyer": ("律师", "lawyer"),
                "party": ("党员", "party member"), "staff": ("社工", "station staff"),
                "engineer": ("电梯企业人员", "lift company staff")}
_PHONE = re.compile(r"^[0-9+\- ]*$")


@dataclass(frozen=True)
class Team:
    id: str
    name: str
    kind: str
    street_id: str | None
    community_id: str | None
    members: int


@dataclass(frozen=True)
class Helper:
    id: str
    team_id: str
    name: str
    phone: str
    role: str


def _name(value: str, kind: str) -> str:
    name = (value or "").strip()
    if not name:
        raise ValidationError("name.empty", what=t(f"kind.{kind}"))
    return name


def _phone(value: str) -> str:
    phone = (value or "").strip()
    if not _PHONE.match(phone):
        raise ValidationError("phone.invalid", value=value)
    return phone


def _role(value: str) -> str:
    if value not in HELPER_ROLES:
        raise ValidationError("helper.role", value=value)
    return value


def teams(store: Store) -> list[Team]:
    rows = store.db.execute(
        """SELECT t.id, t.name, t.kind, t.street_id, t.community_id,
                  (SELECT count(*) FROM helper h WHERE h.team_id = t.id AND h.deleted = 0)
           FROM team t WHERE t.deleted = 0 ORDER BY t.name""").fetchall()
    return [Team(*r) for r in rows]


def helpers(store: Store, team_id: str) -> list[Helper]:
    rows = store.db.execute("SELECT id, team_id, name, phone, role FROM helper WHERE team_id = ? AND deleted = 0"
                            " ORDER BY role != 'leader', name", [team_id]).fetchall()
    return [Helper(*r) for r in rows]


def add_team(store: Store, name: str, kind: str = "帮帮团", street_id: str | None = None,
             community_id: str | None = None) -> str:
    """A new helper team, one named undo step."""
    label = (name or "").strip()
    name = _name(name, "team")
    if store.db.execute("SELECT 1 FROM team WHERE name = ? AND deleted = 0", [name]).fetchone():
        raise ValidationError("team.duplicate", name=name)
    with actions.action(store, "action.add_team", name=label):
        return records.insert(store, "team", {"name": name, "kind": (kind or "").strip() or "帮帮团",
                                              "street_id": street_id, "community_id": community_id})


def update_team(store: Store, team_id: str, name: str, kind: str) -> None:
    """A team's name and kind, one named undo step."""
    label = (name or "").strip()
    name = _name(name, "team")
    if store.db.execute("SELECT 1 FROM team WHERE name = ? AND deleted = 0 AND id != ?", [name, team_id]).fetchone():
        raise ValidationError("team.duplicate", name=name)
    with actions.action(store, "action.edit_team", name=label):
        records.update(store, "team", team_id, {"name": name, "kind": (kind or "").strip() or "帮帮团"})


def delete_team(store: Store, team_id: str) -> None:
    """The team and its members, one named undo step (undo brings all back)."""
    with actions.action(store, "action.delete_team", name=records.get(store, "team", team_id)["name"]):
        for h in helpers(store, team_id):
            records.set_deleted(store, "helper", h.id, True)
        records.set_deleted(store, "team", team_id, True)


def add_helper(store: Store, team_id: str, name: str, phone: str = "", role: str = "volunteer") -> str:
    """A new team member, one named undo step."""
    if records.get(store, "team", team_id)["deleted"]:
        raise ValidationError("record.not_found", table="team", id=team_id)
    with actions.action(store, "action.add_helper", name=(name or "").strip()):
        return records.insert(store, "helper", {"team_id": team_id, "name": _name(name, "helper"),
                                                "phone": _phone(phone), "role": _role(role)})


def update_helper(store: Store, helper_id: str, name: str, phone: str, role: str) -> None:
    """A team member's name, phone and role, one named undo step."""
    with actions.action(store, "action.edit_helper", name=(name or "").strip()):
        records.update(store, "helper", helper_id, {"name": _name(name, "helper"), "phone": _phone(phone),
                                                    "role": _role(role)})


def delete_helper(store: Store, helper_id: str) -> None:
    """Remove a team member, one named undo step."""
    with actions.action(store, "action.delete_helper", name=records.get(store, "helper", helper_id)["name"]):
        records.set_deleted(store, "helper", helper_id, True)
