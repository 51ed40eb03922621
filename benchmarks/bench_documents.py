"""Document figures. Prints; asserts nothing.

    python benchmarks/bench_documents.py --db demo.db [--street 康桥街道]

1. one unit's consent form, warm, in process (incl. its record);
2. the whole process, as a user runs it: `main.py print consent-form --all STREET -o FOLDER`
   (interpreter start, imports, font set-up, every unit's file, one commit) — pages/s by wall
   clock and by CPU time (the CPU figure is what this machine can do when not shared);
3. the same street as one combined PDF (--combined), and the street's consent letters.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from liftdesk import places  # noqa: E402
from liftdesk.documents import generate  # noqa: E402
from liftdesk.store import open_store  # noqa: E402


def whole_process(db: Path, *args: str) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (user + sys of the child) and stdout of one CLI run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args], capture_output=True,
                         text=True, check=True, cwd=ROOT).stdout
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, out


def pages_in(folder: Path) -> int:
    total = 0
    for pdf in folder.glob("*.pdf"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        total += int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--street", default="康桥街道")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    db = tmp / "bench.db"
    shutil.copy(args.db, db)
    store = open_store(db)  # applies any migration now, outside the timings
    unit = str(places.unit_address(store, places.first_unit(store)))
    generate.print_document(store, "consent-form", unit, tmp / "warmup.pdf")
    runs = []
    for n in range(20):
        t0 = time.perf_counter()
        generate.print_document(store, "consent-form", unit, tmp / f"form-{n}.pdf")
        runs.append(time.perf_counter() - t0)
    store.close()
    print(f"consent form for one unit (warm, incl. record)      {statistics.median(runs) * 1000:7.1f} ms")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} (shared: wall figures vary)")

    for kind in ("consent-form", "consent-letters"):
        folder = tmp / kind
        wall, cpu, _ = whole_process(db, "print", kind, "--all", args.street, "-o", str(folder))
        pages, files = pages_in(folder), len(list(folder.glob("*.pdf")))
        print(f"whole process: print {kind} --all {args.street} -o FOLDER: {files} files, {pages} pages, "
              f"{wall:.2f} s wall = {pages / wall:6.1f} pages/s; CPU {cpu:.2f} s = {pages / cpu:6.1f} pages/CPU-s"
              f"   goal ≥ 150 pages/s")
    wall, cpu, out = whole_process(db, "print", "consent-form", "--all", args.street, "--combined",
                                   str(tmp / "street.pdf"))
    info = subprocess.run(["pdfinfo", str(tmp / "street.pdf")], capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    print(f"whole process: --combined one PDF of {pages} pages: {wall:.2f} s wall = {pages / wall:6.1f} pages/s; "
          f"CPU {cpu:.2f} s = {pages / cpu:6.1f} pages/CPU-s")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
