"""Stages, preparation groups, meetings, follow-ups, the merged diary and Today."""

import json
from datetime import date, timedelta

import pytest

from liftdesk.projects import diary, meetings, projects, today
from liftdesk.consent import positions
from liftdesk.places import registry
from liftdesk.people import ownership
from liftdesk.errors import ValidationError

from .conftest import change_count
from .test_cli_and_demo import cli


@pytest.fixture
def project(store, unit):
    return projects.create_project(store, unit)


def test_a_project_moves_through_its_stages_in_order(store, project):
    assert projects.next_stage(store, project) == "survey"
    projects.record_stage(store, project, "survey", "2024-01-05", recorded_by="王社工")
    projects.record_stage(store, project, "group", "2024-02-01")
    assert projects.current_stage(store, project) == "group"
    assert projects.next_stage(store, project) == "site_survey"
    with pytest.raises(ValidationError, match="请填写原因"):
        projects.record_stage(store, project, "design", "2024-02-10")  # skipping site survey
    projects.record_stage(store, project, "design", "2024-02-10", reason="踏勘与设计合并进行")
    with pytest.raises(ValidationError, match="请填写原因"):
        projects.record_stage(store, project, "group", "2024-02-11")  # backwards
    projects.record_stage(store, project, "group", "2024-02-11", reason="组长搬走，重组筹备组")
    assert [e.stage for e in projects.history(store, project)] == ["survey", "group", "design", "group"]
    assert projects.history(store, project)[2].note == "踏勘与设计合并进行"


def test_pausing_needs_a_reason_and_resuming_continues(store, project):
    projects.record_stage(store, project, "survey", "2024-01-05")
    with pytest.raises(ValidationError, match="原因"):
        projects.record_stage(store, project, "paused", "2024-01-10")
    projects.record_stage(store, project, "paused", "2024-01-10", reason="一楼住户提起诉讼")
    projects.record_stage(store, project, "group", "2024-03-01")  # the next step after the last working stage
    assert projects.current_stage(store, project) == "group"


def test_stage_details_are_checked(store, project):
    for stage in ("survey", "group", "site_survey", "design", "consultation", "notice"):
        projects.record_stage(store, project, stage, "2024-01-05")
    before = change_count(store)
    with pytest.raises(ValidationError, match="许可证号"):
        projects.record_stage(store, project, "approval", "2024-02-01", {"permit_date": "2024-02-01"})
    projects.record_stage(store, project, "approval", "2024-02-01", {"permit_no": "2024拱规许001号",
                                                                     "permit_date": "2024-01-30"})
    with pytest.raises(ValidationError, match="负数"):
        projects.record_stage(store, project, "subsidy", "2024-03-01", {"amount_fen": -5, "status": "申请中"})
    with pytest.raises(ValidationError, match="未来"):
        projects.record_stage(store, project, "subsidy", (date.today() + timedelta(days=3)).isoformat(),
                              {"amount_fen": 20000000, "status": "申请中"})
    with pytest.raises(ValidationError, match="早于上一条"):
        projects.record_stage(store, project, "subsidy", "2023-12-01", {"amount_fen": 20000000, "status": "申请中"})
    assert change_count(store) == before + 1
    with pytest.raises(ValidationError, match="最多两位小数"):  # typed yuan: never rounded away
        projects.record_stage(store, project, "subsidy", "2024-03-01", {"amount_fen": "1.234", "status": "已拨付"})
    projects.record_stage(store, project, "subsidy", "2024-03-01", {"amount_fen": "200,000.00", "status": "已拨付",
                                                                    "credited_on": "2024-03-20"})
    assert projects.history(store, project)[-1].details["amount_fen"] == 20_000_000


def test_meeting_rules(store, unit, project):
    before = change_count(store)
    with pytest.raises(ValidationError, match="不能早于或等于开始"):
        meetings.add_meeting(store, project, "consult", "2024-05-01 19:30", "2024-05-01 18:00")
    with pytest.raises(ValidationError, match="时间"):
        meetings.add_meeting(store, project, "consult", "五月一日", "2024-05-01 18:00")
    assert change_count(store) == before
    meeting = meetings.add_meeting(store, project, "consult", "2024-05-01 19:00", "2024-05-01 20:30", "社区会议室",
                                   "协商加装方案", ["方案介绍", "费用分摊"])
    h = registry.unit_households(store, unit)[0]
    ownership.set_owners(store, h.id, ["黄杞财"], "")
    meetings.add_attendee(store, meeting, "owner", household_id=h.id)
    meetings.add_attendee(store, meeting, "designer", name="设计院 李工")
    other_building = registry.add_unit(store, store.db.execute("SELECT id FROM building").fetchone()[0], "2单元")
    stranger = registry.add_household(store, other_building, "101", 1, "50")
    with pytest.raises(ValidationError, match="不属于本项目"):
        meetings.add_attendee(store, meeting, "owner", household_id=stranger)
    with pytest.raises(ValidationError, match="早于会议日期"):
        meetings.add_followup(store, meeting, "联系设计院", "王组长", "2024-04-30")
    follow = meetings.add_followup(store, meeting, "联系设计院", "王组长", "2024-05-08")
    assert [a.name for a in meetings.attendees(store, meeting)] == ["黄杞财", "设计院 李工"]
    assert meetings.get_meeting(store, meeting).agenda == ["方案介绍", "费用分摊"]
    meetings.complete_followup(store, follow, "2024-05-07")
    assert meetings.followups(store, project)[0].done_on == "2024-05-07"
    meetings.update_meeting(store, meeting, minutes="多数业主同意平层入户方案")
    assert meetings.get_meeting(store, meeting).minutes == "多数业主同意平层入户方案"


