"""Writers share the database (issue 20): a writer waits (up to 2 minutes) while another makes
progress and says so once; restore is a writer like any other (it waits for the lock, honours
the timeout, refuses a newer backup, and never loses a write that reported success)."""

import os
import random
import shutil
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from liftdesk.io import roster
from liftdesk.store import backup, open_store
from liftdesk.store.sqlite_file import DEFAULT_BUSY_MS, busy_timeout_ms

from .conftest import ROOT

STREET = "长庆街道/王马社区/遥祥寺巷小区"
HEADER = "业主,房号,面积,电话,居住,意见,书面,楼层"
WAITING = "另一程序正在写入数据库，等待中…"
BUSY = "数据库正被另一程序使用"


def env(tmp_path, **extra):
    return {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
            "LIFTDESK_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT), **extra}


def main_py(*args):
    return [sys.executable, str(ROOT / "main.py"), *map(str, args)]


def roster_file(path, floors=2, per_floor=3, tag="住户"):
    lines = [HEADER] + [f"{tag}{f}{r:02d},{f}{r:02d},60.00,,自住,支持,是,{f}"
                        for f in range(1, floors + 1) for r in range(1, per_floor + 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def hold_write_lock(path):
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    return holder


def plain_backup(db_path):
    """A backup as older versions wrote it (a plain .db), which a test may edit with sqlite3."""
    made = backup.make_backup(db_path, "manual")
    plain = backup._decompress_to(made, made.with_name(made.name.removesuffix(".zst")))
    made.unlink()
    return plain


def households(path) -> int:
    if backup.is_compressed(path):  # a backup made by this version
        with backup.open_backup(path) as conn:
            return conn.execute("SELECT count(*) FROM household").fetchone()[0]
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM household").fetchone()[0]
    finally:
        conn.close()


def test_a_writer_waits_two_minutes_by_default_and_the_variable_still_overrides(monkeypatch):
    monkeypatch.delenv("LIFTDESK_BUSY_TIMEOUT_MS", raising=False)
    assert DEFAULT_BUSY_MS == busy_timeout_ms() == 120_000
    monkeypatch.setenv("LIFTDESK_BUSY_TIMEOUT_MS", "300")
    assert busy_timeout_ms() == 300


def test_a_waiting_writer_says_so_once_then_succeeds(tmp_path, store, unit, db_path):
    src = roster_file(tmp_path / "r.csv")
    holder = hold_write_lock(db_path)
    proc = subprocess.Popen(main_py("--db", db_path, "import-roster", src, "--unit", f"{STREET}/7幢/1单元", "--create"),
                            env=env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not (tmp_path / "data").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(2.0)  # well past the first slice of the wait
    assert proc.poll() is None  # still waiting, not failed
    holder.rollback()
    holder.close()
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert err.count(WAITING) == 1 and "Traceback" not in err


def test_restore_waits_for_the_lock_and_honours_the_timeout(tmp_path, store, unit, db_path):
    copy = backup.make_backup(db_path, "manual")
    store.close()
    holder = hold_write_lock(db_path)
    try:
        started = time.monotonic()
        out = subprocess.run(main_py("--db", db_path, "restore", copy), env=env(tmp_path, LIFTDESK_BUSY_TIMEOUT_MS="400"),
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 2 and BUSY in out.stderr and "Traceback" not in out.stderr
        assert time.monotonic() - started < 30
    finally:
        holder.rollback()
        holder.close()
    assert households(db_path) == 12


def test_restore_refuses_a_backup_from_a_newer_version(tmp_path, store, unit, db_path, capsys):
    from liftdesk.cli.main import main

    copy = plain_backup(db_path)
    conn = sqlite3.connect(copy)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('liftdesk', '9999_future', 'x')")
    conn.commit()
    conn.close()
    store.close()
    before = db_path.read_bytes()
    code = main(["--db", str(db_path), "restore", str(copy)])
    err = capsys.readouterr().err
    assert code == 2 and "更新版本" in err and "9999_future" in err
    assert db_path.read_bytes() == before


def test_restore_of_an_older_backup_brings_it_to_this_schema(tmp_path, store, unit, db_path):
    copy = plain_backup(db_path)
    conn = sqlite3.connect(copy)  # as a version before serial reservations wrote it
    conn.execute("DROP TABLE serial_counter")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0030_serial_counter'")
    conn.commit()
    conn.close()
    store.close()
    done = backup.restore(db_path, copy)
    assert done["kept"]
    again = open_store(db_path)
    try:
        assert again.db.execute("SELECT count(*) FROM serial_counter").fetchone()[0] == 0
        assert again.db.execute("SELECT count(*) FROM household").fetchone()[0] == 12
    finally:
        again.close()


def _race(base, tmp_path, n, rng, src, copy):
    """One restore and one import started together on a copy of BASE; whether the import's rows
    survive in the restored database or in the copy kept before the restore."""
    db = tmp_path / f"race{n}" / "station.db"
    db.parent.mkdir()
    shutil.copy(base, db)
    address = f"{STREET}/9幢/1单元"
    outcome: dict = {}
    gate = threading.Barrier(2)

    def importer():
        store = open_store(db, actor="import")
        try:
            plan = roster.plan_import(src)
            gate.wait()
            time.sleep(rng.uniform(0, 0.05))
            outcome["imported"] = roster.apply_import(store, plan, address, create=True).created
        finally:
            store.close()

    def restorer():
        gate.wait()
        time.sleep(rng.uniform(0, 0.05))
        outcome["restore"] = backup.restore(db, copy)

    threads = [threading.Thread(target=importer), threading.Thread(target=restorer)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert outcome.get("imported") == 6 and outcome.get("restore"), outcome
    kept = outcome["restore"]["kept"]
    found = [households(db) - 12, households(kept) - 12]  # the base has 12
    return found


def test_a_restore_racing_an_import_never_loses_the_import_20_of_20(tmp_path, store, unit, db_path):
    copy = plain_backup(db_path)
    store.close()
    src = roster_file(tmp_path / "r.csv")
    rng = random.Random(int(os.environ.get("LIFTDESK_RACE_SEED", "20")))
    lost, orders = 0, []
    for n in range(20):
        in_restored, in_kept = _race(db_path, tmp_path, n, rng, src, copy)
        if in_restored == 6:
            orders.append("after")
        elif in_kept == 6:
            orders.append("before")
        else:
            lost += 1
    print(f"\nrestore vs import: {orders.count('before')} before, {orders.count('after')} after, {lost} lost")
    assert lost == 0


def test_the_window_says_it_waits_and_the_wait_can_be_cancelled(qtbot, tmp_path, store, unit, db_path, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtCore import Qt as QtNames

    from liftdesk.common.settings import Settings
    from liftdesk.places import registry
    from ui import messages
    from ui.app import init_app
    from ui.main_window import MainWindow

    from .test_gui import _edit_cell

    shown, seen = [], []
    monkeypatch.setattr(messages, "error", lambda parent, text: shown.append(text))
    init_app("zh", 12)
    window = MainWindow(store, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_unit(unit)
    indicator = window.wait_indicator
    holder = hold_write_lock(db_path)

    def press_cancel():
        seen.append((indicator.isVisible(), indicator.label.text(), window.centralWidget().isEnabled()))
        qtbot.mouseClick(indicator.cancel_button, QtNames.MouseButton.LeftButton)

    QTimer.singleShot(1200, press_cancel)  # runs inside the wait: the window stays alive
    try:
        _edit_cell(qtbot, window.unit_page.table, 0, 2, "77")
        qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    finally:
        holder.rollback()
        holder.close()
    assert seen == [(True, WAITING, False)]
    assert "已取消等待" in shown[-1]
    assert not indicator.isVisible() and window.centralWidget().isEnabled()
    assert registry.unit_households(store, unit)[0].area_x100 == 6000


@pytest.mark.slow
def test_two_imports_of_1800_households_at_once_both_succeed(tmp_path):
    """The suite runs one pair; benchmarks/bench_concurrent_imports.py runs 20."""
    db = tmp_path / "station.db"
    e = env(tmp_path)
    assert subprocess.run(main_py("--db", db, "init"), env=e, capture_output=True, timeout=60).returncode == 0
    lines = [HEADER] + [f"业主{n},{n // 60 + 1}{n % 60 + 1:02d},60.00,,自住,支持,是,{n // 60 + 1}" for n in range(1800)]
    src = tmp_path / "big.csv"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    procs = [subprocess.Popen(main_py("--db", db, "import-roster", src, "--unit", f"{STREET}/1幢/{n}单元", "--create"),
                              env=e, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in (1, 2)]
    results = [p.communicate(timeout=300) + (p.returncode,) for p in procs]
    assert [code for _, _, code in results] == [0, 0], [err[-300:] for _, err, _ in results]
    assert households(db) == 3600


def test_a_restore_never_hands_out_again_a_serial_printed_after_the_backup(tmp_path, store, unit, db_path):
    from liftdesk.documents import generate

    address = f"{STREET}/6幢/1单元"
    copy = backup.make_backup(db_path, "manual")
    after = generate.print_document(store, "consent-form", address, tmp_path / "after.pdf")  # paper out there
    store.close()
    backup.restore(db_path, copy)
    again = open_store(db_path)
    try:
        assert again.db.execute("SELECT count(*) FROM printed_document").fetchone()[0] == 0  # the backup's state
        later = generate.print_document(again, "consent-form", address, tmp_path / "later.pdf")
    finally:
        again.close()
    assert later.serial != after.serial and int(later.serial.rsplit("-", 1)[1]) > int(after.serial.rsplit("-", 1)[1])
