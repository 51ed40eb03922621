"""What a new user meets on the command line: values in words, counts that mean something, no
English inside Chinese sentences, JSON errors for scripts, scopes that name real places."""

from __future__ import annotations

import json
import re

import pytest

from liftdesk.places import registry
from liftdesk.people import ownership
from liftdesk.errors import LiftDeskError
from liftdesk.store import open_store
from liftdesk.sync import enrol, exchange
from liftdesk.sync.held import list_held

from tests.sync_helpers import PASSPHRASE, World, cli, district_with_street, forge, fresh_identity, station_id


@pytest.fixture
def loop(tmp_path, capsys):
    district, station = tmp_path / "district.db", tmp_path / "station.db"
    ids = district_with_street(district)
    pw = tmp_path / "pass.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
    pw.chmod(0o600)   # a passphrase file others can read is refused
    key = tmp_path / "district.key"
    assert cli(capsys, district, "district-init", "--passphrase-file", str(pw), "--public-key-out", str(key))[0] == 0
    code, out, _ = cli(capsys, station, "station-init", "--name", "长庆站", "--district-key", str(key),
                       "--scope", "长庆街道")
    said = {"init": out}
    f1 = tmp_path / "s1.liftsync"
    assert cli(capsys, station, "export", "-o", str(f1))[0] == 0
    said["dry_run"] = cli(capsys, district, "import", str(f1), "--passphrase-file", str(pw), "--dry-run", "--json")[2]
    said["import"] = cli(capsys, district, "import", str(f1), "--passphrase-file", str(pw), "--json")[2]
    sid = station_id(station)
    fingerprint = re.search(r"--fingerprint \"([0-9A-F ]+)\"", said["import"]).group(1)
    assert cli(capsys, district, "accept-station", sid, "--fingerprint", fingerprint, "--passphrase-file", str(pw))[0] == 0
    assert cli(capsys, district, "receipt", "--station", sid, "-o", str(tmp_path / "r1.liftsync"))[0] == 0
    assert cli(capsys, station, "apply-receipt", str(tmp_path / "r1.liftsync"))[0] == 0
    return {"district": district, "station": station, "pw": pw, "key": key, "ids": ids, "sid": sid, "tmp": tmp_path,
            "said": said}


def test_enrolment_says_what_will_happen_and_what_did(loop):
    said = loop["said"]
    assert "将在区加梯办导入第一个文件时核对" in said["init"]   # an empty station cannot check its scope yet
    assert "将登记其密钥指纹" in said["dry_run"]                 # a preview registers nothing
    assert "核对指纹" in said["import"] and "未应用" in said["import"] and "将登记" not in said["import"]


def _import(capsys, w, path):
    code, out, err = cli(capsys, w["district"], "import", str(path), "--passphrase-file", str(w["pw"]), "--json")
    assert code == 0, err
    return json.loads(out)


def test_conflict_in_words_resolve_in_square_metres_and_receipt_counts(loop, capsys):
    w, hid = loop, loop["ids"]["households"][0]
    s = open_store(w["station"])
    registry.update_household(s, hid, "area", "50")
    s.close()
    d = open_store(w["district"])
    registry.update_household(d, hid, "area", "51")
    d.close()
    f2 = w["tmp"] / "s2.liftsync"
    assert cli(capsys, w["station"], "export", "-o", str(f2))[0] == 0
    assert _import(capsys, w, f2)["conflicts"] == 1

    c = json.loads(cli(capsys, w["district"], "conflicts", "--json")[1])[0]
    assert (c["field"], c["district_value"], c["station_value"]) == ("area_x100", "5100", "5000")  # kept
    assert (c["field_label"], c["district_text"], c["station_text"]) == ("面积", "51.00 m²", "50.00 m²")
    code, out, _ = cli(capsys, w["district"], "conflicts")
    assert "面积" in out and "51.00 m²" in out and "area_x100" not in out
    code, out, _ = cli(capsys, w["district"], "resolve", c["id"], "--keep", "61.5")
    assert code == 0 and "保留值：61.50 m²" in out
    d = open_store(w["district"])
    assert d.db.execute("SELECT area_x100 FROM household WHERE id = ?", [hid]).fetchone()[0] == 6150
    d.close()

    # the station: the conflict came and was settled by the same receipt; nothing to act on
    r2 = w["tmp"] / "r2.liftsync"
    assert cli(capsys, w["district"], "receipt", "--station", w["sid"], "-o", str(r2))[0] == 0
    code, out, _ = cli(capsys, w["station"], "apply-receipt", str(r2))
    assert code == 0 and "冲突 0" in out and "已在区里解决" in out
    assert json.loads(cli(capsys, w["station"], "conflicts", "--json")[1]) == []


