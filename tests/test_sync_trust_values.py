"""Issue 19, item 4: every synced value passes the check a local write passes (one check per table,
liftdesk/store/validation.py). A file with one bad row is refused whole, the row named, the
district unchanged; the same value typed locally is refused by the same check."""

from __future__ import annotations

import json
import os

import pytest

from liftdesk.errors import LiftDeskError, ValidationError
from liftdesk.places import registry
from liftdesk.projects import liftplan
from liftdesk.store import records

from tests.sync_helpers import World, forge, snapshot

NEW_ID = "0190aaaa-0000-7000-8000-00000000abcd"


@pytest.fixture
def world(tmp_path):
    w = World(tmp_path)
    w.add_station("长庆站")
    yield w
    w.close()


def _row(station, seq: int, tbl: str, rid: str, op: str, fld, new, old=None) -> list:
    return [seq, tbl, rid, op, fld, old, new, "2026-01-01T00:00:00.000Z", station.clock.tick(), station.station_id,
            "x", None, []]


def _refused(world, rows: list[list], key: str = "sync.invalid_value", **manifest) -> LiftDeskError:
    s = world.stations["长庆站"]
    before = snapshot(world.district)
    with pytest.raises(LiftDeskError) as info:
        world.deliver(forge(s, rows, world.public, **manifest))
    assert snapshot(world.district) == before
    assert info.value.key == key, str(info.value)
    assert "未作任何修改" in str(info.value)
    return info.value


def _good_and_bad(world, bad: list) -> list[list]:
    """A good edit first, then the bad row: the good one must not be applied either."""
    s = world.stations["长庆站"]
    hid = world.ids["households"][1]
    return [_row(s, 500, "household", hid, "update", "occupancy", "rented"), bad]


@pytest.mark.parametrize("value", ["sixty", "1e300", "NaN", str(2 ** 70), "0", "-6000", "1000001"])
def test_area_edit_values(world, value):
    s = world.stations["長庆站".replace("長", "长")]
    hid = world.ids["households"][0]
    err = _refused(world, _good_and_bad(world, _row(s, 501, "household", hid, "update", "area_x100", value)))
    assert "第 2 条" in str(err) and "household.area_x100" in str(err)


@pytest.mark.parametrize("area", ["sixty", 1e300, float("nan"), 2 ** 70, 6000.5, True])
def test_area_insert_values_and_the_same_local_check(world, area):
    s = world.stations["长庆站"]
    values = {"unit_id": world.ids["unit"], "room": "901", "floor": 3, "area_x100": area, "occupancy": "owner"}
    err = _refused(world, [_row(s, 600, "household", NEW_ID, "insert", None, json.dumps(values))])
    assert "第 1 条" in str(err)
    with pytest.raises(ValidationError):   # the same check refuses it where people type
        records.insert(s, "household", values)


@pytest.mark.parametrize("floor", [2 ** 70, -6, 201, "3"])
def test_floor_values(world, floor):
    s = world.stations["长庆站"]
    values = {"unit_id": world.ids["unit"], "room": "901", "floor": floor, "area_x100": 6000, "occupancy": "owner"}
    _refused(world, [_row(s, 600, "household", NEW_ID, "insert", None, json.dumps(values))])


@pytest.mark.parametrize("name", ["../etc", "a/b", "坏\\名", "名\n字", "名\u202e字", "\u200b", "x" * 61])
def test_place_names_a_local_write_refuses(world, name):
    s = world.stations["长庆站"]
    street = world.ids["street"]
    err = _refused(world, [_row(s, 700, "street", street, "update", "name", name)])
    assert "street.name" in str(err)
    with pytest.raises(ValidationError):
        records.update(s, "street", street, {"name": name})


@pytest.mark.slow
def test_person_name_of_40_megabytes(world):
    s = world.stations["长庆站"]
    huge = os.urandom(20 * 1024 * 1024).hex()    # 40 MB that does not compress away
    values = {"name": huge, "phone": "", "id_ref": ""}
    err = _refused(world, [_row(s, 800, "person", NEW_ID, "insert", None, json.dumps(values))])
    assert "第 1 条" in str(err) and "太长" in str(err)


