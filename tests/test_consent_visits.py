"""Voters, conflicts and the shortest visit list, checked against hand-computed rosters and a
brute force over every subset of voters. The reference model below is written from the rules in
domain.md, independently of liftdesk/consent/voters.py."""

from fractions import Fraction
from itertools import combinations

import pytest
from hypothesis import given, settings, strategies as st

from liftdesk.consent.evaluation import FORECAST, LEGAL, Ballot, evaluate
from liftdesk.consent.rules import load_rule

CIVIL, GZ, BJ = (load_rule(r) for r in ("civil-code-278", "guangzhou-2020", "beijing-2020"))
CODES = {"S": "support", "O": "oppose", "A": "abstain", "N": "none", "C": "conditional"}


def flat(spec: str, unit: str = "") -> Ballot:
    """'101 60 王建国+王小明 S [said]' → a Ballot: room, m², owners (person ids), position, what was said."""
    room, area, owners, pos, *said = spec.split()
    return Ballot(f"h{unit}{room}", room, int(room[:-2]), round(float(area) * 100),
                  tuple(owners.split("+")) if owners != "-" else (), CODES[pos], "", pos == "C",
                  CODES[said[0]] if said else "", False, unit)


def roster(*specs, unit=""):
    return [flat(s, unit) for s in specs]


# ---- the reference model -------------------------------------------------------------------

def ref_groups(flats):
    groups = {}
    for b in flats:
        groups.setdefault(frozenset(b.owners) if b.owners else ("flat", b.household_id), []).append(b)
    return list(groups.values())


def ref_state(group):
    said = {b.position for b in group} - {"none"}
    return "none" if not said else next(iter(said)) if len(said) == 1 else "conflict"


def ref_passes(flats, rule):
    groups = ref_groups(flats)
    states = [ref_state(g) for g in groups]
    values = {
        "total_area": sum(b.area_x100 for b in flats),
        "participating_area": sum(b.area_x100 for b in flats if b.position != "none"),
        "agreeing_area": sum(b.area_x100 for g, s in zip(groups, states) if s == "support"
                             for b in g if b.position == "support"),
        "total_owners": len(groups),
        "participating_owners": sum(s != "none" for s in states),
        "agreeing_owners": sum(s == "support" for s in states),
    }
    if rule.no_opposition and any(s in ("oppose", "conflict") for s in states):
        return False
    return all(values[c.denominator] > 0 and Fraction(values[c.numerator], values[c.denominator]) >= c.threshold
               for c in rule.criteria)


def ref_rank(group):
    state = ref_state(group)
    if state == "none":
        words = {b.intention or b.position for b in group} - {"none"}
        said = next(iter(words)) if len(words) == 1 else "none"
        return {"support": 1, "none": 2, "abstain": 3, "conditional": 5, "oppose": 8, "conflict": 2}[said]
    if state == "support":
        return 0
    return {"abstain": 4, "conditional": 6, "conflict": 7, "oppose": 9}[state]


def ref_gain(group):
    if ref_state(group) == "support":
        return sum(b.area_x100 for b in group if b.position != "support")
    return sum(b.area_x100 for b in group)


def ref_key(chosen):
    return (tuple(sorted((ref_rank(g) for g in chosen), reverse=True)), -sum(ref_gain(g) for g in chosen),
            tuple(sorted(tuple(sorted((b.unit, b.room, b.household_id) for b in g)) for g in chosen)))


def signed(flats, chosen, position):
    ids = {b.household_id for g in chosen for b in g}
    return [b._replace(position=position, conditional=False) if b.household_id in ids else b for b in flats]


def brute(flats, rule):
    """(size, kind, rooms of the preferred set) over every subset of voters, smallest first."""
    if ref_passes(flats, rule):
        return 0, "agree", set()
    groups = [g for g in ref_groups(flats) if not (ref_state(g) == "support" and ref_gain(g) == 0)]
    for size in range(1, len(groups) + 1):
        agree = [c for c in combinations(groups, size) if ref_passes(signed(flats, c, "support"), rule)]
        if not agree:
            continue
        fresh = [g for g in groups if ref_state(g) == "none"]
        vote = [c for c in combinations(fresh, size) if ref_passes(signed(flats, c, "oppose"), rule)]
        kind, sets = ("vote", vote) if vote else ("agree", agree)
        best = min(sets, key=ref_key)
        return size, kind, {(b.unit, b.room) for g in best for b in g
                            if ref_state(g) == "conflict" or b.position != "support"}
    return None, None, None


