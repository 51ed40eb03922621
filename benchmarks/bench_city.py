"""A whole city on one PC (issue 24): builds the 15× city reproducibly and prints the issue's table
at 1× and 15× side by side.

The city is the demo district (seed 2023) plus fourteen more demo districts generated with other
seeds into the same file, through the demo's own writer (so the change log, the search index and
every other table are exactly what the app writes). Each added district's streets join the first
district, renamed with a district prefix ("02区长庆街道") and numbered after the ones before; its
own district record is deleted. Ids are kept as generated (random UUIDs: the content is the same
on every build, the bytes are not). Built cities are cached under --cache, keyed by scale, the
schema's and the demo's source, so reruns only measure.

    python benchmarks/bench_city.py                  # 1× and 15× (the 15× build takes a while)
    python benchmarks/bench_city.py --scale 2        # a smaller trial
    python benchmarks/bench_city.py --measure-search DB   # only the search figures of one file

Importing this module does nothing; `build_city` and `measure` are what tests and scripts call.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST_SEED = 2023  # the demo's own seed
SEED_STEP = 101
DEFAULT_CACHE = Path.home() / ".cache" / "liftdesk-bench"


# ---- building ---------------------------------------------------------------------------------

def district_prefix(k: int) -> str:
    """The prefix of the k-th added district's streets (k from 1): "02区", "03区", …"""
    return f"{k + 1:02d}区"


def seed_of(k: int) -> int:
    return FIRST_SEED + SEED_STEP * k


def cache_key(scale: int) -> str:
    """Scale, the schema's and the demo's source: a change to either builds the city again."""
    from liftdesk.demo import demo
    from liftdesk.store import schema

    digest = hashlib.sha256(json.dumps(list(schema.known_migration_names())).encode())
    digest.update(Path(schema.__file__).read_bytes())
    digest.update(Path(demo.__file__).read_bytes())
    return f"city-x{scale}-{digest.hexdigest()[:12]}.db"


@contextlib.contextmanager
def _another_district_allowed():
    """The demo refuses a file that has streets (a user's file is never filled twice); the city
    adds districts to its own file on purpose."""
    from liftdesk.demo import demo

    original = demo.is_empty
    demo.is_empty = lambda store: True
    try:
        yield
    finally:
        demo.is_empty = original


def add_district(store, k: int) -> int:
    """Generate the k-th extra district (k ≥ 1) into the city and join its streets to the first
    district; returns how many streets it added."""
    from liftdesk.demo import demo
    from liftdesk.store import records

    first = store.db.execute("SELECT id FROM district WHERE deleted = 0 ORDER BY created_at, id LIMIT 1").fetchone()[0]
    before = {r[0] for r in store.db.execute("SELECT id FROM district")}
    last_seq = store.db.execute("SELECT coalesce(max(seq), 0) FROM street").fetchone()[0]
    with _another_district_allowed():
        demo.generate(store, seed=seed_of(k), compact=False)  # one more district: the file is not rewritten
    (new_district,) = {r[0] for r in store.db.execute("SELECT id FROM district")} - before
    streets = store.db.execute("SELECT id, name, seq FROM street WHERE district_id = ? ORDER BY seq",
                               [new_district]).fetchall()
    with store.db.atomic():
        for street_id, name, seq in streets:
            records.update(store, "street", street_id, {"district_id": first, "name": district_prefix(k) + name,
                                                         "seq": last_seq + seq})
        records.set_deleted(store, "district", new_district, True)
    return len(streets)


