"""#19 item 6, personal data at rest: with the station lock on, the database file, its WAL and its
backups are encrypted (SQLCipher, a data key wrapped per login and by a recovery code), the ID
hash key lives inside that protection, the CLI and the app ask for a login before the file is read."""

import json
import os
import stat
import threading

import pytest
import zstandard
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from liftdesk.cli.main import main as cli
from liftdesk.common.settings import Settings
from liftdesk.errors import LiftDeskError, StoreError
from liftdesk.people import accounts, ownership, privacy
from liftdesk.places import registry
from liftdesk.store import backup, cipher, open_store, sealed

NAME, PHONE, ID_NUMBER = "邵秋菊", "13967120417", "330105196801012417"


@pytest.fixture(autouse=True)
def _no_keys_held(monkeypatch):
    """No key held from another test; scrypt at a test's cost (the stored parameters are read back,
    so wrapping and unwrapping run exactly as in use, only cheaper)."""
    monkeypatch.setattr(cipher, "SCRYPT_N", 2 ** 10)
    monkeypatch.setattr(accounts, "SCRYPT_N", 2 ** 10)
    cipher.forget_all()
    yield
    cipher.forget_all()


def _resident(store, unit):
    household = registry.unit_households(store, unit)[0].id
    person = ownership.add_person(store, NAME, PHONE, ID_NUMBER)
    ownership.add_owner(store, household, person)
    return person


def _lock_on(store, **more):
    accounts.add_account(store, "wang", "secret-1")
    for name, password in more.items():
        accounts.add_account(store, name, password)
    return accounts.set_lock(store, True, 10, {"wang": "secret-1", **more})


def _every_byte_beside(path):
    """The database, its -wal/-shm, its sidecar and every file in its backup folder."""
    found = {}
    for candidate in list(path.parent.iterdir()) + list(backup.backup_folder(path).glob("*")):
        if candidate.is_file():
            found[candidate.name] = candidate.read_bytes()
    return found


def _plain_hits(files: dict) -> list[str]:
    needles = [NAME.encode("utf-8"), PHONE.encode("ascii")]
    return sorted(name for name, data in files.items() if any(n in data for n in needles))


def test_turning_the_lock_on_leaves_no_name_or_phone_in_any_file(store, unit, db_path):
    person = _resident(store, unit)
    plain = backup.make_backup(db_path, "manual")  # a plain backup from before the lock
    aside = db_path.with_name(db_path.name + ".damaged-20260101T000000000000Z")
    readable = zstandard.ZstdDecompressor().stream_reader(plain.read_bytes()).read()  # compressed, not protected
    aside.write_bytes(readable)  # a damaged file once set aside by a restore
    assert _plain_hits({"aside": aside.read_bytes(), "backup": readable}) == ["aside", "backup"]
    assert _plain_hits(_every_byte_beside(db_path))  # the check can see them: they are there now
    code = _lock_on(store)
    assert cipher.is_encrypted(db_path) and len(cipher.normalize_code(code)) == 32
    ownership.set_owner_phone(store, registry.unit_households(store, unit)[0].id, "13967120418")  # into the WAL
    assert os.path.getsize(db_path.with_name(db_path.name + "-wal")) > 0
    backup.make_backup(db_path, "after-lock")
    files = _every_byte_beside(db_path)
    assert _plain_hits(files) == [] and b"13967120418" not in b"".join(files.values())
    assert all(sealed.is_sealed(b.path) for b in backup.list_backups(db_path))  # the old plain one sealed too
    assert not any(name.endswith(".part") or "crypting" in name for name in files)
    assert store.db.execute("SELECT name FROM person WHERE id = ?", [person]).fetchone()[0] == NAME


def test_a_wrong_password_is_refused_and_the_recovery_code_opens_it(store, unit, db_path):
    _resident(store, unit)
    code = _lock_on(store, li="secret-2")
    store.close()
    cipher.forget_all()
    with pytest.raises(StoreError) as refused:
        open_store(db_path, create=False)
    assert refused.value.key == "cipher.locked" and "登录" in str(refused.value)
    with pytest.raises(LiftDeskError) as wrong:
        cipher.unlock(db_path, "wang", "secret-2")
    assert wrong.value.key == "account.bad_login"
    with pytest.raises(LiftDeskError):
        cipher.unlock(db_path, "nobody", "secret-1")
    with pytest.raises(LiftDeskError):
        cipher.unlock_with_code(db_path, "A" * 32)
    assert cipher.key_for(db_path) is None
    cipher.unlock_with_code(db_path, cipher.code_groups(code).lower())  # spaces and case do not matter
    again = open_store(db_path, create=False)
    try:
        assert ownership.find_person(again, "", "", ID_NUMBER) is not None
    finally:
        again.close()


