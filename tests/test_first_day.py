"""A station's first day: the demo is marked and never enrolled, new databases and consistent
copies, recent files, and a CLI that works with no console (sys.stdout is None on Windows)."""

from __future__ import annotations

import json
import sqlite3
import sys

import pytest

from liftdesk.cli.main import main as cli_main
from liftdesk.common.settings import Settings, recent_databases, remember_database
from liftdesk.errors import LiftDeskError
from liftdesk.places import registry
from liftdesk.store import files, open_store, purpose
from liftdesk.sync import enrol

from .sync_helpers import PASSPHRASE


def test_the_demo_is_marked_in_its_file_and_an_empty_database_is_not(small_district_db, tmp_path):
    demo = open_store(small_district_db, readonly=True)
    try:
        assert purpose.is_demo(demo)
    finally:
        demo.close()
    empty = open_store(tmp_path / "empty.db")
    try:
        assert not purpose.is_demo(empty)
    finally:
        empty.close()


def _district_key(tmp_path):
    district = open_store(tmp_path / "district.db")
    try:
        public, _ = enrol.district_init(district, PASSPHRASE)
    finally:
        district.close()
    return enrol.write_keyfile(public, tmp_path / "district.key")


def test_station_init_refuses_the_demo_and_changes_nothing(small_district, tmp_path, capsys):
    key = _district_key(tmp_path)
    before = small_district.read_bytes()
    code = cli_main(["--db", str(small_district), "station-init", "--name", "一站", "--district-key", str(key)])
    assert code == 2
    assert "请用空数据库登记工作站；演示数据不能同步" in capsys.readouterr().err
    store = open_store(small_district, readonly=True)
    try:
        assert enrol.role(store) is None
    finally:
        store.close()
    assert small_district.read_bytes() == before
    # an empty database enrols as before
    assert cli_main(["--db", str(tmp_path / "new.db"), "station-init", "--name", "一站", "--district-key",
                     str(key)]) == 0


def test_a_new_database_never_overwrites_a_file(tmp_path):
    path = files.create_database(tmp_path / "work.db")
    store = open_store(path, create=False)
    try:
        assert store.db.execute("SELECT count(*) FROM street").fetchone() == (0,)
        assert not purpose.is_demo(store)
    finally:
        store.close()
    with pytest.raises(LiftDeskError) as err:
        files.create_database(path)
    assert err.value.key == "db.exists"
    with pytest.raises(LiftDeskError) as err:
        files.create_database(tmp_path / "no-such-folder" / "x.db")
    assert err.value.key == "db.no_folder"


def test_a_copy_of_a_live_database_holds_what_is_still_in_its_wal(tmp_path):
    """The copy is taken while the database is open with unmerged WAL pages: a raw copy of the
    main file alone would miss them; the backup API's snapshot does not."""
    store = open_store(tmp_path / "live.db")
    try:
        store.db.execute("PRAGMA wal_autocheckpoint = 0")
        district = registry.default_district(store)
        for n in range(5):
            registry.add_street(store, district, f"第{n}街道")
        assert (tmp_path / "live.db-wal").stat().st_size > 0
        copy = files.save_copy(store.path, tmp_path / "copy.db")
        with pytest.raises(LiftDeskError) as err:
            files.save_copy(store.path, tmp_path / "live.db")
        assert err.value.key == "db.same_file"
        with pytest.raises(LiftDeskError) as err:
            files.save_copy(store.path, copy)
        assert err.value.key == "db.exists"
    finally:
        store.close()
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("SELECT count(*) FROM street WHERE deleted = 0").fetchone() == (5,)
    finally:
        conn.close()
    assert not (tmp_path / "copy.db-wal").exists()


def test_recent_databases_newest_first_without_repeats_or_missing_files(tmp_path):
    settings = Settings(tmp_path / "settings.json")
    paths = [files.create_database(tmp_path / f"{n}.db") for n in range(3)]
    for path in paths + [paths[0]]:
        remember_database(settings, path)
    again = Settings(tmp_path / "settings.json")
    assert recent_databases(again) == [paths[0].resolve(), paths[2].resolve(), paths[1].resolve()]
    assert again.get("last_db") == str(paths[0].resolve())
    paths[2].unlink()
    assert recent_databases(again) == [paths[0].resolve(), paths[1].resolve()]


def run_without_console(argv: list[str]) -> int:
    """What a windowed Windows executable gets: no stdout and no stderr at all (set inside the
    test: pytest's capture puts its own streams back between a fixture and the test)."""
    import main as entry

    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = None
    try:
        return entry.main(argv)
    finally:
        sys.stdout, sys.stderr = saved


def test_a_command_with_no_console_writes_its_output_to_a_file_it_names(tmp_path):
    import main as entry

    db = files.create_database(tmp_path / "x.db")
    assert run_without_console(["--db", str(db), "info", "--json"]) == 0
    out = entry.console_log_path()
    assert out.parent == tmp_path / "data"
    assert json.loads(out.read_text(encoding="utf-8"))["streets"] == 0
    assert entry.CONSOLE_LOG in (tmp_path / "data" / "liftdesk.log").read_text(encoding="utf-8")  # named
    # a plain print, and an error on stderr: each lands in the file, nothing raises
    assert run_without_console(["--db", str(db), "info"]) == 0
    assert str(db) in out.read_text(encoding="utf-8")
    assert run_without_console(["--db", str(tmp_path / "missing.db"), "info"]) == 2
    assert "missing.db" in out.read_text(encoding="utf-8")


def test_qt_noise_is_dropped_and_every_other_message_goes_on(monkeypatch):
    from ui import qt_noise

    passed = []
    monkeypatch.setattr(qt_noise, "_previous", lambda mode, context, message: passed.append(message))
    locale = ('Detected locale "C" with character encoding "ANSI_X3.4-1968", which is not UTF-8.\n'
              'Qt depends on a UTF-8 locale, and has switched to "C.UTF-8" instead.')
    for message in ("This plugin does not support propagateSizeHints()", locale, "QPainter::begin: failed"):
        qt_noise._handler(None, None, message)
    assert passed == ["QPainter::begin: failed"]
