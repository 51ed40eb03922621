"""Property test: upkeep records, running-cost bills and payments, objections and their handling,
units joined to a project and yearly targets travel station → district (bundle) and back (receipt)
by the existing rules — facts by union (withdrawals as retractions), a target's edited fields by
version, conflicts raised when both sides change one — and both ends hold the same rows."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liftdesk.errors import LiftDeskError
from liftdesk.history import undo
from liftdesk.money import funding
from liftdesk.places import registry
from liftdesk.projects import objections, projects, targets
from liftdesk.store import open_store
from liftdesk.store.schema import AFTER_HANDOVER_TABLES
from liftdesk.sync import enrol, exchange, receipts
from liftdesk.upkeep import logbook, running
from tests.sync_helpers import PASSPHRASE, World

KINDS = ("visit", "inspection", "insurance", "fault", "cost", "bills", "payment", "objection", "step", "target",
         "undo")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A district with a handed-over lift and a project in its public notice, and one station
    enrolled with its starting data (both projects included)."""
    tmp = tmp_path_factory.mktemp("sync-upkeep")
    w = World(tmp, households_per_unit=2)
    d = w.district
    lift = projects.start_project(d, w.ids["unit"])
    projects.record_stage(d, lift, "survey", "2022-01-10")
    projects.record_stage(d, lift, "handover", "2023-03-15", {"handover_on": "2023-03-15", "manager": "王"}, reason="补录")
    funding.save_funding_plan(d, lift, total_fen=400_000_00, subsidy_fen=200_000_00, scheme="area")
    building = d.db.execute("SELECT building_id FROM unit WHERE id = ?", [w.ids["unit"]]).fetchone()[0]
    second = registry.add_unit(d, building, "2单元")
    registry.quick_create_households(d, second, 6, 1, "55")
    notice = projects.start_project(d, second)
    projects.record_stage(d, notice, "survey", "2024-01-10")
    projects.record_stage(d, notice, "notice", "2024-05-01", reason="补录")
    w.add_station("甲站")
    ids = dict(w.ids, lift=lift, notice=notice)
    w.close()
    return tmp, ids


def _copy(src: Path, dst: Path) -> None:
    a, b = sqlite3.connect(src), sqlite3.connect(dst)
    a.backup(b)
    a.close()
    b.close()


def _act(store, kind: str, v: int, ids: dict) -> None:
    lift, notice, households = ids["lift"], ids["notice"], ids["households"]
    day = f"2024-0{1 + v % 9}-1{v % 10}"
    try:
        if kind == "visit":
            logbook.record_visit(store, lift, day, "西奥", f"第 {v} 次")
        elif kind == "inspection":
            logbook.record_inspection(store, lift, day, ("passed", "failed")[v % 2], certificate_no=f"T{v}")
        elif kind == "insurance":
            logbook.record_insurance(store, lift, "人保", "2023-03-15", "2040-03-15", cover="15+2")
        elif kind == "fault":
            logbook.record_fault(store, lift, day, v, "门锁故障")
        elif kind == "cost":
            running.record_cost(store, lift, 2024, running.KINDS[v % 4], 100_00 * (v + 1), day)
        elif kind == "bills":
            running.issue_bills(store, lift, 2024, "2024-12-20", replace=True)
        elif kind == "payment":
            running.record_payment(store, lift, households[v % len(households)], 2024, 1_00, "2024-12-25")
        elif kind == "objection":
            objections.register(store, notice, day, f"异议 {v}", from_name=f"邻居{v}")
        elif kind == "step":
            found = objections.register_of(store, notice)
            if found:
                objections.add_step(store, found[v % len(found)].id, "2024-10-01", "调解",
                                    outcome=("", "mediated", "escalated", "withdrawn")[v % 4])
        elif kind == "target":
            targets.set_target(store, ids["street"], 2024, v, v + 1)
        elif kind == "undo":
            undo.undo(store)
    except LiftDeskError:
        pass  # a refused write changes nothing; the property is about what was written


def _rows(store) -> dict:
    out = {}
    for table in AFTER_HANDOVER_TABLES + ("retraction",):
        cur = store.db.execute(f"SELECT * FROM {table} ORDER BY id")
        names = [c[0] for c in cur.description]
        out[table] = [{k: v for k, v in zip(names, r) if k != "updated_at"} for r in cur.fetchall()]
    return out


op = st.tuples(st.sampled_from(("station", "district")), st.sampled_from(KINDS), st.integers(0, 7))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(ops=st.lists(op, min_size=2, max_size=16))
def test_after_handover_records_travel_station_to_district_and_back(template, ops):
    tmp, ids = template
    work = Path(tempfile.mkdtemp(prefix="sync-upkeep-"))
    try:
        for name in ("district", "甲站"):
            _copy(tmp / f"{name}.db", work / f"{name}.db")
        station = open_store(work / "甲站.db", actor="甲站")
        district = open_store(work / "district.db", actor="district")
        for actor, kind, v in ops:
            if kind == "undo" and actor == "district":
                continue  # a district's retraction has no place to walk up to: receipts do not carry it (yet)
            _act(station if actor == "station" else district, kind, v, ids)
        wrote = {(t, r) for t, r in station.db.execute(
            "SELECT tbl, record_id FROM change_log WHERE op = 'insert' AND station_id = ?", [station.station_id])}
        keys = enrol.district_keys(district, PASSPHRASE)
        exchange.import_bundle(district, exchange.export_bundle(station).data, keys)
        at_district = {(t, r["id"]) for t, rows in _rows(district).items() for r in rows}
        assert wrote & {(t, r) for t, r in wrote if t in AFTER_HANDOVER_TABLES} <= at_district  # union: nothing lost
        data, _ = receipts.make_receipt(district, station.station_id)
        receipts.apply_receipt(station, data)
        open_conflicts = district.db.execute(
            "SELECT count(*) FROM sync_conflict WHERE tbl = 'street_target' AND resolved_at IS NULL").fetchone()[0]
        there, here = _rows(district), _rows(station)
        if open_conflicts == 0:
            assert there == here  # the same rows, the same values, withdrawn alike
        else:  # both changed a target: every fact agrees, the edited figures wait for a person
            assert {k: v for k, v in there.items() if k != "street_target"} == \
                   {k: v for k, v in here.items() if k != "street_target"}
        assert [o.is_open for o in objections.register_of(district, ids["notice"])] == \
               [o.is_open for o in objections.register_of(station, ids["notice"])]
        assert running.summary(district, ids["lift"]) == running.summary(station, ids["lift"])
        station.close()
        district.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