def test_changing_adding_and_removing_a_login_rewraps_the_key(store, db_path):
    _lock_on(store)
    accounts.set_password(store, "wang", "changed-1")
    accounts.add_account(store, "li", "secret-2")
    accounts.add_account(store, "zhao", "secret-3")
    accounts.remove_account(store, "zhao")
    assert cipher.login_names(db_path) == ["li", "wang"]
    cipher.forget_all()
    for name, password in (("wang", "secret-1"), ("zhao", "secret-3")):
        with pytest.raises(LiftDeskError):
            cipher.unlock(db_path, name, password)
    assert cipher.unlock(db_path, "wang", "changed-1") == cipher.unlock(db_path, "li", "secret-2")


def test_the_id_hash_key_moves_inside_the_protection_and_id_search_still_finds_the_person(store, unit, db_path):
    person = _resident(store, unit)
    salt = store.meta(privacy.ID_SALT_KEY)
    assert salt and ownership.find_person(store, "", "", ID_NUMBER) == person
    backup.make_backup(db_path, "manual")  # compressed before the lock, sealed with it, unsealed after it
    _lock_on(store)
    assert store.meta(privacy.ID_SALT_KEY) is None  # never plain in liftdesk_meta of an encrypted file
    sidecar = cipher.keys_path(db_path).read_text()
    assert salt not in sidecar and "id_key" in json.loads(sidecar)
    assert ownership.find_person(store, "", "", ID_NUMBER) == person  # the same key: the same hash
    other = ownership.add_person(store, "罗建明", "", "330105197002023518")
    assert ownership.find_person(store, "", "", "330105197002023518") == other
    assert store.meta(privacy.ID_SALT_KEY) is None
    accounts.set_lock(store, False, 10)  # off again: a plain file, the key back in meta, hashes unchanged
    assert not cipher.is_encrypted(db_path) and not cipher.keys_path(db_path).exists()
    assert store.meta(privacy.ID_SALT_KEY) == salt
    assert ownership.find_person(store, "", "", ID_NUMBER) == person
    assert all(not sealed.is_sealed(b.path) for b in backup.list_backups(db_path))
    assert backup.list_backups(db_path)
    for kept in backup.list_backups(db_path):  # unsealed back to what a plain backup is: it opens
        assert backup.preview(kept.path)["counts"]


def test_a_station_locked_before_its_first_id_keeps_no_salt_in_meta(store, unit, db_path):
    _lock_on(store)
    person = _resident(store, unit)
    assert store.meta(privacy.ID_SALT_KEY) is None
    assert ownership.find_person(store, "", "", ID_NUMBER) == person


def test_a_sealed_backup_restores_after_a_login_and_not_before(store, unit, db_path):
    person = _resident(store, unit)
    _lock_on(store)
    taken = backup.make_backup(db_path, "manual")
    data = taken.read_bytes()
    assert data.startswith(sealed.MAGIC) and len(data) < db_path.stat().st_size  # compressed, then sealed
    assert backup.preview(taken)["counts"]["person"] == 1
    ownership.set_owner_phone(store, registry.unit_households(store, unit)[0].id, "13000000000")
    store.close()
    result = backup.restore(db_path, taken)
    assert result["restored"] == str(taken) and sealed.is_sealed(result["kept"])
    again = open_store(db_path, create=False)
    try:
        assert again.db.execute("SELECT phone FROM person WHERE id = ?", [person]).fetchone()[0] == PHONE
    finally:
        again.close()
    cipher.forget_all()
    with pytest.raises(StoreError) as locked:
        backup.check_backup(taken)
    assert locked.value.key == "cipher.sealed_locked"
    cipher.unlock(db_path, "wang", "secret-1")
    damaged = taken.with_name("cut.db")
    damaged.write_bytes(data[:-20])
    with pytest.raises(StoreError):
        backup.check_backup(damaged)


# ---- the CLI ----------------------------------------------------------------------------------------

@pytest.fixture
def encrypted_db(store, unit, db_path):
    _resident(store, unit)
    _lock_on(store)
    store.close()
    cipher.forget_all()
    return db_path


