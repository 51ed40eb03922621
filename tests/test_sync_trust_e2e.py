"""Issue 19, items 1-3 end to end through the CLI: a restored station loses nothing, a station's
scope is the district's decision (persons judged by their homes), a new station is held until a
person accepts it, and station-init refuses demo data and copies of the district."""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest

from liftdesk.errors import LiftDeskError
from liftdesk.people import ownership
from liftdesk.places import registry
from liftdesk.store import open_store, records
from liftdesk.sync import enrol

from tests.sync_helpers import PASSPHRASE, World, cli, district_with_street, forge, snapshot, station_id


@pytest.fixture
def loop(tmp_path, capsys):
    district, station = tmp_path / "district.db", tmp_path / "station.db"
    ids = district_with_street(district)
    pw = tmp_path / "pass.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
    os.chmod(pw, 0o600)
    key = tmp_path / "district.key"
    assert cli(capsys, district, "district-init", "--passphrase-file", str(pw), "--public-key-out", str(key))[0] == 0
    assert cli(capsys, station, "station-init", "--name", "长庆站", "--district-key", str(key),
               "--scope", "长庆街道")[0] == 0
    w = {"district": district, "station": station, "pw": pw, "key": key, "ids": ids, "tmp": tmp_path,
         "sid": station_id(station), "n": 0}
    code, _, err = _send(capsys, w)
    fingerprint = re.search(r"--fingerprint \"([0-9A-F ]+)\"", err).group(1)
    assert cli(capsys, district, "accept-station", w["sid"], "--fingerprint", fingerprint,
               "--passphrase-file", str(pw))[0] == 0
    _receipt(capsys, w)
    return w


def _send(capsys, w, *extra):
    w["n"] += 1
    f = w["tmp"] / f"s{w['n']}.liftsync"
    assert cli(capsys, w["station"], "export", "-o", str(f), *extra)[0] == 0
    return cli(capsys, w["district"], "import", str(f), "--passphrase-file", str(w["pw"]), "--json")


def _receipt(capsys, w):
    w["n"] += 1
    r = w["tmp"] / f"r{w['n']}.liftsync"
    assert cli(capsys, w["district"], "receipt", "--station", w["sid"], "-o", str(r))[0] == 0
    code, out, err = cli(capsys, w["station"], "apply-receipt", str(r), "--json")
    assert code == 0, err
    return json.loads(out)


def _area(path, hid):
    s = open_store(path)
    try:
        return s.db.execute("SELECT area_x100 FROM household WHERE id = ?", [hid]).fetchone()[0]
    finally:
        s.close()


def _edit(path, hid, area):
    s = open_store(path, actor="站")
    registry.update_household(s, hid, "area", area)
    s.close()


# --- item 1: a restore never reuses a sync identity ----------------------------------------------

def test_restore_loses_nothing(loop, capsys):
    w, (h0, h1, h2) = loop, loop["ids"]["households"][:3]
    _edit(w["station"], h0, "61")
    assert json.loads(_send(capsys, w)[1])["updated"] == 1              # file 2 … (the enrolment was file 1)
    _receipt(capsys, w)
    backup_file = w["tmp"] / "before.db"
    assert cli(capsys, w["station"], "backup", "-o", str(backup_file))[0] == 0
    _edit(w["station"], h1, "62")                                        # lost by the restore …
    code, out, err = _send(capsys, w)
    assert json.loads(out)["updated"] == 1                               # … but the district has it
    old_receipt = w["tmp"] / "r-old.liftsync"                            # acknowledges file 3 …
    assert cli(capsys, w["district"], "receipt", "--station", w["sid"], "-o", str(old_receipt))[0] == 0
    assert cli(capsys, w["station"], "restore", str(backup_file))[0] == 0
    assert cli(capsys, w["station"], "apply-receipt", str(old_receipt))[0] == 0   # … arriving after the restore
    _edit(w["station"], h2, "63")                                        # after the restore
    _edit(w["station"], h1, "64")                                        # the same field again
    code, out, err = _send(capsys, w)                                    # "第 3 号" again, other content
    assert code == 0, err
    counts = json.loads(out)
    assert counts["updated"] >= 2, (counts, err)                         # never "already covered"
    assert "工作站已从备份恢复：第 3 号文件之后的记录以新文件为准" in err
    assert _area(w["district"], h2) == 6300 and _area(w["district"], h1) == 6400
    d = open_store(w["district"])
    history = {r[0] for r in d.db.execute("SELECT value FROM sync_version WHERE record_id = ?", [h1])}
    assert {"6200", "6400"} <= history                                   # no edit lost from history
    d.close()
    _receipt(capsys, w)
    for hid in (h0, h1, h2):
        assert _area(w["station"], hid) == _area(w["district"], hid)
    s = open_store(w["station"])   # the edit lost by the restore came back with the receipt
    assert s.db.execute("SELECT 1 FROM sync_version WHERE record_id = ? AND value = '6200'", [h1]).fetchone()
    s.close()
    _edit(w["station"], h0, "65")                                        # and the next file is small again
    assert json.loads(_send(capsys, w)[1])["updated"] == 1


