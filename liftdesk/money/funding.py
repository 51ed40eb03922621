"""A project's funding plan (总价, 补贴, 维修资金, 公积金, other sources → the owners' part), the sharing
scheme it uses, agreed per-household amounts, and the snapshot kept with a signed agreement so that a
later change of preset never changes what was signed."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date

from liftdesk.money import costshare
from liftdesk.projects import liftplan, units
from liftdesk.money.costshare import Flat, Override, ShareTable
from liftdesk.common.dates import any_day
from liftdesk.errors import ValidationError
from liftdesk.history import actions
from liftdesk.store import Store, records
from liftdesk.places import district_settings
from liftdesk.common.units import format_fen

SUBSIDY_STATUSES = ("", "applied", "approved", "credited")
MONEY_FIELDS = ("total_fen", "subsidy_fen", "maintenance_fund_fen", "provident_fund_fen", "other_fen",
                "yearly_maintenance_fen", "yearly_electricity_fen")
TEXT_FIELDS = ("subsidy_status", "subsidy_applied_on", "subsidy_approved_on", "subsidy_credited_on", "other_note",
               "scheme", "running_scheme", "account_name", "account_bank", "account_no", "manager", "schedule")


@dataclass(frozen=True)
class FundingPlan:
    id: str | None
    project_id: str
    total_fen: int = 0
    subsidy_fen: int = 0
    subsidy_status: str = ""
    subsidy_applied_on: str = ""
    subsidy_approved_on: str = ""
    subsidy_credited_on: str = ""
    maintenance_fund_fen: int = 0
    provident_fund_fen: int = 0
    other_fen: int = 0
    other_note: str = ""
    scheme: str = "guangzhou-2025"
    coefficients: dict | None = None
    yearly_maintenance_fen: int = 0
    yearly_electricity_fen: int = 0
    running_scheme: str = ""
    account_name: str = ""
    account_bank: str = ""
    account_no: str = ""
    manager: str = ""
    schedule: str = ""

    @property
    def owners_part_fen(self) -> int:
        return (self.total_fen - self.subsidy_fen - self.maintenance_fund_fen - self.provident_fund_fen
                - self.other_fen)

    def as_json(self) -> dict:
        data = {k: getattr(self, k) for k in ("total_fen", "subsidy_fen", "subsidy_status", "subsidy_applied_on",
                                              "subsidy_approved_on", "subsidy_credited_on", "maintenance_fund_fen",
                                              "provident_fund_fen", "other_fen", "other_note", "scheme",
                                              "yearly_maintenance_fen", "yearly_electricity_fen", "running_scheme",
                                              "account_name", "account_bank", "account_no", "manager", "schedule")}
        data["coefficients"] = self.coefficients or {}
        data["owners_part_fen"] = self.owners_part_fen
        return data


_PLAN_COLUMNS = ("id", "project_id", *MONEY_FIELDS[:2], "subsidy_status", "subsidy_applied_on", "subsidy_approved_on",
                 "subsidy_credited_on", *MONEY_FIELDS[2:5], "other_note", "scheme", "coefficients",
                 *MONEY_FIELDS[5:], "running_scheme", "account_name", "account_bank", "account_no", "manager",
                 "schedule")


def funding_plan(store: Store, project_id: str) -> FundingPlan:
    """The project's funding plan; an empty one (not yet saved) when none was made."""
    row = store.db.execute(f"SELECT {', '.join(_PLAN_COLUMNS)} FROM funding_plan WHERE project_id = ? AND deleted = 0"
                           " ORDER BY created_at LIMIT 1", [project_id]).fetchone()
    if row is None:  # a new plan starts from the district's cost preset
        return FundingPlan(None, project_id, scheme=district_settings.read(store).cost_preset)
    data = dict(zip(_PLAN_COLUMNS, row))
    data["coefficients"] = json.loads(data["coefficients"] or "{}")
    return FundingPlan(**data)


def _check_sources(plan: FundingPlan) -> None:
    """The owners' part is what the sources leave of the total: never below nothing."""
    if plan.subsidy_fen > plan.total_fen:
        raise ValidationError("funding.subsidy_exceeds", subsidy=format_fen(plan.subsidy_fen),
                              total=format_fen(plan.total_fen))
    if plan.owners_part_fen < 0:
        raise ValidationError("funding.sources_exceed", total=format_fen(plan.total_fen),
                              owners=format_fen(plan.owners_part_fen))


