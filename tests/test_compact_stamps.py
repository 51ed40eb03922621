"""A file half the size (issue 24): short ids, record stamps stored as integers and read through
generated columns (0151), narrower indexes (0150, 0152) and the log's names as integers (0153).
What every reader sees stays as it was; the tests below prove it on an upgraded district."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from liftdesk.errors import LiftDeskError
from liftdesk.store import changelog, open_store, records, stamps
from liftdesk.store.schema import USER_TABLES
from liftdesk.sync import enrol, exchange

from tests.sync_helpers import PASSPHRASE
from tests.test_change_log_compact import _facts, _freelist

NEW = ("0150_indexes_lead_with_parent", "0151_compact_stamps", "0152_narrow_indexes", "0153_log_names",
       "0155_log_station_index")
OLD_INDEXES = (
    "CREATE INDEX idx_position_current ON position(household_id, deleted, written, respondent, on_date, hlc, position)",
    "CREATE INDEX idx_household_ballot ON household(deleted, unit_id, id, room, floor, area_x100)",
    "CREATE INDEX idx_ownership_ballot ON ownership(deleted, household_id, person_id)",
    "CREATE INDEX idx_person_search ON person(deleted, name, phone)",
    "CREATE INDEX idx_05_household ON household(unit_id)",
    "CREATE INDEX idx_07_person ON person(name)",
    "CREATE INDEX idx_08_person ON person(phone)",
    "CREATE INDEX idx_09_ownership ON ownership(household_id)",
    "CREATE INDEX idx_position_meeting_id ON position(meeting_id)",
    "CREATE INDEX idx_ownership_transfer ON ownership_transfer(household_id, deleted, on_date, hlc)",
)


def to_text_stamps(path) -> None:
    """Write a file of today's layout back as the code before these migrations kept it: text
    stamps in every record, the log's names as text, the wider indexes."""
    con = sqlite3.connect(path)
    for table in USER_TABLES:
        for name in [r[1] for r in con.execute(f"PRAGMA index_list({table})") if not r[1].startswith("sqlite_")]:
            con.execute(f"DROP INDEX {name}")
        for column in stamps.GENERATED:
            con.execute(f"ALTER TABLE {table} ADD COLUMN text_{column} TEXT")
        con.execute(f"UPDATE {table} SET " + ", ".join(f"text_{c} = {c}" for c in stamps.GENERATED))
        for column in (*stamps.GENERATED, *stamps.STORED_FIELDS):
            con.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        for column in stamps.GENERATED:
            con.execute(f"ALTER TABLE {table} RENAME COLUMN text_{column} TO {column}")
    con.executescript(f"""
        DROP VIEW change_log;
        ALTER TABLE change_entry RENAME TO change_entry_codes;
        {changelog.TABLE_SQL_V1};
        INSERT INTO change_entry (seq, {changelog.COLUMNS_V1})
            SELECT c.seq, t.name, c.record_id, o.name, c.field, c.old, c.new, c.hlc, c.station, c.hlc_station,
                   coalesce(a.name, ''), c.action_id
            FROM change_entry_codes c JOIN log_name t ON t.n = c.tbl JOIN log_name o ON o.n = c.op
                LEFT JOIN log_name a ON a.n = c.actor;
        DROP TABLE change_entry_codes;
        DROP TABLE log_name;
        {changelog.VIEW_SQL_V1};
        {';'.join(changelog.INDEX_SQL_V1)};
        {';'.join(OLD_INDEXES)};""")
    con.executemany("DELETE FROM _sqlite_migrations WHERE name = ?", [[n] for n in NEW])
    con.commit()
    con.close()