def test_person_name_with_direction_mark(world):
    s = world.stations["长庆站"]
    values = {"name": "王\u202e芳", "phone": "", "id_ref": ""}
    _refused(world, [_row(s, 800, "person", NEW_ID, "insert", None, json.dumps(values))])


def test_path_like_ids(world):
    s = world.stations["长庆站"]
    values = {"unit_id": world.ids["unit"], "building_id": None, "name": "加装电梯"}
    err = _refused(world, [_row(s, 900, "project", "../../../../x", "insert", None, json.dumps(values))])
    assert "UUID" in str(err)
    values = {"unit_id": "../../x", "building_id": None, "name": "加装电梯"}
    _refused(world, [_row(s, 900, "project", NEW_ID, "insert", None, json.dumps(values))])


def test_attachment_paths_stay_inside_the_data_folder(world):
    s = world.stations["长庆站"]
    for bad in ('["../../../../etc/passwd"]', '["/etc/passwd"]', '["plans/x/../../../y"]', '["C:\\\\x"]'):
        with pytest.raises(ValidationError):
            records.insert(s, "lift_plan", {"project_id": NEW_ID, "version": 1, "attachments": bad,
                                            "on_date": "2026-01-01"})
    with pytest.raises(ValidationError):
        liftplan.inside_data_folder(s, "../../outside")
    assert liftplan.attachments_dir(s, NEW_ID).is_relative_to(liftplan.files_root(s))


def test_json_nested_1000_deep(world):
    s = world.stations["长庆站"]
    deep = "[" * 1000 + "]" * 1000
    # as a JSON column's value
    values = {"project_id": NEW_ID, "stage": "x", "on_date": "2026-01-01", "details": deep}
    _refused(world, [_row(s, 950, "stage_event", NEW_ID, "insert", None, json.dumps(values))])
    # as an insert's own values
    _refused(world, [_row(s, 951, "person", NEW_ID, "insert", None, deep)], key="sync.bad_row")
    # as the file's payload itself: refused before it is parsed, never a RecursionError
    nested: list = [1]
    for _ in range(1000):
        nested = [nested]
    import sys
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(10_000)   # only so the test can write such a file; the reader keeps the default
    try:
        data = forge(world.stations["长庆站"], [[1] + nested], world.public)
    finally:
        sys.setrecursionlimit(limit)
    before = snapshot(world.district)
    with pytest.raises(LiftDeskError) as info:
        world.deliver(data)
    assert info.value.key == "sync.damaged" and snapshot(world.district) == before


def test_bad_dates(world):
    s = world.stations["长庆站"]
    values = {"name": "王芳", "phone": "", "id_ref": ""}
    row = _row(s, 960, "person", NEW_ID, "insert", None, json.dumps(values))
    row[7] = "yesterday"
    _refused(world, [row])


def test_one_check_per_table_serves_both_paths(world):
    """Breaking the household check (area accepted whatever it is) would let both paths through:
    the local write and the merge ask the very same function."""
    import liftdesk.store.records as rec
    import liftdesk.sync.merge as merge
    assert rec.check_row is merge.check_row
    s = world.stations["长庆站"]
    registry.update_household(s, world.ids["households"][0], "area", "61.5")  # good values still pass


def test_cli_refuses_a_bad_file_whole_with_exit_2(world, tmp_path, capsys):
    """Through the command line: exit code 2, the error as JSON, the district unchanged."""
    from tests.sync_helpers import PASSPHRASE, cli
    s = world.stations["长庆站"]
    hid = world.ids["households"][0]
    path = tmp_path / "bad.liftsync"
    path.write_bytes(forge(s, _good_and_bad(world, _row(s, 501, "household", hid, "update", "area_x100", "1e300")),
                           world.public))
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSPHRASE, encoding="utf-8")
    pw.chmod(0o600)
    world.district.close()
    from liftdesk.store import open_store
    db = tmp_path / "district.db"
    before = snapshot(open_store(db))
    code, out, err = cli(capsys, db, "import", str(path), "--passphrase-file", str(pw), "--json")
    assert code == 2 and "第 2 条" in json.loads(out)["error"] and "household.area_x100" in json.loads(out)["error"]
    world.district = open_store(db)
    assert snapshot(world.district) == before