def _check(plan: FundingPlan) -> None:
    for name in MONEY_FIELDS:
        value = getattr(plan, name)
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValidationError("money.invalid", value=value)
        if value < 0:
            raise ValidationError("money.negative", value=format_fen(value))
    _check_sources(plan)
    if plan.subsidy_status not in SUBSIDY_STATUSES:
        raise ValidationError("funding.bad_status", value=plan.subsidy_status)
    costshare.load_scheme(plan.scheme)
    if plan.running_scheme:
        costshare.load_scheme(plan.running_scheme)
    if plan.scheme == "custom" or plan.coefficients:
        costshare.load_scheme("custom").with_coefficients(plan.coefficients or {})


def save_funding_plan(store: Store, project_id: str, **changes) -> FundingPlan:
    """Create or edit the funding plan, one named undo step; every field checked before anything
    is written."""
    from liftdesk.projects.projects import project_unit

    with actions.action(store, "action.funding", unit_id=project_unit(store, project_id)):
        return _save_funding_plan(store, project_id, changes)


def change_scheme(store: Store, project_id: str, scheme: str) -> FundingPlan:
    """Switch the plan's sharing scheme, named by the scheme ("分摊方案改为…")."""
    from liftdesk.projects.projects import project_unit

    with actions.action(store, "action.scheme", unit_id=project_unit(store, project_id),
                        scheme=costshare.load_scheme(scheme).name):
        return save_funding_plan(store, project_id, scheme=scheme)


def parse_coefficients(text: str) -> dict[str, str]:
    """"1=0 2=0.5，3=1" → {"1": "0", "2": "0.5", "3": "1"} (checked when saved)."""
    pairs = {}
    for part in (text or "").replace("，", " ").replace(",", " ").split():
        floor, _, value = part.partition("=")
        pairs[floor.strip()] = value.strip()
    return pairs


def change_coefficients(store: Store, project_id: str, text: str) -> bool:
    """The custom scheme's per-floor coefficients as typed ("1=0 2=0.5"), one named step; saving
    the same ones again writes nothing. Returns whether they changed."""
    from liftdesk.projects.projects import project_unit

    pairs = parse_coefficients(text)
    plan = funding_plan(store, project_id)
    if pairs == {str(k): str(v) for k, v in (plan.coefficients or {}).items()}:
        return False
    if plan.scheme != "custom":  # they would be saved and change nothing: say so instead
        raise ValidationError("share.coefficients_custom_only",
                              scheme=costshare.load_scheme(plan.scheme).name if plan.scheme else "—")
    try:
        with actions.action(store, "action.coefficients", unit_id=project_unit(store, project_id)):
            save_funding_plan(store, project_id, coefficients=pairs)
    except ValueError:
        raise ValidationError("share.bad_floor", value=text) from None
    return True


def _save_funding_plan(store: Store, project_id: str, changes: dict) -> FundingPlan:
    current = funding_plan(store, project_id)
    unknown = set(changes) - set(MONEY_FIELDS) - set(TEXT_FIELDS) - {"coefficients"}
    if unknown:
        raise ValidationError("record.no_field", field=", ".join(sorted(unknown)))
    for name in ("subsidy_applied_on", "subsidy_approved_on", "subsidy_credited_on"):
        if changes.get(name):
            changes[name] = any_day(changes[name])
    if "coefficients" in changes:
        changes["coefficients"] = {str(int(k)): str(v) for k, v in (changes["coefficients"] or {}).items()}
    merged = FundingPlan(**{**current.__dict__, **changes})
    _check(merged)
    values = {k: v for k, v in changes.items() if k != "coefficients"}
    if "coefficients" in changes:
        values["coefficients"] = json.dumps(changes["coefficients"], ensure_ascii=False, sort_keys=True)
    if current.id is None:
        records.insert(store, "funding_plan", {"project_id": project_id, **values})
    elif values:
        records.update(store, "funding_plan", current.id, values)
    return funding_plan(store, project_id)


def project_flats(store: Store, project_id: str) -> tuple[list[Flat], int | None]:
    """The households a project's lift serves, and the building's storeys."""
    row = store.db.execute("SELECT unit_id, building_id FROM project WHERE id = ?", [project_id]).fetchone()
    if row is None:
        raise ValidationError("record.not_found", table="project", id=project_id)
    unit_id, building_id = row
    joined = units.extra_units(store, project_id) if unit_id else []  # a 四梯连装 or 连片 project's further units
    if unit_id:
        every = [unit_id] + joined
        rows = store.db.execute(
            "SELECT h.id, h.room, h.floor, h.area_x100, u.name, b.floors FROM household h JOIN unit u ON u.id = h.unit_id"
            f" JOIN building b ON b.id = u.building_id WHERE h.unit_id IN ({', '.join('?' for _ in every)})"
            " AND h.deleted = 0", every).fetchall()
    else:
        rows = store.db.execute(
            "SELECT h.id, h.room, h.floor, h.area_x100, u.name, b.floors FROM household h JOIN unit u ON u.id = h.unit_id"
            " JOIN building b ON b.id = u.building_id WHERE u.building_id = ? AND h.deleted = 0 AND u.deleted = 0",
            [building_id]).fetchall()
    storeys = rows[0][5] if rows else None
    return [Flat(r[0], r[1], r[2], r[3], r[4] if (building_id and not unit_id) or joined else "") for r in rows], storeys


