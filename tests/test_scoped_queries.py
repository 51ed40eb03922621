"""Queries scoped to what is shown (#24 item 5): all-unit verdicts streamed street by street give
exactly the verdicts computed over the whole file at once; the current stage by a seek per
project gives the stages the window over every stage event gave; the funnel's lists per page."""


import pytest

from liftdesk.consent import evaluation
from liftdesk.places import places
from liftdesk.reports import stats
from liftdesk.store import open_store


def _all_at_once(store, mode):
    """The verdicts as they were computed before: every household of the file in one pass."""
    setting = evaluation.district_rule(store)
    rule = evaluation.load_rule(setting.rule)
    units = places.list_units(store)
    by_unit = evaluation.load_ballots(store, "1", [], mode, setting.written_only,
                                      unit_names=setting.scope == "building")
    verdicts = evaluation._verdicts(store, [(u.id, u.address, u.project) for u in units], by_unit, rule, mode,
                                    setting.scope)
    assert [v.households for v in verdicts] == [u.households for u in units]  # the listing's own counts
    evaluation._attach_people(store, [v.verdict for v in verdicts], shown_only=True)
    return verdicts


def _seen(verdicts):
    return [(v.unit_id, v.status, v.households, v.project, v.verdict.shortfall_text, v.verdict.as_json())
            for v in verdicts]


@pytest.mark.parametrize("scope", ["unit", "building"])
def test_streamed_verdicts_are_the_verdicts_of_the_whole_file(small_district, scope):
    store = open_store(small_district)
    try:
        if scope == "building":
            evaluation.set_district_rule(store, evaluation.district_rule(store).rule, "building", False)
        streets = store.db.execute("SELECT count(*) FROM street WHERE deleted = 0").fetchone()[0]
        assert streets > 1
        for mode in (evaluation.LEGAL, evaluation.FORECAST):
            before = _seen(_all_at_once(store, mode))
            streamed = evaluation.iter_verdicts(store, mode=mode)
            assert not isinstance(streamed, list)  # a generator: one street at a time
            after = _seen(streamed)
            assert len(after) == len(before) > 50 and after == before
            assert {s for s, *_ in _seen(evaluation.verdicts_under(store, mode=mode))} == {s for s, *_ in before}
    finally:
        store.close()


WINDOW = """SELECT project_id, stage FROM (
    SELECT project_id, stage, row_number() OVER (PARTITION BY project_id ORDER BY on_date DESC, hlc DESC) AS rn
    FROM stage_event WHERE deleted = 0) WHERE rn = 1"""


def test_the_current_stage_by_a_seek_per_project_is_the_windowed_one(small_district):
    store = open_store(small_district, readonly=True)
    try:
        windowed = dict(store.db.execute(WINDOW).fetchall())
        shown = {u.id: u.stage for u in places.list_units(store)}
        by_unit = dict(store.db.execute("SELECT unit_id, id FROM project WHERE deleted = 0 AND unit_id IS NOT NULL"))
        assert len(windowed) > 10
        assert {u: shown[u] for u in by_unit if u in shown} == {u: windowed.get(p) for u, p in by_unit.items() if u in shown}
        plan = " ".join(r[-1] for r in store.db.execute(
            f"EXPLAIN QUERY PLAN SELECT u.id, {places.current_stage_sql('p.id')} FROM unit u"
            " LEFT JOIN project p ON p.unit_id = u.id").fetchall())
        assert "stage_event" in plan and "USING INDEX" in plan and "SCAN se" not in plan
        names = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "idx_13_stage_event" not in names and "idx_stage_event_project_id_on_date" in names
    finally:
        store.close()


def test_the_funnels_lists_are_computed_a_page_at_a_time(small_district):
    store = open_store(small_district, readonly=True)
    try:
        funnel = stats.funnel(store)
        ids = [i for v in funnel.ids["eligible"].values() for i in v]
        assert len(ids) > 30
        whole = stats.funnel_items(store, "eligible", ids)
        pages = [stats.funnel_items(store, "eligible", ids, offset=o, limit=20) for o in range(0, len(ids), 20)]
        assert all(len(p) <= 20 for p in pages) and [i for p in pages for i in p] == whole
        projects = [i for v in funnel.ids["group"].values() for i in v]
        assert stats.funnel_items(store, "group", projects, limit=5) == stats.funnel_items(store, "group", projects)[:5]
    finally:
        store.close()


