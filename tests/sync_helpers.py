"""Shared set-up for the sync tests: a district with one street of households, enrolled stations."""

from __future__ import annotations

import json
from pathlib import Path

from liftdesk import registry
from liftdesk.cli import main
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


def station_id(path: Path) -> str:
    s = open_store(path)
    try:
        return s.station_id
    finally:
        s.close()


def json_out(text: str) -> object:
    return json.loads(text)
