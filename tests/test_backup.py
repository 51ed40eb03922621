"""Rolling backups through SQLite's online backup API, thinning, a second folder, and restore from
the CLI and the GUI (with a preview of what the backup holds)."""

import hashlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from liftdesk.places import places, registry
from liftdesk.errors import StoreError
from liftdesk.common.settings import Settings
from liftdesk.store import backup, open_store

from .conftest import ROOT


def run_cli(tmp_path, *args):
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
           "LIFTDESK_DATA_DIR": str(tmp_path / "data")}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True, text=True,
                          env=env, timeout=120)


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_backup_is_a_checked_private_copy_of_committed_data(store, unit, db_path):
    writer = sqlite3.connect(db_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another program in the middle of a write: not waited for, not copied
    writer.execute("UPDATE household SET area_x100 = 1")
    made = backup.make_backup(db_path, "manual")
    writer.execute("ROLLBACK")
    writer.close()
    assert made.parent == db_path.parent / "backups" and made.name.startswith("station-")
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert made.name.endswith(".db.zst")  # compressed
    copy = open_store(backup._decompress_to(made, made.parent.parent / "plain.db"), readonly=True)
    assert places.counts(copy)["households"] == 12
    assert copy.db.execute("SELECT min(area_x100) FROM household").fetchone()[0] == 6000
    copy.close()
    assert backup.list_backups(db_path)[0].path == made


def test_a_second_folder_gets_a_copy_and_a_missing_one_is_no_error(store, unit, db_path, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    made = backup.make_backup(db_path, "manual", second=usb)
    assert (usb / made.name).exists()
    backup.make_backup(db_path, "manual", second=tmp_path / "unplugged")  # only logged
    Settings().set("backup_dir2", str(usb))
    backup.make_backup(db_path, "daily")
    assert len(list(usb.glob("station-*.db.zst"))) == 2


def test_thinning_keeps_recent_daily_weekly_monthly(store, unit, db_path):
    start = datetime(2026, 1, 1, 9, tzinfo=timezone.utc)
    for n in range(60):  # two months of daily backups, in fast-forward
        backup.make_backup(db_path, "daily", now=start + timedelta(days=n), keep=3, second=False)
    kept = backup.list_backups(db_path)
    taken = [b.taken_at for b in kept]
    assert taken[0] == start + timedelta(days=59)
    assert len(kept) <= 3 + 7 + 4 + 12 and len(kept) >= 7
    assert min(taken) <= start + timedelta(days=31)  # a monthly one from January survives


@settings(max_examples=60, deadline=None)
@given(st.lists(st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1)), min_size=1,
                max_size=80), st.integers(1, 12))
def test_keep_set_invariants(times, recent):
    keep = backup.keep_set(times, recent=recent)
    assert max(times) in keep  # the newest backup is never thinned away
    assert keep <= set(times)
    assert len(keep) <= recent + backup.KEEP_DAILY + backup.KEEP_WEEKLY + backup.KEEP_MONTHLY
    assert backup.keep_set(sorted(keep), recent=recent) == keep  # thinning again removes nothing
    days = {t.date() for t in times}
    assert len({t.date() for t in keep}) >= min(len(days), backup.KEEP_DAILY)


def test_cli_backup_and_restore_keep_the_current_database_first(store, unit, db_path, tmp_path):
    store.close()
    copy = tmp_path / "copy.db"
    out = run_cli(tmp_path, "--db", db_path, "backup", "-o", copy)
    assert out.returncode == 0, out.stderr
    assert run_cli(tmp_path, "--db", db_path, "backup", "-o", copy).returncode == 2  # never overwrites
    s = open_store(db_path)
    registry.add_unit(s, s.db.execute("SELECT id FROM building").fetchone()[0], "2单元")
    s.close()
    dry = run_cli(tmp_path, "--db", db_path, "restore", copy, "--dry-run", "--json")
    assert dry.returncode == 0 and json.loads(dry.stdout)["counts"]["unit"] == 1
    out = run_cli(tmp_path, "--db", db_path, "restore", copy)
    assert out.returncode == 0, out.stderr
    assert "12 户" in out.stdout and "恢复前" in out.stdout or "before-restore" in out.stdout
    assert json.loads(run_cli(tmp_path, "--db", db_path, "info", "--json").stdout)["units"] == 1
    kept = [b for b in backup.list_backups(db_path) if b.reason == "before-restore"]
    assert len(kept) == 1
    before = open_store(backup._decompress_to(kept[0].path, tmp_path / "before.db"), readonly=True)
    assert places.counts(before)["units"] == 2  # the state just before the restore is kept
    before.close()


