"""The compact change log (issue 24 item 2, migration 0110): an insert keeps no copy of its record,
stamps are integers, and files of the old layout and sync files written by the old code still work."""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from liftdesk.consent import evaluation, positions
from liftdesk.history import undo
from liftdesk.people import erasure, ownership, teams
from liftdesk.reports import stats
from liftdesk.store import changelog, open_store, records
from liftdesk.sync import enrol, exchange, receipts

from tests.sync_helpers import PASSPHRASE, World

OLD = Path(__file__).parent / "data" / "old_change_log"
MIGRATION = "0110_compact_change_log"


def _old_files(tmp: Path) -> dict[str, Path]:
    """The district and station files the old code wrote (tests/data/old_change_log/make.py)."""
    out = {}
    for name in ("district", "station"):
        out[name] = tmp / f"{name}.db"
        out[name].write_bytes(gzip.decompress((OLD / f"{name}.db.gz").read_bytes()))
    return out


def _rows(store, bundle_rows: list[list]) -> list[list]:
    """A sync file's rows without `at` (the old layout kept the wall time, the new one shows the HLC's).
    An insert names the values that differ from the column's default (the old code: those the caller
    gave, which may include a default); compared with the defaults left out."""
    out = []
    for r in bundle_rows:
        r = list(r)
        if r[3] == "insert":
            r[6] = changelog.without_defaults(json.loads(r[6]), changelog.defaults(store.db, r[1]))
        out.append(r[:7] + r[8:])
    return out


def test_old_layout_files_migrate_and_a_file_the_old_code_wrote_still_imports(tmp_path):
    files = _old_files(tmp_path)
    district = open_store(files["district"], actor="district")
    assert district.db.execute("SELECT 1 FROM _sqlite_migrations WHERE name = ?", [MIGRATION]).fetchone()
    assert district.db.execute("SELECT type FROM sqlite_master WHERE name = 'change_log'").fetchone()[0] == "view"
    keys = enrol.district_keys(district, PASSPHRASE)
    data = (OLD / "bundle.bin").read_bytes()
    old_rows = exchange.open_bundle(district, data, keys).payload["changes"]
    result = exchange.import_bundle(district, data, keys)
    assert (result.counts.new, result.counts.rejected, result.counts.held) == (7, 0, 0)
    station = open_store(files["station"], actor="长庆站")
    for table in ("household", "person", "ownership", "position"):
        sql = f"SELECT * FROM {table} ORDER BY id"
        assert district.db.execute(sql).fetchall() == station.db.execute(sql).fetchall(), table
    # the migrated station writes what the old code wrote: the inserts' values as they were then
    new_rows = exchange.open_bundle(
        district, exchange.export_bundle(station, all_changes=True, plaintext=True).data, keys).payload["changes"]
    assert len(new_rows) == len(old_rows) and _rows(station, new_rows) == _rows(station, old_rows)
    edited = [r for r in new_rows if r[1] == "person" and r[3] == "insert" and "欧阳" in r[6]]
    assert json.loads(edited[0][6])["phone"] == "13912345678"   # the value inserted, not today's
    # no copy of a record's content is left in the migrated log
    assert station.db.execute("SELECT count(*) FROM change_log WHERE op = 'insert' AND new IS NOT NULL"
                              ).fetchone()[0] == 0
    # and the erased resident stays erased in the migrated file
    assert "李四" not in json.dumps(station.db.execute("SELECT * FROM change_log").fetchall(), ensure_ascii=False)
    # undo still takes back the latest action of the migrated station (the purge is not undoable: the area edit)
    district.close()
    station.close()