def test_a_copied_station_file_starts_a_new_epoch(loop, capsys):
    w, (h0, h1) = loop, loop["ids"]["households"][:2]
    _edit(w["station"], h0, "61")
    _send(capsys, w)
    shutil.copy(w["station"], w["tmp"] / "copy.db")
    os.replace(w["tmp"] / "copy.db", w["station"])                     # the same content, another file
    _edit(w["station"], h1, "62")
    code, out, err = _send(capsys, w)
    assert code == 0 and json.loads(out)["updated"] == 1
    assert _area(w["district"], h1) == 6200
    s = open_store(w["station"])
    epochs = s.db.execute("SELECT count(DISTINCT epoch) FROM sync_file WHERE direction = 'out'").fetchone()[0]
    s.close()
    assert epochs == 2


# --- item 2: scope is the district's ---------------------------------------------------------------

def test_station_scope_cli(loop, capsys):
    w = loop
    before = snapshot(open_store(w["district"]))
    code, _, err = cli(capsys, w["district"], "station-scope", w["sid"], "潮明街道")
    assert code == 2 and "潮明街道" in err and "未作任何修改" in err
    d = open_store(w["district"])
    assert snapshot(d) == before
    d.close()
    code, out, _ = cli(capsys, w["district"], "station-scope", w["sid"], "长庆街道/王马社区", "米市巷街道/大塘社区")
    assert code == 0 and "米市巷街道/大塘社区" in out
    _receipt(capsys, w)
    s = open_store(w["station"])
    assert s.meta("sync.scope") == "长庆街道/王马社区\n米市巷街道/大塘社区"   # the station was told
    assert s.db.execute("SELECT count(*) FROM community WHERE name = '大塘社区'").fetchone()[0] == 1
    s.close()
    stations = json.loads(cli(capsys, w["district"], "stations", "--json")[1])
    assert stations[0]["scope"] == "长庆街道/王马社区\n米市巷街道/大塘社区"


def _world_with_outsider(tmp_path):
    """A district with an owner in 米市巷街道, and a station for 长庆街道."""
    w = World(tmp_path)
    d = w.district
    estate = registry.add_estate(d, w.ids["other_community"], "大塘小区")
    unit = registry.add_unit(d, registry.add_building(d, estate, "1幢", 6), "1单元")
    registry.quick_create_households(d, unit, 2, 2, "60")
    outside = registry.unit_households(d, unit)[0].id
    person = ownership.add_person(d, "赵大", "13811112222")
    ownership.add_owner(d, outside, person)
    s = w.add_station("长庆站", scope="长庆街道")
    return w, s, person


