"""The lift's logbook after handover: who manages it and who maintains it (with contract dates),
maintenance visits, yearly inspections, insurance terms and stoppages. Every entry is a dated,
append-only fact written as one named undo step; a mistake is withdrawn, never edited."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from liftdesk.common.dates import any_day, past_day
from liftdesk.errors import ValidationError
from liftdesk.history import actions, retractions
from liftdesk.i18n import t
from liftdesk.store import Store, records

from .common import require_handed_over, text, whole

ROLES = ("manager", "maintainer")  # 使用管理人, 维保单位
RESULTS = ("passed", "failed")  # 合格, 不合格
LOGBOOK_TABLES = ("upkeep_party", "upkeep_visit", "upkeep_inspection", "upkeep_insurance", "upkeep_fault")


def role_label(role: str) -> str:
    return t(f"upkeep.role.{role}")


def result_label(result: str) -> str:
    return t(f"upkeep.result.{result}")


def next_inspection(on_date: str) -> str:
    """The next yearly inspection: the same day a year later (29 February → 28 February)."""
    day = date.fromisoformat(on_date)
    try:
        return day.replace(year=day.year + 1).isoformat()
    except ValueError:
        return day.replace(year=day.year + 1, day=28).isoformat()


@dataclass(frozen=True)
class Party:
    id: str
    role: str
    name: str
    contact: str
    contract_no: str
    from_date: str
    to_date: str
    recorded_by: str

    def as_json(self) -> dict:
        return {**asdict(self), "role_label": role_label(self.role)}


@dataclass(frozen=True)
class Visit:
    id: str
    on_date: str
    company: str
    findings: str
    recorded_by: str

    def as_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Inspection:
    id: str
    on_date: str
    result: str
    next_due: str
    certificate_no: str
    recorded_by: str

    def as_json(self) -> dict:
        return {**asdict(self), "result_label": result_label(self.result)}


@dataclass(frozen=True)
class Insurance:
    id: str
    insurer: str
    policy_no: str
    cover: str
    starts_on: str
    ends_on: str
    recorded_by: str

    @property
    def years(self) -> int:
        start, end = date.fromisoformat(self.starts_on), date.fromisoformat(self.ends_on)
        return end.year - start.year - ((end.month, end.day) < (start.month, start.day))

    def as_json(self) -> dict:
        return {**asdict(self), "years": self.years}


@dataclass(frozen=True)
class Fault:
    id: str
    on_date: str
    stopped_hours: int
    cause: str
    repair: str
    recorded_by: str

    def as_json(self) -> dict:
        return asdict(self)


def _insert(store: Store, project_id: str, table: str, label_key: str, values: dict, **label: object) -> str:
    unit_id = require_handed_over(store, project_id)
    with actions.action(store, label_key, unit_id=unit_id, **label):
        return records.insert(store, table, {"project_id": project_id, **values})


def record_party(store: Store, project_id: str, role: str, name: str, from_date: str, *, to_date: str = "",
                 contact: str = "", contract_no: str = "", recorded_by: str = "") -> str:
    """Name the lift's 使用管理人 or its maintenance company from a day (a contract's term when given).
    The latest entry of a role is the current one."""
    if role not in ROLES:
        raise ValidationError("upkeep.role", value=role)
    start = past_day(from_date)
    end = any_day(to_date) if str(to_date or "").strip() else ""
    if end and end <= start:
        raise ValidationError("upkeep.term_order", start=start, end=end)
    return _insert(store, project_id, "upkeep_party", "action.upkeep_party", {
        "role": role, "name": text(name, "upkeep.name_missing"), "contact": text(contact),
        "contract_no": text(contract_no), "from_date": start, "to_date": end, "recorded_by": text(recorded_by)},
        role=role_label(role), name=text(name))


def record_visit(store: Store, project_id: str, on_date: str, company: str, findings: str = "",
                 recorded_by: str = "") -> str:
    day = past_day(on_date)
    return _insert(store, project_id, "upkeep_visit", "action.upkeep_visit", {
        "on_date": day, "company": text(company, "upkeep.company_missing"), "findings": text(findings),
        "recorded_by": text(recorded_by)}, date=day)


def record_inspection(store: Store, project_id: str, on_date: str, result: str, *, next_due: str = "",
                      certificate_no: str = "", recorded_by: str = "") -> str:
    """The yearly inspection (年检); the next one is due a year later unless the inspector set a day."""
    if result not in RESULTS:
        raise ValidationError("upkeep.result", value=result)
    day = past_day(on_date)
    due = any_day(next_due) if str(next_due or "").strip() else next_inspection(day)
    if due <= day:
        raise ValidationError("upkeep.due_order", date=day, due=due)
    return _insert(store, project_id, "upkeep_inspection", "action.upkeep_inspection", {
        "on_date": day, "result": result, "next_due": due, "certificate_no": text(certificate_no),
        "recorded_by": text(recorded_by)}, date=day)


def record_insurance(store: Store, project_id: str, insurer: str, starts_on: str, ends_on: str, *,
                     policy_no: str = "", cover: str = "", recorded_by: str = "") -> str:
    """An insurance term (e.g. the 17-year “15+2” policy: 15 years' cover plus 2 of maintenance)."""
    start, end = any_day(starts_on), any_day(ends_on)
    if end <= start:
        raise ValidationError("upkeep.term_order", start=start, end=end)
    return _insert(store, project_id, "upkeep_insurance", "action.upkeep_insurance", {
        "insurer": text(insurer, "upkeep.insurer_missing"), "policy_no": text(policy_no), "cover": text(cover),
        "starts_on": start, "ends_on": end, "recorded_by": text(recorded_by)}, insurer=text(insurer))


def record_fault(store: Store, project_id: str, on_date: str, stopped_hours: int, cause: str, repair: str = "",
                 recorded_by: str = "") -> str:
    day = past_day(on_date)
    return _insert(store, project_id, "upkeep_fault", "action.upkeep_fault", {
        "on_date": day, "stopped_hours": whole(stopped_hours, "upkeep.hours"),
        "cause": text(cause, "upkeep.cause_missing"), "repair": text(repair), "recorded_by": text(recorded_by)},
        date=day)


def withdraw(store: Store, table: str, record_id: str, reason: str = "") -> None:
    """Withdraw a logbook entry entered by mistake (a retraction: it merges like the entry did)."""
    if table not in LOGBOOK_TABLES:
        raise ValueError(f"not a logbook table: {table}")
    row = records.get(store, table, record_id)
    with actions.action(store, "action.upkeep_withdraw", unit_id=require_handed_over(store, row["project_id"])):
        retractions.retract(store, table, record_id, reason)


def _rows(store: Store, sql: str, project_id: str) -> list[tuple]:
    return store.db.execute(sql, [project_id]).fetchall()


def parties(store: Store, project_id: str) -> list[Party]:
    return [Party(*r) for r in _rows(store, "SELECT id, role, name, contact, contract_no, from_date, to_date,"
                                            " recorded_by FROM upkeep_party WHERE project_id = ? AND deleted = 0"
                                            " ORDER BY from_date, hlc", project_id)]


def current_party(store: Store, project_id: str, role: str) -> Party | None:
    found = [p for p in parties(store, project_id) if p.role == role]
    return found[-1] if found else None


def visits(store: Store, project_id: str) -> list[Visit]:
    return [Visit(*r) for r in _rows(store, "SELECT id, on_date, company, findings, recorded_by FROM upkeep_visit"
                                            " WHERE project_id = ? AND deleted = 0 ORDER BY on_date, hlc", project_id)]


def inspections(store: Store, project_id: str) -> list[Inspection]:
    return [Inspection(*r) for r in _rows(store, "SELECT id, on_date, result, next_due, certificate_no, recorded_by"
                                                 " FROM upkeep_inspection WHERE project_id = ? AND deleted = 0"
                                                 " ORDER BY on_date, hlc", project_id)]


def insurances(store: Store, project_id: str) -> list[Insurance]:
    return [Insurance(*r) for r in _rows(store, "SELECT id, insurer, policy_no, cover, starts_on, ends_on, recorded_by"
                                                " FROM upkeep_insurance WHERE project_id = ? AND deleted = 0"
                                                " ORDER BY starts_on, hlc", project_id)]


def faults(store: Store, project_id: str) -> list[Fault]:
    return [Fault(*r) for r in _rows(store, "SELECT id, on_date, stopped_hours, cause, repair, recorded_by"
                                            " FROM upkeep_fault WHERE project_id = ? AND deleted = 0"
                                            " ORDER BY on_date, hlc", project_id)]
