"""The demo holds the places the seed articles, the docs and the error messages name (issue #23 item 5)."""

import re

from liftdesk.demo import demo, named
from liftdesk.i18n import MESSAGES
from liftdesk.places import places
from liftdesk.projects import units as project_units
from liftdesk.reports import stats
from liftdesk.reports.published import read_street_table
from liftdesk.store import open_store

from .conftest import NAMED_STREETS

FIRST_LIFT = "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元"


def _open(path):
    return open_store(path, readonly=True)


def test_the_thousandth_lift_is_at_yaoxiangsixiang_6_1_handed_over_in_2023(named_district_db):
    store = _open(named_district_db)
    unit = places.resolve_unit(store, FIRST_LIFT)
    name, stage = places.unit_project(store, unit)
    assert (name, stage) == ("遥祥寺巷小区6幢1单元电梯", "handover")
    rooms = [r[0] for r in store.db.execute("SELECT room FROM household WHERE unit_id = ? AND deleted = 0"
                                            " ORDER BY floor, room", [unit])]
    assert rooms == [f"{f}0{r}" for f in range(1, 7) for r in (1, 2)]  # 101 … 602, as the docs use them
    handed = store.db.execute("SELECT e.on_date FROM stage_event e JOIN project p ON p.id = e.project_id"
                              " WHERE p.unit_id = ? AND e.stage = 'handover'", [unit]).fetchone()[0]
    assert handed.startswith("2023-")
    store.close()


def test_hongsheng_is_one_project_over_four_units_and_xisiyuan_has_units_to_visit(named_district_db):
    store = _open(named_district_db)
    first = places.resolve_unit(store, "长庆街道/王马社区/宏盛公寓/2幢/1单元")
    project = store.db.execute("SELECT id FROM project WHERE unit_id = ?", [first]).fetchone()[0]
    covered = [str(places.unit_address(store, u)) for u in project_units.units_of(store, project)]
    assert covered == [f"长庆街道/王马社区/宏盛公寓/2幢/{n}单元" for n in range(1, 5)]
    assert len(project_units.household_ids(store, project)) == 40
    for n in range(1, 5):
        assert places.unit_project(store, places.resolve_unit(store, f"长庆街道/王马社区/宏盛公寓/2幢/{n}单元"))[1] \
            == "handover"
    for address in ("长庆街道/王马社区/西四苑/1幢/1单元", "长庆街道/王马社区/西四苑/1幢/2单元"):
        assert places.unit_project(store, places.resolve_unit(store, address)) == (None, None)
    store.close()


def test_the_street_still_matches_the_published_table(named_district_db):
    store = _open(named_district_db)
    table = stats.yearly_table(store)
    seed = {row.street: row for row in read_street_table()}
    for row in table.rows:
        assert row.street in NAMED_STREETS
        expected = seed[row.street]
        assert row.total == expected.total and row.under_construction == expected.under_construction
        assert {y: row.by_year.get(y, 0) for y in expected.by_year} == expected.by_year
    store.close()


def test_every_address_a_message_suggests_exists_in_the_demo(named_district_db):
    store = _open(named_district_db)
    suggested = {m for entry in MESSAGES.values() for text in entry.values()
                 for m in re.findall(r"长庆街道/[^\s，。,.;；)）”]+", text)}
    assert FIRST_LIFT in suggested
    for address in suggested:
        places.resolve(store, address)  # raises when the demo lacks it
    store.close()


def test_named_places_are_deterministic(tmp_path, monkeypatch):
    table = [row for row in demo.read_street_table() if row.street == named.STREET]
    monkeypatch.setattr(demo, "read_street_table", lambda: table)
    monkeypatch.setattr(demo, "CANDIDATE_UNITS", 30)
    stores = [open_store(tmp_path / f"{n}.db") for n in "ab"]
    for s in stores:
        demo.generate(s, seed=5)
    query = ("SELECT h.room, h.area_x100, p.name FROM household h JOIN ownership o ON o.household_id = h.id"
             " JOIN person p ON p.id = o.person_id ORDER BY 1, 2, 3")
    a, b = (s.db.execute(query).fetchall() for s in stores)
    assert a == b and len(a) > 300
    for s in stores:
        s.close()
