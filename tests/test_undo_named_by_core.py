"""Core operations open and name their own undo step, so every face (GUI, CLI, a script) gets the
same one step per operation, named the same, and a front end never names a step again."""

import json
import re
from pathlib import Path

import pytest

from liftdesk.consent import evaluation, positions
from liftdesk.history import actions, recycle, undo
from liftdesk.io import roster
from liftdesk.money import funding
from liftdesk.people import persons, teams
from liftdesk.places import registry
from liftdesk.people import ownership
from liftdesk.projects import diary, liftplan, meetings, projects
from liftdesk.store import open_store

from .test_cli_and_demo import cli
from .test_roster_import import write_csv

ROOT = Path(__file__).resolve().parents[1]
ADDRESS = "长庆街道/王马社区/遥祥寺巷小区/8幢/1单元"
HEADER = ["房号", "楼层", "面积", "业主", "电话", "意见", "书面"]
BOOKKEEPING = {"created_at", "updated_at", "hlc", "station_id", "created_ms", "hlc_n", "hlc_station"}


def _owners_of_wang_fang(store) -> dict[str, tuple[str, int]]:
    """Room → (its 王芳's person id, whether that person is live)."""
    rows = store.db.execute(
        "SELECT h.room, p.id, p.deleted FROM ownership o JOIN person p ON p.id = o.person_id"
        " JOIN household h ON h.id = o.household_id WHERE o.deleted = 0 AND p.name = '王芳'").fetchall()
    return {room: (person, deleted) for room, person, deleted in rows}


def test_cli_merge_owners_is_one_step_that_undo_and_redo_reverse(tmp_path):
    db = tmp_path / "s.db"
    rows = [HEADER, ["101", "1", "60", "王芳", "", "支持", "是"], ["102", "1", "60", "王芳", "", "支持", "是"],
            ["201", "2", "60", "张伟", "", "支持", "是"], ["202", "2", "60", "李娜", "", "反对", "是"]]
    cli("--db", db, "import-roster", write_csv(tmp_path / "r.csv", rows, "gbk"), "--unit", ADDRESS, "--create")
    store = open_store(db)
    before = _owners_of_wang_fang(store)
    store.close()
    assert len({person for person, _ in before.values()}) == 2  # two look-alikes, both live
    assert all(deleted == 0 for _, deleted in before.values())

    assert "已合并同名业主 1 人" in cli("--db", db, "merge-owners", ADDRESS, "--name", "王芳").stdout
    store = open_store(db)
    merged = _owners_of_wang_fang(store)
    assert len({person for person, _ in merged.values()}) == 1
    assert store.db.execute("SELECT count(*) FROM person WHERE name = '王芳' AND deleted = 0").fetchone()[0] == 1
    store.close()

    out = cli("--db", db, "undo")
    assert "已撤销：合并同名业主“王芳”" in out.stdout
    store = open_store(db)
    assert _owners_of_wang_fang(store) == before  # both persons live, each owner on its own again
    store.close()

    assert "已重做：合并同名业主“王芳”" in cli("--db", db, "redo").stdout
    store = open_store(db)
    assert store.db.execute("SELECT count(*) FROM person WHERE name = '王芳' AND deleted = 0").fetchone()[0] == 1
    store.close()


# ---- each core operation alone: exactly one named step, and undo reverses it --------------------

