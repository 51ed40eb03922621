"""What each district sets for itself, stored in the database (so every station of the district
prints the same): the consent rule and its scope, the 公示 period (a number of working or calendar
days: Hangzhou counts 10 working days, Jinan 15 calendar days), the office that takes objections
(address, phone) and the cost-sharing preset new plans start from. One key at a time from the
CLI (`settings KEY VALUE`), several at once from the GUI; either way one named undo step."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from liftdesk.consent import evaluation
from liftdesk.consent.rules import load_rule
from liftdesk.errors import ValidationError
from liftdesk.history import actions
from liftdesk.money import costshare
from liftdesk.places import registry
from liftdesk.store import Store, records

DAY_KINDS = ("working", "calendar")
NOTICE_DAYS = range(1, 61)
DEFAULT_COST_PRESET = "guangzhou-2025"  # what a funding plan starts from when the district has not chosen
TEXT_MAX = 100
KEYS = ("rule", "scope", "written_only", "notice_days", "notice_day_kind", "office_address", "office_phone",
        "cost_preset")
COLUMN = {"rule": "rule_preset", "scope": "consent_scope"}  # the key's column where the names differ


@dataclass(frozen=True)
class DistrictSettings:
    rule: str = evaluation.DEFAULT_RULE
    scope: str = "unit"
    written_only: bool = True
    notice_days: int = 10
    notice_day_kind: str = "working"
    office_address: str = ""
    office_phone: str = ""
    cost_preset: str = DEFAULT_COST_PRESET

    def as_json(self) -> dict:
        return asdict(self)


def read(store: Store) -> DistrictSettings:
    row = store.db.execute(
        "SELECT rule_preset, consent_scope, written_only, notice_days, notice_day_kind, office_address,"
        " office_phone, cost_preset FROM district WHERE deleted = 0 ORDER BY id LIMIT 1").fetchone()
    if row is None:
        return DistrictSettings()
    return DistrictSettings(row[0], row[1], bool(row[2]), int(row[3]), row[4], row[5], row[6],
                            row[7] or DEFAULT_COST_PRESET)


def _text(key: str, value: object) -> str:
    text = " ".join(str(value or "").split())
    if len(text) > TEXT_MAX or re.search(r"[\x00-\x1f\x7f]", text):
        raise ValidationError("setting.text_invalid", name=key, limit=TEXT_MAX)
    return text


_YES = {"1", "true", "yes", "y", "是", "on"}
_NO = {"0", "false", "no", "n", "否", "off"}


def check(key: str, value: object) -> object:
    """VALUE as KEY stores it, or a clear refusal (nothing written)."""
    if key not in KEYS:
        raise ValidationError("setting.unknown", name=key, choices="、".join(KEYS))
    if key == "rule":
        return load_rule(str(value).strip()).id
    if key == "scope":
        if str(value).strip() not in evaluation.SCOPES:
            raise ValidationError("scope.invalid", value=value)
        return str(value).strip()
    if key == "written_only":
        word = str(value).strip().lower()
        if isinstance(value, bool):
            return value
        if word not in _YES | _NO:
            raise ValidationError("setting.bool_invalid", name=key, value=value)
        return word in _YES
    if key == "notice_days":
        try:
            days = int(str(value).strip())
        except ValueError:
            days = 0
        if days not in NOTICE_DAYS:
            raise ValidationError("setting.notice_days_invalid", value=value)
        return days
    if key == "notice_day_kind":
        kind = {"工作日": "working", "自然日": "calendar", "日历日": "calendar"}.get(str(value).strip(),
                                                                                  str(value).strip())
        if kind not in DAY_KINDS:
            raise ValidationError("setting.day_kind_invalid", value=value)
        return kind
    if key == "cost_preset":
        return costshare.load_scheme(str(value).strip()).id
    return _text(key, value)


def update(store: Store, changes: dict[str, object]) -> DistrictSettings:
    """Check every value first, then write them as one step ("修改本区设置")."""
    checked = {key: check(key, value) for key, value in changes.items()}
    values = {COLUMN.get(k, k): (1 if v else 0) if k == "written_only" else v for k, v in checked.items()}
    with actions.action(store, "action.district_settings"):
        records.update(store, "district", registry.default_district(store), values)
    return read(store)
