"""District report figures on the demo district: the overview (yearly table, funnel, charts) and
the .xlsx export. Prints; asserts nothing.

    python benchmarks/bench_report.py --db demo.db
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from liftdesk.reports import stats  # noqa: E402
from liftdesk.reports import report  # noqa: E402
from liftdesk.store import open_store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    store = open_store(args.db)
    runs = []
    for _ in range(10):
        t0 = time.perf_counter()
        stats.yearly_table(store), stats.funnel(store)
        runs.append(time.perf_counter() - t0)
    print(f"overview data (yearly table + funnel, core)   {statistics.median(runs) * 1000:7.1f} ms   goal ≤ 300 ms")

    from PySide6.QtWidgets import QApplication

    from ui.app import init_app
    from ui.pages.district_page import DistrictPage

    init_app("zh", 12)
    page = DistrictPage(store)
    page.resize(1000, 700)
    page.show()
    runs = []
    for tab in (0, 1, 2) * 3:
        page.tabs.setCurrentIndex(tab)
        t0 = time.perf_counter()
        page.refresh()
        QApplication.processEvents()
        runs.append(time.perf_counter() - t0)
    print(f"overview page refresh and paint (GUI)          {statistics.median(runs) * 1000:7.1f} ms   goal ≤ 300 ms")
    out = Path(tempfile.mkdtemp())
    for suffix in (".xlsx", ".csv", ".pdf"):
        t0 = time.perf_counter()
        report.export(stats.yearly_table(store), stats.funnel(store), "拱墅区", out / f"report{suffix}")
        print(f"export {suffix:5s} (data + file)                   {(time.perf_counter() - t0) * 1000:7.1f} ms"
              + ("   goal ≤ 2000 ms" if suffix == ".xlsx" else ""))
    store.close()


if __name__ == "__main__":
    main()