def test_a_person_row_for_another_street_is_held(tmp_path):
    w, s, person = _world_with_outsider(tmp_path)
    rows = [[900, "person", person, "update", "name", "赵大", "改名", "2026-01-01T00:00:00.000Z", s.clock.tick(),
             s.station_id, "x", None, []],
            [901, "person", person, "purge", "phone", None, "", "2026-01-01T00:00:00.000Z", s.clock.tick(),
             s.station_id, "x", None, []]]
    result = w.deliver(forge(s, rows, w.public))
    assert result.counts.held == 2 and result.counts.updated == 0
    assert w.district.db.execute("SELECT name, phone FROM person WHERE id = ?", [person]).fetchone() == \
        ("赵大", "13811112222")
    # a person of its own street is applied as before
    hid = w.ids["households"][0]
    own = ownership.add_person(s, "钱二", "")
    ownership.add_owner(s, hid, own)
    w.deliver(w.export("长庆站"))
    assert w.district.db.execute("SELECT name FROM person WHERE id = ?", [own]).fetchone() == ("钱二",)
    w.close()


def test_station_refuses_writes_to_persons_outside_its_scope(tmp_path):
    w, s, person = _world_with_outsider(tmp_path)
    # give the station the outsider's record, as a database copied from the district would have it
    w.district.db.execute("UPDATE sync_station SET scope = '长庆街道\n米市巷街道'")
    w.district.db.execute("UPDATE sync_station SET district_hlc_seen = ''")
    w.send_receipt("长庆站")
    s.set_meta("sync.scope", "长庆街道")
    before = snapshot(s)
    with pytest.raises(LiftDeskError) as info:
        records.update(s, "person", person, {"phone": "13900000000"})
    assert info.value.key == "place.outside_scope"
    assert snapshot(s) == before
    w.close()


# --- item 3: a new station is accepted by a person ----------------------------------------------

def test_first_file_is_held_until_accepted(tmp_path, capsys):
    w = World(tmp_path)
    s = w.add_station("新站", scope="", starting_data=False)
    hid = w.ids["households"][0]
    forged = forge(s, [[1, "household", hid, "update", "area_x100", "6000", "1", "2026-01-01T00:00:00.000Z",
                        s.clock.tick(), s.station_id, "x", None, []]], w.public, seq_after=0)
    before = w.district.db.execute("SELECT area_x100 FROM household WHERE id = ?", [hid]).fetchone()
    result = w.deliver(forged)
    assert result.pending and result.counts.as_json()["updated"] == 0
    assert w.district.db.execute("SELECT area_x100 FROM household WHERE id = ?", [hid]).fetchone() == before
    me = enrol.station_identity(s)
    with pytest.raises(LiftDeskError) as info:       # no scope of the district's: the whole district is no default
        w.accept("新站")
    assert info.value.key == "sync.accept_needs_scope"
    with pytest.raises(LiftDeskError) as info:
        enrol.accept(w.district, enrol.pinned(w.district, me.station_id), "0000 1111 2222")
    assert info.value.key == "sync.fingerprint_mismatch"
    with pytest.raises(LiftDeskError) as info:
        from liftdesk.sync import receipts
        receipts.make_receipt(w.district, me.station_id)
    assert info.value.key == "sync.station_not_accepted"
    assert w.district.db.execute("SELECT area_x100 FROM household WHERE id = ?", [hid]).fetchone() == before
    w.close()


def test_station_init_refuses_demo_data_and_district_copies(tmp_path, capsys):
    district = tmp_path / "district.db"
    district_with_street(district)
    shutil.copy(district, tmp_path / "copy.db")    # copied before the district enrolled
    pw = tmp_path / "pass.txt"
    pw.write_text(PASSPHRASE, encoding="utf-8")
    os.chmod(pw, 0o600)
    key = tmp_path / "district.key"
    assert cli(capsys, district, "district-init", "--passphrase-file", str(pw), "--public-key-out", str(key))[0] == 0
    demo = tmp_path / "demo.db"
    district_with_street(demo)    # a database filled locally, like the demo
    s = open_store(demo)
    before = snapshot(s)
    s.close()
    code, _, err = cli(capsys, demo, "station-init", "--name", "x", "--district-key", str(key), "--scope", "长庆街道")
    assert code == 2 and "请用空数据库登记工作站；演示数据不能同步" in err
    s = open_store(demo)
    assert snapshot(s) == before and enrol.role(s) is None
    s.close()
    code, _, err = cli(capsys, tmp_path / "copy.db", "station-init", "--name", "x", "--district-key", str(key))
    assert code == 2 and "区加梯办数据库的副本" in err
