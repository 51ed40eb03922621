"""Issue 23's must-show flow, every step in the app with real clicks and keys: the district sets up
its keys; a station enrols from the key file and exports its first file; the district imports it,
gives the station its scope and accepts it after the fingerprint check; a receipt gives the station
its street; the station's next file arrives after the district moved that street elsewhere, so its
rows are held: reviewed in 待审记录 with their address and description and released (Enter), or
rejected (Delete). A revoked station (its fingerprint in the confirmation) is refused with a clear
Chinese message."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QInputDialog, QToolBar

from liftdesk.common.settings import Settings
from liftdesk.people import ownership
from liftdesk.places import registry
from liftdesk.store import open_store
from liftdesk.sync import enrol
from liftdesk.sync.held import list_held
from ui import messages
from ui.app import init_app
from ui.dialogs import enrol_dialogs
from ui.main_window import MainWindow

from tests.sync_helpers import PASSPHRASE, World, district_with_street

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def shown(monkeypatch):
    """Errors and questions the app puts up (every question answered 是)."""
    seen = {"errors": [], "questions": []}
    monkeypatch.setattr(messages, "error", lambda parent, text: seen["errors"].append(text))
    monkeypatch.setattr(messages, "confirm", lambda parent, text: seen["questions"].append(text) or True)
    return seen


def _window(qtbot, store, tmp_path):
    init_app("zh", 12)
    window = MainWindow(store, Settings(tmp_path / "settings.json"))
    window.show()
    qtbot.waitExposed(window)
    qtbot.mouseClick(window.findChild(QToolBar).widgetForAction(window.sync_action), LEFT)
    return window, window.sync_page


def _close(window) -> None:
    """Gone before its database is closed under it."""
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def _ime(widget, text: str) -> None:
    """Chinese arrives from an input method as a commit, not as key presses."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)


def _click_and_wait(qtbot, page, button, timeout=30000) -> None:
    with qtbot.waitSignal(page.task_done, timeout=timeout):
        qtbot.mouseClick(button, LEFT)


def _choose_station(qtbot, page) -> None:
    page.tabs.setCurrentIndex(2)
    rect = page.station_view.visualRect(page.station_model.index(0, 0))
    qtbot.mouseClick(page.station_view.viewport(), LEFT, pos=rect.center())


def _open_with(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def _save_as(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def _import(qtbot, monkeypatch, page, path) -> None:
    """导入同步文件…: the file, the passphrase, the preview answered 是; the import runs twice."""
    _open_with(monkeypatch, path)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (PASSPHRASE, True))
    with qtbot.waitSignal(page.data_changed, timeout=30000):
        qtbot.mouseClick(page.import_button, LEFT)
    qtbot.waitUntil(lambda: page.progress.isHidden(), timeout=10000)


def _set_scope(qtbot, page, address: str) -> None:
    qtbot.mouseClick(page.scope_button, LEFT)
    dialog = page.dialog
    dialog.addresses.selectAll()
    _ime(dialog.addresses, address)
    _ok(qtbot, dialog)


def test_a_station_enrolled_accepted_and_its_held_rows_released_all_in_the_app(qtbot, tmp_path, monkeypatch, shown):
    ids = district_with_street(tmp_path / "district.db")
    district = open_store(tmp_path / "district.db", actor="区办")
    station = open_store(tmp_path / "station.db", actor="站")
    try:
        _flow(qtbot, tmp_path, monkeypatch, shown, district, station, ids)
    finally:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow):
                _close(w)
        district.close()
        station.close()


