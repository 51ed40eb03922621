"""Bundle properties: nothing personal in the clear, gaps reported, tombstones travel,
recovery from the printed sheet, append-only facts merged by union."""

from __future__ import annotations

import subprocess

from liftdesk.consent import positions
from liftdesk.people import ownership
from liftdesk.store import open_store, records
from liftdesk.sync import enrol, exchange, status
from liftdesk.sync.recovery_sheet import write_sheet

from tests.sync_helpers import PASSPHRASE, World


def test_bundle_holds_no_name_or_phone_in_the_clear(tmp_path):
    w = World(tmp_path)
    s = w.add_station("长庆站")
    hid = w.ids["households"][0]
    ownership.add_owner(s, hid, ownership.add_person(s, "欧阳慧敏", "13912345678"))
    sealed = w.export("长庆站", all_changes=True)
    plain = w.export("长庆站", all_changes=True, plaintext=True)
    needles = ["欧阳慧敏".encode("utf-8"), b"13912345678", "欧阳慧敏".encode("unicode_escape")]
    for needle in needles:
        assert needle not in sealed
    # the check can see: once decrypted (or exported in the clear) the name is there
    body = exchange.open_bundle(w.district, plain, w.keys).payload
    assert "欧阳慧敏" in str(body)
    w.close()


def test_gap_is_applied_and_reported(tmp_path):
    w = World(tmp_path)
    s = w.add_station("长庆站")  # file 1 (enrolment) delivered
    hids = w.ids["households"]
    files = []
    for n, hid in enumerate(hids[:3]):
        positions.record_position(s, hid, "支持")
        files.append(w.export("长庆站"))  # files 2, 3, 4 (each since the last receipt: cumulative)
    w.deliver(files[0])
    result = w.deliver(files[2])  # file 3 is lost
    assert result.gaps == [3]
    assert result.counts.new == 2  # file 4 carried what file 3 had: nothing lost
    from liftdesk.i18n import t
    assert t("sync.gap", n=result.gaps[0]) == "缺少第 3 号文件"
    assert status.stations(w.district)[0]["gaps"] == [3]
    assert w.district.db.execute("SELECT count(*) FROM position").fetchone()[0] == 3
    w.deliver(files[1])  # resent later: changes nothing, closes the gap
    assert status.stations(w.district)[0]["gaps"] == []
    assert w.district.db.execute("SELECT count(*) FROM position").fetchone()[0] == 3
    w.close()


def test_tombstones_travel_both_ways(tmp_path):
    w = World(tmp_path)
    s = w.add_station("长庆站")
    hid = w.ids["households"][0]
    records.set_deleted(s, "household", hid, True)
    result = w.deliver(w.export("长庆站"))
    assert result.counts.updated == 1
    assert w.district.db.execute("SELECT deleted FROM household WHERE id = ?", [hid]).fetchone()[0] == 1
    other = w.ids["households"][1]
    records.set_deleted(w.district, "household", other, True)
    w.send_receipt("长庆站")
    assert s.db.execute("SELECT deleted FROM household WHERE id = ?", [other]).fetchone()[0] == 1
    w.close()


def test_append_only_facts_union_and_same_file_twice_changes_nothing(tmp_path):
    w = World(tmp_path)
    a, b = w.add_station("甲站"), w.add_station("乙站")
    hid = w.ids["households"][0]
    positions.record_position(a, hid, "支持")
    positions.record_position(b, hid, "反对")
    positions.record_position(w.district, hid, "弃权")
    fa, fb = w.export("甲站"), w.export("乙站")
    w.deliver(fb)
    w.deliver(fa)
    before = w.district.db.execute("SELECT count(*) FROM change_log").fetchone()[0]
    assert w.deliver(fa).counts.as_json() == {"new": 0, "updated": 0, "conflicts": 0, "held": 0, "rejected": 0}
    assert w.district.db.execute("SELECT count(*) FROM change_log").fetchone()[0] == before
    got = sorted(r[0] for r in w.district.db.execute("SELECT position FROM position WHERE household_id = ?", [hid]))
    assert got == ["abstain", "oppose", "support"]
    w.close()


def test_recovery_sheet_and_recover(tmp_path):
    w = World(tmp_path)
    sheet = write_sheet(w.public, w.code, tmp_path / "sheet.pdf")
    text = subprocess.run(["pdftotext", str(sheet), "-"], capture_output=True, text=True, check=True).stdout
    assert "区加梯办同步密钥恢复单" in text and w.public.fingerprint in text
    assert w.code[:6] in text.replace(" ", "")
    info = subprocess.run(["pdfinfo", str(sheet)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in info  # one sheet to print and lock away
    fresh = open_store(tmp_path / "restored.db")
    restored = enrol.district_recover(fresh, w.code, PASSPHRASE)
    assert restored.key_id == w.public.key_id
    keys = enrol.district_keys(fresh, PASSPHRASE)
    assert keys.box_private == w.keys.box_private
    fresh.close()
    w.close()


def test_starting_data_only_of_the_scope(tmp_path):
    w = World(tmp_path)
    s = w.add_station("米市巷站", scope="米市巷街道")
    streets = [r[0] for r in s.db.execute("SELECT name FROM street")]
    assert streets == ["米市巷街道"]
    assert s.db.execute("SELECT count(*) FROM household").fetchone()[0] == 0
    assert s.db.execute("SELECT count(*) FROM community").fetchone()[0] == 1
    w.close()


def test_receipt_carries_rule_setting_permits_and_subsidies(tmp_path):
    from liftdesk.consent import evaluation
    from liftdesk.projects import projects
    w = World(tmp_path)
    s = w.add_station("长庆站")
    unit = w.ids["unit"]
    project = projects.create_project(w.district, unit)
    projects.record_stage(w.district, project, "approval", "2024-03-01",
                          {"permit_no": "建字第2024-017号", "permit_date": "2024-03-01"}, reason="跳过前序阶段（测试）")
    projects.record_stage(w.district, project, "subsidy", "2024-04-01",
                          {"amount_fen": 20000000, "status": "已批复"}, reason="测试")
    evaluation.set_district_rule(w.district, "guangzhou-2020", "building", False)
    result = w.send_receipt("长庆站")
    assert result.counts.new >= 3 and result.counts.updated >= 2
    assert evaluation.district_rule(s).rule == "guangzhou-2020" and evaluation.district_rule(s).scope == "building"
    details = [r[0] for r in s.db.execute("SELECT details FROM stage_event WHERE project_id = ?", [project])]
    assert any("建字第2024-017号" in d for d in details) and any("20000000" in d for d in details)
    # the station's next file does not echo them back
    data = w.export("长庆站")
    assert w.deliver(data).counts.as_json() == {"new": 0, "updated": 0, "conflicts": 0, "held": 0, "rejected": 0}
    w.close()
