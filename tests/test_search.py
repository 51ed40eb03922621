"""Search as helpers type: address text, rooms, names, phones and the pinyin of names."""

from liftdesk.places import registry, search
from liftdesk.people import ownership
from liftdesk.store import records


def _rooms(store, query):
    return [(h.address.building, h.room) for h in search.search_households(store, query)]


def test_address_text_finds_the_room_in_that_building_only(store, unit):
    estate = store.db.execute("SELECT id FROM estate").fetchone()[0]
    other = registry.add_unit(store, registry.add_building(store, estate, "16幢", 6), "1单元")
    registry.quick_create_households(store, other, 6, 2, "50")
    assert _rooms(store, "遥祥寺巷小区 6幢 201") == [("6幢", "201")]  # "6幢" is a name: not "16幢"
    assert _rooms(store, "遥祥寺巷小区 16幢 201室") == [("16幢", "201")]
    assert _rooms(store, "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元 602") == [("6幢", "602")]
    assert len(_rooms(store, "遥祥寺巷 201")) == 2
    assert len(_rooms(store, "遥祥寺巷小区 6幢")) == 12
    assert _rooms(store, "别的小区 201") == []


def test_pinyin_initials_and_spelling_find_owners_and_follow_renames(store, unit):
    rows = registry.unit_households(store, unit)
    ownership.set_owners(store, rows[2].id, ["黄杞财"], "13812345678")
    ownership.set_owners(store, rows[5].id, ["单雄信"], "")
    for query in ("hqc", "HQC", "huangqicai", "qicai", "遥祥寺巷 hqc"):
        assert _rooms(store, query) == [("6幢", "201")], query
    assert _rooms(store, "sxx") == _rooms(store, "dxx") == [("6幢", "302")]  # 单 read shan or dan
    assert _rooms(store, "hqc 602") == []
    person = store.db.execute("SELECT id FROM person WHERE name = '黄杞财'").fetchone()[0]
    records.update(store, "person", person, {"name": "王芳"})
    # the old keys are gone in the same transaction as the rename (a purged name leaves nothing)
    assert store.db.execute("SELECT count(*) FROM search_doc WHERE person_id = ?", [person]).fetchone()[0] == 0
    assert _rooms(store, "hqc") == []
    assert _rooms(store, "wf") == [("6幢", "201")]


def test_names_phones_and_rooms_still_work(store, unit):
    rows = registry.unit_households(store, unit)
    ownership.set_owners(store, rows[0].id, ["李美玲", "王建国"], "13900001111")
    assert _rooms(store, "美玲") == [("6幢", "101")]
    assert _rooms(store, "0001111") == [("6幢", "101")]
    assert _rooms(store, "王建国 101") == [("6幢", "101")]
    assert len(_rooms(store, "101")) == 1 and len(_rooms(store, "1")) == 0


def test_pinyin_keys():
    assert search.pinyin_keys("黄杞财") == ("hqc", "huangqicai")
    initials, full = search.pinyin_keys("曾国藩")
    assert "zgf" in initials.split("|") and "zengguofan" in full.split("|")
    assert search.pinyin_keys("") == ("", "")
