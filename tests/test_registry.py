import pytest

from liftdesk.places import places, registry, search
from liftdesk.people import ownership
from liftdesk.history import recycle
from liftdesk.errors import ValidationError
from liftdesk.i18n import set_language
from liftdesk.common.units import format_area, parse_area

from .conftest import change_count


def test_area_parsing_is_exact_and_strict():
    assert parse_area("63.5") == 6350
    assert parse_area("63.50㎡") == 6350
    assert parse_area(" 100 ") == 10000
    assert format_area(6350) == "63.50"
    for bad in ("0", "-5", "abc", "12.345", "", "nan", "inf"):
        with pytest.raises(ValidationError):
            parse_area(bad)


def test_quick_create_numbers_rooms_by_floor(store, unit):
    rows = registry.unit_households(store, unit)
    assert [r.room for r in rows] == ["101", "102", "201", "202", "301", "302", "401", "402", "501", "502", "601", "602"]
    assert {r.floor for r in rows} == set(range(1, 7))


@pytest.mark.parametrize("field,value,message", [
    ("area", "-3", "面积"), ("area", "0", "面积"), ("area", "abc", "面积"),
    ("floor", "0", "楼层"), ("floor", "7", "共 6 层"), ("floor", "二", "楼层"),
    ("room", "102", "已有房号"), ("room", "  ", "房号不能为空"), ("occupancy", "借住", "居住情况"),
])
def test_bad_household_edits_are_refused_in_chinese_and_change_nothing(store, unit, field, value, message):
    first = registry.unit_households(store, unit)[0]
    before = change_count(store)
    with pytest.raises(ValidationError) as err:
        registry.update_household(store, first.id, field, value)
    assert message in str(err.value)
    assert change_count(store) == before
    assert registry.unit_households(store, unit)[0] == first


def test_good_edits_are_logged(store, unit):
    first = registry.unit_households(store, unit)[0]
    registry.update_household(store, first.id, "area", "72.35")
    registry.update_household(store, first.id, "occupancy", "出租")
    row = registry.unit_households(store, unit)[0]
    assert (row.area_x100, row.occupancy) == (7235, "rented")
    log = store.db.execute("SELECT field, old, new FROM change_log WHERE record_id = ? AND op = 'update'",
                           [first.id]).fetchall()
    assert log == [("area_x100", "6000", "7235"), ("occupancy", "owner", "rented")]


def test_bad_new_places_are_refused(store, unit):
    building = store.db.execute("SELECT id FROM building").fetchone()[0]
    estate = store.db.execute("SELECT id FROM estate").fetchone()[0]
    before = change_count(store)
    with pytest.raises(ValidationError, match="名称不能为空"):
        registry.add_unit(store, building, " ")
    with pytest.raises(ValidationError, match="已有名为"):
        registry.add_unit(store, building, "1单元")
    with pytest.raises(ValidationError, match="楼层数"):
        registry.add_building(store, estate, "7幢", 0)
    with pytest.raises(ValidationError, match="已有房号"):
        registry.add_household(store, unit, "101", 1, "50")
    with pytest.raises(ValidationError, match="楼层"):
        registry.add_household(store, unit, "701", 7, "50")
    with pytest.raises(ValidationError, match="已有房号"):
        registry.quick_create_households(store, unit, 2, 2)
    with pytest.raises(ValidationError, match="在 6 层"):
        registry.set_building_floors(store, building, 5)
    assert change_count(store) == before


def test_errors_read_in_english_when_chosen(store, unit):
    set_language("en")
    first = registry.unit_households(store, unit)[0]
    with pytest.raises(ValidationError) as err:
        registry.update_household(store, first.id, "floor", "9")
    assert "between 1 and 6" in str(err.value)


