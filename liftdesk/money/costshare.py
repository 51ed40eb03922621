"""Cost sharing: who pays what of the owners' part, in integer fen that always add up exactly.

Schemes are data files in resources/costshare/ (a district or a group picks one). A scheme gives each
household a weight; the owners' part, less any agreed per-household amounts (a household that does not
join pays 0, a 1F owner's compensation is negative), is split in proportion to the weights and rounded
by largest remainder with a fixed, printed tie-break, so the shares never depend on input order."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import lru_cache

from liftdesk.errors import ValidationError
from liftdesk.i18n import t
from liftdesk.places.places import natural_key
from liftdesk.common import presets
from liftdesk.common.units import format_area, format_fen

BASES = ("coefficient", "coefficient-area", "floor-percent", "area")
STATUSES = ("official", "reference")
SOURCE_FIELDS = ("title", "issuer", "number", "date", "address", "note")


@dataclass(frozen=True)
class Scheme(presets.Named):
    id: str
    names: dict
    summaries: dict
    basis: str
    floors: dict  # floor number → Decimal (coefficient or percent)
    step_above: Decimal | None = None
    storeys: int | None = None
    custom: bool = False
    source: tuple = ()  # provenance: ((field, text), …) — title, issuer, date, address, note
    status: str = ""  # "official": a published rule's own figures; "reference": values to discuss, not a rule

    @property
    def status_label(self) -> str:
        """官方 / 参考 (what the GUI and the agreement print next to the scheme's name)."""
        return t(f"share.status.{self.status}") if self.status in STATUSES else ""

    @property
    def source_text(self) -> str:
        """"《title》，issuer，date（address）" for the agreement and the GUI."""
        src = dict(self.source)
        parts = [f"《{src['title']}》" if src.get("title") else "", src.get("issuer", ""), src.get("number", ""),
                 src.get("date", "")]
        text = "，".join(p for p in parts if p)
        if src.get("address"):
            text += f"（{src['address']}）"
        return text

    def with_coefficients(self, coefficients: dict) -> "Scheme":
        """The scheme with the group's own per-floor coefficients (a custom scheme)."""
        return Scheme(self.id, self.names, self.summaries, self.basis, _floors(coefficients, allow_negative=False),
                      None, self.storeys, self.custom, self.source, self.status)

    def as_json(self) -> dict:
        """Everything a snapshot needs to recompute the same shares later, whatever the preset file says."""
        return {"id": self.id, "names": self.names, "summaries": self.summaries, "basis": self.basis,
                "floors": {str(k): str(v) for k, v in sorted(self.floors.items())},
                "step_above": None if self.step_above is None else str(self.step_above),
                "storeys": self.storeys, "custom": self.custom, "source": dict(self.source), "status": self.status}

    def floor_value(self, floor: int) -> Decimal:
        if floor in self.floors:
            return self.floors[floor]
        if self.step_above is not None and self.floors:
            top = max(self.floors)
            if floor > top:
                return self.floors[top] + self.step_above * (floor - top)
        raise ValidationError("share.no_coefficient", floor=floor, scheme=self.name)


def _decimal(value: object) -> Decimal:
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValidationError("share.bad_coefficient", value=value) from None
    if not number.is_finite():
        raise ValidationError("share.bad_coefficient", value=value)
    return number


def _floors(values: dict, allow_negative: bool) -> dict:
    floors = {}
    for key, value in (values or {}).items():
        try:
            floor = int(str(key).strip())
        except ValueError:
            raise ValidationError("share.bad_floor", value=key) from None
        number = _decimal(value)
        if number < 0 and not allow_negative:
            raise ValidationError("share.negative_coefficient", floor=floor, value=value)
        floors[floor] = number
    return floors


def available_schemes() -> list[str]:
    return presets.available("costshare")


@lru_cache(maxsize=None)
def load_scheme(scheme_id: str) -> Scheme:
    return scheme_from_json(presets.read("costshare", scheme_id, "share.unknown_scheme", "share.malformed")[0])


def scheme_from_json(data: dict) -> Scheme:
    if data.get("basis") not in BASES:
        raise ValidationError("share.unknown_scheme", value=data.get("basis"), choices="、".join(BASES))
    step = data.get("step_above")
    return Scheme(id=data["id"], names=data["names"], summaries=data.get("summaries", data["names"]),
                  basis=data["basis"], floors=_floors(data.get("floors", {}), allow_negative=False),
                  step_above=None if step is None else _decimal(step), storeys=data.get("storeys"),
                  custom=bool(data.get("custom")), source=_source(data.get("source")),
                  status=data.get("status", "") if data.get("status", "") in STATUSES else "")


def _source(value: object) -> tuple:
    """A preset's source as a hashable tuple; an older file's plain text becomes its title."""
    if isinstance(value, dict):
        return tuple((k, str(v)) for k, v in value.items() if k in SOURCE_FIELDS and v)
    return (("title", str(value)),) if value else ()


@dataclass(frozen=True)
class Flat:
    """A household as the sharing sees it."""
    id: str
    room: str
    floor: int
    area_x100: int
    unit: str = ""


@dataclass(frozen=True)
class Override:
    """An agreed amount for one household instead of its computed share, always with a reason."""
    amount_fen: int
    reason: str


@dataclass(frozen=True)
class Share:
    flat: Flat
    coefficient: Decimal | None
    weight: Fraction
    amount_fen: int
    rounded_up: bool
    override: Override | None
    explanation: str

    def as_json(self) -> dict:
        return {"household_id": self.flat.id, "room": self.flat.room, "floor": self.flat.floor,
                "unit": self.flat.unit, "area": format_area(self.flat.area_x100),
                "coefficient": None if self.coefficient is None else str(self.coefficient),
                "share_fen": self.amount_fen, "override": None if self.override is None else
                {"amount_fen": self.override.amount_fen, "reason": self.override.reason},
                "explanation": self.explanation}


@dataclass(frozen=True)
class ShareTable:
    scheme: Scheme
    owners_part_fen: int
    shares: list[Share]
    weight_total: Fraction
    shared_fen: int  # what was split by weight, after the overrides
    by_floor: dict = field(default_factory=dict)

    @property
    def sum_fen(self) -> int:
        return sum(s.amount_fen for s in self.shares)

    def share_of(self, household_id: str) -> Share | None:
        return next((s for s in self.shares if s.flat.id == household_id), None)

    def as_json(self) -> dict:
        return {"scheme": self.scheme.id, "owners_part_fen": self.owners_part_fen, "sum_fen": self.sum_fen,
                "shares": [s.as_json() for s in self.shares],
                "by_floor": {str(k): v for k, v in sorted(self.by_floor.items())},
                "tie_break": t("share.tie_break")}


def _fmt_decimal(value: Decimal | Fraction) -> str:
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return f"{value.quantize(Decimal('0.0001')).normalize():f}"


def _weights(scheme: Scheme, flats: list[Flat], storeys: int | None) -> dict[str, tuple[Fraction, Decimal | None]]:
    if scheme.basis == "floor-percent":
        if scheme.storeys and storeys is not None and storeys != scheme.storeys:
            raise ValidationError("share.storeys", scheme=scheme.name, storeys=scheme.storeys, actual=storeys)
        per_floor: dict[int, int] = {}
        for f in flats:
            per_floor[f.floor] = per_floor.get(f.floor, 0) + 1
        return {f.id: (Fraction(scheme.floor_value(f.floor)) / per_floor[f.floor], scheme.floor_value(f.floor))
                for f in flats}
    if scheme.basis == "area":
        return {f.id: (Fraction(f.area_x100, 100), None) for f in flats}
    result = {}
    for f in flats:
        coefficient = scheme.floor_value(f.floor)
        weight = Fraction(coefficient) * (Fraction(f.area_x100, 100) if scheme.basis == "coefficient-area" else 1)
        result[f.id] = (weight, coefficient)
    return result


def _order_key(flat: Flat) -> tuple:
    """The printed tie-break: higher floor first, then room (then unit, then id, for uniqueness)."""
    return (-flat.floor, natural_key(flat.room), natural_key(flat.unit), flat.id)


def compute_shares(flats: list[Flat], owners_part_fen: int, scheme: Scheme,
                   overrides: dict[str, Override] | None = None, storeys: int | None = None) -> ShareTable:
    """Split the owners' part exactly: agreed amounts first, the rest by weight, largest remainder."""
    if not isinstance(owners_part_fen, int) or owners_part_fen < 0:
        raise ValidationError("share.bad_total", value=owners_part_fen)
    overrides = dict(overrides or {})
    ids = {f.id for f in flats}
    if len(ids) != len(flats):
        raise ValidationError("share.duplicate_household")
    for household_id, override in overrides.items():
        if household_id not in ids:
            raise ValidationError("share.override_outside")
        if not (override.reason or "").strip():
            raise ValidationError("share.override_reason")
    weights = _weights(scheme, flats, storeys)
    fixed = sum(o.amount_fen for o in overrides.values())
    shared = owners_part_fen - fixed
    if shared < 0:
        raise ValidationError("share.overrides_exceed", fixed=format_fen(fixed), total=format_fen(owners_part_fen))
    sharing = [f for f in flats if f.id not in overrides]
    total_weight = sum((weights[f.id][0] for f in sharing), Fraction(0))
    if shared and total_weight <= 0:
        raise ValidationError("share.nobody_pays")
    exact = {f.id: (Fraction(shared) * weights[f.id][0] / total_weight if total_weight else Fraction(0))
             for f in sharing}
    base = {k: v.numerator // v.denominator for k, v in exact.items()}
    leftover = shared - sum(base.values())
    by_remainder = sorted(sharing, key=lambda f: (-(exact[f.id] - base[f.id]), _order_key(f)))
    extra = {f.id for f in by_remainder[:leftover]}
    shares = []
    for f in sorted(flats, key=_order_key):
        weight, coefficient = weights[f.id]
        if f.id in overrides:
            o = overrides[f.id]
            shares.append(Share(f, coefficient, weight, o.amount_fen, False, o,
                                t("share.explain_override", floor=f.floor, room=f.room, amount=format_fen(o.amount_fen),
                                  reason=o.reason)))
            continue
        amount = base[f.id] + (1 if f.id in extra else 0)
        shares.append(Share(f, coefficient, weight, amount, f.id in extra, None,
                            _explain(scheme, f, weight, coefficient, total_weight, shared, amount, f.id in extra,
                                     sum(1 for g in flats if g.floor == f.floor))))
    by_floor: dict[int, int] = {}
    for s in shares:
        by_floor[s.flat.floor] = by_floor.get(s.flat.floor, 0) + s.amount_fen
    return ShareTable(scheme, owners_part_fen, shares, total_weight, shared, by_floor)


def _explain(scheme: Scheme, f: Flat, weight: Fraction, coefficient: Decimal | None, total: Fraction,
             shared: int, amount: int, rounded_up: bool, on_floor: int) -> str:
    if scheme.basis == "area":
        basis = t("share.basis_area", area=format_area(f.area_x100))
    elif scheme.basis == "coefficient-area":
        basis = t("share.basis_coef_area", coefficient=_fmt_decimal(coefficient), area=format_area(f.area_x100),
                  weight=_fmt_decimal(weight))
    elif scheme.basis == "floor-percent":
        basis = t("share.basis_percent", percent=_fmt_decimal(coefficient), households=on_floor,
                  weight=_fmt_decimal(weight))
    else:
        basis = t("share.basis_coefficient", coefficient=_fmt_decimal(coefficient))
    text = t("share.explain", floor=f.floor, room=f.room, basis=basis, total=_fmt_decimal(total),
             shared=format_fen(shared), amount=format_fen(amount))
    return text + (t("share.rounded_up") if rounded_up else "")
