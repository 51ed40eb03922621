"""pytest-qt tests driving the real main window offscreen."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from shiboken6 import isValid

from liftdesk.places import places, registry
from liftdesk.people import ownership
from liftdesk.common.settings import Settings
from ui import messages
from ui.app import init_app, install_translations
from ui.main_window import MainWindow
from ui.models.place_tree import KindIdRole


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(messages, "error", lambda parent, text: shown.append(text))
    monkeypatch.setattr(messages, "confirm", lambda parent, text: True)
    return shown


@pytest.fixture
def window(qtbot, store, unit, tmp_path):
    app = init_app("zh", 12)
    ownership.set_owners(store, registry.unit_households(store, unit)[2].id, ["黄杞财"], "13812345678")
    w = MainWindow(store, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    install_translations(app, "zh")


def _expand_to_unit(qtbot, w):
    """Click down the tree as a user would: street → community → estate → building → unit."""
    index = w.tree_model.index(0, 0)
    for _ in range(4):
        w.tree.expand(index)
        qtbot.waitUntil(lambda: w.tree_model.rowCount(index) > 0)
        index = w.tree_model.index(0, 0, index)
    rect = w.tree.visualRect(index)
    qtbot.mouseClick(w.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return index


def _edit_cell(qtbot, table, row, column, text):
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, column))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editors = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1, "F2 should open one cell editor"
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not isValid(editor) or not editor.isVisible())  # committed on a queued call


def test_navigate_to_a_unit_shows_its_households(qtbot, window, unit):
    index = _expand_to_unit(qtbot, window)
    assert index.data(KindIdRole) == ("unit", unit)
    assert window.pages.currentWidget() is window.unit_page
    assert window.unit_page.table.model().rowCount() == 12
    assert "遥祥寺巷小区 / 6幢 / 1单元" in window.unit_page.title.text()
    assert "共 12 户" in window.unit_page.summary.text()


def test_edit_an_area_in_place(qtbot, window, store, unit, errors):
    window.open_unit(unit)
    table = window.unit_page.table
    _edit_cell(qtbot, table, 0, 2, "72.35")
    assert registry.unit_households(store, unit)[0].area_x100 == 7235
    assert table.model().index(0, 2).data() == "72.35"
    assert "总面积 732.35" in window.unit_page.summary.text()
    assert errors == []


def test_a_bad_area_is_refused_with_a_chinese_message(qtbot, window, store, unit, errors):
    window.open_unit(unit)
    _edit_cell(qtbot, window.unit_page.table, 0, 2, "-5")
    assert errors and "面积" in errors[0]
    assert registry.unit_households(store, unit)[0].area_x100 == 6000
    _edit_cell(qtbot, window.unit_page.table, 0, 1, "9")
    assert "共 6 层" in errors[-1]


def test_search_finds_a_household_and_opens_it(qtbot, window, unit):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.search_box.insert("杞财")  # what an input method commits; QTest types ASCII only
    page = window.search_page
    with qtbot.waitSignal(page.shown):  # the query runs off the UI thread
        qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is page
    assert page.table.model().rowCount() == 1
    assert "找到 1 户" in page.title.text()
    with qtbot.waitSignal(page.open_household):
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.unit_page
    current = window.unit_page.table.currentIndex()
    assert current.siblingAtColumn(0).data() == "201"
    window.search_box.clear()
    qtbot.keyClicks(window.search_box, "2345678")  # by phone
    with qtbot.waitSignal(page.shown):
        qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert page.table.model().index(0, 6).data() == "黄杞财"


def test_delete_and_restore_from_the_recycle_bin(qtbot, window, store, unit, errors):
    window.open_unit(unit)
    table = window.unit_page.table
    table.setFocus()  # Delete acts on the roster only when the roster has the focus
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert table.model().rowCount() == 11
    assert "回收站" in window.statusBar().currentMessage()
    window.bin_action.trigger()
    bin_page = window.recycle_page
    assert window.pages.currentWidget() is bin_page
    assert bin_page.table.model().rowCount() == 1
    assert "101" in bin_page.table.model().index(0, 1).data()
    bin_page.table.selectRow(0)
    with qtbot.waitSignal(bin_page.restored):
        qtbot.mouseClick(bin_page.restore_button, Qt.MouseButton.LeftButton)
    assert bin_page.table.model().rowCount() == 0
    window.open_unit(unit)
    assert window.unit_page.table.model().rowCount() == 12


def test_quick_create_and_add_places_from_the_tree(qtbot, window, store, monkeypatch, errors):
    building = store.db.execute("SELECT id FROM building").fetchone()[0]
    monkeypatch.setattr("ui.main_window.QInputDialog.getText", lambda *a, **k: ("2单元", True))
    window.add_child("building", building)
    new_unit = places.resolve_unit(store, "长庆街道/王马社区/遥祥寺巷小区/6幢/2单元")
    assert window.unit_page.unit_id == new_unit
    from ui.dialogs.household_dialogs import QuickCreateDialog
    dialog = QuickCreateDialog(store, new_unit, window)
    dialog.rooms.setValue(3)
    dialog.buttons.accepted.emit()
    assert len(registry.unit_households(store, new_unit)) == 18
    window.add_child("building", building)  # the same name again
    assert errors and "已有名为“2单元”" in errors[-1]


def test_font_size_setting_applies(qtbot, window, monkeypatch):
    from ui.dialogs.settings_dialog import SettingsDialog
    dialog = SettingsDialog(window.settings, window)
    dialog.font_size.setValue(18)
    dialog.accept()
    from ui.style import apply_font_size
    apply_font_size(window.settings.get("font_size"))
    assert QApplication.instance().font().pointSize() == 18
    assert Settings(window.settings.path).get("font_size") == 18
    apply_font_size(12)


def test_english_is_selectable(qtbot, store, unit, tmp_path):
    init_app("en", 12)
    w = MainWindow(store, Settings(tmp_path / "s.json"))
    qtbot.addWidget(w)
    assert w.bin_action.text() == "Recycle bin"
    w.open_unit(unit)
    assert w.unit_page.add_button.text() == "Add household"
    assert w.unit_page.table.model().headerData(0, Qt.Orientation.Horizontal) == "Room"
    install_translations(QApplication.instance(), "zh")


def test_ctrl_z_undoes_the_last_edit(qtbot, window, store, unit, errors):
    window.open_unit(unit)
    _edit_cell(qtbot, window.unit_page.table, 0, 2, "80")
    assert registry.unit_households(store, unit)[0].area_x100 == 8000
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert registry.unit_households(store, unit)[0].area_x100 == 6000
    assert window.unit_page.table.model().index(0, 2).data() == "60.00"
    assert "已撤销" in window.statusBar().currentMessage()
