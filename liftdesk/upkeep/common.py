"""What the upkeep modules share: a project must be handed over before its lift has upkeep, and
the small checks of typed values (text, money, whole numbers)."""

from __future__ import annotations

from liftdesk.errors import ValidationError
from liftdesk.store import Store

HANDED_OVER = ("handover", "maintenance")


def handover_day(store: Store, project_id: str) -> str | None:
    """The day the lift was handed over (its first handover stage event), or None."""
    row = store.db.execute("SELECT min(on_date) FROM stage_event WHERE project_id = ? AND deleted = 0"
                           " AND stage IN ('handover', 'maintenance')", [project_id]).fetchone()
    return row[0] if row else None


def require_handed_over(store: Store, project_id: str) -> str:
    unit = store.db.execute("SELECT unit_id FROM project WHERE id = ? AND deleted = 0", [project_id]).fetchone()
    if unit is None:
        raise ValidationError("record.not_found", table="project", id=project_id)
    day = handover_day(store, project_id)
    if day is None:
        raise ValidationError("upkeep.not_handed_over")
    return unit[0]


def text(value: object, key: str | None = None) -> str:
    """Trimmed text; with `key`, empty text is refused with that message."""
    clean = str(value or "").strip()
    if key and not clean:
        raise ValidationError(key)
    return clean


def fen(value: object, allow_negative: bool = False) -> int:
    """An amount in integer fen (never a float, never a bool)."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValidationError("money.invalid", value=value)
    if value < 0 and not allow_negative:
        raise ValidationError("money.negative", value=value)
    return value


def whole(value: object, key: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValidationError(key, value=value)
    return value
