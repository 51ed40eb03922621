"""Voters as the law counts them, and the fewest voters whose signature would pass a rule.

A voter is a set of flats with exactly the same owner set (one buyer of several flats counts once;
overlapping owner sets stay separate, and nothing chains). A voter's position is the one position
its flats' records agree on; flats that disagree (支持 for 101, 反对 for 102) make a *conflict*:
participating, not agreeing, opposing under rules that forbid opposition. Nothing depends on the
order in which records or rows arrive.

The visit search works on voters. Winning a voter over means a signed 支持 for every flat of it.
Voters split into classes whose gains have the same shape; inside a class a larger gain never
hurts, so the best choice of c voters of a class is its c largest, and trying every split between
classes (with a bisection for the already-voting class) finds the minimum exactly. Among minimum
sets the one with the most likely signers wins (see RANKS), then the larger area, then the rooms.
"""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter
from itertools import accumulate, combinations
from typing import NamedTuple

TA, PA, AA, TO, PO, AO, OO = range(7)
QUANTITY_INDEX = {"total_area": TA, "participating_area": PA, "agreeing_area": AA,
                  "total_owners": TO, "participating_owners": PO, "agreeing_owners": AO}
OPPOSING = ("oppose", "conflict")

# How likely a voter is to sign 支持, most likely first: (class, position or spoken intention).
# Each rank belongs to one class, so "c voters of rank r" always means the c largest of one list.
RANKS = {("C", "support"): 0,             # signed 支持 for some flats, others not yet signed
         ("A", "support"): 1,             # said yes, has not signed
         ("A", "none"): 2,                # undecided
         ("A", "abstain"): 3, ("B", "abstain"): 4,
         ("A", "conditional"): 5, ("B", "conditional"): 6,
         ("B", "conflict"): 7,
         ("A", "oppose"): 8, ("B", "oppose"): 9}
VOTE_ENUMERATION_LIMIT = 5000  # vote-only sets are searched by enumeration up to this many subsets


class Voter:
    """One voter: its flats (Ballots), its resolved position and what signing 支持 would add."""
    __slots__ = ("flats", "owners", "position", "intention", "area", "part_area", "agree_area",
                 "gain_part", "gain_agree", "cls", "rank", "key", "walk_key")

    def __init__(self, flats: tuple):
        if len(flats) == 1:  # most voters own one flat: read its fields once (~60,000 voters per 1× overview)
            first = flats[0]
            hid, room, floor, area, owners, pos = first[:6]  # a Ballot's leading fields
            unit, intention = first.unit, first.intention
            self.flats, self.owners, self.area = flats, owners, area
            part = 0 if pos == "none" else area
            agree = area if pos == "support" else 0
            intention = intention or pos
            self.key = key = ((unit, room, hid),)
            self.walk_key = (unit, -floor, key)
        else:  # in room order, so nothing shown depends on the order rows came in
            flats = tuple(sorted(flats, key=lambda b: (b.unit, b.room, b.household_id)))
            self.flats = flats
            self.owners = flats[0].owners
            said = {b.position for b in flats if b.position != "none"}
            pos = "none" if not said else said.pop() if len(said) == 1 else "conflict"
            self.area = area = sum(b.area_x100 for b in flats)
            part = sum(b.area_x100 for b in flats if b.position != "none")
            agree = sum(b.area_x100 for b in flats if b.position == "support") if pos == "support" else 0
            words = {b.intention or b.position for b in flats} - {"none"}
            intention = words.pop() if len(words) == 1 else "none"
            # the walk: unit by unit, higher floors first (helpers climb once and walk down)
            self.key = tuple(sorted((b.unit, b.room, b.household_id) for b in flats))
            self.walk_key = (min(b.unit for b in flats), -max(b.floor for b in flats), self.key)
        self.position, self.intention = pos, intention
        self.part_area, self.agree_area = part, agree
        self.gain_part, self.gain_agree = area - part, area - agree
        if pos == "none":
            self.cls, self.rank = "A", RANKS.get(("A", intention), 2)
        elif pos == "support":
            self.cls, self.rank = ("C", 0) if self.gain_agree else (None, -1)
        else:
            self.cls, self.rank = ("B" if not self.gain_part else "M"), RANKS[("B", pos)]

    def __eq__(self, other) -> bool:
        return isinstance(other, Voter) and self.flats == other.flats

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return f"Voter({'、'.join(b.label for b in self.flats)}: {self.position})"

    @property
    def opposing(self) -> bool:
        return self.position in OPPOSING

    def to_visit(self) -> list:
        """The flats this voter still has to sign for (all of them when its forms conflict)."""
        if len(self.flats) == 1:
            return list(self.flats) if self.position != "support" else []
        if self.position == "conflict":
            return sorted(self.flats, key=lambda b: (b.unit, -b.floor, b.room))
        return sorted((b for b in self.flats if b.position != "support"), key=lambda b: (b.unit, -b.floor, b.room))


def voter_key(b) -> object:
    """Flats with exactly the same owner set are one voter; a flat with no owner is its own."""
    o = b.owners
    return o[0] if len(o) == 1 else frozenset(o) if o else ("household", b.household_id)


