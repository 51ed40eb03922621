"""Hand-computed verdicts for each preset, at the exact boundaries, with the headcount rules."""

from fractions import Fraction

import pytest

from liftdesk.consent import evaluation, positions
from liftdesk.places import registry
from liftdesk.people import ownership
from liftdesk.consent.evaluation import FORECAST, LEGAL, Ballot, evaluate
from liftdesk.errors import ValidationError
from liftdesk.consent.rules import available_rules, load_rule

CIVIL, GZ, BJ = (load_rule(r) for r in ("civil-code-278", "guangzhou-2020", "beijing-2020"))


def ballots(spec: str, area=6000, owners=None):
    """'SSSSSSOONNNN' → households 1..n, S support, O oppose, A abstain, N none, C conditional."""
    codes = {"S": "support", "O": "oppose", "A": "abstain", "N": "none", "C": "conditional"}
    out = []
    for n, ch in enumerate(spec, start=1):
        a = area[n - 1] if isinstance(area, list) else area
        own = owners[n - 1] if owners else {f"p{n}"}
        out.append(Ballot(f"h{n}", f"{(n + 1) // 2}0{2 - n % 2}", (n + 1) // 2, a, tuple(sorted(own)), codes[ch],
                          f"2024-01-{n:02d}", ch == "C"))
    return out


def crit(verdict, key):
    return next(c for c in verdict.criteria if c.key == key)


def test_presets_are_data_files():
    assert available_rules() == ["beijing-2020", "civil-code-278", "guangzhou-2020", "guangzhou-2025"]
    assert [c.threshold for c in CIVIL.criteria] == [Fraction(2, 3)] * 2 + [Fraction(3, 4)] * 2
    with pytest.raises(ValidationError, match="不存在"):
        load_rule("shanghai-1999")


def test_civil_code_passes_at_exactly_two_thirds_and_three_quarters():
    # 12 equal households: 8 vote (6 support, 2 oppose), 4 silent.
    v = evaluate(ballots("SSSSSSOONNNN"), CIVIL)
    assert crit(v, "participation_area").fraction == "480.00/720.00"
    assert crit(v, "participation_owners").fraction == "8/12"
    assert crit(v, "agreement_area").fraction == "360.00/480.00"
    assert crit(v, "agreement_owners").fraction == "6/8"
    assert all(c.met for c in v.criteria) and v.passed
    assert v.visit_list == [] and v.shortfall_text == "已达到同意比例"


def test_civil_code_fails_just_below_the_boundary():
    # One silent household is 0.01 m² larger: participation area 480.00/720.01 < 2/3.
    areas = [6000] * 11 + [6001]
    v = evaluate(ballots("SSSSSSOONNNN", areas), CIVIL)
    assert not crit(v, "participation_area").met and crit(v, "participation_owners").met
    assert not v.passed
    # the largest silent one closes it; voting against would sink agreement (360/540.01 < 3/4),
    # so it must agree: the m² figure is the area of that one flat
    assert [b.room for b in v.visit_list] == ["602"] and v.kind == "agree"
    assert v.shortfall_area_x100 == 6001
    assert v.shortfall_text == "还差 1 位业主签字同意（602 p12），共 60.01 m²"


def test_agreement_just_below_three_quarters():
    # 9 vote: 6 support, 3 oppose → 6/9 < 3/4. One opposer won over: 7/9 ≥ 3/4 and 420/540 ≥ 3/4.
    # A silent one agreeing is not enough (7/10 < 3/4): the old list asked for three of them.
    v = evaluate(ballots("SSSSSSOOONNN"), CIVIL)
    assert not crit(v, "agreement_owners").met
    assert [b.position for b in v.visit_list] == ["oppose"]
    assert v.passed is False and v.achievable and v.shortfall_voters == 1


def test_abstentions_participate_but_do_not_agree():
    v = evaluate(ballots("SSSSSSAANNNN"), CIVIL)
    assert crit(v, "participation_owners").fraction == "8/12"
    assert crit(v, "agreement_owners").fraction == "6/8" and v.passed


def test_one_owner_of_two_households_counts_once_but_both_areas_count():
    owners = [{"p1"}, {"p1"}] + [{f"p{n}"} for n in range(3, 13)]
    v = evaluate(ballots("SSSSSSOONNNN", owners=owners), CIVIL)
    assert v.totals["total_owners"] == 11
    assert crit(v, "participation_owners").fraction == "7/11"  # 7/11 < 2/3
    assert crit(v, "participation_area").fraction == "480.00/720.00"
    assert not v.passed


def test_co_owners_share_one_vote():
    owners = [{"p1", "q1"}] + [{f"p{n}"} for n in range(2, 13)]
    v = evaluate(ballots("SSSSSSOONNNN", owners=owners), CIVIL)
    assert v.totals["total_owners"] == 12
    assert v.passed


def test_guangzhou_2020_counts_agreement_over_everyone():
    # 8 of 12 agree = 2/3 exactly, by area and by head.
    v = evaluate(ballots("SSSSSSSSOONN"), GZ)
    assert [c.fraction for c in v.criteria] == ["480.00/720.00", "8/12"] and v.passed
    v = evaluate(ballots("SSSSSSSONNNN"), GZ)
    assert not v.passed and len(v.visit_list) == 1


