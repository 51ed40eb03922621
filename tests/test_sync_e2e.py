"""The whole loop through the CLI: district-init, station-init, enrolment file, starting data by
receipt, a concurrent edit of one household's area, conflict, resolve, receipt, smaller export."""

from __future__ import annotations

import json
import re

from liftdesk.places import registry
from liftdesk.people import ownership
from liftdesk.store import open_store

from tests.sync_helpers import PASSPHRASE, cli, district_with_street, station_id


def test_full_loop_with_one_conflict(tmp_path, capsys):
    district, station = tmp_path / "district.db", tmp_path / "station.db"
    ids = district_with_street(district)
    pw = tmp_path / "pass.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
    pw.chmod(0o600)   # a passphrase file others can read is refused
    key = tmp_path / "district.key"
    code, out, _ = cli(capsys, district, "district-init", "--passphrase-file", str(pw), "--public-key-out", str(key))
    assert code == 0 and key.exists() and (tmp_path / "district.key.recovery.pdf").exists()
    code, out, _ = cli(capsys, station, "station-init", "--name", "长庆街道工作站", "--district-key", str(key),
                       "--scope", "长庆街道")
    assert code == 0, out
    sid = station_id(station)

    # enrolment: an empty first file, then the starting data comes back in a receipt
    assert cli(capsys, station, "export", "-o", str(tmp_path / "s1.liftsync"))[0] == 0
    code, out, err = cli(capsys, district, "import", str(tmp_path / "s1.liftsync"), "--passphrase-file", str(pw), "--json")
    assert code == 0 and json.loads(out) == {"new": 0, "updated": 0, "conflicts": 0, "held": 0, "rejected": 0}
    assert "指纹" in err and "未应用" in err
    # held whole until a person compares the fingerprint and accepts the station
    assert cli(capsys, district, "receipt", "--station", sid, "-o", str(tmp_path / "r1.liftsync"))[0] == 2
    fingerprint = re.search(r"--fingerprint \"([0-9A-F ]+)\"", err).group(1)
    code, out, err = cli(capsys, district, "accept-station", sid, "--fingerprint", fingerprint.lower().replace(" ", ":"),
                         "--passphrase-file", str(pw))
    assert code == 0, err
    assert cli(capsys, district, "receipt", "--station", sid, "-o", str(tmp_path / "r1.liftsync"))[0] == 0
    code, out, _ = cli(capsys, station, "apply-receipt", str(tmp_path / "r1.liftsync"), "--json")
    assert code == 0 and json.loads(out)["new"] > 12
    s = open_store(station)
    assert s.db.execute("SELECT count(*) FROM household").fetchone()[0] == 12
    assert s.db.execute("SELECT count(*) FROM street").fetchone()[0] == 1  # only its own street
    hid = ids["households"][0]

    # both change the same household's area; the station also records new things
    registry.update_household(s, hid, "area", "61.5")
    registry.update_household(s, ids["households"][1], "occupancy", "出租")
    person = ownership.add_person(s, "测试人", "13900001111")
    ownership.add_owner(s, hid, person)
    s.close()
    d = open_store(district)
    registry.update_household(d, hid, "area", "62.25")
    d.close()

    s2 = tmp_path / "s2.liftsync"
    assert cli(capsys, station, "export", "-o", str(s2))[0] == 0
    code, out, err = cli(capsys, district, "import", str(s2), "--passphrase-file", str(pw), "--dry-run", "--json")
    assert json.loads(out) == {"new": 2, "updated": 1, "conflicts": 1, "held": 0, "rejected": 0}
    code, out, err = cli(capsys, district, "import", str(s2), "--passphrase-file", str(pw), "--json")
    assert json.loads(out) == {"new": 2, "updated": 1, "conflicts": 1, "held": 0, "rejected": 0}
    assert "新增 2，更新 1，冲突 1，待审 0，拒绝 0" in err
    # the same file again changes nothing
    code, out, _ = cli(capsys, district, "import", str(s2), "--passphrase-file", str(pw), "--json")
    assert json.loads(out) == {"new": 0, "updated": 0, "conflicts": 0, "held": 0, "rejected": 0}

    code, out, _ = cli(capsys, district, "conflicts", "--json")
    conflicts = json.loads(out)
    assert len(conflicts) == 1
    c = conflicts[0]
    assert (c["field"], c["district_value"], c["station_value"]) == ("area_x100", "6225", "6150")
    assert cli(capsys, district, "resolve", c["id"], "--keep", "district")[0] == 0
    assert json.loads(cli(capsys, district, "conflicts", "--json")[1]) == []
    d = open_store(district)
    assert d.db.execute("SELECT area_x100 FROM household WHERE id = ?", [hid]).fetchone()[0] == 6225
    d.close()

    code, out, _ = cli(capsys, district, "stations", "--json")
    info = json.loads(out)[0]
    assert info["station_id"] == sid and info["last_file"] == 2 and info["gaps"] == []

    assert cli(capsys, district, "receipt", "--station", sid, "-o", str(tmp_path / "r2.liftsync"))[0] == 0
    code, out, _ = cli(capsys, station, "apply-receipt", str(tmp_path / "r2.liftsync"), "--json")
    assert code == 0
    s = open_store(station)
    assert s.db.execute("SELECT area_x100 FROM household WHERE id = ?", [hid]).fetchone()[0] == 6225
    assert s.db.execute("SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL").fetchone()[0] == 0
    registry.update_household(s, ids["households"][2], "area", "70")
    s.close()

    s3 = tmp_path / "s3.liftsync"
    assert cli(capsys, station, "export", "-o", str(s3))[0] == 0
    assert s3.stat().st_size < s2.stat().st_size
    code, out, _ = cli(capsys, district, "import", str(s3), "--passphrase-file", str(pw), "--json")
    assert json.loads(out) == {"new": 0, "updated": 1, "conflicts": 0, "held": 0, "rejected": 0}
