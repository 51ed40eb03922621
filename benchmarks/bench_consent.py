"""Consent figures on the demo district: every unit's verdict with its shortest visit list, and one
unit's. Prints wall time and this process's CPU time (the CPU figure stays meaningful on a busy
machine). Prints; asserts nothing.

    python benchmarks/bench_consent.py --db demo.db
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from liftdesk.consent import evaluation  # noqa: E402
from liftdesk.store import open_store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    store = open_store(args.db)
    for mode in (evaluation.LEGAL, evaluation.FORECAST):
        runs, cpu = [], []
        for _ in range(5):
            gc.collect()
            t0, c0 = time.perf_counter(), time.process_time()
            verdicts = evaluation.verdicts_under(store, mode=mode)
            runs.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            texts = [v.verdict.shortfall_text for v in verdicts]
            close = sum(v.status == "close" for v in verdicts)
            del verdicts, texts
        print(f"verdicts for all units ({mode:8s})   {statistics.median(runs) * 1000:8.1f} ms   goal ≤ 1000 ms"
              f"   (median of 5, min {min(runs) * 1000:.0f} ms; CPU median {statistics.median(cpu) * 1000:.0f} ms;"
              f" {close} units 差 1–2 户)")
    units = [r[0] for r in store.db.execute("SELECT id FROM unit WHERE deleted = 0")]
    times = []
    for unit_id in random.Random(3).sample(units, 200):
        t0 = time.perf_counter()
        evaluation.unit_verdict(store, unit_id).as_json()  # with names, phones and reasons
        times.append(time.perf_counter() - t0)
    print(f"one unit's verdict with visit list      {statistics.median(times) * 1000:8.2f} ms   goal ≤ 5 ms"
          f"   (median of 200, max {max(times) * 1000:.2f} ms)")
    store.close()


if __name__ == "__main__":
    main()
