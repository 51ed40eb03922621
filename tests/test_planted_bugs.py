"""Boundaries that a single planted bug used to slip past: each test here was seen red with the bug
in place and green without it (the bug and the planted change are named in each docstring)."""

from __future__ import annotations

import json
import os
import time
from datetime import datetime, timedelta, timezone

import pytest

from liftdesk.consent.evaluation import evaluate
from liftdesk.consent import positions
from liftdesk.errors import LiftDeskError, ValidationError
from liftdesk.history import actions, undo
from liftdesk.money import funding, payments
from liftdesk.people import erasure
from liftdesk.places import registry
from liftdesk.people import ownership
from liftdesk.projects import meetings, projects
from liftdesk.store import backup
from liftdesk.sync import bundle, crypto, enrol, exchange

from .sync_helpers import World, snapshot
from .test_consent import CIVIL, ballots, crit


# ---- consent: "需达 N 人" rounds up ---------------------------------------------------------------

def test_the_count_needed_is_rounded_up_when_the_threshold_does_not_come_out_whole():
    """Bug: `needed` rounded down (evaluation.py: math.ceil → math.floor)."""
    # 7 households of 60.01 m²: 4 took part (2 for, 2 against), 3 silent.
    v = evaluate(ballots("SSOONNN", 6001), CIVIL)
    owners = crit(v, "participation_owners")
    assert (owners.numerator, owners.denominator, owners.needed) == (4, 7, 5)  # 7 × 2/3 = 4.67 → 5, never 4
    assert owners.words == "参与表决人数 4 / 7 人，需达 2/3（5 人），还差 1 人"
    agree = crit(v, "agreement_owners")
    assert (agree.numerator, agree.denominator, agree.needed) == (2, 4, 3)  # 4 × 3/4 = 3 exactly
    assert agree.words == "同意人数（占参与） 2 / 4 人，需达 3/4（3 人），还差 1 人"
    area = crit(v, "participation_area")
    assert area.needed == 28005  # 420.07 m² × 2/3 = 280.0467 m² → 280.05, never 280.04
    assert area.words == "参与表决面积 240.04 / 420.07 m²，需达 2/3（280.05 m²），还差 40.01 m²"
    assert crit(v, "agreement_area").needed == 18003  # 240.04 × 3/4 = 180.03 exactly
    # needed is the smallest count that meets the rule: one fewer does not
    v5 = evaluate(ballots("SSSSONN", 6001), CIVIL)
    assert crit(v5, "participation_owners").met and crit(v5, "participation_owners").needed == 5
    v4 = evaluate(ballots("SSSONNN", 6001), CIVIL)
    assert not crit(v4, "participation_owners").met


# ---- payments: the boundaries are inclusive ------------------------------------------------------

@pytest.fixture
def owing(store, unit):
    """A project whose flat 601 owes ¥45,882.35; returns (project, household of 601)."""
    project = projects.create_project(store, unit)
    funding.save_funding_plan(store, project, total_fen=56_000_000, subsidy_fen=20_000_000)
    household = store.db.execute("SELECT id FROM household WHERE unit_id = ? AND room = '601'", [unit]).fetchone()[0]
    row = next(b for b in payments.balances(store, project) if b.household_id == household)
    assert row.due_fen == 4_588_235
    return project, household


def _paid(store, project, household):
    return next(b for b in payments.balances(store, project) if b.household_id == household).paid_fen


def test_paying_exactly_what_is_owed_is_accepted_and_one_fen_more_refused(store, owing):
    """Bug: the overpayment check `>` → `>=` (payments.py record_payment)."""
    project, household = owing
    payments.record_payment(store, project, household, 4_000_000, "2024-05-01")
    with pytest.raises(ValidationError) as info:
        payments.record_payment(store, project, household, 588_236, "2024-05-02")  # one fen too much
    assert info.value.key == "payment.overpaid"
    payments.record_payment(store, project, household, 588_235, "2024-05-02")  # exactly the rest
    assert _paid(store, project, household) == 4_588_235
    with pytest.raises(ValidationError) as info:
        payments.record_payment(store, project, household, 1, "2024-05-03")
    assert info.value.key == "payment.overpaid"
    row = next(b for b in payments.balances(store, project) if b.household_id == household)
    assert row.outstanding_fen == 0


def test_refunding_exactly_what_was_paid_is_accepted_and_one_fen_more_refused(store, owing):
    """Bug: the refund check `<` → `<=` (payments.py record_payment)."""
    project, household = owing
    payments.record_payment(store, project, household, 300_000, "2024-05-01")
    with pytest.raises(ValidationError) as info:
        payments.record_payment(store, project, household, -300_001, "2024-05-02", reason="退款")
    assert info.value.key == "payment.refund_exceeds"
    payments.record_payment(store, project, household, -300_000, "2024-05-02", reason="项目取消，全额退回")
    assert _paid(store, project, household) == 0
    with pytest.raises(ValidationError) as info:
        payments.record_payment(store, project, household, -1, "2024-05-03", reason="退款")
    assert info.value.key == "payment.refund_exceeds"


