"""Issue 19, item 5: erasure at both ends. A resident purged at a station leaves no trace at the
station (its sync bookkeeping included) nor, once the purge has arrived, at the district: every
table of both databases and the raw bytes of both files (after a checkpoint) are searched."""

from __future__ import annotations

import sqlite3

from liftdesk.consent import positions
from liftdesk.people import erasure, ownership
from liftdesk.places import registry
from liftdesk.projects import meetings, projects

from tests.sync_helpers import World

NAME, PHONE, OLD_PHONE = "欧阳娜娜", "13912345678", "13787654321"


def _everything(store) -> str:
    out = []
    for (table,) in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        out += [repr(r) for r in store.db.execute(f"SELECT * FROM [{table}]")]
    return "\n".join(out)


def _raw(path) -> bytes:
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_a_purge_erases_every_copy_at_both_ends(tmp_path):
    w = World(tmp_path)
    s = w.add_station("长庆站")
    unit = w.ids["unit"]
    h, neighbour = registry.unit_households(s, unit)[:2]
    pid = ownership.add_person(s, NAME, OLD_PHONE)
    ownership.add_owner(s, h.id, pid)
    ownership.set_owner_phone(s, h.id, PHONE)                 # an older phone in the history and versions
    project = projects.create_project(s, unit)
    meetings.add_member(s, project, NAME, "组长", "2024-03-01", household_id=h.id)
    meeting = meetings.add_meeting(s, project, "survey", "2024-03-05 19:00", "2024-03-05 21:00", place="活动室")
    meetings.add_attendee(s, meeting, "owner", household_id=h.id, name=NAME)
    positions.record_position(s, h.id, "支持", respondent="owner", respondent_name=NAME, written=True,
                              method="written")
    other = ownership.add_person(s, "邻居甲", "13700001111")
    ownership.add_owner(s, neighbour.id, other)
    w.deliver(w.export("长庆站"))
    # the district also edits the phone: a second version and an open conflict hold it
    from liftdesk.store import records
    records.update(w.district, "person", pid, {"phone": "13600000000"})
    ownership.set_owner_phone(s, h.id, "13500000000")
    w.deliver(w.export("长庆站"))
    w.send_receipt("长庆站")
    assert NAME in _everything(w.district) and PHONE in _everything(s)

    erasure.purge_person(s, pid)
    w.deliver(w.export("长庆站"))
    w.send_receipt("长庆站")

    secrets = (NAME, PHONE, OLD_PHONE, "13600000000", "13500000000")
    for store in (s, w.district):
        everything = _everything(store)
        for secret in secrets:
            assert secret not in everything, (store.path.name, secret)
        assert "邻居甲" in everything and "13700001111" in everything        # others untouched
    paths = [s.path, w.district.path]
    w.close()
    for path in paths:
        raw = _raw(path)
        for secret in secrets:
            assert secret.encode("utf-8") not in raw, (path.name, secret)
