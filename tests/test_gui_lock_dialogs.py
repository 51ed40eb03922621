"""pytest-qt: the idle lock over an open position dialog — the dialog goes (its room and input no
longer on screen, a note on the login says it was closed unsaved), Enter in it saves nothing,
and nothing can be saved while locked (the core refuses); after the login work goes on."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from liftdesk.common.settings import Settings
from liftdesk.consent import positions
from liftdesk.errors import LiftDeskError
from liftdesk.people import accounts
from liftdesk.places import registry
from ui import messages
from ui.app import init_app
from ui.dialogs.position_dialog import PositionDialog
from ui.lock import StationLock
from ui.main_window import MainWindow


@pytest.fixture
def locked_store(store, unit):
    accounts.add_account(store, "wang", "secret-1")
    accounts.set_lock(store, True, 10, {"wang": "secret-1"})
    store.actor = "wang"
    return store


def test_the_core_saves_nothing_while_the_station_is_locked(locked_store, unit):
    household = registry.unit_households(locked_store, unit)[0].id
    accounts.lock_station(locked_store)
    with pytest.raises(LiftDeskError) as info:
        positions.record_position(locked_store, household, "support")
    assert info.value.key == "station.locked" and "登录" in str(info.value)
    assert positions.history(locked_store, household) == []
    accounts.login(locked_store, "wang", "secret-1")
    positions.record_position(locked_store, household, "support")
    assert len(positions.history(locked_store, household)) == 1


def test_the_idle_lock_closes_an_open_position_dialog(qtbot, locked_store, unit, tmp_path, monkeypatch):
    errors = []
    monkeypatch.setattr(messages, "error", lambda parent, text: errors.append(text))
    init_app("zh", 12)
    w = MainWindow(locked_store, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(w)
    lock = StationLock(w, locked_store, idle_ms=400)
    w.show()
    qtbot.waitExposed(w)
    w.open_unit(unit)
    page = w.unit_page
    page.select_room("201")
    seen = {}

    def inside_the_dialog():
        dialog = QApplication.activeModalWidget()
        seen["dialog"] = dialog
        seen["open"] = isinstance(dialog, PositionDialog) and dialog.isVisible()
        qtbot.keyClicks(dialog.reason, "half typed")  # the helper starts typing, then walks away

    QTimer.singleShot(100, inside_the_dialog)
    # a lock that leaves the dialog open fails here instead of hanging the run
    safety = QTimer()
    safety.setSingleShot(True)
    safety.timeout.connect(lambda: seen["dialog"].isVisible() and seen["dialog"].reject())
    safety.start(4000)
    qtbot.keyClick(page.table, Qt.Key.Key_2)  # the real dialog, in its own event loop, until the lock ends it
    safety.stop()
    dialog = seen["dialog"]
    assert seen["open"] and lock.locked
    assert not dialog.isVisible() and dialog.result() == 0
    assert "201" in lock.dialog.note.text() and "未保存" in lock.dialog.note.text() and lock.dialog.note.isVisible()
    household = page.current_household().id
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter where the dialog was: nothing
    assert positions.history(locked_store, household) == [] and errors == []
    dialog.show()  # even a dialog that outlived the lock (shown again behind it) cannot save
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert positions.history(locked_store, household) == []
    assert errors == ["本站已锁定：请先登录，再保存。"] and dialog.isVisible()
    dialog.reject()
    assert not w.centralWidget().isVisible()
    login = lock.dialog
    login.password.setFocus()
    qtbot.keyClicks(login.password, "secret-1")
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    assert not lock.locked and not locked_store.actions.locked
    lock.timer.setInterval(60_000)
    QTimer.singleShot(100, lambda: qtbot.keyClick(QApplication.activeModalWidget(), Qt.Key.Key_Return))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_2)
    assert positions.history(locked_store, household)[0].position == "oppose"
