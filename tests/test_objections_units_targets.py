"""Before approval: objections during the public notice block 审批 until handled (an override needs a
reason and is recorded). Projects over several units count one lift per unit. Yearly targets
per street against what was done."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from liftdesk.errors import ValidationError
from liftdesk.history import undo
from liftdesk.money import funding
from liftdesk.places import places, registry
from liftdesk.projects import meetings, objections, projects, targets, today, units
from liftdesk.reports import stats
from liftdesk.reports import targets as target_report
from liftdesk.store import open_store


@pytest.fixture
def in_notice(store, unit):
    project = projects.start_project(store, unit)
    projects.record_stage(store, project, "survey", "2024-01-10")
    projects.record_stage(store, project, "notice", "2024-06-01", reason="补录")
    return project


def test_an_open_objection_blocks_approval_and_an_override_is_recorded(store, unit, in_notice):
    h101 = registry.unit_households(store, unit)[0]
    first = objections.register(store, in_notice, "2024-06-03", "电梯遮挡一楼采光", household_id=h101.id)
    objections.register(store, in_notice, "2024-06-05", "施工噪音", from_name="邻楼 张先生")
    approval = {"permit_no": "2024拱规许001号", "permit_date": "2024-06-20"}
    with pytest.raises(ValidationError) as refused:
        projects.record_stage(store, in_notice, "approval", "2024-06-20", approval)
    assert "还有 2 条异议未办结" in str(refused.value) and "101" in str(refused.value) and "张先生" in str(refused.value)
    assert projects.current_stage(store, in_notice) == "notice"  # nothing written
    meeting = meetings.add_meeting(store, in_notice, "consult", "2024-06-08 19:00", "2024-06-08 20:30", topic="异议调解")
    objections.add_step(store, first, "2024-06-08", "社区主持调解，一楼补偿 2 万元", meeting_id=meeting,
                        outcome="mediated")
    assert [o.who for o in objections.open_objections(store, in_notice)] == ["邻楼 张先生"]
    with pytest.raises(ValidationError, match="已办结"):
        objections.add_step(store, first, "2024-06-09", "再次沟通")
    event = projects.record_stage(store, in_notice, "approval", "2024-06-20", approval,
                                  objection_override="街道已书面答复，施工时间限定在白天")
    details = projects.history(store, in_notice)[-1].details
    assert details["objection_override"] == "街道已书面答复，施工时间限定在白天" and len(details["open_objections"]) == 1
    last = objections.register_of(store, in_notice)[1].steps[-1]
    assert "经说明理由推进审批：街道已书面答复" in last.text
    assert undo.undo(store).label == "记录阶段“审批”"  # the override and its notes are one step
    assert projects.current_stage(store, in_notice) == "notice" and not objections.register_of(store, in_notice)[1].steps
    assert event


def test_escalated_stays_open_and_outcomes_close(store, unit, in_notice):
    o = objections.register(store, in_notice, "2024-06-03", "反对加梯", from_name="李阿姨")
    objections.add_step(store, o, "2024-06-10", "上报街道", outcome="escalated")
    assert objections.get(store, o).is_open
    objections.add_step(store, o, "2024-06-15", "街道答复：维持", outcome="maintained")
    assert not objections.get(store, o).is_open and objections.get(store, o).outcome == "maintained"
    with pytest.raises(ValidationError):
        objections.register(store, in_notice, "2024-06-03", "", from_name="x")
    with pytest.raises(ValidationError):
        objections.register(store, in_notice, "2024-06-03", "有意见")  # from whom?


def test_today_shows_the_notice_end_and_open_objections(store, unit):
    project = projects.start_project(store, unit)
    start = date.today() - timedelta(days=5)
    projects.record_stage(store, project, "survey", (start - timedelta(days=30)).isoformat())
    projects.record_stage(store, project, "notice", start.isoformat(), reason="补录")
    objections.register(store, project, start.isoformat(), "担心噪音", from_name="王先生")
    items = today.compute(store).notice
    end = (start + timedelta(days=14)).isoformat()
    assert [i.text for i in items] == [f"公示期至 {end}", "异议未办结：王先生——担心噪音"]


@pytest.fixture
def platform(store):
    """宏盛公寓 2幢: four units on one platform (四梯连装), 5 floors × 2 flats each."""
    district = registry.default_district(store)
    street = registry.add_street(store, district, "潮鸣街道")
    estate = registry.add_estate(store, registry.add_community(store, street, "小营社区"), "宏盛公寓")
    building = registry.add_building(store, estate, "2幢", 5)
    ids = []
    for n in range(1, 5):
        ids.append(registry.add_unit(store, building, f"{n}单元"))
        registry.quick_create_households(store, ids[-1], 5, 2, "70")
    return ids


def test_a_four_unit_project_is_four_lifts_in_the_yearly_table(store, platform):
    project = projects.start_project(store, platform[0])
    for unit_id in platform[1:]:
        units.add_unit(store, project, unit_id)
    assert units.units_of(store, project) == platform
    assert projects.project_of_unit(store, platform[3]) == project  # every unit finds the shared project
    with pytest.raises(ValidationError):
        projects.start_project(store, platform[2])  # already in a project
    projects.record_stage(store, project, "construction", "2023-04-01", {"contractor": "西奥"}, reason="补录")
    projects.record_stage(store, project, "handover", "2023-10-01", {"handover_on": "2023-10-01", "manager": "宋"},
                          reason="补录")
    table = stats.yearly_table(store)
    assert table.years == [2023] and table.rows[0].by_year == {2023: 4} and table.totals.total == 4
    assert len(funding.project_flats(store, project)[0]) == 40  # the money is shared by all four units
    listed = {u.address.unit: (u.project, u.stage) for u in places.list_units(store)}
    assert listed["4单元"] == (listed["1单元"][0], "handover")  # each unit shows the shared project
    assert undo.undo(store) and undo.undo(store) and undo.undo(store).label.startswith("项目加入单元")


def test_targets_against_the_small_district(small_district, tmp_path):
    store = open_store(small_district, actor="tester")
    try:
        streets = {name: sid for sid, name in stats.streets(store)}
        targets.set_target(store, streets["半山街道"], 2023, 8, 5)
        targets.set_target(store, streets["石桥街道"], 2023, 2, 3)
        targets.set_target(store, streets["石桥街道"], 2023, 2, 2)  # changed: edited in place
        assert undo.undo(store).label == "设定 石桥街道 2023 年目标"
        undo.redo(store)
        rows = {r.street: r for r in target_report.progress(store, 2023)}
        started = dict(store.db.execute(
            """SELECT s.name, count(*) FROM stage_event e JOIN project p ON p.id = e.project_id
               JOIN unit u ON u.id = p.unit_id JOIN building b ON b.id = u.building_id JOIN estate es ON es.id = b.estate_id
               JOIN community c ON c.id = es.community_id JOIN street s ON s.id = c.street_id
               WHERE e.stage = 'construction' AND e.deleted = 0 AND substr(e.on_date, 1, 4) = '2023' GROUP BY s.name"""))
        # handed over in 2023, as the seed's table says: 半山 4, 石桥 3, 康桥 none
        assert (rows["半山街道"].handed_target, rows["半山街道"].handed_over, rows["半山街道"].handed_gap) == (5, 4, 1)
        assert (rows["石桥街道"].handed_target, rows["石桥街道"].handed_over, rows["石桥街道"].handed_gap) == (2, 3, 0)
        assert rows["康桥街道"].handed_target is None and rows["康桥街道"].handed_gap is None
        assert rows["半山街道"].started == started["半山街道"]
        assert rows["半山街道"].started_gap == max(8 - started["半山街道"], 0)
        total = target_report.total(list(rows.values()), 2023)
        assert (total.handed_target, total.handed_over, total.handed_gap) == (7, 7, 1)
    finally:
        store.close()
