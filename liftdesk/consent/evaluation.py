"""The consent engine: whether a stairwell (or building) meets its rule, by how much it falls
short, and which households would close the gap soonest. Exact fractions, boundaries inclusive.

Headcount follows the law (liftdesk/consent/voters.py): co-owners of one household share one vote, and
flats with exactly the same owner set count once. Tenants and family members never vote; their
word is an intention that the forecast uses only where no owner has said anything.
"""

from __future__ import annotations

import gc
import json
import math
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator, NamedTuple
from fractions import Fraction

from liftdesk.errors import ValidationError
from liftdesk.history import actions
from liftdesk.i18n import t
from liftdesk.projects.liftplan import STALE_SQL, StaleForms, stale_forms
from liftdesk.places.places import UNIT_PATH_SQL, Address, resolve, tree_order, unit_address
from liftdesk.consent.positions import POSITIONS, RESPONDENTS, VOTING_RESPONDENTS, label
from liftdesk.people.ownership import ENDED_SQL
from liftdesk.consent.rules import DEFAULT_RULE, Rule, load_rule
from liftdesk.store import Store, records
from liftdesk.common.units import format_area
from liftdesk.consent.voters import (
    QUANTITY_INDEX, Plan, Voter, build_voters, compile_rule, passes as _passes, shortest, tally, tally_flats,
)

LEGAL, FORECAST = "legal", "forecast"
SHOWN_NAMES = 3  # voters named in a shortfall text before "等"


class Ballot(NamedTuple):
    """One household as the engine sees it: its area, its owners and its effective position.
    (A NamedTuple: the district overview builds ~100,000 of them.)"""
    household_id: str
    room: str
    floor: int
    area_x100: int
    owners: tuple[str, ...]
    position: str = "none"
    stamp: str = ""  # on_date + hlc of the deciding record (shown; never decides between flats)
    conditional: bool = False
    intention: str = ""  # the latest word heard when it is not the counted position ("" = same)
    hearsay: bool = False  # that word came only from a tenant or family member, never from an owner
    unit: str = ""  # the unit's name, under building scope
    occupied: bool = False  # the lift occupies part of this flat (占用专有部分): a rule may need its owner
    forms: tuple = ()  # when position is "conflict": the disagreeing signed forms, (date, respondent, position)

    @property
    def label(self) -> str:
        return f"{self.unit} {self.room}" if self.unit else self.room


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

    @property
    def needed(self) -> int:
        """The smallest numerator that meets the threshold (exact, rounded up)."""
        return math.ceil(self.threshold * self.denominator)

    @property
    def words(self) -> str:
        """"参与表决面积 495.24 / 990.48 m²，需达 2/3（660.32 m²），还差 165.08 m²"."""
        if not self.denominator:
            return t("consent.criterion_nobody", name=t("criterion." + self.key))
        fmt = (lambda x: f"{format_area(x)} m²") if self.measures_area else (lambda x: t("consent.persons", n=x))
        num = format_area(self.numerator) if self.measures_area else str(self.numerator)
        text = t("consent.criterion_words", name=t("criterion." + self.key), num=num, den=fmt(self.denominator),
                 threshold=self.threshold_text, needed=fmt(self.needed))
        if self.met:
            return text + t("consent.criterion_met")
        return text + t("consent.criterion_short", short=fmt(max(self.needed - self.numerator, 0)))


class Visit:
    """One voter to visit: the flats still to sign, who owns them, where they stand and why."""
    __slots__ = ("voter", "kind", "forced", "flats", "required")

    def __init__(self, voter: Voter, kind: str, forced: bool = False, required: bool = False):
        self.voter, self.kind, self.forced, self.required = voter, kind, forced, required
        self.flats: list[Ballot] = voter.to_visit()

    def __repr__(self) -> str:
        return f"Visit({[b.room for b in self.flats]}, {self.kind})"

    @property
    def area_x100(self) -> int:
        return self.voter.gain_agree if self.kind == "agree" else self.voter.gain_part

    def reason_key(self) -> str:
        v = self.voter
        if self.required:
            return "visit.reason.occupied"
        if self.forced:
            return "visit.reason.forced"
        if self.kind == "vote":
            return "visit.reason.vote"
        if v.position == "none":
            if v.intention not in ("none", "") and any(b.hearsay for b in v.flats):
                return "visit.reason.hearsay"
            return {"support": "visit.reason.said_yes", "none": "visit.reason.undecided"}.get(
                v.intention, "visit.reason.said_other")
        return {"support": "visit.reason.partial", "abstain": "visit.reason.abstain",
                "conditional": "visit.reason.conditional", "conflict": "visit.reason.conflict"}.get(
            v.position, "visit.reason.oppose")


