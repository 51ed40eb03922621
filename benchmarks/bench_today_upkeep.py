"""今日 over the demo district with its upkeep histories (inspections, visits, insurance, running-cost
bills) and open objections: the median of several runs must stay within 200 ms. Also times what is
due for the whole district alone. Prints the figures; exits 1 over budget.

    python benchmarks/bench_today_upkeep.py --db demo.db
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from liftdesk.projects import today
from liftdesk.store import open_store
from liftdesk.upkeep import due

BUDGET_MS = 200
SNAPSHOT = date(2023, 11, 15)  # the demo's own today: some lifts overdue, most in order


def timed(fn, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    copy = Path(tempfile.mkdtemp()) / "bench.db"
    shutil.copy(args.db, copy)
    store = open_store(copy)
    try:
        lifts = store.db.execute("SELECT count(DISTINCT project_id) FROM upkeep_visit").fetchone()[0]
        result = today.compute(store, SNAPSHOT)
        print(f"lifts with upkeep: {lifts}; due at {SNAPSHOT}: {len(result.upkeep)} "
              f"({', '.join(f'{k} {sum(1 for i in result.upkeep if i.ref == k)}' for k in due.KINDS)})")
        for label, day in (("snapshot", SNAPSHOT), ("real today", date.today())):
            ms = timed(lambda day=day: today.compute(store, day))
            print(f"今日 ({label}): {ms:.0f} ms median (budget {BUDGET_MS} ms)")
            if ms > BUDGET_MS:
                return 1
        print(f"upkeep due alone: {timed(lambda: due.compute(store, SNAPSHOT)):.0f} ms median")
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
