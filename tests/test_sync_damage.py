"""A damaged file is always called damaged (never "for another district/station" or "wrong kind"),
a cut-off one always incomplete; only an intact file may be refused as someone else's."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liftdesk.places import registry
from liftdesk.errors import LiftDeskError
from liftdesk.sync import receipts

from tests.sync_helpers import World, snapshot


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    w = World(tmp_path_factory.mktemp("damage"))
    s = w.add_station("长庆站")
    registry.update_household(s, w.ids["households"][0], "area", "65")
    w.bundle = w.export("长庆站")
    w.receipt, _ = receipts.make_receipt(w.district, s.station_id)
    yield w
    w.close()


def _key(fn, data: bytes) -> tuple[str, str]:
    with pytest.raises(LiftDeskError) as info:
        fn(data)
    return info.value.key, str(info.value)


def _flip(data: bytes, pos: int, mask: int) -> bytes:
    bad = bytearray(data)
    bad[pos] ^= mask
    return bytes(bad)


def test_every_flipped_byte_of_a_bundle_and_a_receipt_says_damaged(world):
    station = world.stations["长庆站"]
    before = snapshot(world.district), snapshot(station)
    cases = [(world.bundle, world.deliver), (world.receipt, lambda d: receipts.apply_receipt(station, d))]
    for data, fn in cases:
        assert len(data) < 20_000
        for pos in range(len(data)):
            key, text = _key(fn, _flip(data, pos, 0xFF))
            assert key == "sync.damaged", (pos, key)
            assert "已损坏或被改动过" in text
    assert (snapshot(world.district), snapshot(station)) == before


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_single_byte_change_says_damaged(world, data):
    station = world.stations["长庆站"]
    which = data.draw(st.sampled_from(["bundle", "receipt"]))
    raw = world.bundle if which == "bundle" else world.receipt
    fn = world.deliver if which == "bundle" else (lambda d: receipts.apply_receipt(station, d))
    pos = data.draw(st.integers(0, len(raw) - 1))
    mask = data.draw(st.integers(1, 255))
    assert _key(fn, _flip(raw, pos, mask))[0] == "sync.damaged"


def test_every_cut_of_a_bundle_and_a_receipt_says_incomplete(world):
    station = world.stations["长庆站"]
    for data, fn in [(world.bundle, world.deliver), (world.receipt, lambda d: receipts.apply_receipt(station, d))]:
        for n in range(1, len(data)):
            key, text = _key(fn, data[:n])
            assert key == "sync.truncated", (n, key)
            assert "不完整（可能没有拷贝完）" in text


def test_intact_files_still_apply(world):
    world.deliver(world.bundle)
    receipts.apply_receipt(world.stations["长庆站"], world.receipt)