@dataclass
class Verdict:
    rule: Rule
    mode: str
    passed: bool
    criteria: list[Criterion]
    totals: dict[str, int]
    achievable: bool
    plan: Plan | None = None  # the shortest visit list, as voters (visits and visit_list unfold it)
    conditional: list[Ballot] = field(default_factory=list)
    opposed: list[Ballot] = field(default_factory=list)
    conflicts: list[Voter] = field(default_factory=list)
    depends_on_conditional: bool = False
    hearsay: list[Ballot] = field(default_factory=list)
    empty: bool = False
    people: dict | None = None  # person id → (name, phone); None: show the ids (bare engine tests)
    stale: StaleForms | None = None  # signed forms for a plan version a material change replaced
    unmet: list[Ballot] = field(default_factory=list)  # flats a rule names whose owner has not agreed

    @property
    def kind(self) -> str:
        """"agree": each must sign 支持; "vote": a signed opinion of any kind is enough."""
        return self.plan.kind if self.plan else "agree"

    @cached_property
    def visits(self) -> list[Visit]:
        plan = self.plan
        return [] if plan is None else [Visit(v, plan.kind, v in plan.forced, v in plan.required)
                                        for v in plan.voters]

    @cached_property
    def visit_list(self) -> list[Ballot]:
        """The flats to visit, in walk order, no flat twice."""
        return [b for v in self.visits for b in v.flats]

    @property
    def shortfall_area_x100(self) -> int:
        """The area of the smallest set: what their signatures would add."""
        if not self.plan:
            return 0
        if self.plan.kind == "agree":
            return sum(v.gain_agree for v in self.plan.voters)
        return sum(v.gain_part for v in self.plan.voters)

    @property
    def shortfall_voters(self) -> int:
        return len(self.plan.voters) if self.plan and not self.passed else 0

    @property
    def shortfall_households(self) -> int:
        """Voters still needed (the overview's "差 1–2 户" counts voters, as the law does)."""
        return self.shortfall_voters

    # ---- words ----

    def names(self, voter: Voter) -> list[str]:
        if self.people is None:
            return list(voter.owners)
        return [self.people[p][0] for p in voter.owners if p in self.people]

    def phone(self, voter: Voter) -> str:
        if self.people is None:
            return ""
        return next((self.people[p][1] for p in voter.owners if p in self.people and self.people[p][1]), "")

    def who(self, visit: Visit) -> str:
        rooms = "、".join(b.label for b in visit.flats)
        names = "、".join(self.names(visit.voter))
        return f"{rooms} {names}" if names else rooms

    def position_text(self, voter: Voter) -> str:
        text = label(POSITIONS, voter.position) if voter.position != "conflict" else t("position.conflict")
        if voter.position == "none" and voter.intention not in ("none", ""):
            said = "visit.said_by_other" if any(b.hearsay for b in voter.flats) else "visit.said"
            text += t(said, position=label(POSITIONS, voter.intention))
        return text

    def conflict_detail(self, voter: Voter) -> str:
        """"101 反对、202 支持" (one owner, two flats), or a flat's own disagreeing forms:
        "302 2026-12-01 业主 支持、2026-12-02 共有人 反对"."""
        return "、".join(f"{b.label} {_forms_text(b) if b.position == 'conflict' else label(POSITIONS, b.position)}"
                        for b in sorted(voter.flats, key=lambda b: (b.unit, b.room)) if b.position != "none")

    def conflict_text(self, voter: Voter) -> str:
        return t("consent.conflict", who="、".join(self.names(voter)) or voter.flats[0].label,
                 detail=self.conflict_detail(voter))

    def reason(self, visit: Visit) -> str:
        v = visit.voter
        return t(visit.reason_key(), position=label(POSITIONS, v.intention if v.position == "none" else v.position),
                 detail=self.conflict_detail(v),
                 rooms="、".join(b.label for b in v.flats if b.position == "support"))

    @property
    def shortfall_text(self) -> str:
        if self.stale:
            return self._shortfall_text() + "；" + self.stale.text
        return self._shortfall_text()

    @property
    def criteria_met(self) -> bool:
        return all(c.met for c in self.criteria) and not (self.rule.no_opposition and self.totals["opposing_owners"])

    @property
    def unmet_text(self) -> str:
        """"占用专有部分的 101 王建国 尚未同意": each named flat whose owner has not signed 支持."""
        if not self.unmet:
            return ""
        who = []
        for b in self.unmet:
            names = "、".join(self.people[p][0] for p in b.owners if p in self.people) if self.people is not None \
                else "、".join(b.owners)
            who.append(f"{b.label} {names}".strip())
        return t("consent.occupied_unmet", who="、".join(who))

    def _shortfall_text(self) -> str:
        if self.passed:
            return t("consent.passed")
        if self.unmet and self.criteria_met:
            return self.unmet_text
        if self.empty:
            return t("consent.empty")
        if not self.achievable:
            return t("consent.impossible")
        voters = self.plan.voters  # only the named few become Visits: the overview shows ~6,500 of these
        shown = [self.who(Visit(v, self.plan.kind)) for v in voters[:SHOWN_NAMES]]
        who = "、".join(shown) + (t("consent.and_more") if len(voters) > SHOWN_NAMES else "")
        text = t("consent.shortfall_vote" if self.kind == "vote" else "consent.shortfall",
                 n=len(voters), who=who, area=format_area(self.shortfall_area_x100))
        return text + ("；" + self.unmet_text if self.unmet else "")

    def as_json(self) -> dict:
        return {
            "rule": self.rule.id, "rule_name": self.rule.name, "mode": self.mode, "passed": self.passed,
            "criteria": [{"key": c.key, "fraction": c.fraction, "threshold": c.threshold_text, "met": c.met,
                          "numerator": format_area(c.numerator) if c.measures_area else c.numerator,
                          "denominator": format_area(c.denominator) if c.measures_area else c.denominator,
                          "measure": "area_m2" if c.measures_area else "owners", "text": c.words}
                         for c in self.criteria],
            "no_opposition": {"required": True, "met": self.totals["opposing_owners"] == 0}
            if self.rule.no_opposition else None,
            "required_agreement": {"flags": list(self.rule.require_agreement), "met": not self.unmet,
                                   "missing": [b.label for b in self.unmet], "text": self.unmet_text}
            if self.rule.require_agreement else None,
            "totals": {k: format_area(v) if k.endswith("_area") else v for k, v in self.totals.items()},
            "shortfall": {"households": len(self.visit_list), "area_m2": format_area(self.shortfall_area_x100),
                          "achievable": self.achievable, "text": self.shortfall_text,
                          "voters": self.shortfall_voters, "kind": self.kind},
            "visit_list": [b.label for b in self.visit_list],
            "visits": [{"rooms": [b.label for b in v.flats], "owners": self.names(v.voter),
                        "phone": self.phone(v.voter), "position": self.position_text(v.voter),
                        "reason": self.reason(v)} for v in self.visits],
            "conflicts": [{"rooms": [b.label for b in sorted(c.flats, key=lambda b: (b.unit, b.room))],
                           "owners": self.names(c), "text": self.conflict_text(c)} for c in self.conflicts],
            "depends_on_conditional": self.depends_on_conditional,
            "conditional": [b.label for b in self.conditional],
            "opposed": [b.label for b in self.opposed],
            "non_owner_word": [b.label for b in self.hearsay],
            "older_plan_forms": self.stale.as_json() if self.stale else None,
        }


