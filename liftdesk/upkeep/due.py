"""What a handed-over lift needs now: its yearly inspection within 30 days or overdue, a
maintenance visit when the last one is more than 20 days ago, insurance ending within 90 days,
running-cost bills still unpaid 60 days after they were issued. One pass of SQL over every lift,
so 今日 stays fast over a whole district."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from liftdesk.common.units import format_fen
from liftdesk.i18n import t
from liftdesk.store import Store

from .logbook import next_inspection

INSPECTION_DAYS = 30
VISIT_GAP_DAYS = 20
INSURANCE_DAYS = 90
BILL_DAYS = 60
KINDS = ("inspection", "visit", "insurance", "bill")


@dataclass(frozen=True)
class Due:
    project_id: str
    kind: str
    on_date: str  # the day it falls due (or fell due)
    days: int  # days past that day (negative: days left)
    text: str

    @property
    def overdue(self) -> bool:
        return self.days > 0

    def as_json(self) -> dict:
        return {"kind": self.kind, "date": self.on_date, "days": self.days, "overdue": self.overdue,
                "text": self.text}


_LIFTS = """SELECT project_id, min(on_date) FROM stage_event WHERE deleted = 0
            AND stage IN ('handover', 'maintenance') {only} GROUP BY project_id"""


def _stopped(store: Store) -> set[str]:
    """Projects whose latest stage is 终止 (a lift taken out of use has no upkeep due)."""
    return {r[0] for r in store.db.execute(
        "SELECT project_id FROM (SELECT project_id, stage, row_number() OVER (PARTITION BY project_id"
        " ORDER BY on_date DESC, hlc DESC) AS rn FROM stage_event WHERE deleted = 0) WHERE rn = 1 AND stage = 'stopped'")}


def compute(store: Store, today: date | None = None, project_id: str | None = None) -> list[Due]:
    """Everything due, most overdue first; for one project when PROJECT_ID is given."""
    today = today or date.today()
    only = "AND project_id = ?" if project_id else ""
    params = [project_id] if project_id else []
    handed = dict(store.db.execute(_LIFTS.format(only=only), params).fetchall())
    if not handed:
        return []
    for pid in _stopped(store):
        handed.pop(pid, None)
    out: list[Due] = []

    def days_past(day: str) -> int:
        return (today - date.fromisoformat(day)).days

    inspected = dict(store.db.execute(
        f"SELECT project_id, max(next_due) FROM upkeep_inspection WHERE deleted = 0 {only} GROUP BY project_id",
        params).fetchall())
    visited = dict(store.db.execute(
        f"SELECT project_id, max(on_date) FROM upkeep_visit WHERE deleted = 0 {only} GROUP BY project_id",
        params).fetchall())
    insured = dict(store.db.execute(
        f"SELECT project_id, max(ends_on) FROM upkeep_insurance WHERE deleted = 0 {only} GROUP BY project_id",
        params).fetchall())
    for pid, handover in handed.items():
        due = inspected.get(pid) or next_inspection(handover)
        if days_past(due) >= -INSPECTION_DAYS:
            out.append(Due(pid, "inspection", due, days_past(due), t("due.inspection", date=due)))
        last = visited.get(pid)
        since = days_past(last or handover)
        if since > VISIT_GAP_DAYS:
            out.append(Due(pid, "visit", last or handover, since - VISIT_GAP_DAYS,
                           t("due.visit", date=last, days=since) if last else t("due.no_visit", days=since)))
        ends = insured.get(pid)
        if ends and days_past(ends) >= -INSURANCE_DAYS:
            out.append(Due(pid, "insurance", ends, days_past(ends), t("due.insurance", date=ends)))
    cutoff = (today - timedelta(days=BILL_DAYS)).isoformat()
    for pid, year, issued, households, owed in store.db.execute(
            f"""WITH bills AS (SELECT project_id, household_id, year, max(issued_on) AS issued, sum(amount_fen) AS billed
                      FROM running_bill WHERE deleted = 0 {only} GROUP BY project_id, household_id, year),
                     paid AS (SELECT project_id, household_id, year, sum(amount_fen) AS paid
                      FROM running_payment WHERE deleted = 0 {only} GROUP BY project_id, household_id, year)
                SELECT b.project_id, b.year, min(b.issued), count(*), sum(b.billed - coalesce(p.paid, 0)) FROM bills b
                LEFT JOIN paid p ON p.project_id = b.project_id AND p.household_id = b.household_id AND p.year = b.year
                WHERE b.issued < ? AND b.billed > coalesce(p.paid, 0) GROUP BY b.project_id, b.year""",
            params + params + [cutoff]):
        if pid in handed:
            out.append(Due(pid, "bill", issued, days_past(issued) - BILL_DAYS,
                           t("due.bill", year=year, n=households, amount=format_fen(owed))))
    out.sort(key=lambda d: (-d.days, KINDS.index(d.kind), d.project_id))
    return out
