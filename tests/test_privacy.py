"""Residents' personal data: masked ID numbers, erasure on request, owner-only files."""

import json
import os
import stat
import sys

import pytest
from hypothesis import given, settings, strategies as st

from liftdesk.consent import evaluation, positions
from liftdesk.people import erasure, privacy
from liftdesk.places import registry
from liftdesk.people import ownership
from liftdesk.history import undo
from liftdesk.errors import LiftDeskError
from liftdesk.store import open_store

from .test_cli_and_demo import cli

NAME, PHONE, ID_NUMBER = "欧阳青芷", "13987654321", "33010519500101123X"


# ---- ID numbers ----------------------------------------------------------------------------------

def test_an_id_number_is_kept_masked_and_still_finds_the_person(store):
    pid = ownership.add_person(store, NAME, PHONE, ID_NUMBER)
    kept = store.db.execute("SELECT id_ref FROM person WHERE id = ?", [pid]).fetchone()[0]
    assert kept.endswith("****123X") and "330105" not in kept and privacy.is_masked(kept)
    assert privacy.display_id_ref(kept) == "****123X"
    assert ownership.find_person(store, "别的名字", "", " 33010519500101123x ") == pid
    assert ownership.find_person(store, "别的名字", "", "330105195001011230") is None
    # the change log holds only what the record holds
    assert ID_NUMBER not in json.dumps([list(r) for r in store.db.execute("SELECT * FROM change_log")])


def test_a_station_that_keeps_whole_numbers_keeps_them_and_still_matches_masked_ones(store):
    old = ownership.add_person(store, NAME, PHONE, ID_NUMBER)
    privacy.set_id_policy(store, "full")
    assert ownership.find_person(store, NAME, "", ID_NUMBER) == old
    new = ownership.add_person(store, "另一人", "", "110101198001010011")
    assert store.db.execute("SELECT id_ref FROM person WHERE id = ?", [new]).fetchone()[0] == "110101198001010011"


def test_the_salt_is_per_database(tmp_path):
    a, b = open_store(tmp_path / "a.db"), open_store(tmp_path / "b.db")
    assert privacy.masked_id_ref(a, ID_NUMBER) != privacy.masked_id_ref(b, ID_NUMBER)
    a.close(), b.close()


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="0123456789X", min_size=5, max_size=18), st.text(alphabet="0123456789X", min_size=5, max_size=18))
def test_masked_form_shows_only_the_last_four_and_tells_numbers_apart(a, b):
    store = open_store(None)
    ka, kb = privacy.masked_id_ref(store, a), privacy.masked_id_ref(store, b)
    assert privacy.display_id_ref(ka) == "****" + a[-4:]
    assert (ka == kb) == (a == b)
    assert privacy.masked_id_ref(store, a) == ka and privacy.kept_id_ref(store, ka) == ka
    store.close()


def test_the_proxy_form_prints_what_is_kept(store, unit, tmp_path):
    h = registry.unit_households(store, unit)[0]
    ownership.add_owner(store, h.id, ownership.add_person(store, NAME, PHONE, ID_NUMBER))
    from liftdesk.documents.context import unit_context  # noqa: PLC0415

    ctx = unit_context(store, unit, "proxy-form")
    assert ctx.id_refs[h.id] == "****123X"


# ---- erasure -------------------------------------------------------------------------------------

def _resident(store, unit):
    households = registry.unit_households(store, unit)
    pid = ownership.add_person(store, NAME, PHONE, ID_NUMBER)
    for h in households[:2]:
        ownership.add_owner(store, h.id, pid)
        positions.record_position(store, h.id, "支持", respondent="owner", respondent_name=NAME, written=True,
                                  method="written")
    ownership.set_owner_phone(store, households[0].id, "13987650000")  # an older phone in the history
    return pid, households


def _everything(store) -> str:
    """Every value of every table, the change log included."""
    out = []
    for (table,) in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        out += [repr(r) for r in store.db.execute(f"SELECT * FROM [{table}]")]
    return "\n".join(out)