def _forms_text(ballot: Ballot) -> str:
    return "、".join(f"{day} {label(RESPONDENTS, who)} {label(POSITIONS, position)}" for day, who, position in ballot.forms)


def _criteria(q: list[int], rule: Rule) -> list[Criterion]:
    make = tuple.__new__  # ~26,000 of them for the district overview
    return [make(Criterion, (key, q[n], q[d], threshold, q[d] > 0 and q[n] * r >= p * q[d], area))
            for key, n, d, threshold, p, r, area in _compiled(rule)[1]]


_COMPILED: dict[int, tuple] = {}


def _compiled(rule: Rule) -> tuple:
    """The rule as the engine reads it, worked out once per rule (not once per unit: the district
    overview evaluates ~100,000 units against one rule): (voters.compile_rule(rule), criteria specs
    as (key, numerator index, denominator index, threshold, its numerator, its denominator, by area))."""
    held = _COMPILED.get(id(rule))
    if held is None or held[0] is not rule:  # keyed by identity; the rule itself kept to be sure
        specs = tuple((c.key, QUANTITY_INDEX[c.numerator], QUANTITY_INDEX[c.denominator], c.threshold,
                       c.threshold.numerator, c.threshold.denominator, c.measures_area) for c in rule.criteria)
        held = _COMPILED[id(rule)] = (rule, (compile_rule(rule), specs))
    return held[1]