def _flow(qtbot, tmp_path, monkeypatch, shown, district, station, ids):
    errors = shown["errors"]
    keyfile = tmp_path / "区公钥.key"

    # 1. 区加梯办: 设置区密钥… (the passphrase typed twice)
    dw, dpage = _window(qtbot, district, tmp_path)

    def keys_exec(dialog):
        dialog.show()
        dialog.keyfile_edit.setText(str(keyfile))
        qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
        qtbot.keyClicks(dialog.again, PASSPHRASE)
        qtbot.mouseClick(dialog.create_button, LEFT)
        assert dialog.print_button.isVisible()
        qtbot.mouseClick(dialog.close_button, LEFT)
        return dialog.result()
    monkeypatch.setattr(enrol_dialogs.DistrictKeysDialog, "exec", keys_exec)
    qtbot.mouseClick(dpage.district_keys_button, LEFT)
    assert errors == [] and keyfile.exists() and dpage.import_button.isVisible()
    _close(dw)

    # 2. 工作站: 登记为工作站… from the key file; it shows its id and fingerprint to read out
    sw, spage = _window(qtbot, station, tmp_path)
    _open_with(monkeypatch, keyfile)
    read_out = {}

    def enrol_exec(dialog):
        dialog.show()
        qtbot.keyClicks(dialog.name, "CQ-1")
        qtbot.mouseClick(dialog.choose_button, LEFT)
        qtbot.mouseClick(dialog.enrol_button, LEFT)
        read_out["text"] = dialog.result_label.text()
        qtbot.mouseClick(dialog.close_button, LEFT)
        return dialog.result()
    monkeypatch.setattr(enrol_dialogs.StationEnrolDialog, "exec", enrol_exec)
    qtbot.mouseClick(spage.station_enrol_button, LEFT)
    me = enrol.station_identity(station)
    assert errors == [] and me.station_id in read_out["text"] and me.keys.fingerprint in read_out["text"]
    assert me.keys.fingerprint in spage.role_label.text() and me.station_id in spage.role_label.text()

    # 3. its first file, exported
    first = tmp_path / "第1号.liftsync"
    _save_as(monkeypatch, first)
    _click_and_wait(qtbot, spage, spage.export_button)
    assert first.exists() and errors == []
    _close(sw)

    # 4. the district imports it (kept whole), gives the scope, accepts after the fingerprint check
    dw, dpage = _window(qtbot, district, tmp_path)
    _import(qtbot, monkeypatch, dpage, first)
    assert "暂存" in dpage.status.text() and not enrol.pinned(district, me.station_id).accepted
    _choose_station(qtbot, dpage)
    qtbot.mouseClick(dpage.scope_button, LEFT)   # picked from the district's own streets, not typed
    dialog = dpage.dialog
    while dialog.choice.currentText() != "长庆街道":
        qtbot.keyClick(dialog.choice, Qt.Key.Key_Down)
    qtbot.mouseClick(dialog.add_button, LEFT)
    _ok(qtbot, dialog)
    assert errors == [] and enrol.pinned(district, me.station_id).scope == "长庆街道"
    qtbot.mouseClick(dpage.accept_button, LEFT)
    assert dpage.dialog.fingerprint.text() == me.keys.fingerprint  # what the district compares, group by group
    qtbot.keyClicks(dpage.dialog.typed, "0000 1111")  # misheard
    qtbot.keyClicks(dpage.dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(dpage.task_done, timeout=20000):
        _ok(qtbot, dpage.dialog)
    assert len(errors) == 1 and "指纹不符" in errors[0] and not enrol.pinned(district, me.station_id).accepted
    errors.clear()
    qtbot.mouseClick(dpage.accept_button, LEFT)
    qtbot.keyClicks(dpage.dialog.typed, me.keys.fingerprint.lower())  # as read out over the phone
    qtbot.keyClicks(dpage.dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(dpage.task_done, timeout=20000):
        _ok(qtbot, dpage.dialog)
    assert errors == [] and enrol.pinned(district, me.station_id).accepted
    receipt = tmp_path / "回执1.liftsync"
    _save_as(monkeypatch, receipt)
    _click_and_wait(qtbot, dpage, dpage.receipt_button)
    assert receipt.exists() and errors == []
    _close(dw)

    # 5. the station applies the receipt (its street arrives), works, and sends file 2
    sw, spage = _window(qtbot, station, tmp_path)
    _open_with(monkeypatch, receipt)
    _click_and_wait(qtbot, spage, spage.apply_receipt_button)
    assert errors == []
    homes = {h.room: h.id for h in registry.unit_households(station, ids["unit"])}
    registry.update_household(station, homes["101"], "area", "86.5")
    ownership.set_owners(station, homes["102"], ["王芳"], phone="13812341234")
    second = tmp_path / "第2号.liftsync"
    _save_as(monkeypatch, second)
    _click_and_wait(qtbot, spage, spage.export_button)
    _close(sw)

    # 6. meanwhile the district handed 长庆街道 to another station: file 2's rows are held
    dw, dpage = _window(qtbot, district, tmp_path)
    _choose_station(qtbot, dpage)
    _set_scope(qtbot, dpage, "米市巷街道")
    _import(qtbot, monkeypatch, dpage, second)
    assert errors == [] and "待审 3" in shown["questions"][-1]
    assert dpage.held_button.text() == "待审记录（3）…"

    # 7. 待审记录: each row with its address, what it does and why; released with Enter
    qtbot.mouseClick(dpage.held_button, LEFT)
    dialog = dpage.dialog
    qtbot.waitExposed(dialog)
    model = dialog.model
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert ["CQ-1", "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元 101", "住户 6幢1单元 101 的面积：60.00 m² → 86.50 m²",
            "超出该站范围（米市巷街道）"] == rows[0][:4]
    assert rows[1][2] == "新增 业主 王芳 电话 *******1234" and rows[1][1].endswith("1单元 102")
    assert not any("13812341234" in cell for row in rows for cell in row)
    # the owner's ownership alone cannot go in without the owner: said, and nothing changes
    table = dialog.table
    qtbot.mouseClick(table.viewport(), LEFT, pos=table.visualRect(model.index(2, 0)).center())
    with qtbot.waitSignal(dialog.task_done, timeout=20000):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert len(errors) == 1 and "还在待审列表里" in errors[0] and "业主 王芳" in errors[0]
    assert len(list_held(district)) == 3
    errors.clear()
    qtbot.keyClick(table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # all three
    with qtbot.waitSignal(dialog.task_done, timeout=20000):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert errors == [] and "在该站范围之外" in shown["questions"][-1]
    assert "新增 2，更新 1" in dialog.status.text() and model.rowCount() == 0
    assert district.db.execute("SELECT area_x100 FROM household WHERE id = ?", [homes["101"]]).fetchone()[0] == 8650
    assert ownership.household_owners(district, homes["102"])[0][0] == "王芳"
    assert "采纳 3 条待审记录" in dw.undo_action.text()  # one step in the 编辑 menu
    qtbot.mouseClick(dialog.close_button, LEFT)
    assert dpage.held_button.text() == "待审记录…"
    _close(dw)


@pytest.fixture
def world(tmp_path):
    """An accepted station whose file 2 arrived after its street was handed elsewhere: 3 rows held."""
    w = World(tmp_path)
    s = w.add_station("长庆站")
    homes = {h.room: h.id for h in registry.unit_households(s, w.ids["unit"])}
    registry.update_household(s, homes["101"], "area", "86.5")
    ownership.set_owners(s, homes["102"], ["王芳"], phone="13812341234")
    enrol.set_scope(w.district, s.station_id, ["米市巷街道"])
    w.deliver(w.export("长庆站"))
    w.homes = homes
    yield w
    w.close()


def test_held_rows_rejected_with_the_delete_key_are_kept_as_decided(qtbot, world, tmp_path, shown):
    window, page = _window(qtbot, world.district, tmp_path)
    qtbot.mouseClick(page.held_button, LEFT)
    dialog = page.dialog
    qtbot.waitExposed(dialog)
    table = dialog.table
    qtbot.mouseClick(table.viewport(), LEFT, pos=table.visualRect(dialog.model.index(0, 0)).center())
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)  # the area and the new owner
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert shown["errors"] == [] and "拒绝所选的 2 条记录" in shown["questions"][-1]
    assert dialog.model.rowCount() == 1 and "已拒绝 2 条" in dialog.status.text()
    assert world.district.db.execute("SELECT area_x100 FROM household WHERE id = ?",
                                     [world.homes["101"]]).fetchone()[0] == 6000
    box = dialog.show_decided
    qtbot.mouseClick(box, LEFT, pos=QPoint(box.height() // 2, box.height() // 2))  # on its tick box
    whys = [dialog.model.index(r, 3).data() for r in range(dialog.model.rowCount())]
    assert sum(w.startswith("已拒绝（district，") for w in whys) == 2
    qtbot.mouseClick(dialog.close_button, LEFT)
    _close(window)


def test_a_revoked_station_is_refused_with_a_clear_message(qtbot, world, tmp_path, monkeypatch, shown):
    s = world.stations["长庆站"]
    registry.update_household(s, world.homes["101"], "area", "90")
    later = tmp_path / "第3号.liftsync"
    later.write_bytes(world.export("长庆站"))
    window, page = _window(qtbot, world.district, tmp_path)
    _choose_station(qtbot, page)
    qtbot.mouseClick(page.revoke_button, LEFT)
    dialog = page.dialog
    assert dialog.fingerprint.text() == enrol.station_identity(s).keys.fingerprint
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter by habit keeps the station
    assert not enrol.pinned(world.district, s.station_id).revoked
    qtbot.mouseClick(page.revoke_button, LEFT)
    _ok(qtbot, page.dialog)
    assert enrol.pinned(world.district, s.station_id).revoked and "已撤销" in page.status.text()
    _open_with(monkeypatch, later)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (PASSPHRASE, True))
    _click_and_wait(qtbot, page, page.import_button)
    assert shown["errors"] == ["工作站“长庆站”（%s）已被撤销，不再接受它的文件。数据库未作任何修改。" % s.station_id]
    # its held rows can only be rejected now
    qtbot.mouseClick(page.held_button, LEFT)
    table = page.dialog.table
    with qtbot.waitSignal(page.dialog.task_done, timeout=20000):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert "只能拒绝" in shown["errors"][-1] and len(list_held(world.district)) == 3
    qtbot.mouseClick(page.dialog.close_button, LEFT)
    _close(window)
