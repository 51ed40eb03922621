"""What every unit document needs to know, read once: the address, the project, the households."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable
from datetime import date

from liftdesk.projects import liftplan, projects
from liftdesk.places import places, registry
from liftdesk.consent.evaluation import district_rule
from liftdesk.common.document_kinds import KIND_NAMES
from liftdesk.errors import LiftDeskError
from liftdesk.people.privacy import display_id_ref
from liftdesk.consent.rules import load_rule
from ..store import Store

@dataclass
class Part:
    """A piece with its own serial, QR code and page count (e.g. one household's letter)."""
    story: list
    household_ids: list[str]
    content: dict


@dataclass
class Document:
    kind: str
    title: str
    project_line: str
    story: list
    texts: list[str]  # every piece of data printed: checked against the font before rendering
    content: dict     # what the hash covers
    unit_id: str | None = None
    project_id: str | None = None
    meeting_id: str | None = None
    household_ids: list[str] = field(default_factory=list)
    on_recorded: Callable[[Store, str], None] | None = None  # what else printing it records (same transaction)
    parts: list[Part] | None = None  # None: the whole document is one part

    def all_parts(self) -> list[Part]:
        return self.parts if self.parts is not None else [Part(self.story, self.household_ids, self.content)]


@dataclass(frozen=True)
class Owner:
    name: str
    id_ref: str
    phone: str


@dataclass
class UnitContext:
    unit_id: str
    address: places.Address
    project_id: str | None
    project_name: str
    households: list[registry.HouseholdRow]
    id_refs: dict[str, str]
    owners: dict[str, list[Owner]]  # each household's owners, the designated signer first
    rule_name: str
    rule_summary: str
    plan: str
    plan_version: int | None = None  # the lift plan version a signed form is for

    @property
    def project_line(self) -> str:
        return f"{self.address.street} {self.address.community} {self.address.estate}{self.address.building}" \
               f"{self.address.unit}　{self.project_name}"

    @property
    def short(self) -> str:
        return f"{self.address.estate}{self.address.building}{self.address.unit}"

    def where(self, h) -> str:
        """How a refusal names a household: "…6幢2单元 102 张𠀀"."""
        return f"{self.short} {h.room} {h.owners}".strip()

    def texts(self) -> list:
        out: list = [(str(self.address), str(self.address)), (str(self.address), self.project_name),
                     (str(self.address), self.plan)]
        for h in self.households:
            out += [(self.where(h), h.room), (self.where(h), h.owners), (self.where(h), h.phones)]
        return out


def unit_context(store: Store, unit_id: str, kind: str, need_households: bool = True) -> UnitContext:
    address = places.unit_address(store, unit_id)
    households = registry.unit_households(store, unit_id)
    if need_households and not households:
        raise LiftDeskError("document.no_households", address=str(address), document=KIND_NAMES[kind])
    project_id = projects.project_of_unit(store, unit_id)
    name, _ = places.unit_project(store, unit_id)
    rule = load_rule(district_rule(store).rule)
    plan, plan_version = "", None
    current_plan = liftplan.current(store, project_id) if project_id else None
    if current_plan is not None:
        plan, plan_version = f"{current_plan.label}：{current_plan.line}", current_plan.version
    elif project_id:
        design = [e for e in projects.history(store, project_id) if e.stage == "design"]
        plan = design[-1].note if design and design[-1].note else ""
    id_refs: dict[str, str] = {}
    owners: dict[str, list[Owner]] = {}
    for hid, owner, ref, phone in store.db.execute(
            "SELECT o.household_id, p.name, p.id_ref, p.phone FROM household h CROSS JOIN ownership o"
            " ON o.household_id = h.id JOIN person p ON p.id = o.person_id"
            " WHERE h.unit_id = ? AND h.deleted = 0 AND o.deleted = 0 ORDER BY o.signer DESC, o.role DESC",
            [unit_id]):
        id_refs.setdefault(hid, display_id_ref(ref))  # what the station keeps: ****1234 unless whole
        owners.setdefault(hid, []).append(Owner(owner, display_id_ref(ref), phone))
    return UnitContext(unit_id, address, project_id, name or f"{address.estate}{address.building}{address.unit}加装电梯",
                       households, id_refs, owners, rule.name, rule.summary, plan, plan_version)


def today_text() -> str:
    return date.today().isoformat()
