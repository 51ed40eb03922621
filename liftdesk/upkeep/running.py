"""Running costs after handover: what the lift cost in a year (maintenance fee, inspection fee,
electricity, insurance), the bill each household gets for that year — the year's costs shared by
the project's agreed scheme, in fen that add up exactly to the costs —, payments into the
collective account against those bills, and what is still owed. Kept apart from the construction
share and its payments (money/payments.py). All append-only; each write one named undo step."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from liftdesk.common.dates import past_day
from liftdesk.common.units import format_fen
from liftdesk.errors import ValidationError
from liftdesk.history import actions, retractions
from liftdesk.i18n import t
from liftdesk.money import costshare, funding
from liftdesk.money.costshare import Override, ShareTable
from liftdesk.places.places import natural_key
from liftdesk.store import Store, records

from .common import fen, require_handed_over, text

KINDS = ("maintenance", "inspection", "electricity", "insurance")


def kind_label(kind: str) -> str:
    return t(f"running.kind.{kind}")


def _year(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 2000 <= value <= date.today().year + 1:
        raise ValidationError("running.year", value=value)
    return value


@dataclass(frozen=True)
class Cost:
    id: str
    year: int
    kind: str
    amount_fen: int
    on_date: str
    note: str

    def as_json(self) -> dict:
        return {"id": self.id, "year": self.year, "kind": self.kind, "kind_label": kind_label(self.kind),
                "amount_fen": self.amount_fen, "date": self.on_date, "note": self.note}


@dataclass(frozen=True)
class HouseholdYear:
    """One household's running-cost account for one year."""
    household_id: str
    room: str
    floor: int
    year: int
    issued_on: str
    billed_fen: int
    paid_fen: int

    @property
    def owed_fen(self) -> int:
        return self.billed_fen - self.paid_fen

    def as_json(self) -> dict:
        return {"room": self.room, "floor": self.floor, "year": self.year, "issued_on": self.issued_on,
                "billed_fen": self.billed_fen, "paid_fen": self.paid_fen, "owed_fen": self.owed_fen}


def record_cost(store: Store, project_id: str, year: int, kind: str, amount_fen: int, on_date: str,
                note: str = "", recorded_by: str = "") -> str:
    """One of the year's running costs (a correction is a new, negative cost with a note)."""
    unit_id = require_handed_over(store, project_id)
    if kind not in KINDS:
        raise ValidationError("running.kind", value=kind)
    amount = fen(amount_fen, allow_negative=True)
    if amount == 0 or (amount < 0 and not text(note)):
        raise ValidationError("running.cost_invalid", value=format_fen(amount))
    with actions.action(store, "action.running_cost", unit_id=unit_id, kind=kind_label(kind),
                        amount=format_fen(amount)):
        return records.insert(store, "running_cost", {
            "project_id": project_id, "year": _year(year), "kind": kind, "amount_fen": amount,
            "on_date": past_day(on_date), "note": text(note), "recorded_by": text(recorded_by)})


def costs(store: Store, project_id: str, year: int | None = None) -> list[Cost]:
    sql = ("SELECT id, year, kind, amount_fen, on_date, note FROM running_cost WHERE project_id = ? AND deleted = 0"
           + (" AND year = ?" if year is not None else "") + " ORDER BY year, on_date, hlc")
    return [Cost(*r) for r in store.db.execute(sql, [project_id] + ([year] if year is not None else []))]


def year_total(store: Store, project_id: str, year: int) -> int:
    return sum(c.amount_fen for c in costs(store, project_id, year))


def _scheme(store: Store, project_id: str) -> costshare.Scheme:
    """The agreed scheme for running costs: the plan's own running scheme, else the signed
    agreement's scheme, else the plan's construction scheme."""
    plan = funding.funding_plan(store, project_id)
    if plan.running_scheme:
        return funding.scheme_for(plan, plan.running_scheme)
    signed = funding.agreement(store, project_id)
    if signed is not None:
        return signed.scheme
    return funding.scheme_for(plan)


def shares(store: Store, project_id: str, amount_fen: int) -> ShareTable:
    """AMOUNT shared among the households by the project's scheme; a household that did not join
    the lift (agreed amount 0) pays none of its running costs either."""
    flats, storeys = funding.project_flats(store, project_id)
    not_joining = {h: Override(0, o.reason) for h, o in funding.overrides(store, project_id).items()
                   if o.amount_fen == 0}
    return costshare.compute_shares(flats, amount_fen, _scheme(store, project_id), not_joining, storeys)


def _live_bills(store: Store, project_id: str, year: int) -> list[str]:
    return [r[0] for r in store.db.execute("SELECT id FROM running_bill WHERE project_id = ? AND year = ?"
                                           " AND deleted = 0", [project_id, year])]