def test_resolve_keep_station_in_words_and_bad_value(loop, capsys):
    w, hid = loop, loop["ids"]["households"][1]
    s = open_store(w["station"])
    registry.update_household(s, hid, "area", "50")
    s.close()
    d = open_store(w["district"])
    registry.update_household(d, hid, "area", "51")
    d.close()
    f2 = w["tmp"] / "s2.liftsync"
    cli(capsys, w["station"], "export", "-o", str(f2))
    _import(capsys, w, f2)
    cid = json.loads(cli(capsys, w["district"], "conflicts", "--json")[1])[0]["id"]
    code, _, err = cli(capsys, w["district"], "resolve", cid, "--keep", "很大")
    assert code != 0 and "面积" in err and "area_x100" not in err
    code, out, _ = cli(capsys, w["district"], "resolve", cid, "--keep", "station")
    assert code == 0 and "保留值：50.00 m²" in out


def test_last_file_never_goes_backwards(loop, capsys):
    w = loop
    files = []
    for n, area in ((2, "52"), (3, "53")):
        s = open_store(w["station"])
        registry.update_household(s, w["ids"]["households"][2], "area", area)
        s.close()
        files.append(w["tmp"] / f"s{n}.liftsync")
        cli(capsys, w["station"], "export", "-o", str(files[-1]))
    _import(capsys, w, files[1])          # file 3 first, file 2 late
    info = json.loads(cli(capsys, w["district"], "stations", "--json")[1])[0]
    assert (info["last_file"], info["gaps"], info["files_received"]) == (3, [2], 2)
    _import(capsys, w, files[0])
    info = json.loads(cli(capsys, w["district"], "stations", "--json")[1])[0]
    assert (info["last_file"], info["gaps"], info["files_received"]) == (3, [], 3)
    assert info["last_arrived_file"] == 2


def test_json_errors_for_scripts_and_no_english_words(loop, capsys):
    w = loop
    code, out, err = cli(capsys, w["district"], "import", str(w["key"]), "--passphrase-file", str(w["pw"]), "--json")
    assert code != 0 and "不是 LiftDesk 同步文件" in json.loads(out)["error"]
    with pytest.raises(SystemExit) as info:
        cli(capsys, w["district"], "import", "--json")
    assert info.value.code != 0
    assert "error" in json.loads(capsys.readouterr().out)
    # a bundle given to apply-receipt, a receipt given to import: Chinese words only
    f = w["tmp"] / "s1.liftsync"
    code, out, err = cli(capsys, w["station"], "apply-receipt", str(f), "--json")
    message = json.loads(out)["error"]
    assert "数据文件" in message and not re.search(r"bundle|receipt", message)
    code, _, err = cli(capsys, w["district"], "import", str(w["tmp"] / "r1.liftsync"), "--passphrase-file",
                       str(w["pw"]))
    assert "回执" in err and not re.search(r"bundle|receipt", err)
    for db, word in ((w["district"], "区加梯办"), (w["station"], "工作站")):
        code, _, err = cli(capsys, db, "station-init", "--name", "x", "--district-key", str(w["key"]))
        assert code != 0 and word in err and not re.search(r"station|district", err)


def test_scope_must_name_a_place(tmp_path):
    w = World(tmp_path)
    s = open_store(tmp_path / "full.db")
    registry.add_community(s, registry.add_street(s, registry.default_district(s), "长庆街道"), "王马社区")
    with pytest.raises(LiftDeskError) as info:   # places it made itself: it could never sync
        enrol.station_init(s, "站", w.public, "长庆街道/王马社区")
    assert info.value.key == "sync.station_not_empty" and "请用空数据库登记工作站；演示数据不能同步" in str(info.value)
    s.close()
    fresh_identity(tmp_path / "full.db")   # the same places, now as if received from the district
    s = open_store(tmp_path / "full.db")
    for bad in ("不存在街道", "长庆街道/不存在社区"):
        with pytest.raises(LiftDeskError) as info:
            enrol.station_init(s, "站", w.public, bad)
        assert info.value.key == "sync.scope_unknown" and bad in str(info.value)
    assert enrol.role(s) is None
    enrol.station_init(s, "站", w.public, "长庆街道/王马社区")
    s.close()
    # an empty station cannot check; the district warns when the scope names nothing it has
    w.add_station("无名站", scope="不存在街道", starting_data=False)
    result = w.deliver(w.export("无名站"), dry_run=True)
    assert any("不存在街道" in x and "找不到" in x for x in result.warnings)
    w.close()


