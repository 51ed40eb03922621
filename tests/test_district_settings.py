"""The district's own settings: the 公示 period (working or calendar days), the rule and scope, the
office, the cost preset; through the core, the CLI contract (`settings [KEY [VALUE]] --json`) and
the dates a notice prints. Dates hand-counted on the 2026 calendar (国庆 10-01…10-07, 10-10 a
Saturday worked, 中秋 09-25)."""

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from liftdesk.consent import evaluation
from liftdesk.documents.notice import notice_period
from liftdesk.errors import ValidationError
from liftdesk.history import undo
from liftdesk.places import district_settings

ROOT = Path(__file__).resolve().parents[1]


def test_ten_working_days_across_national_day_2026():
    # printed Mon 09-28: 09-29, 09-30, (10-01…10-07 off), 10-08, 10-09, 10-10 (Sat, worked), 10-12 … 10-16
    assert notice_period(date(2026, 9, 28), 10, "working") == (date(2026, 9, 29), date(2026, 10, 16))
    # printed on the eve of the holiday: 10-08, 10-09, 10-10 (worked), 10-12 … 10-16, 10-19, 10-20
    assert notice_period(date(2026, 9, 30), 10, "working") == (date(2026, 10, 8), date(2026, 10, 20))


def test_fifteen_calendar_days_across_national_day_2026():
    # Jinan: 15 日 from the day after printing, the holiday counts: 09-29 … 10-13
    assert notice_period(date(2026, 9, 28), 15, "calendar") == (date(2026, 9, 29), date(2026, 10, 13))
    assert notice_period(date(2026, 9, 30), 15, "calendar") == (date(2026, 10, 1), date(2026, 10, 15))


def test_settings_default_change_and_undo_as_one_step(store, unit):
    assert district_settings.read(store) == district_settings.DistrictSettings()
    now = district_settings.update(store, {"notice_days": "15", "notice_day_kind": "自然日", "rule": "guangzhou-2025",
                                           "office_address": "王马社区 长庆街道 12 号", "office_phone": "0571-8888 1234",
                                           "cost_preset": "hangzhou"})
    assert (now.notice_days, now.notice_day_kind, now.rule, now.cost_preset) == (15, "calendar", "guangzhou-2025",
                                                                                  "hangzhou")
    assert evaluation.district_rule(store).rule == "guangzhou-2025"  # the engine reads the same setting
    undo.undo(store)
    assert district_settings.read(store) == district_settings.DistrictSettings()


@pytest.mark.parametrize("key, value, message", [
    ("notice_days", "0", "1 到 60"), ("notice_days", "十", "1 到 60"), ("notice_day_kind", "weeks", "working"),
    ("rule", "shanghai", "不存在"), ("scope", "street", "统计范围"), ("cost_preset", "x", "分摊方案"),
    ("office_address", "a\x07b", "控制字符"), ("colour", "red", "本区设置")])
def test_bad_values_are_refused_and_nothing_changes(store, unit, key, value, message):
    before = district_settings.read(store)
    with pytest.raises(ValidationError, match=message):
        district_settings.update(store, {"office_phone": "123", key: value})
    assert district_settings.read(store) == before


def cli(db, *args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args], capture_output=True,
                          text=True, cwd=ROOT)


def test_cli_contract(store, unit, db_path):
    store.close()
    out = cli(db_path, "settings", "--json")
    assert out.returncode == 0 and json.loads(out.stdout)["settings"]["notice_days"] == 10
    out = cli(db_path, "settings", "notice_days", "15", "--json")
    assert json.loads(out.stdout) == {"key": "notice_days", "value": 15}
    out = cli(db_path, "settings", "notice_day_kind", "calendar", "--json")
    assert json.loads(out.stdout) == {"key": "notice_day_kind", "value": "calendar"}
    assert json.loads(cli(db_path, "settings", "notice_days", "--json").stdout) == {"key": "notice_days", "value": 15}
    bad = cli(db_path, "settings", "notice_days", "99", "--json")
    assert bad.returncode == 2 and "1 到 60" in json.loads(bad.stdout)["error"]
    assert json.loads(cli(db_path, "settings", "--json").stdout)["settings"]["notice_days"] == 15
    assert cli(db_path, "settings", "nope", "--json").returncode == 2


def test_the_notice_prints_the_district_period_and_office(store, unit, tmp_path):
    from liftdesk.documents import notice

    district_settings.update(store, {"notice_days": 15, "notice_day_kind": "calendar",
                                     "office_address": "长庆街道王马社区居委会一楼", "office_phone": "0571-85550000"})
    doc = notice.build(store, unit, printed_on=date(2026, 9, 28))
    assert doc.content["period"] == ["2026-09-29", "2026-10-13"]
    flat = [part for f in doc.story for part in (getattr(f, "_content", None) or [f])]  # KeepTogether's parts
    words = " ".join(getattr(f, "text", "") for f in flat)
    assert "15 日，自发布次日起算" in words and "长庆街道王马社区居委会一楼" in words and "0571-85550000" in words