def overrides(store: Store, project_id: str) -> dict[str, Override]:
    rows = store.db.execute("SELECT household_id, amount_fen, reason FROM share_override"
                            " WHERE project_id = ? AND deleted = 0", [project_id]).fetchall()
    return {h: Override(a, r) for h, a, r in rows}


def set_override(store: Store, project_id: str, household_id: str, amount_fen: int | None, reason: str = "") -> None:
    """Agree a fixed amount for one household (0: does not join; negative: compensation). None
    removes it. One named undo step."""
    from liftdesk.projects.projects import project_unit

    flats, _ = project_flats(store, project_id)
    if household_id not in {f.id for f in flats}:
        raise ValidationError("payment.outside_project")
    with actions.action(store, "action.override", unit_id=project_unit(store, project_id),
                        room=records.get(store, "household", household_id)["room"]):
        _set_override(store, project_id, household_id, amount_fen, reason)


def _set_override(store: Store, project_id: str, household_id: str, amount_fen: int | None, reason: str) -> None:
    row = store.db.execute("SELECT id FROM share_override WHERE project_id = ? AND household_id = ? AND deleted = 0",
                           [project_id, household_id]).fetchone()
    if amount_fen is None:
        if row:
            records.set_deleted(store, "share_override", row[0], True)
        return
    if not isinstance(amount_fen, int) or isinstance(amount_fen, bool):
        raise ValidationError("money.invalid", value=amount_fen)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("share.override_reason")
    if row:
        records.update(store, "share_override", row[0], {"amount_fen": amount_fen, "reason": reason})
    else:
        records.insert(store, "share_override", {"project_id": project_id, "household_id": household_id,
                                                 "amount_fen": amount_fen, "reason": reason})


def scheme_for(plan: FundingPlan, scheme_id: str | None = None) -> costshare.Scheme:
    scheme = costshare.load_scheme(scheme_id or plan.scheme)
    if scheme.custom:
        if not plan.coefficients:
            raise ValidationError("share.custom_empty")
        scheme = scheme.with_coefficients(plan.coefficients)
    return scheme


def shares(store: Store, project_id: str, scheme_id: str | None = None, owners_part_fen: int | None = None,
           coefficients: dict | None = None) -> ShareTable:
    """The live share table: the plan's scheme (or another to compare), its agreed amounts."""
    plan = funding_plan(store, project_id)
    if coefficients is not None:
        plan = FundingPlan(**{**plan.__dict__, "coefficients": coefficients})
    flats, storeys = project_flats(store, project_id)
    part = plan.owners_part_fen if owners_part_fen is None else owners_part_fen
    return costshare.compute_shares(flats, part, scheme_for(plan, scheme_id), overrides(store, project_id), storeys)


@dataclass(frozen=True)
class TrialShares:
    """Shares worked out from a total and a subsidy to try (or the plan's own): the owners' part
    is the plan's arithmetic, so a what-if reads the same as the saved plan."""

    total_fen: int
    subsidy_fen: int
    other_sources_fen: int
    owners_part_fen: int
    table: ShareTable
    estimate: bool = False  # worked out before any project or funding plan existed (估算)


def trial_shares(store: Store, project_id: str, scheme_id: str | None = None, total_fen: int | None = None,
                 subsidy_fen: int | None = None) -> TrialShares:
    """The share table for a total and subsidy to try; what is not given comes from the plan."""
    plan = funding_plan(store, project_id)
    if plan.id is None and total_fen is None:
        raise ValidationError("funding.none")
    trial = replace(plan, total_fen=plan.total_fen if total_fen is None else total_fen,
                    subsidy_fen=plan.subsidy_fen if subsidy_fen is None else subsidy_fen)
    _check_sources(trial)
    others = trial.maintenance_fund_fen + trial.provident_fund_fen + trial.other_fen
    return TrialShares(trial.total_fen, trial.subsidy_fen, others, trial.owners_part_fen,
                       shares(store, project_id, scheme_id, trial.owners_part_fen))