def test_an_insert_followed_by_edits_travels_with_the_values_it_inserted(tmp_path):
    w = World(tmp_path)
    s = w.add_station("长庆站")
    hid = w.ids["households"][0]
    pid = ownership.add_person(s, "欧阳慧敏", "13912345678")
    ownership.add_owner(s, hid, pid, signer=True)
    records.update(s, "person", pid, {"phone": "13900000001"})
    records.update(s, "person", pid, {"phone": "13900000002", "name": "欧阳慧"})
    positions.record_position(s, hid, "支持")
    data = w.export("长庆站", all_changes=True, plaintext=True)
    rows = exchange.open_bundle(w.district, data, w.keys).payload["changes"]
    person = [r for r in rows if r[1] == "person" and r[2] == pid]
    assert [r[3] for r in person] == ["insert", "update", "update", "update"]
    assert json.loads(person[0][6]) == {"name": "欧阳慧敏", "phone": "13912345678"}
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)   # in the order they were made
    assert [r[8] for r in rows if r[9] == s.station_id] == sorted(r[8] for r in rows if r[9] == s.station_id)
    w.deliver(data)
    w.deliver(data)   # the same file again: the same inserts, nothing differs
    assert w.district.db.execute("SELECT name, phone FROM person WHERE id = ?", [pid]).fetchone() \
        == ("欧阳慧", "13900000002")
    # the district's history shows the insert with what it wrote
    first = records.history(w.district, "person", pid)[0]
    assert first.is_insert and first.values()["phone"] == "13912345678"
    w.close()


def test_stamps_are_integers_and_the_view_shows_the_old_text(tmp_path):
    s = open_store(tmp_path / "a.db")
    pid = ownership.add_person(s, "王芳")
    records.update(s, "person", pid, {"phone": "13912345678"})
    raw = s.db.execute("SELECT hlc, station, new FROM change_entry ORDER BY seq").fetchall()
    shown = s.db.execute("SELECT hlc, at, station_id, new FROM change_log ORDER BY seq").fetchall()
    assert all(type(h) is int and type(st) is int for h, st, _ in raw)
    assert raw[0][2] is None and shown[1][3] == "13912345678"    # an insert keeps no content
    for (value, _, _), (text, at, station, _) in zip(raw, shown):
        assert text == changelog.hlc_text(value, station) and changelog.hlc_int(text) == value
        assert at == changelog.at_of(value)
    assert s.db.execute("SELECT hlc FROM person WHERE id = ?", [pid]).fetchone()[0] == shown[-1][0]
    s.close()


