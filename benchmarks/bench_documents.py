"""Document figures. Prints; asserts nothing.

    python benchmarks/bench_documents.py --db demo.db [--street 康桥街道]

1. one unit's consent form, warm, in process (incl. its record);
2. the whole process, as a user runs it: `main.py print consent-form --all STREET -o FOLDER`
   (interpreter start, imports, font set-up, every unit's file, one commit) — pages/s by wall
   clock and by CPU time (parent and workers), on every core and, for comparison, on one
   (LIFTDESK_PRINT_WORKERS=1);
3. the same street as one combined PDF (--combined), and the street's consent letters;
4. the GUI's batch: the task the GUI runs off its UI thread (`ui.printing._batch`: its own
   connection, the check beside the rendering, files, one commit), timed in process.
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

from liftdesk.places import places  # noqa: E402
from liftdesk.documents import generate, parallel  # noqa: E402
from liftdesk.store import open_store  # noqa: E402


def whole_process(db: Path, *args: str, env: dict | None = None) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (user + sys of the child and its workers) and stdout of one CLI run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args], capture_output=True,
                         text=True, check=True, cwd=ROOT, env={**os.environ, **(env or {})}).stdout
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


def gui_batch(db: Path, street: str, folder: Path) -> None:
    """The GUI's batch task, as its worker thread runs it (no window: the task touches no widget)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui import printing

    seen = []
    t0 = time.perf_counter()
    result = printing._batch(db, "consent-form", street, folder, "", None, None,
                             progress=lambda done, total: seen.append(done), cancelled=lambda: False)
    wall = time.perf_counter() - t0
    print(f"GUI batch task (own connection, check, render, write, record): {len(result.printed)} files, "
          f"{result.pages} pages, {wall:.2f} s = {result.pages / wall:6.1f} pages/s; "
          f"{len(seen)} progress reports   goal ≥ 150 pages/s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--street", default="康桥街道")
    parser.add_argument("--repeat", type=int, default=3, help="whole-process runs per figure (the median is shown)")
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

    for kind, cores in (("consent-form", ""), ("consent-form", "1"), ("consent-letters", "")):
        folder = tmp / f"{kind}{cores}"
        walls = []
        for _ in range(args.repeat):
            shutil.rmtree(folder, ignore_errors=True)
            wall, cpu, _ = whole_process(db, "print", kind, "--all", args.street, "-o", str(folder),
                                         env={"LIFTDESK_PRINT_WORKERS": cores} if cores else None)
            walls.append(wall)
        wall = statistics.median(walls)
        pages, files = pages_in(folder), len(list(folder.glob("*.pdf")))
        label = "one process " if cores else f"{parallel.worker_count(files)} workers"
        print(f"whole process, {label}: print {kind} --all {args.street} -o FOLDER: {files} files, {pages} pages, "
              f"{wall:.2f} s wall (median of {len(walls)}) = {pages / wall:6.1f} pages/s; "
              f"CPU {cpu:.2f} s = {pages / cpu:6.1f} pages/CPU-s   goal ≥ 150 pages/s")
    gui_batch(db, args.street, tmp / "gui")
    wall, cpu, out = whole_process(db, "print", "consent-form", "--all", args.street, "--combined",
                                   str(tmp / "street.pdf"))
    info = subprocess.run(["pdfinfo", str(tmp / "street.pdf")], capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    print(f"whole process: --combined one PDF of {pages} pages: {wall:.2f} s wall = {pages / wall:6.1f} pages/s; "
          f"CPU {cpu:.2f} s = {pages / cpu:6.1f} pages/CPU-s")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
