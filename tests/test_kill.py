"""SIGKILL in the middle of writing: a roster import, a demo build and a batch print, killed at
random moments (a few times each, bounded). Afterwards the database passes integrity_check and
holds all or nothing of the killed operation."""

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from liftdesk.store import checks

from .conftest import ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

SEED = int(os.environ.get("LIFTDESK_KILL_SEED", time.time_ns() % 100_000))
STREET = "长庆街道/王马社区/遥祥寺巷小区"
# A small part of the real demo: its first two streets and a few candidate units.
SMALL_DEMO = """
import sys
from liftdesk.demo import demo
from liftdesk.store import open_store
full = demo.read_street_table()
demo.read_street_table = lambda: full[:2]
demo.CANDIDATE_UNITS = 60
store = open_store(sys.argv[1], actor="demo")
demo.generate(store, seed=5)
store.close()
"""


def env(tmp_path):
    return {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
            "LIFTDESK_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)}


def main_py(*args):
    return [sys.executable, str(ROOT / "main.py"), *map(str, args)]


def counts(path):
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("household", "position", "person", "printed_document", "change_log"))
    finally:
        conn.close()


def run_and_kill(cmd, tmp_path, after):
    """Start, wait `after` seconds (or until it ends), SIGKILL. Returns whether it was killed."""
    proc = subprocess.Popen(cmd, env=env(tmp_path), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        proc.wait(timeout=after)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        return True


def timed(cmd, tmp_path):
    started = time.monotonic()
    subprocess.run(cmd, env=env(tmp_path), cwd=ROOT, check=True, capture_output=True, timeout=300)
    return time.monotonic() - started


def copy_db(src, dst):
    shutil.copy(src, dst)
    return dst


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("kill-demo")
    path = tmp / "small.db"
    seconds = timed([sys.executable, "-c", SMALL_DEMO, str(path)], tmp)
    return path, seconds, counts(path)


def test_kill_a_roster_import_leaves_all_or_nothing(tmp_path):
    rng = random.Random(SEED)
    base = tmp_path / "base.db"
    subprocess.run(main_py("--db", base, "init"), env=env(tmp_path), check=True, capture_output=True)
    src = tmp_path / "r.csv"
    src.write_text("业主,房号,面积,电话,意见,书面,楼层\n" + "".join(
        f"住户{f}{r:02d},{f}{r:02d},60.00,1380000{f}{r:03d},支持,是,{f}\n" for f in range(1, 7) for r in range(1, 21)),
        encoding="utf-8")
    cmd = lambda db: main_py("--db", db, "import-roster", src, "--unit", f"{STREET}/6幢/1单元", "--create")  # noqa: E731
    before = counts(base)
    reference = copy_db(base, tmp_path / "reference.db")
    seconds = timed(cmd(reference), tmp_path)
    after = counts(reference)
    assert after[0] == before[0] + 120
    outcomes = []
    for n in range(5):
        victim = copy_db(base, tmp_path / f"kill{n}.db")
        killed = run_and_kill(cmd(victim), tmp_path, rng.uniform(seconds * 0.6, seconds * 1.05))
        got = counts(victim)
        assert got in (before, after), (SEED, n, got)
        outcomes.append(("killed " if killed else "done ") + ("after" if got == after else "before"))
    print(f"\nimport kills (seed {SEED}, {seconds:.1f} s per import): {outcomes}")


def test_kill_a_demo_build_leaves_all_or_nothing(tmp_path, small_demo):
    rng = random.Random(SEED + 1)
    _, seconds, full = small_demo
    outcomes = []
    for n in range(3):
        victim = tmp_path / f"demo{n}.db"
        subprocess.run(main_py("--db", victim, "init"), env=env(tmp_path), check=True, capture_output=True)
        empty = counts(victim)
        killed = run_and_kill([sys.executable, "-c", SMALL_DEMO, str(victim)], tmp_path,
                              rng.uniform(seconds * 0.3, seconds * 1.05))
        got = counts(victim)
        assert got in (empty, full), (SEED, n, got)
        outcomes.append(("killed " if killed else "done ") + ("all" if got == full else "nothing"))
    print(f"\ndemo kills (seed {SEED}, {seconds:.1f} s per build): {outcomes}")


def test_kill_a_batch_print_records_all_or_nothing(tmp_path, small_demo):
    rng = random.Random(SEED + 2)
    source, _, _ = small_demo
    conn = sqlite3.connect(source)
    community = conn.execute("""SELECT s.name || '/' || c.name FROM community c JOIN street s ON s.id = c.street_id
                                ORDER BY c.id LIMIT 1""").fetchone()[0]
    conn.close()
    reference = copy_db(source, tmp_path / "reference.db")
    cmd = lambda db, out: main_py("--db", db, "print", "consent-form", "--all", community, "-o", out)  # noqa: E731
    seconds = timed(cmd(reference, tmp_path / "ref-out"), tmp_path)
    before, after = counts(source), counts(reference)
    files = len(list((tmp_path / "ref-out").glob("*.pdf")))
    assert after[3] > before[3] and files > 1
    outcomes = []
    for n in range(3):
        victim, out = copy_db(source, tmp_path / f"print{n}.db"), tmp_path / f"out{n}"
        run_and_kill(cmd(victim, out), tmp_path, rng.uniform(0.3, seconds))
        got = counts(victim)  # integrity_check passes
        pdfs = sorted(out.glob("*.pdf")) if out.exists() else []
        assert got in (before, after), (SEED, n, got)  # the batch's records are one transaction
        assert all(p.read_bytes().rstrip().endswith(b"%%EOF") for p in pdfs)  # no half-written PDF
        if got == after:
            assert len(pdfs) == files  # every recorded document has its file
        outcomes.append(f"{'all' if got == after else 'no'} records, {len(pdfs)}/{files} files")
    print(f"\nbatch print kills (seed {SEED}, {seconds:.1f} s per batch): {outcomes}")


def test_kill_a_restore_leaves_the_database_before_or_restored(tmp_path, small_demo):
    """A restore killed at any moment: the database is sound and either as it was or the backup
    (one transaction under the write lock); the next run sweeps the half-written copies."""
    rng = random.Random(SEED + 3)
    source, _, full = small_demo
    empty = tmp_path / "empty.db"
    subprocess.run(main_py("--db", empty, "init"), env=env(tmp_path), check=True, capture_output=True)
    reference = copy_db(source, tmp_path / "reference.db")
    seconds = timed(main_py("--db", reference, "restore", empty), tmp_path)
    restored = counts(reference)
    assert restored != full
    outcomes = []
    for n in range(3):
        (tmp_path / f"restore{n}").mkdir()
        victim = copy_db(source, tmp_path / f"restore{n}" / "station.db")
        killed = run_and_kill(main_py("--db", victim, "restore", empty), tmp_path, rng.uniform(0.2, seconds * 1.05))
        got = counts(victim)
        assert got in (full, restored), (SEED, n, got)
        folder = victim.parent / "backups"
        if folder.exists():  # a restore keeps its copy in the backups folder: the rotation sweeps what a kill left
            from liftdesk.store.backup import thin
            thin(victim, folder)
            assert not [f for f in folder.glob(".*") if not checks.is_bookkeeping(f)]  # the check record stays
        outcomes.append(("killed, " if killed else "done, ") + ("restored" if got == restored else "as before"))
    print(f"\nrestore kills (seed {SEED}, {seconds:.1f} s per restore): {outcomes}")


def test_kill_a_batch_then_print_again_never_repeats_a_serial(tmp_path, small_demo):
    """A batch killed after reserving its serials: the next batch into the same folder puts in
    place or removes the killed one's hidden files, and no serial appears twice."""
    rng = random.Random(SEED + 4)
    source, _, _ = small_demo
    conn = sqlite3.connect(source)
    community = conn.execute("""SELECT s.name || '/' || c.name FROM community c JOIN street s ON s.id = c.street_id
                                ORDER BY c.id LIMIT 1""").fetchone()[0]
    conn.close()
    reference = copy_db(source, tmp_path / "reference.db")
    cmd = lambda db, out: main_py("--db", db, "print", "consent-letters", "--all", community, "-o", out,  # noqa: E731
                                  "--force")
    seconds = timed(cmd(reference, tmp_path / "ref-out"), tmp_path)
    outcomes = []
    for n in range(3):
        victim, out = copy_db(source, tmp_path / f"print{n}.db"), tmp_path / f"out{n}"
        run_and_kill(cmd(victim, out), tmp_path, rng.uniform(0.3, seconds))
        subprocess.run(cmd(victim, out), env=env(tmp_path), check=True, capture_output=True, timeout=300)
        assert not [p for p in out.iterdir() if p.name.startswith(".")]  # swept: nothing hidden is left
        conn = sqlite3.connect(victim)
        serials = [r[0] for r in conn.execute("SELECT serial FROM printed_document WHERE kind = 'consent-letters'")]
        reserved = conn.execute("SELECT count(*) FROM serial_counter").fetchone()[0]
        conn.close()
        assert len(serials) == len(set(serials)) and reserved >= 1
        outcomes.append(f"{len(serials)} serials, {len(list(out.glob('*.pdf')))} files")
    print(f"\nbatch kill then reprint (seed {SEED}): {outcomes}")
