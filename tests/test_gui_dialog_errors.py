"""pytest-qt: every dialog's save path with bad input, keyed as a helper would. Each refusal is the
dialog's own message (never the 程序出错 box), the dialog stays open with what was typed, and
nothing is saved. The field report: Shift+5 with no condition, then Enter, raised a NameError."""

import sys

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog

from liftdesk.consent import positions
from liftdesk.i18n import t
from liftdesk.projects import projects
from liftdesk.places import registry
from ui import messages
from ui.app import init_app
from ui.dialogs.household_dialogs import AddHouseholdDialog
from ui.dialogs.money_dialogs import PaymentDialog
from ui.dialogs.position_dialog import PositionDialog, SignedFormDialog
from ui.dialogs.project_dialogs import StageDialog

SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def shown(qtbot, monkeypatch):
    init_app("zh", 12)
    seen = []
    monkeypatch.setattr(messages, "error", lambda parent, text: seen.append(text))
    crashes = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: crashes.append(info))
    yield seen
    assert crashes == []  # no exception reached Qt's event loop (the 程序出错 box)


def _open(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _household(store, unit, room="201"):
    return next(r for r in registry.unit_households(store, unit) if r.room == room)


def test_conditional_support_without_a_condition(qtbot, store, unit, shown):
    h = _household(store, unit)
    dialog = _open(qtbot, PositionDialog(store, h.id, h.room, unit))
    qtbot.keyClick(dialog, Qt.Key.Key_5)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert shown == [t("condition.missing")] and dialog.isVisible() and dialog.result() == 0
    assert positions.history(store, h.id) == []


def test_a_signed_form_ticked_without_its_number(qtbot, store, unit, shown):
    h = _household(store, unit)
    dialog = _open(qtbot, PositionDialog(store, h.id, h.room, unit))
    qtbot.mouseClick(dialog.written, Qt.MouseButton.LeftButton, pos=QPoint(6, dialog.written.height() // 2))
    assert dialog.written.isChecked()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert shown == [t("form_no.missing")] and dialog.isVisible()
    assert positions.history(store, h.id) == []


def test_shift_5_with_no_condition_then_enter(qtbot, store, unit, shown):
    h = _household(store, unit)
    dialog = _open(qtbot, SignedFormDialog(store, h.id, h.room, unit, "conditional"))
    qtbot.keyClicks(dialog.form_no, "YJ-7")
    qtbot.keyClick(dialog.form_no, Qt.Key.Key_Return)
    assert shown == [t("condition.missing")] and dialog.isVisible()
    assert dialog.form_no.text() == "YJ-7"  # what was typed stays
    qtbot.keyClicks(dialog.condition, "1F lift stop")  # QTest types ASCII; Chinese comes through the IME
    qtbot.keyClick(dialog.condition, Qt.Key.Key_Return)
    assert not dialog.isVisible() and positions.history(store, h.id)[0].condition == "1F lift stop"


def test_a_signed_form_without_its_number(qtbot, store, unit, shown):
    h = _household(store, unit)
    dialog = _open(qtbot, SignedFormDialog(store, h.id, h.room, unit, "oppose"))
    qtbot.keyClick(dialog.form_no, Qt.Key.Key_Return)
    assert shown == [t("form_no.missing")] and dialog.isVisible()
    assert positions.history(store, h.id) == []


def test_a_new_household_with_a_bad_phone(qtbot, store, unit, shown):
    dialog = _open(qtbot, AddHouseholdDialog(store, unit))
    dialog.owners.setText("王芳")  # typed through the IME; QTest sends ASCII only
    for widget, text in ((dialog.room, "103"), (dialog.area, "55"), (dialog.phone, "12345")):
        qtbot.keyClicks(widget, text)
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
    assert shown == [t("phone.invalid", value="12345")] and dialog.isVisible()
    assert store.db.execute("SELECT count(*) FROM household WHERE room = '103'").fetchone()[0] == 0


def test_a_stage_out_of_order_without_a_reason(qtbot, store, unit, shown):
    project = projects.create_project(store, unit)
    dialog = _open(qtbot, StageDialog(store, project))
    dialog.stage.setFocus()
    qtbot.keyClick(dialog.stage, Qt.Key.Key_End)  # the last stage: not the next one in order
    qtbot.keyClick(dialog.recorded_by, Qt.Key.Key_Return)
    assert len(shown) == 1 and shown[0] == t("stage.reason_needed", stage=dialog.stage.currentText())
    assert dialog.isVisible() and projects.history(store, project) == []


def test_a_payment_of_no_amount(qtbot, store, unit, shown):
    project = projects.create_project(store, unit)
    dialog = _open(qtbot, PaymentDialog(store, project))
    qtbot.keyClicks(dialog.amount, "ten")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert len(shown) == 1 and "ten" in shown[0] and dialog.isVisible()
    assert store.db.execute("SELECT count(*) FROM payment").fetchone()[0] == 0
    QApplication.processEvents()


def test_a_meeting_that_ends_before_it_starts(qtbot, store, unit, shown):
    from ui.dialogs.project_dialogs import MeetingDialog

    project = projects.create_project(store, unit)
    dialog = _open(qtbot, MeetingDialog(store, project, unit))
    dialog.ends.setFocus()
    dialog.ends.setCurrentSection(dialog.ends.Section.DaySection)
    for _ in range(2):
        qtbot.keyClick(dialog.ends, Qt.Key.Key_Down)  # two days earlier
    qtbot.mouseClick(dialog.box.button(dialog.box.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert len(shown) == 1 and "结束" in shown[0] and dialog.isVisible()
    assert store.db.execute("SELECT count(*) FROM meeting").fetchone()[0] == 0


def test_an_empty_diary_entry(qtbot, store, unit, shown):
    from ui.dialogs.project_dialogs import DiaryDialog

    project = projects.create_project(store, unit)
    dialog = _open(qtbot, DiaryDialog(store, project))
    qtbot.keyClicks(dialog.author, "li")
    qtbot.keyClick(dialog.author, Qt.Key.Key_Return)
    assert shown == [t("diary.empty")] and dialog.isVisible()
    assert store.db.execute("SELECT count(*) FROM diary_entry").fetchone()[0] == 0


def test_a_group_member_without_a_name(qtbot, store, unit, shown):
    from ui.dialogs.project_dialogs import MemberDialog

    project = projects.create_project(store, unit)
    dialog = _open(qtbot, MemberDialog(store, project, unit))
    qtbot.mouseClick(dialog.box.button(dialog.box.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert len(shown) == 1 and shown[0] == t("name.empty", what=t("kind.member")) and dialog.isVisible()
    assert store.db.execute("SELECT count(*) FROM group_member").fetchone()[0] == 0


def test_households_by_floor_with_a_bad_area(qtbot, store, unit, shown):
    from ui.dialogs.household_dialogs import QuickCreateDialog

    building = store.db.execute("SELECT id FROM building").fetchone()[0]
    empty = registry.add_unit(store, building, "2单元")
    dialog = _open(qtbot, QuickCreateDialog(store, empty))
    dialog.area.selectAll()
    qtbot.keyClicks(dialog.area, "abc")
    qtbot.keyClick(dialog.area, Qt.Key.Key_Return)
    assert len(shown) == 1 and "abc" in shown[0] and dialog.isVisible()
    assert registry.unit_households(store, empty) == []