def test_an_upgraded_district_keeps_every_count_verdict_report_history_and_sync(small_district, tmp_path):
    before, after = tmp_path / "before" / "d.db", tmp_path / "after" / "d.db"
    for p in (before, after):
        p.parent.mkdir()
        shutil.copy(small_district, p)
    to_text_stamps(after)
    con = sqlite3.connect(after)
    assert con.execute("SELECT typeof(hlc), typeof(created_at) FROM household LIMIT 1").fetchone() == ("text", "text")
    con.execute("VACUUM")
    con.close()
    size = after.stat().st_size
    open_store(after).close()   # the upgrade, then the rewrite
    con = sqlite3.connect(after)
    assert {"created_ms", "hlc_n", "hlc_station"} <= {r[1] for r in con.execute("PRAGMA table_info(household)")}
    assert "hlc" not in {r[1] for r in con.execute("PRAGMA table_info(household)")}   # generated, not stored
    con.close()
    assert _freelist(after) == 0 and after.stat().st_size < size * 0.85
    old, new = _facts(before), _facts(after)
    assert new["counts"] == old["counts"] and new["verdicts"] == old["verdicts"]
    assert new["report"] == old["report"] and new["funnel"] == old["funnel"]
    assert new["log"] == old["log"] and new["history"] == old["history"]
    assert new["station"] == old["station"] and new["station"]["household"]


def _stamps(store, table, rid):
    return store.db.execute(f"SELECT created_at, updated_at, hlc, station_id FROM {table} WHERE id = ?",
                            [rid]).fetchone()


def test_stamps_read_as_text_and_a_change_keeps_the_creation_time(store):
    pid = records.insert(store, "person", {"name": "王芳", "phone": "13800000000"})
    created, updated, hlc, station = _stamps(store, "person", pid)
    insert = records.history(store, "person", pid)[0]
    assert hlc == insert.hlc and station == store.station_id and created == updated == stamps.stamp_time(hlc)
    assert store.db.execute("SELECT created_ms FROM person WHERE id = ?", [pid]).fetchone()[0] is None
    records.update(store, "person", pid, {"phone": "13900000000"})
    created2, updated2, hlc2, _ = _stamps(store, "person", pid)
    assert created2 == created and hlc2 > hlc and updated2 == stamps.stamp_time(hlc2)
    assert records.history(store, "person", pid)[-1].hlc == hlc2
    # the text stamps are what a caller sees: the stored columns stay inside the store
    assert not set(records.get(store, "person", pid)) & set(stamps.STORED_FIELDS)
    with pytest.raises(LiftDeskError):
        records.update(store, "person", pid, {"hlc_n": 1})
    with pytest.raises(LiftDeskError):
        records.insert(store, "person", {"name": "李四", "created_ms": 1})


def test_a_given_creation_time_is_kept(store):
    pid = records.insert(store, "person", {"name": "张三", "created_at": "2021-03-04T05:06:07.089Z"})
    assert _stamps(store, "person", pid)[0] == "2021-03-04T05:06:07.089Z"
    records.set_deleted(store, "person", pid, True)
    assert _stamps(store, "person", pid)[0] == "2021-03-04T05:06:07.089Z"


def test_the_district_keeps_a_station_records_creation_time_through_its_edits(tmp_path):
    district = open_store(tmp_path / "district.db", actor="区")
    records.insert(district, "district", {"name": "拱墅区"})
    street_district = district.db.execute("SELECT id FROM district").fetchone()[0]
    records.insert(district, "street", {"district_id": street_district, "name": "米市巷街道"})
    public, _ = enrol.district_init(district, PASSPHRASE)
    station = open_store(tmp_path / "station.db", actor="站")
    enrol.station_init(station, "站", public, "米市巷街道")
    keys = enrol.district_keys(district, PASSPHRASE)
    exchange.import_bundle(district, exchange.export_bundle(station).data, keys)
    exchange.accept_station(district, station.station_id, enrol.station_identity(station).keys.fingerprint, keys)
    pid = records.insert(station, "person", {"name": "赵六", "phone": "13700000000"})
    exchange.import_bundle(district, exchange.export_bundle(station).data, keys)
    assert _stamps(district, "person", pid) == _stamps(station, "person", pid)
    records.update(station, "person", pid, {"phone": "13700000001"})
    exchange.import_bundle(district, exchange.export_bundle(station).data, keys)
    assert district.db.execute("SELECT phone FROM person WHERE id = ?", [pid]).fetchone()[0] == "13700000001"
    assert _stamps(district, "person", pid) == _stamps(station, "person", pid)
    assert _stamps(district, "person", pid)[0] != _stamps(district, "person", pid)[1]
    district.close()
    station.close()