def engine(flats, rule, mode=LEGAL):
    v = evaluate(flats, rule, mode)
    return v.shortfall_voters, v.kind, {(b.unit, b.room) for b in v.visit_list}, v


# ---- hand-computed rosters -----------------------------------------------------------------

# (name, rule, flats, size, kind, visit rooms in walk order) — every figure worked out by hand
ROSTERS = [
    # co-owners 王建国+王小明 / 李秀英+王小明 / 李秀英+陈美玲 are three voters (no chaining):
    # 4 of 6 vote (2/3), 3 of 4 agree (3/4), areas alike → passes. Chained it would be 2/4.
    ("chain passes", CIVIL, roster("101 60 王建国+王小明 S", "102 60 李秀英+王小明 S", "201 60 李秀英+陈美玲 S",
                                   "202 60 赵 O", "301 60 钱 N", "302 60 孙 N"), 0, "agree", []),
    # 3 of 6 vote: one more vote of any kind gives 4/6 and 3/4 still agree → a vote suffices
    ("chain short of one vote", CIVIL, roster("101 60 王建国+王小明 S", "102 60 李秀英+王小明 S",
                                              "201 60 李秀英+陈美玲 S", "202 60 赵 N", "301 60 钱 N", "302 60 孙 N"),
     1, "vote", ["202"]),
    # 甲 owns 101+102 (one voter of 5); 2/4 agree: one opposer won over gives 3/4 and 240/300;
    # the silent 戊 agreeing gives 3/5 < 3/4
    ("one owner two flats", CIVIL, roster("101 60 甲 S", "102 60 甲 S", "201 60 乙 S", "202 60 丙 O", "301 60 丁 O",
                                          "302 60 戊 N"), 1, "agree", ["202"]),
    # the couple A+B owns 101 (signed) and 102 (not): one voter; 2/5 vote → two more (4/5, 240/360)
    ("same couple two flats", CIVIL, roster("101 60 A+B S", "102 60 B+A N", "201 60 C S", "202 60 D N",
                                            "301 60 E N", "302 60 F N"), 2, "agree", ["301", "202"]),
    # overlapping owner sets stay apart: 3 of 4 agree ≥ 2/3 (chained: 1 of 2)
    ("overlap is not the same buyer", GZ, roster("101 60 A+B S", "102 60 B+C S", "201 60 C S", "202 60 D N"),
     0, "agree", []),
    # two 王芳 (different person ids, no phone) are two voters: 5/6 vote, 4/5 and 240/300 agree
    ("two people named 王芳", CIVIL, roster("101 60 王芳#1 S", "102 60 王芳#2 O", "201 60 李 S", "202 60 张 S",
                                            "301 60 赵 S", "302 60 钱 N"), 0, "agree", []),
    # 魏 signed 支持 for 101 and 反对 for 102: participating, not agreeing → 180/300 < 3/4;
    # settling 魏 passes (300/300); 钱 agreeing gives 240/360 < 3/4
    ("conflicting forms", CIVIL, roster("101 60 魏 S", "102 60 魏 O", "201 60 A S", "202 60 B S", "301 60 C S",
                                        "302 60 D N"), 1, "agree", ["101", "102"]),
    # Beijing: the opposer must be won over; then 6/8 ≥ 2/3 and 360/480
    ("beijing one opposer", BJ, roster("101 60 A O", "102 60 B S", "201 60 C S", "202 60 D S", "301 60 E S",
                                       "302 60 F S", "401 60 G N", "402 60 H N"), 1, "agree", ["101"]),
    # Beijing: both opposers, then 3/6 → 4/6 needs one more
    ("beijing two opposers", BJ, roster("101 60 A O", "102 60 B O", "201 60 C S", "202 60 D N", "301 60 E N",
                                        "302 60 F N"), 3, "agree", ["202", "101", "102"]),
    # Beijing: a conflict counts as opposition
    ("beijing conflict", BJ, roster("101 60 A S", "102 60 A O", "201 60 B S", "202 60 C S", "301 60 D S",
                                    "302 60 E S"), 1, "agree", ["101", "102"]),
    # Guangzhou 3/6 → 4/6: the one who said yes comes before the undecided and the abstainer
    ("said yes first", GZ, roster("101 60 A N S", "102 60 B N", "201 60 C A", "202 60 D S", "301 60 E S",
                                  "302 60 F S"), 1, "agree", ["101"]),
    # participation area short by 70 m²: only the 90 m² flat closes it; as a mere vote it would
    # sink agreement to 180/270 < 3/4, so it must agree — the one who said yes (45 m²) cannot help
    ("area decides", CIVIL, roster("101 45 A N S", "102 90 B N", "201 60 C S", "202 60 D S", "301 60 E S",
                                   "302 60 F N"), 1, "agree", ["102"]),
    # participation area 240/380 < 2/3: 102 voting anything gives 280/380 and keeps 240/280 ≥ 3/4;
    # 101 (100 m²) voting against would give 240/340 < 3/4
    ("vote of any kind", CIVIL, roster("101 100 A N", "102 40 B N", "201 60 C S", "202 60 D S", "301 60 E S",
                                       "302 60 F S"), 1, "vote", ["102"]),
    # a signed conditional participates without agreeing: 4/5 and 240/300 agree → passes
    ("conditional passes anyway", CIVIL, roster("101 60 A C", "102 60 B S", "201 60 C S", "202 60 D S",
                                                "301 60 E S", "302 60 F N"), 0, "agree", []),
    # two conditionals: 5/7 agree < 3/4; one of them signing 支持 gives 6/7
    ("conditional holds it back", CIVIL, roster("101 60 A C", "102 60 B C", "201 60 C S", "202 60 D S",
                                                "301 60 E S", "302 60 F S", "401 60 G S"), 1, "agree", ["101"]),
    # A signed 弃权 for 101 (30 m²), not 102 (90 m²): participation area 210/360 < 2/3;
    # the silent E or A would do; E (undecided) is likelier than an abstainer
    ("abstainer with an unsigned flat", CIVIL, roster("101 30 A A", "102 90 A N", "201 60 B S", "202 60 C S",
                                                      "301 60 D S", "302 60 E N"), 1, "agree", ["302"]),
    # A signed 支持 for 101 only; 102 (150 m²) unsigned: 210/360 participating → 102's form
    ("signed one flat of two", CIVIL, roster("101 30 A S", "102 150 A N", "201 60 B S", "202 60 C S",
                                             "301 60 D S"), 1, "agree", ["102"]),
    # 2/5 agree; an abstainer (4/5, 210/270) before an opposer; C's 102 form adds no owner
    ("abstainer before opposer", CIVIL, roster("101 30 A S", "102 90 A N", "201 60 B S", "202 60 C S",
                                               "301 60 D O", "302 60 E A"), 1, "agree", ["302"]),
    # Guangzhou, nobody asked yet: 4 of 6 must agree
    ("untouched guangzhou", GZ, roster("101 60 A N", "102 60 B N", "201 60 C N", "202 60 D N", "301 60 E N",
                                       "302 60 F N"), 4, "agree", ["201", "202", "101", "102"]),
    # Civil Code, nobody asked yet: 4 of 6 must vote and agree (a mere vote agrees with nothing)
    ("untouched civil", CIVIL, roster("101 60 A N", "102 60 B N", "201 60 C N", "202 60 D N", "301 60 E N",
                                      "302 60 F N"), 4, "agree", ["201", "202", "101", "102"]),
    # two more needed; the two larger flats (95 + 95) rather than 95 + 45 (also enough: 280/420)
    ("larger flats when equal odds", CIVIL, roster("101 45 A N", "102 95 B N", "201 45 C N", "202 95 D N",
                                                   "301 45 E S", "302 95 F S"), 2, "agree", ["202", "102"]),
    # 3/5 agree: an abstainer (4/5) — a silent one agreeing gives 4/6 < 3/4
    ("abstainer converts", CIVIL, roster("101 60 A A", "102 60 B A", "201 60 C S", "202 60 D S", "301 60 E S",
                                         "302 60 F N"), 1, "agree", ["101"]),
]


