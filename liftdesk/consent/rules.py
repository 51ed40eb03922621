"""Consent rule presets, as data files in resources/rules/: a district picks one, and its scope."""

from __future__ import annotations

import json
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from liftdesk.errors import LiftDeskError, ValidationError
from liftdesk.i18n import language
from liftdesk.common.resources import resource_path

DEFAULT_RULE = "civil-code-278"
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
class Rule:
    id: str
    names: dict
    summaries: dict
    criteria: tuple[CriterionSpec, ...]
    no_opposition: bool

    @property
    def name(self) -> str:
        return self.names.get(language(), self.names["zh"])

    @property
    def summary(self) -> str:
        return self.summaries.get(language(), self.summaries["zh"])


def available_rules() -> list[str]:
    return sorted(p.stem for p in resource_path("rules").glob("*.json"))


@lru_cache(maxsize=None)
def load_rule(rule_id: str) -> Rule:
    if rule_id not in available_rules():
        raise ValidationError("rule.unknown", value=rule_id, choices="、".join(available_rules()))
    path = resource_path("rules", f"{rule_id}.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        criteria = tuple(
            CriterionSpec(c["key"], c["numerator"], c["denominator"], Fraction(c["threshold"]))
            for c in data["criteria"])
        for c in criteria:
            if c.numerator not in QUANTITIES or c.denominator not in QUANTITIES or not 0 < c.threshold <= 1 \
                    or c.denominator.startswith("agreeing"):  # the visit search relies on it
                raise ValueError(f"criterion {c.key}")
        return Rule(data["id"], data["name"], data["summary"], criteria, bool(data.get("no_opposition")))
    except (OSError, KeyError, ValueError, TypeError) as exc:
        raise LiftDeskError("rule.malformed", path=str(path), reason=str(exc)) from None