_TOTALS = ("total_area", "participating_area", "agreeing_area", "total_owners", "participating_owners",
           "agreeing_owners", "opposing_owners")


def _room_order(b: Ballot) -> tuple:
    return (b.unit, b.room, b.household_id)


def _key(v: Voter) -> tuple:
    return v.key


def _tally(ballots: list[Ballot]) -> tuple[list[int], list[Voter] | None]:
    if len(set(map(frozenset, [b.owners for b in ballots]))) == len(ballots):  # one flat per owner set
        return tally_flats(ballots), None
    voters = build_voters(ballots)
    return tally(voters), voters


def unmet_required(ballots: list[Ballot], rule: Rule) -> list[Ballot]:
    """The flats the rule names (occupied flats under guangzhou-2025) whose owner has not signed 支持."""
    if "occupied" not in rule.require_agreement:
        return []
    return [b for b in ballots if b.occupied and b.position != "support"]


def passes(ballots: list[Ballot], rule: Rule) -> bool:
    """Whether these ballots pass, nothing else (the demo generator calls it in loops)."""
    return _passes(_tally(ballots)[0], compile_rule(rule), rule.no_opposition) and not unmet_required(ballots, rule)


def evaluate(ballots: list[Ballot], rule: Rule, mode: str = LEGAL, visit_list: bool = True,
             people: dict | None = None) -> Verdict:
    if mode == FORECAST:  # a conditional support is counted as support, and flagged
        ballots = [b._replace(position="support") if b.position == "conditional" else b for b in ballots]
    q, voters = _tally(ballots)
    crit = _compiled(rule)[0]
    unmet = unmet_required(ballots, rule)
    passed = _passes(q, crit, rule.no_opposition) and not unmet
    plan = None
    if not passed and visit_list:
        if voters is None:  # one flat each: a voter for every flat that can still gain
            voters = [Voter((b,)) for b in ballots if b.position != "support"]
        missing = {b.household_id for b in unmet}
        required = [v for v in voters if any(b.household_id in missing for b in v.flats)] if missing else []
        plan = shortest(voters, q, crit, rule.no_opposition, required)
    conditional = [b for b in ballots if b.conditional]
    depends = False
    if conditional:
        without = [b._replace(position="none") if b.conditional else b for b in ballots]
        depends = (_passes(_tally(without)[0], crit, rule.no_opposition)
                   and not unmet_required(without, rule)) != passed
    conflicts = [v for v in voters if v.position == "conflict"] if voters is not None else \
        [Voter((b,)) for b in ballots if b.position == "conflict"]
    return Verdict(rule=rule, mode=mode, passed=passed, criteria=_criteria(q, rule), totals=dict(zip(_TOTALS, q)),
                   achievable=passed or plan is not None, plan=plan,
                   conditional=sorted(conditional, key=_room_order) if conditional else conditional,
                   opposed=sorted((b for b in ballots if b.position == "oppose"), key=_room_order) if q[6] else [],
                   conflicts=sorted(conflicts, key=_key) if conflicts else conflicts,
                   depends_on_conditional=depends,
                   hearsay=sorted((b for b in ballots if b.hearsay and b.position != "none"), key=_room_order)
                   if mode == FORECAST else [],
                   empty=not ballots, people=people, unmet=sorted(unmet, key=_room_order) if unmet else [])

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


_VOTING = frozenset(VOTING_RESPONDENTS)


