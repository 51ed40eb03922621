"""Yearly targets against what was done: per street, lifts started and handed over in the year
(counted as the yearly table counts them: one lift per unit), the target and the gap still open
(a street ahead of its target has a gap of 0; the district's gap is the sum of the streets')."""

from __future__ import annotations

from dataclasses import dataclass

from liftdesk.projects import targets as target_store
from liftdesk.reports import stats


def _gap(target: int | None, done: int) -> int | None:
    return None if target is None else max(target - done, 0)


@dataclass(frozen=True)
class TargetRow:
    street: str
    year: int
    started_target: int | None
    started: int
    started_gap: int | None
    handed_target: int | None
    handed_over: int
    handed_gap: int | None

    def as_json(self) -> dict:
        return {"street": self.street, "year": self.year, "started_target": self.started_target,
                "started": self.started, "started_gap": self.started_gap, "handed_over_target": self.handed_target,
                "handed_over": self.handed_over, "handed_over_gap": self.handed_gap}

    def cells(self) -> list:
        return [self.street, self.year, self.started_target, self.started, self.started_gap, self.handed_target,
                self.handed_over, self.handed_gap]


def progress(store, year: int) -> list[TargetRow]:
    """Every street, with its target for YEAR (None when none was set), what was done and the gap."""
    by_start = {r.street: r.by_year.get(year, 0) for r in stats.yearly_table(store, by="start").rows}
    by_handover = {r.street: r.by_year.get(year, 0) for r in stats.yearly_table(store, by="handover").rows}
    goals = target_store.targets(store, year)
    rows = []
    for street_id, name in stats.streets(store):
        goal = goals.get(street_id)
        started, handed = by_start.get(name, 0), by_handover.get(name, 0)
        start_goal, hand_goal = (goal.started, goal.handed_over) if goal else (None, None)
        rows.append(TargetRow(name, year, start_goal, started, _gap(start_goal, started),
                              hand_goal, handed, _gap(hand_goal, handed)))
    return rows


def total(rows: list[TargetRow], year: int) -> TargetRow:
    def add(values):
        values = [v for v in values if v is not None]
        return sum(values) if values else None

    return TargetRow(stats.TOTAL_ROW, year, add(r.started_target for r in rows), sum(r.started for r in rows),
                     add(r.started_gap for r in rows), add(r.handed_target for r in rows),
                     sum(r.handed_over for r in rows), add(r.handed_gap for r in rows))


def every_year(store) -> list[TargetRow]:
    """Each year that has targets: its street rows, then its 全区合计 row (what the report exports)."""
    out: list[TargetRow] = []
    for year in target_store.years(store):
        rows = progress(store, year)
        out += rows + [total(rows, year)]
    return out