# ---- sync: both station keys are pinned; a bundle stays inside its declared range -----------------

@pytest.fixture
def world(tmp_path):
    w = World(tmp_path)
    w.add_station("长庆站")  # delivered once: the district has pinned its keys
    yield w
    w.close()


def _bundle_as(world, station: dict, signer: crypto.KeyPair, **manifest) -> bytes:
    m = {"district_key": world.public.key_id, "station": station, "file_no": 5, "seq_after": 0,
         "seq_upto": 0, "counts": {}, "changes": 0, "created_at": "x", "district_hlc_seen": ""}
    m.update(manifest)
    return bundle.pack("bundle", m, {"changes": manifest.pop("rows", [])}, signer, world.public.box_public,
                       world.public.key_id)


def _refused(world, data: bytes, key: str) -> LiftDeskError:
    before = snapshot(world.district)
    with pytest.raises(LiftDeskError) as info:
        world.deliver(data)
    assert info.value.key == key
    assert snapshot(world.district) == before
    return info.value


def test_a_changed_signing_key_alone_is_refused(world):
    """Bug: check_station compares only the box key (enrol.py: drop `known.sign_key != …`)."""
    me = enrol.station_identity(world.stations["长庆站"])
    new = crypto.KeyPair.generate()
    station = dict(me.manifest(), sign_key=new.sign_public.hex())  # same box key, new signing key
    assert station["box_key"] == me.keys.box_public.hex()
    _refused(world, _bundle_as(world, station, new), "sync.station_key_changed")


def test_a_changed_box_key_alone_is_refused(world):
    """Bug: check_station compares only the signing key (enrol.py: drop `known.box_key != …`)."""
    me = enrol.station_identity(world.stations["长庆站"])
    new = crypto.KeyPair.generate()
    station = dict(me.manifest(), box_key=new.box_public.hex())  # same signing key, new box key
    _refused(world, _bundle_as(world, station, me.keys), "sync.station_key_changed")
    # the unchanged station still gets through
    assert world.deliver(_bundle_as(world, me.manifest(), me.keys, file_no=6)).station_id == me.station_id


def test_a_bundle_with_changes_outside_its_declared_range_is_refused(world):
    """Bug: import_bundle's `seq_after < seq <= seq_upto` check removed (exchange.py)."""
    s = world.stations["长庆站"]
    registry.update_household(s, world.ids["households"][0], "area", "66")
    data = world.export("长庆站")
    me = enrol.station_identity(s)
    m = bundle.read_header(data)[0]["manifest"]
    rows = exchange.open_bundle(world.district, data, world.keys).payload["changes"]
    seqs = [r[0] for r in rows]
    assert rows and m["seq_after"] < min(seqs) and max(seqs) <= m["seq_upto"]

    def forged(after, upto, file_no):
        body = dict(m, seq_after=after, seq_upto=upto, file_no=file_no)
        return bundle.pack("bundle", body, {"changes": rows}, me.keys, world.public.box_public, world.public.key_id)

    # a range that ends before its changes (it would mark them received and the rest never asked for)
    _refused(world, forged(m["seq_after"], min(seqs) - 1, 40), "sync.damaged")
    # a range that starts after its changes (going backwards over what it carries)
    _refused(world, forged(max(seqs), max(seqs) + 5, 41), "sync.damaged")
    assert world.district.db.execute("SELECT count(*) FROM sync_file WHERE file_no IN (40, 41)").fetchone()[0] == 0
    # the honest file is accepted
    assert world.deliver(data).counts.updated == 1


# ---- backups: exact thinning, and "today" is the local day ---------------------------------------

def test_keep_set_keeps_exactly_the_newest_recent_and_one_per_day():
    """Bug: thinning off by one (backup.py keep_set: `ordered[:recent]` → `[:recent + 1]`/`[:recent - 1]`,
    or `len(seen) == count` → `count ± 1`)."""
    days = [datetime(2026, 3, 2, tzinfo=timezone.utc) + timedelta(days=d) for d in range(10)]
    taken = [d + timedelta(hours=h) for d in days for h in (9, 10, 11, 12, 13)]
    keep = backup.keep_set(taken, recent=3, daily=4, weekly=0, monthly=0)
    last = days[-1]
    expected = {last + timedelta(hours=13), last + timedelta(hours=12), last + timedelta(hours=11),
                *(d + timedelta(hours=13) for d in days[-4:-1])}
    assert keep == expected and len(keep) == 6
    assert len(backup.keep_set(taken, recent=1, daily=1, weekly=0, monthly=0)) == 1
    assert len(backup.keep_set(taken, recent=5, daily=10, weekly=0, monthly=0)) == 5 + 9


def test_thinning_leaves_exactly_the_kept_backup_files(store, unit, db_path):
    """Bug: thin keeps one too many or too few (backup.py thin: `recent=keep` ± 1)."""
    start = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)  # a Monday: three days of one ISO week and month
    for day in range(3):
        for hour in range(4):
            backup.make_backup(db_path, "daily", now=start + timedelta(days=day, hours=hour), keep=2, second=False)
    kept = [b.taken_at for b in backup.list_backups(db_path)]
    # the newest two, plus the newest of each of the two earlier days
    assert kept == [start + timedelta(days=2, hours=3), start + timedelta(days=2, hours=2),
                    start + timedelta(days=1, hours=3), start + timedelta(hours=3)]


