"""Rewrites the figures in the docs from measurements, so that no figure is typed by hand.

A figure in a Markdown file is a marked span: `<!-- fig:demo_size -->417 MB<!-- /fig -->`. This
script measures every figure it knows and rewrites the text between the marks; a figure it could not
measure this time (no frozen build at hand, say) is left as it was and listed.

    python tools/doc_figures.py                  build a demo in a temporary folder, measure, rewrite
    python tools/doc_figures.py --demo demo.db   measure an existing demo (its build time is left alone)
    python tools/doc_figures.py --dist dist/LiftDesk   the frozen build's sizes too
    python tools/doc_figures.py --check          only check that every mark parses and is known

Files: README.md and docs/*.md (or the files named)."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARK = re.compile(r"<!-- fig:([a-z0-9_]+) -->(.*?)<!-- /fig -->")
OPENING = re.compile(r"<!-- fig:")
CLOSING = re.compile(r"<!-- /fig -->")

FIGURES = {  # name → what it is (the unit is part of the text the script writes)
    "demo_size": "the demo database's size (MB = 10^6 bytes)",
    "demo_seconds": "seconds to build the demo (`main.py --db FILE demo`)",
    "demo_streets": "streets in the demo",
    "demo_units": "units in the demo",
    "demo_households": "households in the demo",
    "demo_people": "people in the demo",
    "demo_projects": "lift projects in the demo",
    "demo_lifts": "lifts in the demo (a 四梯连装 project counts each of its units)",
    "kangqiao_units": "units of 康桥街道 (the printing benchmark's street)",
    "quick_check_s": "seconds for SQLite's quick_check of the demo",
    "integrity_check_s": "seconds for the full integrity_check of the demo",
    "backup_s": "seconds for an online backup of the demo",
    "build_size": "the frozen build's folder (dist/LiftDesk), MB",
    "program_size": "one program of the frozen build, MB",
}


def default_files() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def problems(text: str, name: str = "") -> list[str]:
    """What is wrong with the marks of one text: unknown names, marks that do not pair, a span over lines."""
    found = []
    for n, line in enumerate(text.splitlines(), start=1):
        spans = MARK.findall(line)
        if len(spans) != len(OPENING.findall(line)) or len(spans) != len(CLOSING.findall(line)):
            found.append(f"{name}:{n}: a figure mark that does not pair (a span must open and close on one line)")
        for figure, value in spans:
            if figure not in FIGURES:
                found.append(f"{name}:{n}: unknown figure “{figure}”")
            elif not value.strip():
                found.append(f"{name}:{n}: figure “{figure}” is empty")
    return found


def marks(text: str) -> list[tuple[str, str]]:
    return MARK.findall(text)


def rewrite(text: str, values: dict[str, str]) -> str:
    """The text with every span of a measured figure replaced; the others stay as they were."""
    return MARK.sub(lambda m: f"<!-- fig:{m[1]} -->{values.get(m[1], m[2])}<!-- /fig -->", text)


def _mb(n_bytes: int) -> str:
    return f"{n_bytes / 1e6:.0f} MB"


def _seconds(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _child_cpu() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build_demo(folder: Path) -> tuple[Path, float]:
    """A fresh demo through the CLI, as a user makes it, in a home of its own. The time is the
    build's CPU time where it can be had (what a quiet machine's wall clock shows: the build is one
    process on one core), so other work on the machine does not inflate the figure."""
    db = folder / "demo.db"
    env = dict(os.environ, HOME=str(folder), LIFTDESK_DATA_DIR=str(folder / "data"))
    started, cpu = time.perf_counter(), _child_cpu()
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "demo"], check=True, env=env,
                   cwd=ROOT, stdout=subprocess.DEVNULL)
    after = _child_cpu()
    return db, (after - cpu) if cpu is not None and after is not None else time.perf_counter() - started


def measure_demo(db: Path) -> dict[str, str]:
    sys.path.insert(0, str(ROOT))
    from liftdesk.places import places
    from liftdesk.projects.units import PROJECT_UNITS_SQL
    from liftdesk.store import open_store

    store = open_store(db, readonly=True)
    try:
        counts = places.counts(store)
        lifts = store.db.execute(f"SELECT count(*) FROM ({PROJECT_UNITS_SQL})").fetchone()[0]
        kangqiao = sum(1 for u in places.list_units(store, "康桥街道"))
    finally:
        store.close()
    values = {"demo_size": _mb(db.stat().st_size), "demo_streets": str(counts["streets"]),
              "demo_units": str(counts["units"]), "demo_households": str(counts["households"]),
              "demo_people": str(counts["people"]), "demo_projects": str(counts["lift_projects"]),
              "demo_lifts": str(lifts), "kangqiao_units": str(kangqiao)}
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        values["quick_check_s"] = f"{_seconds(lambda: conn.execute('PRAGMA quick_check').fetchall()):.1f} s"
        values["integrity_check_s"] = f"{_seconds(lambda: conn.execute('PRAGMA integrity_check').fetchall()):.1f} s"
        with tempfile.TemporaryDirectory() as tmp:
            copy = sqlite3.connect(Path(tmp) / "copy.db")
            values["backup_s"] = f"{_seconds(lambda: conn.backup(copy)):.1f} s"
            copy.close()
    finally:
        conn.close()
    return values


def measure_dist(dist: Path) -> dict[str, str]:
    total = sum(p.stat().st_size for p in dist.rglob("*") if p.is_file() and not p.is_symlink())  # a link is no second copy
    program = next((p for p in (dist / "LiftDesk", dist / "LiftDesk.exe") if p.exists()), None)
    values = {"build_size": _mb(total)}
    if program:
        values["program_size"] = f"{program.stat().st_size / 1e6:.1f} MB"
    return values


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--demo", type=Path, help="an existing demo database (else one is built)")
    parser.add_argument("--dist", type=Path, help="the frozen build's folder, e.g. dist/LiftDesk")
    parser.add_argument("--check", action="store_true", help="only check the marks")
    args = parser.parse_args(argv)
    files = args.files or default_files()
    texts = {f: f.read_text(encoding="utf-8") for f in files}
    found = [p for f, text in texts.items() for p in problems(text, str(f.relative_to(ROOT) if f.is_relative_to(ROOT) else f))]
    for p in found:
        print(p, file=sys.stderr)
    if found or args.check:
        print(f"{sum(len(marks(t)) for t in texts.values())} figures in {len(files)} files", file=sys.stderr)
        return 1 if found else 0
    values: dict[str, str] = {}
    if args.demo:
        values.update(measure_demo(args.demo))
    else:
        tmp = Path(tempfile.mkdtemp(prefix="liftdesk-figures-"))
        try:
            db, took = build_demo(tmp)
            values["demo_seconds"] = f"{took:.0f}"
            values.update(measure_demo(db))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    if args.dist:
        values.update(measure_dist(args.dist))
    for f, text in texts.items():
        new = rewrite(text, values)
        if new != text:
            f.write_text(new, encoding="utf-8")
            print(f"rewritten: {f}")
    left = sorted({name for t in texts.values() for name, _ in marks(t)} - set(values))
    if left:
        print("not measured this time, left as they were: " + ", ".join(left))
    for name in sorted(values):
        print(f"  {name} = {values[name]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
