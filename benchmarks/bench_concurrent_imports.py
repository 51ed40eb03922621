"""Two helpers import big rosters into one database at the same moment: pairs of simultaneous
`import-roster` runs (1,800 households each, two units of one new building), optionally on a
loaded machine (busy loops on every core). Prints how many pairs both succeeded and how long the
slower one took; asserts nothing.

    python benchmarks/bench_concurrent_imports.py [--pairs 20] [--households 1800] [--load]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STREET = "长庆街道/王马社区/遥祥寺巷小区"


def roster(path: Path, households: int) -> Path:
    per_floor = 60
    floors = -(-households // per_floor)
    lines = ["业主,房号,面积,电话,居住,意见,书面,楼层"]
    for n in range(households):
        floor, r = n // per_floor + 1, n % per_floor + 1
        lines.append(f"业主{n},{floor}{r:02d},60.00,,自住,支持,是,{floor}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert floors <= 99
    return path


def _spin(stop) -> None:
    while not stop.is_set():
        sum(range(10_000))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=20)
    parser.add_argument("--households", type=int, default=1800)
    parser.add_argument("--load", action="store_true", help="a busy loop on every core while the pairs run")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="liftdesk-pairs-"))
    env = dict(os.environ, HOME=str(tmp), LIFTDESK_DATA_DIR=str(tmp / "data"))
    env.pop("LIFTDESK_BUSY_TIMEOUT_MS", None)  # the default wait, as a helper's PC has it
    db = tmp / "station.db"
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "init"], env=env, check=True,
                   capture_output=True)
    src = roster(tmp / "big.csv", args.households)
    stop = multiprocessing.Event()
    hogs = [multiprocessing.Process(target=_spin, args=(stop,), daemon=True) for _ in range(os.cpu_count() or 1)] \
        if args.load else []
    for hog in hogs:
        hog.start()
    ok, slowest, waited = 0, [], 0
    try:
        for pair in range(args.pairs):
            started = time.monotonic()
            procs = [subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(db), "import-roster", str(src),
                                       "--unit", f"{STREET}/{pair + 1}幢/{unit}单元", "--create"],
                                      env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                     for unit in (1, 2)]
            results = [(p.wait(timeout=600), p.stderr.read()) for p in procs]
            slowest.append(time.monotonic() - started)
            waited += sum("等待中" in err for _, err in results)
            if all(code == 0 for code, _ in results):
                ok += 1
            else:
                print(f"pair {pair + 1} failed: {[err.strip()[-200:] for code, err in results if code]}")
            print(f"pair {pair + 1}: {slowest[-1]:.1f} s", flush=True)
    finally:
        stop.set()
        for hog in hogs:
            hog.join()
    print(f"{ok} of {args.pairs} pairs both succeeded ({args.households} households each"
          f"{', machine loaded' if args.load else ''}); slowest pair {max(slowest):.1f} s, median "
          f"{sorted(slowest)[len(slowest) // 2]:.1f} s; {waited} imports said they waited")


if __name__ == "__main__":
    main()