def _freelist(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA freelist_count").fetchone()[0]
    finally:
        con.close()


def to_old_layout(path: Path) -> None:
    """Write a file of today's layout back in the layout before migration 0110 (what the old code
    kept: insert contents, text stamps, `at`), so the migration can be run on a copy of a district."""
    con = sqlite3.connect(path)
    db = Database(con)
    rows = [list(r) for r in con.execute(
        "SELECT seq, tbl, record_id, op, field, old, new, at, hlc, station_id, actor, action_id FROM change_log")]
    by_table: dict[str, list] = {}
    for r in rows:
        if r[3] == "insert" and r[6] is None:
            by_table.setdefault(r[1], []).append(r)
    for table, group in by_table.items():
        contents = changelog.insert_contents(db, table, [(r[2], r[0]) for r in group])
        for r in group:
            r[6] = changelog.content_text(contents[r[2]])
    con.executescript("""
        DROP VIEW change_log; DROP TABLE change_entry; DROP TABLE log_station; DROP TABLE log_name;
        CREATE TABLE change_log (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, record_id TEXT NOT NULL,
            op TEXT NOT NULL, field TEXT, old TEXT, new TEXT, at TEXT NOT NULL, hlc TEXT NOT NULL,
            station_id TEXT NOT NULL, actor TEXT NOT NULL DEFAULT '', action_id TEXT);
        CREATE INDEX idx_15_change_log ON change_log(hlc);
        CREATE INDEX idx_16_change_log ON change_log(tbl, record_id);
        CREATE INDEX idx_change_log_action ON change_log(action_id);""")
    con.executemany("INSERT INTO change_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    # the log's names (0153) come after 0110: that layout is made again from the one 0110 makes
    con.executemany("DELETE FROM _sqlite_migrations WHERE name = ?", [[MIGRATION], ["0153_log_names"],
                                                                             ["0155_log_station_index"]])
    con.commit()
    con.close()


def _facts(path: Path) -> dict:
    """Every count, every verdict and the district report of a file, and what a new station of its
    first street receives from it (the sync round trip)."""
    s = open_store(path, actor="district")
    tables = [r[0] for r in s.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                         " AND name NOT LIKE 'sqlite_%' AND name NOT IN ('change_entry', 'log_station', 'log_name',"
                                         " '_sqlite_migrations') ORDER BY name")]
    facts = {"counts": {t: s.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables},
             "log": s.db.execute("SELECT seq, tbl, record_id, op, field, old, new, hlc, station_id, actor, action_id"
                                 " FROM change_log ORDER BY seq").fetchall(),
             "verdicts": [repr(v) for v in evaluation.verdicts_under(s)],
             "report": stats.yearly_table(s).as_json(), "funnel": repr(stats.funnel(s))}
    facts["history"] = [[c.row() for c in records.history(s, "person", pid)]
                        for (pid,) in s.db.execute("SELECT id FROM person ORDER BY id LIMIT 50")]
    public, _ = enrol.district_init(s, PASSPHRASE)
    street = s.db.execute("SELECT name FROM street WHERE deleted = 0 ORDER BY seq, name LIMIT 1").fetchone()[0]
    st = open_store(path.with_name(path.stem + "-station.db"), actor="站")
    enrol.station_init(st, "站", public, street)
    keys = enrol.district_keys(s, PASSPHRASE)
    exchange.import_bundle(s, exchange.export_bundle(st).data, keys)
    exchange.accept_station(s, st.station_id, enrol.station_identity(st).keys.fingerprint, keys)
    data, _ = receipts.make_receipt(s, st.station_id)
    receipts.apply_receipt(st, data)
    facts["station"] = {t: st.db.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
                        for t in ("street", "unit", "household", "person", "ownership", "position", "project")}
    s.close()
    st.close()
    return facts


def test_the_migration_keeps_every_count_verdict_report_and_sync_of_a_district(small_district, tmp_path):
    before = tmp_path / "before" / "d.db"
    after = tmp_path / "after" / "d.db"
    for p in (before, after):
        p.parent.mkdir()
        shutil.copy(small_district, p)
    to_old_layout(after)
    con = sqlite3.connect(after)
    assert con.execute("SELECT count(*) FROM change_log WHERE op = 'insert' AND new IS NULL").fetchone()[0] == 0
    con.close()
    size = after.stat().st_size
    open_store(after).close()   # the upgrade, then the rewrite: nothing of the old log is left unused
    assert _freelist(after) == 0 and after.stat().st_size < size
    old, new = _facts(before), _facts(after)
    assert new["counts"] == old["counts"] and new["verdicts"] == old["verdicts"]
    assert new["report"] == old["report"] and new["funnel"] == old["funnel"]
    assert new["log"] == old["log"] and new["history"] == old["history"]
    assert new["station"] == old["station"] and new["station"]["household"]


def test_undo_and_erasure_work_on_a_migrated_file(tmp_path):
    files = _old_files(tmp_path)
    s = open_store(files["station"], actor="长庆站")
    hid = s.db.execute("SELECT record_id FROM change_log WHERE tbl = 'household' AND field = 'area_x100'").fetchone()[0]
    # the latest action the old code recorded (a position: an append-only fact) is taken back and redone
    retracted = s.db.execute("SELECT count(*) FROM retraction").fetchone()[0]
    assert undo.undo(s).label_key == "action.position"
    assert s.db.execute("SELECT count(*) FROM retraction").fetchone()[0] == retracted + 1
    undo.redo(s)
    team = teams.add_team(s, "帮帮团一队")
    undo.undo(s)
    assert s.db.execute("SELECT deleted FROM team WHERE id = ?", [team]).fetchone()[0] == 1
    keep = s.db.execute("SELECT id FROM person WHERE name = '欧阳慧'").fetchone()[0]
    report = erasure.purge_person(s, keep)
    assert report.persons == 1
    dump = json.dumps(s.db.execute("SELECT * FROM change_log").fetchall(), ensure_ascii=False)
    assert "欧阳慧" not in dump and "13912345678" not in dump
    assert s.db.execute("SELECT area_x100 FROM household WHERE id = ?", [hid]).fetchone()[0] == 9000
    s.close()