def test_a_records_log_rows_are_found_through_the_index(store):
    """The log's record index is over the id's tail (0153); SQLite uses it only if a query names
    `record_key` and keeps `record_id` out of the key's expression (`+record_id`)."""
    from liftdesk.history import recycle
    from liftdesk.people import erasure
    from liftdesk.sync import merge

    pid = records.insert(store, "person", {"name": "钱七", "phone": "13600000000"})
    records.update(store, "person", pid, {"phone": "13600000001"})
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    try:
        records.history(store, "person", pid)
        recycle._uninserted(store, "person", pid)
        merge.insert_hlc(store, "person", pid)
        erasure.purge_person(store, pid)
    finally:
        store.db.conn.set_trace_callback(None)
    lookups = {s for s in statements if "change_log" in s and "record_id" in s.split("WHERE", 1)[-1] and pid in s
               and s.lstrip().upper().startswith("SELECT")}
    assert len(lookups) >= 4
    for sql in lookups:
        plan = " ".join(str(r[3]) for r in store.db.execute("EXPLAIN QUERY PLAN " + sql))
        assert "idx_change_entry_record" in plan, (sql, plan)


def test_the_clock_starts_past_the_highest_stamp_kept_beside_the_log(db_path):
    """The log has no index over every row's stamp (0155): the highest is kept as the log grows."""
    from liftdesk.store.clock import parse_hlc

    s = open_store(db_path, actor="t")
    assert not s.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'idx_change_entry_hlc'").fetchone()
    records.insert(s, "person", {"name": "孙八"})
    future = f"{parse_hlc(s.clock.tick())[0] + 3_600_000:013d}-0007-feedfacecafe"
    changelog.append(s.db, [("person", "x" * 16, "update", "phone", "", "1", "", future, "feedfacecafe", "", None)])
    s.db.conn.commit()
    kept = s.db.execute("SELECT value FROM liftdesk_meta WHERE key = ?", [changelog.TOP_KEY]).fetchone()
    assert kept == (future,)
    assert changelog.latest_hlc(s.db) == future == s.db.execute(
        "SELECT hlc FROM change_log ORDER BY hlc_n DESC LIMIT 1").fetchone()[0]
    s.close()
    s = open_store(db_path, actor="t")
    assert s.clock.tick() > future   # never behind a stamp the file has seen
    s.close()


def _before_0151():
    from sqlite_utils import Database

    from liftdesk.store.schema import migrations

    db = Database(memory=True)
    for migration in migrations._migrations:
        if migration.name == "0151_compact_stamps":
            return db, migration.fn
        migration.fn(db)
    raise AssertionError("no 0151")


def _shapes(db) -> dict:
    return {t: (db.execute(f"PRAGMA table_xinfo({t})").fetchall(),
                sorted(db.execute("SELECT name, sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index',"
                                  " 'trigger')", [t]).fetchall()))
            for t in USER_TABLES}


def test_a_new_file_gets_the_tables_an_upgrade_gets():
    """0151 makes an empty table again whole (a new file: 0.7 s less to create) and ALTERs a full
    one (an upgrade): both must come out the same, column by column, index by index."""
    fresh, step = _before_0151()
    step(fresh)
    full, step = _before_0151()
    full.execute("PRAGMA foreign_keys = OFF")
    for table in USER_TABLES:   # a row in every table sends 0151 the ALTER way
        values = {}
        for _, name, kind, notnull, default, pk in full.execute(f"PRAGMA table_info({table})").fetchall():
            if notnull and default is None or pk:
                values[name] = 1 if kind.upper().startswith("INT") else "x"
        values.update(id="0" * 16, created_at="2021-03-04T05:06:07.089Z", updated_at="2021-03-04T05:06:07.089Z",
                      hlc="1614834367089-0000-abc", station_id="abc")
        full.execute(f"INSERT INTO {table} ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                     list(values.values()))
    step(full)
    assert _shapes(fresh) == _shapes(full)
    assert full.execute("SELECT created_at, hlc FROM person").fetchone() == (
        "2021-03-04T05:06:07.089Z", "1614834367089-0000-abc")