def _said_sql(stale: bool = True, ended: bool = True, undated: bool = False) -> str:
    """Every live position record of household h as one text (NULL: it said nothing, the commonest
    case), records in the covering index's order split by ",", each "<written><respondent> <position>
    <on_date||hlc>" (codes, dates and HLCs hold neither "," nor " "); <written>: 1 for a signed form
    no material plan change replaced. One subquery per household, not a row per record: the district
    overview reads 1.3 M households at 15×. Whether a form is undated (a roster row's) costs a
    lookup in the table per record, so it comes only with `undated`: "<written><0|1><respondent>…".
    `stale=False`: the caller knows no unit in scope has a materially changed plan, so no form can be
    stale (skips a subquery per form); `ended=False`: no household in scope was ever sold, so no
    owner's word has ended."""
    written = f"(p.written AND NOT ({STALE_SQL}))" if stale else "p.written"
    if undated:
        written += " || (p.method = 'roster')"
    return (f"(SELECT group_concat({written} || p.respondent"
            f" || ' ' || p.position || ' ' || p.on_date || p.hlc, ',')"
            f" FROM position p WHERE p.deleted = 0 AND p.household_id = h.id"
            + (f" AND NOT {ENDED_SQL.format(p='p')}" if ended else "") + ")")


def _tail(said: str, mode: str, written_only: bool) -> tuple | None:
    """The tail of one household's Ballot — (position, stamp, conditional, intention, hearsay,
    forms) — from its said-text (see _said_sql). The legal position is the latest vote the setting
    accepts; the intention is the latest owner's word of any kind, else a tenant's or family
    member's (which never overrides an owner's). Latest by date, then HLC; a tie keeps the first.
    None: two signed forms of one signer's latest day, and the text does not say which is undated."""
    if "," not in said:  # one record (most households that said anything): nothing to compare
        head, position, stamp = said.split(" ", 2)
        if head.lstrip("01") not in _VOTING:
            if mode == FORECAST:
                return (position, stamp, position == "conditional", "", True, ())
            return ("none", "", False, position if position != "none" else "", True, ())
        if mode == FORECAST or head[0] == "1" or not written_only:
            return (position, stamp, position == "conditional", "", False, ())
        return ("none", "", False, position if position != "none" else "", False, ())
    legal = owner = other = None
    signed = None  # (respondent, position, stamp, undated) of each signed form
    for record in said.split(","):
        head, position, stamp = record.split(" ", 2)
        respondent = head.lstrip("01")
        if respondent in _VOTING:
            if owner is None or stamp > owner[1]:
                owner = (position, stamp)
            written = head[0] == "1"  # signed, for a plan no material change replaced
            if written or not written_only:
                if legal is None or stamp > legal[1]:
                    legal = (position, stamp)
            if written and mode != FORECAST:
                if signed is None:
                    signed = []
                signed.append((respondent, position, stamp, head[1] == "1" if len(head) > len(respondent) + 1 else None))
        elif other is None or stamp > other[1]:
            other = (position, stamp)
    said_by, hearsay = (owner, False) if owner is not None else (other, True)
    if mode == FORECAST:
        return (said_by[0], said_by[1], said_by[0] == "conditional", "", hearsay, ())
    forms = ()
    if signed is not None and len(signed) > 1:  # (one signed form never disagrees with itself)
        if signed[0][3] is None and _same_latest_day(signed):
            return None
        signers: dict[str, list] = {}  # signer → its latest day's signed forms
        for respondent, position, stamp, undated in signed:
            _keep_latest_day(signers, respondent, position, stamp, bool(undated))
        forms = _disagreeing(signers)
    counted, at = ("conflict", legal[1]) if forms else legal if legal is not None else ("none", "")
    return (counted, at, counted == "conditional", said_by[0] if said_by[0] != counted else "", hearsay, forms)


def _same_latest_day(signed: list[tuple]) -> bool:
    """Whether a signer (the owner's side, or the co-owner) signed twice on their latest day: only
    then does it matter which form is undated (see _keep_latest_day)."""
    days: dict[str, list[str]] = {}
    for respondent, _, stamp, _ in signed:
        days.setdefault("co-owner" if respondent == "co-owner" else "owner", []).append(stamp[:10])
    return any(held.count(max(held)) > 1 for held in days.values())