def issue_bills(store: Store, project_id: str, year: int, issued_on: str, *, replace: bool = False,
                recorded_by: str = "") -> list[str]:
    """Bill every household its share of the year's running costs. Once per year; `replace`
    withdraws the year's bills first (costs came in late) — payments stay and count against the new bills."""
    unit_id = require_handed_over(store, project_id)
    year = _year(year)
    total = year_total(store, project_id, year)
    if total <= 0:
        raise ValidationError("running.no_costs", year=year)
    day = past_day(issued_on)
    if int(day[:4]) < year:
        raise ValidationError("running.billed_early", year=year, date=day)
    existing = _live_bills(store, project_id, year)
    if existing and not replace:
        raise ValidationError("running.already_billed", year=year)
    table = shares(store, project_id, total)
    with actions.action(store, "action.running_bills", unit_id=unit_id, year=year, amount=format_fen(total)):
        for bill_id in existing:
            retractions.retract(store, "running_bill", bill_id, t("running.replaced"))
        return records.insert_many(store, "running_bill", [
            {"project_id": project_id, "household_id": s.flat.id, "year": year, "amount_fen": s.amount_fen,
             "issued_on": day, "recorded_by": text(recorded_by)} for s in table.shares if s.amount_fen > 0])


def accounts(store: Store, project_id: str, year: int | None = None) -> list[HouseholdYear]:
    """Every household's bill and payments per year (newest year first, higher floors first)."""
    only_year = " AND year = ?" if year is not None else ""
    params = [project_id] + ([year] if year is not None else [])
    paid: dict[tuple[str, int], int] = {}
    for household_id, y, amount in store.db.execute(
            f"SELECT household_id, year, sum(amount_fen) FROM running_payment WHERE project_id = ? AND deleted = 0{only_year}"
            " GROUP BY household_id, year", params):
        paid[(household_id, y)] = amount
    rows = store.db.execute(
        f"SELECT b.household_id, h.room, h.floor, b.year, max(b.issued_on), sum(b.amount_fen) FROM running_bill b"
        f" JOIN household h ON h.id = b.household_id WHERE b.project_id = ? AND b.deleted = 0{only_year.replace('year', 'b.year')}"
        " GROUP BY b.household_id, b.year", params).fetchall()
    out = [HouseholdYear(h, room, floor, y, issued, billed, paid.pop((h, y), 0))
           for h, room, floor, y, issued, billed in rows]
    rooms = {r[0]: (r[1], r[2]) for r in store.db.execute(
        "SELECT id, room, floor FROM household WHERE id IN (SELECT household_id FROM running_payment"
        " WHERE project_id = ?)", [project_id])}
    out += [HouseholdYear(h, *rooms[h], y, "", 0, amount) for (h, y), amount in paid.items()]  # paid, bill withdrawn
    return sorted(out, key=lambda a: (-a.year, -a.floor, natural_key(a.room)))


def record_payment(store: Store, project_id: str, household_id: str, year: int, amount_fen: int, paid_on: str, *,
                   receipt_no: str = "", method: str = "", reason: str = "", recorded_by: str = "") -> str:
    """A household pays (part of) its bill for a year; a refund is negative with a reason. Never
    more than the year's bill."""
    unit_id = require_handed_over(store, project_id)
    amount = fen(amount_fen, allow_negative=True)
    account = next((a for a in accounts(store, project_id, year) if a.household_id == household_id), None)
    if amount == 0:
        raise ValidationError("money.invalid", value=amount_fen)
    if account is None:
        raise ValidationError("running.no_bill", year=year)
    reason = text(reason)
    if amount < 0:
        if not reason:
            raise ValidationError("payment.refund_reason")
        if account.paid_fen + amount < 0:
            raise ValidationError("payment.refund_exceeds", paid=format_fen(account.paid_fen),
                                  amount=format_fen(-amount))
    elif account.paid_fen + amount > account.billed_fen:
        raise ValidationError("payment.overpaid", room=account.room, due=format_fen(account.billed_fen),
                              paid=format_fen(account.paid_fen), amount=format_fen(amount))
    receipt_no = text(receipt_no)
    if receipt_no and store.db.execute("SELECT 1 FROM running_payment WHERE project_id = ? AND receipt_no = ?"
                                       " AND deleted = 0", [project_id, receipt_no]).fetchone():
        raise ValidationError("payment.receipt_duplicate", receipt=receipt_no)
    with actions.action(store, "action.running_payment", unit_id=unit_id, room=account.room, year=year,
                        amount=format_fen(amount)):
        return records.insert(store, "running_payment", {
            "project_id": project_id, "household_id": household_id, "year": year, "amount_fen": amount,
            "paid_on": past_day(paid_on), "receipt_no": receipt_no, "method": text(method), "reason": reason,
            "recorded_by": text(recorded_by)})


@dataclass(frozen=True)
class YearSummary:
    year: int
    costs_fen: int
    billed_fen: int
    paid_fen: int
    owed_fen: int
    households_owing: int

    def as_json(self) -> dict:
        return {"year": self.year, "costs_fen": self.costs_fen, "billed_fen": self.billed_fen,
                "paid_fen": self.paid_fen, "owed_fen": self.owed_fen, "households_owing": self.households_owing}


def summary(store: Store, project_id: str) -> list[YearSummary]:
    """Per year: costs, billed, paid, still owed (newest first)."""
    by_year: dict[int, list[HouseholdYear]] = {}
    for a in accounts(store, project_id):
        by_year.setdefault(a.year, []).append(a)
    years = sorted(set(by_year) | {c.year for c in costs(store, project_id)}, reverse=True)
    return [YearSummary(y, year_total(store, project_id, y), sum(a.billed_fen for a in by_year.get(y, [])),
                        sum(a.paid_fen for a in by_year.get(y, [])),
                        sum(max(a.owed_fen, 0) for a in by_year.get(y, [])),
                        sum(1 for a in by_year.get(y, []) if a.owed_fen > 0)) for y in years]