def test_held_rows_say_where_and_what(tmp_path):
    w = World(tmp_path)
    s = w.add_station("长庆站")
    hlc = s.clock.tick()
    row = [5000, "estate", "0190aaaa-0000-7000-8000-0000000000e1", "insert", None, None,
           json.dumps({"community_id": w.ids["other_community"], "name": "越界小区"}, ensure_ascii=False),
           "2026-01-01T00:00:00.000Z", hlc, s.station_id, "x", None, []]
    assert w.deliver(forge(s, [row], w.public, file_no=60)).counts.held == 1
    held = list_held(w.district)[0]
    assert held["address"] == "米市巷街道/大塘社区/越界小区"
    assert held["description"] == "新增小区“越界小区”"
    w.close()


def test_a_station_cannot_make_or_rename_places_outside_its_scope(tmp_path, capsys):
    """Rows outside a station's scope are held at the district and never counted: refuse them at
    the station, where the mistake is made, and say why."""
    from tests.sync_helpers import snapshot

    w = World(tmp_path)
    s = w.add_station("王马站", scope="长庆街道/王马社区")
    street = s.db.execute("SELECT id FROM street WHERE name = '长庆街道'").fetchone()[0]
    community = s.db.execute("SELECT id FROM community WHERE name = '王马社区'").fetchone()[0]
    before = snapshot(s)
    with pytest.raises(LiftDeskError) as err:
        registry.add_community(s, street, "别的社区")
    assert err.value.key == "place.outside_scope"
    assert "长庆街道/别的社区" in str(err.value) and "长庆街道/王马社区" in str(err.value)
    with pytest.raises(LiftDeskError):
        registry.add_street(s, registry.default_district(s), "新街道")
    with pytest.raises(LiftDeskError):
        registry.rename_place(s, "community", community, "改名社区")  # the scope would name nothing
    assert snapshot(s) == before
    estate = registry.add_estate(s, community, "新小区")  # inside the scope: as before
    assert registry.add_building(s, estate, "1幢", 6)
    s.close()
    roster = tmp_path / "r.csv"
    roster.write_text("房号,面积,业主\n101,60,王芳\n", encoding="utf-8")
    code, _, err_text = cli(capsys, tmp_path / "王马站.db", "import-roster", str(roster), "--unit",
                            "长庆街道/大塘社区/某小区/1幢/1单元", "--create")
    assert code == 2 and "不在本工作站的范围" in err_text
    w.stations.pop("王马站")
    w.close()


def test_a_station_seeded_with_the_whole_district_edits_only_its_own_scope(tmp_path, capsys):
    """A station often starts from a copy of the district's database: its records outside the
    scope stay readable but are refused for writing (the district would only hold them)."""
    import shutil

    from liftdesk.consent import positions
    from tests.sync_helpers import snapshot

    ids = district_with_street(tmp_path / "district.db")
    d = open_store(tmp_path / "district.db")
    estate = registry.add_estate(d, ids["other_community"], "大塘小区")
    unit = registry.add_unit(d, registry.add_building(d, estate, "1幢", 6), "1单元")
    registry.quick_create_households(d, unit, 2, 2, "60")
    outside = registry.unit_households(d, unit)[0].id
    d.close()
    shutil.copy(tmp_path / "district.db", tmp_path / "station.db")
    fresh_identity(tmp_path / "station.db")
    d = open_store(tmp_path / "district.db")
    public, _ = enrol.district_init(d, PASSPHRASE)
    s = open_store(tmp_path / "station.db")
    enrol.station_init(s, "王马站", public, "长庆街道/王马社区")
    before = snapshot(s)
    with pytest.raises(LiftDeskError) as err:
        ownership.set_owners(s, outside, ["赵大"], "")
    assert err.value.key == "place.outside_scope" and "米市巷街道/大塘社区" in str(err.value)
    with pytest.raises(LiftDeskError):
        positions.record_position(s, outside, "支持", on_date="2024-03-01")
    with pytest.raises(LiftDeskError):
        registry.update_household(s, outside, "area", "70")
    assert snapshot(s) == before
    inside = ids["households"][0]
    ownership.set_owners(s, inside, ["钱二"], "")  # its own scope: as before
    positions.record_position(s, inside, "支持", on_date="2024-03-01")
    result = exchange.import_bundle(d, exchange.export_bundle(s).data, enrol.district_keys(d, PASSPHRASE))
    assert result.counts.held == 0  # nothing the station wrote waits for review
    s.close()
    d.close()
