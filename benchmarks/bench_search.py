"""Search figures on the demo district: writing every person's search document once (what the
background steps after migration 0120 do), then queries of each kind. Prints figures; asserts nothing.

    python benchmarks/bench_search.py [--db demo.db]   (builds a demo database if none given)
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from liftdesk.places import search  # noqa: E402
from liftdesk.store import open_store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="a demo database (copied; the original is not changed)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="liftdesk-bench-"))
    db = tmp / "demo.db"
    if args.db:
        shutil.copy(args.db, db)
    else:
        subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "demo"], check=True)
    store = open_store(db)
    store.db.execute("INSERT OR IGNORE INTO person_search_stale SELECT id FROM person")
    store.db.conn.commit()
    t0, c0 = time.perf_counter(), time.process_time()
    n = search.refresh_keys(store)
    print(f"search documents for {n:,} persons (once)   {time.perf_counter() - t0:.2f} s"
          f" (CPU {time.process_time() - c0:.2f} s)")

    rng = random.Random(7)
    people = store.db.execute("SELECT p.name, p.phone FROM person p JOIN ownership o ON o.person_id = p.id"
                              " WHERE p.deleted = 0 AND o.deleted = 0").fetchall()
    sample = rng.sample(people, 20)
    addresses = store.db.execute(
        "SELECT e.name, b.name, h.room FROM household h JOIN unit u ON u.id = h.unit_id"
        " JOIN building b ON b.id = u.building_id JOIN estate e ON e.id = b.estate_id").fetchall()
    kinds = {
        "name": [name for name, _ in sample],
        "phone (last 6)": [phone[-6:] for _, phone in sample if phone],
        "room": ["101", "602", "301", "1201"],
        "pinyin initials": [search.pinyin_keys(name)[0].split("|")[0] for name, _ in sample],
        "full pinyin": [search.pinyin_keys(name)[1].split("|")[0] for name, _ in sample],
        "address text": [f"{e} {b} {r}" for e, b, r in rng.sample(addresses, 20)],
        "one character": ["王", "张", "李"],
    }
    everything = []
    for kind, queries in kinds.items():
        search.search_households(store, queries[0])  # warm the place cache
        times, cpu = [], []
        for q in queries:
            t0, c0 = time.perf_counter(), time.process_time()
            search.search_households(store, q)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        everything += times
        print(f"{kind:<18} median {statistics.median(times) * 1000:6.1f} ms   max {max(times) * 1000:6.1f} ms"
              f"   CPU median {statistics.median(cpu) * 1000:6.1f} ms   ({len(queries)} queries)")
    households = store.db.execute("SELECT count(*) FROM household").fetchone()[0]
    print(f"all kinds, {households:,} households: median {statistics.median(everything) * 1000:.1f} ms"
          f"   (load average {os.getloadavg()[0]:.1f}: wall times grow with other work on the machine)")
    store.close()
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