def unit_flats(store: Store, unit_id: str) -> tuple[list[Flat], int | None]:
    """The households of a unit as the sharing sees them, and the building's storeys."""
    rows = store.db.execute(
        "SELECT h.id, h.room, h.floor, h.area_x100, b.floors FROM household h JOIN unit u ON u.id = h.unit_id"
        " JOIN building b ON b.id = u.building_id WHERE h.unit_id = ? AND h.deleted = 0", [unit_id]).fetchall()
    storeys = rows[0][4] if rows else None
    return [Flat(r[0], r[1], r[2], r[3]) for r in rows], storeys


def estimate_shares(store: Store, unit_id: str, total_fen: int, subsidy_fen: int = 0,
                    scheme_id: str | None = None) -> TrialShares:
    """What each flat would pay at the first survey, before a project exists: TOTAL less SUBSIDY split
    by the district's cost preset (or SCHEME_ID). Labelled an estimate wherever it is shown."""
    trial = FundingPlan(None, "", total_fen=total_fen, subsidy_fen=subsidy_fen,
                        scheme=scheme_id or district_settings.read(store).cost_preset)
    _check(trial)
    _check_sources(trial)
    scheme = costshare.load_scheme(trial.scheme)
    if scheme.custom:
        raise ValidationError("share.custom_empty")
    flats, storeys = unit_flats(store, unit_id)
    table = costshare.compute_shares(flats, trial.owners_part_fen, scheme, {}, storeys)
    return TrialShares(total_fen, subsidy_fen, 0, trial.owners_part_fen, table, estimate=True)


def running_costs(store: Store, project_id: str) -> dict[str, ShareTable]:
    """Yearly maintenance and electricity, split by their own scheme or the plan's; a household that does
    not join (agreed amount 0) pays none of them either."""
    plan = funding_plan(store, project_id)
    flats, storeys = project_flats(store, project_id)
    scheme = scheme_for(plan, plan.running_scheme or None)
    out = overrides(store, project_id)
    not_joining = {h: Override(0, o.reason) for h, o in out.items() if o.amount_fen == 0}
    return {name: costshare.compute_shares(flats, getattr(plan, f"yearly_{name}_fen"), scheme, not_joining, storeys)
            for name in ("maintenance", "electricity")}


# --- the snapshot kept with a signed agreement ---------------------------------------------------

@dataclass(frozen=True)
class Agreement:
    id: str
    project_id: str
    plan_version: int | None
    scheme: costshare.Scheme
    owners_part_fen: int
    shares: list[dict]
    on_date: str
    serial: str

    def due(self, household_id: str) -> int:
        return next((s["share_fen"] for s in self.shares if s["household_id"] == household_id), 0)


def snapshot_agreement(store: Store, project_id: str, serial: str = "", on_date: str | None = None) -> str:
    """Keep the scheme, its coefficients and every amount with the agreement (append-only)."""
    table = shares(store, project_id)
    plan = liftplan.current(store, project_id)
    return records.insert(store, "cost_agreement", {
        "project_id": project_id, "plan_version": plan.version if plan else None,
        "scheme_json": json.dumps(table.scheme.as_json(), ensure_ascii=False, sort_keys=True),
        "owners_part_fen": table.owners_part_fen,
        "shares_json": json.dumps([s.as_json() for s in table.shares], ensure_ascii=False),
        "on_date": any_day(on_date) if on_date else date.today().isoformat(), "serial": serial})


def agreement(store: Store, project_id: str) -> Agreement | None:
    row = store.db.execute(
        "SELECT id, project_id, plan_version, scheme_json, owners_part_fen, shares_json, on_date, serial"
        " FROM cost_agreement WHERE project_id = ? AND deleted = 0 ORDER BY hlc DESC LIMIT 1", [project_id]).fetchone()
    if row is None:
        return None
    return Agreement(row[0], row[1], row[2], costshare.scheme_from_json(json.loads(row[3])), row[4],
                     json.loads(row[5]), row[6], row[7])


def late_joiner_amount(store: Store, project_id: str, household_id: str) -> int:
    """What a household that did not join pays to join later: its share under the signed agreement's
    own scheme, as if it had joined from the start."""
    signed = agreement(store, project_id)
    flats, storeys = project_flats(store, project_id)
    if household_id not in {f.id for f in flats}:
        raise ValidationError("payment.outside_project")
    agreed = overrides(store, project_id)
    agreed.pop(household_id, None)
    if signed is not None:
        table = costshare.compute_shares(flats, signed.owners_part_fen, signed.scheme, agreed, storeys)
    else:
        plan = funding_plan(store, project_id)
        table = costshare.compute_shares(flats, plan.owners_part_fen, scheme_for(plan), agreed, storeys)
    share = table.share_of(household_id)
    return share.amount_fen if share else 0

