"""Undo figures: the cost of an action around a small edit, and undo/redo of large actions
(deleting 1,200 households at once, 1,200 positions in one action). Prints; asserts nothing.

    python benchmarks/bench_undo.py [--db demo.db]   # with --db: a copy of it, else a fresh file
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from liftdesk.history import actions, recycle, undo
from liftdesk.consent import positions
from liftdesk.places import registry  # noqa: E402
from liftdesk.store import open_store  # noqa: E402


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    path = folder / "bench.db"
    if args.db:
        shutil.copy(args.db, path)
    store = open_store(path)
    district = registry.default_district(store)
    street = registry.add_street(store, district, "基准街道")
    estate = registry.add_estate(store, registry.add_community(store, street, "基准社区"), "基准小区")
    unit = registry.add_unit(store, registry.add_building(store, estate, "1幢", 60), "1单元")
    ids = registry.quick_create_households(store, unit, 60, 20, "60")

    plain, wrapped = [], []
    for n in range(200):
        plain.append(timed(lambda: registry.update_household(store, ids[n], "area", str(61 + n % 7))))

        def edit():
            with actions.action(store, "action.edit_household", room="101", field="面积", unit_id=unit):
                registry.update_household(store, ids[n], "area", str(70 + n % 7))
        wrapped.append(timed(edit))
    print(f"one edit: {statistics.median(plain) * 1000:.2f} ms plain, "
          f"{statistics.median(wrapped) * 1000:.2f} ms inside an action (median of 200)")
    print(f"undo of one edit: {timed(lambda: undo.undo(store)) * 1000:.1f} ms")

    def delete_all():
        with actions.action(store, "action.delete_households", n=len(ids), unit_id=unit):
            for h in ids:
                recycle.delete(store, "household", h)
    print(f"delete {len(ids)} households in one action: {timed(delete_all):.2f} s")
    print(f"  undo: {timed(lambda: undo.undo(store)):.2f} s, redo: {timed(lambda: undo.redo(store)):.2f} s, "
          f"undo again: {timed(lambda: undo.undo(store)):.2f} s")

    def record_all():
        with actions.action(store, "action.position", room="*", unit_id=unit):
            for h in ids:
                positions.record_position(store, h, "support", on_date="2024-05-01")
    print(f"{len(ids)} positions in one action: {timed(record_all):.2f} s")
    print(f"  undo (retractions): {timed(lambda: undo.undo(store)):.2f} s, redo: {timed(lambda: undo.redo(store)):.2f} s")
    print(f"menu text (next undo + describe): "
          f"{timed(lambda: undo.describe(store, actions.next_undo(store))) * 1000:.2f} ms")
    store.close()
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
