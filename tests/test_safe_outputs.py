"""Nothing a helper types as an output can destroy or duplicate (issue 20): the one output-path
guard (the database, its WAL, its backups, a device, an existing file, a folder, a wrong
extension), and serial numbers that never repeat (past 9,999; two batches at once)."""

import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys

import pytest

from liftdesk.cli.main import main
from liftdesk.common.outputs import check_output
from liftdesk.documents import generate, printed
from liftdesk.errors import ValidationError
from liftdesk.store import open_store
from liftdesk.store.backup import backup_folder, protected_paths

from .conftest import ROOT

ADDRESS = "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元"


def cli(capsys, db, *args):
    capsys.readouterr()
    code = main(["--db", str(db), *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def household_count(db) -> int:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute("SELECT count(*) FROM household").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def station(store, unit, db_path):
    """A closed station database with one unit of 12 households, and its WAL present."""
    store.close()
    keep = sqlite3.connect(db_path)  # holds the WAL open so -wal and -shm exist beside the file
    keep.execute("SELECT 1 FROM household").fetchone()
    yield db_path
    keep.close()


@pytest.mark.parametrize("target", ["db", "wal", "symlink", "backups"])
@pytest.mark.parametrize("command", ["print", "export", "report", "backup"])
def test_an_output_onto_the_database_its_wal_or_its_backups_is_refused(capsys, station, tmp_path, target, command):
    wal = station.with_name(station.name + "-wal")
    assert wal.exists()
    paths = {"db": station, "wal": wal, "symlink": tmp_path / "innocent.pdf",
             "backups": backup_folder(station) / "x.pdf"}
    (tmp_path / "innocent.pdf").symlink_to(station)
    backup_folder(station).mkdir(exist_ok=True)
    before_db, before_wal = station.read_bytes(), wal.read_bytes()
    args = {"print": ["print", "consent-form", ADDRESS], "export": ["export", "--plaintext"],
            "report": ["report", "district"], "backup": ["backup"]}[command]
    code, out, err = cli(capsys, station, *args, "-o", paths[target], "--force")
    assert code == 2, (out, err)
    assert "数据库本身" in err or "扩展名不对" in err
    assert station.read_bytes() == before_db and not station.read_bytes().startswith(b"%PDF")
    assert not wal.read_bytes().startswith(b"%PDF") and len(wal.read_bytes()) >= len(before_wal)
    assert (tmp_path / "innocent.pdf").is_symlink() and not list(backup_folder(station).glob("x.pdf"))
    assert household_count(station) == 12


def test_the_database_is_refused_even_with_its_own_extension(capsys, station, tmp_path):
    code, _, err = cli(capsys, station, "backup", "-o", station, "--force")
    assert code == 2 and "数据库本身" in err
    hard = tmp_path / "hardlink.db"
    os.link(station, hard)
    code, _, err = cli(capsys, station, "backup", "-o", hard, "--force")
    assert code == 2 and "数据库本身" in err  # the same file under another name
    assert household_count(station) == 12


def _private_device(folder):
    """A device node of the test's own (a null device when root may make one, else a FIFO): the
    guard is tried, and broken on purpose, without ever touching the system's /dev."""
    path = folder / "printer.pdf"
    try:
        os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        os.mkfifo(path)
    return path


def test_a_device_is_refused_and_stays_a_device(capsys, station, tmp_path):
    device = _private_device(tmp_path)
    code, _, err = cli(capsys, station, "print", "consent-form", ADDRESS, "-o", device, "--force")
    assert code == 2 and "不是普通文件" in err
    assert not stat.S_ISREG(os.lstat(device).st_mode)  # still the device, not a PDF
    bare = tmp_path / "bare"
    os.mkfifo(bare)
    code, _, err = cli(capsys, station, "print", "consent-form", ADDRESS, "-o", bare, "--force")
    assert code == 2 and "不是普通文件" in err and not (tmp_path / "bare.pdf").exists()


def test_an_existing_file_is_replaced_only_with_force(capsys, station, tmp_path):
    out = tmp_path / "form.pdf"
    out.write_bytes(b"an earlier, signed scan")
    code, _, err = cli(capsys, station, "print", "consent-form", ADDRESS, "-o", out)
    assert code == 2 and "已存在" in err and "--force" in err
    assert out.read_bytes() == b"an earlier, signed scan"
    code, _, err = cli(capsys, station, "print", "consent-form", ADDRESS, "-o", out, "--force")
    assert code == 0, err
    assert out.read_bytes().startswith(b"%PDF")


def test_a_folder_and_a_wrong_extension_are_refused_in_chinese(capsys, station, tmp_path):
    folder = tmp_path / "existing"
    folder.mkdir()
    code, _, err = cli(capsys, station, "print", "consent-form", ADDRESS, "-o", folder)
    assert code == 2 and "是一个文件夹" in err and "Is a directory" not in err
    code, _, err = cli(capsys, station, "print", "consent-form", ADDRESS, "-o", tmp_path / "x.png")
    assert code == 2 and "扩展名不对" in err and ".pdf" in err
    assert not (tmp_path / "x.png").exists()
    code, _, err = cli(capsys, station, "export", "--plaintext", "-o", tmp_path / "s.pdf")
    assert code == 2 and ".liftsync" in err and not (tmp_path / "s.pdf").exists()
    code, out, err = cli(capsys, station, "print", "consent-form", ADDRESS, "-o", tmp_path / "named")
    assert code == 0 and (tmp_path / "named.pdf").read_bytes().startswith(b"%PDF")  # the extension is given
    assert not list(folder.iterdir())


def test_a_batch_folder_must_be_a_folder_and_combined_a_file(capsys, station, tmp_path):
    code, _, err = cli(capsys, station, "print", "consent-form", "--all", "长庆街道", "-o", tmp_path / "b.pdf")
    assert code == 2 and "--combined" in err and not (tmp_path / "b.pdf").exists()
    afile = tmp_path / "afile"
    afile.write_text("x")
    code, _, err = cli(capsys, station, "print", "consent-form", "--all", "长庆街道", "-o", afile)
    assert code == 2 and "文件夹" in err and afile.read_text() == "x"
    code, _, err = cli(capsys, station, "print", "consent-form", "--all", "长庆街道", "--combined", tmp_path)
    assert code == 2 and "是一个文件夹" in err
    code, _, err = cli(capsys, station, "print", "consent-form", "--all", "长庆街道", "-o", tmp_path / "batch")
    assert code == 0, err
    again = cli(capsys, station, "print", "consent-form", "--all", "长庆街道", "-o", tmp_path / "batch")
    assert again[0] == 2 and "已存在" in again[2]  # a second batch does not silently replace the first


def test_the_gui_save_path_refuses_the_database_and_asks_before_replacing(qtbot, station, tmp_path, monkeypatch):
    from ui import messages
    from ui.save_paths import check_save_path

    shown, asked = [], []
    monkeypatch.setattr(messages, "error", lambda parent, text: shown.append(text))
    monkeypatch.setattr(messages, "confirm", lambda parent, text: asked.append(text) or False)
    assert check_save_path(None, station, station, (".pdf",)) is None and "数据库本身" in shown[-1]
    existing = tmp_path / "old.pdf"
    existing.write_bytes(b"old")
    assert check_save_path(None, station, existing, (".pdf",)) is None and "已存在" in asked[-1]
    monkeypatch.setattr(messages, "confirm", lambda parent, text: True)
    assert check_save_path(None, station, existing, (".pdf",)) == existing
    assert check_save_path(None, station, tmp_path / "new", (".pdf",)) == tmp_path / "new.pdf"


def test_protected_paths_follow_symlinks_to_the_backups(station, tmp_path):
    backups = backup_folder(station)
    backups.mkdir(exist_ok=True)
    alias = tmp_path / "alias"
    alias.symlink_to(backups)
    with pytest.raises(ValidationError, match="数据库本身"):
        check_output(alias / "a.pdf", protected=protected_paths(station), suffixes=(".pdf",))


# --- serial numbers ---------------------------------------------------------------------------


def test_serials_go_past_9999_as_integers(store, unit, tmp_path):
    stem = printed.serial_stem(store, "consent-form")
    with store.db.atomic():
        printed.record(store, "consent-form", f"{stem}9999", {"planted": True}, 1)
    first = generate.print_document(store, "consent-form", ADDRESS, tmp_path / "a.pdf")
    second = generate.print_document(store, "consent-form", ADDRESS, tmp_path / "b.pdf")
    assert (first.serial, second.serial) == (f"{stem}10000", f"{stem}10001")
    letters = printed.serial_stem(store, "consent-letters")
    with store.db.atomic():
        printed.record(store, "consent-letters", f"{letters}9999", {"planted": True}, 1)
    more = generate.print_batch(store, "consent-letters", "长庆街道", tmp_path / "letters")
    numbers = [int(s.rsplit("-", 1)[1]) for p in more.printed for s in p.serials]
    assert sorted(numbers) == list(range(10000, 10012))  # one letter per household, in one reserved range


def test_two_stores_reserving_at_once_get_disjoint_ranges(store, unit, db_path):
    other = open_store(db_path, actor="other")
    try:
        ranges = []
        for who in (store, other, store, other):
            stem, first = printed.reserve_serials(who, "consent-letters", 5)
            ranges.append(set(range(first, first + 5)))
        assert len(set().union(*ranges)) == 20
    finally:
        other.close()


SERIAL = re.compile(r"[A-Z]{2}-\d{6}-[0-9A-F]{4}-\d{4,}")


def _serials_in(pdf) -> set[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return set(SERIAL.findall(text))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_two_batches_on_two_streets_at_once_never_share_a_serial(small_district, tmp_path):
    env = dict(os.environ, HOME=str(tmp_path), LIFTDESK_DATA_DIR=str(tmp_path / "data"), LIFTDESK_PRINT_WORKERS="1")
    folders = {street: tmp_path / street for street in ("半山街道", "石桥街道")}
    runs = [subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(small_district), "print",
                              "consent-letters", "--all", street, "-o", str(folder)],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for street, folder in folders.items()]
    outcomes = [run.communicate(timeout=240) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outcomes
    conn = sqlite3.connect(small_district)
    recorded = {serial: unit for serial, unit in conn.execute(
        "SELECT serial, unit_id FROM printed_document WHERE kind = 'consent-letters'")}
    conn.close()
    seen: dict[str, str] = {}
    for folder in folders.values():
        assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # nothing hidden left behind
        for pdf in folder.glob("*.pdf"):
            for serial in _serials_in(pdf):
                assert serial not in seen, (serial, pdf, seen.get(serial))  # never two files with one serial
                seen[serial] = pdf.name
    assert set(seen) == set(recorded)  # every file recorded, every record has its file


def test_a_batch_whose_records_cannot_be_committed_removes_its_files_and_says_so(store, unit, tmp_path, monkeypatch):
    from liftdesk.errors import LiftDeskError, StoreError

    def busy(*args, **kwargs):
        raise StoreError("db.busy")
    monkeypatch.setattr(generate, "_record", busy)
    folder = tmp_path / "letters"
    with pytest.raises(LiftDeskError, match="已删除写出但未登记的 1 个文件"):
        generate.print_batch(store, "consent-letters", "长庆街道", folder)
    assert not list(folder.iterdir())  # neither a PDF nor a hidden part file
    assert store.db.execute("SELECT count(*) FROM printed_document").fetchone()[0] == 0


def test_a_saved_copy_never_lands_in_the_backups_folder(station):
    from liftdesk.store import files

    backups = backup_folder(station)
    backups.mkdir(exist_ok=True)
    with pytest.raises(ValidationError, match="数据库本身"):
        files.save_copy(station, backups / "copy.db")
    assert not (backups / "copy.db").exists()
