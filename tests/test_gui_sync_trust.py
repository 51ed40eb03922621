"""The 数据同步 page, district side: a new station is accepted in a dialog that shows its key
fingerprint SSH-style and takes the one read out over the phone; a station's scope is set in a
dialog, and one naming no place is refused. Driven with real clicks and typing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from liftdesk.common.settings import Settings
from liftdesk.sync import enrol
from ui import messages
from ui.app import init_app
from ui.main_window import MainWindow

from tests.sync_helpers import PASSPHRASE, World


@pytest.fixture
def world(tmp_path):
    w = World(tmp_path)
    w.add_station("新站", scope="长庆街道", starting_data=False)
    w.deliver(w.export("新站"))     # kept whole, not applied
    yield w
    w.close()


def _page(qtbot, store, tmp_path):
    init_app("zh", 12)
    window = MainWindow(store, Settings(tmp_path / "settings.json"))
    # closed and deleted by the test itself (_close), before the fixture closes the databases
    window.show()
    qtbot.waitExposed(window)
    window.show_sync()
    page = window.sync_page
    page.tabs.setCurrentIndex(2)
    view = page.station_view
    rect = view.visualRect(page.station_model.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return window, page


def _ime(widget, text: str) -> None:
    """Chinese arrives from an input method as a commit, not as key presses."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _close(window) -> None:
    """Gone before the fixture closes the databases under it."""
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def _ok(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_accept_a_new_station_by_its_fingerprint(qtbot, world, tmp_path, monkeypatch):
    errors = []
    monkeypatch.setattr(messages, "error", lambda parent, text: errors.append(text))
    window, page = _page(qtbot, world.district, tmp_path)
    sid = enrol.station_identity(world.stations["新站"]).station_id
    assert "待确认" in page.station_model.data(page.station_model.index(0, page.station_model.columnCount() - 1))
    fingerprint = enrol.pinned(world.district, sid).fingerprint
    # a wrong fingerprint is refused
    qtbot.mouseClick(page.accept_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.fingerprint.text() == fingerprint
    qtbot.keyClicks(dialog.typed, "0000 0000 0000")
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(page.task_done, timeout=20000):
        _ok(qtbot, dialog)
    assert errors and "指纹不符" in errors[0]
    assert not enrol.pinned(world.district, sid).accepted
    # the one read out over the phone
    qtbot.mouseClick(page.accept_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.keyClicks(dialog.typed, fingerprint.lower())
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(page.data_changed, timeout=20000):
        _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: page.progress.isHidden(), timeout=10000)
    assert enrol.pinned(world.district, sid).accepted
    assert "已接受" in page.status.text()
    _close(window)


def test_set_a_station_scope(qtbot, world, tmp_path, monkeypatch):
    errors = []
    monkeypatch.setattr(messages, "error", lambda parent, text: errors.append(text))
    window, page = _page(qtbot, world.district, tmp_path)
    sid = enrol.station_identity(world.stations["新站"]).station_id
    qtbot.mouseClick(page.scope_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.addresses.selectAll()
    _ime(dialog.addresses, "潮明街道")
    _ok(qtbot, dialog)
    assert errors and "潮明街道" in errors[0]
    assert enrol.pinned(world.district, sid).scope == "长庆街道"
    qtbot.mouseClick(page.scope_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.addresses.selectAll()
    _ime(dialog.addresses, "长庆街道/王马社区")
    qtbot.keyClick(dialog.addresses, Qt.Key.Key_Return)
    _ime(dialog.addresses, "米市巷街道")
    _ok(qtbot, dialog)
    assert enrol.pinned(world.district, sid).scope == "长庆街道/王马社区\n米市巷街道"
    assert "长庆街道/王马社区、米市巷街道" in page.status.text()
    _close(window)
