"""pytest-qt: the district's settings dialog and the household's 占用专有部分 box, driven by keys and
clicks; each saves one undo step and the verdict follows."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from liftdesk.consent import evaluation, positions
from liftdesk.history import actions
from liftdesk.people import ownership
from liftdesk.places import district_settings, household_facts, registry
from liftdesk.common.settings import Settings
from ui.app import init_app
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, store, unit, tmp_path):
    init_app("zh", 12)
    for n, row in enumerate(registry.unit_households(store, unit)):
        ownership.set_owners(store, row.id, ["王建国" if n == 0 else f"业主{n}"], "")
        if n >= 2:
            positions.record_position(store, row.id, "支持" if n < 11 else "反对", on_date="2025-07-01",
                                      written=True, form_no=f"F{n}")
    w = MainWindow(store, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_the_settings_dialog_saves_period_office_rule_and_preset_as_one_step(qtbot, window, store):
    from ui.dialogs.rule_dialog import RuleDialog

    dialog = RuleDialog(store, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.notice_days.setFocus()
    dialog.notice_days.selectAll()
    qtbot.keyClicks(dialog.notice_days, "15")
    dialog.day_kind.setFocus()
    qtbot.keyClick(dialog.day_kind, Qt.Key.Key_Down)  # 工作日 → 自然日
    dialog.office_address.insert("王马社区居委会一楼")  # what an input method commits (QTest types ASCII only)
    qtbot.keyClicks(dialog.office_phone, "0571-85550000")
    dialog.rule.setCurrentIndex(dialog.rule.findData("guangzhou-2025"))
    dialog.cost_preset.setCurrentIndex(dialog.cost_preset.findData("hangzhou"))
    assert "参考" in dialog.cost_preset.currentText() and "杭政办函" in dialog.cost_source.text()
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    now = district_settings.read(store)
    assert (now.notice_days, now.notice_day_kind, now.office_address, now.office_phone, now.rule, now.cost_preset) == \
        (15, "calendar", "王马社区居委会一楼", "0571-85550000", "guangzhou-2025", "hangzhou")
    assert actions.next_undo(store).label_key == "action.district_settings"


def test_the_occupied_box_in_the_household_dialog_changes_the_verdict(qtbot, window, store, unit):
    from ui.dialogs.household_dialogs import HouseholdFactsDialog

    evaluation.set_district_rule(store, "guangzhou-2025", "unit", True)
    assert evaluation.unit_verdict(store, unit).passed  # 10/12 voted, 9/10 agree
    first = registry.unit_households(store, unit)[0]
    dialog = HouseholdFactsDialog(store, first.id, first.room, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.occupied, Qt.MouseButton.LeftButton)
    assert dialog.occupied.isChecked()
    dialog.property_cert.insert("浙（2019）杭州市不动产权第0000101号")  # an input method's commit
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert household_facts.facts(store, first.id) == household_facts.HouseholdFacts(True, "浙（2019）杭州市不动产权第0000101号")
    verdict = evaluation.unit_verdict(store, unit)
    assert not verdict.passed and verdict.shortfall_text == "占用专有部分的 101 王建国 尚未同意"
    assert actions.next_undo(store).label_key == "action.household_facts"
