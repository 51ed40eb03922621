"""Foundation figures on the demo district: demo generation, process start → first painted
window, opening a unit page, searching all households. Prints figures; asserts nothing.

    python benchmarks/bench_foundation.py [--db demo.db]   (builds a demo database if none given)
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    os.environ["LIFTDESK_DATA_DIR"] = str(tmp)
    db = args.db
    if db is None:
        db = tmp / "demo.db"
        started = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "demo"], check=True,
                       capture_output=True)
        print(f"demo generation (CLI, whole process)      {time.perf_counter() - started:8.2f} s   goal ≤ 60 s")

    starts = []
    for _ in range(5):
        before = time.time()
        out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "--screenshot",
                              str(tmp / "shot.png")], capture_output=True, text=True, check=True,
                             env=dict(os.environ, LIFTDESK_BENCH="1"))
        painted = float(next(line.split("=")[1] for line in out.stdout.splitlines() if line.startswith("first_paint")))
        starts.append(painted - before)
    print(f"process start → first painted window      {ms(statistics.median(starts))}   goal ≤ 1000 ms"
          f"   (median of 5, min {min(starts) * 1000:.0f} ms)")

    from PySide6.QtWidgets import QApplication

    from liftdesk.places import search
    from liftdesk.common.settings import Settings
    from liftdesk.store import open_store
    from ui.app import init_app
    from ui.main_window import MainWindow

    init_app("zh", 12)
    store = open_store(db)
    window = MainWindow(store, Settings(tmp / "settings.json"))
    window.show()
    QApplication.processEvents()
    units = [r[0] for r in store.db.execute("SELECT id FROM unit WHERE deleted = 0").fetchall()]
    rng = random.Random(1)
    times = []
    for unit_id in rng.sample(units, 50):
        t0 = time.perf_counter()
        window.open_unit(unit_id)
        QApplication.processEvents()
        times.append(time.perf_counter() - t0)
    print(f"open a unit page (incl. paint)            {ms(statistics.median(times))}   goal ≤ 50 ms"
          f"   (median of 50, max {max(times) * 1000:.1f} ms)")

    names = [r[0] for r in store.db.execute("SELECT name FROM person ORDER BY random() LIMIT 20")]
    phones = [r[0][-6:] for r in store.db.execute("SELECT phone FROM person WHERE phone != '' ORDER BY random() LIMIT 20")]
    queries = names + phones + ["101", "602", "王", "张伟"]
    times = []
    for q in queries:
        t0 = time.perf_counter()
        search.search_households(store, q)
        times.append(time.perf_counter() - t0)
    households = store.db.execute("SELECT count(*) FROM household").fetchone()[0]
    print(f"search all {households:,} households        {ms(statistics.median(times))}   goal ≤ 100 ms"
          f"   (median of {len(queries)}, max {max(times) * 1000:.1f} ms)")
    window.close()
    store.close()


if __name__ == "__main__":
    main()
