"""The station lock: logins with scrypt hashes, a login before the window, auto-lock after idle,
the change log's actor, and the 站点与隐私 dialog — driven with real key presses."""

import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from liftdesk.people import accounts, privacy
from liftdesk.people import ownership
from liftdesk.errors import LiftDeskError
from liftdesk.common.settings import Settings
from ui import messages
from ui.app import init_app
from ui.lock import LoginDialog, StationDialog, StationLock, login_at_start
from ui.main_window import MainWindow

from .test_gui import _edit_cell


def test_the_lock_is_off_by_default_and_needs_a_login_to_turn_on(store):
    assert accounts.lock_settings(store) == accounts.LockSettings(False, accounts.DEFAULT_IDLE_MINUTES)
    with pytest.raises(LiftDeskError):
        accounts.set_lock(store, True, 5)
    accounts.add_account(store, "wang", "secret-1")
    accounts.set_lock(store, True, 5, {"wang": "secret-1"})  # each login's password wraps the file's key
    assert accounts.lock_settings(store) == accounts.LockSettings(True, 5)
    with pytest.raises(LiftDeskError):
        accounts.remove_account(store, "wang")  # the last login of a locked station
    with pytest.raises(LiftDeskError):
        accounts.set_lock(store, True, 0)


def test_passwords_are_kept_as_salted_scrypt_hashes(store):
    accounts.add_account(store, "wang", "secret-1")
    accounts.add_account(store, "li", "secret-1")
    hashes = [r[0] for r in store.db.execute("SELECT pw_hash FROM account ORDER BY name")]
    assert all(h.startswith("scrypt$") and "secret" not in h for h in hashes) and hashes[0] != hashes[1]
    with pytest.raises(LiftDeskError):
        accounts.login(store, "wang", "secret-2")
    with pytest.raises(LiftDeskError):
        accounts.login(store, "nobody", "secret-1")
    with pytest.raises(LiftDeskError):
        accounts.add_account(store, "zhao", "12345")  # too short
    with pytest.raises(LiftDeskError):
        accounts.add_account(store, "wang", "another-1")  # taken
    assert accounts.login(store, "wang", "secret-1") == "wang" and store.actor == "wang"
    accounts.set_password(store, "wang", "changed-1")
    with pytest.raises(LiftDeskError):
        accounts.login(store, "wang", "secret-1")
    assert accounts.login(store, "wang", "changed-1") == "wang"


@pytest.fixture
def locked_store(store, unit):
    accounts.add_account(store, "wang", "secret-1")
    accounts.add_account(store, "li", "secret-2")
    accounts.set_lock(store, True, 10, {"wang": "secret-1", "li": "secret-2"})
    return store


def test_the_app_asks_for_a_password_before_it_opens(qtbot, locked_store):
    init_app("zh", 12)
    seen = []

    def type_password():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LoginDialog)
        qtbot.keyClicks(dialog.password, "wrong-pw")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)          # refused: stays open, says so
        seen.append(dialog.message.text())
        dialog.user.setFocus()
        qtbot.keyClick(dialog.user, Qt.Key.Key_Down)                   # li → wang (sorted: li, wang)
        dialog.password.setFocus()
        qtbot.keyClicks(dialog.password, "secret-1")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    QTimer.singleShot(0, type_password)
    assert login_at_start(locked_store)
    assert seen and "密码不对" in seen[0]
    assert locked_store.actor == "wang"


def test_no_lock_no_login(store):
    assert login_at_start(store) and store.actor == "tester"


