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
    """Projects whose latest stage is 终止 (a lift taken out of use has no upkeep due); only the
    few projects ever stopped are looked at."""
    out = set()
    for (pid,) in store.db.execute("SELECT DISTINCT project_id FROM stage_event WHERE stage = 'stopped' AND deleted = 0"
                                   ).fetchall():
        last = store.db.execute("SELECT stage FROM stage_event WHERE project_id = ? AND deleted = 0"
                                " ORDER BY on_date DESC, hlc DESC LIMIT 1", [pid]).fetchone()
        if last and last[0] == "stopped":
            out.add(pid)
    return out


# Per project and year: the bills (when issued, how much) and the payments against them. Totals are
# enough: a household never pays more than its bill (running.record_payment refuses it), so what
# the project is still owed is billed − paid. Both stream from covering indexes (a few ms each).
_BILLED = """SELECT project_id, year, max(issued_on), sum(amount_fen) FROM running_bill WHERE deleted = 0 {only}
    GROUP BY project_id, year"""
_PAID = """SELECT project_id, year, sum(amount_fen) FROM running_payment WHERE deleted = 0 {only}
    GROUP BY project_id, year"""


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
    paid = {(pid, year): amount for pid, year, amount in store.db.execute(_PAID.format(only=only), params)}
    for pid, year, issued, billed in store.db.execute(_BILLED.format(only=only), params).fetchall():
        owed = billed - paid.get((pid, year), 0)
        if owed > 0 and issued < cutoff and pid in handed:  # unpaid more than 60 days after the bill
            out.append(Due(pid, "bill", issued, days_past(issued) - BILL_DAYS,
                           t("due.bill", year=year, amount=format_fen(owed))))
    out.sort(key=lambda d: (-d.days, KINDS.index(d.kind), d.project_id))
    return out

