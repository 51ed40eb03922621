"""The consent engine: whether a stairwell (or building) meets its rule, by how much it falls
short, and which households would close the gap soonest. Exact fractions, boundaries inclusive.

Headcount follows the law: co-owners of one household share one vote, and a person owning
several households in scope counts once (households sharing an owner form one voter). Tenants
and family members never vote; their word is an intention that only the forecast uses.
"""

from __future__ import annotations

import gc
import json
import math
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import NamedTuple
from fractions import Fraction

from .i18n import ValidationError, t
from .places import unit_address
from .positions import PARTICIPATING, VOTING_RESPONDENTS
from .rules import DEFAULT_RULE, Rule, load_rule
from .store import Store, records
from .units import format_area

LEGAL, FORECAST = "legal", "forecast"
_VISIT_ORDER = {"none": 0, "abstain": 1, "conditional": 2, "oppose": 3}


class Ballot(NamedTuple):
    """One household as the engine sees it: its area, its owners and its effective position.
    (A NamedTuple: the district overview builds ~100,000 of them.)"""
    household_id: str
    room: str
    floor: int
    area_x100: int
    owners: tuple[str, ...]
    position: str = "none"
    stamp: str = ""  # on_date + hlc of the deciding record: the later one speaks for a shared owner
    conditional: bool = False


class Criterion(NamedTuple):
    key: str
    numerator: int
    denominator: int
    threshold: Fraction
    met: bool
    measures_area: bool

    @property
    def fraction(self) -> str:
        if self.measures_area:
            return f"{format_area(self.numerator)}/{format_area(self.denominator)}"
        return f"{self.numerator}/{self.denominator}"

    @property
    def threshold_text(self) -> str:
        return f"{self.threshold.numerator}/{self.threshold.denominator}"

    @property
    def ratio(self) -> Fraction:
        return Fraction(self.numerator, self.denominator) if self.denominator else Fraction(0)


@dataclass
class Verdict:
    rule: Rule
    mode: str
    passed: bool
    criteria: list[Criterion]
    totals: dict[str, int]
    visit_list: list[Ballot]
    achievable: bool
    shortfall_area_x100: int
    conditional: list[Ballot] = field(default_factory=list)
    opposed: list[Ballot] = field(default_factory=list)

    @property
    def shortfall_households(self) -> int:
        return 0 if self.passed else len(self.visit_list)

    @property
    def shortfall_text(self) -> str:
        if self.passed:
            return t("consent.passed")
        if not self.achievable:
            return t("consent.impossible")
        return t("consent.shortfall", households=self.shortfall_households, area=format_area(self.shortfall_area_x100))

    def as_json(self) -> dict:
        return {
            "rule": self.rule.id, "rule_name": self.rule.name, "mode": self.mode, "passed": self.passed,
            "criteria": [{"key": c.key, "fraction": c.fraction, "threshold": c.threshold_text, "met": c.met,
                          "numerator": format_area(c.numerator) if c.measures_area else c.numerator,
                          "denominator": format_area(c.denominator) if c.measures_area else c.denominator,
                          "measure": "area_m2" if c.measures_area else "owners"} for c in self.criteria],
            "no_opposition": {"required": True, "met": self.totals["opposing_owners"] == 0}
            if self.rule.no_opposition else None,
            "totals": {k: format_area(v) if k.endswith("_area") else v for k, v in self.totals.items()},
            "shortfall": {"households": self.shortfall_households, "area_m2": format_area(self.shortfall_area_x100),
                          "achievable": self.achievable, "text": self.shortfall_text},
            "visit_list": [b.room for b in self.visit_list],
            "conditional": [b.room for b in self.conditional],
            "opposed": [b.room for b in self.opposed],
        }


