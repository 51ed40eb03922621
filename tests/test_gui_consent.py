"""pytest-qt: positions on the unit page, the verdict panel, the overview and the import dialog."""

import pytest
from PySide6.QtCore import Qt

from liftdesk.consent import positions
from liftdesk.places import registry
from liftdesk.people import ownership
from liftdesk.common.settings import Settings
from ui import messages
from ui.app import init_app
from ui.dialogs import position_dialog
from ui.main_window import MainWindow

from .test_roster_import import HEADER, ROWS, write_csv


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(messages, "error", lambda parent, text: shown.append(text))
    return shown


@pytest.fixture
def window(qtbot, store, unit, tmp_path):
    init_app("zh", 12)
    rows = registry.unit_households(store, unit)
    for n, row in enumerate(rows):  # 12 owners; 7 signed support, 1 signed against, 4 silent
        ownership.set_owners(store, row.id, [f"业主{n}"], "")
        if n < 8:
            positions.record_position(store, row.id, "支持" if n < 7 else "反对", on_date="2024-03-01",
                                      written=True, form_no=f"F{n}")
    w = MainWindow(store, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _answer_dialog(monkeypatch, qtbot, fill):
    """Let the real position dialog open, fill it as a user would, and press Enter to save."""
    def exec_(dialog):
        dialog.show()
        fill(dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
        return dialog.result()
    monkeypatch.setattr(position_dialog.PositionDialog, "exec", exec_)


def test_recording_a_position_by_keyboard_changes_the_verdict_and_bars(qtbot, window, store, unit, monkeypatch, errors):
    window.open_unit(unit)
    page = window.unit_page
    panel = page.verdict
    # 8 of 12 participate, 7 of 8 agree: participation 2/3 met by head, all met → passes already?
    assert panel.verdict.totals["participating_owners"] == 8
    before = [(c.fraction, c.met) for c in panel.verdict.criteria]
    bar = panel._rows[0][1]
    old_ratio = bar.criterion.ratio

    def fill(dialog):
        assert dialog.position == "support"          # the digit pressed chose it
        qtbot.keyClick(dialog, Qt.Key.Key_2)          # change our mind: 2 = 反对 … then back to 1
        assert dialog.position == "oppose"
        qtbot.keyClick(dialog, Qt.Key.Key_1)
        dialog.written.setChecked(True)
        dialog.form_no.setText("YJ-2024-0099")
    _answer_dialog(monkeypatch, qtbot, fill)
    page.select_room("501")                           # a silent household (row 9)
    qtbot.keyClick(page.table, Qt.Key.Key_1)
    assert errors == []
    after = [(c.fraction, c.met) for c in panel.verdict.criteria]
    assert after != before
    assert panel.verdict.totals["participating_owners"] == 9
    assert bar.criterion.ratio > old_ratio
    history = positions.history(store, page.current_household().id)
    assert history[0].written and history[0].form_no == "YJ-2024-0099"
    assert "支持（书面）" in page.table.model().index(page.table.currentIndex().row(), 4).data()
    assert page.history_model.rowCount() == 1


def test_a_refused_position_keeps_the_dialog_open_and_records_nothing(qtbot, window, store, unit, monkeypatch, errors):
    window.open_unit(unit)
    page = window.unit_page
    page.select_room("602")

    def fill(dialog):
        qtbot.keyClick(dialog, Qt.Key.Key_5)  # 有条件支持 without its condition
    _answer_dialog(monkeypatch, qtbot, fill)
    qtbot.keyClick(page.table, Qt.Key.Key_5)
    assert errors and "写明条件" in errors[0]
    assert positions.history(store, page.current_household().id) == []


def test_forecast_mode_and_visit_list(qtbot, window, store, unit):
    window.open_unit(unit)
    page = window.unit_page
    rows = registry.unit_households(store, unit)
    positions.record_position(store, rows[9].id, "支持", method="phone", respondent="family", on_date="2024-04-01")
    page.show_unit(unit)
    legal_agree = page.verdict.verdict.totals["agreeing_owners"]
    page.verdict.forecast.setChecked(True)
    assert page.verdict.verdict.mode == "forecast"
    assert page.verdict.verdict.totals["agreeing_owners"] == legal_agree + 1


def test_visit_list_selects_the_household(qtbot, window, store, unit):
    # make the unit fail: two more signed oppositions
    rows = registry.unit_households(store, unit)
    for row in rows[5:7]:
        positions.record_position(store, row.id, "反对", on_date="2024-05-01", written=True, form_no="X")
    window.open_unit(unit)
    panel = window.unit_page.verdict
    assert not panel.verdict.passed and panel.visit_model.rowCount() >= 1
    first_room = panel.verdict.visit_list[0].room
    panel.visit_view.setCurrentIndex(panel.visit_model.index(0))
    with qtbot.waitSignal(panel.visit_requested):
        qtbot.keyClick(panel.visit_view, Qt.Key.Key_Return)
    assert window.unit_page.current_household().room == first_room
    assert "还差" in panel.shortfall.text()


def test_building_view_colours_rooms_by_position(qtbot, window, unit):
    window.open_unit(unit)
    grid = window.unit_page.grid_model
    assert grid.rowCount() == 6 and grid.columnCount() == 2
    top_left = grid.index(5, 0)  # floor 1, first room = 101, signed support
    assert grid.data(top_left).startswith("101") and "支持" in grid.data(top_left)
    assert grid.data(top_left, Qt.ItemDataRole.BackgroundRole).name() == "#c8e6c9"


def test_overview_filters_units_by_verdict(qtbot, window, store, unit):
    building = store.db.execute("SELECT id FROM building").fetchone()[0]
    second = registry.add_unit(store, building, "2单元")
    registry.quick_create_households(store, second, 6, 2)
    window.open_overview("street", store.db.execute("SELECT id FROM street").fetchone()[0])
    page = window.overview_page
    assert window.pages.currentWidget() is page and page.proxy.rowCount() == 2
    page.filter.setCurrentIndex(page.filter.findData("passed"))
    assert page.proxy.rowCount() == 1
    assert page.proxy.index(0, 3).data() == "1单元"
    page.filter.setCurrentIndex(page.filter.findData("opposed"))
    assert page.proxy.rowCount() == 1
    page.filter.setCurrentIndex(0)
    page.table.setCurrentIndex(page.proxy.index(1, 0))
    with qtbot.waitSignal(page.open_unit):
        qtbot.keyClick(page.table, Qt.Key.Key_Return)


def test_import_dialog_checks_then_imports(qtbot, window, store, tmp_path, errors):
    from liftdesk.io.roster import ensure_unit
    from ui.dialogs.import_dialog import ImportRosterDialog

    address = "长庆街道/王马社区/遥祥寺巷小区/6幢/3单元"
    ensure_unit(store, address, 6)
    src = write_csv(tmp_path / "r.csv", [HEADER] + ROWS + [["错", "301", "-1", "", "", "", "", "3"]], "gbk")
    dialog = ImportRosterDialog(store, address, window, window.settings)
    assert dialog.load_file(src)
    assert dialog.combos["房号"].currentText() == "房号" and dialog.combos["面积"].currentText() == "面积"
    assert "错误 1 行" in dialog.report.toPlainText() and "第 8 行" in dialog.report.toPlainText()
    dialog.import_button.click()
    assert errors and "未导入任何数据" in errors[0]
    dialog.good_only_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert "新增 6 户" in dialog.result_text
    assert window.settings.get("roster_mappings")["|".join(HEADER)]["房号"] == 1
    assert dialog.preview_model.rowCount() == 7


def test_the_district_rule_and_scope_change_the_verdict(qtbot, window, store, unit):
    from ui.dialogs.rule_dialog import RuleDialog

    window.open_unit(unit)
    assert window.unit_page.verdict.verdict.rule.id == "civil-code-278"
    dialog = RuleDialog(store, window)
    dialog.rule.setCurrentIndex(dialog.rule.findData("beijing-2020"))
    assert "无业主反对" in dialog.summary.text()
    dialog.save()
    window.open_unit(unit)
    verdict = window.unit_page.verdict.verdict
    assert verdict.rule.id == "beijing-2020" and not verdict.passed  # one signed opposition
    # building scope: a second, silent unit in the same building joins the count
    building = store.db.execute("SELECT id FROM building").fetchone()[0]
    registry.quick_create_households(store, registry.add_unit(store, building, "2单元"), 6, 2)
    dialog = RuleDialog(store, window)
    dialog.rule.setCurrentIndex(dialog.rule.findData("civil-code-278"))
    dialog.scope.setCurrentIndex(dialog.scope.findData("building"))
    dialog.save()
    window.open_unit(unit)
    assert window.unit_page.verdict.verdict.totals["total_owners"] == 24
    assert store.db.execute("SELECT count(*) FROM change_log WHERE tbl = 'district' AND op = 'update'").fetchone()[0] >= 2
