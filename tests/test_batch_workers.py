"""A street's batch at speed (issue #13, item 9): the units render on forked worker processes, the
file's integrity check runs beside them, and every PDF of a batch shares its first font subset.
None of that may change what is printed or recorded, lose a unit, or write to a damaged file."""

import hashlib
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from liftdesk.places import registry
from liftdesk.people import ownership
from liftdesk.documents import fonts, generate, parallel
from liftdesk.errors import LiftDeskError, StoreError
from liftdesk.store import open_store

from .test_integrity import damage_btree_page

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
PARENT = os.getpid()


def text_of(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张"
FIRST = "伟芳娜敏静丽强磊军洋勇艳杰娟涛超秀霞刚桂英华玉兰志建国斌宇浩然欣怡涵梓萱佳琪雨轩博思远俊"
SECOND = "晓东海燕春梅秋菊冬雪立振鹏飞云龙凤霖淑贞慧琳瑶婷倩颖晨曦阳光泽润鑫磊森林峰岩松柏"


def street_of_units(store, count: int = 5) -> dict[str, list[str]]:
    """COUNT more units beside the fixture's, every owner a name no other owner has: {unit: names}.
    Real-looking names, so that a form's characters fill a first font subset as the demo's do."""
    building = store.db.execute("SELECT id FROM building").fetchone()[0]
    names: dict[str, list[str]] = {}
    for n in range(2, 2 + count):
        unit_id = registry.add_unit(store, building, f"{n}单元")
        registry.quick_create_households(store, unit_id, 3, 2)
    k = 0
    for unit_id, label in store.db.execute("SELECT id, name FROM unit ORDER BY name").fetchall():
        names[label] = []
        for row in registry.unit_households(store, unit_id):
            name = SURNAMES[k % len(SURNAMES)] + FIRST[k % len(FIRST)] + SECOND[k % len(SECOND)]
            k += 1
            ownership.set_owners(store, row.id, [name], "")
            names[label].append(name)
    return names


def scrub(text: str) -> str:
    """The text without what differs from run to run: serials and the print date."""
    return re.sub(r"[A-Z]{2}-\d{6}-[0-9A-F]{4}-\d{4}", "SERIAL", text)


def test_workers_print_and_record_exactly_what_one_process_does(store, unit, tmp_path):
    names = street_of_units(store)
    one = generate.print_batch(store, "consent-form", "长庆街道", tmp_path / "one", workers=1)
    two = generate.print_batch(store, "consent-form", "长庆街道", tmp_path / "two", workers=2)
    assert len(one.printed) == len(two.printed) == len(names) == 6
    assert [p.path.name for p in one.printed] == [p.path.name for p in two.printed]
    for a, b in zip(one.printed, two.printed):
        assert a.pages == b.pages
        assert scrub(text_of(a.path)) == scrub(text_of(b.path))
        text = text_of(b.path)
        assert b.serial in text  # each file carries the serial it was recorded under
        label = re.search(r"(\d单元)", b.path.name).group(1)
        assert all(name in text for name in names[label])  # and its own unit's owners, no other's
        assert not any(name in text for other, group in names.items() if other != label for name in group)
    rows = store.db.execute("SELECT serial, unit_id FROM printed_document").fetchall()
    assert len(rows) == 12 and len({serial for serial, _ in rows}) == 12
    recorded = {serial for serial, _ in rows}
    assert {p.serial for p in two.printed} <= recorded


@pytest.mark.parametrize("mode", ["layout", "crash", "killed"])
def test_a_worker_that_fails_or_dies_never_loses_a_unit_silently(store, unit, tmp_path, monkeypatch, mode):
    street_of_units(store)
    plain = generate.render_sections

    def render(sections):
        if os.getpid() != PARENT and "4单元" in sections[0][0].project_line:
            if mode == "layout":
                raise LiftDeskError("document.layout", title="征询表", reason="太长")
            if mode == "crash":
                raise RuntimeError("a bug in a worker")
            os.kill(os.getpid(), signal.SIGKILL)
        return plain(sections)
    monkeypatch.setattr(generate, "render_sections", render)
    folder = tmp_path / "out"
    if mode == "layout":
        result = generate.print_batch(store, "consent-form", "长庆街道", folder, workers=2)
        assert len(result.printed) == 5 and len(result.failed) == 1 and "4单元" in result.failed[0][0]
    else:
        with pytest.raises(parallel.WorkerCrash) as err:
            generate.print_batch(store, "consent-form", "长庆街道", folder, workers=2)
        assert ("a bug in a worker" in str(err.value)) if mode == "crash" else "not rendered" in str(err.value)
    files = sorted(folder.glob("*.pdf"))
    recorded = {row[0] for row in store.db.execute("SELECT serial FROM printed_document")}
    in_files = {re.search(r"[A-Z]{2}-\d{6}-[0-9A-F]{4}-\d{4}", text_of(f)).group(0) for f in files}
    assert recorded == in_files  # never a record without its file, nor a file left unrecorded
    assert not any("4单元" in f.name for f in files)
    assert not list(folder.glob("*.part"))


def test_a_street_batch_uses_every_core_only_where_it_pays(monkeypatch):
    monkeypatch.delenv("LIFTDESK_PRINT_WORKERS", raising=False)
    monkeypatch.setattr(parallel.sys, "platform", "linux")
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert parallel.worker_count(200) == 2
    assert parallel.worker_count(5) == 1  # a fork costs more than a handful of units
    monkeypatch.setenv("LIFTDESK_PRINT_WORKERS", "1")
    assert parallel.worker_count(200) == 1
    monkeypatch.delenv("LIFTDESK_PRINT_WORKERS")
    monkeypatch.setattr(parallel.sys, "platform", "win32")  # no fork there
    assert parallel.worker_count(200) == 1


def test_a_batch_shares_its_first_font_subset_and_every_file_reads_back_its_own_names(store, unit, tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFontFile

    names = street_of_units(store)
    fonts._SEEDS.clear()
    fonts.register()
    face = pdfmetrics.getFont(fonts.FONT).face
    face.subsets_made.cache_clear()
    result = generate.print_batch(store, "consent-form", "长庆街道", tmp_path / "out", workers=1)
    assert "加装电梯业主意见征询表" in fonts._SEEDS  # learnt from the first file, given to the rest
    assert face.subsets_made.cache_info().hits >= len(result.printed) - 1  # so their first subset is one
    codes = [0, 0x4E2D, 65, 0x738B, 0x5F20, 32]  # and what the cache hands out is that subset, in its order
    assert face.makeSubset(codes) == TTFontFile.makeSubset(face, codes)
    for done in result.printed:
        label = re.search(r"(\d单元)", done.path.name).group(1)
        text = text_of(done.path)
        assert all(name in text for name in names[label]) and "同意" in text and "委托书号" in text


def test_a_deferred_check_lets_nothing_be_written_to_a_damaged_file(store, unit, db_path, tmp_path):
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    damage_btree_page(db_path)
    before = hashlib.sha256(db_path.read_bytes()).digest()
    late = open_store(db_path, defer_check=True)  # opens at once: the check runs in the background
    with pytest.raises(StoreError) as err:
        late.set_meta("note", "x")
    assert err.value.key == "db.damaged"
    with pytest.raises(StoreError):
        generate.print_batch(late, "notice", "长庆街道", tmp_path / "out")
    late.db.conn.close()
    assert hashlib.sha256(db_path.read_bytes()).digest() == before
    assert not list((tmp_path / "out").glob("*.pdf")) if (tmp_path / "out").exists() else True


def test_a_deferred_check_on_a_sound_file_lets_the_batch_through(store, unit, db_path, tmp_path):
    store.close()
    late = open_store(db_path, defer_check=True)
    assert late.db.pending_check is not None
    result = generate.print_batch(late, "consent-form", "长庆街道", tmp_path / "out")
    assert len(result.printed) == 1 and late.db.pending_check is None
    late.close()


def test_ctrl_c_stops_a_street_batch_with_every_written_file_recorded(small_district, tmp_path):
    import json
    import sys
    import time

    from .conftest import ROOT

    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(tmp_path), "LIFTDESK_DATA_DIR": str(tmp_path)}
    units = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(small_district), "units", "--json"],
                           capture_output=True, text=True, env=env, check=True).stdout
    streets = [u["street"] for u in json.loads(units)]
    street = max(set(streets), key=streets.count)  # the longest batch: Ctrl+C lands well before its end
    folder = tmp_path / "letters"
    run = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(small_district), "print", "consent-letters",
                            "--all", street, "-o", str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    # files are written hidden and appear under their names once recorded: wait for five written
    while not (folder.exists() and len(list(folder.glob(".*.part"))) >= 5) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(run.pid, signal.SIGINT)  # Ctrl+C at a terminal: the whole process group
    out, err = run.communicate(timeout=60)
    assert run.returncode == 130 and "已中断" in err and "Traceback" not in err
    files = sorted(folder.glob("*.pdf"))
    in_files = {s for f in files for s in re.findall(r"[A-Z]{2}-\d{6}-[0-9A-F]{4}-\d{4}", text_of(f))}
    conn = sqlite3.connect(small_district)
    recorded = {row[0] for row in conn.execute("SELECT serial FROM printed_document WHERE kind = 'consent-letters'")}
    conn.close()
    assert files and recorded == in_files  # what was written is recorded, nothing more
    assert not list(folder.glob(".*.part"))  # no hidden leftovers
    assert len(files) < streets.count(street)  # stopped part-way
    assert not list(folder.glob("*.part"))