def build_city(target: Path, scale: int, progress=None) -> Path:
    """The demo plus scale − 1 more districts in one file at `target` (built beside it, then moved)."""
    from liftdesk.demo import demo
    from liftdesk.store import open_store

    report = progress or (lambda text: None)
    target = Path(target)
    building = target.with_name(target.name + ".building")
    for leftover in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
        leftover.unlink(missing_ok=True)
    store = open_store(building, actor="bench")
    try:
        started = time.perf_counter()
        demo.generate(store, seed=FIRST_SEED)
        report(f"district 1/{scale} built ({time.perf_counter() - started:.0f} s)")
        for k in range(1, scale):
            add_district(store, k)
            report(f"district {k + 1}/{scale} built ({time.perf_counter() - started:.0f} s)")
        store.db.execute("ANALYZE")
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        problems = [r[0] for r in store.db.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise RuntimeError(f"the combined city fails quick_check: {problems[:5]}")
    finally:
        store.close()
    building.replace(target)
    return target


def city(cache: Path, scale: int, rebuild: bool = False, progress=None) -> Path:
    path = Path(cache) / cache_key(scale)
    if rebuild or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        build_city(path, scale, progress)
    return path


# ---- measuring --------------------------------------------------------------------------------

def _env(data_dir: Path) -> dict:
    return dict(os.environ, LIFTDESK_DATA_DIR=str(data_dir), HOME=str(data_dir), LIFTDESK_BENCH="1",
                QT_QPA_PLATFORM="offscreen")


def _cli(db: Path, *args: str, env: dict) -> tuple[float, str]:
    started = time.perf_counter()
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args], capture_output=True,
                         text=True, env=env, cwd=ROOT)
    elapsed = time.perf_counter() - started
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(args)}: {out.stderr.strip()[-500:]}")
    return elapsed, out.stdout


def _median_of(n: int, fn) -> float:
    return statistics.median(fn() for _ in range(n))


def app_start(db: Path, env: dict, shot: Path) -> float:
    """Process start → first painted window (warm: the caller runs it once before)."""
    before = time.time()
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "--screenshot", str(shot)],
                         capture_output=True, text=True, env=env, cwd=ROOT)
    lines = [line for line in out.stdout.splitlines() if line.startswith("first_paint")]
    if not lines:
        raise RuntimeError(f"--screenshot: {out.stderr.strip()[-500:]}")
    return float(lines[0].split("=")[1]) - before


def a_unit_address(db: Path, street_prefix: str = "") -> str:
    """A unit's address (街道/社区/小区/幢/单元) with a project, on a street whose name starts so."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        row = conn.execute(
            "SELECT s.name, c.name, e.name, b.name, u.name FROM unit u JOIN building b ON b.id = u.building_id"
            " JOIN estate e ON e.id = b.estate_id JOIN community c ON c.id = e.community_id"
            " JOIN street s ON s.id = c.street_id JOIN project p ON p.unit_id = u.id"
            " WHERE u.deleted = 0 AND s.name LIKE ? ORDER BY s.seq DESC, u.id LIMIT 1", [street_prefix + "%"]).fetchone()
    finally:
        conn.close()
    return "/".join(row)


def search_queries(store, n: int = 10) -> list[str]:
    """A fixed query set of every kind, drawn from the file with a fixed seed."""
    from liftdesk.places import search

    rng = random.Random(24)
    people = store.db.execute("SELECT p.name, p.phone FROM person p JOIN ownership o ON o.person_id = p.id"
                              " WHERE p.deleted = 0 AND o.deleted = 0 AND p.name != '' ORDER BY p.id").fetchall()
    sample = rng.sample(people, n)
    places = store.db.execute(
        "SELECT e.name, b.name, h.room FROM household h JOIN unit u ON u.id = h.unit_id JOIN building b"
        " ON b.id = u.building_id JOIN estate e ON e.id = b.estate_id WHERE h.deleted = 0 ORDER BY h.id").fetchall()
    queries = [name for name, _ in sample]
    queries += [phone[-6:] for _, phone in sample if phone]
    queries += [search.pinyin_keys(name)[0].split("|")[0] for name, _ in sample]
    queries += [search.pinyin_keys(name)[1].split("|")[0] for name, _ in sample]
    queries += [f"{e} {b} {r}" for e, b, r in rng.sample(places, n)]
    queries += [name[1:] for name, _ in sample if len(name) > 2]  # given names
    queries += ["101", "602", "王", "张", "李", "王伟", "zh", "1幢 301"]
    return queries


def measure_search(db: Path) -> dict:
    from liftdesk.places import search
    from liftdesk.store import open_store

    store = open_store(db, readonly=True)
    try:
        queries = search_queries(store)
        search.search_households(store, queries[0])  # the address cache, as after the first keystroke
        times = []
        for q in queries:
            started = time.perf_counter()
            search.search_households(store, q)
            times.append(time.perf_counter() - started)
    finally:
        store.close()
    return {"search_median": statistics.median(times), "search_worst": max(times), "search_queries": len(queries)}


_VERDICTS = """
import json, resource, sys, time
from liftdesk.consent import evaluation
from liftdesk.store import open_store
def hwm_kb():  # the process's peak resident memory since the last reset (Linux), else since it started
    try:
        with open("/proc/self/status") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
