import hashlib
import sqlite3

import pytest

from liftdesk.errors import StoreError
from liftdesk.store import backup, open_store, records
from liftdesk.store.clock import Clock
from liftdesk.store.ids import IdFactory, id_time_ms, is_id
from liftdesk.store.schema import migrations


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_ids_are_unique_time_ordered_text():
    factory = IdFactory()
    ids = [factory.new() for _ in range(5000)]
    assert len(set(ids)) == 5000
    assert ids == sorted(ids)
    assert all(len(i) == 16 and is_id(i) for i in ids)


def test_ids_made_now_sort_after_every_uuid_made_before_and_both_are_valid():
    """Files made before this id form keep their UUIDv7 ids: creation order must hold across both."""
    old = "01a24517-ddcc-7f03-86c3-b57e85ad254f"  # a UUIDv7 of 2026-12-05
    new = IdFactory(now_ms=lambda: id_time_ms(old) + 1).new()
    assert old < new and is_id(old) and is_id(new)
    assert id_time_ms(new) == id_time_ms(old) + 1
    for bad in ("", "x" * 16, "01A24517DDCC7F03", "0" * 15, "0" * 17, "0" * 20, None, 5):
        assert not is_id(bad)


def test_ids_stay_ordered_when_the_clock_stands_still():
    factory = IdFactory(now_ms=lambda: 1_700_000_000_000)
    ids = [factory.new() for _ in range(100)]
    assert ids == sorted(ids) and len(set(ids)) == 100
    assert id_time_ms(ids[0]) == 1_700_000_000_000


def test_hlc_never_goes_backwards_and_passes_observed_stamps():
    wall = [1000]
    clock = Clock("stationA", now_ms=lambda: wall[0])
    a = clock.tick()
    wall[0] = 900  # the wall clock jumps back
    b = clock.tick()
    assert b > a
    clock.observe("0000000005000-0003-stationB")
    c = clock.tick()
    assert c > "0000000005000-0003-stationB"


def test_new_database_has_schema_meta_and_wal(store):
    assert store.schema_version == len(migrations._migrations)
    assert store.meta("app") == "liftdesk"
    assert len(store.station_id) == 12
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert "household" in store.db.table_names()


def test_reopen_keeps_station_and_moves_clock_past_history(db_path):
    s = open_store(db_path)
    rid = records.insert(s, "person", {"name": "王芳"})
    stamp = records.get(s, "person", rid)["hlc"]
    station = s.station_id
    s.close()
    s = open_store(db_path)
    assert s.station_id == station
    assert s.clock.tick() > stamp
    s.close()


def test_every_record_has_the_common_fields_and_a_log_row(store):
    rid = records.insert(store, "person", {"name": "李强", "phone": "13800001234"})
    row = records.get(store, "person", rid)
    assert {"id", "created_at", "updated_at", "station_id", "hlc", "deleted"} <= set(row)
    assert row["deleted"] == 0 and row["station_id"] == store.station_id
    assert row["created_at"].endswith("Z")
    records.update(store, "person", rid, {"phone": "13900005678"})
    records.set_deleted(store, "person", rid, True)
    history = records.history(store, "person", rid)
    assert [h.op for h in history] == ["insert", "update", "delete"]
    assert (history[1].field, history[1].old, history[1].new) == ("phone", "13800001234", "13900005678")
    assert history[1].actor == "tester"
    assert history[0].hlc < history[1].hlc < history[2].hlc


def test_a_failed_transaction_leaves_no_record_and_no_log(store):
    before = store.db.execute("SELECT count(*) FROM change_log").fetchone()[0]
    with pytest.raises(sqlite3.IntegrityError):
        missing = "00000000-0000-7000-8000-000000000000"  # well-formed, so the foreign key is what fails
        records.insert_many(store, "ownership", [{"household_id": missing, "person_id": missing}])
    assert store.db.execute("SELECT count(*) FROM change_log").fetchone()[0] == before
    assert store.db.execute("SELECT count(*) FROM ownership").fetchone()[0] == 0


def test_common_fields_cannot_be_edited(store):
    rid = records.insert(store, "person", {"name": "李强"})
    with pytest.raises(Exception):
        records.update(store, "person", rid, {"station_id": "x"})


def test_corrupt_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "broken.db"
    path.write_bytes(b"this is not a database at all" * 100)
    digest = _digest(path)
    with pytest.raises(StoreError) as err:
        open_store(path)
    assert "不是 LiftDesk 数据库" in str(err.value)
    assert _digest(path) == digest


def test_truncated_sqlite_is_refused_and_untouched(tmp_path, store, db_path):
    records.insert(store, "person", {"name": "王芳"})
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    broken = tmp_path / "truncated.db"
    broken.write_bytes(db_path.read_bytes()[:5000])
    digest = _digest(broken)
    with pytest.raises(StoreError):
        open_store(broken)
    assert _digest(broken) == digest


def test_foreign_sqlite_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE things (x)")
    conn.commit()
    conn.close()
    digest = _digest(path)
    with pytest.raises(StoreError) as err:
        open_store(path)
    assert "不是 LiftDesk 数据库" in str(err.value)
    assert _digest(path) == digest


def test_database_from_a_newer_liftdesk_is_refused_and_untouched(db_path):
    s = open_store(db_path)
    s.db.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('liftdesk', '0099_future', 'x')")
    s.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    s.close()
    digest = _digest(db_path)
    with pytest.raises(StoreError) as err:
        open_store(db_path)
    assert "更新版本" in str(err.value) and "0099_future" in str(err.value)
    assert _digest(db_path) == digest


def test_migrating_an_older_database_backs_it_up_first(db_path, monkeypatch):
    s = open_store(db_path)
    records.insert(s, "person", {"name": "王芳"})
    s.close()

    def m9999_test(db):
        db.execute("CREATE TABLE extra_test (x TEXT)")

    monkeypatch.setattr(migrations, "_migrations", list(migrations._migrations)
                        + [migrations._Migration("9999_test", m9999_test)])
    s = open_store(db_path)
    assert s.schema_version == len(migrations._migrations)
    s.close()
    backups = list((db_path.parent / "backups").glob("station-*-migration.db.zst"))
    assert len(backups) == 1
    with backup.open_backup(backups[0]) as conn:
        assert conn.execute("SELECT name FROM person").fetchone()[0] == "王芳"
        assert "extra_test" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