def test_owners_people_and_co_owners(store, unit):
    a, b = registry.unit_households(store, unit)[:2]
    ownership.set_owners(store, a.id, ["黄杞财", "李美玲"], "13812341234")
    ownership.set_owners(store, b.id, ["黄杞财"], "13812341234")  # same person owns two flats
    assert store.db.execute("SELECT count(*) FROM person WHERE name = '黄杞财'").fetchone()[0] == 1
    row = registry.unit_households(store, unit)[0]
    assert row.owners == "黄杞财、李美玲"


def test_addresses_resolve_and_list(store, unit):
    assert places.resolve_unit(store, "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元") == unit
    assert str(places.unit_address(store, unit)) == "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元"
    for bad in ("", "长庆街道//6幢", "a/b/c/d/e/f"):
        with pytest.raises(ValidationError, match="格式不对"):
            places.resolve(store, bad)
    with pytest.raises(ValidationError, match="“7幢”不存在"):
        places.resolve(store, "长庆街道/王马社区/遥祥寺巷小区/7幢/1单元")
    listing = places.list_units(store, "长庆街道/王马社区")
    assert [(u.households, u.address.unit) for u in listing] == [(12, "1单元")]


def test_tree_children_in_natural_order(store, unit):
    building = store.db.execute("SELECT estate_id FROM building").fetchone()[0]
    registry.add_building(store, building, "10幢", 6)
    registry.add_building(store, building, "2幢", 6)
    names = [n.name for n in places.children(store, "estate", building)]
    assert names == ["2幢", "6幢", "10幢"]
    streets = places.children(store, "district", None)
    assert streets[0].name == "长庆街道" and streets[0].has_children


def test_search_by_room_name_and_phone(store, unit):
    h = registry.unit_households(store, unit)[3]
    ownership.set_owners(store, h.id, ["黄杞财"], "13812345678")
    assert [x.room for x in search.search_households(store, "杞财")] == [h.room]
    assert [x.room for x in search.search_households(store, "2345678")] == [h.room]
    assert [x.room for x in search.search_households(store, "202")] == ["202"]
    assert search.search_households(store, "202 遥祥寺巷")[0].address.unit == "1单元"
    assert search.search_households(store, "202 别的小区") == []
    assert search.search_households(store, "  ") == []


def test_recycle_bin_deletes_and_restores(store, unit):
    h = registry.unit_households(store, unit)[0]
    recycle.delete(store, "household", h.id)
    assert h.id not in {r.id for r in registry.unit_households(store, unit)}
    items = recycle.list_deleted(store)
    assert [(i.table, i.label) for i in items] == [("household", "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元/101")]
    recycle.restore(store, "household", h.id)
    assert h.id in {r.id for r in registry.unit_households(store, unit)}
    assert recycle.list_deleted(store) == []


def test_restore_refused_when_room_was_reused_or_parent_deleted(store, unit):
    h = registry.unit_households(store, unit)[0]
    recycle.delete(store, "household", h.id)
    registry.add_household(store, unit, "101", 1, "55")
    with pytest.raises(ValidationError, match="已有房号"):
        recycle.restore(store, "household", h.id)
    other = registry.unit_households(store, unit)[1]
    recycle.delete(store, "household", other.id)
    recycle.delete(store, "unit", unit)
    with pytest.raises(ValidationError, match="单元已在回收站"):
        recycle.restore(store, "household", other.id)
    recycle.restore(store, "unit", unit)
    recycle.restore(store, "household", other.id)


def test_counts_leave_out_what_lies_under_a_place_in_the_recycle_bin(store, unit):
    """A building in the bin takes its units and households out of the home page's counts."""
    from liftdesk.history import recycle, undo
    from liftdesk.places import places

    before = places.counts(store)
    building = store.db.execute("SELECT building_id FROM unit WHERE id = ?", [unit]).fetchone()[0]
    recycle.delete_place(store, "building", building)
    after = places.counts(store)
    assert (after["buildings"], after["units"], after["households"]) == \
        (before["buildings"] - 1, before["units"] - 1, before["households"] - 12)
    undo.undo(store)
    assert places.counts(store) == before