@pytest.fixture
def shanghai():
    """The process's local zone is UTC+8 for the test (and put back afterwards)."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


def test_the_daily_backup_is_due_once_per_local_day(shanghai, store, unit, db_path):
    """Bug: daily_due compares UTC dates (backup.py: `.astimezone().date()` → `.date()`)."""
    # 23:30 UTC on 1 March is 07:30 on 2 March in Shanghai; at 08:00 local it is already today's backup
    backup.make_backup(db_path, "start", now=datetime(2026, 3, 1, 23, 30, tzinfo=timezone.utc), second=False)
    assert not backup.daily_due(db_path, now=datetime(2026, 3, 2, 0, 0, tzinfo=timezone.utc))
    assert backup.backup_if_due(db_path, now=datetime(2026, 3, 2, 0, 0, tzinfo=timezone.utc)) is None
    # 16:30 UTC on 2 March is 00:30 on 3 March locally: a new local day though still 2 March in UTC
    assert backup.daily_due(db_path, now=datetime(2026, 3, 2, 16, 30, tzinfo=timezone.utc))


# ---- undo: several changes of one field inside one action ----------------------------------------

def test_undo_of_a_field_changed_twice_in_one_action_restores_the_first_value(store, unit):
    """Bug: undo reverses an action's changes in forward order (undo.py _reverse: drop `reversed(...)`)."""
    household = registry.unit_households(store, unit)[0].id
    with actions.action(store, "action.edit_household", room="101", field="面积", unit_id=unit):
        registry.update_household(store, household, "area", "65")  # A=60 → B=65
        registry.update_household(store, household, "area", "70")  # B → C=70
    undo.undo(store)
    assert registry.unit_households(store, unit)[0].area_x100 == 6000
    undo.redo(store)
    assert registry.unit_households(store, unit)[0].area_x100 == 7000


# ---- erasure: attendance and group seats ---------------------------------------------------------

NAME, PHONE = "欧阳青芷", "13987654321"


def _everything(store) -> str:
    out = []
    for (table,) in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        out += [repr(r) for r in store.db.execute(f"SELECT * FROM [{table}]")]
    return "\n".join(out)


def test_erasure_reaches_meeting_attendance_and_preparation_group_seats(store, unit):
    """Bug: the purge skips attendance or group_member (erasure.py NAME_COPIES: drop one entry)."""
    h = registry.unit_households(store, unit)[0]
    pid = ownership.add_person(store, NAME, PHONE)
    ownership.add_owner(store, h.id, pid)
    project = projects.create_project(store, unit)
    member = meetings.add_member(store, project, NAME, "组长", "2024-03-01", household_id=h.id)
    meeting = meetings.add_meeting(store, project, "survey", "2024-03-05 19:00", "2024-03-05 21:00", place="活动室")
    attendee = meetings.add_attendee(store, meeting, "owner", household_id=h.id, name=NAME)
    meetings.update_member(store, member, NAME, "副组长", "2024-03-01")  # the name in an edit's log row too
    neighbour = registry.unit_households(store, unit)[1]
    meetings.add_attendee(store, meeting, "owner", household_id=neighbour.id, name="邻居甲")
    positions.record_position(store, h.id, "支持", respondent="owner", respondent_name=NAME, written=True,
                              method="written")
    assert NAME in _everything(store)

    report = erasure.purge_person(store, pid)

    assert store.db.execute("SELECT name FROM attendance WHERE id = ?", [attendee]).fetchone()[0] == erasure.PURGED_NAME
    assert store.db.execute("SELECT name FROM group_member WHERE id = ?", [member]).fetchone()[0] == erasure.PURGED_NAME
    for table, record in (("attendance", attendee), ("group_member", member)):
        logged = json.dumps(store.db.execute("SELECT old, new FROM change_log WHERE tbl = ? AND record_id = ?",
                                             [table, record]).fetchall(), ensure_ascii=False)
        assert NAME not in logged, table
    everything = _everything(store)
    assert NAME not in everything and PHONE not in everything
    assert "邻居甲" in everything  # another attendee keeps their name
    assert report.copies == 3  # one position, one attendance, one group seat


def test_thinning_counts_days_as_the_station_lives_them(shanghai):
    """Two backups on one UTC day but two Shanghai days (00:30 and 23:30 local) are two dailies."""
    late = datetime(2026, 3, 1, 15, 30, tzinfo=timezone.utc)   # 23:30 on 1 March in Shanghai
    early = datetime(2026, 3, 1, 16, 30, tzinfo=timezone.utc)  # 00:30 on 2 March in Shanghai
    assert backup.keep_set([late, early], recent=0, daily=2, weekly=0, monthly=0) == {late, early}
    assert backup.keep_set([late, early], recent=0, daily=1, weekly=0, monthly=0) == {early}