_ORDER = {code: n for n, code in enumerate(POSITIONS)}


def _keep_latest_day(signers: dict[str, list], respondent: str, position: str, stamp: str, undated: bool) -> None:
    """Keep each signer's signed forms of their latest day (a later day replaces their own earlier
    forms). The owner and a proxy sign for the same vote; a co-owner signs for themselves. A form
    from a roster row without a date carries the import's day but is older than any form dated
    that day, so it never disagrees with one."""
    who = "co-owner" if respondent == "co-owner" else "owner"
    held = signers.get(who)
    day = stamp[:10]
    form = (position, stamp, respondent, undated)
    if held is None or day > held[0][1][:10]:
        signers[who] = [form]
    elif day == held[0][1][:10]:
        if undated and not all(f[3] for f in held):
            return
        if not undated and all(f[3] for f in held):
            held.clear()
        held.append(form)


def _disagreeing(signers: dict[str, list]) -> tuple:
    """The signed forms that disagree — two of one signer on one day, or the owner's and a
    co-owner's — as (date, respondent, position) by date, owner first; () when they agree. Never
    settled (nor even listed) by the order in which they were entered."""
    forms = [f for held in signers.values() for f in held if f[0] != "none"]
    if len({f[0] for f in forms}) < 2:
        return ()
    return tuple(sorted({(stamp[:10], respondent, position) for position, stamp, respondent, _ in forms},
                        key=lambda f: (f[0], f[1] != "owner", f[1], _ORDER.get(f[2], 9))))


def load_ballots(store: Store, where: str, params: list, mode: str, written_only: bool,
                 unit_names: bool = False, stale: bool = True, ended: bool = True) -> dict[str, list[Ballot]]:
    """Ballots of every household matching `where` (over household h), grouped by unit id, in the
    order of the household index (unit, then id). One query: a row per household and owner, its
    position records folded in (see _said_sql): the district overview reads every household. `stale=False`:
    no unit in scope has a materially changed plan; `ended=False`: no household in scope was sold
    (see _said_sql)."""
    names = {}
    if unit_names:  # only the units in scope: a street's, not the district's
        names = dict(store.db.execute("SELECT id, name FROM unit") if where == "1" else store.db.execute(
            f"SELECT u.id, u.name FROM unit u WHERE u.id IN (SELECT h.unit_id FROM household h WHERE {where})",
            params))
    by_unit: dict[str, list[Ballot]] = {}
    silent, make = ("none", "", False, "", False, ()), tuple.__new__  # skips NamedTuple's __new__
    last_unit, last_household, group, unit = None, None, [], ""
    for hid, room, floor, area, unit_id, person, occupied, said in store.db.execute(
            f"SELECT h.id, h.room, h.floor, h.area_x100, h.unit_id, o.person_id, h.occupied,"
            f" {_said_sql(stale, ended)} FROM household h"
            f" LEFT JOIN ownership o ON o.deleted = 0 AND o.household_id = h.id"
            f" WHERE h.deleted = 0 AND {where}", params):
        if hid == last_household:  # a co-owner: the flat's rows come one per owner, one after another
            b = group[-1]
            group[-1] = make(Ballot, (*b[:4], tuple(sorted({*b.owners, person})), *b[5:]))
            continue
        last_household = hid
        if unit_id != last_unit:
            last_unit = unit_id
            group = by_unit.get(unit_id)
            if group is None:
                group = by_unit[unit_id] = []
            unit = names.get(unit_id, "")
        tail = silent if said is None else _tail(said, mode, written_only)
        if tail is None:  # which of two same-day signed forms is undated decides: ask the table (rare)
            tail = _tail(store.db.execute(f"SELECT {_said_sql(stale, ended, undated=True)} FROM household h"
                                          f" WHERE h.id = ?", [hid]).fetchone()[0], mode, written_only)
        position, stamp, conditional, intention, hearsay, forms = tail
        group.append(make(Ballot, (hid, room, floor, area, () if person is None else (person,), position, stamp,
                                   conditional, intention, hearsay, unit, bool(occupied), forms)))
    return by_unit