def test_restore_refuses_what_is_not_a_sound_liftdesk_file(store, unit, db_path, tmp_path):
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    before = digest(db_path)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"x" * 5000)
    for bad in (other, garbage, tmp_path / "missing.db", tmp_path):
        out = run_cli(tmp_path, "--db", db_path, "restore", bad)
        assert out.returncode == 2 and "Traceback" not in out.stderr, bad
    assert digest(db_path) == before
    with pytest.raises(StoreError):
        backup.restore(db_path, db_path)


def test_imports_are_preceded_by_a_backup(tmp_path):
    db = tmp_path / "s.db"
    src = tmp_path / "r.csv"
    src.write_text("房号,面积,楼层\n101,60,1\n", encoding="utf-8")
    assert run_cli(tmp_path, "--db", db, "import-roster", src, "--unit", "a街道/b社区/c小区/1幢/1单元",
                   "--create").returncode == 0
    assert [b.reason for b in backup.list_backups(db)] == ["import"]


def test_backup_dialog_backs_up_previews_and_restores(qtbot, store, unit, db_path, tmp_path, monkeypatch):
    from ui import messages
    from ui.app import init_app
    from ui.main_window import MainWindow

    init_app("zh", 12)
    monkeypatch.setattr(messages, "confirm", lambda parent, text: True)
    monkeypatch.setattr(messages, "info", lambda parent, text: None)
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr("ui.dialogs.backup_dialog.QFileDialog.getExistingDirectory", lambda *a, **k: str(usb))
    settings = Settings(tmp_path / "settings.json")
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    window.show()
    from ui.dialogs.backup_dialog import BackupDialog
    dialog = BackupDialog(store, settings, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert settings.get("backup_dir2") == str(usb)
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)  # made and verified off the UI thread
    qtbot.waitUntil(lambda: dialog.list.count() == 2, timeout=20000)
    assert len(list(usb.glob("*.db.zst"))) == 1
    registry.add_unit(store, store.db.execute("SELECT id FROM building").fetchone()[0], "2单元")
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_End)   # away from the newest, then back to it: a new selection
    qtbot.keyClick(dialog.list, Qt.Key.Key_Home)
    assert dialog.preview.text() == "正在读取这份备份…" and not dialog.restore_button.isEnabled()  # off the UI thread
    qtbot.waitUntil(lambda: "12 户、1 个单元" in dialog.preview.text(), timeout=20000)
    assert dialog.restore_button.isEnabled()
    with qtbot.waitSignal(dialog.restored):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert places.counts(store)["units"] == 1  # the window's own connection sees the restored data
    assert window.tree_model.rowCount() == 1
    assert any(b.reason == "before-restore" for b in backup.list_backups(db_path))
    dialog.grab().save(str(tmp_path / "backup_dialog.png"))
    if os.environ.get("LIFTDESK_SHOTS"):
        dialog.grab().save(os.environ["LIFTDESK_SHOTS"])


def test_the_app_backs_up_on_start_off_the_ui_thread(qtbot, store, unit, db_path):
    from ui.app import init_app, start_backup

    init_app("zh", 12)
    start_backup(db_path)
    qtbot.waitUntil(lambda: bool(backup.list_backups(db_path)), timeout=20000)
    assert backup.list_backups(db_path)[0].reason == "daily"
    assert backup.backup_if_due(db_path) is None  # at most one automatic backup a day