@pytest.mark.parametrize("name, rule, flats, size, kind, rooms", ROSTERS, ids=[r[0] for r in ROSTERS])
def test_hand_computed_rosters(name, rule, flats, size, kind, rooms):
    assert brute(flats, rule) == (size, kind, {("", r) for r in rooms})  # the reference agrees with the hand
    got_size, got_kind, got_rooms, verdict = engine(flats, rule)
    assert (got_size, got_kind) == (size, kind)
    assert [b.room for b in verdict.visit_list] == rooms  # walk order: higher floors first
    assert verdict.passed == (size == 0)
    if size:  # applied, the list passes
        chosen = [v.voter.flats for v in verdict.visits]
        assert ref_passes(signed(flats, chosen, "support"), rule)


def test_at_least_twenty_rosters_cover_every_preset():
    assert len(ROSTERS) >= 20
    assert {r[1].id for r in ROSTERS} == {"civil-code-278", "guangzhou-2020", "beijing-2020"}


def test_the_shortfall_says_what_is_missing():
    people = {p: (p, "") for p in "ABCDE"} | {"王建华": ("王建华", "13900000001")}
    # 5 of 6 signed: 4 支持 + 1 反对; 201 王建华 silent. Agreement 4/5 ✓; but make it short of one:
    flats = roster("101 60 A S", "102 60 B O", "201 60 王建华 N", "202 60 C O", "301 60 D S", "302 60 E S")
    # 5/6 vote, 3/5 agree < 3/4; 王建华 agreeing: 4/6 < 3/4; one opposer agreeing: 4/5 ✓
    v = evaluate(flats, CIVIL, people=people)
    assert v.shortfall_text == "还差 1 位业主签字同意（102 B），共 60.00 m²"
    flats = roster("101 60 A S", "102 60 B S", "201 60 王建华 N", "202 60 C S", "301 60 D N", "302 60 E N")
    v = evaluate(flats, CIVIL, people=people)  # 3/6 vote → any vote from one more; 王建华 is first by room
    assert v.kind == "vote" and v.shortfall_text.startswith("还差 1 位业主参与表决（任意意见）")
    flats = roster("101 60 A S", "102 60 B S", "201 60 王建华 N", "202 60 C S", "301 60 D S", "302 60 E O")
    v = evaluate(flats, GZ, people=people)  # 4/6 = 2/3 … passes; 3/6 needs 王建华
    assert v.passed
    v = evaluate(flats[:3] + flats[4:], GZ, people=people)  # 3 of 5 agree < 2/3 → 王建华
    assert v.shortfall_text == "还差 1 位业主签字同意（201 王建华），共 60.00 m²"
    data = v.as_json()
    assert data["visits"] == [{"rooms": ["201"], "owners": ["王建华"], "phone": "13900000001",
                               "position": "未表态", "reason": "尚未表态"}]
    assert data["shortfall"]["voters"] == 1 and data["shortfall"]["kind"] == "agree"
    assert data["visit_list"] == ["201"] and data["shortfall"]["area_m2"] == "60.00"