class _Tally:
    """Running totals that a flip of one household updates in O(1), so the visit list is cheap."""

    def __init__(self, ballots: list[Ballot]):
        self.group_of: dict[str, object] = {}  # household → its voter (an owner id, or a merged group)
        self._group_ballots(ballots)
        self.position = {b.household_id: b.position for b in ballots}
        total = participating = agreeing = 0
        latest: dict[int, Ballot] = {}
        group_of = self.group_of
        for b in ballots:
            area, pos = b.area_x100, b.position
            total += area
            if pos in PARTICIPATING:
                participating += area
                if pos == "support":
                    agreeing += area
            g = group_of[b.household_id]
            held = latest.get(g)
            if held is None or (pos != "none" and (held.position == "none" or b.stamp > held.stamp)):
                latest[g] = b
        self.q = {"total_area": total, "participating_area": participating, "agreeing_area": agreeing,
                  "total_owners": len(latest), "participating_owners": 0, "agreeing_owners": 0,
                  "opposing_owners": 0}
        self.group_position = {g: b.position for g, b in latest.items()}
        for pos in self.group_position.values():
            self._count(pos, +1)

    def _group_ballots(self, ballots: list[Ballot]) -> None:
        if all(len(b.owners) == 1 for b in ballots):  # the common case: no co-owners in scope
            self.group_of = {b.household_id: b.owners[0] for b in ballots}  # the owner is the voter
            return
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for b in ballots:
            keys = list(b.owners) or [f"household:{b.household_id}"]
            for k in keys[1:]:
                parent[find(k)] = find(keys[0])
        roots: dict[str, int] = {}
        for b in ballots:
            root = find(next(iter(b.owners)) if b.owners else f"household:{b.household_id}")
            self.group_of[b.household_id] = roots.setdefault(root, len(roots))

    def _count(self, pos: str, sign: int) -> None:
        if pos in PARTICIPATING:
            self.q["participating_owners"] += sign
        if pos == "support":
            self.q["agreeing_owners"] += sign
        if pos == "oppose":
            self.q["opposing_owners"] += sign

    def flip_to_support(self, b: Ballot) -> None:
        old = self.position[b.household_id]
        if old not in PARTICIPATING:
            self.q["participating_area"] += b.area_x100
        if old != "support":
            self.q["agreeing_area"] += b.area_x100
        self.position[b.household_id] = "support"
        g = self.group_of[b.household_id]
        self._count(self.group_position[g], -1)
        self.group_position[g] = "support"
        self._count("support", +1)

    def criteria(self, rule: Rule) -> list[Criterion]:
        out = []
        for spec in rule.criteria:
            num, den = self.q[spec.numerator], self.q[spec.denominator]
            met = den > 0 and num * spec.threshold.denominator >= spec.threshold.numerator * den
            out.append(Criterion(spec.key, num, den, spec.threshold, met, spec.measures_area))
        return out

    def passed(self, rule: Rule) -> bool:
        """Integer cross-multiplication: exact like Fraction, without building one per check."""
        if rule.no_opposition and self.q["opposing_owners"]:
            return False
        q = self.q
        return all(q[s.denominator] > 0 and q[s.numerator] * s.threshold.denominator
                   >= s.threshold.numerator * q[s.denominator] for s in rule.criteria)

    def area_deficit(self, rule: Rule) -> int:
        deficit = 0
        for spec in rule.criteria:
            if spec.measures_area:
                need = math.ceil(spec.threshold * self.q[spec.denominator]) - self.q[spec.numerator]
                deficit = max(deficit, need)
        return deficit


def evaluate(ballots: list[Ballot], rule: Rule, mode: str = LEGAL, visit_list: bool = True) -> Verdict:
    if mode == FORECAST:  # a conditional support is counted as support, and flagged
        ballots = [b._replace(position="support") if b.position == "conditional" else b for b in ballots]
    tally = _Tally(ballots)
    criteria = tally.criteria(rule)
    passed = tally.passed(rule)
    assert passed == (all(c.met for c in criteria) and not (rule.no_opposition and tally.q["opposing_owners"]))
    totals = dict(tally.q)
    deficit = 0 if passed else tally.area_deficit(rule)
    visits: list[Ballot] = []
    achievable = passed
    if not passed and visit_list:
        area_short = any(not c.met and c.measures_area for c in criteria)
        candidates = sorted((b for b in ballots if b.position != "support"),
                            key=lambda b: (_VISIT_ORDER.get(b.position, 0), -b.area_x100 if area_short else 0,
                                           b.floor, b.room))
        for b in candidates:
            tally.flip_to_support(b)
            visits.append(b)
            if tally.passed(rule):
                achievable = True
                break
    return Verdict(rule=rule, mode=mode, passed=passed, criteria=criteria, totals=totals, visit_list=visits,
                   achievable=achievable, shortfall_area_x100=max(deficit, 0),
                   conditional=[b for b in ballots if b.conditional],
                   opposed=[b for b in ballots if b.position == "oppose"])


# ---- loading ballots from the store ----------------------------------------------------------

@dataclass(frozen=True)
class DistrictRule:
    rule: str
    scope: str
    written_only: bool


def district_rule(store: Store) -> DistrictRule:
    row = store.db.execute("SELECT rule_preset, consent_scope, written_only FROM district WHERE deleted = 0"
                           " ORDER BY id LIMIT 1").fetchone()
    return DistrictRule(row[0], row[1], bool(row[2])) if row else DistrictRule(DEFAULT_RULE, "unit", True)


def _current_sql(mode: str, written_only: bool, where: str) -> str:
    """Each household's deciding record: the latest (by date, then HLC) that the mode accepts.
    SQLite returns the bare columns of the row holding max()."""
    filters = ["p.deleted = 0"]
    if mode == LEGAL:
        filters.append("p.respondent IN (%s)" % ", ".join(f"'{r}'" for r in VOTING_RESPONDENTS))
        if written_only:
            filters.append("p.written = 1")
    scope = "" if where == "1" else f" AND p.household_id IN (SELECT h.id FROM household h WHERE {where})"
    return (f"SELECT p.household_id, p.position, max(p.on_date || p.hlc) FROM position p"
            f" WHERE {' AND '.join(filters)}{scope} GROUP BY p.household_id")