def _password_file(tmp_path, text, mode=0o600):
    path = tmp_path / "pw.txt"
    path.write_text(text)
    os.chmod(path, mode)
    return str(path)


def test_the_cli_refuses_an_encrypted_file_without_a_login(encrypted_db, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    before = encrypted_db.read_bytes()
    assert cli(["--db", str(encrypted_db), "consent", "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元"]) == 2
    err = capsys.readouterr().err
    assert "已加密" in err and "--password-file" in err and NAME not in err
    assert cli(["--db", str(encrypted_db), "--user", "wang", "--password-file",
                _password_file(tmp_path, "secret-1", 0o644), "info"]) == 2
    assert "0644" in capsys.readouterr().err
    assert cli(["--db", str(encrypted_db), "--user", "wang", "--password-file",
                _password_file(tmp_path, "secret-9"), "info", "--json"]) == 2
    out = capsys.readouterr()
    assert "用户名或密码不对" in out.err and json.loads(out.out)["error"]
    assert cli(["--db", str(encrypted_db), "--user", "wang", "--password-file", _password_file(tmp_path, "secret-1"),
                "info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["households"] == 12
    assert encrypted_db.read_bytes()[:16] == before[:16]


def test_the_cli_asks_at_a_prompt_without_echo(encrypted_db, capsys, monkeypatch):
    asked = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stdin.readline", lambda: "wang\n")
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or "secret-1")
    assert cli(["--db", str(encrypted_db), "info", "--json"]) == 0
    assert asked == ["密码（输入时不显示）："] and "登录名" in capsys.readouterr().err


def test_the_cli_backup_of_an_encrypted_file_is_sealed(encrypted_db, tmp_path, capsys):
    target = tmp_path / "out" / "copy.db"
    target.parent.mkdir()
    login = ["--user", "wang", "--password-file", _password_file(tmp_path, "secret-1")]
    assert cli(["--db", str(encrypted_db), *login, "backup", "-o", str(target)]) == 0
    assert sealed.is_sealed(target) and _plain_hits({"copy": target.read_bytes()}) == []
    capsys.readouterr()
    assert cli(["--db", str(encrypted_db), *login, "restore", str(target), "--dry-run", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["person"] == 1


# ---- the app ----------------------------------------------------------------------------------------

def test_the_app_asks_for_a_login_before_it_reads_an_encrypted_file(qtbot, encrypted_db, tmp_path, monkeypatch):
    from ui.app import Workbench, init_app
    from ui.lock import UnlockDialog

    init_app("zh", 12)
    seen = []

    def type_password():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, UnlockDialog) and cipher.key_for(encrypted_db) is None
        qtbot.keyClicks(dialog.password, "wrong-pw")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # refused: stays open, says so
        seen.append(dialog.message.text())
        qtbot.keyClicks(dialog.password, "secret-1")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    QTimer.singleShot(0, type_password)
    monkeypatch.setattr("ui.app.start_backup", lambda path, **kw: None)
    bench = Workbench(Settings(tmp_path / "settings.json"))
    try:
        assert bench.open(encrypted_db)
        assert "不对" in seen[0] and bench.store.actor == "wang"
        assert bench.store.db.execute("SELECT count(*) FROM person").fetchone()[0] == 1
    finally:
        bench.window.close()
        bench.close()


def test_the_recovery_code_opens_it_in_the_app(qtbot, store, unit, db_path, tmp_path, monkeypatch):
    from ui.app import Workbench, init_app

    _resident(store, unit)
    code = _lock_on(store)
    store.close()
    cipher.forget_all()
    init_app("zh", 12)

    def type_code():
        dialog = QApplication.activeModalWidget()
        qtbot.keyClick(dialog.use_code, Qt.Key.Key_Space)
        qtbot.keyClicks(dialog.code, cipher.code_groups(code))
        qtbot.keyClick(dialog.code, Qt.Key.Key_Return)

    QTimer.singleShot(0, type_code)
    monkeypatch.setattr("ui.app.start_backup", lambda path, **kw: None)
    bench = Workbench(Settings(tmp_path / "settings.json"))
    try:
        assert bench.open(db_path)
    finally:
        bench.window.close()
        bench.close()


def test_settings_say_what_the_file_reveals(qtbot, store, unit, tmp_path):
    from ui.app import init_app
    from ui.dialogs.settings_dialog import SettingsDialog

    init_app("zh", 12)
    dialog = SettingsDialog(Settings(tmp_path / "settings.json"), store=store)
    qtbot.addWidget(dialog)
    assert "任何能使用这台电脑的人" in dialog.protection.text() and "没有加密" in dialog.protection.text()
    _lock_on(store)
    dialog = SettingsDialog(Settings(tmp_path / "settings.json"), store=store)
    qtbot.addWidget(dialog)
    text = dialog.protection.text()
    code_id = json.loads(cipher.keys_path(store.path).read_text())["recovery"]["code_id"]
    assert "已加密" in text and "恢复码" in text and code_id in text


def test_a_plain_file_still_opens_without_any_login(store, unit, db_path):
    """Without the lock nothing changes: no sidecar, a plain SQLite file, plain backups."""
    _resident(store, unit)
    assert not cipher.keys_path(db_path).exists() and db_path.read_bytes()[:16] == cipher.PLAIN_HEADER
    taken = backup.make_backup(db_path, "manual")
    assert not sealed.is_sealed(taken)  # compressed only: the plain image inside
    assert zstandard.ZstdDecompressor().stream_reader(taken.read_bytes()).read(16) == cipher.PLAIN_HEADER
    assert stat.S_IMODE(taken.stat().st_mode) == 0o600


# ---- sync from an encrypted station -----------------------------------------------------------------

def test_an_encrypted_station_syncs_and_its_files_stay_sealed(tmp_path, capsys):
    """Export, receipts and the backup before a merge work on an encrypted station; the sync file
    carries no name or phone in the clear, and the district receives them."""
    import re

    from tests.sync_helpers import PASSPHRASE, cli as run, district_with_street, station_id

    district, station = tmp_path / "district.db", tmp_path / "station" / "station.db"
    station.parent.mkdir()
    ids = district_with_street(district)
    pw = tmp_path / "pass.txt"
    pw.write_text(PASSPHRASE + "\n")
    pw.chmod(0o600)
    key = tmp_path / "district.key"
    assert run(capsys, district, "district-init", "--passphrase-file", str(pw), "--public-key-out", str(key))[0] == 0
    assert run(capsys, station, "station-init", "--name", "长庆街道工作站", "--district-key", str(key),
               "--scope", "长庆街道")[0] == 0
    sid = station_id(station)
    assert run(capsys, station, "export", "-o", str(tmp_path / "s1.liftsync"))[0] == 0
    _, out, err = run(capsys, district, "import", str(tmp_path / "s1.liftsync"), "--passphrase-file", str(pw))
    fingerprint = re.search(r"--fingerprint \"([0-9A-F ]+)\"", out + err).group(1)
    assert run(capsys, district, "accept-station", sid, "--fingerprint", fingerprint, "--passphrase-file", str(pw))[0] == 0
    assert run(capsys, district, "receipt", "--station", sid, "-o", str(tmp_path / "r1.liftsync"))[0] == 0

    s = open_store(station)
    accounts.add_account(s, "wang", "secret-1")
    accounts.set_lock(s, True, 10, {"wang": "secret-1"})
    s.close()
    cipher.forget_all()
    login = ["--user", "wang", "--password-file", _password_file(tmp_path, "secret-1")]
    assert run(capsys, station, *login, "apply-receipt", str(tmp_path / "r1.liftsync"))[0] == 0
    cipher.unlock(station, "wang", "secret-1")
    s = open_store(station)
    person = ownership.add_person(s, NAME, PHONE)
    ownership.add_owner(s, ids["households"][0], person)
    s.close()
    cipher.forget_all()
    assert run(capsys, station, "export", "-o", str(tmp_path / "s2.liftsync"))[0] == 2  # no login, no export
    assert run(capsys, station, *login, "export", "-o", str(tmp_path / "s2.liftsync"))[0] == 0
    assert _plain_hits({"s2": (tmp_path / "s2.liftsync").read_bytes()}) == []
    code, out, err = run(capsys, district, "import", str(tmp_path / "s2.liftsync"), "--passphrase-file", str(pw), "--json")
    assert code == 0, err
    d = open_store(district)
    try:
        assert d.db.execute("SELECT phone FROM person WHERE name = ?", [NAME]).fetchone()[0] == PHONE
    finally:
        d.close()
    files = _every_byte_beside(station)
    assert backup.list_backups(station) and _plain_hits(files) == []


def test_a_damaged_encrypted_file_is_restored_from_its_sealed_backup(store, unit, db_path):
    person = _resident(store, unit)
    _lock_on(store)
    taken = backup.make_backup(db_path, "manual")
    store.close()
    data = bytearray(db_path.read_bytes())
    data[4096 + 100:4096 + 200] = os.urandom(100)  # a page SQLCipher's HMAC now refuses
    db_path.write_bytes(bytes(data))
    with pytest.raises(StoreError) as damaged:
        open_store(db_path, create=False)
    assert damaged.value.key == "db.damaged" and str(taken) in str(damaged.value)
    result = backup.restore(db_path, taken)
    assert result["kept"] and ".damaged-" in result["kept"]
    assert cipher.is_encrypted(db_path)
    again = open_store(db_path, create=False)
    try:
        assert again.db.execute("SELECT name FROM person WHERE id = ?", [person]).fetchone()[0] == NAME
    finally:
        again.close()


def test_turning_the_lock_on_in_the_dialog_asks_each_earlier_login_for_its_password(qtbot, store, db_path):
    from PySide6.QtWidgets import QInputDialog

    from ui.app import init_app
    from ui.lock import RecoveryCodeDialog, StationDialog

    init_app("zh", 12)
    accounts.add_account(store, "wang", "secret-1")  # made earlier: its password is not known here
    dialog = StationDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    seen = []

    def answer(password, then=None):
        prompt = QApplication.activeModalWidget()
        seen.append(type(prompt))
        qtbot.keyClicks(prompt.findChild(type(dialog.new_password)), password)
        qtbot.keyClick(prompt, Qt.Key.Key_Return)
        if then:
            QTimer.singleShot(0, then)

    def close_code():
        code = QApplication.activeModalWidget()
        seen.append(type(code))
        qtbot.keyClick(code, Qt.Key.Key_Return)

    qtbot.keyClick(dialog.enabled, Qt.Key.Key_Space)
    QTimer.singleShot(0, lambda: answer("wrong-pw"))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # a wrong password: refused, nothing encrypted
    assert dialog.isVisible() and "wang" in dialog.message.text() and not cipher.is_encrypted(db_path)
    QTimer.singleShot(0, lambda: answer("secret-1", close_code))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert seen == [QInputDialog, QInputDialog, RecoveryCodeDialog]
    assert not dialog.isVisible() and cipher.is_encrypted(db_path)
    assert accounts.lock_settings(store).enabled and cipher.login_names(db_path) == ["wang"]


def test_a_missing_keys_file_is_said_in_words(qtbot, encrypted_db, tmp_path, monkeypatch, capsys):
    from ui import messages
    from ui.app import Workbench, init_app

    os.replace(cipher.keys_path(encrypted_db), tmp_path / "elsewhere.keys")
    assert not cipher.is_encrypted(encrypted_db)  # without its sidecar it is no database we can read
    assert cli(["--db", str(encrypted_db), "info"]) == 2
    assert "错误" in capsys.readouterr().err
    os.replace(tmp_path / "elsewhere.keys", cipher.keys_path(encrypted_db))
    cipher.keys_path(encrypted_db).write_text("{not json")
    init_app("zh", 12)
    said = []
    monkeypatch.setattr(messages, "error", lambda parent, text: said.append(text))
    assert not Workbench(Settings(tmp_path / "settings.json")).open(encrypted_db)
    assert "损坏" in said[0]


def test_a_screenshot_run_refuses_an_encrypted_file_it_cannot_log_in_to(encrypted_db, tmp_path, capsys):
    from ui.app import Workbench, init_app

    init_app("zh", 12)
    assert not Workbench(Settings(tmp_path / "settings.json"), screenshot=True).open(encrypted_db)
    assert "已加密" in capsys.readouterr().err


def test_the_search_thread_finds_a_resident_of_an_encrypted_file(store, unit, db_path):
    """The search page's own connection (ui/search_runner.py, opened in its thread) is keyed like
    the window's: after a login the encrypted file is searchable, its index inside the encryption."""
    from ui.search_runner import _Connection

    from liftdesk.places import search

    _resident(store, unit)
    _lock_on(store)
    connection = _Connection(db_path)
    found: list = []

    def run() -> None:  # as the search thread does: opened, searched and closed in that thread
        found.extend(search.search_households(connection.store(), NAME))
        connection.close()
    worker = threading.Thread(target=run)
    worker.start()
    worker.join(30)
    assert found and NAME.encode("utf-8") not in db_path.read_bytes()
