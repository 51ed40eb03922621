"""Undo and redo in the real main window, driven by key presses and clicks: every kind of action
is one step (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y), the Edit menu names it, deletes ask first and a
cancel changes nothing, and a refused undo explains itself without a crash."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QFileDialog, QMessageBox

from liftdesk.history import actions, recycle
from liftdesk.projects import meetings, projects
from liftdesk.consent import positions
from liftdesk.places import registry
from liftdesk.people import ownership
from liftdesk.people import teams
from liftdesk.common.settings import Settings
from ui import messages
from ui.app import init_app
from ui.dialogs import position_dialog, project_dialogs
from ui.main_window import MainWindow

from .test_gui import _edit_cell
from .test_roster_import import HEADER, ROWS, write_csv

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


class Answers:
    """QMessageBox.question patched: answers in order, remembers what was asked."""

    def __init__(self):
        self.asked: list[str] = []
        self.next: list[QMessageBox.StandardButton] = []

    def __call__(self, parent, title, text, *args, **kwargs):
        self.asked.append(text)
        return self.next.pop(0) if self.next else QMessageBox.StandardButton.Yes


@pytest.fixture
def answers(monkeypatch):
    a = Answers()
    monkeypatch.setattr(QMessageBox, "question", a)
    return a


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(messages, "error", lambda parent, text: shown.append(text))
    monkeypatch.setattr(messages, "info", lambda parent, text: None)
    return shown


@pytest.fixture
def window(qtbot, store, unit, tmp_path, answers, errors):
    init_app("zh", 12)
    for n, row in enumerate(registry.unit_households(store, unit)):
        ownership.set_owners(store, row.id, [f"业主{n}"], "")
    w = MainWindow(store, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.baseline = store.db.execute("SELECT max(seq) FROM change_log").fetchone()[0]
    yield w
    # every write the GUI made belongs to a user action (nothing escapes undo)
    assert store.db.execute("SELECT count(*) FROM change_log WHERE seq > ? AND action_id IS NULL",
                            [w.baseline]).fetchone()[0] == 0


def undo_key(qtbot, w):
    qtbot.keyClick(w, Qt.Key.Key_Z, CTRL)


def redo_key(qtbot, w, ctrl_y=False):
    if ctrl_y:
        qtbot.keyClick(w, Qt.Key.Key_Y, CTRL)
    else:
        qtbot.keyClick(w, Qt.Key.Key_Z, CTRL | SHIFT)


def areas(store, unit):
    return [r.area_x100 for r in registry.unit_households(store, unit)]


def _answer(monkeypatch, cls, fill):
    def exec_(dialog):
        dialog.show()
        fill(dialog)
        dialog.box.accepted.emit()  # the Save button
        return dialog.result()
    monkeypatch.setattr(cls, "exec", exec_)


def test_an_edit_is_undone_and_redone_by_keys_and_the_menu_says_so(qtbot, window, store, unit):
    window.open_unit(unit)
    assert window.undo_action.text() == "撤销" and not window.undo_action.isEnabled()
    _edit_cell(qtbot, window.unit_page.table, 0, 2, "80")
    assert window.undo_action.text() == "撤销：修改 101 的面积（m²）"
    window.unit_page.table.setFocus()
    undo_key(qtbot, window)
    assert areas(store, unit)[0] == 6000
    assert window.unit_page.table.model().index(0, 2).data() == "60.00"
    assert window.redo_action.text() == "重做：修改 101 的面积（m²）"
    assert "已撤销：修改 101 的面积" in window.statusBar().currentMessage()
    redo_key(qtbot, window)
    assert areas(store, unit)[0] == 8000
    undo_key(qtbot, window)
    redo_key(qtbot, window, ctrl_y=True)
    assert areas(store, unit)[0] == 8000
    # another unit's action is named with its place
    window.show_home()
    assert window.undo_action.text() == "撤销：修改 101 的面积（m²）（遥祥寺巷小区6幢1单元）"


def test_deleting_households_asks_first_and_cancel_changes_nothing(qtbot, window, store, unit, answers):
    window.open_unit(unit)
    page = window.unit_page
    page.table.setFocus()
    page.table.selectAll()
    log = store.db.execute("SELECT count(*) FROM change_log").fetchone()[0]
    answers.next = [QMessageBox.StandardButton.No]
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert answers.asked[-1].startswith("将 12 户（101、102、201、202、301、302…）移入回收站？这会改变本单元的同意比例。")
    assert len(registry.unit_households(store, unit)) == 12
    assert store.db.execute("SELECT count(*) FROM change_log").fetchone()[0] == log
    assert actions.next_undo(store) is None
    answers.next = [QMessageBox.StandardButton.Yes]
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert registry.unit_households(store, unit) == []
    assert page.history_model.rowCount() == 0 and page.history_title.text() == ""  # no deleted household
    assert window.undo_action.text() == "撤销：删除 12 户"
    undo_key(qtbot, window)
    assert len(registry.unit_households(store, unit)) == 12 and page.model.rowCount() == 12
    redo_key(qtbot, window)
    assert registry.unit_households(store, unit) == [] and page.model.rowCount() == 0
    undo_key(qtbot, window)
    assert page.model.rowCount() == 12


def test_a_position_is_one_step_and_leaves_a_retraction(qtbot, window, store, unit, monkeypatch):
    def exec_(dialog):
        dialog.show()
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
        return dialog.result()
    monkeypatch.setattr(position_dialog.PositionDialog, "exec", exec_)
    window.open_unit(unit)
    page = window.unit_page
    page.select_room("501")
    household = page.current_household().id
    qtbot.keyClick(page.table, Qt.Key.Key_1)
    assert positions.history(store, household)[0].position == "support"
    assert page.history_model.rowCount() == 1
    assert window.undo_action.text() == "撤销：记录 501 的意见"
    assert page.model.position_of(page.model.row_of(household)) == "support"
    undo_key(qtbot, window)
    assert positions.history(store, household) == [] and page.history_model.rowCount() == 0
    assert page.model.position_of(page.model.row_of(household)) == "none"  # the roster shows it gone
    assert store.db.execute("SELECT target_tbl FROM retraction").fetchall() == [("position",)]
    redo_key(qtbot, window)
    assert page.history_model.rowCount() == 1


def test_a_restore_from_the_bin_confirms_and_undo_goes_back_through_it(qtbot, window, store, unit, answers):
    window.open_unit(unit)
    page = window.unit_page
    page.select_room("602")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    window.bin_action.trigger()
    bin_page = window.recycle_page
    assert bin_page.model.rowCount() == 1
    time_text = bin_page.model.index(0, 2).data()
    assert len(time_text) == 16 and "T" not in time_text and "Z" not in time_text  # local time, minutes
    bin_page.table.selectRow(0)
    answers.next = [QMessageBox.StandardButton.No]
    qtbot.mouseClick(bin_page.restore_button, Qt.MouseButton.LeftButton)
    assert "恢复 1 项（602）" in answers.asked[-1] and bin_page.model.rowCount() == 1
    qtbot.mouseClick(bin_page.restore_button, Qt.MouseButton.LeftButton)
    assert bin_page.model.rowCount() == 0
    assert window.undo_action.text() == "撤销：恢复 1 项（遥祥寺巷小区6幢1单元）"
    undo_key(qtbot, window)  # the restore
    assert bin_page.model.rowCount() == 1
    undo_key(qtbot, window)  # the deletion
    assert bin_page.model.rowCount() == 0 and len(registry.unit_households(store, unit)) == 12
    redo_key(qtbot, window)
    redo_key(qtbot, window)
    assert len(registry.unit_households(store, unit)) == 12


def test_a_roster_import_and_a_reimport_are_undone_one_at_a_time(qtbot, window, store, unit, tmp_path, monkeypatch,
                                                                 errors):
    from ui.dialogs.import_dialog import ImportRosterDialog

    first = write_csv(tmp_path / "名册.csv", [HEADER] + ROWS, "utf-8")
    changed = [r[:] for r in ROWS]
    changed[0][0], changed[0][2] = "黄新", "70.00"
    second = write_csv(tmp_path / "名册2.csv", [HEADER] + changed, "utf-8")
    files = [str(first), str(second)]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (files.pop(0), ""))
    monkeypatch.setattr(ImportRosterDialog, "exec",
                        lambda dialog: (dialog.show(), dialog.import_button.click(), dialog.result())[-1])
    window.open_unit(unit)
    page = window.unit_page
    start = [(r.room, r.area_x100, r.owners) for r in registry.unit_households(store, unit)]
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    after_first = [(r.room, r.area_x100, r.owners) for r in registry.unit_households(store, unit)]
    assert errors == [] and after_first != start
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert registry.unit_households(store, unit)[0].owners == "黄新"
    assert window.undo_action.text() == "撤销：导入名册（名册2.csv）"
    page.table.setFocus()
    undo_key(qtbot, window)
    assert [(r.room, r.area_x100, r.owners) for r in registry.unit_households(store, unit)] == after_first
    undo_key(qtbot, window)
    assert [(r.room, r.area_x100, r.owners) for r in registry.unit_households(store, unit)] == start
    assert page.model.rowCount() == 12
    redo_key(qtbot, window)
    redo_key(qtbot, window)
    assert registry.unit_households(store, unit)[0].owners == "黄新"


def test_meetings_stages_diary_followups_are_steps_and_editable(qtbot, window, store, unit, monkeypatch, answers):
    window.open_unit(unit)
    qtbot.mouseClick(window.unit_page.project_button, Qt.MouseButton.LeftButton)
    assert window.undo_action.text() == "撤销：立项加梯"
    page = window.project_page
    project = projects.project_of_unit(store, unit)
    _answer(monkeypatch, project_dialogs.StageDialog, lambda d: None)
    qtbot.mouseClick(page.stage_button, Qt.MouseButton.LeftButton)
    assert window.undo_action.text() == "撤销：记录阶段“意愿摸底”"
    yesterday = QDateTime(QDate.currentDate().addDays(-1), QTime(19, 0))

    def fill(dialog):
        dialog.starts.setDateTime(yesterday)
        dialog.ends.setDateTime(yesterday.addSecs(3600))
        dialog.topic.setText("协商加装方案")
        dialog.attendees.item(0).setCheckState(Qt.CheckState.Checked)
        text, owner, due = dialog.followups[0]
        text.setText("联系设计院")
        due.setDate(QDate.currentDate().addDays(2))
    _answer(monkeypatch, project_dialogs.MeetingDialog, fill)
    qtbot.mouseClick(page.meeting_button, Qt.MouseButton.LeftButton)
    assert window.undo_action.text() == "撤销：新建会议“协商加装方案”"
    page.tabs.setCurrentIndex(2)
    page.meetings_view.setFocus()
    page.meetings_view.selectRow(0)
    meeting = page.meeting_model.items[0].id

    def minutes_afterwards(dialog):
        assert dialog.topic.text() == "协商加装方案" and dialog.checked_households() == [
            (registry.unit_households(store, unit)[0].id, "owner")]
        dialog.minutes.setPlainText("一楼补偿待议")
        dialog.attendees.item(1).setCheckState(Qt.CheckState.Checked)
    _answer(monkeypatch, project_dialogs.MeetingDialog, minutes_afterwards)
    qtbot.mouseClick(page.meeting_edit_button, Qt.MouseButton.LeftButton)
    assert meetings.get_meeting(store, meeting).minutes == "一楼补偿待议"
    assert page.attendee_model.rowCount() == 2
    assert window.undo_action.text() == "撤销：修改会议“协商加装方案”"
    undo_key(qtbot, window)
    assert meetings.get_meeting(store, meeting).minutes == "" and page.attendee_model.rowCount() == 1

    # a follow-up ticked done from Today, and opened again with Ctrl+Z
    window.today_action.trigger()
    today = window.today_page
    view = today.views["upcoming"]
    view.setFocus()
    view.selectRow(0)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert meetings.followups(store, project)[0].done_on == date.today().isoformat()
    assert today.models["upcoming"].rowCount() == 0
    undo_key(qtbot, window)
    assert meetings.followups(store, project)[0].done_on is None
    assert today.models["upcoming"].rowCount() == 1

    # deleting a meeting asks; No keeps it
    window.open_project(project)
    page.tabs.setCurrentIndex(2)
    page.meetings_view.selectRow(0)
    answers.next = [QMessageBox.StandardButton.No]
    qtbot.mouseClick(page.meeting_delete_button, Qt.MouseButton.LeftButton)
    assert "删除会议“协商加装方案”" in answers.asked[-1] and page.meeting_model.rowCount() == 1
    qtbot.mouseClick(page.meeting_delete_button, Qt.MouseButton.LeftButton)
    assert page.meeting_model.rowCount() == 0
    undo_key(qtbot, window)
    assert page.meeting_model.rowCount() == 1
    undo_key(qtbot, window)  # the meeting itself
    assert page.meeting_model.rowCount() == 0
    undo_key(qtbot, window)  # the stage
    assert projects.history(store, project) == []
    undo_key(qtbot, window)  # the project: nothing left to show, back home
    assert window.pages.currentWidget() is window.home
    assert projects.project_of_unit(store, unit) is None


def test_diary_entries_and_group_members_are_edited_and_undone(qtbot, window, store, unit, monkeypatch):
    with actions.action(store, "action.create_project", unit_id=unit):
        project = projects.create_project(store, unit)
    window.open_project(project)
    page = window.project_page

    def write(dialog):
        dialog.text.setPlainText("王阿姨同意了")
    _answer(monkeypatch, project_dialogs.DiaryDialog, write)
    qtbot.mouseClick(page.diary_button, Qt.MouseButton.LeftButton)
    page.tabs.setCurrentIndex(3)
    page.diary_view.selectRow(0)

    def correct(dialog):
        assert dialog.text.toPlainText() == "王阿姨同意了"
        dialog.text.setPlainText("王阿姨口头同意，书面待签")
    _answer(monkeypatch, project_dialogs.DiaryDialog, correct)
    qtbot.mouseClick(page.diary_edit_button, Qt.MouseButton.LeftButton)
    assert [i.text for i in page.diary_model.items if i.kind == "entry"] == ["王阿姨口头同意，书面待签"]
    undo_key(qtbot, window)
    assert [i.text for i in page.diary_model.items if i.kind == "entry"] == ["王阿姨同意了"]

    def member(dialog):
        dialog.name.setText("黄杞财")
    _answer(monkeypatch, project_dialogs.MemberDialog, member)
    qtbot.mouseClick(page.member_button, Qt.MouseButton.LeftButton)
    page.tabs.setCurrentIndex(1)
    page.members_view.selectRow(0)

    def ends(dialog):
        dialog.ended.setChecked(True)
    _answer(monkeypatch, project_dialogs.MemberDialog, ends)
    qtbot.mouseClick(page.member_edit_button, Qt.MouseButton.LeftButton)
    assert page.member_model.items[0].to_date == date.today().isoformat()
    assert window.undo_action.text() == "撤销：修改筹备组成员 黄杞财"
    undo_key(qtbot, window)
    assert page.member_model.items[0].to_date is None


def test_teams_page_adds_edits_and_deletes_helpers_undoably(qtbot, window, store, answers, monkeypatch):
    from ui.pages import teams_page

    def exec_with(fill):
        def exec_(dialog):
            dialog.show()
            fill(dialog)
            qtbot.keyClick(dialog, Qt.Key.Key_Return)
            return dialog.result()
        return exec_
    window.teams_action.trigger()
    page = window.teams_page
    monkeypatch.setattr(teams_page._FormDialog, "exec", exec_with(lambda d: d.name.setText("长庆帮帮团")))
    qtbot.mouseClick(page.add_team_button, Qt.MouseButton.LeftButton)
    assert [t.name for t in page.team_model.items] == ["长庆帮帮团"]

    def helper(d):
        d.name.setText("王律师")
        d.phone.setText("13800000000")
        d.role.setCurrentIndex(d.role.findData("lawyer"))
    monkeypatch.setattr(teams_page._FormDialog, "exec", exec_with(helper))
    qtbot.mouseClick(page.add_helper_button, Qt.MouseButton.LeftButton)
    assert page.helper_model.rowCount() == 1 and page.helper_model.index(0, 2).data() == "律师"
    page.helper_view.selectRow(0)
    qtbot.mouseClick(page.delete_helper_button, Qt.MouseButton.LeftButton)
    assert "删除成员“王律师”" in answers.asked[-1] and page.helper_model.rowCount() == 0
    undo_key(qtbot, window)
    assert page.helper_model.rowCount() == 1
    team = page.team_model.items[0].id
    undo_key(qtbot, window)
    assert teams.helpers(store, team) == []
    undo_key(qtbot, window)
    assert page.team_model.rowCount() == 0


def test_a_refused_undo_explains_itself_and_can_be_skipped(qtbot, window, store, unit, answers, errors):
    window.open_unit(unit)
    _edit_cell(qtbot, window.unit_page.table, 0, 2, "80")
    household = registry.unit_households(store, unit)[0].id
    with actions.action(store, "action.edit", unit_id=unit):
        pass
    registry.update_household(store, household, "area", "90")  # e.g. merged from another station
    window.baseline = store.db.execute("SELECT max(seq) FROM change_log").fetchone()[0]
    answers.next = [QMessageBox.StandardButton.No]
    window.unit_page.table.setFocus()
    undo_key(qtbot, window)
    assert "无法撤销“修改 101 的面积（m²）”：之后住户 101 的面积又被修改过" in answers.asked[-1]
    assert areas(store, unit)[0] == 9000 and window.undo_action.isEnabled()
    undo_key(qtbot, window)  # asked again; Yes skips it
    assert areas(store, unit)[0] == 9000
    assert not window.undo_action.isEnabled()
    assert recycle.list_deleted(store) == []


def test_delete_on_the_tree_asks_naming_the_households_and_undo_brings_the_unit_back(qtbot, window, store, unit,
                                                                                      answers):
    from .test_gui import _expand_to_unit

    _expand_to_unit(qtbot, window)
    window.activateWindow()
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus)
    answers.next = [QMessageBox.StandardButton.No]
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert answers.asked[-1].startswith("将“1单元”及其下 12 户移入回收站？这会改变相关单元的同意比例。")
    assert store.db.execute("SELECT deleted FROM unit WHERE id = ?", [unit]).fetchone() == (0,)
    assert actions.next_undo(store) is None
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert store.db.execute("SELECT deleted FROM unit WHERE id = ?", [unit]).fetchone() == (1,)
    assert window.pages.currentWidget() is window.home
    assert window.undo_action.text() == "撤销：删除单元“1单元”（遥祥寺巷小区6幢1单元）"
    undo_key(qtbot, window)
    assert store.db.execute("SELECT deleted FROM unit WHERE id = ?", [unit]).fetchone() == (0,)
    assert len(registry.unit_households(store, unit)) == 12


def test_a_payment_typed_into_its_dialog_is_undone_by_a_retraction(qtbot, window, store, unit):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from liftdesk.money import funding

    with actions.action(store, "action.create_project", unit_id=unit):
        project = projects.create_project(store, unit)
        funding.save_funding_plan(store, project, total_fen=56_000_000, subsidy_fen=20_000_000, scheme="area")
    window.open_project(project)
    panel = window.project_page.money
    window.project_page.tabs.setCurrentWidget(panel)
    panel.balance_view.selectRow(0)

    def fill():
        dialog = QApplication.activeModalWidget()
        qtbot.keyClicks(dialog.amount, "100")
        qtbot.mouseClick(dialog.box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    QTimer.singleShot(0, fill)
    qtbot.mouseClick(panel.pay_button, Qt.MouseButton.LeftButton)
    assert panel.payment_model.rowCount() == 1
    assert window.undo_action.text() == "撤销：登记 601 缴费 ¥100.00"  # the dialog names the action itself
    window.activateWindow()
    panel.balance_view.setFocus()
    qtbot.waitUntil(panel.balance_view.hasFocus)
    undo_key(qtbot, window)
    assert panel.payment_model.rowCount() == 0
    assert store.db.execute("SELECT target_tbl FROM retraction").fetchall() == [("payment",)]
    redo_key(qtbot, window)
    assert panel.payment_model.rowCount() == 1


def test_a_closed_window_does_not_break_later_actions(qtbot, store, unit, tmp_path):
    import shiboken6

    w = MainWindow(store, Settings(tmp_path / "s.json"))
    shiboken6.delete(w)
    with actions.action(store, "action.edit", unit_id=unit):
        registry.update_household(store, registry.unit_households(store, unit)[0].id, "area", "61")
    assert actions.next_undo(store) is not None


def test_households_added_by_dialog_and_by_floors_are_one_step_each(qtbot, window, store, unit, monkeypatch):
    from ui.dialogs import household_dialogs

    building = store.db.execute("SELECT building_id FROM unit WHERE id = ?", [unit]).fetchone()[0]
    with actions.action(store, "action.add_place", kind="单元", name="2单元"):
        empty = registry.add_unit(store, building, "2单元")

    def exec_with(fill):
        def exec_(dialog):
            dialog.show()
            fill(dialog)
            qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
            return dialog.result()
        return exec_
    monkeypatch.setattr(household_dialogs.QuickCreateDialog, "exec", exec_with(lambda d: None))
    window.open_unit(empty)
    page = window.unit_page
    page.quick_action.trigger()  # 更多… → 按楼层批量生成
    assert page.model.rowCount() == 12 and window.undo_action.text() == "撤销：批量生成 12 户"

    def one(dialog):
        dialog.room.setText("603")
        dialog.area.setText("55")
        dialog.floor.setValue(6)
        dialog.owners.setText("黄杞财")
    monkeypatch.setattr(household_dialogs.AddHouseholdDialog, "exec", exec_with(one))
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 13 and window.undo_action.text() == "撤销：新增住户 603"
    page.table.setFocus()
    undo_key(qtbot, window)
    assert page.model.rowCount() == 12
    assert store.db.execute("SELECT count(*) FROM person WHERE name = '黄杞财' AND deleted = 0").fetchone()[0] == 0
    undo_key(qtbot, window)
    assert page.model.rowCount() == 0
    assert recycle.list_deleted(store) == []  # undone creations are not in the bin


def test_a_receipt_of_five_signed_forms_is_one_step(qtbot, window, store, unit, tmp_path, monkeypatch):
    from liftdesk.documents import generate
    from ui.dialogs import receipt_dialog

    done = generate.print_document(store, "consent-form", "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元", tmp_path / "f.pdf")
    window.baseline = store.db.execute("SELECT max(seq) FROM change_log").fetchone()[0]  # printing is not a step

    def drive(dialog):
        dialog.show()
        qtbot.keyClicks(dialog.serial, done.serial)
        qtbot.keyClick(dialog.serial, Qt.Key.Key_Return)
        dialog.table.setCurrentIndex(dialog.model.index(6, 0))
        for key in (Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3):
            qtbot.keyClick(dialog.table, key)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result()
    monkeypatch.setattr(receipt_dialog.ReceiptDialog, "exec", drive)
    window.open_unit(unit)
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL)
    rows = registry.unit_households(store, unit)
    assert all(positions.history(store, r.id) for r in rows[6:11])
    assert window.undo_action.text() == f"撤销：录入回执 {done.serial}"
    window.unit_page.table.setFocus()
    undo_key(qtbot, window)
    assert not any(positions.history(store, r.id) for r in rows[6:11])
    redo_key(qtbot, window)
    assert all(positions.history(store, r.id)[0].form_no == done.serial for r in rows[6:11])


def test_undo_keeps_the_tree_open_where_the_user_was(qtbot, window, store, unit):
    """An undo or redo reads the tree again; the places the user had open stay open, and the
    unit stays selected (the tree used to collapse to its streets after every step)."""
    from ui.models.place_tree import KindIdRole

    from .test_gui import _expand_to_unit

    _expand_to_unit(qtbot, window)
    _edit_cell(qtbot, window.unit_page.table, 0, 2, "80")
    window.unit_page.table.setFocus()
    undo_key(qtbot, window)
    assert areas(store, unit)[0] == 6000
    assert window.tree.currentIndex().data(KindIdRole) == ("unit", unit)
    index = window.tree.currentIndex().parent()
    while index.isValid():
        assert window.tree.isExpanded(index), index.data()
        index = index.parent()
    redo_key(qtbot, window)
    assert window.tree.currentIndex().data(KindIdRole) == ("unit", unit)
