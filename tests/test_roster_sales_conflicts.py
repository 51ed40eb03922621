"""A sale (过户) ends the previous owner's positions; disagreeing signed forms of one flat are a
named conflict, never settled by the order they were entered in (issue 21, items 9 and 10)."""

import pytest

from liftdesk.consent import evaluation, positions
from liftdesk.errors import ValidationError
from liftdesk.history import undo
from liftdesk.io import roster
from liftdesk.people import ownership

from .test_roster_offices import ADDRESS, households, text_file

FIVE = [["房号", "楼层", "面积", "业主", "意见", "书面"],
        ["101", "1", "60", "甲", "支持", "是"], ["102", "1", "60", "乙", "支持", "是"],
        ["201", "2", "60", "丙", "支持", "是"], ["202", "2", "60", "丁", "弃权", "是"],
        ["301", "3", "60", "戊", "", ""]]


def _five(store, tmp_path):
    roster.apply_import(store, roster.plan_import(text_file(tmp_path / "five.csv", FIVE)), ADDRESS, create=True)
    return roster.resolve_unit_strict(store, ADDRESS), households(store)


# ---- 10. disagreeing forms of one flat -------------------------------------------------------------

@pytest.mark.parametrize("order", [("支持", "反对"), ("反对", "支持")])
def test_two_signed_forms_of_one_day_are_a_conflict_whatever_their_order(tmp_path, store, order):
    unit, rows = _five(store, tmp_path)
    for word in order:
        positions.record_position(store, rows["301"].id, word, on_date="2024-03-01", written=True)
    verdict = evaluation.unit_verdict(store, unit)
    # 5 owners take part (300 m²); 101 102 201 agree: 180/300 and 3/5 < 3/4 → not passed, in both orders
    assert not verdict.passed
    assert [c.fraction for c in verdict.criteria] == ["300.00/300.00", "5/5", "180.00/300.00", "3/5"]
    assert [verdict.conflict_text(c) for c in verdict.conflicts] == [
        "戊：301 2024-03-01 业主 支持、2024-03-01 业主 反对，需核实"]
    assert verdict.as_json()["conflicts"][0]["rooms"] == ["301"]


def test_an_owners_and_a_co_owners_disagreeing_forms_are_a_conflict(tmp_path, store):
    unit, rows = _five(store, tmp_path)
    positions.record_position(store, rows["301"].id, "支持", on_date="2024-03-01", written=True)
    assert evaluation.unit_verdict(store, unit).passed  # 4/5 agree
    positions.record_position(store, rows["301"].id, "反对", on_date="2024-03-02", written=True,
                              respondent="co-owner", respondent_name="戊妻")
    verdict = evaluation.unit_verdict(store, unit)
    assert not verdict.passed and verdict.totals["agreeing_owners"] == 3
    assert [verdict.conflict_text(c) for c in verdict.conflicts] == [
        "戊：301 2024-03-01 业主 支持、2024-03-02 共有人 反对，需核实"]
    # the co-owner signs 支持 in turn: they agree again, and it passes
    positions.record_position(store, rows["301"].id, "支持", on_date="2024-03-03", written=True,
                              respondent="co-owner")
    verdict = evaluation.unit_verdict(store, unit)
    assert verdict.passed and not verdict.conflicts


def test_an_owner_changing_their_own_mind_on_a_later_day_is_no_conflict(tmp_path, store):
    unit, rows = _five(store, tmp_path)
    positions.record_position(store, rows["301"].id, "反对", on_date="2024-03-01", written=True)
    positions.record_position(store, rows["301"].id, "支持", on_date="2024-03-02", written=True)
    verdict = evaluation.unit_verdict(store, unit)
    assert verdict.passed and not verdict.conflicts and verdict.totals["agreeing_owners"] == 4


# ---- 9. a sale ends the previous owner's positions -----------------------------------------------

def test_a_roster_with_another_owner_is_a_sale(tmp_path, store):
    unit, rows = _five(store, tmp_path)
    positions.record_position(store, rows["301"].id, "反对", on_date="2024-03-01", written=True)
    before = evaluation.unit_verdict(store, unit)
    assert before.totals["participating_owners"] == 5 and before.opposed
    sold = [r[:] for r in FIVE]
    sold[5] = ["301", "3", "60", "周敏", "", ""]
    result = roster.apply_import(store, roster.plan_import(text_file(tmp_path / "sold.csv", sold)), ADDRESS,
                                 on_date="2024-11-02")
    assert result.sales == 1
    h = households(store)["301"]
    assert h.owners == "周敏"
    assert [(r.on_date, r.position) for r in positions.history(store, h.id)] == [("2024-03-01", "oppose")]
    assert positions.live_history(store, h.id) == [] and h.id not in positions.latest_in_unit(store, unit)
    verdict = evaluation.unit_verdict(store, unit)
    # 周敏 has said nothing: 4 owners take part (240 m²), 3 agree (180 m²) → 3/4 and 180/240 pass
    assert verdict.passed and not verdict.opposed
    assert [c.fraction for c in verdict.criteria] == ["240.00/300.00", "4/5", "180.00/240.00", "3/4"]
    assert ownership.transfer_notes(store, unit) == ["301 已过户（2024-11-02），原业主意见不再计入"]


def test_the_sale_action_is_one_undo_step_and_the_buyers_positions_count(tmp_path, store):
    unit, rows = _five(store, tmp_path)
    hid = rows["202"].id  # 丁 signed 弃权
    ownership.transfer_household(store, hid, ["周敏 13812345678"], "2024-11-02")
    assert evaluation.unit_verdict(store, unit).totals["participating_owners"] == 3
    positions.record_position(store, hid, "支持", on_date="2024-11-02", written=True)  # the buyer signs that day
    verdict = evaluation.unit_verdict(store, unit)
    assert verdict.totals["agreeing_owners"] == 4 and verdict.passed
    undo.undo(store)  # the buyer's form
    undo.undo(store)  # the sale
    assert households(store)["202"].owners == "丁"
    assert evaluation.unit_verdict(store, unit).totals["participating_owners"] == 4
    with pytest.raises(ValidationError, match="不是过户"):
        ownership.transfer_household(store, hid, ["丁"], "2024-11-02")
    with pytest.raises(ValidationError, match="日期"):
        ownership.transfer_household(store, hid, ["周敏"], "2999-01-01")
