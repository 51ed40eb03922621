"""pytest-qt: settings and rules applied through their dialogs with real keys and clicks, Enter on
an overview row, and every window and dialog fitting a 1366×768 screen at 20 pt."""

import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QPushButton

from liftdesk.consent import positions
from liftdesk.projects import projects
from liftdesk.places import registry
from liftdesk.people import ownership
from liftdesk.common.settings import Settings
from ui import messages, screen
from ui.app import init_app, install_translations
from ui.main_window import MainWindow
from ui.style import apply_font_size, indicator_size


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(messages, "error", lambda parent, text: shown.append(text))
    return shown


@pytest.fixture
def window(qtbot, store, unit, tmp_path):
    init_app("zh", 12)
    for n, row in enumerate(registry.unit_households(store, unit)):
        ownership.set_owners(store, row.id, [f"业主{n}"], "")
    w = MainWindow(store, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    apply_font_size(12)
    screen.set_screen_size(None)


def _in_modal(qtbot, act, failures):
    """Run `act(dialog)` on the modal dialog once it is open (exec() blocks the test)."""
    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, poll)
            return
        try:
            act(dialog)
        except BaseException as exc:  # reported after exec() returns
            failures.append(exc)
            dialog.reject()
    QTimer.singleShot(0, poll)


def _click_button(qtbot, dialog, role):
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(role), Qt.MouseButton.LeftButton)


def test_font_size_set_in_the_settings_dialog_applies_at_once(qtbot, window):
    failures = []

    def act(dialog):
        spin = dialog.font_size
        spin.setFocus()
        qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(spin, "18")
        _click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    _in_modal(qtbot, act, failures)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)  # 设置 (Ctrl+,)
    assert not failures, failures
    assert QApplication.font().pointSize() == 18
    assert window.unit_page.table.font().pointSize() == 18  # the widgets follow, not just the setting
    assert Settings(window.settings.path).get("font_size") == 18
    assert f"width: {indicator_size(QApplication.font())}px" in QApplication.instance().styleSheet()


def test_written_only_set_in_the_rule_dialog_decides_the_legal_verdict(qtbot, window, store, unit, errors):
    for row in registry.unit_households(store, unit):  # everyone said yes at the door; nobody has signed
        positions.record_position(store, row.id, "支持", on_date="2024-03-01", method="visit")
    window.open_unit(unit)
    panel = window.unit_page.verdict
    assert panel.mode == "legal"

    def set_written_only(on: bool):
        failures = []

        def act(dialog):
            box = dialog.written_only
            if box.isChecked() != on:
                qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
            assert box.isChecked() == on
            _click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

        _in_modal(qtbot, act, failures)
        window.rule_action.trigger()  # 文件 → 同意比例规则…
        assert not failures, failures

    set_written_only(False)
    assert panel.verdict.totals["participating_owners"] == 12 and panel.verdict.passed
    set_written_only(True)
    assert panel.verdict.totals["participating_owners"] == 0
    assert not panel.verdict.passed and panel.verdict_label.text() == "未达标"
    assert errors == []


def test_enter_on_an_overview_row_opens_that_unit(qtbot, window, store, unit):
    building = store.db.execute("SELECT building_id FROM unit WHERE id = ?", [unit]).fetchone()[0]
    second = registry.add_unit(store, building, "2单元")
    registry.quick_create_households(store, second, 6, 3, "55")
    window.tree_model.reload()
    street = store.db.execute("SELECT id FROM street").fetchone()[0]
    window.open_overview("street", street)
    table = window.overview_page.table
    assert table.model().rowCount() == 2
    row = next(r for r in range(2) if table.model().index(r, 3).data() == "2单元")
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.unit_page
    assert window.unit_page.unit_id == second
    assert window.unit_page.model.rowCount() == 18