def test_a_conflict_is_named_and_never_settled_by_order():
    people = {"魏": ("魏国强", "")}
    flats = roster("101 60 魏 S", "102 60 魏 O", "201 60 A S", "202 60 B S", "301 60 C S", "302 60 D N")
    for order in (flats, flats[::-1], flats[1:] + flats[:1]):
        v = evaluate(order, CIVIL, people=people)
        data = v.as_json()
        assert data["conflicts"][0]["text"] == "魏国强：101 支持、102 反对，需核实"
        assert v.totals["participating_owners"] == 4 and v.totals["agreeing_owners"] == 3
        assert data["visits"][0]["reason"] == "书面意见矛盾（101 支持、102 反对），需核实"
        assert data["visits"][0]["position"] == "意见矛盾"
    # the recording order (stamps) of the two forms changes nothing either
    stamped = [b._replace(stamp="2024-09-01") if b.room == "102" else b for b in flats]
    assert evaluate(stamped, CIVIL).as_json() == evaluate(flats, CIVIL).as_json()


def test_depends_on_conditional():
    # 5/7 agree with two conditionals; without them counted: 5/7 vote, 5/5 agree → passes
    flats = roster("101 60 A C", "102 60 B C", "201 60 C S", "202 60 D S", "301 60 E S", "302 60 F S", "401 60 G S")
    v = evaluate(flats, CIVIL)
    assert not v.passed and v.depends_on_conditional and v.as_json()["depends_on_conditional"] is True
    # 6/8 vote, 5/6 agree → passes; without the conditional 5/8 vote < 2/3 → fails
    flats = roster("101 60 A C", "102 60 B N", "201 60 C S", "202 60 D S", "301 60 E S", "302 60 F S",
                   "401 60 G S", "402 60 H N")
    assert evaluate(flats, CIVIL).passed and evaluate(flats, CIVIL).depends_on_conditional
    # 5/6 vote, 4/5 agree → passes; without: 4/6 vote, 4/4 agree → passes too
    flats = roster("101 60 A C", "102 60 B S", "201 60 C S", "202 60 D S", "301 60 E S", "302 60 F N")
    assert evaluate(flats, CIVIL).passed and not evaluate(flats, CIVIL).depends_on_conditional


