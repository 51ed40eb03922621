"""After handover: the logbook, what falls due (across a year end), running costs shared by the
project's scheme to the fen, bills, payments and what is owed; each write one named undo step."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from liftdesk.errors import ValidationError
from liftdesk.history import undo
from liftdesk.money import funding
from liftdesk.places import registry
from liftdesk.projects import projects, today
from liftdesk.upkeep import due, logbook, running


@pytest.fixture
def lift(store, unit):
    """The 6×2 unit's project, handed over on 2023-03-15, sharing by the Guangzhou floor coefficients."""
    project = projects.start_project(store, unit)
    projects.record_stage(store, project, "survey", "2022-01-10")
    projects.record_stage(store, project, "handover", "2023-03-15", {"handover_on": "2023-03-15", "manager": "王建国"},
                          reason="补录：交付前的阶段在纸质台账上")
    funding.save_funding_plan(store, project, total_fen=500_000_00, subsidy_fen=200_000_00, scheme="guangzhou-2025")
    return project


def test_next_inspection_is_a_year_later_even_across_a_year_end_and_a_leap_day():
    assert logbook.next_inspection("2023-12-20") == "2024-12-20"
    assert logbook.next_inspection("2024-02-29") == "2025-02-28"


def test_an_inspection_falls_due_within_30_days_across_the_year_end(store, lift):
    logbook.record_inspection(store, lift, "2023-12-20", "passed", certificate_no="TSX-2023-0815")
    kinds = lambda day: [(d.kind, d.on_date, d.days) for d in due.compute(store, day, lift) if d.kind == "inspection"]
    assert kinds(date(2024, 11, 19)) == []  # 31 days ahead: not yet
    assert kinds(date(2024, 11, 20)) == [("inspection", "2024-12-20", -30)]
    assert kinds(date(2025, 1, 3)) == [("inspection", "2024-12-20", 14)]  # overdue across the year end
    logbook.record_inspection(store, lift, "2024-12-30", "passed")  # recorded: due a year on
    assert kinds(date(2025, 1, 3)) == []


def test_visits_insurance_and_the_first_inspection_after_handover(store, lift):
    day = date(2024, 3, 1)
    found = {d.kind: d for d in due.compute(store, day, lift)}
    assert found["inspection"].on_date == "2024-03-15" and found["inspection"].days == -14  # handover + 1 year
    assert found["visit"].days == (day - date(2023, 3, 15)).days - 20
    logbook.record_visit(store, lift, "2024-02-20", "杭州西奥电梯工程有限公司", "曳引机正常")
    assert "visit" not in {d.kind for d in due.compute(store, day, lift)}  # 10 days ago
    assert [d.days for d in due.compute(store, date(2024, 3, 12), lift) if d.kind == "visit"] == [1]  # 21 days
    logbook.record_insurance(store, lift, "人保财险", "2023-03-15", "2040-03-15", policy_no="PICC-15+2", cover="15+2")
    assert logbook.insurances(store, lift)[0].years == 17
    assert "insurance" not in {d.kind for d in due.compute(store, day, lift)}
    assert [d.on_date for d in due.compute(store, date(2039, 12, 16), lift) if d.kind == "insurance"] == ["2040-03-15"]
    assert [d.kind for d in due.compute(store, date(2039, 12, 15), lift) if d.kind == "insurance"] == []  # 91 days


def test_running_costs_are_shared_by_the_scheme_and_add_up_to_the_fen(store, unit, lift):
    """¥7,201.01 over floors 2–6 at 0.5/1.0/1.1/1.2/1.3 (two flats a floor, weight 10.2): the exact
    shares floor down to 720,096 fen; the 5 left go to the largest fractions — 4F (.95) twice,
    5F (.76) twice, then 6F (.58) once, to 601 before 602 (room order)."""
    for kind, amount in (("maintenance", 5000_00), ("inspection", 300_00), ("electricity", 1200_00),
                         ("insurance", 701_01)):
        running.record_cost(store, lift, 2024, kind, amount, "2024-12-31")
    running.issue_bills(store, lift, 2024, "2025-01-10")
    bills = {a.room: a.billed_fen for a in running.accounts(store, lift, 2024)}
    assert bills == {"601": 91778, "602": 91777, "501": 84718, "502": 84718, "401": 77658, "402": 77658,
                     "301": 70598, "302": 70598, "201": 35299, "202": 35299}  # 1F pays nothing under this scheme
    assert sum(bills.values()) == 720101
    with pytest.raises(ValidationError, match="已出账单"):
        running.issue_bills(store, lift, 2024, "2025-01-11")


def test_payments_owed_and_bills_unpaid_after_60_days(store, unit, lift):
    running.record_cost(store, lift, 2024, "maintenance", 1020_00, "2024-12-31")
    running.issue_bills(store, lift, 2024, "2025-01-10")
    rooms = {h.room: h.id for h in registry.unit_households(store, unit)}
    running.record_payment(store, lift, rooms["601"], 2024, 130_00, "2025-01-20", receipt_no="YX-1")
    with pytest.raises(ValidationError):
        running.record_payment(store, lift, rooms["601"], 2024, 1, "2025-01-21")  # more than the bill
    with pytest.raises(ValidationError):
        running.record_payment(store, lift, rooms["101"], 2024, 1_00, "2025-01-21")  # no bill (pays nothing)
    owed = {a.room: a.owed_fen for a in running.accounts(store, lift, 2024)}
    assert owed["601"] == 0 and owed["602"] == 130_00 and owed["201"] == 50_00
    summary = running.summary(store, lift)[0]
    assert (summary.year, summary.costs_fen, summary.billed_fen, summary.paid_fen, summary.owed_fen,
            summary.households_owing) == (2024, 1020_00, 1020_00, 130_00, 890_00, 9)
    bill = lambda day: [d for d in due.compute(store, day, lift) if d.kind == "bill"]
    assert bill(date(2025, 3, 11)) == []  # 60 days: not yet
    assert bill(date(2025, 3, 12))[0].text == "2024 年运行费用未缴清，共欠 ¥890.00"


def test_each_write_is_one_named_undo_step_and_needs_a_handed_over_lift(store, unit):
    project = projects.start_project(store, unit)
    projects.record_stage(store, project, "survey", "2022-01-10")
    with pytest.raises(ValidationError, match="还没有交付"):
        logbook.record_visit(store, project, "2024-01-01", "西奥")
    projects.record_stage(store, project, "handover", "2023-03-15", {"handover_on": "2023-03-15", "manager": "王"},
                          reason="补录")
    logbook.record_inspection(store, project, "2024-03-10", "passed")
    assert undo.undo(store).label == "登记年检（2024-03-10）"
    assert logbook.inspections(store, project) == []
    undo.redo(store)
    assert len(logbook.inspections(store, project)) == 1
    with pytest.raises(ValidationError):
        logbook.record_inspection(store, project, (date.today() + timedelta(days=1)).isoformat(), "passed")


def test_today_lists_upkeep_due_and_drops_it_when_recorded(store, unit, lift):
    now = date.today()
    logbook.record_inspection(store, lift, (now - timedelta(days=400)).isoformat(), "passed")
    logbook.record_visit(store, lift, (now - timedelta(days=3)).isoformat(), "西奥")
    assert [(i.ref, i.days) for i in today.compute(store, now).upkeep] == [("inspection", 35)]
    logbook.record_inspection(store, lift, now.isoformat(), "passed")
    assert today.compute(store, now).upkeep == []