def test_beijing_2020_refuses_any_opposition():
    v = evaluate(ballots("SSSSSSSSSSON"), BJ)
    assert all(c.met for c in v.criteria) and not v.passed
    assert v.as_json()["no_opposition"] == {"required": True, "met": False}
    assert [b.position for b in v.visit_list] == ["oppose"]  # 11/12 agree once the opposer does
    assert evaluate(ballots("SSSSSSSSSNNN"), BJ).passed


def test_conditional_support_counts_only_in_the_forecast_and_is_flagged():
    spec = "SSSSSCOONNNN"
    legal = evaluate(ballots(spec), CIVIL, LEGAL)
    forecast = evaluate(ballots(spec), CIVIL, FORECAST)
    assert not legal.passed and forecast.passed
    assert [b.room for b in forecast.conditional] == ["302"]


def test_visit_list_puts_undecided_before_opposed_and_large_before_small_when_area_is_short():
    areas = [6000] * 8 + [5000, 9000, 7000, 6000]
    v = evaluate(ballots("SSSSSOOONNNN", areas), CIVIL)
    assert v.visit_list[0].position == "none" and v.visit_list[0].area_x100 == 9000


def test_nobody_in_scope_cannot_pass():
    v = evaluate([], CIVIL)
    assert not v.passed and not v.achievable and v.shortfall_text == "本单元还没有住户：先导入名册或按楼层批量生成"


# ---- through the store ------------------------------------------------------------------------

def _vote_all(store, unit, spec, written=True):
    rows = registry.unit_households(store, unit)
    for n, (row, ch) in enumerate(zip(rows, spec)):
        ownership.set_owners(store, row.id, [f"业主{n}"], f"1380000{n:04d}")
        if ch != "N":
            positions.record_position(store, row.id, {"S": "支持", "O": "反对", "A": "弃权"}[ch],
                                      on_date="2024-03-01", written=written, form_no=f"F{n}" if written else "")
    return rows


def test_store_verdict_uses_only_signed_written_votes_for_the_legal_verdict(store, unit):
    rows = _vote_all(store, unit, "SSSSSSOONNNN", written=False)
    assert not evaluation.unit_verdict(store, unit).passed  # intentions only
    assert evaluation.unit_verdict(store, unit, mode=FORECAST).passed
    for row in rows[:8]:
        positions.record_position(store, row.id, "support" if row in rows[:6] else "oppose",
                                  on_date="2024-04-01", method="written", written=True, form_no="F1")
    assert evaluation.unit_verdict(store, unit).passed


def test_tenant_and_family_words_are_intentions_not_votes(store, unit):
    rows = _vote_all(store, unit, "SSSSSSOONNNN")
    # a tenant of a silent flat says yes: the forecast may count it, the law does not
    positions.record_position(store, rows[8].id, "支持", method="visit", respondent="tenant", on_date="2024-05-01")
    assert evaluation.unit_verdict(store, unit).totals["participating_owners"] == 8
    assert evaluation.unit_verdict(store, unit, mode=FORECAST).totals["participating_owners"] == 9
    with pytest.raises(ValidationError, match="只作为意向"):
        positions.record_position(store, rows[8].id, "支持", respondent="family", written=True)


def test_latest_record_wins_and_history_is_kept(store, unit):
    rows = _vote_all(store, unit, "SSSSSSOONNNN")
    positions.record_position(store, rows[6].id, "支持", on_date="2024-06-01", written=True, form_no="F9",
                              reason="加装方案调整后同意")
    history = positions.history(store, rows[6].id)
    assert [h.position for h in history] == ["support", "oppose"]
    assert evaluation.unit_verdict(store, unit).totals["agreeing_owners"] == 7


def test_bad_positions_are_refused(store, unit):
    h = registry.unit_households(store, unit)[0]
    for kwargs, message in [({"position": "随便"}, "无法识别"), ({"position": "支持", "on_date": "2999-01-01"}, "未来"),
                            ({"position": "支持", "respondent": "proxy"}, "授权委托书"),
                            ({"position": "有条件支持"}, "写明条件"), ({"position": "支持", "on_date": "昨天"}, "日期")]:
        with pytest.raises(ValidationError, match=message):
            positions.record_position(store, h.id, **kwargs)
    other_unit = registry.add_unit(store, store.db.execute("SELECT id FROM building").fetchone()[0], "2单元")
    with pytest.raises(ValidationError, match="不属于当前单元"):
        positions.record_position(store, h.id, "支持", unit_id=other_unit)
    assert positions.history(store, h.id) == []


def test_district_rule_setting_is_validated(store, unit):
    with pytest.raises(ValidationError, match="不存在"):
        evaluation.set_district_rule(store, "nope", "unit", True)
    with pytest.raises(ValidationError, match="统计范围"):
        evaluation.set_district_rule(store, "guangzhou-2020", "street", True)
    evaluation.set_district_rule(store, "guangzhou-2020", "building", False)
    assert evaluation.district_rule(store) == evaluation.DistrictRule("guangzhou-2020", "building", False)
