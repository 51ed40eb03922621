"""Consent rule presets, as data files in resources/rules/: a district picks one, and its scope."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from liftdesk.common import presets
from liftdesk.errors import LiftDeskError

DEFAULT_RULE = "civil-code-278"
# household flags a rule can name in "require_agreement": every flagged flat must sign 支持
HOUSEHOLD_FLAGS = ("occupied",)
QUANTITIES = ("total_area", "participating_area", "agreeing_area",
              "total_owners", "participating_owners", "agreeing_owners")


@dataclass(frozen=True)
class CriterionSpec:
    key: str
    numerator: str
    denominator: str
    threshold: Fraction

    @property
    def measures_area(self) -> bool:
        return self.numerator.endswith("_area")


@dataclass(frozen=True)
class Rule(presets.Named):
    id: str
    names: dict
    summaries: dict
    criteria: tuple[CriterionSpec, ...]
    no_opposition: bool
    require_agreement: tuple[str, ...] = ()  # flags of households whose owners must each agree
    historical: bool = False  # kept so stored districts still open; not offered for new choices


def available_rules() -> list[str]:
    return presets.available("rules")


def current_rules() -> list[str]:
    """The presets offered for a new choice: historical ones stay readable, not offered."""
    return [r for r in available_rules() if not load_rule(r).historical]


@lru_cache(maxsize=None)
def load_rule(rule_id: str) -> Rule:
    data, path = presets.read("rules", rule_id, "rule.unknown", "rule.malformed")
    try:
        criteria = tuple(
            CriterionSpec(c["key"], c["numerator"], c["denominator"], Fraction(c["threshold"]))
            for c in data["criteria"])
        for c in criteria:
            if c.numerator not in QUANTITIES or c.denominator not in QUANTITIES or not 0 < c.threshold <= 1 \
                    or c.denominator.startswith("agreeing"):  # the visit search relies on it
                raise ValueError(f"criterion {c.key}")
        required = tuple(data.get("require_agreement", ()))
        for flag in required:
            if flag not in HOUSEHOLD_FLAGS:
                raise ValueError(f"require_agreement {flag}")
        return Rule(data["id"], data["name"], data["summary"], criteria, bool(data.get("no_opposition")),
                    required, bool(data.get("historical")))
    except (OSError, KeyError, ValueError, TypeError) as exc:
        raise LiftDeskError("rule.malformed", path=str(path), reason=str(exc)) from None
