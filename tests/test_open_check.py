"""The open check off the critical path (#24 item 1): the window paints before the check ends, a
write waits for it, a damaged file is refused before any write; a full check after an unclean end
and on a schedule; a read-only answer with no check when the file is as last checked."""

import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject

from liftdesk.common.settings import Settings
from liftdesk.errors import StoreError
from liftdesk.places import registry
from liftdesk.store import checks, connection, open_store

from .test_integrity import damage_btree_page


@pytest.fixture
def closed_db(store, unit, db_path):
    """A station database with one unit, checkpointed and closed (its check record forgotten)."""
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    checks._record_path(db_path).unlink(missing_ok=True)
    return db_path


@pytest.fixture
def slow_check(monkeypatch):
    """The open check made slow on purpose: it ends only when the test releases it."""
    release, started, ran = threading.Event(), threading.Event(), []
    real = checks.run_check

    def slow(path, full):
        started.set()
        ran.append(full)
        assert release.wait(30)
        return real(path, full)

    monkeypatch.setattr(checks, "run_check", slow)
    yield release, started, ran
    release.set()


class _Painted(QObject):
    def __init__(self):
        super().__init__()
        self.painted = False

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def test_the_window_paints_before_the_open_check_ends_and_a_write_waits_for_it(qtbot, closed_db, slow_check,
                                                                               monkeypatch):
    from ui import app as ui_app

    release, started, ran = slow_check
    monkeypatch.setattr(ui_app, "start_backup", lambda path, **kw: None)
    ui_app.init_app("zh", 12)
    bench = ui_app.Workbench(Settings())
    try:
        assert bench.open(closed_db)
        assert started.wait(10) and ran == [False]  # a quick check, in the background
        painted = _Painted()
        bench.window.installEventFilter(painted)
        bench.window.show()
        qtbot.waitUntil(lambda: painted.painted, timeout=10000)
        assert not bench.store.db.sound_yet()  # painted while the check still runs
        building = bench.store.db.execute("SELECT id FROM building").fetchone()[0]
        wrote = threading.Event()

        def write():
            other = open_store(closed_db, actor="t", defer_check=True)  # writes through a deferred check too
            try:
                registry.add_unit(other, building, "2单元")
            finally:
                other.close()
            wrote.set()

        writes = []
        monkeypatch.setattr(checks, "run_check", lambda path, full: (writes.append(full), release.wait(30))[0] and [])
        writer = threading.Thread(target=write)
        writer.start()
        time.sleep(0.3)
        assert not wrote.is_set()  # the write waits for its check
        release.set()
        assert wrote.wait(10)
        writer.join()
        qtbot.waitUntil(lambda: bench.store.db.sound_yet(), timeout=10000)
        registry.add_unit(bench.store, building, "3单元")  # the window's own write, after its check passed
    finally:
        release.set()
        if bench.window is not None:
            bench.window.close()
        bench.close()


def test_a_damaged_file_is_refused_before_any_write_and_the_backup_offered(qtbot, closed_db, monkeypatch):
    from ui import app as ui_app
    from ui import messages
    from liftdesk.store import backup

    good = backup.make_backup(closed_db, "manual")
    damage_btree_page(closed_db)
    before = closed_db.read_bytes()
    store = open_store(closed_db, actor="t", defer_check=True)  # opens: the check runs behind
    building = store.db.execute("SELECT id FROM building").fetchone()[0]
    with pytest.raises(StoreError) as err:
        registry.add_unit(store, building, "2单元")
    assert err.value.key == "db.damaged" and err.value.backup == good
    store.close()
    assert closed_db.read_bytes() == before
    offered = []
    monkeypatch.setattr(messages, "offer_backup", lambda parent, text, path: offered.append((text, path)) or False)
    monkeypatch.setattr(ui_app, "start_backup", lambda path, **kw: None)
    ui_app.init_app("zh", 12)
    bench = ui_app.Workbench(Settings())
    try:
        assert bench.open(closed_db)  # the window comes first …
        qtbot.waitUntil(lambda: bool(offered), timeout=10000)  # … then the refusal and the backup offer
        assert "已损坏" in offered[0][0] and offered[0][1] == str(good)
        assert not bench.window.isEnabled()
    finally:
        if bench.window is not None:
            bench.window.close()
        bench.close()
    assert closed_db.read_bytes() == before