def test_building_scope_names_the_unit_and_never_repeats_a_household():
    flats = roster("101 60 A S", "102 60 B N", unit="1单元") + roster("101 60 C S", "102 60 B N", unit="2单元")
    # B owns both 102s: one voter of 3; 2/3 vote but 120/240 m² < 2/3 → B, agreeing (as a mere
    # vote 2/3 agree < 3/4), with both flats, each named with its unit
    v = evaluate(flats, CIVIL)
    assert v.totals["total_owners"] == 3 and v.shortfall_voters == 1 and v.kind == "agree"
    assert [b.label for b in v.visit_list] == ["1单元 102", "2单元 102"]
    assert v.as_json()["visit_list"] == ["1单元 102", "2单元 102"]
    assert v.shortfall_text == "还差 1 位业主签字同意（1单元 102、2单元 102 B），共 120.00 m²"
    assert len({b.household_id for b in v.visit_list}) == len(v.visit_list)


# ---- properties ----------------------------------------------------------------------------

PEOPLE = ["p1", "p2", "p3", "p4"]


@st.composite
def rosters(draw):
    n = draw(st.integers(1, 7))
    flats = []
    for k in range(n):
        owners = tuple(sorted(draw(st.sets(st.sampled_from(PEOPLE), max_size=2))))
        pos = draw(st.sampled_from("SSONNACC"))
        said = draw(st.sampled_from(["", "", "S", "O", "A"])) if pos == "N" else ""
        flats.append(Ballot(f"h{k}", f"{k // 2 + 1}0{k % 2 + 1}", k // 2 + 1, draw(st.sampled_from([4500, 6000, 9000])),
                            owners, CODES[pos], f"2024-01-{k + 1:02d}", pos == "C", CODES[said] if said else ""))
    return flats


@settings(max_examples=300, deadline=None)
@given(rosters(), st.sampled_from([CIVIL, GZ, BJ]))
def test_the_visit_list_is_the_smallest_and_most_likely(flats, rule):
    size, kind, rooms, verdict = engine(flats, rule)
    want = brute(flats, rule)
    assert (size, kind, {r for r in rooms}) == want if want[0] is not None else not verdict.achievable
    if verdict.visits:
        chosen = [v.voter.flats for v in verdict.visits]
        assert ref_passes(signed(flats, chosen, "support" if kind == "agree" else "oppose"), rule)
        for smaller in combinations(chosen, len(chosen) - 1):
            assert not ref_passes(signed(flats, smaller, "support"), rule) or len(chosen) == 0


@settings(max_examples=150, deadline=None)
@given(rosters(), st.sampled_from([CIVIL, GZ, BJ]), st.randoms(use_true_random=False),
       st.sampled_from([LEGAL, FORECAST]))
def test_shuffling_the_rows_never_changes_the_verdict(flats, rule, rng, mode):
    shuffled = list(flats)
    rng.shuffle(shuffled)
    assert evaluate(shuffled, rule, mode).as_json() == evaluate(flats, rule, mode).as_json()


@settings(max_examples=200, deadline=None)
@given(rosters(), st.sampled_from([CIVIL, GZ, BJ]))
def test_the_engine_counts_like_the_reference(flats, rule):
    assert evaluate(flats, rule).passed == ref_passes(flats, rule)


# ---- through the store ---------------------------------------------------------------------

def _owners(store, unit, names=None):
    from liftdesk.places import registry
    from liftdesk.people import ownership

    rows = registry.unit_households(store, unit)
    for n, row in enumerate(rows):
        ownership.set_owners(store, row.id, [names[n] if names else f"业主{n}"], f"1380000{n:04d}")
    return rows