def people_of(store: Store, person_ids) -> dict[str, tuple[str, str]]:
    """Names and phones of these persons (for the visit list), in one query."""
    ids = sorted(set(person_ids))
    if not ids:
        return {}
    rows = store.db.execute("SELECT id, name, phone FROM person WHERE id IN (SELECT value FROM json_each(?))",
                            [json.dumps(ids)])
    return {pid: (name, phone) for pid, name, phone in rows}


def _attach_people(store: Store, verdicts: list[Verdict], shown_only: bool = False) -> None:
    """Names and phones for the voters a verdict names. `shown_only`: just those its shortfall
    text names (the district overview: ~6,500 verdicts, most never looked at in full)."""
    wanted = []
    for v in verdicts:
        for b in v.unmet:
            wanted += b.owners
        if v.plan:
            wanted += [p for voter in (v.plan.voters[:SHOWN_NAMES] if shown_only else v.plan.voters)
                       for p in voter.owners]
        for voter in v.conflicts:
            wanted += voter.owners
    people = people_of(store, wanted)
    for v in verdicts:
        v.people = people


def unit_verdict(store: Store, unit_id: str, rule_id: str | None = None, mode: str = LEGAL) -> Verdict:
    """The verdict for a unit, over the district's scope (the unit, or its whole building)."""
    setting = district_rule(store)
    rule = load_rule(rule_id or setting.rule)
    unit_address(store, unit_id)  # raises for an unknown unit
    building = setting.scope == "building"
    if building:
        where, params = "h.unit_id IN (SELECT id FROM unit WHERE building_id = (SELECT building_id FROM unit WHERE id = ?) AND deleted = 0)", [unit_id]
    else:
        where, params = "h.unit_id = ?", [unit_id]
    groups = load_ballots(store, where, params, mode, setting.written_only, unit_names=building)
    ballots = [b for group in groups.values() for b in group]
    verdict = evaluate(ballots, rule, mode)
    verdict.stale = stale_forms(store, where, params)
    _attach_people(store, [verdict])
    return verdict


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
        if v.achievable and v.shortfall_voters <= 2:
            return "close"
        if v.opposed:
            return "opposed"
        return "far"


def verdicts_under(store: Store, under: str | None = None, rule_id: str | None = None,
                   mode: str = LEGAL) -> list[UnitVerdict]:
    """Every unit's verdict under a street, community … (or the whole database), in a few queries
    per street. Names come with the voters each shortfall text names; unit_verdict() gives a unit's
    full list. For the whole district, iter_verdicts() keeps only one street in memory."""
    return list(iter_verdicts(store, under, rule_id, mode))


def iter_verdicts(store: Store, under: str | None = None, rule_id: str | None = None,
                  mode: str = LEGAL) -> Iterator[UnitVerdict]:
    """The verdicts of verdicts_under(), streamed street by street in the tree's order: memory
    bounded by the largest street, not the district (a 15× city holds 1.3 M households). Per street:
    its units, then one row per household (owners and position records folded in), then people."""
    setting = district_rule(store)
    rule = load_rule(rule_id or setting.rule)
    if under:
        kind, place_id = resolve(store, under)
        chunks = [(_PLACE_ALIAS[kind], place_id)]
    else:  # the streets in the navigation tree's order (a street's units sort by it, street first)
        chunks = [("s", i) for (i,) in store.db.execute("SELECT id FROM street WHERE deleted = 0 ORDER BY seq, name")]
    replanned, sold = _replanned_units(store), _sold_units(store)
    joined = _joined_projects(store)
    for alias, place_id in chunks:
        units = _units_under(store, alias, place_id, joined)
        if not units:
            continue
        ids = [u[0] for u in units]
        where, params = "h.unit_id IN (SELECT value FROM json_each(?))", [json.dumps(ids)]
        with _no_gc():
            by_unit = load_ballots(store, where, params, mode, setting.written_only,
                                   unit_names=setting.scope == "building",
                                   stale=not replanned.isdisjoint(ids), ended=not sold.isdisjoint(ids))
            verdicts = _verdicts(store, units, by_unit, rule, mode, setting.scope)
            _attach_people(store, [v.verdict for v in verdicts], shown_only=True)
            del by_unit
            yield from verdicts  # the collector stays off until they are handed out (see _no_gc)
            del verdicts, units


_PLACE_ALIAS = {"street": "s", "community": "c", "estate": "e", "building": "b", "unit": "u"}


