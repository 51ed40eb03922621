"""Plans, cost shares and payments: hand-computed cases for every preset, properties, bad input."""

import json
import random
import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from liftdesk.money import costshare, funding, payments
from liftdesk.projects import liftplan, projects
from liftdesk.money.costshare import Flat, Override, compute_shares, load_scheme
from liftdesk.errors import ValidationError
from liftdesk.common.units import parse_yuan

from .conftest import ROOT, change_count

PART = 36_000_000  # ¥560,000 total − ¥200,000 subsidy, in fen
FLATS = [Flat(f"h{f}0{r}", f"{f}0{r}", f, 6000) for f in range(1, 7) for r in (1, 2)]


def by_floor(table):
    """Each floor's per-household amount (both rooms of a floor must agree here)."""
    out = {}
    for s in table.shares:
        out.setdefault(s.flat.floor, set()).add(s.amount_fen)
    assert all(len(v) == 1 for v in out.values()), out
    return {k: v.pop() for k, v in out.items()}


# Expected amounts worked out by hand (see the comments): exact share, rounded down, then the leftover fen
# to the largest fractions.
def test_guangzhou_2025_by_hand():
    # W = 2 × (0 + 0.5 + 1 + 1.1 + 1.2 + 1.3) = 10.2; 6F 4,588,235.29 · 5F 4,235,294.12 · 4F 3,882,352.94
    # 3F 3,529,411.76 · 2F 1,764,705.88: 35,999,994 rounded down, 6 fen to 4F (.94), 2F (.88), 3F (.76)
    table = compute_shares(FLATS, PART, load_scheme("guangzhou-2025"))
    assert by_floor(table) == {1: 0, 2: 1_764_706, 3: 3_529_412, 4: 3_882_353, 5: 4_235_294, 6: 4_588_235}
    assert table.sum_fen == PART
    five = next(s for s in table.shares if s.flat.room == "502")
    assert five.explanation == "5楼 502，系数 1.2 ÷ 合计 10.2 × 业主承担 ¥360,000.00 = ¥42,352.94"


def test_nanjing_gulou_by_hand():
    # W = 2 × (1.0 + 1.3 + 1.6 + 1.9) = 11.6; 35,999,996 rounded down, 4 fen to 4F (.76) and 6F (.72)
    table = compute_shares(FLATS, PART, load_scheme("nanjing-gulou"))
    assert by_floor(table) == {1: 0, 2: 0, 3: 3_103_448, 4: 4_034_483, 5: 4_965_517, 6: 5_896_552}
    assert table.sum_fen == PART


def test_beijing_2022_by_hand():
    # floor % 0/5/12/20/28/33 (sum 98), halved per room; 35,999,996 rounded down, 4 fen to 3F (.63), 6F (.49)
    table = compute_shares(FLATS, PART, load_scheme("beijing-2022"), storeys=6)
    assert by_floor(table) == {1: 0, 2: 918_367, 3: 2_204_082, 4: 3_673_469, 5: 5_142_857, 6: 6_061_225}
    with pytest.raises(ValidationError, match="6 层"):
        compute_shares(FLATS, PART, load_scheme("beijing-2022"), storeys=7)


def test_area_and_coefficient_times_area_by_hand():
    assert set(by_floor(compute_shares(FLATS, PART, load_scheme("area"))).values()) == {3_000_000}
    flats = [Flat(f.id, f.room, f.floor, 6000 if f.room.endswith("1") else 9000) for f in FLATS]
    # coef × area: 6F 1.3×60=78, 1.3×90=117 …; W = 1.5 × 60 × 10.2 ... = (60+90) × 5.1 = 765
    table = compute_shares(flats, PART, load_scheme("coef-area"))
    amounts = {s.flat.room: s.amount_fen for s in table.shares}
    assert amounts["601"] == 3_670_588  # 36e6 × 78/765 = 3,670,588.24
    assert amounts["602"] == 5_505_882  # 36e6 × 117/765 = 5,505,882.35
    assert table.sum_fen == PART