def test_group_members(store, unit, project):
    h = registry.unit_households(store, unit)[5]
    meetings.add_member(store, project, "黄杞财", "组长", "2024-01-01", household_id=h.id)
    with pytest.raises(ValidationError, match="早于开始"):
        meetings.add_member(store, project, "李美玲", "出纳", "2024-03-01", "2024-02-01")
    assert [(m.name, m.role) for m in meetings.group_members(store, project)] == [("黄杞财", "组长")]


def test_the_diary_merges_every_kind_in_date_order(store, unit, project):
    projects.record_stage(store, project, "survey", "2024-01-05")
    diary.add_entry(store, project, "2024-01-03", "帮帮团第一次上门", "王社工")
    meeting = meetings.add_meeting(store, project, "survey", "2024-01-04 19:00", "2024-01-04 20:00", topic="摸底")
    h = registry.unit_households(store, unit)[0]
    positions.record_position(store, h.id, "支持", on_date="2024-01-04", method="meeting", meeting_id=meeting)
    items = diary.timeline(store, project)
    assert [(i.on_date, i.kind) for i in items] == [("2024-01-03", "entry"), ("2024-01-04", "meeting"),
                                                   ("2024-01-04", "position"), ("2024-01-05", "stage")]
    assert [i.kind for i in diary.timeline(store, project, {"stage", "entry"})] == ["entry", "stage"]
    assert [i.on_date for i in diary.timeline(store, project, start="2024-01-04", end="2024-01-04")] == ["2024-01-04"] * 2
    with pytest.raises(ValidationError, match="不能为空"):
        diary.add_entry(store, project, "2024-01-03", "  ")


def test_today_lists_overdue_upcoming_meetings_idle_and_waiting(store, unit, project):
    now = date.today()
    projects.record_stage(store, project, "survey", (now - timedelta(days=100)).isoformat())
    m1 = meetings.add_meeting(store, project, "consult", f"{now - timedelta(days=20)} 19:00", f"{now - timedelta(days=20)} 20:00")
    meetings.add_followup(store, m1, "催交同意书", "王组长", (now - timedelta(days=2)).isoformat())
    meetings.add_followup(store, m1, "联系设计院", "李工", (now + timedelta(days=3)).isoformat())
    meetings.add_meeting(store, project, "vote", f"{now} 19:00", f"{now} 20:00", topic="业主表决")
    t = today.compute(store, now, inactive_days=10)
    assert [i.text for i in t.overdue] == ["催交同意书（王组长）"] and t.overdue[0].days == 2
    assert [i.text for i in t.upcoming] == ["联系设计院（李工）"]
    assert [i.text for i in t.meetings] == ["业主表决"]
    assert [i.project_id for i in t.idle] == [project] and t.idle[0].days == 20
    assert today.compute(store, now, inactive_days=30).idle == []


def test_stage_and_diary_cli(small_district_db):
    units = json.loads(cli("--db", small_district_db, "units", "--under", "半山街道", "--json").stdout)
    handed = next(u for u in units if u["stage"] == "handover")
    data = json.loads(cli("--db", small_district_db, "stage", handed["address"], "--json").stdout)
    assert data["stage"] == "handover"
    stages = [h["stage"] for h in data["history"]]
    assert stages[0] == "survey" and stages[-3:] == ["construction", "acceptance", "handover"]
    assert data["history"][-1]["details"]["manager"]
    items = json.loads(cli("--db", small_district_db, "diary", handed["address"], "--json").stdout)
    assert [i["date"] for i in items] == sorted(i["date"] for i in items)
    assert {"stage", "meeting", "position", "entry"} <= {i["kind"] for i in items}
    assert all(set(i) >= {"date", "kind", "text"} for i in items)
    building = next(u for u in units if u["stage"] == "construction")
    stages = [h["stage"] for h in json.loads(cli("--db", small_district_db, "stage", building["address"], "--json").stdout)["history"]]
    assert "construction" in stages and "acceptance" not in stages
    none = next(u for u in units if not u["lift_project"])
    out = cli("--db", small_district_db, "stage", none["address"], "--json", check=False)
    assert out.returncode == 2 and "还没有加梯项目" in out.stderr
