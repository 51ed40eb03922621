"""Payments into the collective account (集体账户). Append-only like positions: a mistake or a refund is a
new, negative payment with a reason. What a household owes comes from the signed agreement's snapshot
(or, before one is signed, the live share table)."""

from __future__ import annotations

from dataclasses import dataclass

from liftdesk.money import funding
from liftdesk.common.dates import past_day
from liftdesk.errors import ValidationError
from liftdesk.history import actions
from liftdesk.places.places import natural_key
from liftdesk.store import Store, records
from liftdesk.common.units import format_fen


@dataclass(frozen=True)
class Payment:
    id: str
    household_id: str
    room: str
    amount_fen: int
    paid_on: str
    receipt_no: str
    method: str
    reason: str
    recorded_by: str

    def as_json(self) -> dict:
        return {"id": self.id, "room": self.room, "amount_fen": self.amount_fen, "date": self.paid_on,
                "receipt_no": self.receipt_no, "method": self.method, "reason": self.reason,
                "recorded_by": self.recorded_by}


@dataclass(frozen=True)
class Balance:
    household_id: str
    room: str
    floor: int
    due_fen: int
    paid_fen: int

    @property
    def outstanding_fen(self) -> int:
        return self.due_fen - self.paid_fen

    def as_json(self) -> dict:
        return {"room": self.room, "floor": self.floor, "due_fen": self.due_fen, "paid_fen": self.paid_fen,
                "outstanding_fen": self.outstanding_fen}


def list_payments(store: Store, project_id: str) -> list[Payment]:
    rows = store.db.execute(
        "SELECT p.id, p.household_id, h.room, p.amount_fen, p.paid_on, p.receipt_no, p.method, p.reason, p.recorded_by"
        " FROM payment p JOIN household h ON h.id = p.household_id WHERE p.project_id = ? AND p.deleted = 0"
        " ORDER BY p.paid_on, p.hlc", [project_id]).fetchall()
    return [Payment(*r) for r in rows]


def _due(store: Store, project_id: str) -> dict[str, int]:
    signed = funding.agreement(store, project_id)
    if signed is not None:
        return {s["household_id"]: s["share_fen"] for s in signed.shares}
    plan = funding.funding_plan(store, project_id)
    if plan.id is None:
        return {}
    return {s.flat.id: s.amount_fen for s in funding.shares(store, project_id).shares}


def balances(store: Store, project_id: str) -> list[Balance]:
    """Per household: what it owes, what it paid, what is outstanding (higher floors first)."""
    flats, _ = funding.project_flats(store, project_id)
    due = _due(store, project_id)
    paid: dict[str, int] = {}
    for household_id, amount in store.db.execute(
            "SELECT household_id, sum(amount_fen) FROM payment WHERE project_id = ? AND deleted = 0"
            " GROUP BY household_id", [project_id]):
        paid[household_id] = amount
    flats.sort(key=lambda f: (-f.floor, natural_key(f.room)))
    return [Balance(f.id, f.room, f.floor, due.get(f.id, 0), paid.get(f.id, 0)) for f in flats]


@dataclass(frozen=True)
class Reconciliation:
    owners_part_fen: int
    due_fen: int
    paid_fen: int
    outstanding_fen: int
    households_outstanding: int

    @property
    def balanced(self) -> bool:
        return self.due_fen == self.owners_part_fen

    def as_json(self) -> dict:
        return {"owners_part_fen": self.owners_part_fen, "due_fen": self.due_fen, "paid_fen": self.paid_fen,
                "outstanding_fen": self.outstanding_fen, "households_outstanding": self.households_outstanding,
                "balanced": self.balanced}


def reconcile(store: Store, project_id: str) -> Reconciliation:
    """Totals checked against the plan: the shares must add up to the owners' part."""
    rows = balances(store, project_id)
    signed = funding.agreement(store, project_id)
    part = signed.owners_part_fen if signed else funding.funding_plan(store, project_id).owners_part_fen
    return Reconciliation(part, sum(b.due_fen for b in rows), sum(b.paid_fen for b in rows),
                          sum(max(b.outstanding_fen, 0) for b in rows), sum(1 for b in rows if b.outstanding_fen > 0))


def record_payment(store: Store, project_id: str, household_id: str, amount_fen: int, paid_on: str, *,
                   receipt_no: str = "", method: str = "", reason: str = "", recorded_by: str = "") -> str:
    """A payment into the account (positive) or a refund (negative, with a reason), one named undo
    step. Never more than owed."""
    if not isinstance(amount_fen, int) or isinstance(amount_fen, bool) or amount_fen == 0:
        raise ValidationError("money.invalid", value=amount_fen)
    row = next((b for b in balances(store, project_id) if b.household_id == household_id), None)
    if row is None:
        raise ValidationError("payment.outside_project")
    reason = (reason or "").strip()
    if amount_fen < 0:
        if not reason:
            raise ValidationError("payment.refund_reason")
        if row.paid_fen + amount_fen < 0:
            raise ValidationError("payment.refund_exceeds", paid=format_fen(row.paid_fen),
                                  amount=format_fen(-amount_fen))
    elif row.paid_fen + amount_fen > row.due_fen:
        raise ValidationError("payment.overpaid", room=row.room, due=format_fen(row.due_fen),
                              paid=format_fen(row.paid_fen), amount=format_fen(amount_fen))
    receipt_no = (receipt_no or "").strip()
    if receipt_no and store.db.execute("SELECT 1 FROM payment WHERE project_id = ? AND receipt_no = ? AND deleted = 0",
                                       [project_id, receipt_no]).fetchone():
        raise ValidationError("payment.receipt_duplicate", receipt=receipt_no)
    from liftdesk.projects.projects import project_unit

    with actions.action(store, "action.payment", unit_id=project_unit(store, project_id), room=row.room,
                        amount=format_fen(amount_fen)):
        return records.insert(store, "payment", {
            "project_id": project_id, "household_id": household_id, "amount_fen": amount_fen,
            "paid_on": past_day(paid_on), "receipt_no": receipt_no, "method": (method or "").strip(),
            "reason": reason, "recorded_by": (recorded_by or "").strip()})