def build_voters(ballots) -> list[Voter]:
    groups: dict[object, list] = {}
    for b in ballots:
        groups.setdefault(voter_key(b), []).append(b)
    return [Voter(tuple(flats)) for flats in groups.values()]


def tally_flats(ballots) -> list[int]:
    """tally() when every flat is its own voter, without building voters."""
    ta = pa = aa = po = ao = oo = 0
    for b in ballots:
        a = b.area_x100
        ta += a
        pos = b.position
        if pos != "none":
            pa += a
            po += 1
            if pos == "support":
                aa += a
                ao += 1
            elif pos == "oppose" or pos == "conflict":
                oo += 1
    return [ta, pa, aa, len(ballots), po, ao, oo]


def tally(voters: list[Voter]) -> list[int]:
    q = [0] * 7
    for v in voters:
        pos = v.position
        q[TA] += v.area
        q[PA] += v.part_area
        q[AA] += v.agree_area
        q[TO] += 1
        if pos != "none":
            q[PO] += 1
            if pos == "support":
                q[AO] += 1
            elif pos == "oppose" or pos == "conflict":
                q[OO] += 1
    return q


def compile_rule(rule) -> tuple:
    return tuple((QUANTITY_INDEX[s.numerator], QUANTITY_INDEX[s.denominator], s.threshold.numerator,
                  s.threshold.denominator) for s in rule.criteria)


def passes(q, crit, no_opposition: bool) -> bool:
    """Integer cross-multiplication: exact like Fraction, boundaries included."""
    if no_opposition and q[OO]:
        return False
    for n, d, p, r in crit:
        den = q[d]
        if den <= 0 or q[n] * r < p * den:
            return False
    return True


def _apply(q: list[int], voters) -> list[int]:
    """The quantities after these voters sign 支持 for all their flats."""
    q = list(q)
    for v in voters:
        q[PA] += v.gain_part
        q[AA] += v.gain_agree
        pos = v.position
        if pos == "none":
            q[PO] += 1
        if pos != "support":
            q[AO] += 1
        if pos in OPPOSING:  # (Voter.opposing, without a property call per voter)
            q[OO] -= 1
    return q


def _prefix(values) -> list[int]:
    return list(accumulate(values, initial=0))


