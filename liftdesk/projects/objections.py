"""Objections (异议) raised during the public notice (公示): who objected — a household or a named
person —, when, what they said, how it was handled (mediation meetings by the street or community
linked) and how it ended: 撤回 (withdrawn), 调解成功 (settled by mediation), 维持异议 (maintained: on
record with the approval papers) close an objection; 上报 (escalated) keeps it open until the
higher level's answer is recorded. A project with an open objection does not move to 审批 without a
recorded reason (projects.record_stage asks `open_objections`). All append-only, one undo step each."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from liftdesk.common.dates import any_day, past_day
from liftdesk.errors import ValidationError
from liftdesk.history import actions
from liftdesk.i18n import t
from liftdesk.projects.units import household_ids
from liftdesk.store import Store, records

OUTCOMES = ("withdrawn", "mediated", "maintained", "escalated")  # 撤回 调解成功 维持异议 上报
CLOSING = ("withdrawn", "mediated", "maintained")
NOTICE_DAYS = 15  # Hangzhou's 公示 period in calendar days, when the notice stage names no end


def outcome_label(outcome: str) -> str:
    return t(f"objection.outcome.{outcome}") if outcome else ""


@dataclass(frozen=True)
class Step:
    id: str
    on_date: str
    text: str
    outcome: str
    meeting_id: str | None
    meeting: str
    recorded_by: str

    def as_json(self) -> dict:
        return {"date": self.on_date, "text": self.text, "outcome": self.outcome or None,
                "outcome_label": outcome_label(self.outcome) or None, "meeting_id": self.meeting_id,
                "meeting": self.meeting or None, "recorded_by": self.recorded_by}


@dataclass(frozen=True)
class Objection:
    id: str
    project_id: str
    received_on: str
    household_id: str | None
    room: str
    from_name: str
    content: str
    recorded_by: str
    steps: list[Step] = field(default_factory=list)

    @property
    def outcome(self) -> str:
        """The latest outcome recorded ('' while only handled)."""
        return next((s.outcome for s in reversed(self.steps) if s.outcome), "")

    @property
    def is_open(self) -> bool:
        return self.outcome not in CLOSING

    @property
    def who(self) -> str:
        return f"{self.room} {self.from_name}".strip()

    def as_json(self) -> dict:
        return {"id": self.id, "received_on": self.received_on, "room": self.room or None,
                "from": self.from_name, "content": self.content, "recorded_by": self.recorded_by,
                "open": self.is_open, "outcome": self.outcome or None,
                "outcome_label": outcome_label(self.outcome) or None, "steps": [s.as_json() for s in self.steps]}


def _project_unit(store: Store, project_id: str) -> str:
    row = store.db.execute("SELECT unit_id FROM project WHERE id = ? AND deleted = 0", [project_id]).fetchone()
    if row is None:
        raise ValidationError("record.not_found", table="project", id=project_id)
    return row[0]


def register(store: Store, project_id: str, received_on: str, content: str, *, household_id: str | None = None,
             from_name: str = "", recorded_by: str = "") -> str:
    """Register an objection from a household of the project or a named person (one undo step)."""
    unit_id = _project_unit(store, project_id)
    content, from_name = (content or "").strip(), (from_name or "").strip()
    if not content:
        raise ValidationError("objection.content_missing")
    if household_id:
        if household_id not in household_ids(store, project_id):
            raise ValidationError("objection.household_outside")
    elif not from_name:
        raise ValidationError("objection.who_missing")
    day = past_day(received_on)
    with actions.action(store, "action.objection", unit_id=unit_id, who=from_name or t("objection.household")):
        return records.insert(store, "objection", {
            "project_id": project_id, "household_id": household_id or None, "received_on": day,
            "from_name": from_name, "content": content, "recorded_by": (recorded_by or "").strip()})


def add_step(store: Store, objection_id: str, on_date: str, text: str = "", *, outcome: str = "",
             meeting_id: str | None = None, recorded_by: str = "") -> str:
    """How an objection was handled: a note, a mediation meeting, and/or its outcome (one undo step)."""
    found = get(store, objection_id)
    if outcome and outcome not in OUTCOMES:
        raise ValidationError("objection.outcome", value=outcome)
    if not found.is_open:
        raise ValidationError("objection.closed", outcome=outcome_label(found.outcome))
    text = (text or "").strip()
    if not text and not outcome and not meeting_id:
        raise ValidationError("objection.step_empty")
    if meeting_id and not store.db.execute("SELECT 1 FROM meeting WHERE id = ? AND project_id = ? AND deleted = 0",
                                           [meeting_id, found.project_id]).fetchone():
        raise ValidationError("objection.meeting_outside")
    day = past_day(on_date)
    if day < found.received_on:
        raise ValidationError("objection.step_before", date=day, received=found.received_on)
    with actions.action(store, "action.objection_step", unit_id=_project_unit(store, found.project_id),
                        who=found.who, outcome=outcome_label(outcome) or t("objection.handling")):
        return records.insert(store, "objection_step", {
            "objection_id": objection_id, "meeting_id": meeting_id or None, "on_date": day, "outcome": outcome,
            "text": text, "recorded_by": (recorded_by or "").strip()})


_SELECT = """SELECT o.id, o.project_id, o.received_on, o.household_id, coalesce(h.room, ''), o.from_name, o.content,
                    o.recorded_by FROM objection o LEFT JOIN household h ON h.id = o.household_id"""


def _steps(store: Store, ids: list[str]) -> dict[str, list[Step]]:
    out: dict[str, list[Step]] = {i: [] for i in ids}
    if not ids:
        return out
    marks = ", ".join("?" for _ in ids)
    for oid, *values in store.db.execute(
            "SELECT s.objection_id, s.id, s.on_date, s.text, s.outcome, s.meeting_id,"
            " coalesce(substr(m.starts_at, 1, 10) || ' ' || m.topic, ''), s.recorded_by FROM objection_step s"
            f" LEFT JOIN meeting m ON m.id = s.meeting_id WHERE s.deleted = 0 AND s.objection_id IN ({marks})"
            " ORDER BY s.on_date, s.hlc", ids):
        out[oid].append(Step(*values))
    return out


def register_of(store: Store, project_id: str) -> list[Objection]:
    """The project's objection register, in order received."""
    rows = store.db.execute(_SELECT + " WHERE o.project_id = ? AND o.deleted = 0 ORDER BY o.received_on, o.hlc",
                            [project_id]).fetchall()
    steps = _steps(store, [r[0] for r in rows])
    return [Objection(*r, steps=steps[r[0]]) for r in rows]


