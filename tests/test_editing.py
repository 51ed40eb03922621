"""Editing what was saved: meetings (minutes afterwards, attendees), diary entries, group
members with end dates, helper teams, follow-ups; each edit one undoable action."""

import pytest

from liftdesk.history import actions, undo
from liftdesk.projects import diary, meetings, projects
from liftdesk.places import registry
from liftdesk.people import teams
from liftdesk.errors import ValidationError


@pytest.fixture
def project(store, unit):
    return projects.create_project(store, unit)


@pytest.fixture
def meeting(store, project, unit):
    rows = registry.unit_households(store, unit)
    m = meetings.add_meeting(store, project, "consult", "2024-05-01 19:00", "2024-05-01 20:30", "活动室", "协商加梯")
    meetings.add_attendee(store, m, "owner", household_id=rows[0].id)
    meetings.add_attendee(store, m, "owner", household_id=rows[1].id)
    meetings.add_attendee(store, m, "other", name="设计院")
    return m


def test_minutes_added_afterwards_are_one_undoable_edit(store, meeting):
    with actions.action(store, "action.edit_meeting", topic="协商加梯"):
        meetings.edit_meeting(store, meeting, ends_at="2024-05-01 21:00", minutes="一楼补偿方案待定",
                              decisions="下周再议")
    m = meetings.get_meeting(store, meeting)
    assert (m.minutes, m.decisions, m.ends_at) == ("一楼补偿方案待定", "下周再议", "2024-05-01T21:00")
    undo.undo(store)
    m = meetings.get_meeting(store, meeting)
    assert (m.minutes, m.decisions, m.ends_at) == ("", "", "2024-05-01T20:30")
    with pytest.raises(ValidationError, match="不能早于"):
        meetings.edit_meeting(store, meeting, ends_at="2024-05-01 18:00")


def test_attendees_of_a_saved_meeting_change_by_retraction(store, meeting, unit):
    rows = registry.unit_households(store, unit)
    before = meetings.attendees(store, meeting)
    with actions.action(store, "action.edit_meeting", topic="协商加梯"):
        meetings.set_household_attendance(store, meeting, {rows[0].id: "proxy", rows[2].id: "owner"}, ["设计院", "施工方"])
    now = {(a.room, a.role, a.name) for a in meetings.attendees(store, meeting)}
    assert {(r, role) for r, role, _ in now} == {("101", "proxy"), ("201", "owner"), (None, "other")}
    assert {n for r, _, n in now if r is None} == {"设计院", "施工方"}
    # nothing was edited in place: the removed and re-roled rows were retracted
    assert store.db.execute("SELECT count(*) FROM retraction WHERE target_tbl = 'attendance'").fetchone()[0] == 2
    undo.undo(store)
    assert meetings.attendees(store, meeting) == before


def test_deleting_a_meeting_hides_its_followups_and_undo_brings_them_back(store, meeting, project):
    meetings.add_followup(store, meeting, "联系设计院", "王社工", "2024-05-08")
    with actions.action(store, "action.delete_meeting", topic="协商加梯"):
        meetings.delete_meeting(store, meeting)
    assert meetings.meetings(store, project) == [] and meetings.followups(store, project) == []
    undo.undo(store)
    assert len(meetings.meetings(store, project)) == 1 and len(meetings.followups(store, project)) == 1


def test_a_diary_entry_is_corrected_by_a_new_one(store, project):
    entry = diary.add_entry(store, project, "2024-05-02", "王阿姨同意了", "李")
    with actions.action(store, "action.edit_diary"):
        new = diary.replace_entry(store, entry, "2024-05-03", "王阿姨口头同意，书面待签", "李")
    texts = [i.text for i in diary.timeline(store, project, {"entry"})]
    assert texts == ["王阿姨口头同意，书面待签"]
    assert store.db.execute("SELECT text FROM diary_entry WHERE id = ?", [entry]).fetchone()[0] == "王阿姨同意了"
    undo.undo(store)
    assert [i.ref for i in diary.timeline(store, project, {"entry"})] == [entry]
    undo.redo(store)
    assert [i.ref for i in diary.timeline(store, project, {"entry"})] == [new]
    with actions.action(store, "action.delete_diary"):
        diary.withdraw_entry(store, new)
    assert diary.timeline(store, project, {"entry"}) == []


def test_group_members_get_end_dates_and_corrections(store, project):
    member = meetings.add_member(store, project, "黄杞财", "组长", "2024-01-01")
    with actions.action(store, "action.edit_member", name="黄杞财"):
        meetings.update_member(store, member, "黄杞财", "组长", "2024-01-01", "2024-06-30")
    assert meetings.group_members(store, project)[0].to_date == "2024-06-30"
    with pytest.raises(ValidationError, match="早于"):
        meetings.update_member(store, member, "黄杞财", "组长", "2024-01-01", "2023-12-31")
    with pytest.raises(ValidationError):
        meetings.update_member(store, member, "  ", "组长", "2024-01-01")
    undo.undo(store)
    assert meetings.group_members(store, project)[0].to_date is None
    with actions.action(store, "action.delete_member", name="黄杞财"):
        meetings.delete_member(store, member)
    assert meetings.group_members(store, project) == []
    undo.undo(store)
    assert len(meetings.group_members(store, project)) == 1


def test_teams_and_helpers_are_managed_and_undoable(store):
    with actions.action(store, "action.add_team", name="长庆帮帮团"):
        team = teams.add_team(store, "长庆帮帮团")
    with pytest.raises(ValidationError, match="已有名为"):
        teams.add_team(store, "长庆帮帮团")
    with actions.action(store, "action.add_helper", name="王律师"):
        helper = teams.add_helper(store, team, "王律师", "13800000000", "lawyer")
    with pytest.raises(ValidationError, match="电话"):
        teams.add_helper(store, team, "李", "abc")
    with actions.action(store, "action.edit_helper", name="王律师"):
        teams.update_helper(store, helper, "王律师", "13800000001", "leader")
    assert teams.helpers(store, team)[0].role == "leader"
    with actions.action(store, "action.delete_team", name="长庆帮帮团"):
        teams.delete_team(store, team)
    assert teams.teams(store) == []
    undo.undo(store)
    assert [(t.name, t.members) for t in teams.teams(store)] == [("长庆帮帮团", 1)]
    undo.undo(store)
    assert teams.helpers(store, team)[0].phone == "13800000000"
    undo.undo(store)
    undo.undo(store)
    assert teams.teams(store) == []


def test_a_followup_is_ticked_done_and_opened_again(store, meeting, project):
    f = meetings.add_followup(store, meeting, "联系设计院", "王社工", "2024-05-08")
    with actions.action(store, "action.followup_done", text="联系设计院"):
        meetings.set_followup_done(store, f, True, "2024-05-07")
    assert meetings.followups(store, project)[0].done_on == "2024-05-07"
    undo.undo(store)
    assert meetings.followups(store, project)[0].done_on is None
