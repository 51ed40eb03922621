"""Every position is one undo step, the signed form included; an import a later position hangs on
cannot be undone (the reason is given); and over random sequences of spoken and signed positions,
roster imports, undo and redo, each household's current position is what replaying the actions
still in effect gives."""

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from liftdesk.consent import positions
from liftdesk.errors import LiftDeskError, ValidationError
from liftdesk.history import actions, undo
from liftdesk.io import roster
from liftdesk.places import registry
from liftdesk.store import open_store

from .test_roster_import import write_csv

ADDRESS = "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元"
HEADER = ["房号", "业主", "面积", "意见", "书面"]
ROSTERS = {  # 103 and 203 are new rooms; 101 exists
    "a": [["101", "甲", "60", "反对", "是"], ["103", "乙", "55", "支持", "是"], ["203", "丙", "55", "弃权", "否"]],
    "b": [["101", "甲", "60", "支持", "否"], ["103", "乙", "55", "反对", "是"], ["104", "丁", "50", "支持", "是"]],
}


def _unit_store(path: Path):
    store = open_store(path, actor="tester")
    district = registry.default_district(store)
    street = registry.add_street(store, district, "长庆街道")
    community = registry.add_community(store, street, "王马社区")
    estate = registry.add_estate(store, community, "遥祥寺巷小区")
    building = registry.add_building(store, estate, "6幢", 6)
    unit_id = registry.add_unit(store, building, "1单元")
    registry.quick_create_households(store, unit_id, 2, 2, "60")  # 101 102 201 202
    return store, unit_id


def _rooms(store, unit_id) -> dict[str, str]:
    return {r.room: r.id for r in registry.unit_households(store, unit_id)}


def _current(store, unit_id) -> dict[str, tuple[str, bool] | None]:
    latest = positions.latest_in_unit(store, unit_id)
    return {room: ((latest[h].position, latest[h].written) if h in latest else None)
            for room, h in _rooms(store, unit_id).items()}


def _apply(store, unit_id, step, folder: Path) -> tuple:
    """Do one step; returns it with the room it was about (a replay must find that same room)."""
    kind = step[0]
    if kind == "import":
        src = write_csv(folder / f"名册{step[1]}.csv", [HEADER] + ROSTERS[step[1]], "utf-8")
        roster.apply_import(store, roster.plan_import(src), ADDRESS)
        return step
    _, pick, code = step
    rooms = _rooms(store, unit_id)
    room = pick if isinstance(pick, str) else sorted(rooms, reverse=True)[pick % len(rooms)]
    household = rooms[room]
    condition = "一楼补偿到位" if code == "conditional" else ""
    if kind == "signed":
        positions.record_signed_form(store, household, code, f"F-{pick}", condition=condition)
    else:
        positions.record_position(store, household, code, method="phone", condition=condition)
    return kind, room, code


def test_a_signed_form_is_its_own_step_named_by_the_core(store, unit):
    rows = registry.unit_households(store, unit)
    positions.record_position(store, rows[2].id, "支持", method="phone")
    positions.record_signed_form(store, rows[2].id, "support", "S-1")
    positions.record_signed_form(store, rows[3].id, "oppose", "S-2")
    assert actions.next_undo(store).label == "记录 202 的签字书面意见（反对）"
    undo.undo(store)
    assert positions.history(store, rows[3].id) == []
    assert [(r.position, r.written) for r in positions.history(store, rows[2].id)] == [
        ("support", True), ("support", False)]
    assert actions.next_undo(store).label == "记录 201 的签字书面意见（支持）"


def test_a_signed_form_needs_its_number(store, unit):
    household = registry.unit_households(store, unit)[0].id
    with pytest.raises(ValidationError) as info:
        positions.record_signed_form(store, household, "support", "  ")
    assert "编号" in str(info.value)
    assert positions.history(store, household) == []


def test_undoing_an_import_a_later_signed_form_hangs_on_is_refused(store, unit, tmp_path):
    src = write_csv(tmp_path / "名册a.csv", [HEADER] + ROSTERS["a"], "utf-8")
    roster.apply_import(store, roster.plan_import(src), ADDRESS)
    positions.record_signed_form(store, _rooms(store, unit)["103"], "oppose", "X-1")
    undo.undo(store)  # the form is a step of its own: it goes, the import stays
    assert _current(store, unit)["103"] == ("support", True)
    positions.record_signed_form(store, _rooms(store, unit)["103"], "oppose", "X-2")
    undo.skip(store)  # the helper keeps this form (off the stack); the import is next in line
    with pytest.raises(LiftDeskError) as info:
        undo.undo(store)
    assert info.value.key == "undo.blocked"
    assert str(info.value).count("意见记录") == 1 and "住户 103" in str(info.value)
    assert _current(store, unit)["103"] == ("oppose", True)  # nothing changed
    assert set(_rooms(store, unit)) >= {"103", "203"}


STEPS = st.one_of(
    st.tuples(st.just("import"), st.sampled_from(sorted(ROSTERS))),
    st.tuples(st.sampled_from(["spoken", "signed"]), st.integers(0, 7), st.sampled_from(positions.PARTICIPATING)),
    st.tuples(st.just("undo")), st.tuples(st.just("redo")), st.tuples(st.just("skip")))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(STEPS, min_size=1, max_size=8))
@example([("import", "a"), ("signed", 0, "oppose"), ("skip",), ("undo",), ("redo",)])  # the field report
@example([("spoken", 4, "support"), ("signed", 4, "support"), ("signed", 3, "oppose"), ("undo",), ("undo",),
          ("redo",)])
def test_current_positions_equal_a_replay_of_the_surviving_actions(steps):
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        store, unit_id = _unit_store(folder / "live.db")
        applied: list[tuple] = []  # every step that made an action, in order
        state: list[str] = []  # its state: done, undone, skipped (kept, off the stack)
        for step in steps:
            live = [n for n, x in enumerate(state) if x == "done"]
            if step[0] == "undo":
                if not live:
                    continue
                try:
                    undo.undo(store)
                except LiftDeskError as exc:
                    assert exc.key == "undo.blocked"
                    continue
                state[live[-1]] = "undone"
            elif step[0] == "redo":
                waiting = [n for n, x in enumerate(state) if x == "undone"]
                if waiting:
                    undo.redo(store)
                    state[waiting[0]] = "done"
            elif step[0] == "skip":
                if live:
                    undo.skip(store)
                    state[live[-1]] = "skipped"
            else:
                latest = actions.next_undo(store)
                step = _apply(store, unit_id, step, folder)
                if actions.next_undo(store) != latest:  # an import that changes nothing is no step
                    state = ["dropped" if x == "undone" else x for x in state]
                    applied.append(step)
                    state.append("done")
        replay, replay_unit = _unit_store(folder / "replay.db")
        for step, now in zip(applied, state):
            if now in ("done", "skipped"):
                _apply(replay, replay_unit, step, folder)
        assert _current(store, unit_id) == _current(replay, replay_unit)
        store.close()
        replay.close()