def test_a_tenants_word_never_overrides_an_owners(store, unit):
    from liftdesk.consent import evaluation, positions

    rows = _owners(store, unit)
    positions.record_position(store, rows[0].id, "反对", method="visit", on_date="2024-03-01")
    positions.record_position(store, rows[0].id, "支持", method="visit", respondent="tenant", on_date="2024-04-01")
    positions.record_position(store, rows[1].id, "支持", method="phone", respondent="family", on_date="2024-04-01")
    forecast = evaluation.unit_verdict(store, unit, mode=FORECAST)
    # 101: the owner said no; the tenant's later yes changes nothing. 102: only a family member
    # spoke, so the forecast counts it — and says so
    assert forecast.totals["opposing_owners"] == 1 and forecast.totals["agreeing_owners"] == 1
    assert forecast.as_json()["non_owner_word"] == ["102"]
    legal = evaluation.unit_verdict(store, unit)
    assert legal.totals["participating_owners"] == 0


def test_two_people_with_one_name_and_no_phone_are_two_voters(store, unit):
    from liftdesk.consent import evaluation, positions
    from liftdesk.people import ownership
    from liftdesk.places import registry

    rows = registry.unit_households(store, unit)
    first, second = ownership.add_person(store, "王芳"), ownership.add_person(store, "王芳")
    ownership.add_owner(store, rows[0].id, first)
    ownership.add_owner(store, rows[1].id, second)
    positions.record_position(store, rows[0].id, "支持", written=True, form_no="F1", on_date="2024-03-01")
    positions.record_position(store, rows[1].id, "反对", written=True, form_no="F2", on_date="2024-03-01")
    v = evaluation.unit_verdict(store, unit)
    assert v.totals["total_owners"] == 12 and v.conflicts == []


@pytest.mark.parametrize("later", ["101", "102"])
def test_one_owners_conflicting_forms_in_any_recording_order(store, unit, later):
    from liftdesk.consent import evaluation, positions
    from liftdesk.people import ownership
    from liftdesk.store import records

    rows = _owners(store, unit)
    wei = ownership.add_person(store, "魏国强", "13900000009")
    for row in rows[:2]:
        for (ownership_id,) in store.db.execute("SELECT id FROM ownership WHERE household_id = ?", [row.id]).fetchall():
            records.set_deleted(store, "ownership", ownership_id, True)
        ownership.add_owner(store, row.id, wei)
    dates = {"101": "2024-03-01", "102": "2024-03-01"} | {later: "2024-05-01"}
    positions.record_position(store, rows[0].id, "支持", written=True, form_no="F1", on_date=dates["101"])
    positions.record_position(store, rows[1].id, "反对", written=True, form_no="F2", on_date=dates["102"])
    for row in rows[2:9]:
        positions.record_position(store, row.id, "支持", written=True, form_no="F", on_date="2024-03-02")
    v = evaluation.unit_verdict(store, unit)
    # 11 voters: 魏 (conflict) + 7 支持 + 3 silent → 8/11 vote, 7/8 agree by head; area 420/540
    assert v.totals["total_owners"] == 11 and v.totals["agreeing_owners"] == 7
    assert v.as_json()["conflicts"][0]["text"] == "魏国强：101 支持、102 反对，需核实"
    assert v.totals["agreeing_area"] == 42000 and v.passed


def test_consent_json_keeps_the_old_fields_and_adds_the_new(tmp_path):
    from liftdesk.store import open_store

    from .test_cli_and_demo import cli
    from .test_roster_import import ADDRESS, HEADER, ROWS, write_csv

    db = tmp_path / "s.db"
    cli("--db", db, "import-roster", write_csv(tmp_path / "r.csv", [HEADER] + ROWS, "gbk"), "--unit", ADDRESS,
        "--create")
    open_store(db).close()
    import json

    data = json.loads(cli("--db", db, "consent", ADDRESS, "--json").stdout)
    for key in ("passed", "criteria", "visit_list", "shortfall", "totals", "conditional", "opposed"):
        assert key in data
    assert set(data["shortfall"]) >= {"households", "area_m2", "achievable", "text", "voters", "kind"}
    assert data["visits"] == [{"rooms": ["202", "101"], "owners": ["黄杞财"], "phone": "13812345678",
                               "position": "意见矛盾", "reason": "书面意见矛盾（101 反对、202 支持），需核实"}]
    assert data["depends_on_conditional"] is False and len(data["conflicts"]) == 1
    assert data["criteria"][2]["text"] == "同意面积（占参与） 135.85 / 335.20 m²，需达 3/4（251.40 m²），还差 115.55 m²"
