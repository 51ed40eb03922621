"""A full disk (simulated: SQLite's page limit gives the real "database or disk is full", and
ENOSPC raised where files are written) during an import, a sync import, a print and a backup:
a Chinese message naming the folder and the room needed, exit 2, --json {"error": ...}, the
database unchanged; leftovers of killed runs are swept by the next run and the backup rotation."""

import errno
import json
import os
import sqlite3
import subprocess
import sys

import pytest

from liftdesk.cli.main import main
from liftdesk.documents import generate, staging
from liftdesk.errors import LiftDeskError
from liftdesk.store import backup, connection
from liftdesk.sync import exchange

from .sync_helpers import PASSPHRASE, district_with_street

ADDRESS = "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元"
FULL = "磁盘空间不足"


def cli(capsys, db, *args):
    capsys.readouterr()
    code = main(["--db", str(db), *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def user_rows(db) -> tuple:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("household", "person", "position", "printed_document", "change_log"))
    finally:
        conn.close()


@pytest.fixture
def disk_full(monkeypatch):
    """Every database the CLI opens for writing may not grow by a single page."""
    configure = connection._configure

    def no_room(db, timeout_ms):
        configure(db, timeout_ms)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")
    monkeypatch.setattr(connection, "_configure", no_room)


def no_space(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_an_import_on_a_full_disk_says_so_and_changes_nothing(capsys, store, unit, db_path, tmp_path, disk_full):
    store.close()
    src = tmp_path / "r.csv"
    src.write_text("业主,房号,面积,电话,居住,意见,书面,楼层\n" + "".join(
        f"新住户{f}{r:02d},{f}{r:02d},60.00,,自住,支持,是,{f}\n" for f in range(1, 7) for r in range(1, 41)),
        encoding="utf-8")
    before = user_rows(db_path)
    code, out, err = cli(capsys, db_path, "import-roster", src, "--unit", "长庆街道/王马社区/遥祥寺巷小区/7幢/1单元", "--create")
    assert code == 2 and FULL in err and str(db_path.resolve().parent) in err and "需约" in err
    assert "Traceback" not in err and "disk is full" not in err
    assert user_rows(db_path) == before


def test_a_sync_import_on_a_full_disk_gives_a_json_error(capsys, tmp_path, monkeypatch):
    district, station = tmp_path / "district.db", tmp_path / "station.db"
    district_with_street(district)
    pw = tmp_path / "pass.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
    pw.chmod(0o600)  # a passphrase file others can read is refused
    key = tmp_path / "district.key"
    assert cli(capsys, district, "district-init", "--passphrase-file", pw, "--public-key-out", key)[0] == 0
    assert cli(capsys, station, "station-init", "--name", "长庆街道工作站", "--district-key", key,
               "--scope", "长庆街道")[0] == 0
    assert cli(capsys, station, "export", "-o", tmp_path / "s0.liftsync")[0] == 0  # held until accepted
    assert cli(capsys, district, "import", tmp_path / "s0.liftsync", "--passphrase-file", pw)[0] == 0
    from liftdesk.store import open_store
    from liftdesk.sync import enrol

    me = enrol.station_identity(open_store(station))
    assert cli(capsys, district, "accept-station", me.station_id, "--fingerprint", me.keys.fingerprint,
               "--passphrase-file", pw)[0] == 0
    assert cli(capsys, station, "export", "-o", tmp_path / "s1.liftsync")[0] == 0
    before = user_rows(district)
    record_file = exchange.ledger.record_file

    def full_while_recording(store, *args, **kwargs):  # the disk fills up in the middle of the merge
        store.db.execute("INSERT INTO liftdesk_meta (key, value) VALUES ('half-way', 'x')")
        raise sqlite3.OperationalError("database or disk is full")
    monkeypatch.setattr(exchange.ledger, "record_file", full_while_recording)
    code, out, err = cli(capsys, district, "import", tmp_path / "s1.liftsync", "--passphrase-file", pw, "--json")
    assert code == 2 and FULL in err and "Traceback" not in err
    assert FULL in json.loads(out)["error"]
    assert user_rows(district) == before
    conn = sqlite3.connect(district)
    assert conn.execute("SELECT count(*) FROM liftdesk_meta WHERE key = 'half-way'").fetchone()[0] == 0
    conn.close()
    monkeypatch.setattr(exchange.ledger, "record_file", record_file)


def test_a_print_on_a_full_disk_says_so_and_leaves_nothing(capsys, store, unit, db_path, tmp_path, monkeypatch):
    store.close()
    before = user_rows(db_path)
    monkeypatch.setattr(staging, "open", no_space, raising=False)
    out = tmp_path / "out"
    code, _, err = cli(capsys, db_path, "print", "consent-form", ADDRESS, "-o", out / "form.pdf")
    assert code == 2 and FULL in err and str(out) in err
    code, _, err = cli(capsys, db_path, "print", "consent-letters", "--all", "长庆街道", "-o", out / "batch")
    assert code == 2 and FULL in err and "Traceback" not in err
    assert user_rows(db_path) == before
    assert not [p for p in out.rglob("*") if p.is_file()]  # no PDF, no hidden part file


def test_a_backup_on_a_full_disk_says_so_and_leaves_no_part_file(capsys, store, unit, db_path, tmp_path, monkeypatch):
    store.close()
    monkeypatch.setattr(backup.os, "chmod", no_space)  # the copy is written, then the disk is full
    code, _, err = cli(capsys, db_path, "backup", "-o", tmp_path / "copy.db")
    assert code == 2 and FULL in err and str(tmp_path) in err
    assert not list(tmp_path.glob(".copy.db*")) and not (tmp_path / "copy.db").exists()


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def test_leftovers_of_killed_runs_are_swept(store, unit, db_path, tmp_path):
    folder = backup.backup_folder(db_path)
    folder.mkdir(exist_ok=True)
    dead = _dead_pid()
    stale = [folder / f".station-x.db.{dead}.part", folder / f".station-x.db.{dead}.part-journal"]
    old = folder / ".station-y.db.part"
    live = folder / f".station-z.db.{os.getpid()}.part"
    for path in (*stale, old, live):
        path.write_bytes(b"\0" * 4096)
    os.utime(old, (1, 1))
    backup.make_backup(db_path, "manual")
    assert not any(p.exists() for p in (*stale, old)) and live.exists()

    out = tmp_path / "printed"
    first = generate.print_document(store, "consent-form", ADDRESS, out / "a.pdf")
    recorded = out / f".b.pdf~{first.serial}~{dead}~abc.part"
    orphan = out / f".c.pdf~YJ-000000-XXXX-0001~{dead}~abc.part"
    (out / "a.pdf").rename(recorded)
    orphan.write_bytes(b"%PDF never recorded")
    generate.print_document(store, "consent-form", ADDRESS, out / "d.pdf")
    assert (out / "b.pdf").exists() and not recorded.exists()  # recorded before the kill: put in place
    assert not orphan.exists() and not (out / "c.pdf").exists()  # never recorded: removed


def test_a_report_or_a_sync_export_on_a_full_disk_says_so(capsys, store, unit, db_path, tmp_path, monkeypatch):
    from liftdesk.documents import template
    from liftdesk.sync import ledger

    store.close()
    before = user_rows(db_path)
    monkeypatch.setattr(template.os, "fdopen", no_space)
    code, _, err = cli(capsys, db_path, "report", "district", "-o", tmp_path / "r.xlsx")
    assert code == 2 and FULL in err and str(tmp_path) in err
    monkeypatch.setattr(ledger.Path, "write_bytes", no_space)  # a sync file or a receipt
    with pytest.raises(LiftDeskError, match=FULL):
        ledger.write_atomic(tmp_path / "s.liftsync", b"bundle")
    assert user_rows(db_path) == before and not list(tmp_path.glob("*.liftsync*")) and not list(tmp_path.glob("r.xlsx"))
