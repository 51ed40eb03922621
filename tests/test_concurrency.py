"""Two programs on one database: writers wait for each other (BEGIN IMMEDIATE + busy timeout),
and a lock held too long is one clear Chinese message, never a traceback."""

import os
import sqlite3
import subprocess
import sys
import time

import pytest

from liftdesk.places import places, registry
from liftdesk.errors import LiftDeskError, StoreError
from liftdesk.store import open_store

from .conftest import ROOT

BUSY = "数据库正被另一程序使用，请稍后再试"
HEADER = "业主,房号,面积,电话,居住情况,意见,书面,楼层"
STREET = "长庆街道/王马社区/遥祥寺巷小区"


def env(tmp_path, **extra):
    return {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
            "LIFTDESK_DATA_DIR": str(tmp_path / "data"), **extra}


def main_py(tmp_path, *args, **extra):
    return [sys.executable, str(ROOT / "main.py"), *map(str, args)], env(tmp_path, **extra)


def roster(path, floors=6, per_floor=10):
    """A roster big enough that two imports' write transactions overlap when started together."""
    lines = [HEADER] + [f"住户{f}{r:02d},{f}{r:02d},60.00,,自住,支持,是,{f}"
                        for f in range(1, floors + 1) for r in range(1, per_floor + 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_two_imports_into_different_units_at_once_both_succeed_20_of_20(tmp_path):
    db = tmp_path / "station.db"
    cmd, e = main_py(tmp_path, "--db", db, "init")
    assert subprocess.run(cmd, env=e, capture_output=True, timeout=60).returncode == 0
    src = roster(tmp_path / "r.csv")
    ok = 0
    started = time.monotonic()
    for pair in range(20):
        procs = []
        for unit in (1, 2):  # the same new building, created by whichever import comes first
            cmd, e = main_py(tmp_path, "--db", db, "import-roster", src, "--unit",
                             f"{STREET}/{pair + 1}幢/{unit}单元", "--create")
            procs.append(subprocess.Popen(cmd, env=e, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        results = [(p.wait(timeout=60), p.stderr.read()) for p in procs]
        for p in procs:
            p.stdout.close()
            p.stderr.close()
        assert all(code == 0 for code, _ in results), results
        assert not any("Traceback" in err for _, err in results)
        ok += 1
    print(f"\nconcurrent import pairs succeeded: {ok}/20 in {time.monotonic() - started:.1f} s")
    store = open_store(db, readonly=True)
    try:
        assert store.db.execute("SELECT count(*) FROM building WHERE deleted = 0").fetchone()[0] == 20
        assert store.db.execute("SELECT count(*) FROM unit").fetchone()[0] == 40
        assert store.db.execute("SELECT count(*) FROM household").fetchone()[0] == 40 * 60
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        store.close()


# main.py (argv[3:]), but it first creates READY (argv[1]) when it starts a write transaction on DB (argv[2]):
# a test holding the write lock then knows the child is waiting for it, without guessing a delay.
SIGNALS_READY = """
import pathlib, runpy, sqlite3, sys
ready, target = sys.argv[1], pathlib.Path(sys.argv[2]).resolve()
_connect = sqlite3.connect

def connect(database, *args, **kwargs):
    conn = _connect(database, *args, **kwargs)
    if isinstance(database, str) and not database.startswith(":") and pathlib.Path(database).resolve() == target:
        conn.set_trace_callback(lambda sql: sql.upper().startswith("BEGIN IMMEDIATE") and open(ready, "a").close())
    return conn

sqlite3.connect = connect
sys.argv = sys.argv[3:]  # main.py and its arguments
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def wait_for(path, proc, timeout=30.0):
    """Polls until the child signals READY (bounded; fails at once if the child exits first)."""
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the child never reached its write"
        time.sleep(0.01)


def _hold_write_lock(path):
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    return holder


def test_cli_waits_for_a_short_lock_and_reports_a_long_one(tmp_path, store, unit, db_path):
    src = roster(tmp_path / "r.csv", floors=2, per_floor=2)
    holder = _hold_write_lock(db_path)
    cmd, e = main_py(tmp_path, "--db", db_path, "import-roster", src, "--unit", f"{STREET}/7幢/1单元", "--create",
                     LIFTDESK_BUSY_TIMEOUT_MS="300")
    out = subprocess.run(cmd, env=e, capture_output=True, text=True, timeout=60)
    holder.rollback()
    assert out.returncode == 2
    assert BUSY in out.stderr and "Traceback" not in out.stderr
    with pytest.raises(LiftDeskError):
        places.resolve_unit(store, f"{STREET}/7幢/1单元")
    # A lock released within the timeout: the writer waits and succeeds.
    holder.execute("BEGIN IMMEDIATE")
    ready = tmp_path / "ready"
    cmd, e = main_py(tmp_path, "--db", db_path, "import-roster", src, "--unit", f"{STREET}/7幢/1单元", "--create",
                     LIFTDESK_BUSY_TIMEOUT_MS="20000")
    cmd = [sys.executable, "-c", SIGNALS_READY, ready, db_path, *cmd[1:]]
    proc = subprocess.Popen(cmd, env=e, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for(ready, proc)  # the child has begun its write and is blocked on our lock
    assert proc.poll() is None
    holder.rollback()
    holder.close()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert places.resolve_unit(store, f"{STREET}/7幢/1单元")


def test_a_write_in_the_core_waits_then_gives_the_busy_message(store, unit, db_path):
    holder = _hold_write_lock(db_path)
    slow = open_store(db_path, busy_timeout=200)
    try:
        started = time.monotonic()
        with pytest.raises(StoreError) as err:
            registry.add_unit(slow, store.db.execute("SELECT id FROM building").fetchone()[0], "2单元")
        assert BUSY in str(err.value)
        assert time.monotonic() - started >= 0.15  # it waited for the lock, it did not fail at once
    finally:
        holder.rollback()
        holder.close()
    registry.add_unit(slow, store.db.execute("SELECT id FROM building").fetchone()[0], "2单元")
    slow.close()


def test_every_write_transaction_begins_immediate(store, unit):
    seen = []
    store.db.conn.set_trace_callback(seen.append)
    registry.add_unit(store, store.db.execute("SELECT id FROM building").fetchone()[0], "3单元")
    store.db.conn.set_trace_callback(None)
    begins = [s for s in seen if s.upper().startswith("BEGIN")]
    assert begins and all(s.upper() == "BEGIN IMMEDIATE" for s in begins), seen


def test_gui_and_cli_work_side_by_side(qtbot, tmp_path, store, unit, db_path, monkeypatch):
    from liftdesk.common.settings import Settings
    from ui import messages
    from ui.app import init_app
    from ui.main_window import MainWindow

    from .test_gui import _edit_cell

    shown = []
    monkeypatch.setattr(messages, "error", lambda parent, text: shown.append(text))
    init_app("zh", 12)
    window = MainWindow(store, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_unit(unit)
    table = window.unit_page.table
    src = roster(tmp_path / "r.csv")
    procs = []
    for n in range(3):
        cmd, e = main_py(tmp_path, "--db", db_path, "import-roster", src, "--unit", f"{STREET}/8幢/{n + 1}单元",
                         "--create")
        procs.append(subprocess.Popen(cmd, env=e, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    areas = ["61", "62.5", "63", "64.25", "65"]
    for row, area in enumerate(areas):  # edits by keyboard while the imports run
        _edit_cell(qtbot, table, row, 2, area)
    for p in procs:
        _, err = p.communicate(timeout=60)
        assert p.returncode == 0, err
    assert shown == []
    households = registry.unit_households(store, unit)
    assert [h.area_x100 for h in households[:5]] == [6100, 6250, 6300, 6425, 6500]
    assert len(registry.unit_households(store, places.resolve_unit(store, f"{STREET}/8幢/3单元"))) == 60
    # A lock held past the timeout: the GUI says so in a message box, nothing is written.
    store.db.conn.execute("PRAGMA busy_timeout = 200")
    holder = _hold_write_lock(db_path)
    try:
        _edit_cell(qtbot, table, 5, 2, "99")
        qtbot.waitUntil(lambda: bool(shown))
    finally:
        holder.rollback()
        holder.close()
    assert BUSY in shown[-1]
    assert registry.unit_households(store, unit)[5].area_x100 == 6000
    _edit_cell(qtbot, table, 5, 2, "66")
    assert registry.unit_households(store, unit)[5].area_x100 == 6600
    store.db.conn.execute(f"PRAGMA busy_timeout = {os.environ.get('LIFTDESK_BUSY_TIMEOUT_MS', 5000)}")