def test_a_total_that_does_not_divide_evenly_uses_the_printed_tie_break():
    # ¥360,000.01 by area over 12 equal flats: 3,000,000.083 each; the 1 leftover fen goes to the
    # highest floor, then the first room: 601.
    table = compute_shares(FLATS, PART + 1, load_scheme("area"))
    extra = [s.flat.room for s in table.shares if s.amount_fen == 3_000_001]
    assert extra == ["601"] and table.sum_fen == PART + 1
    assert "尾差" in next(s for s in table.shares if s.flat.room == "601").explanation


def test_custom_coefficients_and_overrides():
    scheme = load_scheme("custom").with_coefficients({1: "0", 2: "0", 3: "1", 4: "1", 5: "1", 6: "1"})
    assert set(v for k, v in by_floor(compute_shares(FLATS, PART, scheme)).items() if k >= 3) == {4_500_000}
    # 101 is compensated ¥10,000 and 201 does not join: the others pay the rest.
    over = {"h101": Override(-1_000_000, "一楼补偿"), "h201": Override(0, "不参加")}
    table = compute_shares(FLATS, PART, scheme, over)
    assert table.sum_fen == PART
    assert table.share_of("h101").amount_fen == -1_000_000
    assert table.share_of("h301").amount_fen == 4_625_000  # (36e6 + 1e6) / 8
    with pytest.raises(ValidationError, match="负数"):
        load_scheme("custom").with_coefficients({3: "-1"})
    with pytest.raises(ValidationError, match="理由"):
        compute_shares(FLATS, PART, scheme, {"h101": Override(-100, " ")})


schemes = st.sampled_from(["guangzhou-2025", "nanjing-gulou", "area", "coef-area"])


@st.composite
def rosters(draw):
    floors = draw(st.integers(3, 12))
    flats = []
    for floor in range(1, floors + 1):
        for room in range(1, draw(st.integers(1, 3)) + 1):
            flats.append(Flat(f"h{floor}-{room}", f"{floor}{room:02d}", floor, draw(st.integers(1000, 20000))))
    return flats


