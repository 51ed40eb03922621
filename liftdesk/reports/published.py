"""The published Gongshu table (lifts by street and year): the district statistics set their yearly
table beside it, and the demo district reproduces it."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from liftdesk.common.resources import resource_path

SEED_FILE = "gongshu_lifts_by_street_2018_2023.csv"
NO_PROJECTS = "无任务"
TOTAL_ROW = "全区合计"


@dataclass(frozen=True)
class StreetRow:
    street: str
    by_year: dict[int, int]
    under_construction: int
    total: int
    note: str


def read_street_table(path: Path | None = None) -> list[StreetRow]:
    """The street rows in published order (the 全区合计 row is left out: it is derived)."""
    path = path or resource_path("seed", SEED_FILE)
    rows = []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        years = [int(c) for c in reader.fieldnames if c.isdigit()]
        for rec in reader:
            if rec["street"] == TOTAL_ROW:
                continue
            rows.append(StreetRow(
                street=rec["street"],
                by_year={y: int(rec[str(y)] or 0) for y in years},
                under_construction=int(rec["under_construction"] or 0),
                total=int(rec["total_incl_under_construction"] or 0),
                note=rec.get("note", "") or "",
            ))
    return rows
