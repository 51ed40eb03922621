"""What the CLI says when it is used wrongly, in the user's language with the valid choices;
--screenshot that never claims a picture it did not write; times people read in local time with
the zone's name (issue 20)."""

import json
import sqlite3
import subprocess
import sys

import pytest

from liftdesk.cli.main import main
from liftdesk.common.dates import local_in_zone
from liftdesk.store import backup

from .conftest import ROOT


def cli(capsys, *args):
    capsys.readouterr()
    try:
        code = main([*map(str, args)])
    except SystemExit as exc:
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("args,expected", [
    (["backup"], "缺少必需的参数：-o/--output"),
    (["consent", "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元", "--rule", "nonsense"], "'civil-code-278'"),
    (["info", "--db", "x.db"], "--db 和 --lang 要写在命令之前"),
    (["bogus"], "'import-roster'"),
    (["report", "district", "--by", "week"], "可选：'handover', 'start'"),
])
def test_usage_errors_are_in_chinese_and_list_the_choices(capsys, db_path, args, expected):
    code, out, err = cli(capsys, "--db", db_path, *args) if args[0] != "info" else cli(capsys, *args)
    assert code == 2
    assert "命令行有误" in err and expected in err, err
    for english in ("usage:", "error:", "invalid choice", "required:", "unrecognized"):
        assert english not in err
    assert len(err.strip().splitlines()) == 2  # the error and where to find the usage, no usage dump


def test_a_usage_error_with_json_is_also_json(capsys, db_path):
    code, out, err = cli(capsys, "--db", db_path, "units", "--json", "--nonsense")
    assert code == 2 and "无法识别的参数" in json.loads(out)["error"]


def test_usage_errors_follow_the_language(capsys, db_path):
    code, _, err = cli(capsys, "--lang", "en", "--db", db_path, "report", "district", "--by", "week")
    assert code == 2 and "invalid choice" in err and "handover" in err


def screenshot(tmp_path, db, out):
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
           "LIFTDESK_DATA_DIR": str(tmp_path / "data")}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "--screenshot", str(out),
                           "--page", "home"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def test_a_screenshot_to_a_missing_folder_or_a_text_name_is_an_error(store, unit, db_path, tmp_path):
    store.close()
    missing = screenshot(tmp_path, db_path, tmp_path / "no-such-folder" / "x.png")
    assert missing.returncode == 2 and "不存在" in missing.stderr and "截图已保存" not in missing.stdout
    text = screenshot(tmp_path, db_path, tmp_path / "x.txt")
    assert text.returncode == 2 and ".png" in text.stderr and not (tmp_path / "x.txt").exists()
    onto = screenshot(tmp_path, db_path, db_path)
    assert onto.returncode == 2 and sqlite3.connect(db_path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_screenshot_that_was_not_written_is_not_reported_saved(qtbot, store, unit, tmp_path):
    from PySide6.QtWidgets import QApplication, QWidget

    from ui.app import _FirstPaint

    window = QWidget()
    qtbot.addWidget(window)
    folder = tmp_path / "gone"
    folder.mkdir()
    shot = _FirstPaint(window, folder / "x.png")
    folder.rmdir()  # the folder went away after the check (a USB stick pulled out)
    codes = []
    original = QApplication.exit
    QApplication.exit = lambda *args: codes.append(args[-1])
    try:
        shot._save()
    finally:
        QApplication.exit = original
    assert codes == [2] and not (folder / "x.png").exists()


def test_local_time_carries_the_zone_name():
    assert local_in_zone("2026-11-21T16:05:09.123Z", "Asia/Shanghai", named=True) == "2026-11-22 00:05 (北京时间)"
    assert local_in_zone("2026-11-21T16:05:09Z", "Asia/Shanghai") == "2026-11-22 00:05"


def test_the_restore_preview_is_in_the_districts_local_time(capsys, store, unit, db_path):
    copy = backup.make_backup(db_path, "manual")
    store.close()
    info = backup.preview(copy)
    assert info["taken_at"].endswith("Z") and info["taken_at_local"].endswith("(北京时间)")
    code, out, _ = cli(capsys, "--db", db_path, "restore", copy, "--dry-run")
    assert code == 0 and "(北京时间)" in out and info["taken_at_local"] in out


def test_stations_are_listed_in_local_time(capsys, tmp_path):
    from .sync_helpers import PASSPHRASE, district_with_street

    district, station = tmp_path / "district.db", tmp_path / "station.db"
    district_with_street(district)
    pw = tmp_path / "pass.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
    pw.chmod(0o600)  # a passphrase file others can read is refused
    key = tmp_path / "district.key"
    assert cli(capsys, "--db", district, "district-init", "--passphrase-file", pw, "--public-key-out", key)[0] == 0
    assert cli(capsys, "--db", station, "station-init", "--name", "长庆街道工作站", "--district-key", key,
               "--scope", "长庆街道")[0] == 0
    assert cli(capsys, "--db", station, "export", "-o", tmp_path / "s1.liftsync")[0] == 0
    assert cli(capsys, "--db", district, "import", tmp_path / "s1.liftsync", "--passphrase-file", pw)[0] == 0
    from liftdesk.store import open_store
    from liftdesk.sync import enrol

    me = enrol.station_identity(open_store(station))  # a new station's first file waits for a person
    assert cli(capsys, "--db", district, "accept-station", me.station_id, "--fingerprint", me.keys.fingerprint,
               "--passphrase-file", pw)[0] == 0
    code, out, _ = cli(capsys, "--db", district, "stations")
    stamp = json.loads(cli(capsys, "--db", district, "stations", "--json")[1])[0]["last_received_at"]
    assert code == 0 and local_in_zone(stamp, "Asia/Shanghai", named=True) in out and stamp not in out