def test_an_unclean_end_brings_a_full_check_and_a_clean_close_leaves_no_marker(closed_db, slow_check, monkeypatch):
    release, started, ran = slow_check
    store = open_store(closed_db, actor="t", defer_check=True)
    assert started.wait(10)
    release.set()
    store.db.confirm_sound()
    marker = store.open_marker
    assert marker is not None and marker.exists()
    store.close()
    assert not marker.exists() and ran == [False]
    # a session that never closed: its marker stays, its process is gone
    dead = marker.with_name(marker.name.rsplit("-", 1)[0] + "-999999")
    dead.touch()
    assert checks.stale_markers(closed_db) == [dead]
    store = open_store(closed_db, actor="t", defer_check=True)
    store.db.confirm_sound()
    store.close()
    assert ran == [False, True] and not dead.exists()  # a full check, then the marker is settled
    dead.touch()
    seen = []
    real = connection.check_integrity
    monkeypatch.setattr(connection, "check_integrity", lambda conn, full=False: seen.append(full) or real(conn, full))
    open_store(closed_db, actor="t").close()  # a check before returning: in full too
    assert seen == [True] and not dead.exists()


def test_the_full_check_runs_on_a_schedule_and_after_a_write(closed_db):
    assert checks.full_check_due(closed_db)
    assert checks.full_check_if_due(closed_db) == []
    assert not checks.full_check_due(closed_db)
    assert checks.full_check_if_due(closed_db) is None  # none due
    store = open_store(closed_db, actor="t")
    registry.add_street(store, registry.default_district(store), "新街道")
    store.close()
    assert not checks.full_check_due(closed_db)  # changed, but checked less than a day ago
    tomorrow = datetime.now(timezone.utc) + timedelta(days=1, minutes=1)
    assert checks.full_check_due(closed_db, now=tomorrow)


def test_a_read_only_answer_needs_no_check_when_the_file_is_as_last_checked(closed_db, monkeypatch):
    seen = []
    real = connection.check_integrity
    monkeypatch.setattr(connection, "check_integrity", lambda conn, full=False: seen.append(full) or real(conn, full))
    open_store(closed_db, readonly=True).close()
    assert seen == [False]  # never checked: a quick check first
    open_store(closed_db, readonly=True).close()
    assert seen == [False]  # as last checked: no check
    store = open_store(closed_db, actor="t")  # a write
    registry.add_street(store, registry.default_district(store), "新街道")
    store.close()
    open_store(closed_db, readonly=True).close()
    assert seen == [False, False]  # the writer needed no check either; its write changed the file
    damage_btree_page(closed_db)
    with pytest.raises(StoreError) as err:
        open_store(closed_db, readonly=True)
    assert err.value.key == "db.damaged"


def test_the_scheduled_check_in_the_app_tells_a_damaged_file_and_backs_nothing_up(qtbot, closed_db):
    from liftdesk.store import backup
    from ui.app import init_app, start_backup

    init_app("zh", 12)
    damage_btree_page(closed_db)
    told = []
    timer = start_backup(closed_db, on_damaged=lambda: told.append(True))
    try:
        qtbot.waitUntil(lambda: bool(told), timeout=20000)
    finally:
        timer.stop()
    assert backup.list_backups(closed_db) == []


def test_a_session_that_only_read_leaves_the_file_as_checked(closed_db, monkeypatch):
    open_store(closed_db, readonly=True).close()  # checked once
    store = open_store(closed_db, actor="t", defer_check=True)  # the app opens it, reads, closes
    store.db.execute("SELECT count(*) FROM household").fetchone()
    store.db.confirm_sound()
    store.close()
    wal = Path(str(closed_db) + "-wal")
    wal.unlink(missing_ok=True)
    wal.touch()  # the empty WAL a session leaves when a reader's connection outlives it
    seen = []
    monkeypatch.setattr(connection, "check_integrity", lambda conn, full=False: seen.append(full) or [])
    open_store(closed_db, readonly=True).close()
    assert seen == []  # an empty WAL is no write
    store = open_store(closed_db, actor="t")
    registry.add_street(store, registry.default_district(store), "新街道")
    store.close()
    open_store(closed_db, readonly=True).close()
    assert seen == [False]  # a write is