def _visible(store) -> dict[str, list]:
    """Every live, unretracted record of every record table, without the bookkeeping columns undo
    may touch (undoing an append-only fact retracts it)."""
    state = {}
    tables = [r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        columns = [r[1] for r in store.db.execute(f"PRAGMA table_xinfo({table})")]  # with the generated stamps
        if "hlc" not in columns or "deleted" not in columns or table == "retraction":
            continue
        kept = [c for c in columns if c not in BOOKKEEPING]
        state[table] = sorted(map(tuple, store.db.execute(
            f"SELECT {', '.join(kept)} FROM {table} WHERE deleted = 0 AND id NOT IN"
            " (SELECT target_id FROM retraction WHERE deleted = 0 AND target_tbl = ?)", [table]).fetchall()),
            key=repr)
    return state


def _first(store, unit) -> str:
    return registry.unit_households(store, unit)[0].id


def _meeting(store, unit, project, *_) -> str:
    return meetings.add_meeting(store, project, "consult", "2024-05-01 19:00", "2024-05-01 20:00", topic="议加梯")


def _lookalikes(store, unit, *_) -> None:
    a, b = registry.unit_households(store, unit)[:2]
    ownership.set_owners(store, a.id, ["王芳"])
    ownership.set_owners(store, b.id, ["王芳"])
    assert store.db.execute("SELECT count(*) FROM person WHERE name = '王芳' AND deleted = 0").fetchone()[0] == 2


def _roster_plan(tmp_path):
    rows = [HEADER, ["101", "1", "60", "王芳", "", "支持", "是"], ["701", "6", "60", "钱七", "", "反对", "是"]]
    return roster.plan_import(write_csv(tmp_path / "名册.csv", rows, "gbk"))


# (label key, setup(store, unit, project, tmp_path) → context or None, operation(store, unit, project, ctx))
OPERATIONS = {
    "household edit": ("action.edit_household", None,
                       lambda s, u, p, c: registry.edit_household(s, _first(s, u), "area", "70")),
    "household owners edit": ("action.edit_household", None,
                              lambda s, u, p, c: registry.edit_household(s, _first(s, u), "owners", "王芳，李四")),
    "add household": ("action.add_household", None,
                      lambda s, u, p, c: registry.create_household(s, u, "603", 6, "60", owners="王芳、李四",
                                                                   phone="13800000000")),
    "quick create": ("action.quick_create",
                     lambda s, u, p, t: registry.add_unit(s, s.db.execute(
                         "SELECT building_id FROM unit WHERE id = ?", [u]).fetchone()[0], "2单元"),
                     lambda s, u, p, c: registry.generate_households(s, c, 2, 2, "60")),
    "delete households": ("action.delete_households", None,
                          lambda s, u, p, c: recycle.delete_households(
                              s, [h.id for h in registry.unit_households(s, u)[:3]])),
    "position": ("action.position", None,
                 lambda s, u, p, c: positions.record_position(s, _first(s, u), "支持", on_date="2024-03-01")),
    "meeting saved": ("action.add_meeting", None,
                      lambda s, u, p, c: meetings.save_meeting(
                          s, p, None, kind="consult", starts_at="2024-05-01 19:00", ends_at="2024-05-01 20:00",
                          topic="议加梯", attendees=[(_first(s, u), "owner", "")], others=["王社工"],
                          followups=[("问价", "李四", "2024-06-01"), ("", "", "2024-06-01")])),
    "meeting edited": ("action.edit_meeting", _meeting,
                       lambda s, u, p, c: meetings.save_meeting(
                           s, p, c, kind="consult", starts_at="2024-05-01 19:00", ends_at="2024-05-01 21:00",
                           topic="议加梯", minutes="都同意", attendees=[(_first(s, u), "proxy", "")])),
    "meeting deleted": ("action.delete_meeting", _meeting, lambda s, u, p, c: meetings.delete_meeting(s, c)),
    "funding plan": ("action.funding", None,
                     lambda s, u, p, c: funding.save_funding_plan(s, p, total_fen=56_000_000, subsidy_fen=20_000_000)),
    "funding scheme": ("action.scheme",
                       lambda s, u, p, t: funding.save_funding_plan(s, p, total_fen=56_000_000),
                       lambda s, u, p, c: funding.change_scheme(s, p, "beijing-2022")),
    "plan version": ("action.plan_version", None,
                     lambda s, u, p, c: liftplan.add_version(s, p, summary="楼后加装 630kg 电梯", load_kg=630)),
    "stage": ("action.stage", None, lambda s, u, p, c: projects.record_stage(s, p, "survey", "2024-01-05")),
    "start project": ("action.create_project",
                      lambda s, u, p, t: recycle.delete(s, "unit", u) or registry.add_unit(s, s.db.execute(
                          "SELECT building_id FROM unit WHERE id = ?", [u]).fetchone()[0], "2单元"),
                      lambda s, u, p, c: projects.start_project(s, c)),
    "diary": ("action.add_diary", None, lambda s, u, p, c: diary.add_entry(s, p, "2024-05-01", "上门走访")),
    "member": ("action.add_member", None,
               lambda s, u, p, c: meetings.add_member(s, p, "李四", "组长", "2024-01-01")),
    "follow-up done": ("action.followup_done",
                       lambda s, u, p, t: meetings.add_followup(s, _meeting(s, u, p), "问价", "", "2024-06-01"),
                       lambda s, u, p, c: meetings.complete_followup(s, c, "2024-06-01")),
    "team": ("action.add_team", None, lambda s, u, p, c: teams.add_team(s, "长庆帮帮团")),
    "rule": ("action.rule", None, lambda s, u, p, c: evaluation.set_district_rule(s, "guangzhou-2020", "building", True)),
    "place added": ("action.add_place", None,
                    lambda s, u, p, c: registry.add_place(s, "district", None, "新街道")),
    "place renamed": ("action.rename_named_place", None, lambda s, u, p, c: registry.rename_place(s, "unit", u, "一单元")),
    "place deleted": ("action.delete_place", None, lambda s, u, p, c: recycle.delete_place(s, "unit", u)),
    "restore from bin": ("action.restore",
                         lambda s, u, p, t: [recycle.delete(s, "household", h.id) or ("household", h.id)
                                             for h in registry.unit_households(s, u)[:2]],
                         lambda s, u, p, c: recycle.restore_items(s, c)),
    "merge look-alikes": ("action.merge_owners", _lookalikes,
                          lambda s, u, p, c: persons.merge_lookalike(s, ADDRESS.replace("8幢", "6幢"), "王芳")),
    "roster import": ("action.import_roster", lambda s, u, p, t: _roster_plan(t),
                      lambda s, u, p, c: roster.apply_import(s, c, ADDRESS.replace("8幢", "6幢"))),
}


@pytest.mark.parametrize("name", OPERATIONS)
def test_a_core_operation_alone_is_one_named_step_that_undo_reverses(store, unit, tmp_path, name):
    label_key, setup, operation = OPERATIONS[name]
    project = projects.create_project(store, unit)  # the building blocks themselves name no step
    context = setup(store, unit, project, tmp_path) if setup else None
    start = store.db.execute("SELECT coalesce(max(seq), 0) FROM user_action").fetchone()[0]
    before = _visible(store)
    operation(store, unit, project, context)
    assert _visible(store) != before
    new = store.db.execute("SELECT label_key FROM user_action WHERE seq > ?", [start]).fetchall()
    assert new == [(label_key,)]
    done = undo.undo(store)
    assert done.label_key == label_key
    assert _visible(store) == before


def test_the_named_steps_read_as_the_gui_named_them(store, unit):
    project = projects.create_project(store, unit)
    registry.edit_household(store, _first(store, unit), "area", "70")
    assert actions.next_undo(store).label == "修改 101 的面积（m²）"
    recycle.delete_households(store, [h.id for h in registry.unit_households(store, unit)[:12]])
    assert actions.next_undo(store).label == "删除 12 户"
    undo.undo(store)
    registry.generate_households(store, registry.add_unit(store, store.db.execute(
        "SELECT building_id FROM unit WHERE id = ?", [unit]).fetchone()[0], "2单元"), 3, 2, "60")
    assert actions.next_undo(store).label == "批量生成 6 户"
    funding.save_funding_plan(store, project, total_fen=56_000_000)
    funding.change_scheme(store, project, "custom")  # coefficients count only for 自定义
    assert actions.next_undo(store).label.startswith("分摊方案改为“")
    assert funding.change_coefficients(store, project, "1=0 2=0.5") is True
    assert actions.next_undo(store).label == "修改自定义系数"
    assert funding.change_coefficients(store, project, "1=0，2=0.5") is False  # the same again: nothing written
    registry.rename_place(store, "unit", unit, "一单元")
    assert actions.next_undo(store).label == "把单元“1单元”改名为“一单元”"
    assert actions.next_undo(store).unit_id == unit


def test_import_names_the_file_and_the_imported_unit(store, unit, tmp_path):
    rows = [["房号", "楼层", "面积", "业主"], ["101", "1", "61", "王芳"], ["701", "6", "60", "钱七"]]  # no positions
    plan = roster.plan_import(write_csv(tmp_path / "名册.csv", rows, "gbk"))
    result = roster.apply_import(store, plan, "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元")
    act = actions.next_undo(store)
    assert (act.label_key, act.label, act.unit_id) == ("action.import_roster", "导入名册（名册.csv）", unit)
    assert result.unit_id == unit
    assert json.loads(store.db.execute("SELECT label_params FROM user_action WHERE id = ?",
                                       [act.id]).fetchone()[0]) == {"file": "名册.csv"}


def test_no_front_end_names_an_undo_step():
    """A step is named by the core operation; ui/ only calls it (so every face sees the same steps)."""
    offenders = [f"{path.relative_to(ROOT)}:{n}" for path in sorted((ROOT / "ui").rglob("*.py"))
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if re.search(r"\bactions\s*\.\s*action\s*\(", line)]
    assert offenders == []
