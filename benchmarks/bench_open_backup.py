"""#24's figures for opening, backups and scoped queries, on a copy of a database (the demo by
default): process start → first painted window, read-only CLI commands, a backup's time and size
and a year of kept backups, all-unit verdicts (time and peak memory, streamed street by street),
a street's units and a page of the funnel's "all eligible" list. Prints figures; asserts nothing.

    python benchmarks/bench_open_backup.py [--db demo.db]   (builds a demo database if none given)

The database is copied into a temporary folder first: its backups and check records land there.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
MB = 1024 * 1024


def median_run(argv: list[str], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def first_paint(db: Path, out: Path, runs: int = 3) -> float:
    """Process start → the main window's first paint (the --screenshot path prints the moment)."""
    times = []
    for _ in range(runs):
        before = time.time()
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "--screenshot", str(out)],
                              capture_output=True, text=True, check=True, cwd=ROOT,
                              env=dict(os.environ, LIFTDESK_BENCH="1"))
        painted = next(float(line.split("=")[1]) for line in done.stdout.splitlines()
                       if line.startswith("first_paint"))
        times.append(painted - before)
    return statistics.median(times)


VERDICTS = """
import json, sys, time, tracemalloc
sys.path.insert(0, {root!r})
from liftdesk.consent import evaluation
from liftdesk.places import places
from liftdesk.store import open_store
store = open_store({db!r}, readonly=True)
setting = evaluation.district_rule(store)

def run():
    if {streamed!r}:
        return sum(1 for v in evaluation.iter_verdicts(store) if v.status)
    # as before: every household of the file at once
    units = places.list_units(store)
    by_unit = evaluation.load_ballots(store, "1", [], evaluation.LEGAL, setting.written_only,
                                      unit_names=setting.scope == "building")
    verdicts = evaluation._verdicts(store, units, by_unit, evaluation.load_rule(setting.rule), evaluation.LEGAL,
                                    setting.scope)
    evaluation._attach_people(store, [v.verdict for v in verdicts], shown_only=True)
    return len(verdicts)

started = time.perf_counter()
n = run()
took = time.perf_counter() - started
tracemalloc.start()  # a second run for the peak of what Python holds (tracing slows it down)
run()
peak = tracemalloc.get_traced_memory()[1]
print(json.dumps({{"units": n, "seconds": took, "peak_mb": peak / 1024 / 1024}}))
"""


def verdicts(db: Path, streamed: bool) -> dict:
    """In a process of its own, so that its peak memory is its own."""
    code = VERDICTS.format(root=str(ROOT), db=str(db), streamed=streamed)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout.strip().splitlines()[-1])


def year_of_backups(size: int) -> tuple[int, int]:
    """How many backups a year of daily backups (and 10 recent) keeps, and their total size at SIZE each."""
    from liftdesk.store import backup

    start = datetime(2025, 1, 1, 9, tzinfo=timezone.utc)
    taken = [start + timedelta(days=d) for d in range(365)]
    taken += [taken[-1] + timedelta(minutes=m) for m in range(1, 10)]  # import batches on the last day
    kept = len(backup.keep_set(taken))
    return kept, kept * size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-open-backup-"))
    os.environ["LIFTDESK_DATA_DIR"] = str(tmp / "data")
    db = tmp / "city.db"
    if args.db is None:
        subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "demo"], check=True,
                       capture_output=True, cwd=ROOT)
    else:
        shutil.copy(args.db, db)
    from liftdesk.places import places
    from liftdesk.reports import stats
    from liftdesk.store import backup, checks, open_store

    open_store(db).close()  # brought up to this version's schema once, as the app would
    py = [sys.executable, str(ROOT / "main.py"), "--db", str(db)]
    store = open_store(db, readonly=True)
    unit = next(u for u in places.list_units(store) if u.project)
    street = store.db.execute("SELECT name FROM street WHERE deleted = 0 ORDER BY seq LIMIT 1").fetchone()[0]
    counts = places.counts(store)
    store.close()
    print(f"database: {db.stat().st_size / MB:,.0f} MB, {counts['streets']} streets, {counts['units']:,} units, "
          f"{counts['households']:,} households; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    checks._record_path(db).unlink(missing_ok=True)
    started = time.perf_counter()
    subprocess.run(py + ["info", "--json"], check=True, capture_output=True, cwd=ROOT)
    print(f"info --json, file never checked (a quick check first)   {time.perf_counter() - started:6.2f} s")
    print(f"info --json                                  {median_run(py + ['info', '--json']):6.2f} s   "
          f"goal ≤ 0.5 s at 1×, ≤ 1.0 s at 15×  (median of 3)")
    print(f"consent UNIT --json                          "
          f"{median_run(py + ['consent', str(unit.address), '--json']):6.2f} s   (median of 3)")
    print(f"app start → first painted window             {first_paint(db, tmp / 'shot.png'):6.2f} s   "
          f"goal ≤ 0.8 s at 1×, ≤ 1.5 s at 15×  (median of 3, warm)")

    for streamed in (False, True):
        v = verdicts(db, streamed)
        label = "streamed street by street" if streamed else "all at once (before)     "
        print(f"all-unit verdicts, {label}  {v['seconds']:6.2f} s, peak {v['peak_mb']:6.0f} MB held by Python"
              f"  ({v['units']:,} units)")

    checks._record_path(db).unlink(missing_ok=True)  # as after a write: the backup checks in full
    started = time.perf_counter()
    made = backup.make_backup(db, "bench", second=False)
    full = time.perf_counter() - started
    started = time.perf_counter()
    again = backup.make_backup(db, "bench", second=False)
    quick = time.perf_counter() - started
    started = time.perf_counter()
    backup.check_backup(again, full=False)
    verify = time.perf_counter() - started
    size = made.stat().st_size
    print(f"backup after a write (full check + snapshot + zstd + verify)  {full:6.2f} s")
    print(f"backup, file checked since its last write    {quick:6.2f} s   (of which verify {verify:.2f} s)")
    print(f"backup size                                  {size / MB:6.1f} MB   "
          f"({db.stat().st_size / size:.1f}:1 of {db.stat().st_size / MB:,.0f} MB)")
    kept, total = year_of_backups(size)
    print(f"a year of backups ({kept} kept: recent, daily, weekly, monthly)  {total / MB / 1024:6.2f} GB   "
          f"goal ≤ 1.5 GB at 1×  (size cap {2048 / 1024:.0f} GB)")

    store = open_store(db, readonly=True)
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        places.list_units(store, street)
        runs.append(time.perf_counter() - started)
    print(f"a street's units ({street})               {statistics.median(runs) * 1000:6.0f} ms  (median of 5)")
    started = time.perf_counter()
    funnel = stats.funnel(store)
    ids = [i for v in funnel.ids["eligible"].values() for i in v]
    counted = time.perf_counter() - started
    started = time.perf_counter()
    stats.funnel_items(store, "eligible", ids, limit=stats.FUNNEL_PAGE)
    page = time.perf_counter() - started
    print(f"funnel counts {counted * 1000:6.0f} ms; its 'all eligible' list, first page of {stats.FUNNEL_PAGE} "
          f"of {len(ids):,}  {page * 1000:6.0f} ms")
    store.close()
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
