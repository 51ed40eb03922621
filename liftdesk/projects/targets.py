"""The district's yearly targets per street (民生实事, “百梯万人”): how many lifts are to start and how
many to be handed over in a year. A target is a setting, edited in place (not a fact): when two
places change the same figure, sync raises a conflict for a person to settle."""

from __future__ import annotations

from dataclasses import dataclass

from liftdesk.errors import ValidationError
from liftdesk.history import actions
from liftdesk.store import Store, records


@dataclass(frozen=True)
class Target:
    street_id: str
    year: int
    started: int
    handed_over: int


def _count(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100_000:
        raise ValidationError("target.invalid", value=value)
    return value


def set_target(store: Store, street_id: str, year: int, started: int, handed_over: int) -> str:
    """Set (or change) a street's targets for a year: one named undo step."""
    if not isinstance(year, int) or isinstance(year, bool) or not 2000 <= year <= 2100:
        raise ValidationError("target.year", value=year)
    values = {"started": _count(started), "handed_over": _count(handed_over)}
    street = records.get(store, "street", street_id)
    row = store.db.execute("SELECT id FROM street_target WHERE street_id = ? AND year = ? AND deleted = 0"
                           " ORDER BY hlc LIMIT 1", [street_id, year]).fetchone()
    with actions.action(store, "action.target", street=street["name"], year=year):
        if row:
            records.update(store, "street_target", row[0], values)
            return row[0]
        return records.insert(store, "street_target", {"street_id": street_id, "year": year, **values})


def targets(store: Store, year: int) -> dict[str, Target]:
    """street id → its targets for YEAR (the first set, when two stations each set one)."""
    out: dict[str, Target] = {}
    for street_id, started, handed in store.db.execute(
            "SELECT street_id, started, handed_over FROM street_target WHERE year = ? AND deleted = 0 ORDER BY hlc",
            [year]):
        out.setdefault(street_id, Target(street_id, year, started, handed))
    return out


def years(store: Store) -> list[int]:
    return [r[0] for r in store.db.execute("SELECT DISTINCT year FROM street_target WHERE deleted = 0 ORDER BY year")]
