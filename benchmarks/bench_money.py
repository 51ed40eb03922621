"""Plans and costs on the demo district: shares of every funded project, one project's page data,
the agreement PDF. Prints figures (wall and CPU time), no goals were set by the issue.

    python benchmarks/bench_money.py --db demo.db
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from liftdesk.money import funding, payments  # noqa: E402
from liftdesk.documents import generate  # noqa: E402
from liftdesk.places.places import unit_address  # noqa: E402
from liftdesk.store import open_store  # noqa: E402


def timed(fn, repeat: int = 5) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    store = open_store(args.db, readonly=True)
    projects = [r[0] for r in store.db.execute("SELECT project_id FROM funding_plan WHERE deleted = 0")]
    households = store.db.execute("SELECT count(*) FROM payment WHERE deleted = 0").fetchone()[0]

    def all_shares():
        for p in projects:
            table = funding.shares(store, p)
            assert table.sum_fen == table.owners_part_fen

    wall, cpu = timed(all_shares, 3)
    print(f"shares of all {len(projects)} funded projects      {wall:8.1f} ms  (CPU {cpu:.1f} ms; "
          f"{wall / max(len(projects), 1):.2f} ms a project)")
    one = projects[0]
    wall, cpu = timed(lambda: (funding.shares(store, one), payments.balances(store, one),
                               payments.reconcile(store, one), funding.running_costs(store, one)), 20)
    print(f"one project's 方案与费用 data (shares, balances, totals, running costs)  {wall:6.1f} ms  (CPU {cpu:.1f} ms)")
    unit = store.db.execute("SELECT unit_id FROM project WHERE id = ?", [one]).fetchone()[0]
    address = str(unit_address(store, unit))
    store.close()
    writable = open_store(args.db)
    with tempfile.TemporaryDirectory() as tmp:
        wall, cpu = timed(lambda: generate.print_document(writable, "cost-agreement", address, Path(tmp) / "a.pdf"), 5)
    print(f"费用分摊协议 PDF for one unit                   {wall:8.1f} ms  (CPU {cpu:.1f} ms)")
    print(f"payments in the demo: {households:,}")
    writable.close()


if __name__ == "__main__":
    main()
