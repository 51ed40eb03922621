"""Cost presets with their sources: every file names where its figures come from and whether they
are a published rule's (官方) or values to discuss (参考); Hangzhou's 1F and 2F pay nothing;
Beijing 2022 at other heights is refused with a way out; `shares` before a project is an estimate."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from liftdesk.errors import ValidationError
from liftdesk.money import costshare, funding
from liftdesk.money.costshare import Flat, compute_shares, load_scheme
from liftdesk.places import district_settings, registry

ROOT = Path(__file__).resolve().parents[1]
YUAN = 100


def flats(storeys: int) -> list[Flat]:
    return [Flat(f"h{f}0{r}", f"{f}0{r}", f, 6000) for f in range(1, storeys + 1) for r in (1, 2)]


def by_room(table) -> dict[str, int]:
    return {s.flat.room: s.amount_fen for s in table.shares}


def test_every_preset_carries_its_source_and_status():
    for scheme_id in costshare.available_schemes():
        scheme = load_scheme(scheme_id)
        if scheme.custom:
            continue  # the group's own figures
        assert dict(scheme.source).get("title"), scheme_id
        assert scheme.status_label in ("官方", "参考"), scheme_id
    assert load_scheme("area").status_label == "官方" and "第二百八十三条" in load_scheme("area").source_text
    for scheme_id in ("beijing-2022", "guangzhou-2025", "nanjing-gulou", "hangzhou"):
        assert load_scheme(scheme_id).status_label == "参考"
    snapshot = load_scheme("hangzhou").as_json()  # a signed agreement keeps where the figures came from
    assert snapshot["status"] == "reference" and "杭政办函" in snapshot["source"]["number"]
    assert costshare.scheme_from_json(snapshot) == load_scheme("hangzhou")


def test_hangzhou_at_five_storeys_by_hand():
    # weights 3F 1.0, 4F 1.2, 5F 1.4, two flats a floor: 7.2; ¥72,000 → ¥10,000 / 12,000 / 14,000 each
    table = compute_shares(flats(5), 72_000 * YUAN, load_scheme("hangzhou"), storeys=5)
    assert by_room(table) == {"101": 0, "102": 0, "201": 0, "202": 0, "301": 10_000 * YUAN, "302": 10_000 * YUAN,
                              "401": 12_000 * YUAN, "402": 12_000 * YUAN, "501": 14_000 * YUAN, "502": 14_000 * YUAN}


def test_hangzhou_at_seven_storeys_by_hand():
    # + 6F 1.6, 7F 1.8: total weight 2 × 7.0 = 14; ¥140,000 → 10,000 … 18,000 each
    table = compute_shares(flats(7), 140_000 * YUAN, load_scheme("hangzhou"), storeys=7)
    amounts = by_room(table)
    assert [amounts[f"{f}01"] for f in range(1, 8)] == [0, 0, 10_000 * YUAN, 12_000 * YUAN, 14_000 * YUAN,
                                                          16_000 * YUAN, 18_000 * YUAN]
    assert table.sum_fen == 140_000 * YUAN
    # and above the table: +0.2 a floor (8F 2.0)
    assert load_scheme("hangzhou").floor_value(8) == 2


@pytest.mark.parametrize("storeys", [5, 7])
def test_beijing_2022_at_other_heights_is_refused_with_a_suggestion(storeys):
    with pytest.raises(ValidationError) as caught:
        compute_shares(flats(storeys), 100_000 * YUAN, load_scheme("beijing-2022"), storeys=storeys)
    text = str(caught.value)
    assert f"本楼为 {storeys} 层" in text and "杭州" in text and "自定义" in text


def test_an_estimate_before_any_project_uses_the_district_preset(store, unit):
    district_settings.update(store, {"cost_preset": "hangzhou"})
    # 6 × 2, ¥300,000 less ¥100,000 subsidy = ¥200,000 over weights 2 × (1.0 + 1.2 + 1.4 + 1.6) = 10.4
    trial = funding.estimate_shares(store, unit, 300_000 * YUAN, 100_000 * YUAN)
    assert trial.estimate and trial.owners_part_fen == 200_000 * YUAN and trial.table.scheme.id == "hangzhou"
    amounts = by_room(trial.table)
    assert amounts["101"] == amounts["202"] == 0
    assert amounts["301"] == 1_923_077  # 200,000 × 1.0 / 10.4 = 19,230.769…: the larger remainder gets the fen
    assert sum(amounts.values()) == 200_000 * YUAN
    with pytest.raises(ValidationError, match="补贴"):
        funding.estimate_shares(store, unit, 100 * YUAN, 200 * YUAN)


def test_shares_cli_with_no_project_is_labelled_an_estimate(store, unit, db_path):
    registry.unit_households(store, unit)
    store.close()
    run = lambda *a: subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db_path), *a],  # noqa: E731
                                    capture_output=True, text=True, cwd=ROOT)
    address = "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元"
    out = run("shares", address, "--total", "300000", "--subsidy", "100000", "--scheme", "hangzhou", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["estimate"] is True and data["label"] == "估算" and data["scheme_status"] == "reference"
    assert data["owners_part_fen"] == 200_000 * YUAN and data["sum_fen"] == 200_000 * YUAN
    assert {h["room"]: h["share_fen"] for h in data["households"]}["102"] == 0
    text = run("shares", address, "--total", "300000", "--scheme", "hangzhou")
    assert text.stdout.startswith("【估算】") and "（参考）" in text.stdout
    none = run("shares", address)  # no total and no project: still the old clear refusal
    assert none.returncode == 2 and "加梯项目" in none.stderr
