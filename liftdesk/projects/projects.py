"""Lift projects: one per stairwell unit (or per building where the district counts so), and
their stage history. Stage events are append-only; every move is kept, including going back."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from liftdesk.common.dates import any_day, past_day
from liftdesk.common.units import parse_yuan
from liftdesk.errors import ValidationError
from liftdesk.history import actions
from liftdesk.i18n import t
from liftdesk.places.places import unit_address
from liftdesk.projects import objections
from liftdesk.projects.stages import BY_CODE, ORDER, STAGES, stage_label
from liftdesk.projects.units import joined_project
from liftdesk.store import Store, records

log = logging.getLogger(__name__)

MAIN_STAGES = [s.code for s in STAGES if s.code not in ("paused", "stopped")]
HALTS = ("paused", "stopped")

# What each stage needs, beyond its date: (field, required, kind)
STAGE_FIELDS: dict[str, tuple[tuple[str, bool, str], ...]] = {
    "approval": (("permit_no", True, "text"), ("permit_date", True, "date"), ("review", False, "text")),
    "subsidy": (("amount_fen", True, "fen"), ("status", True, "text"), ("credited_on", False, "date")),
    "construction": (("contractor", True, "text"), ("planned_start", False, "date"), ("actual_start", False, "date")),
    "acceptance": (("accepted_on", True, "date"),),
    "notice": (("ends_on", False, "plan_date"),),
    "handover": (("handover_on", True, "date"), ("manager", True, "text")),
    "maintenance": (("company", True, "text"), ("insurance", False, "text")),
}


@dataclass(frozen=True)
class StageEvent:
    id: str
    project_id: str
    stage: str
    on_date: str
    note: str
    details: dict
    recorded_by: str
    hlc: str

    @property
    def label(self) -> str:
        return stage_label(self.stage)


def project_of_unit(store: Store, unit_id: str) -> str | None:
    """The unit's project: the one it is the first unit of, or one it was joined to (projects/units.py)."""
    row = store.db.execute("SELECT id FROM project WHERE unit_id = ? AND deleted = 0 LIMIT 1", [unit_id]).fetchone()
    return row[0] if row else joined_project(store, unit_id)


def create_project(store: Store, unit_id: str, name: str | None = None) -> str:
    if project_of_unit(store, unit_id):
        raise ValidationError("project.exists")
    address = unit_address(store, unit_id)
    return records.insert(store, "project", {"unit_id": unit_id, "name": (name or "").strip()
                                             or f"{address.estate}{address.building}{address.unit}电梯"})


def start_project(store: Store, unit_id: str) -> str:
    """`create_project` as the user's named undo step ("立项加梯")."""
    with actions.action(store, "action.create_project", unit_id=unit_id):
        return create_project(store, unit_id)


def project_unit(store: Store, project_id: str) -> str:
    row = store.db.execute("SELECT unit_id FROM project WHERE id = ?", [project_id]).fetchone()
    if row is None:
        raise ValidationError("record.not_found", table="project", id=project_id)
    return row[0]


def history(store: Store, project_id: str) -> list[StageEvent]:
    """Oldest first, as the stages happened (ties in recording order)."""
    rows = store.db.execute(
        "SELECT id, project_id, stage, on_date, note, details, coalesce(recorded_by, ''), hlc FROM stage_event"
        " WHERE project_id = ? AND deleted = 0 ORDER BY on_date, hlc", [project_id]).fetchall()
    return [StageEvent(*r[:5], json.loads(r[5] or "{}"), *r[6:]) for r in rows]


def current_stage(store: Store, project_id: str) -> str | None:
    events = history(store, project_id)
    return events[-1].stage if events else None


def _last_working_stage(events: list[StageEvent]) -> str | None:
    for event in reversed(events):
        if event.stage not in HALTS:
            return event.stage
    return None