def test_purge_erases_name_phone_and_id_everywhere_and_keeps_the_counts(store, unit, db_path):
    pid, households = _resident(store, unit)
    other = ownership.add_person(store, "邻居甲", "13700001111")
    ownership.add_owner(store, households[2].id, other)
    before = evaluation.unit_verdict(store, unit)
    log_before = store.db.execute("SELECT count(*) FROM change_log").fetchone()[0]
    assert NAME in _everything(store)

    report = erasure.purge_person(store, pid)

    everything = _everything(store)
    for secret in (NAME, PHONE, "13987650000", ID_NUMBER, "****123X", ID_NUMBER[:6]):
        assert secret not in everything, secret
    assert "邻居甲" in everything and "13700001111" in everything  # others untouched
    person = store.db.execute("SELECT name, phone, id_ref, deleted FROM person WHERE id = ?", [pid]).fetchone()
    assert person == (erasure.PURGED_NAME, "", "", 0)
    after = evaluation.unit_verdict(store, unit)
    assert after == before  # counts, areas and the verdict are unchanged
    assert store.db.execute("SELECT count(*) FROM change_log").fetchone()[0] == log_before + 3
    purge = store.db.execute("SELECT op, field, old, new, actor FROM change_log ORDER BY seq DESC LIMIT 3").fetchall()
    assert sorted(purge) == [("purge", "id_ref", None, "", "tester"), ("purge", "name", None, erasure.PURGED_NAME,
                                                                        "tester"), ("purge", "phone", None, "", "tester")]
    assert report.persons == 1 and report.copies == 2
    with pytest.raises(LiftDeskError):
        erasure.purge_person(store, pid)
    # nothing to undo that would bring the data back
    try:
        undo.undo(store)
    except LiftDeskError:
        pass
    assert NAME not in _everything(store) and PHONE not in _everything(store)

    # the file on disk: old page images are gone too (WAL emptied, freed space zeroed)
    store.close()
    raw = db_path.read_bytes() + (db_path.with_name(db_path.name + "-wal").read_bytes()
                                  if db_path.with_name(db_path.name + "-wal").exists() else b"")
    for secret in (NAME, PHONE, "13987650000", "****123X"):
        assert secret.encode("utf-8") not in raw, secret


def test_purge_follows_a_merged_record_of_the_same_resident(store, unit):
    households = registry.unit_households(store, unit)
    a = ownership.add_person(store, NAME, "")
    b = ownership.add_person(store, NAME, PHONE)
    ownership.add_owner(store, households[0].id, a)
    ownership.add_owner(store, households[1].id, b)
    ownership.merge_persons(store, a, b)
    assert erasure.purge_person(store, a).persons == 2
    assert NAME not in _everything(store) and PHONE not in _everything(store)


def test_purge_clears_the_name_from_the_undo_menu_labels(store, unit):
    from liftdesk.history import actions

    h = registry.unit_households(store, unit)[0]
    with actions.action(store, "action.edit_household", unit_id=unit, room=h.room, name=NAME):
        pid = ownership.add_person(store, NAME, PHONE)
        ownership.add_owner(store, h.id, pid)
    assert NAME in _everything(store)
    erasure.purge_person(store, pid)
    assert NAME not in _everything(store)


def test_purge_cli_is_not_needed_but_an_unknown_person_is_a_clear_error(store):
    with pytest.raises(LiftDeskError):
        erasure.purge_person(store, "no-such-id")


# ---- files readable by the owner only ------------------------------------------------------------

@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_database_export_and_log_are_created_owner_only(small_district, tmp_path):
    os.chmod(small_district, 0o644)
    out = tmp_path / "report.xlsx"
    cli("--db", small_district, "report", "district", "-o", out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    log = tmp_path / "data" / "liftdesk.log"
    assert log.exists() and stat.S_IMODE(log.stat().st_mode) == 0o600
    new_db = tmp_path / "fresh" / "station.db"
    new_db.parent.mkdir()
    roster = tmp_path / "roster.csv"
    roster.write_text("房号,楼层,面积,业主,电话\n101,1,60,张三,13800000001\n", encoding="utf-8")
    cli("--db", new_db, "import-roster", roster, "--unit", "长庆街道/王马社区/遥祥寺巷小区/1幢/1单元", "--create")
    for path in new_db.parent.rglob("*"):  # the database and its backups (the import made one)
        assert stat.S_IMODE(path.stat().st_mode) == (0o700 if path.is_dir() else 0o600), path


def test_a_purge_travels_to_the_district_by_sync(tmp_path):
    from .sync_helpers import World

    world = World(tmp_path)
    station = world.add_station("a")
    h = registry.unit_households(station, world.ids["unit"])[0]
    pid = ownership.add_person(station, NAME, PHONE)
    ownership.add_owner(station, h.id, pid)
    world.deliver(world.export("a"))
    world.send_receipt("a")
    assert world.district.db.execute("SELECT name FROM person WHERE id = ?", [pid]).fetchone()[0] == NAME
    erasure.purge_person(station, pid)
    world.deliver(world.export("a"))
    row = world.district.db.execute("SELECT name, phone, id_ref FROM person WHERE id = ?", [pid]).fetchone()
    assert row == (erasure.PURGED_NAME, "", "")
    world.close()