def _dialogs(window, store, unit):
    from ui.dialogs.household_dialogs import AddHouseholdDialog, QuickCreateDialog
    from ui.dialogs.position_dialog import PositionDialog
    from ui.dialogs.project_dialogs import DiaryDialog, MeetingDialog, MemberDialog, StageDialog
    from ui.dialogs.receipt_dialog import ReceiptDialog
    from ui.dialogs.rule_dialog import RuleDialog
    from ui.dialogs.settings_dialog import SettingsDialog

    project = projects.create_project(store, unit)
    household = registry.unit_households(store, unit)[0]
    yield SettingsDialog(window.settings, window)
    yield RuleDialog(store, window)
    yield ReceiptDialog(store, "", window)
    yield AddHouseholdDialog(store, unit, window)
    yield QuickCreateDialog(store, unit, window)
    yield PositionDialog(store, household.id, household.room, unit, None, "", window)
    yield StageDialog(store, project, "", window)
    yield MemberDialog(store, project, unit, window)
    yield MeetingDialog(store, project, unit, window)
    yield DiaryDialog(store, project, "", window)
    from liftdesk.places import places
    from liftdesk.documents import generate
    from ui.dialogs.import_dialog import ImportRosterDialog
    from ui.dialogs.preview_dialog import PreviewDialog

    address = str(places.unit_address(store, unit))
    yield ImportRosterDialog(store, address, window, window.settings)
    done = generate.print_document(store, "consent-form", address, window.settings.path.parent / "form.pdf")
    yield PreviewDialog(done.path, done.serial, window)
    # the district's sync dialogs (issue 23)
    from ui.dialogs.held_dialog import HeldRowsDialog
    from ui.dialogs.station_dialogs import AcceptStationDialog, RevokeStationDialog, StationScopeDialog

    station = {"station_id": "a083597250eb", "name": "长庆街道工作站", "scope": "长庆街道",
               "fingerprint": "60FD 9F0A 830E F140 0322 FA63", "pending": 1}
    yield HeldRowsDialog(store, window)
    yield RevokeStationDialog(station, window)
    yield AcceptStationDialog(station, True, window)
    yield StationScopeDialog(station, window, ["长庆街道", "长庆街道/王马社区"])


@pytest.mark.parametrize("points", [12, 20])
def test_main_window_and_every_dialog_fit_a_1366x768_screen(qtbot, store, unit, tmp_path, points):
    area = QRect(0, 0, 1366, 768)
    screen.set_screen_size(area.size())
    init_app("zh", points)
    w = MainWindow(store, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(w)
    try:
        w.show()
        qtbot.waitExposed(w)
        def fits(widget) -> None:
            name = type(widget).__name__
            frame = widget.frameGeometry().size() - widget.size()
            assert widget.minimumSizeHint().width() <= area.width() - frame.width(), name
            assert widget.minimumSizeHint().height() <= area.height() - frame.height(), name
            assert area.contains(widget.frameGeometry()), (name, widget.frameGeometry())

        for opener in (lambda: w.open_unit(unit), w.show_district, w.show_today, w.show_home,
                       lambda: w.open_overview("street", store.db.execute("SELECT id FROM street").fetchone()[0])):
            opener()
            QApplication.processEvents()
            fits(w)
        for dialog in _dialogs(w, store, unit):
            dialog.show()
            QApplication.processEvents()
            fits(dialog)
            buttons = dialog.findChildren(QPushButton)
            assert buttons and all(dialog.rect().contains(QRect(b.mapTo(dialog, b.rect().topLeft()), b.size()))
                                   for b in buttons if b.isVisible()), type(dialog).__name__
            dialog.close()
    finally:
        screen.set_screen_size(None)
        apply_font_size(12)


def test_crash_dialog_names_its_real_button(qtbot, monkeypatch):
    for lang, expected in (("zh", "显示详情"), ("en", "Show Details")):
        app = init_app(lang, 12)
        shown = {}

        def exec_(box):
            box.show()
            shown["text"] = box.text()
            shown["buttons"] = [b.text() for b in box.findChildren(QPushButton)]
            box.close()
            return 0

        monkeypatch.setattr(QMessageBox, "exec", exec_)
        messages.crash(None, "Traceback …")
        assert f"“{expected}”" in shown["text"]
        assert any(b.startswith(expected) for b in shown["buttons"])
    install_translations(app, "zh")


def test_qt_own_buttons_are_in_chinese(qtbot):
    init_app("zh", 12)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert [b.text() for b in box.buttons()] == ["确定", "取消"]


def test_the_recorder_is_remembered_between_positions(qtbot, window, store, unit, monkeypatch, errors):
    from ui.dialogs import position_dialog

    names = iter(["张社工", None])
    seen = []

    def exec_(dialog):
        dialog.show()
        seen.append(dialog.recorded_by.text())
        name = next(names)
        if name:
            dialog.recorded_by.setFocus()
            dialog.recorded_by.clear()
            dialog.recorded_by.insert(name)  # what an input method commits
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(position_dialog.PositionDialog, "exec", exec_)
    window.open_unit(unit)
    table = window.unit_page.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_1)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_1)
    assert seen == ["", "张社工"]
    assert Settings(window.settings.path).get("recorded_by") == "张社工"  # and after a restart
    assert errors == []


def test_search_follows_the_typing(qtbot, window, store, unit):
    ownership.set_owners(store, registry.unit_households(store, unit)[4].id, ["黄杞财"], "")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search_box, "hqc")  # no Enter: results follow after a short pause
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.search_page, timeout=3000)
    qtbot.waitUntil(lambda: window.search_page.table.model().rowCount() == 1, timeout=3000)
    assert window.search_page.table.model().index(0, 5).data() == "301"
    assert window.search_box.hasFocus()  # typing goes on in the box
