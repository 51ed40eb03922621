"""Opening files safely: a damaged database is refused untouched and the newest good backup offered;
read-only commands never write; nothing becomes a new database unless asked; clear messages for
folders and read-only places; no impossible place names."""

import hashlib
import json
import os
import sqlite3
import subprocess
import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from liftdesk.history import actions, recycle, undo
from liftdesk.cli import main
from liftdesk.places import places, registry
from liftdesk.errors import LiftDeskError, StoreError, ValidationError
from liftdesk.store import backup, open_store, records

from .conftest import ROOT


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_cli(tmp_path, *args):
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
           "LIFTDESK_DATA_DIR": str(tmp_path / "data")}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True, text=True,
                          env=env, timeout=120)


def _checkpointed(store):
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()


def damage_btree_page(path, table="household"):
    """Overwrite the header of a table's b-tree root page: SQLite's quick_check must notice."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\xff" * 12)


@pytest.fixture
def filled(store, unit, db_path):
    """A station database with one unit, a good backup of it, then closed."""
    made = backup.make_backup(db_path, "manual")
    _checkpointed(store)
    return db_path, made


def test_a_damaged_database_is_refused_untouched_and_the_newest_good_backup_named(filled, tmp_path):
    path, good = filled
    damage_btree_page(path)
    before, mtime = digest(path), path.stat().st_mtime_ns
    with pytest.raises(StoreError) as err:
        open_store(path)
    assert err.value.key == "db.damaged" and err.value.backup == good
    assert str(good) in str(err.value)
    out = run_cli(tmp_path, "--db", path, "units")
    assert out.returncode == 2 and "已损坏" in out.stderr and str(good) in out.stderr
    assert "Traceback" not in out.stderr
    assert digest(path) == before and path.stat().st_mtime_ns == mtime
    # The CLI restores the named backup; the damaged file is kept aside, not deleted.
    out = run_cli(tmp_path, "--db", path, "restore", good)
    assert out.returncode == 0, out.stderr
    assert "12 户" in out.stdout
    aside = [p for p in path.parent.glob("station.db.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1 and digest(aside[0]) == before
    info = json.loads(run_cli(tmp_path, "--db", path, "info", "--json").stdout)
    assert info["households"] == 12


def test_gui_offers_the_backup_with_a_button_and_restores_it(qtbot, filled):
    from ui import app as ui_app

    path, good = filled
    damage_btree_page(path)
    ui_app.init_app("zh", 12)
    with pytest.raises(StoreError) as err:
        open_store(path)
    seen = []

    def click_restore():
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        seen.append(box.text())
        button = next(b for b in box.findChildren(QPushButton) if b.text() == "恢复此备份")
        qtbot.mouseClick(button, qtbot_left())

    QTimer.singleShot(100, click_restore)
    store = ui_app.offer_restore(path, err.value)
    assert store is not None and seen and str(good) in seen[0]
    assert places.counts(store)["households"] == 12
    store.close()


def qtbot_left():
    from PySide6.QtCore import Qt
    return Qt.MouseButton.LeftButton


REFUSALS = {
    "garbage": lambda p: p.write_bytes(b"not a database" * 300),
    "truncated": lambda p: p.write_bytes(p.read_bytes()[:5000]),
    "btree": damage_btree_page,
    "zero-length": lambda p: p.write_bytes(b""),
    "foreign": lambda p: (p.unlink(), sqlite3.connect(p).execute("CREATE TABLE t (x)").connection.commit()),
}


@pytest.mark.parametrize("damage", sorted(REFUSALS))
def test_every_bad_file_is_refused_by_every_command_and_left_byte_for_byte(damage, filled, tmp_path):
    path, _ = filled
    REFUSALS[damage](path)
    before, mtime = digest(path), path.stat().st_mtime_ns
    commands = [["info"], ["units"], ["import-roster", tmp_path / "none.csv", "--unit", "a/b/c/d/e", "--create"],
                ["backup", "-o", tmp_path / "copy.db"], ["demo"],
                ["print", "consent-form", "--all", "长庆街道", "-o", tmp_path / "out"]]  # checked beside the batch
    for command in commands:
        out = run_cli(tmp_path, "--db", path, *command)
        assert out.returncode == 2, (command, out.stdout)
        assert "Traceback" not in out.stderr and out.stderr.strip(), command
        assert digest(path) == before and path.stat().st_mtime_ns == mtime, command
    assert not (tmp_path / "copy.db").exists() and not list(tmp_path.glob("out/*.pdf"))
    print(f"\n{damage}: refused by {len(commands)} commands, unchanged")


def test_read_only_commands_never_write_the_file(small_district, tmp_path):
    units = json.loads(run_cli(tmp_path, "--db", small_district, "units", "--under", "半山街道", "--json").stdout)
    address = next(u for u in units if u["lift_project"])["address"]
    before, mtime = digest(small_district), small_district.stat().st_mtime_ns
    src = tmp_path / "r.csv"
    src.write_text("房号,面积,楼层\n101,60,1\n", encoding="utf-8")
    for command in (["info", "--json"], ["units", "--under", "半山街道"], ["consent", address, "--json"],
                    ["stage", address], ["diary", address], ["report", "district", "--json"],
                    ["import-roster", src, "--unit", address, "--dry-run"]):
        out = run_cli(tmp_path, "--db", small_district, *command)
        assert out.returncode == 0, (command, out.stderr)
    assert small_district.stat().st_mtime_ns == mtime
    assert digest(small_district) == before


def test_read_only_open_refuses_writes_with_a_message(store, unit, db_path):
    ro = open_store(db_path, readonly=True)
    with pytest.raises(StoreError) as err:
        registry.add_unit(ro, store.db.execute("SELECT id FROM building").fetchone()[0], "9单元")
    assert "只读" in str(err.value)
    ro.close()


def test_nothing_becomes_a_new_database_unless_asked(tmp_path):
    typo = tmp_path / "statoin.db"
    out = run_cli(tmp_path, "--db", typo, "units")
    assert out.returncode == 2 and "不存在" in out.stderr and not typo.exists()
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    out = run_cli(tmp_path, "--db", empty, "import-roster", tmp_path / "r.csv", "--unit", "a/b/c/d/e")
    assert out.returncode == 2 and "空文件" in out.stderr and empty.read_bytes() == b""
    out = run_cli(tmp_path, "--db", tmp_path, "info")
    assert out.returncode == 2 and "是一个文件夹" in out.stderr and "Traceback" not in out.stderr
    out = run_cli(tmp_path, "--db", tmp_path / "no-such-folder" / "x.db", "init")
    assert out.returncode == 2 and "不存在" in out.stderr and "Traceback" not in out.stderr
    out = run_cli(tmp_path, "--db", typo, "init")
    assert out.returncode == 0 and typo.exists()
    assert run_cli(tmp_path, "--db", typo, "init").returncode == 2  # never over an existing database
    with pytest.raises(StoreError):
        open_store(tmp_path / "other.db", create=False)


def test_read_only_file_and_folder_give_clear_messages(store, unit, db_path, monkeypatch, capsys):
    """Simulated with os.access (the suite runs as root, who may write anywhere); the real thing is
    in the next test when run as a normal user."""
    _checkpointed(store)
    real = os.access
    for blocked, key in ((db_path, "只读文件"), (db_path.parent, "不可写")):
        monkeypatch.setattr("liftdesk.store.connection.os.access",
                            lambda p, mode, b=blocked: False if (mode & os.W_OK and str(p) == str(b)) else real(p, mode))
        assert main.main(["--db", str(db_path), "import-roster", "x.csv", "--unit", "a/b/c/d/e"]) == 2
        assert key in capsys.readouterr().err
        assert main.main(["--db", str(db_path), "units"]) == 0  # reading still works
        capsys.readouterr()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only files and folders")
def test_read_only_file_and_folder_for_real(store, unit, db_path, tmp_path):
    _checkpointed(store)
    os.chmod(db_path, 0o444)
    out = run_cli(tmp_path, "--db", db_path, "import-roster", "x.csv", "--unit", "a/b/c/d/e")
    assert out.returncode == 2 and "只读文件" in out.stderr
    os.chmod(db_path, 0o644)
    os.chmod(db_path.parent, 0o555)
    try:
        out = run_cli(tmp_path, "--db", db_path, "import-roster", "x.csv", "--unit", "a/b/c/d/e")
        assert out.returncode == 2 and "不可写" in out.stderr
        assert run_cli(tmp_path, "--db", db_path, "units").returncode == 0
    finally:
        os.chmod(db_path.parent, 0o755)


# ---- no impossible places -------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["7/8幢", "a\\b", "1单\n元", "1\u200b单元", "社\x00区", "x\u2028y"])
def test_place_names_with_slashes_or_control_characters_are_refused(store, unit, name):
    building = store.db.execute("SELECT id FROM building").fetchone()[0]
    before = store.db.execute("SELECT count(*) FROM change_log").fetchone()[0]
    with pytest.raises(ValidationError) as err:
        registry.add_unit(store, building, name)
    assert "不允许的字符" in str(err.value)
    with pytest.raises(ValidationError):
        registry.rename_place(store, "unit", unit, name)
    assert store.db.execute("SELECT count(*) FROM change_log").fetchone()[0] == before


def test_restoring_a_place_whose_address_was_reused_is_refused(store, unit):
    building = store.db.execute("SELECT id FROM building").fetchone()[0]
    with actions.action(store, "action.delete_place", unit_id=unit, kind="单元", name="1单元"):
        recycle.delete(store, "unit", unit)
    again = registry.add_unit(store, building, "1单元")
    with pytest.raises(ValidationError) as err:
        recycle.restore(store, "unit", unit)
    assert "已有名为“1单元”" in str(err.value)
    with pytest.raises(LiftDeskError):
        undo.undo(store)  # undoing the delete is the same restore
    assert records.get(store, "unit", unit)["deleted"] == 1
    registry.rename_place(store, "unit", again, "1单元（新）")
    recycle.restore(store, "unit", unit)
    assert places.resolve_unit(store, "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元") == unit


def test_undoing_a_rename_onto_a_reused_name_is_refused(store, unit):
    building = store.db.execute("SELECT id FROM building").fetchone()[0]
    with actions.action(store, "action.rename_place", unit_id=unit, name="一单元"):
        registry.rename_place(store, "unit", unit, "一单元")
    registry.add_unit(store, building, "1单元")
    with pytest.raises(LiftDeskError) as err:
        undo.undo(store)
    assert "已有名为“1单元”" in str(err.value)
    assert places.resolve_unit(store, "长庆街道/王马社区/遥祥寺巷小区/6幢/一单元") == unit


def test_batch_print_file_names_stay_inside_the_folder(store, unit, tmp_path):
    from liftdesk.documents import generate

    # A name that slipped in before the rule (or from an old file): printing must not escape the folder.
    store.db.execute("UPDATE unit SET name = '../../逃逸' WHERE id = ?", [unit])
    store.db.execute("UPDATE estate SET name = 'a:b*?'")
    folder = tmp_path / "batch"
    folder.mkdir()
    result = generate.print_batch(store, "consent-form", "长庆街道", folder)
    assert len(result.printed) == 1
    written = result.printed[0].path
    assert written.resolve().parent == folder.resolve() and written.exists()
    assert "/" not in written.name and ":" not in written.name and "*" not in written.name
    assert [p for p in tmp_path.rglob("*.pdf") if p.parent != folder] == []
    with pytest.raises(ValidationError):
        generate.inside(folder, "..")
