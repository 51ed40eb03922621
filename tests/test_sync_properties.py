"""Property tests: random edits at three stations and the district, files delivered in random
orders with duplicates and losses-then-resends.

- the district ends identical whatever the delivery order,
- nothing any station recorded is lost (every insert and every field version arrives),
- every concurrent edit of one field is either applied or raised as a conflict, never dropped.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from liftdesk.consent import positions
from liftdesk.places import registry
from liftdesk.people import ownership
from liftdesk.store import open_store, records
from liftdesk.store.schema import USER_TABLES
from liftdesk.sync import enrol, exchange

from tests.sync_helpers import PASSPHRASE, World

STATIONS = ("甲站", "乙站", "丙站")
ACTORS = STATIONS + ("district",)
KINDS = ("area", "area", "occupancy", "position", "delete", "person", "export", "export", "ack")
OCCUPANCY = ("自住", "出租", "空置")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """District + three stations with their starting data, closed and ready to copy."""
    tmp = tmp_path_factory.mktemp("sync-template")
    w = World(tmp, households_per_unit=1)
    for name in STATIONS:
        w.add_station(name)
    households = w.ids["households"]
    w.close()
    return tmp, households


def _copy_db(src: Path, dst: Path) -> None:
    a, b = sqlite3.connect(src), sqlite3.connect(dst)
    a.backup(b)
    a.close()
    b.close()


@dataclass
class File:
    station: str
    data: bytes
    requires: list[int] = field(default_factory=list)


def _act(store, kind: str, hid: str, v: int) -> None:
    household = records.get(store, "household", hid)
    if kind == "area":
        registry.update_household(store, hid, "area", str(50 + v))
    elif kind == "occupancy":
        registry.update_household(store, hid, "occupancy", OCCUPANCY[v % 3])
    elif kind == "position" and not household["deleted"]:
        positions.record_position(store, hid, ("支持", "反对", "弃权", "未表态")[v])
    elif kind == "delete":
        records.set_deleted(store, "household", hid, not household["deleted"])
    elif kind == "person":
        ownership.add_owner(store, hid, ownership.add_person(store, f"业主{v}", f"1380000000{v}"))


def _state(store) -> dict:
    out = {}
    for table in USER_TABLES:
        cur = store.db.execute(f"SELECT * FROM {table} ORDER BY id")
        names = [d[0] for d in cur.description]
        out[table] = [dict(zip(names, r)) for r in cur.fetchall()]
    out["versions"] = store.db.execute("SELECT tbl, record_id, field, hlc, bases, value, station_id FROM sync_version"
                                       " ORDER BY 1, 2, 3, 4").fetchall()
    out["conflicts"] = sorted((t, r, f, json.dumps(sorted((v["hlc"], v["value"]) for v in json.loads(leaves))))
                              for t, r, f, leaves in store.db.execute(
                                  "SELECT tbl, record_id, field, leaves FROM sync_conflict WHERE resolved_at IS NULL"))
    return out


def _deliveries(n_files: int, files: list[File], order: list[int], dupes: list[int], lost: list[int]) -> list[int]:
    """An order with duplicates; a lost file comes again at the end; a file made after a receipt
    can only arrive after the files that receipt acknowledged (the district had them)."""
    seq = [i for i in order if i < n_files] + [d % n_files for d in dupes]
    lost_set = {x % n_files for x in lost}
    first = [i for i in seq if i not in lost_set] + sorted(lost_set)
    delivered: set[int] = set()
    out, pending = [], list(first)
    while pending:
        progress = False
        for i in list(pending):
            if all(r in delivered for r in files[i].requires):
                out.append(i)
                delivered.add(i)
                pending.remove(i)
                progress = True
        if not progress:
            raise AssertionError("unsatisfiable order")
    return out


def _replay(district_db: Path, work: Path, files: list[File], order: list[int], keys) -> dict:
    work.mkdir()
    _copy_db(district_db, work / "district.db")
    d = open_store(work / "district.db", actor="district")
    for i in order:
        exchange.import_bundle(d, files[i].data, keys)
    state = _state(d)
    d.close()
    return state


op = st.tuples(st.sampled_from(ACTORS), st.sampled_from(KINDS), st.integers(0, 2), st.integers(0, 3))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(ops=st.lists(op, min_size=3, max_size=22), data=st.data())
def test_district_converges_whatever_the_delivery_order(template, ops, data):
    tmp_dir, households = template
    work = Path(tempfile.mkdtemp(prefix="sync-prop-"))
    try:
        for name in ("district",) + STATIONS:
            _copy_db(tmp_dir / f"{name}.db", work / f"{name}.db")
        stations = {n: open_store(work / f"{n}.db", actor=n) for n in STATIONS}
        district_ops, files = [], []
        last_file: dict[str, list[int]] = {n: [] for n in STATIONS}
        acked: dict[str, list[int]] = {n: [] for n in STATIONS}
        for actor, kind, h, v in ops:
            hid = households[h]
            if actor == "district":
                if kind not in ("export", "ack"):
                    district_ops.append((kind, hid, v))
                continue
            s = stations[actor]
            if kind == "export":
                files.append(File(actor, exchange.export_bundle(s).data, list(acked[actor])))
                last_file[actor].append(len(files) - 1)
            elif kind == "ack" and last_file[actor]:
                # as if a receipt came back for everything exported so far
                acked[actor] = list(last_file[actor])
                s.set_meta("sync.ack_seq", str(s.db.execute("SELECT max(seq_upto) FROM sync_file WHERE direction = 'out'")
                                                .fetchone()[0]))
            elif kind not in ("export", "ack"):
                _act(s, kind, hid, v)
        for name, s in stations.items():
            files.append(File(name, exchange.export_bundle(s).data, list(acked[name])))
        recorded = {name: _recorded(s) for name, s in stations.items()}
        for s in stations.values():
            s.close()

        d = open_store(work / "district.db", actor="district")
        for kind, hid, v in district_ops:  # the district's own edits, made before any file arrives
            _act(d, kind, hid, v)
        keys = enrol.district_keys(d, PASSPHRASE)
        d.close()
        n = len(files)
        orders = [data.draw(st.permutations(range(n))) for _ in range(2)]
        dupes = [data.draw(st.lists(st.integers(0, n - 1), max_size=4)) for _ in range(2)]
        lost = [data.draw(st.lists(st.integers(0, n - 1), max_size=2)) for _ in range(2)]
        states = [_replay(work / "district.db", work / f"replay{k}", files,
                          _deliveries(n, files, orders[k], dupes[k], lost[k]), keys) for k in range(2)]
        assert states[0] == states[1]
        _check_nothing_lost(states[0], recorded)
        _check_every_edit_applied_or_in_conflict(states[0])
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _recorded(s) -> dict:
    from liftdesk.sync.merge import catch_up
    with s.db.atomic():
        catch_up(s)
    inserts = {(t, r) for t, r in s.db.execute(
        "SELECT tbl, record_id FROM change_log WHERE op = 'insert' AND station_id = ?", [s.station_id])}
    versions = {tuple(r) for r in s.db.execute(
        "SELECT tbl, record_id, field, hlc, value FROM sync_version WHERE station_id = ?", [s.station_id])}
    return {"inserts": inserts, "versions": versions}


def _check_nothing_lost(state: dict, recorded: dict) -> None:
    ids = {(t, row["id"]) for t in USER_TABLES for row in state[t]}
    have = {(t, r, f, h, v) for t, r, f, h, _, v, _ in state["versions"]}
    for name, rec in recorded.items():
        assert rec["inserts"] <= ids, name
        assert rec["versions"] <= have, name


def _check_every_edit_applied_or_in_conflict(state: dict) -> None:
    by_field: dict[tuple, list] = {}
    for t, r, f, h, bases, v, s in state["versions"]:
        by_field.setdefault((t, r, f), []).append((h, json.loads(bases), v, s))
    open_conflicts = {(t, r, f): json.loads(leaves) for t, r, f, leaves in state["conflicts"]}
    for (t, r, f), versions in by_field.items():
        referenced = {b for _, bases, _, _ in versions for b in bases}
        # a station's later version supersedes its own earlier ones (liftdesk/sync/merge.py)
        leaves = sorted((h, v) for h, _, v, st_ in versions if h not in referenced
                        and not any(o[3] == st_ and o[0] > h for o in versions))
        winner = max(versions)
        row = next(row for row in state[t] if row["id"] == r)
        if len({v for _, v in leaves}) > 1:
            assert open_conflicts.get((t, r, f)) == [list(x) for x in leaves]
        else:
            assert (t, r, f) not in open_conflicts
        shown = None if row[f] is None else str(row[f])
        assert shown == winner[2]  # the value shown is the newest version's