def load_ballots(store: Store, where: str, params: list, mode: str, written_only: bool) -> dict[str, list[Ballot]]:
    """Ballots of every household matching `where` (over household h), grouped by unit id.
    Three plain scans and one pass in Python: the district overview reads every household."""
    scope = "" if where == "1" else f" AND o.household_id IN (SELECT h.id FROM household h WHERE {where})"
    owners = {household_id: tuple(people.split(",")) for household_id, people in store.db.execute(
        f"SELECT o.household_id, group_concat(o.person_id) FROM ownership o WHERE o.deleted = 0{scope}"
        " GROUP BY o.household_id", params)}
    current = {r[0]: (r[1], r[2]) for r in store.db.execute(_current_sql(mode, written_only, where), params)}
    by_unit: dict[str, list[Ballot]] = {}
    none, empty = ("none", ""), ()
    last_unit, group = None, []
    for hid, unit_id, room, floor, area in store.db.execute(
            f"SELECT h.id, h.unit_id, h.room, h.floor, h.area_x100 FROM household h"
            f" WHERE h.deleted = 0 AND {where} ORDER BY h.unit_id", params):
        if unit_id != last_unit:  # rows arrive grouped by unit
            last_unit, group = unit_id, by_unit.setdefault(unit_id, [])
        position, stamp = current.get(hid, none)
        group.append(Ballot(hid, room, floor, area, owners.get(hid, empty), position, stamp,
                            position == "conditional"))
    return by_unit


def unit_verdict(store: Store, unit_id: str, rule_id: str | None = None, mode: str = LEGAL) -> Verdict:
    """The verdict for a unit, over the district's scope (the unit, or its whole building)."""
    setting = district_rule(store)
    rule = load_rule(rule_id or setting.rule)
    if setting.scope == "building":
        where, params = "h.unit_id IN (SELECT id FROM unit WHERE building_id = (SELECT building_id FROM unit WHERE id = ?) AND deleted = 0)", [unit_id]
    else:
        where, params = "h.unit_id = ?", [unit_id]
    ballots = [b for group in load_ballots(store, where, params, mode, setting.written_only).values() for b in group]
    unit_address(store, unit_id)  # raises for an unknown unit
    return evaluate(ballots, rule, mode)


@dataclass(frozen=True)
class UnitVerdict:
    unit_id: str
    address: object  # places.Address
    project: str | None
    households: int
    verdict: Verdict

    @property
    def status(self) -> str:
        """passed / close (1–2 households short) / opposed / far — the overview's filters."""
        v = self.verdict
        if v.passed:
            return "passed"
        if v.achievable and v.shortfall_households <= 2:
            return "close"
        if v.opposed:
            return "opposed"
        return "far"


def verdicts_under(store: Store, under: str | None = None, rule_id: str | None = None,
                   mode: str = LEGAL) -> list[UnitVerdict]:
    """Every unit's verdict under a street, community … (or the whole database), in a few queries."""
    from .places import list_units

    setting = district_rule(store)
    rule = load_rule(rule_id or setting.rule)
    units = list_units(store, under)
    if under:
        where, params = "h.unit_id IN (SELECT value FROM json_each(?))", [json.dumps([u.id for u in units])]
    else:
        where, params = "1", []
    with _no_gc():
        by_unit = load_ballots(store, where, params, mode, setting.written_only)
        return _verdicts(store, units, by_unit, rule, mode, setting.scope)


def _verdicts(store: Store, units: list, by_unit: dict[str, list[Ballot]], rule: Rule, mode: str,
              scope: str) -> list[UnitVerdict]:
    if scope == "building":
        building_of = dict(store.db.execute("SELECT id, building_id FROM unit").fetchall())
        by_building: dict[str, list[Ballot]] = {}
        for unit_id, group in by_unit.items():
            by_building.setdefault(building_of[unit_id], []).extend(group)
        by_unit = {u: by_building.get(building_of[u], []) for u in building_of}
    return [UnitVerdict(u.id, u.address, u.project, u.households, evaluate(by_unit.get(u.id, []), rule, mode))
            for u in units]


@contextmanager
def _no_gc():
    """The overview makes ~200,000 small objects that all stay alive; the cyclic collector would
    rescan them again and again for nothing (they hold no cycles)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


SCOPES = ("unit", "building")


def set_district_rule(store: Store, rule: str, scope: str, written_only: bool) -> None:
    """The district's choice of preset and scope: an editable attribute, logged like any other."""
    load_rule(rule)  # refuses an unknown preset
    if scope not in SCOPES:
        raise ValidationError("scope.invalid", value=scope)
    from .registry import default_district

    records.update(store, "district", default_district(store),
                   {"rule_preset": rule, "consent_scope": scope, "written_only": 1 if written_only else 0})
