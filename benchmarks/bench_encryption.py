"""What the station lock's encryption at rest costs (#19 item 6): the same demo district as a plain
file and as an encrypted one (SQLCipher, raw data key), side by side — opening, a unit page
(painted), every unit's verdict, one unit's forms printed as a batch, and a backup (plain copy vs
compressed and sealed). Prints figures; asserts nothing.

    python benchmarks/bench_encryption.py --db demo.db      (build one: main.py --db demo.db demo)
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from liftdesk.consent import evaluation  # noqa: E402
from liftdesk.documents import generate  # noqa: E402
from liftdesk.people import accounts  # noqa: E402
from liftdesk.places import places  # noqa: E402
from liftdesk.store import backup, cipher, open_store  # noqa: E402


def median_ms(fn, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, min(times) * 1000


def figures(db: Path, window_class, settings_class, tmp: Path, units: list[str]) -> dict[str, str]:
    from PySide6.QtWidgets import QApplication

    out = {}
    med, low = median_ms(lambda: open_store(db).close(), 3)
    out["open for writing (quick_check)"] = f"{med:8.0f} ms (min {low:.0f})"
    med, low = median_ms(lambda: open_store(db, readonly=True).close(), 3)
    out["open read-only (quick_check)"] = f"{med:8.0f} ms (min {low:.0f})"

    def deferred() -> None:  # the check on its own thread while the caller goes on (a batch does this)
        store = open_store(db, defer_check=True)
        opened.append(time.perf_counter())
        store.db.confirm_sound()
        store.close()
    opened: list[float] = []
    t0 = time.perf_counter()
    deferred()
    out["open, check deferred: until usable"] = f"{(opened[0] - t0) * 1000:8.0f} ms"
    store = open_store(db)
    window = window_class(store, settings_class(tmp / "settings.json"))
    window.show()
    QApplication.processEvents()
    times = []
    for unit_id in units:
        t0 = time.perf_counter()
        window.open_unit(unit_id)
        QApplication.processEvents()
        times.append(time.perf_counter() - t0)
    out["unit page (incl. paint), median of 30"] = f"{statistics.median(times) * 1000:8.1f} ms (max {max(times) * 1000:.0f})"
    window.close()
    med, low = median_ms(lambda: evaluation.verdicts_under(store, mode=evaluation.LEGAL), 3)
    out["verdicts for all units"] = f"{med:8.0f} ms (min {low:.0f})"
    unit = units[0]
    address = places.unit_address(store, unit)
    building = "/".join(str(address).split("/")[:-1])
    folder = tmp / f"print-{db.parent.name}"
    folder.mkdir()
    generate.print_batch(store, "consent-form", building, folder, unit_ids=[unit], replace=True)  # warm

    def batch() -> None:
        for kind in ("consent-form", "consent-letters"):
            generate.print_batch(store, kind, building, folder, unit_ids=[unit], replace=True)
    med, low = median_ms(batch, 5)
    out["batch print of one unit (form + letters)"] = f"{med:8.0f} ms (min {low:.0f})"
    store.close()
    t0 = time.perf_counter()
    made = backup.make_backup(db, "bench", second=False)
    out["backup (check + copy / compress + seal)"] = \
        f"{(time.perf_counter() - t0) * 1000:8.0f} ms, {made.stat().st_size / 1e6:.0f} MB"
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    os.environ["LIFTDESK_DATA_DIR"] = str(tmp)
    plain, encrypted = tmp / "plain" / "demo.db", tmp / "encrypted" / "demo.db"
    for target in (plain, encrypted):
        target.parent.mkdir()
        shutil.copy(args.db, target)
    open_store(plain).close()  # migrate once, outside the timings

    store = open_store(encrypted)
    accounts.add_account(store, "bench", "bench-password")
    t0 = time.perf_counter()
    accounts.set_lock(store, True, 10, {"bench": "bench-password"})
    converted = time.perf_counter() - t0
    store.close()
    cipher.forget_all()
    t0 = time.perf_counter()
    cipher.unlock(encrypted, "bench", "bench-password")
    unlock = time.perf_counter() - t0

    from liftdesk.common.settings import Settings
    from ui.app import init_app
    from ui.main_window import MainWindow

    init_app("zh", 12)
    check = open_store(plain, readonly=True)
    units = random.Random(1).sample([r[0] for r in check.db.execute(
        "SELECT unit_id FROM project WHERE deleted = 0 AND unit_id IS NOT NULL")], 30)
    check.close()
    rows = {"plain": figures(plain, MainWindow, Settings, tmp, units),
            "encrypted": figures(encrypted, MainWindow, Settings, tmp, units)}
    print(f"database {plain.stat().st_size / 1e6:.0f} MB plain, {encrypted.stat().st_size / 1e6:.0f} MB encrypted;"
          f" {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    print(f"turning the lock on (encrypt file, wrap key): {converted:.1f} s;  login (scrypt unwrap): "
          f"{unlock * 1000:.0f} ms")
    print(f"{'':42s} {'plain':>28s}   {'encrypted':>28s}")
    for label in rows["plain"]:
        print(f"{label:42s} {rows['plain'][label]:>28s}   {rows['encrypted'][label]:>28s}")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