@settings(max_examples=150, deadline=None)
@given(rosters(), st.integers(0, 10**9), schemes, st.randoms(use_true_random=False), st.data())
def test_shares_are_exact_integers_never_negative_and_order_free(flats, part, scheme_id, rnd, data):
    chosen = data.draw(st.lists(st.sampled_from(flats), max_size=2, unique=True))
    overrides = {f.id: Override(data.draw(st.integers(-part // 10, part // 10)) if part else 0, "约定")
                 for f in chosen}
    scheme = load_scheme(scheme_id)
    fixed = sum(o.amount_fen for o in overrides.values())
    zero_floors = {"guangzhou-2025": {1}, "nanjing-gulou": {1, 2}, "coef-area": {1}, "area": set()}[scheme_id]
    nobody = all(f.id in overrides or f.floor in zero_floors for f in flats)
    if fixed > part or (part - fixed > 0 and nobody):
        with pytest.raises(ValidationError):
            compute_shares(flats, part, scheme, overrides)
        return
    table = compute_shares(flats, part, scheme, overrides)
    assert table.sum_fen == part
    for s in table.shares:
        assert isinstance(s.amount_fen, int)
        assert s.amount_fen >= 0 or s.flat.id in overrides
    shuffled = flats[:]
    rnd.shuffle(shuffled)
    again = compute_shares(shuffled, part, scheme, overrides)
    assert {s.flat.id: s.amount_fen for s in again.shares} == {s.flat.id: s.amount_fen for s in table.shares}


def test_yuan_parsing_refuses_more_than_two_decimals_and_floats_surprises():
    assert parse_yuan("360000") == 36_000_000
    assert parse_yuan("¥42,352.94") == 4_235_294
    assert parse_yuan(Decimal("0.1")) == 10
    for bad in ("1.234", "abc", "", "-5", "1e400", "1e9", "nan", "inf", "0x10", "1_000"):
        with pytest.raises(ValidationError):
            parse_yuan(bad)
    assert parse_yuan("-5", allow_negative=True) == -500


@pytest.fixture
def project(store, unit):
    return projects.create_project(store, unit)


def test_funding_plan_refuses_bad_input_and_changes_nothing(store, project):
    funding.save_funding_plan(store, project, total_fen=56_000_000, subsidy_fen=20_000_000, scheme="guangzhou-2025")
    before = change_count(store)
    for bad in ({"subsidy_fen": 60_000_000}, {"total_fen": -1}, {"scheme": "nope"},
                {"scheme": "custom", "coefficients": {3: "-0.5"}}, {"other_fen": 50_000_000}):
        with pytest.raises(ValidationError):
            funding.save_funding_plan(store, project, **bad)
    assert change_count(store) == before
    assert funding.funding_plan(store, project).owners_part_fen == PART


def test_plan_versions_material_changes_and_old_versions_refused(store, project):
    liftplan.add_version(store, project, summary="楼后加装 630kg 电梯", position="back", entry="half", load_kg=630,
                         stops=7, estimate_fen=56_000_000)
    with pytest.raises(ValidationError, match="写明"):
        liftplan.add_version(store, project, summary="改为平层入户")
    liftplan.add_version(store, project, summary="改为平层入户", entry="flat", change_note="居民要求平层", material=True)
    with pytest.raises(ValidationError, match="不新于"):
        liftplan.add_version(store, project, summary="x", change_note="y", version=2)
    assert liftplan.current(store, project).version == 2
    assert liftplan.valid_from(store, project) == 2
    liftplan.add_version(store, project, summary="换厂家", change_note="报价更低", material=False)
    assert liftplan.valid_from(store, project) == 2
    assert "楼后" in liftplan.versions(store, project)[0].line


def test_payments_outstanding_refunds_and_refusals(store, project, unit):
    funding.save_funding_plan(store, project, total_fen=56_000_000, subsidy_fen=20_000_000)
    rooms = {r: h for h, r in store.db.execute("SELECT id, room FROM household WHERE unit_id = ?", [unit])}
    payments.record_payment(store, project, rooms["601"], 4_000_000, "2024-05-01", receipt_no="R1")
    row = next(b for b in payments.balances(store, project) if b.room == "601")
    assert (row.due_fen, row.paid_fen, row.outstanding_fen) == (4_588_235, 4_000_000, 588_235)
    before = change_count(store)
    with pytest.raises(ValidationError, match="超缴"):
        payments.record_payment(store, project, rooms["601"], 600_000, "2024-05-02")
    with pytest.raises(ValidationError, match="收据号"):
        payments.record_payment(store, project, rooms["602"], 100, "2024-05-02", receipt_no="R1")
    with pytest.raises(ValidationError, match="理由"):
        payments.record_payment(store, project, rooms["601"], -100, "2024-05-02")
    other = projects.create_project  # a household of another unit is outside the project
    with pytest.raises(ValidationError, match="不在本项目"):
        payments.record_payment(store, project, "no-such-household", 100, "2024-05-02")
    assert change_count(store) == before and other
    payments.record_payment(store, project, rooms["601"], -1000, "2024-05-03", reason="多收退回")
    assert payments.reconcile(store, project).paid_fen == 3_999_000
    assert payments.reconcile(store, project).balanced


def test_the_agreement_snapshot_survives_a_later_change_of_scheme(store, project, unit):
    funding.save_funding_plan(store, project, total_fen=56_000_000, subsidy_fen=20_000_000)
    funding.snapshot_agreement(store, project, serial="A-1")
    funding.save_funding_plan(store, project, scheme="area")
    signed = funding.agreement(store, project)
    assert signed.scheme.id == "guangzhou-2025" and sum(s["share_fen"] for s in signed.shares) == PART
    h601 = store.db.execute("SELECT id FROM household WHERE unit_id = ? AND room = '601'", [unit]).fetchone()[0]
    assert next(b for b in payments.balances(store, project) if b.room == "601").due_fen == 4_588_235
    assert funding.late_joiner_amount(store, project, h601) == 4_588_235


def cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, cwd=ROOT)


def test_shares_cli_prints_integers_that_add_up(db_path, store, project):
    funding.save_funding_plan(store, project, total_fen=56_000_000, subsidy_fen=20_000_000)
    store.close()
    address = "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元"
    out = cli("--db", str(db_path), "shares", address, "--scheme", "nanjing-gulou", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["sum_fen"] == PART == sum(h["share_fen"] for h in data["households"])
    assert {h["room"]: h["share_fen"] for h in data["households"]}["601"] == 5_896_552
    out = cli("--db", str(db_path), "shares", address, "--total", "560000", "--subsidy", "600000", "--json")
    assert out.returncode != 0 and "补贴" in out.stderr and "Traceback" not in out.stderr
    out = cli("--db", str(db_path), "shares", address, "--total", "560000.001", "--json")
    assert out.returncode != 0 and "两位小数" in out.stderr
    out = cli("--db", str(db_path), "plan", address, "--json")
    assert json.loads(out.stdout)["funding"]["owners_part_fen"] == PART
    out = cli("--db", str(db_path), "payments", address, "--json")
    assert json.loads(out.stdout)["totals"]["due_fen"] == PART


def test_random_rounding_stays_exact_for_many_totals():
    rnd = random.Random(7)
    for _ in range(200):
        part = rnd.randrange(0, 10**8)
        assert compute_shares(FLATS, part, load_scheme("beijing-2022"), storeys=6).sum_fen == part
    assert costshare.available_schemes() == ["area", "beijing-2022", "coef-area", "custom", "guangzhou-2025",
                                             "hangzhou", "nanjing-gulou"]


def test_the_agreement_prints_every_share_and_keeps_a_snapshot(tmp_path, db_path, store, project, unit):
    liftplan.add_version(store, project, summary="楼后加装 630kg 电梯", position="back", entry="half", load_kg=630,
                         stops=7, estimate_fen=56_000_000)
    funding.save_funding_plan(store, project, total_fen=56_000_000, subsidy_fen=20_000_000,
                              subsidy_status="credited", subsidy_credited_on="2024-03-01", account_name="6幢1单元加梯集体账户",
                              manager="王建国", yearly_maintenance_fen=500_000)
    rooms = {r: h for h, r in store.db.execute("SELECT id, room FROM household WHERE unit_id = ?", [unit])}
    funding.set_override(store, project, rooms["101"], -500_000, "一楼补偿")
    store.close()
    out = tmp_path / "agreement.pdf"
    done = cli("--db", str(db_path), "print", "cost-agreement", "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元", "-o", str(out))
    assert done.returncode == 0, done.stderr
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout
    for expected in ("加装电梯费用分摊协议", "第 1 版方案", "楼后", "¥200,000.00", "已到账", "王建国", "一楼补偿",
                     "-¥5,000.00", "¥360,000.00", "最大余数法"):
        assert expected in text, expected
    from liftdesk.store import open_store
    again = open_store(db_path)
    signed = funding.agreement(again, project)
    assert signed is not None and signed.serial.startswith("FT-")
    assert sum(s["share_fen"] for s in signed.shares) == PART
    again.close()


def test_plan_attachments_are_kept_beside_the_database(tmp_path, store, project):
    drawing = tmp_path / "立面图.pdf"
    drawing.write_bytes(b"%PDF-1.4 drawing")
    liftplan.add_version(store, project, summary="楼后加装", attachments=[drawing])
    kept = liftplan.attachments_dir(store, project) / "v1" / "立面图.pdf"
    assert kept.read_bytes() == b"%PDF-1.4 drawing"
    assert kept.parent.parent.parent.parent.parent == store.path.parent
    assert liftplan.current(store, project).attachments == [f"{project}/v1/立面图.pdf"]
    before = change_count(store)
    with pytest.raises(ValidationError, match="找不到附件"):
        liftplan.add_version(store, project, summary="x", change_note="y", attachments=[tmp_path / "missing.pdf"])
    assert change_count(store) == before


def test_money_actions_undo_and_redo_through_retractions(store, project, unit):
    from liftdesk.history import actions, undo

    funding.save_funding_plan(store, project, total_fen=56_000_000, subsidy_fen=20_000_000)
    h601 = store.db.execute("SELECT id FROM household WHERE unit_id = ? AND room = '601'", [unit]).fetchone()[0]
    with actions.action(store, "action.payment", unit_id=unit, room="601", amount="¥100.00"):
        payments.record_payment(store, project, h601, 10_000, "2024-05-01")
    with actions.action(store, "action.scheme", unit_id=unit, scheme="按面积"):
        funding.save_funding_plan(store, project, scheme="area")
    undo.undo(store)
    assert funding.funding_plan(store, project).scheme == "guangzhou-2025"
    undo.undo(store)
    assert payments.reconcile(store, project).paid_fen == 0
    assert store.db.execute("SELECT count(*) FROM retraction WHERE target_tbl = 'payment'").fetchone()[0] == 1
    undo.redo(store)
    assert payments.reconcile(store, project).paid_fen == 10_000


def test_a_material_plan_change_voids_forms_signed_for_the_older_version(store, project, unit):
    from liftdesk.consent import evaluation, positions

    liftplan.add_version(store, project, summary="楼后加装", position="back")
    ids = [h for (h,) in store.db.execute("SELECT id FROM household WHERE unit_id = ? ORDER BY floor DESC, room",
                                          [unit])]
    for h in ids[:10]:  # 10 of 12 sign 支持 for version 1: passes
        positions.record_position(store, h, "support", written=True, method="written", form_no="F1")
    assert store.db.execute("SELECT DISTINCT plan_version FROM position").fetchall() == [(1,)]
    assert evaluation.unit_verdict(store, unit).passed
    liftplan.add_version(store, project, summary="改为楼前", change_note="采光", position="front", material=False)
    assert evaluation.unit_verdict(store, unit).passed  # a minor change keeps the forms
    liftplan.add_version(store, project, summary="改为山墙侧", change_note="消防通道", position="gable", material=True)
    verdict = evaluation.unit_verdict(store, unit)
    assert not verdict.passed
    assert verdict.as_json()["older_plan_forms"]["households"] == 10
    assert "10 户签的是第 1 版方案，需重新确认" in verdict.shortfall_text
    for h in ids[:8]:  # re-confirmed for version 3
        positions.record_position(store, h, "support", written=True, method="written", form_no="F3")
    verdict = evaluation.unit_verdict(store, unit)
    assert verdict.passed and verdict.as_json()["older_plan_forms"]["households"] == 2
    forecast = evaluation.unit_verdict(store, unit, mode=evaluation.FORECAST)
    assert forecast.totals["agreeing_owners"] == 10  # older forms still tell the helpers where people stand


def test_forms_signed_before_any_plan_was_recorded_do_not_survive_a_material_change(store, project, unit):
    """The notice and `consent` said 已达到 after a material change: forms signed before any plan
    version was kept went on counting."""
    from liftdesk.consent import evaluation, positions

    ids = [h for (h,) in store.db.execute("SELECT id FROM household WHERE unit_id = ? ORDER BY floor DESC, room",
                                          [unit])]
    for h in ids[:10]:  # signed before any plan existed
        positions.record_position(store, h, "support", written=True, method="written", form_no="F0")
    assert store.db.execute("SELECT DISTINCT plan_version FROM position").fetchall() == [(None,)]
    liftplan.add_version(store, project, summary="楼后加装", position="back")
    assert evaluation.unit_verdict(store, unit).passed  # recording the first plan changes nothing
    liftplan.add_version(store, project, summary="改为山墙侧", change_note="消防通道", position="gable", material=True)
    verdict = evaluation.unit_verdict(store, unit)
    assert not verdict.passed and verdict.totals["agreeing_owners"] == 0
    assert "10 户的签字早于现行方案" in verdict.shortfall_text