def _check_details(stage: str, details: dict) -> dict:
    clean = {}
    for name, required, kind in STAGE_FIELDS.get(stage, ()):
        value = details.get(name)
        if value in (None, ""):
            if required:
                raise ValidationError("stage.field_missing", stage=stage_label(stage), field=t(f"field.{name}"))
            continue
        if kind == "date":
            value = past_day(value)
        elif kind == "plan_date":  # a day that may still lie ahead (the notice's last day)
            value = any_day(value)
        elif kind == "fen":  # fen as a number, or yuan as typed ("42,352.94"), never float
            if isinstance(value, str):
                value = parse_yuan(value)
            elif not isinstance(value, int) or isinstance(value, bool):
                raise ValidationError("money.invalid", value=value)
            if value < 0:
                raise ValidationError("money.negative", value=value)
        else:
            value = str(value).strip()
        clean[name] = value
    return clean


def record_stage(store: Store, project_id: str, stage: str, on_date: str, details: dict | None = None,
                 reason: str = "", recorded_by: str = "", objection_override: str = "") -> str:
    """Append a stage event, one named undo step. Moving backwards, skipping ahead, pausing or
    stopping needs a reason. Moving to 审批 while an objection is open is refused unless
    `objection_override` gives the reason; the override is kept on the stage event and in each
    open objection's register."""
    if stage not in BY_CODE:
        raise ValidationError("stage.unknown", value=stage)
    with actions.action(store, "action.stage", unit_id=project_unit(store, project_id), stage=stage_label(stage)):
        override = _approval_over_objections(store, project_id, stage, objection_override)
        event = _record_stage(store, project_id, stage, on_date, details, reason, recorded_by, override)
        if override:
            objections.note_override(store, project_id, past_day(on_date), override["objection_override"],
                                     recorded_by)
            log.warning("approval recorded over %d open objection(s) with a reason", len(override["open_objections"]))
        return event


def _approval_over_objections(store: Store, project_id: str, stage: str, override: str) -> dict:
    """Nothing unless the move is to 审批 with objections open: then the refusal, or the override."""
    if stage != "approval":
        return {}
    still_open = objections.open_objections(store, project_id)
    if not still_open:
        return {}
    override = (override or "").strip()
    if not override:
        raise ValidationError("objection.blocks_approval", n=len(still_open),
                              who="、".join(o.who for o in still_open))
    return {"objection_override": override, "open_objections": [o.id for o in still_open]}


def _record_stage(store: Store, project_id: str, stage: str, on_date: str, details: dict | None,
                  reason: str, recorded_by: str, extra: dict | None = None) -> str:
    project_unit(store, project_id)
    day = past_day(on_date)
    events = history(store, project_id)
    reason = (reason or "").strip()
    last = _last_working_stage(events)
    if events and events[-1].stage == "stopped" and stage != "stopped" and not reason:
        raise ValidationError("stage.reason_needed", stage=stage_label(stage))
    if stage in HALTS:
        if not reason:
            raise ValidationError("stage.reason_needed", stage=stage_label(stage))
    else:
        expected = 0 if last is None else ORDER[last] + 1
        if ORDER[stage] != expected and not reason and not (last is None and stage == MAIN_STAGES[0]):
            raise ValidationError("stage.reason_needed", stage=stage_label(stage))
    if events and day < events[-1].on_date:
        raise ValidationError("stage.before_last", date=day, last=events[-1].on_date)
    clean = {**_check_details(stage, details or {}), **(extra or {})}
    return records.insert(store, "stage_event", {
        "project_id": project_id, "stage": stage, "on_date": day, "note": reason,
        "details": json.dumps(clean, ensure_ascii=False, sort_keys=True), "recorded_by": recorded_by.strip()})


def next_stage(store: Store, project_id: str) -> str:
    last = _last_working_stage(history(store, project_id))
    if last is None:
        return MAIN_STAGES[0]
    return MAIN_STAGES[min(ORDER[last] + 1, len(MAIN_STAGES) - 1)]
