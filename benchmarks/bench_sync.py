"""Sync figures on the demo district. Prints; asserts nothing.

    python benchmarks/bench_sync.py --demo demo.db [--work DIR]

Every street of the demo becomes one station that *recorded* its own places, households, owners,
positions and project histories (same ids, station stamps); the district starts with only the
district and street records. Measures a street-sized station (the street nearest 5,000
households, topped up to 20,000 position records): export, import, re-import; then all 18
streets merged into one district; and the bundle size per 1,000 households.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from liftdesk.store import open_store, records  # noqa: E402
from liftdesk.sync import enrol, exchange, receipts  # noqa: E402
import liftdesk.places.scope  # noqa: E402,F401  (a station with a scope checks every write)

PASS = "benchmark passphrase"
# (table, parent column, parent table) in insert order; the street of a row is its parent's
CHAIN = [("community", "street_id", "street"), ("estate", "community_id", "community"),
         ("building", "estate_id", "estate"), ("unit", "building_id", "building"),
         ("team", "street_id", "street"), ("helper", "team_id", "team"),
         ("project", "unit_id", "unit"), ("stage_event", "project_id", "project"),
         ("household", "unit_id", "unit"), ("ownership", "household_id", "household"),
         ("position", "household_id", "household"), ("group_member", "project_id", "project"),
         ("meeting", "project_id", "project"), ("attendance", "meeting_id", "meeting"),
         ("followup", "project_id", "project"), ("diary_entry", "project_id", "project")]
SKIP = {"id", "updated_at", "station_id", "hlc", "deleted"}


def split_by_street(demo) -> tuple[dict, dict]:
    """{street id: {table: [rows]}} read once from the demo."""
    street_of: dict[tuple[str, str], str] = {("street", r[0]): r[0] for r in demo.db.execute("SELECT id FROM street")}
    out: dict[str, dict[str, list]] = {sid: {} for (_, sid) in street_of}
    for table, col, parent in CHAIN:
        cur = demo.db.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cur.description]
        for row in cur:
            rec = dict(zip(names, row))
            ref = rec[col] or (rec.get("building_id") if table == "project" else None)
            street = street_of.get((parent if rec[col] else "building", ref))
            if street is None:
                continue
            street_of[(table, rec["id"])] = street
            out[street].setdefault(table, []).append(
                {k: v for k, v in rec.items() if k not in SKIP or k == "id"})
    persons = {r[0]: r for r in demo.db.execute("SELECT id, created_at, name, phone, id_ref FROM person")}
    for sid, tables in out.items():
        seen = {o["person_id"] for o in tables.get("ownership", [])}
        tables["person"] = [{"id": p, "created_at": persons[p][1], "name": persons[p][2], "phone": persons[p][3],
                             "id_ref": persons[p][4]} for p in sorted(seen) if p in persons]
    return out, {sid: name for sid, name in demo.db.execute("SELECT id, name FROM street")}


ORDER = ["community", "estate", "building", "unit", "team", "helper", "project", "stage_event", "household",
         "person", "ownership", "position", "group_member", "meeting", "attendance", "followup", "diary_entry"]


def make_station(work: Path, district, keys, public, name: str, tables: dict, extra_positions: int = 0,
                 prefix: str = "station"):
    path = work / f"{prefix}-{name}.db"
    s = open_store(path, actor=name)
    enrol.station_init(s, name, public, name)
    exchange.import_bundle(district, exchange.export_bundle(s).data, keys)
    # a person compared the fingerprint (issue 19): the station is accepted before its receipt
    exchange.accept_station(district, s.station_id, enrol.station_identity(s).keys.fingerprint, keys)
    data, _ = receipts.make_receipt(district, s.station_id)
    receipts.apply_receipt(s, data)
    with s.db.atomic():
        for table in ORDER:
            rows = tables.get(table, [])
            if rows:
                records.insert_many(s, table, rows)
        if extra_positions:
            rng = random.Random(7)
            hh = [h["id"] for h in tables["household"]]
            records.insert_many(s, "position", [
                {"household_id": rng.choice(hh), "position": rng.choice(["support", "oppose", "abstain"]),
                 "on_date": "2024-05-01", "method": "visit", "respondent": "owner"} for _ in range(extra_positions)])
    return s


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--demo", type=Path, required=True, help="a demo database (main.py --db X demo)")
    parser.add_argument("--work", type=Path, help="keep the files here (default: a temp folder)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-sync-"))
    work.mkdir(parents=True, exist_ok=True)
    demo = open_store(args.demo)
    t0 = time.perf_counter()
    by_street, street_names = split_by_street(demo)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (wall times suffer when it is high)")
    print(f"read the demo by street: {time.perf_counter() - t0:.1f} s")

    district = open_store(work / "district.db", actor="district")
    drow = demo.db.execute("SELECT id, name, consent_scope, rule_preset, written_only FROM district").fetchone()
    records.insert(district, "district", {"id": drow[0], "name": drow[1], "consent_scope": drow[2],
                                          "rule_preset": drow[3], "written_only": drow[4]})
    records.insert_many(district, "street", [{"id": sid, "district_id": d, "name": n, "seq": q} for sid, d, n, q in
                                             demo.db.execute("SELECT id, district_id, name, seq FROM street")])
    demo.close()
    public, _ = enrol.district_init(district, PASS)
    keys = enrol.district_keys(district, PASS)

    # --- one street-sized station ---------------------------------------------------------------
    sizes = {sid: len(t.get("household", [])) for sid, t in by_street.items()}
    big = min(sizes, key=lambda sid: abs(sizes[sid] - 5000))
    have = len(by_street[big].get("position", []))
    copy = sqlite3.connect(work / "single-district.db")
    district.db.conn.backup(copy)  # a consistent copy, WAL included
    copy.close()
    single = open_store(work / "single-district.db", actor="district")
    s = make_station(work, single, keys, public, street_names[big], by_street[big], max(0, 20000 - have),
                     prefix="street-sized")
    positions = s.db.execute("SELECT count(*) FROM position").fetchone()[0]
    t, c = time.perf_counter(), time.process_time()
    exported = exchange.export_bundle(s, work / "street.liftsync")
    t_export, c_export = time.perf_counter() - t, time.process_time() - c
    t, c = time.perf_counter(), time.process_time()
    result = exchange.import_bundle(single, exported.data, keys)
    t_import, c_import = time.perf_counter() - t, time.process_time() - c
    t, c = time.perf_counter(), time.process_time()
    again = exchange.import_bundle(single, exported.data, keys)
    t_reimport, c_reimport = time.perf_counter() - t, time.process_time() - c
    size = len(exported.data)
    print(f"street-sized station {street_names[big]}: {sizes[big]:,} households, {positions:,} position records, "
          f"{exported.manifest['changes']:,} changes")
    print(f"  export   {t_export:.2f} s (CPU {c_export:.2f} s)   bundle {size / 1e6:.2f} MB ({size / sizes[big] * 1000 / 1e6:.2f} MB per 1,000 households)")
    print(f"  import   {t_import:.2f} s (CPU {c_import:.2f} s)   {result.counts.as_json()}")
    print(f"  re-import {t_reimport:.2f} s (CPU {c_reimport:.2f} s)  {again.counts.as_json()}")
    s.close()
    single.close()

    # --- all 18 streets, one station each --------------------------------------------------------
    files, total_hh, total_bytes = [], 0, 0
    t = time.perf_counter()
    for sid, tables in by_street.items():
        st = make_station(work, district, keys, public, street_names[sid], tables)
        files.append(exchange.export_bundle(st).data)
        st.close()
        total_hh += len(tables.get("household", []))
    t_prepare = time.perf_counter() - t
    total_bytes = sum(len(f) for f in files)
    t, c = time.perf_counter(), time.process_time()
    for data in files:
        exchange.import_bundle(district, data, keys)
    t_merge, c_merge = time.perf_counter() - t, time.process_time() - c
    hh = district.db.execute("SELECT count(*) FROM household").fetchone()[0]
    pos = district.db.execute("SELECT count(*) FROM position").fetchone()[0]
    print(f"18 stations prepared and exported in {t_prepare:.1f} s; bundles {total_bytes / 1e6:.1f} MB "
          f"({total_bytes / total_hh * 1000 / 1e6:.2f} MB per 1,000 households)")
    print(f"merge of all 18 streets at the district: {t_merge:.1f} s (CPU {c_merge:.1f} s) -> {hh:,} households, {pos:,} positions")
    district.close()
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