def test_streamed_verdicts_drop_forms_a_material_plan_change_made_stale(small_district):
    """The stream asks once which units have a materially changed plan and skips the per-form
    staleness test elsewhere: a unit whose plan changed must still lose its old signed forms."""
    from liftdesk.projects import liftplan

    store = open_store(small_district)
    try:
        unit_id, project = store.db.execute(
            "SELECT pr.unit_id, pr.id FROM project pr JOIN household h ON h.unit_id = pr.unit_id"
            " JOIN position p ON p.household_id = h.id AND p.deleted = 0 AND p.written = 1 AND p.position = 'support'"
            " WHERE pr.deleted = 0 GROUP BY pr.id ORDER BY count(*) DESC, pr.id LIMIT 1").fetchone()
        agreeing = {v.unit_id: v.verdict.totals["agreeing_area"] for v in evaluation.iter_verdicts(store)}
        assert agreeing[unit_id] > 0
        liftplan.add_version(store, project, summary="改为平层入户", change_note="居民要求平层", material=True)
        streamed = {v.unit_id: v for v in evaluation.iter_verdicts(store)}
        assert streamed[unit_id].verdict.totals["agreeing_area"] < agreeing[unit_id]
        assert _seen(streamed.values()) == _seen(_all_at_once(store, evaluation.LEGAL))
        alone = evaluation.unit_verdict(store, unit_id)
        assert streamed[unit_id].verdict.totals == alone.totals
    finally:
        store.close()


def test_streamed_verdicts_drop_the_words_of_owners_who_sold(small_district):
    """The stream asks once which units had a flat sold and skips the per-position test elsewhere:
    a sold flat's old owner's position must still stop counting."""
    from liftdesk.people import ownership

    store = open_store(small_district)
    try:
        unit_id, household = store.db.execute(
            "SELECT h.unit_id, h.id FROM household h JOIN position p ON p.household_id = h.id AND p.deleted = 0"
            " AND p.position = 'support' WHERE h.deleted = 0 ORDER BY h.id LIMIT 1").fetchone()
        agreeing = {v.unit_id: v.verdict.totals["agreeing_area"] for v in evaluation.iter_verdicts(store)}
        assert agreeing[unit_id] > 0
        ownership.transfer(store, household, ["新业主甲"], "2024-01-02")
        streamed = {v.unit_id: v for v in evaluation.iter_verdicts(store)}
        assert streamed[unit_id].verdict.totals["agreeing_area"] < agreeing[unit_id]
        assert _seen(streamed.values()) == _seen(_all_at_once(store, evaluation.LEGAL))
        assert streamed[unit_id].verdict.totals == evaluation.unit_verdict(store, unit_id).totals
    finally:
        store.close()


def _varied(store):
    """Give a few units of the small district every case the stream folds in: two same-day signed
    forms of one owner (one from an undated roster row), an owner's and a co-owner's disagreeing
    forms, a tenant's word only, a flat the lift occupies, a flat owned jointly with a buyer of the
    next flat, a sale after a vote, and a material plan change after signed forms."""
    from liftdesk.consent import positions
    from liftdesk.people import ownership
    from liftdesk.places import household_facts
    from liftdesk.projects import liftplan

    rows = store.db.execute(
        "SELECT h.unit_id, h.id, pr.id FROM household h JOIN project pr ON pr.unit_id = h.unit_id AND pr.deleted = 0"
        " WHERE h.deleted = 0 ORDER BY h.unit_id, h.room").fetchall()
    units = sorted({u for u, _, _ in rows})[:3]
    flats = {u: [h for uu, h, _ in rows if uu == u] for u in units}
    project = {u: p for u, _, p in rows}
    a, b, c = units
    day = "2024-03-05"
    positions.record_position(store, flats[a][0], "support", on_date=day, method="written", written=True)
    positions.record_position(store, flats[a][0], "oppose", on_date=day, method="roster", written=True)
    positions.record_position(store, flats[a][1], "support", on_date=day, method="written", written=True)
    positions.record_position(store, flats[a][1], "oppose", on_date=day, method="written", written=True,
                              respondent="co-owner")
    positions.record_position(store, flats[a][2], "support", on_date=day, respondent="tenant")
    household_facts.set_facts(store, flats[a][3], occupied=True)
    buyer = ownership.add_person(store, "两套房业主")
    ownership.add_owner(store, flats[a][4], buyer)
    ownership.add_owner(store, flats[a][5], buyer)
    positions.record_position(store, flats[b][0], "support", on_date="2024-01-02", method="written", written=True)
    ownership.transfer(store, flats[b][0], ["新业主乙"], "2024-02-01")
    positions.record_position(store, flats[c][0], "support", on_date="2024-01-02", method="written", written=True)
    liftplan.add_version(store, project[c], summary="改为平层入户", change_note="居民要求平层", material=True)
    return units