def test_idle_locks_the_window_and_the_next_login_is_the_actor(qtbot, locked_store, unit, tmp_path, monkeypatch):
    monkeypatch.setattr(messages, "error", lambda parent, text: pytest.fail(text))
    init_app("zh", 12)
    locked_store.actor = "wang"
    w = MainWindow(locked_store, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(w)
    lock = StationLock(w, locked_store, idle_ms=300)
    w.show()
    qtbot.waitExposed(w)
    w.open_unit(unit)
    qtbot.waitUntil(lambda: lock.locked, timeout=5000)              # nobody touched it: locked
    assert not w.centralWidget().isVisible() and lock.dialog.isVisible()
    qtbot.keyClick(lock.dialog, Qt.Key.Key_Escape)                  # Esc does not unlock
    assert lock.locked and lock.dialog.isVisible()
    dialog = lock.dialog
    dialog.user.setFocus()
    qtbot.keyClick(dialog.user, Qt.Key.Key_Up)                      # wang → li
    assert dialog.user.currentText() == "li"
    dialog.password.setFocus()
    qtbot.keyClicks(dialog.password, "secret-2")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert not lock.locked and w.centralWidget().isVisible() and locked_store.actor == "li"
    lock.timer.setInterval(60_000)
    _edit_cell(qtbot, w.unit_page.table, 0, 2, "66")
    actor = locked_store.db.execute("SELECT actor FROM change_log ORDER BY seq DESC LIMIT 1").fetchone()[0]
    assert actor == "li"
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    qtbot.keyClick(w.unit_page.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # Ctrl+L locks at once
    assert lock.locked


def test_typing_keeps_the_window_unlocked(qtbot, locked_store, unit, tmp_path):
    init_app("zh", 12)
    w = MainWindow(locked_store, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(w)
    w.search_page  # typing searches: its page is built now, not in the middle of the idle count
    lock = StationLock(w, locked_store, idle_ms=400)
    w.show()
    qtbot.waitExposed(w)
    started = time.monotonic()
    for _ in range(3):  # each time the idle count is nearly out, a key press starts it again
        qtbot.waitUntil(lambda: lock.timer.remainingTime() <= 150, timeout=5000)
        assert not lock.locked
        qtbot.keyClick(w.search_box, Qt.Key.Key_A)
        assert lock.timer.remainingTime() > 250
    assert time.monotonic() - started > 0.6  # longer than the 400 ms idle time, with input: still open
    assert not lock.locked


def test_station_dialog_adds_logins_and_turns_the_lock_on(qtbot, store):
    init_app("zh", 12)
    dialog = StationDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.enabled, Qt.Key.Key_Space)                 # on, but no login yet
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible() and "先添加一个登录" in dialog.message.text()
    qtbot.keyClicks(dialog.new_name, "wang")
    qtbot.keyClicks(dialog.new_password, "abc")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "至少 6" in dialog.message.text() and accounts.names(store) == []
    dialog.new_password.clear()
    qtbot.keyClicks(dialog.new_password, "secret-1")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert accounts.names(store) == ["wang"] and dialog.logins.count() == 1
    dialog.idle.setFocus()
    dialog.idle.selectAll()
    qtbot.keyClicks(dialog.idle, "3")
    qtbot.keyClick(dialog.full_ids, Qt.Key.Key_Space)
    shown = []

    def note_the_code():  # #19: the file is encrypted now; its recovery code is shown once
        code_dialog = QApplication.activeModalWidget()
        shown.append(code_dialog.code.text())
        qtbot.keyClick(code_dialog, Qt.Key.Key_Return)
    QTimer.singleShot(0, note_the_code)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible() and len(shown[0].replace(" ", "")) == 32
    assert accounts.lock_settings(store) == accounts.LockSettings(True, 3)
    assert privacy.id_policy(store) == "full"
    pid = ownership.add_person(store, "测试", "", "110101198001010011")
    assert store.db.execute("SELECT id_ref FROM person WHERE id = ?", [pid]).fetchone()[0] == "110101198001010011"


def test_settings_say_plainly_who_can_read_the_file(qtbot, store):
    """Issue 19: with the lock off, anyone with the PC reads everything; with it on, the file itself
    is still not encrypted. Both said in words next to the switch."""
    init_app("zh", 12)
    dialog = StationDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "任何能使用这台电脑的人" in dialog.exposure.text() and dialog.exposure.isVisible()
    qtbot.keyClick(dialog.enabled, Qt.Key.Key_Space)
    assert "没有加密" in dialog.exposure.text()