store = open_store(sys.argv[1], readonly=True)
base = hwm_kb()
try:  # the open's file check maps pages of the file; the verdicts' own peak starts here
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
except OSError:
    pass
started = time.perf_counter()
n = sum(1 for _ in evaluation.iter_verdicts(store))  # streamed street by street, as the report reads them
elapsed = time.perf_counter() - started
print(json.dumps({"seconds": elapsed, "units": n, "peak_kb": hwm_kb(), "base_kb": base}))
"""

_SCOPED = """
import json, sys, time
from liftdesk.consent import evaluation
from liftdesk.places import places
from liftdesk.reports import stats
from liftdesk.store import open_store
store = open_store(sys.argv[1], readonly=True)
street = sys.argv[2]
PAGE = 200  # rows per page of the district page's funnel lists
def timed(fn, n=3):
    times = []
    for _ in range(n):
        t0 = time.perf_counter(); fn(); times.append(time.perf_counter() - t0)
    return min(times)
def eligible():  # what the district page shows: the funnel, then the list's first page
    f = stats.funnel(store)
    ids = [i for s in f.streets for i in f.ids["eligible"].get(s, [])]
    return stats.funnel_items(store, "eligible", ids, 0, PAGE)
def eligible_whole():
    f = stats.funnel(store)
    ids = [i for s in f.streets for i in f.ids["eligible"].get(s, [])]
    return stats.funnel_items(store, "eligible", ids)
print(json.dumps({"street_units": timed(lambda: places.list_units(store, street)),
                  "overview": timed(lambda: evaluation.verdicts_under(store, street)),
                  "funnel": timed(lambda: stats.funnel(store), 1),
                  "eligible_list": timed(eligible, 1), "eligible_whole": timed(eligible_whole, 1)}))
"""


def measure(db: Path, work: Path, runs: int = 3) -> dict:
    """Every figure of the issue's table for one file."""
    work.mkdir(parents=True, exist_ok=True)
    env = _env(work)
    figures: dict = {"file_mb": db.stat().st_size / 1e6}
    unit = a_unit_address(db)
    street = unit.split("/")[0]
    app_start(db, env, work / "shot.png")  # warm: the page cache holds what the start reads
    figures["app_start"] = _median_of(runs, lambda: app_start(db, env, work / "shot.png"))
    figures["cli_info"] = _median_of(runs, lambda: _cli(db, "info", env=env)[0])
    figures["cli_consent"] = _median_of(runs, lambda: _cli(db, "consent", unit, "--json", env=env)[0])
    backups = work / "backups"
    shutil.rmtree(backups, ignore_errors=True)
    backups.mkdir()
    figures["backup_s"] = _cli(db, "backup", "-o", str(backups / "city-backup.db.zst"), env=env)[0]  # as the app
    figures["backup_mb"] = sum(p.stat().st_size for p in backups.rglob("*") if p.is_file()) / 1e6
    figures["year_of_backups_mb"] = figures["backup_mb"] * 33
    shutil.rmtree(backups, ignore_errors=True)
    figures.update(measure_search(db))
    out = subprocess.run([sys.executable, "-c", _VERDICTS, str(db)], capture_output=True, text=True, env=env,
                         cwd=ROOT, check=True)
    verdicts = json.loads(out.stdout.strip().splitlines()[-1])
    figures["verdicts_s"], figures["verdicts_mb"] = verdicts["seconds"], verdicts["peak_kb"] / 1024
    figures["verdicts_mb_open"] = verdicts["base_kb"] / 1024
    out = subprocess.run([sys.executable, "-c", _SCOPED, str(db), street], capture_output=True, text=True,
                         env=env, cwd=ROOT, check=True)
    figures.update(json.loads(out.stdout.strip().splitlines()[-1]))
    return figures


