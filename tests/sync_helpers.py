"""Shared set-up for the sync tests: a district with one street of households, enrolled stations."""

from __future__ import annotations

import json
from pathlib import Path

from liftdesk.places import registry
from liftdesk.cli.main import main
from liftdesk.store import open_store

PASSPHRASE = "correct horse battery"


def cli(capsys, db: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", str(db), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def district_with_street(path: Path, households_per_unit: int = 2) -> dict:
    s = open_store(path, actor="district")
    d = registry.default_district(s)
    street = registry.add_street(s, d, "长庆街道")
    community = registry.add_community(s, street, "王马社区")
    estate = registry.add_estate(s, community, "遥祥寺巷小区")
    building = registry.add_building(s, estate, "6幢", 6)
    unit = registry.add_unit(s, building, "1单元")
    registry.quick_create_households(s, unit, 6, households_per_unit, "60")
    other = registry.add_street(s, d, "米市巷街道")
    oc = registry.add_community(s, other, "大塘社区")
    ids = {"district": d, "street": street, "unit": unit, "other_street": other, "other_community": oc,
           "households": [h.id for h in registry.unit_households(s, unit)]}
    s.close()
    return ids


def fresh_identity(path: Path) -> None:
    """A copy of the district's database given an id of its own: the district's places in it are
    then records received from the district (station-init refuses a copy that keeps the district's id)."""
    import sqlite3
    import secrets
    con = sqlite3.connect(path)
    con.execute("UPDATE liftdesk_meta SET value = ? WHERE key = 'station_id'", [secrets.token_hex(6)])
    con.commit()
    con.close()


def station_id(path: Path) -> str:
    s = open_store(path)
    try:
        return s.station_id
    finally:
        s.close()


def json_out(text: str) -> object:
    return json.loads(text)


# --- in-process fixtures for the core tests ------------------------------------------------------

import hashlib  # noqa: E402

from liftdesk.sync import bundle, enrol, exchange, receipts  # noqa: E402


class World:
    """A district with keys, and stations enrolled to it, all as open stores."""

    def __init__(self, tmp: Path, households_per_unit: int = 2):
        self.tmp = tmp
        self.ids = district_with_street(tmp / "district.db", households_per_unit)
        self.district = open_store(tmp / "district.db", actor="district")
        self.public, self.code = enrol.district_init(self.district, PASSPHRASE)
        self.keys = enrol.district_keys(self.district, PASSPHRASE)
        self.stations: dict[str, object] = {}

    def add_station(self, name: str, scope: str = "长庆街道", starting_data: bool = True):
        s = open_store(self.tmp / f"{name}.db", actor=name)
        enrol.station_init(s, name, self.public, scope)
        self.stations[name] = s
        if starting_data:
            self.deliver(self.export(name))
            self.accept(name)
            self.send_receipt(name)
        return s

    def accept(self, name: str):
        """What a person does after comparing the fingerprint over the phone."""
        me = enrol.station_identity(self.stations[name])
        return exchange.accept_station(self.district, me.station_id, me.keys.fingerprint, self.keys)

    def export(self, name: str, **kw) -> bytes:
        return exchange.export_bundle(self.stations[name], **kw).data

    def deliver(self, data: bytes, dry_run: bool = False):
        return exchange.import_bundle(self.district, data, self.keys, dry_run=dry_run)

    def send_receipt(self, name: str):
        data, _ = receipts.make_receipt(self.district, self.stations[name].station_id)
        return receipts.apply_receipt(self.stations[name], data)

    def close(self) -> None:
        for s in [self.district, *self.stations.values()]:
            s.close()


def snapshot(store) -> str:
    """A digest of every row of every table: equal digests, unchanged database."""
    h = hashlib.sha256()
    for line in store.db.conn.iterdump():
        h.update(line.encode("utf-8"))
    return h.hexdigest()


def forge(station, changes: list[list], district_public, **manifest) -> bytes:
    """A correctly signed and sealed bundle with whatever content a test wants."""
    me = enrol.station_identity(station)
    seqs = [c[0] for c in changes] or [0]
    m = {"district_key": district_public.key_id, "station": me.manifest(), "file_no": 99, "seq_after": min(seqs) - 1,
         "seq_upto": max(seqs), "counts": {}, "changes": len(changes), "created_at": "2026-01-01T00:00:00.000Z",
         "district_hlc_seen": ""}
    m.update(manifest)
    return bundle.pack("bundle", m, {"changes": changes}, me.keys, district_public.box_public, district_public.key_id)
