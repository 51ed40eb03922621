"""Document figures: one unit's consent form (warm), and a batch of 1,000 one-page forms.
Prints; asserts nothing.

    python benchmarks/bench_documents.py --db demo.db
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

from liftdesk import places  # noqa: E402
from liftdesk.documents import generate  # noqa: E402
from liftdesk.store import open_store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    shutil.copy(args.db, tmp / "bench.db")
    store = open_store(tmp / "bench.db")
    unit = str(places.unit_address(store, places.first_unit(store)))
    generate.print_document(store, "consent-form", unit, tmp / "warmup.pdf")
    runs = []
    for n in range(20):
        t0 = time.perf_counter()
        generate.print_document(store, "consent-form", unit, tmp / f"form-{n}.pdf")
        runs.append(time.perf_counter() - t0)
    print(f"consent form for one unit (warm, incl. record)   {statistics.median(runs) * 1000:7.1f} ms   goal ≤ 100 ms")

    # 1,000 one-page consent letters: every household of a unit gets its own page, a file per unit.
    units = places.list_units(store, "拱宸桥街道")
    pages, files, t0 = 0, 0, time.perf_counter()
    for u in units:
        done = generate.print_document(store, "consent-letters", str(u.address), tmp / "letters" / f"{u.id}.pdf")
        pages += done.pages
        files += 1
        if pages >= 1000:
            break
    seconds = time.perf_counter() - t0
    print(f"batch: {pages} one-page consent letters in {files} files  {pages / seconds:7.1f} pages/s   goal ≥ 150 pages/s"
          f"   ({seconds:.2f} s)")

    one_page = [u for u in units if u.households][:200]
    t0 = time.perf_counter()
    for u in one_page:
        generate.print_document(store, "notice", str(u.address), tmp / "notices" / f"{u.id}.pdf")
    seconds = time.perf_counter() - t0
    print(f"for comparison: {len(one_page)} one-page notices, one file each  {len(one_page) / seconds:7.1f} pages/s")
    store.close()
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