def _units_under(store: Store, alias: str, place_id: str, joined: dict[str, str]) -> list[tuple]:
    """(unit id, address, project name) of every live unit under a place, in the navigation tree's
    order: places.list_units() without what a verdict does not show (the current stage of each
    project) or already counts (the households, one Ballot each)."""
    rows = store.db.execute(
        f"SELECT u.id, s.name, c.name, e.name, b.name, u.name, p.name, s.seq {UNIT_PATH_SQL}"
        f" LEFT JOIN project p ON p.unit_id = u.id AND p.deleted = 0"
        f" WHERE u.deleted = 0 AND {alias}.id = ?", [place_id]).fetchall()
    rows.sort(key=tree_order)
    return [(r[0], Address(*r[1:6]), joined.get(r[0]) if r[6] is None else r[6]) for r in rows]


def _joined_projects(store: Store) -> dict[str, str]:
    """unit id → the multi-unit project it is joined to (few), asked once for the district."""
    return {u: name for u, name in store.db.execute(
        "SELECT pu.unit_id, p.name FROM project_unit pu JOIN project p ON p.id = pu.project_id AND p.deleted = 0"
        " WHERE pu.deleted = 0")}


def _replanned_units(store: Store) -> frozenset[str]:
    """Units whose project has a materially changed plan: only their signed forms can be stale
    (the same test as STALE_SQL, asked once for the district instead of once per signed form)."""
    return frozenset(u for (u,) in store.db.execute(
        "SELECT DISTINCT pr.unit_id FROM lift_plan lp JOIN project pr ON pr.id = lp.project_id"
        " WHERE lp.material = 1 AND lp.deleted = 0 AND pr.deleted = 0"))


def _sold_units(store: Store) -> frozenset[str]:
    """Units with a flat ever sold (过户): only their positions can have ended (ENDED_SQL's test,
    asked once for the district instead of once per position)."""
    return frozenset(u for (u,) in store.db.execute(  # driven by the (few) sales, not the households
        "SELECT DISTINCT (SELECT h.unit_id FROM household h WHERE h.id = x.household_id)"
        " FROM ownership_transfer x WHERE x.deleted = 0") if u is not None)


def _verdicts(store: Store, units: list, by_unit: dict[str, list[Ballot]], rule: Rule, mode: str,
              scope: str) -> list[UnitVerdict]:
    households = {u: len(group) for u, group in by_unit.items()}  # before building scope widens the groups
    if scope == "building":  # the units of these units' buildings (a street's, at most)
        building_of = dict(store.db.execute(
            "SELECT u.id, u.building_id FROM unit u WHERE u.building_id IN (SELECT building_id FROM unit"
            " WHERE id IN (SELECT value FROM json_each(?)))", [json.dumps([u[0] for u in units])]).fetchall())
        by_building: dict[str, list[Ballot]] = {}
        for unit_id, group in by_unit.items():
            by_building.setdefault(building_of[unit_id], []).extend(group)
        by_unit = {u: by_building.get(building_of[u], []) for u in building_of}
    return [UnitVerdict(unit_id, address, project, households.get(unit_id, 0),
                        evaluate(by_unit.get(unit_id, []), rule, mode))
            for unit_id, address, project in units]


@contextmanager
def _no_gc():
    """The overview makes ~200,000 small objects that all stay alive; the cyclic collector would
    rescan them again and again for nothing (they hold no cycles). iter_verdicts() keeps it off
    while it hands a street's verdicts out too: back on while they were still alive, its first
    collection would walk every one of them once more, a street after street (a tenth of the time
    at 1×); back on after they are gone, it finds next to nothing. Its callers read the stream
    through (list(), a loop); a stream dropped half-read turns it back on when it is closed."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


SCOPES = ("unit", "building")


def set_district_rule(store: Store, rule: str, scope: str, written_only: bool) -> None:
    """The district's choice of preset and scope: an editable attribute, logged like any other; one named undo step."""
    load_rule(rule)  # refuses an unknown preset
    if scope not in SCOPES:
        raise ValidationError("scope.invalid", value=scope)
    from liftdesk.places.registry import default_district

    with actions.action(store, "action.rule"):
        records.update(store, "district", default_district(store),
                       {"rule_preset": rule, "consent_scope": scope, "written_only": 1 if written_only else 0})