def _gone(pid: int) -> bool:
    """Ended (a zombie counts: nothing reaps an orphan in some containers)."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            return any(line.startswith("State:") and "Z" in line.split()[1] for line in fh)
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_the_workers_end_when_the_batch_is_killed(tmp_path):
    """A batch killed mid-run (the window closed by force, the PC's task manager) leaves no worker
    waiting for ever with the database open: each one's pipe has no other reader than the parent."""
    import time

    root = Path(__file__).resolve().parent.parent
    script = tmp_path / "batch.py"
    script.write_text(f"""
import os, sys, time
sys.path.insert(0, {str(root)!r})
from liftdesk.documents import parallel

def render(sections):
    open(os.path.join({str(tmp_path)!r}, "w%d" % os.getpid()), "w").close()
    return b"x" * 1_000_000, [1]     # more than a pipe holds: a worker waits for its reader

batch = parallel.render_many(iter([(i, []) for i in range(40)]), render, 2)
next(batch)   # the first is rendered here (it warms what the workers inherit)
next(batch)   # then the workers start
print(os.getpid(), flush=True)
time.sleep(60)
""")
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        parent = int(proc.stdout.readline())
        deadline = time.monotonic() + 10
        while len(list(tmp_path.glob("w*"))) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        pids = [int(p.name[1:]) for p in tmp_path.glob("w*") if int(p.name[1:]) != parent]
        assert len(pids) == 2
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
    deadline = time.monotonic() + 10
    while not all(_gone(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in pids if not _gone(pid)]
    for pid in left:
        os.kill(pid, 9)
    assert not left
