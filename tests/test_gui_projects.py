"""pytest-qt: a meeting with attendees and a follow-up, the next stage, the diary and Today."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime

from liftdesk.projects import meetings, projects
from liftdesk.places import registry
from liftdesk.people import ownership
from liftdesk.common.settings import Settings
from ui import messages
from ui.app import init_app
from ui.dialogs import project_dialogs
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, store, unit, tmp_path, monkeypatch):
    init_app("zh", 12)
    for n, row in enumerate(registry.unit_households(store, unit)):
        ownership.set_owners(store, row.id, [f"业主{n}"], "")
    monkeypatch.setattr(messages, "confirm", lambda parent, text: True)
    w = MainWindow(store, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _answer(monkeypatch, cls, fill):
    def exec_(dialog):
        dialog.show()
        fill(dialog)
        dialog.box.accepted.emit()  # the Save button
        return dialog.result()
    monkeypatch.setattr(cls, "exec", exec_)


def test_meeting_stage_diary_and_today(qtbot, window, store, unit, monkeypatch):
    errors = []
    monkeypatch.setattr(messages, "error", lambda parent, text: errors.append(text))
    window.open_unit(unit)
    with qtbot.waitSignal(window.unit_page.open_project):
        qtbot.mouseClick(window.unit_page.project_button, Qt.MouseButton.LeftButton)
    page = window.project_page
    assert window.pages.currentWidget() is page
    project = projects.project_of_unit(store, unit)

    def first_stage(dialog):
        assert dialog.stage.currentData() == "survey"
        dialog.on_date.setDate(QDate.currentDate().addDays(-10))
    _answer(monkeypatch, project_dialogs.StageDialog, first_stage)
    page.stage_button.click()

    yesterday = QDateTime(QDate.currentDate().addDays(-1), QTime(19, 0))

    def fill_meeting(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("consult"))
        dialog.starts.setDateTime(yesterday)
        dialog.ends.setDateTime(yesterday.addSecs(5400))
        dialog.place.setText("社区会议室")
        dialog.topic.setText("协商加装方案")
        for n in (0, 1):
            dialog.attendees.item(n).setCheckState(Qt.CheckState.Checked)
        dialog.attendees.item(2).setSelected(True)  # 201's tenant came for the owner
        dialog.role.setCurrentIndex(dialog.role.findData("tenant"))
        dialog.apply_role()
        dialog.others.setText("设计院 李工")
        text, owner, due = dialog.followups[0]
        text.setText("联系设计院出图")
        owner.setText("王组长")
        due.setDate(QDate.currentDate().addDays(3))
    _answer(monkeypatch, project_dialogs.MeetingDialog, fill_meeting)
    page.meeting_button.click()
    assert errors == []
    assert page.meeting_model.rowCount() == 1
    page.meetings_view.selectRow(0)
    assert page.attendee_model.rowCount() == 4
    roles = {a.room: a.role for a in page.attendee_model.items}
    assert roles["101"] == "owner" and roles["201"] == "tenant"
    assert page.followup_model.rowCount() == 1

    def next_stage(dialog):
        assert dialog.stage.currentData() == "group"  # the next stage is offered
    _answer(monkeypatch, project_dialogs.StageDialog, next_stage)
    page.stage_button.click()
    assert projects.current_stage(store, project) == "group"
    assert page.stage_model.rowCount() == 2

    page.tabs.setCurrentIndex(3)
    kinds = [page.diary_model.items[n].kind for n in range(page.diary_model.rowCount())]
    assert kinds.count("stage") == 2 and "meeting" in kinds
    page.kind_boxes["stage"].setChecked(False)
    assert all(i.kind != "stage" for i in page.diary_model.items)

    window.today_action.trigger()
    today_page = window.today_page
    assert window.pages.currentWidget() is today_page
    upcoming = today_page.models["upcoming"]
    assert upcoming.rowCount() == 1 and "联系设计院出图" in upcoming.items[0].text
    assert today_page.models["meetings"].rowCount() == (1 if date.today().weekday() > 0 else 0)


def test_invalid_meeting_is_refused_and_nothing_saved(qtbot, window, store, unit, monkeypatch):
    errors = []
    monkeypatch.setattr(messages, "error", lambda parent, text: errors.append(text))
    window.open_project_of_unit(unit)
    project = projects.project_of_unit(store, unit)

    def backwards(dialog):
        start = QDateTime(QDate.currentDate(), QTime(19, 0))
        dialog.starts.setDateTime(start)
        dialog.ends.setDateTime(start.addSecs(-600))
        dialog.attendees.item(0).setCheckState(Qt.CheckState.Checked)
    _answer(monkeypatch, project_dialogs.MeetingDialog, backwards)
    window.project_page.meeting_button.click()
    assert errors and "不能早于或等于开始" in errors[0]

    def due_too_early(dialog):
        start = QDateTime(QDate.currentDate().addDays(-1), QTime(19, 0))
        dialog.starts.setDateTime(start)
        dialog.ends.setDateTime(start.addSecs(3600))
        dialog.attendees.item(0).setCheckState(Qt.CheckState.Checked)
        dialog.followups[0][0].setText("催签")
        dialog.followups[0][2].setDate(QDate.currentDate().addDays(-5))
    _answer(monkeypatch, project_dialogs.MeetingDialog, due_too_early)
    window.project_page.meeting_button.click()
    assert "早于会议日期" in errors[-1]
    assert meetings.meetings(store, project) == []  # the meeting was rolled back with its follow-up
    assert store.db.execute("SELECT count(*) FROM attendance").fetchone()[0] == 0


def test_stage_dialog_takes_yuan_and_requires_fields(qtbot, window, store, unit, monkeypatch):
    errors = []
    monkeypatch.setattr(messages, "error", lambda parent, text: errors.append(text))
    project = projects.create_project(store, unit)
    day = (date.today() - timedelta(days=30)).isoformat()
    for stage in ("survey", "group", "site_survey", "design", "consultation", "notice"):
        projects.record_stage(store, project, stage, day)
    projects.record_stage(store, project, "approval", day, {"permit_no": "P1", "permit_date": day})
    window.open_project(project)

    def subsidy(dialog):
        assert dialog.stage.currentData() == "subsidy"
        dialog.detail_edits["amount_fen"].setText("200,000.50")
        dialog.detail_edits["status"].setText("已拨付")
    _answer(monkeypatch, project_dialogs.StageDialog, subsidy)
    window.project_page.stage_button.click()
    assert errors == []
    assert projects.history(store, project)[-1].details["amount_fen"] == 20_000_050

    def missing(dialog):
        dialog.stage.setCurrentIndex(dialog.stage.findData("handover"))
        dialog.reason.setText("补录")
    _answer(monkeypatch, project_dialogs.StageDialog, missing)
    window.project_page.stage_button.click()
    assert "须填写" in errors[-1]


def test_a_position_stated_at_a_meeting_links_to_it(qtbot, window, store, unit, monkeypatch):
    from liftdesk.projects import diary
    from liftdesk.consent import positions
    from ui.dialogs import position_dialog

    project = projects.create_project(store, unit)
    meeting = meetings.add_meeting(store, project, "vote", "2024-05-01 19:00", "2024-05-01 20:00", topic="表决")
    window.open_unit(unit)

    def exec_(dialog):
        dialog.meeting.setCurrentIndex(dialog.meeting.findData(meeting))
        assert dialog.method.currentData() == "meeting"
        dialog.save()
        return dialog.result()
    monkeypatch.setattr(position_dialog.PositionDialog, "exec", exec_)
    window.unit_page.select_room("101")
    qtbot.keyClick(window.unit_page.table, Qt.Key.Key_1)
    rec = positions.history(store, window.unit_page.current_household().id)[0]
    assert rec.meeting_id == meeting and rec.method == "meeting"
    from liftdesk.documents import generate
    generate.print_document(store, "consent-form", "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元",
                            store.path.parent / "f.pdf")
    assert any(i.kind == "document" and i.text.startswith("加装电梯业主意见征询表 YJ-")
               for i in diary.timeline(store, project))
