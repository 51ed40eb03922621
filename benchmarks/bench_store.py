"""What the store's safety costs on a district-sized database: opening (with quick_check), the full
integrity_check, an online backup, a restore, and a write under BEGIN IMMEDIATE.

    python benchmarks/bench_store.py --db demo.db     (a copy is used; the file is not changed)
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from liftdesk.places import registry  # noqa: E402
from liftdesk.store import backup, open_store  # noqa: E402
from liftdesk.store.sqlite_file import check_integrity, connect_ro  # noqa: E402


def timed(fn):
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        shutil.copy(args.db, db)
        open_store(db).close()  # migrate once, so the figures below are steady-state
        print(f"database: {db.stat().st_size / 1e6:.0f} MB")
        t, store = timed(lambda: open_store(db, readonly=True))
        store.close()
        print(f"open read-only (with quick_check): {t:.2f} s")
        t, store = timed(lambda: open_store(db))
        print(f"open for writing (with quick_check): {t:.2f} s")
        conn = connect_ro(db)
        print(f"quick_check: {timed(lambda: check_integrity(conn))[0]:.2f} s")
        print(f"integrity_check: {timed(lambda: check_integrity(conn, full=True))[0]:.2f} s")
        conn.close()
        building = store.db.execute("SELECT id FROM building LIMIT 1").fetchone()[0]
        t, _ = timed(lambda: registry.add_unit(store, building, "基准单元"))
        print(f"one write (BEGIN IMMEDIATE … COMMIT): {t * 1000:.1f} ms")
        t, made = timed(lambda: backup.make_backup(db, "manual", second=False))
        print(f"backup (integrity_check + online backup): {t:.2f} s")
        t, _ = timed(lambda: backup.preview(made))
        print(f"preview of a backup: {t:.2f} s")
        t, _ = timed(lambda: backup.restore(db, made))
        print(f"restore (check, backup current, copy back): {t:.2f} s")
        store.close()
        sqlite3.connect(db).close()


if __name__ == "__main__":
    main()