ROWS = (  # (label, key, format)
    ("file size", "file_mb", "{:,.0f} MB"),
    ("app start → first painted window (warm)", "app_start", "{:.2f} s"),
    ("CLI `info`", "cli_info", "{:.2f} s"),
    ("CLI `consent UNIT --json`", "cli_consent", "{:.2f} s"),
    ("`backup`: time", "backup_s", "{:.1f} s"),
    ("`backup`: size", "backup_mb", "{:,.0f} MB"),
    ("search median (core, off the UI thread)", "search_median", "{:.0f} ms", 1000),
    ("search worst", "search_worst", "{:.0f} ms", 1000),
    ("a year of backups (33 kept at most: 10 recent, 7 daily, 4 weekly, 12 monthly)", "year_of_backups_mb",
     "{:,.0f} MB"),
    ("all-unit verdicts: time", "verdicts_s", "{:.2f} s"),
    ("all-unit verdicts: peak memory (process, streamed)", "verdicts_mb", "{:,.0f} MB"),
    ("peak memory of the open before them (its file check maps pages)", "verdicts_mb_open", "{:,.0f} MB"),
    ("units of one street", "street_units", "{:.0f} ms", 1000),
    ("overview of one street (verdicts)", "overview", "{:.0f} ms", 1000),
    ("the funnel (all counts)", "funnel", "{:.2f} s"),
    ("funnel's all-eligible list: first page of 200", "eligible_list", "{:.2f} s"),
    ("funnel's all-eligible list: every row at once", "eligible_whole", "{:.2f} s"),
)


def table(columns: dict[str, dict]) -> str:
    heads = list(columns)
    lines = ["| measured | " + " | ".join(heads) + " |", "|---|" + "---|" * len(heads)]
    for label, key, fmt, *factor in ROWS:
        cells = []
        for head in heads:
            value = columns[head].get(key)
            cells.append("—" if value is None else fmt.format(value * (factor[0] if factor else 1)))
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=15, help="districts in the city (default 15)")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help=f"built cities (default {DEFAULT_CACHE})")
    parser.add_argument("--rebuild", action="store_true", help="build again even when cached")
    parser.add_argument("--runs", type=int, default=3, help="runs per timed command (median)")
    parser.add_argument("--measure-search", type=Path, metavar="DB", help="only the search figures of DB")
    parser.add_argument("--write", type=Path, metavar="DOC.md",
                        help="also put the table between <!-- city-table --> marks in DOC.md")
    args = parser.parse_args(argv)
    if args.measure_search:
        print(json.dumps(measure_search(args.measure_search)))
        return
    say = lambda text: print(text, file=sys.stderr, flush=True)  # noqa: E731
    columns = {}
    with tempfile.TemporaryDirectory(prefix="liftdesk-city-") as tmp:
        for scale in sorted({1, args.scale}):
            started = time.perf_counter()
            db = city(args.cache, scale, args.rebuild, say)
            say(f"{scale}×: {db} ({time.perf_counter() - started:.0f} s to build or find)")
            consent_unit = a_unit_address(db, district_prefix(scale - 1) if scale > 1 else "")
            _cli(db, "consent", consent_unit, "--json", env=_env(Path(tmp)))  # a renamed street answers
            columns[f"{scale}×"] = measure(db, Path(tmp) / f"x{scale}", args.runs)
            say(f"{scale}×: measured")
    said = (f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (wall times grow with other work)"
            f", {time.strftime('%Y-%m-%d')}")
    print(said)
    print(table(columns))
    if args.write:
        write_table(args.write, said + "\n\n" + table(columns))


CITY_MARKS = ("<!-- city-table -->", "<!-- /city-table -->")


def write_table(doc: Path, text: str) -> None:
    """The table between the city marks of DOC, so that the docs' figures are this script's output."""
    content = doc.read_text(encoding="utf-8")
    start, end = content.index(CITY_MARKS[0]) + len(CITY_MARKS[0]), content.index(CITY_MARKS[1])
    doc.write_text(content[:start] + "\n" + text + "\n" + content[end:], encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
