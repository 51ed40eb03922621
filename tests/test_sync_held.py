"""Held rows at the district (issue 23): listed with their address, a description a person reads
(phones masked) and why they were held; released through the import's own checks as one undo
step, or rejected with the decision kept; a revoked station's files refused, its rows only
rejected. The rows come the way they do in the field: the district moved a street to another
station before this station's file arrived."""

from __future__ import annotations

import json

import pytest

from liftdesk.errors import LiftDeskError
from liftdesk.history import undo
from liftdesk.people import ownership
from liftdesk.places import registry
from liftdesk.sync import enrol, status
from liftdesk.sync.held import list_held, parse_held_id, reject_held, release_held, station_keys

from tests.sync_helpers import World, cli, snapshot


@pytest.fixture
def world(tmp_path):
    """长庆站 edits its street (area of 101, a new owner of 102 with a phone); meanwhile the
    district hands 长庆街道 to another station, so the file's rows arrive outside its scope."""
    w = World(tmp_path)
    s = w.add_station("长庆站")
    homes = {h.room: h.id for h in registry.unit_households(s, w.ids["unit"])}
    registry.update_household(s, homes["101"], "area", "86.5")
    ownership.set_owners(s, homes["102"], ["王芳"], phone="13812341234")
    enrol.set_scope(w.district, s.station_id, ["米市巷街道"])
    result = w.deliver(w.export("长庆站"))
    assert result.counts.held >= 3 and result.counts.new == 0 and result.counts.updated == 0
    w.homes = homes
    yield w
    w.close()


def _area(store, household_id) -> int:
    return store.db.execute("SELECT area_x100 FROM household WHERE id = ?", [household_id]).fetchone()[0]


def test_held_rows_name_their_address_what_they_do_and_why(world):
    held = list_held(world.district)
    by_text = {h["description"]: h for h in held}
    area = by_text["住户 6幢1单元 101 的面积：60.00 m² → 86.50 m²"]
    assert area["address"] == "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元 101"
    assert area["reason_text"] == "超出该站范围（米市巷街道）" and area["station"] == "长庆站"
    person = by_text["新增 业主 王芳 电话 *******1234"]
    assert person["address"] == "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元 102"  # by the home the owner holds
    assert not any("13812341234" in h["description"] for h in held)
    assert parse_held_id(area["id"]) == (area["station_id"], area["seq"])
    # the district gives the street back: the same rows now lie inside the scope, and say so
    enrol.set_scope(world.district, area["station_id"], ["长庆街道"])
    assert "现在在范围内" in list_held(world.district)[0]["reason_text"]


def test_release_applies_them_as_one_undo_step(world):
    sid = world.stations["长庆站"].station_id
    counts = release_held(world.district, station_keys(world.district, sid))
    assert counts.updated >= 1 and counts.new >= 2
    assert _area(world.district, world.homes["101"]) == 8650
    assert ownership.household_owners(world.district, world.homes["102"])[0][0] == "王芳"
    assert list_held(world.district) == [] and status.stations(world.district)[0]["held"] == 0
    step = undo.undo(world.district)
    assert "采纳" in step.label and "待审记录" in step.label
    assert _area(world.district, world.homes["101"]) == 6000


def test_release_refuses_a_row_that_no_longer_fits_and_names_it(world):
    held = list_held(world.district)
    owner = next(h for h in held if h["table"] == "ownership")
    before = snapshot(world.district)
    with pytest.raises(LiftDeskError) as err:  # the ownership without its new person
        release_held(world.district, [(owner["station_id"], owner["seq"])])
    assert err.value.key == "sync.held_cannot_release"
    assert "产权：王芳 — 住户 6幢1单元 102" in str(err.value)
    assert "“6幢/1单元 102" not in str(err.value) and "新增 业主 王芳 电话 *******1234”还在待审列表里" in str(err.value)
    assert snapshot(world.district) == before


def test_reject_keeps_the_decision_and_nothing_is_applied(world):
    sid = world.stations["长庆站"].station_id
    area = next(h for h in list_held(world.district) if h["field"] == "area_x100")
    assert reject_held(world.district, [(sid, area["seq"])]) == 1
    assert area["id"] not in {h["id"] for h in list_held(world.district)}
    kept = next(h for h in list_held(world.district, include_decided=True) if h["id"] == area["id"])
    assert kept["decided"] == "rejected" and kept["decided_at"] and kept["decided_by"] == "district"
    assert _area(world.district, world.homes["101"]) == 6000
    with pytest.raises(LiftDeskError) as err:  # decided once
        release_held(world.district, [(sid, area["seq"])])
    assert err.value.key == "sync.held_unknown"


def test_a_revoked_stations_files_are_refused_and_its_rows_only_rejected(world):
    s = world.stations["长庆站"]
    enrol.revoke(world.district, s.station_id)
    with pytest.raises(LiftDeskError) as err:
        enrol.revoke(world.district, s.station_id)
    assert err.value.key == "sync.revoke_already"
    registry.update_household(s, world.homes["101"], "area", "90")
    before = snapshot(world.district)
    with pytest.raises(LiftDeskError) as err:
        world.deliver(world.export("长庆站"))
    assert str(err.value).startswith("工作站“长庆站”") and "已被撤销" in str(err.value)
    with pytest.raises(LiftDeskError) as err:
        release_held(world.district, station_keys(world.district, s.station_id))
    assert err.value.key == "sync.held_revoked" and "只能拒绝" in str(err.value)
    assert snapshot(world.district) == before
    assert "该站已撤销" in list_held(world.district)[0]["reason_text"]
    assert reject_held(world.district, station_keys(world.district, s.station_id)) >= 3


def test_the_cli_lists_releases_and_rejects(world, capsys):
    db = world.tmp / "district.db"
    sid = world.stations["长庆站"].station_id
    world.district.close()
    code, out, _ = cli(capsys, db, "held", "--json")
    rows = json.loads(out)
    assert code == 0 and {r["reason"] for r in rows} == {"scope"}
    area = next(r for r in rows if r["field"] == "area_x100")
    code, out, _ = cli(capsys, db, "reject-held", sid, "--seq", str(area["seq"]))
    assert code == 0 and "已拒绝 1 条" in out
    code, out, _ = cli(capsys, db, "held", "--all")
    assert "rejected" in out and "13812341234" not in out
    code, _, err = cli(capsys, db, "reject-held", sid, "--seq", "999999")
    assert code == 2 and "没有待审记录" in err
    code, out, _ = cli(capsys, db, "release-held", sid)
    assert code == 0 and "新增" in out
    code, out, _ = cli(capsys, db, "revoke-station", sid)
    assert code == 0
    code, _, err = cli(capsys, db, "revoke-station", sid)
    assert code == 2 and "早已撤销" in err
    from liftdesk.store import open_store
    world.district = open_store(db)