def _min_extra(q, crit, pre_a, pre_b, pre_c, bound=None):
    """Fewest voters from the three classes (each a prefix-sum list of gains, largest first) that
    make q pass, or None. A: not yet voted (+1 participating, +1 agreeing, +area to both areas);
    B: voted, not agreeing (+1 agreeing, +area agreeing); C: agreeing, flats unsigned (+area both).
    Rules are never allowed an agreeing quantity as denominator, so B moves only numerators."""
    best = None if bound is None else bound + 1
    n_b = len(pre_b) - 1
    i_lo = 0  # only class A adds participating owners: a criterion on them bounds i from below
    for n, d, p, r in crit:
        if n == PO and d in (TA, TO):
            i_lo = max(i_lo, -((-p * q[d]) // r) - q[PO])
    if i_lo >= len(pre_a):
        return None
    for k, ck in enumerate(pre_c):
        if best is not None and k >= best:
            break
        for i in range(i_lo, len(pre_a)):
            if best is not None and i + k >= best:
                break
            ai = pre_a[i]
            v = (q[TA], q[PA] + ai + ck, q[AA] + ai + ck, q[TO], q[PO] + i, q[AO] + i)
            j = 0
            for n, d, p, r in crit:
                den = v[d]
                if den <= 0:
                    j = -1
                    break
                need = -((-p * den) // r) - v[n]
                if need <= 0:
                    continue
                if n == AA:
                    need = bisect_left(pre_b, need)
                elif n != AO:
                    j = -1
                    break
                if need > n_b:
                    j = -1
                    break
                if need > j:
                    j = need
            if j >= 0 and (best is None or i + j + k < best):
                best = i + j + k
    if bound is not None and best == bound + 1:
        return None
    return best


class Plan(NamedTuple):
    kind: str          # "agree": each must sign 支持; "vote": any signed opinion suffices
    voters: list       # the chosen voters, in walk order
    forced: list       # opposers a no-opposition rule requires (a subset of voters)
    required: tuple = ()  # voters a rule names (the owner of a flat the lift occupies): must agree


def shortest(voters: list[Voter], q: list[int], crit, no_opposition: bool, required=()) -> Plan | None:
    """The smallest set of voters whose signature passes the rule, most likely signers first;
    None when even everybody's signature would not pass (no owners in scope). REQUIRED voters
    (named by the rule) must sign 支持 whatever the counts: they are taken first, like opposers
    under a no-opposition rule, and the search covers what is still missing after them."""
    forced = [v for v in voters if v.position in OPPOSING] if no_opposition else []
    required = tuple(v for v in required if v not in forced) if required else ()
    by_class = {"A": [], "B": [], "C": [], "M": [], None: []}
    if forced or required:
        taken = set(forced) | set(required)
        base = _apply(q, forced + list(required))
        for v in voters:
            if v not in taken:
                by_class[v.cls].append(v)
    else:  # the common case: nothing taken beforehand (hashing a Voter costs a call: skip it)
        base = q
        for v in voters:
            by_class[v.cls].append(v)
    mixed = by_class["M"]
    plain = by_class["A"] + by_class["B"] + by_class["C"]
    pres = [_prefix(sorted((v.gain_agree for v in by_class[c]), reverse=True)) for c in "ABC"]
    best_size, sizes = None, []
    for t in _subsets(mixed):
        q_t = _apply(base, t) if t else base
        m = _min_extra(q_t, crit, *pres)
        if m is not None:
            sizes.append((t, q_t, m))
            if best_size is None or len(t) + m < best_size:
                best_size = len(t) + m
    if best_size is None:
        return None
    if best_size and not no_opposition and not required:
        vote = _vote_set(by_class["A"], q, crit, best_size)
        if vote is not None:
            return Plan("vote", sorted(vote, key=_walk), [])
    buckets: dict[int, list[Voter]] = {}
    for v in plain:
        buckets.setdefault(v.rank, []).append(v)
    for members in buckets.values():
        if len(members) > 1:
            members.sort(key=_bucket_order)
    best = None
    for t, q_t, m in sizes:
        if len(t) + m != best_size:
            continue
        counts = _prefer(q_t, crit, buckets, best_size - len(t))
        chosen = list(t) + [v for r, c in counts.items() if c for v in buckets[r][:c]]
        if len(sizes) == 1:
            best = (None, chosen)
            break
        key = set_key(chosen)
        if best is None or key < best[0]:
            best = (key, chosen)
    chosen = forced + list(required) + best[1]
    return Plan("agree", sorted(chosen, key=_walk), forced, required)


def _bucket_order(v: Voter) -> tuple:
    return (-v.gain_agree, v.key)


def _subsets(items):
    for size in range(len(items) + 1):
        yield from combinations(items, size)


def set_key(voters) -> tuple:
    """How two sets of equal size compare: fewer unlikely signers (counted from the least likely
    rank down), then the larger area won, then the rooms."""
    ranks = sorted((v.rank for v in voters), reverse=True)
    return (tuple(ranks), -sum(v.gain_agree for v in voters), tuple(sorted(v.key for v in voters)))


def _prefer(q, crit, buckets: dict[int, list[Voter]], size: int) -> dict[int, int]:
    """How many voters to take from each rank: lexicographically fewest from the least likely
    rank down, among choices of `size` voters that pass (the largest of each rank are taken)."""
    ranks = sorted(buckets, reverse=True)
    greedy, left = {}, size  # most likely first: often already passes
    for r in reversed(ranks):
        take = min(left, len(buckets[r]))
        greedy[r] = take
        left -= take
    if not left and passes(_apply(q, [v for r, c in greedy.items() for v in buckets[r][:c]]), crit, False):
        return greedy
    fixed: dict[int, int] = {}
    for n, r in enumerate(ranks):
        lower = ranks[n + 1:]
        free = {"A": [], "B": [], "C": []}
        for lr in lower:
            for v in buckets[lr]:
                free[v.cls].append(v.gain_agree)
        pres = [_prefix(sorted(free[c], reverse=True)) for c in "ABC"]
        n_free = sum(len(buckets[lr]) for lr in lower)
        for c in range(len(buckets[r]) + 1):
            fixed[r] = c
            taken = sum(fixed.values())
            left = size - taken
            if left < 0:
                break
            if left > n_free:
                continue
            q_f = _apply(q, [v for fr, fc in fixed.items() for v in buckets[fr][:fc]])
            m = _min_extra(q_f, crit, *pres, bound=left)
            if m is not None:
                break
    return fixed


def _vote_set(candidates: list[Voter], q: list[int], crit, size: int):
    """The best set of `size` not-yet-voted voters that passes whatever each of them signs (the
    worst case: all oppose), or None. Larger areas help participation but can sink the
    agreement ratio, so this enumerates (bounded by VOTE_ENUMERATION_LIMIT)."""
    if size < 1 or len(candidates) < size:
        return None
    v0 = list(q)
    v0[PO] += size
    v0[OO] += size
    for n, d, p, r in crit:  # head-count criteria do not depend on who: settle them first
        if n not in (PA, AA) and d not in (PA, AA, TA) and (v0[d] <= 0 or v0[n] * r < p * v0[d]):
            return None
    count, total = 1, len(candidates)
    for k in range(size):
        count = count * (total - k) // (k + 1)
    if count > VOTE_ENUMERATION_LIMIT:
        return None
    best = None
    for combo in combinations(candidates, size):
        if _passes_area(v0, crit, sum(v.gain_part for v in combo)):
            key = set_key(combo)
            if best is None or key < best[0]:
                best = (key, list(combo))
    return best[1] if best else None


def _passes_area(v0, crit, added: int) -> bool:
    v = list(v0)
    v[PA] += added
    return passes(v, crit, False)


_walk = attrgetter("walk_key")