def get(store: Store, objection_id: str) -> Objection:
    row = store.db.execute(_SELECT + " WHERE o.id = ? AND o.deleted = 0", [objection_id]).fetchone()
    if row is None:
        raise ValidationError("record.not_found", table="objection", id=objection_id)
    return Objection(*row, steps=_steps(store, [objection_id])[objection_id])


def open_objections(store: Store, project_id: str) -> list[Objection]:
    return [o for o in register_of(store, project_id) if o.is_open]


def all_open(store: Store) -> list[Objection]:
    """Every open objection in the database (今日, the district overview)."""
    rows = store.db.execute(_SELECT + " WHERE o.deleted = 0 ORDER BY o.received_on, o.hlc").fetchall()
    steps = _steps(store, [r[0] for r in rows])
    return [o for o in (Objection(*r, steps=steps[r[0]]) for r in rows) if o.is_open]


def notice_end(on_date: str, details: dict) -> str:
    """The last day of the public notice: as the notice stage says, else NOTICE_DAYS after it began."""
    if details.get("ends_on"):
        return any_day(details["ends_on"])
    return (date.fromisoformat(on_date) + timedelta(days=NOTICE_DAYS - 1)).isoformat()


def note_override(store: Store, project_id: str, on_date: str, reason: str, recorded_by: str = "") -> list[str]:
    """Approval went ahead over open objections: each one's register says so, with the reason."""
    return [records.insert(store, "objection_step", {
        "objection_id": o.id, "meeting_id": None, "on_date": on_date, "outcome": "",
        "text": t("objection.overridden", reason=reason), "recorded_by": (recorded_by or "").strip()})
        for o in open_objections(store, project_id)]