def _as_one_unit_sees(streamed, alone):
    """The streamed verdict with what only the one-unit page adds: every voter's name (the stream
    names the few its shortfall text shows) and the forms an older plan made stale (shown apart)."""
    streamed.people = alone.people
    alone.stale = None
    return streamed.as_json()


def test_streamed_verdicts_are_the_one_unit_verdicts_for_every_rule_mode_and_scope(small_district):
    """Every unit's streamed verdict equals the one it gets alone (unit_verdict), on a district with
    every case the stream's per-street query folds in: the overview never says other than the unit page."""
    from liftdesk.consent.rules import available_rules

    store = open_store(small_district)
    try:
        varied = _varied(store)
        listing = {u.id: u for u in places.list_units(store)}
        cases = [(rule, mode) for rule in available_rules() for mode in (evaluation.LEGAL, evaluation.FORECAST)]
        for scope in ("unit", "building"):
            if scope == "building":
                evaluation.set_district_rule(store, evaluation.district_rule(store).rule, "building", True)
                cases = [(None, evaluation.LEGAL), (None, evaluation.FORECAST)]
            for rule, mode in cases:
                seen = 0
                for uv in evaluation.iter_verdicts(store, rule_id=rule, mode=mode):
                    alone = evaluation.unit_verdict(store, uv.unit_id, rule, mode)
                    assert _as_one_unit_sees(uv.verdict, alone) == alone.as_json(), (scope, rule, mode, uv.unit_id)
                    assert (uv.address, uv.households, uv.project) == (
                        listing[uv.unit_id].address, listing[uv.unit_id].households, listing[uv.unit_id].project)
                    seen += 1
                assert seen == len(listing) > 50
        shown = {uv.unit_id: uv.verdict for uv in evaluation.iter_verdicts(store)}
        assert [b.forms for v in shown[varied[0]].conflicts for b in v.flats] == [(
            ("2024-03-05", "owner", "support"), ("2024-03-05", "co-owner", "oppose"))]  # the undated oppose never counts
    finally:
        store.close()


def test_the_streams_ballots_carry_every_owner_of_each_flat(small_district):
    """The per-street query brings a flat's owners one row each: every ballot carries exactly the
    flat's live owners (a flat owned jointly with the buyer of the next flat included)."""
    store = open_store(small_district)
    try:
        _varied(store)
        owners: dict[str, set] = {}
        for household, person in store.db.execute("SELECT household_id, person_id FROM ownership WHERE deleted = 0"):
            owners.setdefault(household, set()).add(person)
        ballots = evaluation.load_ballots(store, "1", [], evaluation.LEGAL, True)
        flats = [b for group in ballots.values() for b in group]
        assert len(flats) > 300 and sum(len(b.owners) > 1 for b in flats) >= 2
        assert all(b.owners == tuple(sorted(owners.get(b.household_id, ()))) for b in flats)
    finally:
        store.close()


def test_the_stream_leaves_the_collector_on_read_through_or_dropped_half_read(small_district):
    """The cyclic collector is off while a street's verdicts are made and handed out, and on again
    once the stream is read through, or dropped half-read."""
    import gc

    store = open_store(small_district)
    try:
        assert gc.isenabled()
        assert len(list(evaluation.iter_verdicts(store))) > 50 and gc.isenabled()
        stream = evaluation.iter_verdicts(store)
        next(stream)
        assert not gc.isenabled()
        del stream  # dropped half-read: closed, and the collector is back
        assert gc.isenabled()
    finally:
        gc.enable()
        store.close()
