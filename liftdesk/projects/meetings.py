"""Preparation groups, meetings (attendees, minutes, decisions) and their follow-up tasks."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from liftdesk.errors import ValidationError
from liftdesk.history import actions
from liftdesk.i18n import language, t
from liftdesk.common.dates import any_day, past_day
from liftdesk.projects.projects import project_unit
from liftdesk.store import Store, records

MEETING_KINDS = {"survey": ("意愿摸底会", "first-survey meeting"), "consult": ("协商会", "consultation"),
                 "vote": ("业主表决会", "owners' vote"), "plan": ("方案说明会", "plan briefing"),
                 "mediation": ("听证/调解会", "hearing / mediation"), "group": ("筹备组会议", "preparation group")}
ATTENDEE_ROLES = {"owner": ("业主", "owner"), "proxy": ("代理人", "proxy"), "tenant": ("租户", "tenant"),
                  "helper": ("志愿者/社工", "helper"), "designer": ("设计方", "designer"),
                  "contractor": ("施工方", "contractor"), "other": ("其他", "other")}
GROUP_ROLES = ("组长", "副组长", "联络员", "出纳", "监督员", "成员")


def label(table: dict, code: str) -> str:
    zh, en = table.get(code, (code, code))
    return en if language() == "en" else zh


def _moment(value: str) -> str:
    """'2024-05-01 19:30' or ISO → minutes-precision ISO text (station local time, as entered)."""
    try:
        moment = datetime.fromisoformat(str(value).strip().replace(" ", "T"))
    except ValueError:
        raise ValidationError("datetime.invalid", value=value) from None
    return moment.strftime("%Y-%m-%dT%H:%M")


# ---- preparation group ------------------------------------------------------------------------

@dataclass(frozen=True)
class GroupMember:
    id: str
    name: str
    role: str
    from_date: str
    to_date: str | None
    household_id: str | None
    helper_id: str | None


def add_member(store: Store, project_id: str, name: str, role: str, from_date: str, to_date: str | None = None,
               household_id: str | None = None, helper_id: str | None = None) -> str:
    """A new member of the preparatory group, one named undo step."""
    unit_id = project_unit(store, project_id)
    if not (name or "").strip():
        raise ValidationError("name.empty", what=t("kind.member"))
    with actions.action(store, "action.add_member", unit_id=unit_id, name=name.strip()):
        return _add_member(store, unit_id, project_id, name, role, from_date, to_date, household_id, helper_id)


def _add_member(store: Store, unit_id: str, project_id: str, name: str, role: str, from_date: str,
                to_date: str | None, household_id: str | None, helper_id: str | None) -> str:
    start = past_day(from_date)
    end = any_day(to_date) if to_date else None
    if end is not None and end < start:
        raise ValidationError("period.reversed", start=start, end=end)
    if household_id:
        _check_household(store, unit_id, household_id)
    return records.insert(store, "group_member", {"project_id": project_id, "name": name.strip(), "role": role.strip()
                                                  or "成员", "from_date": start, "to_date": end,
                                                  "household_id": household_id, "helper_id": helper_id})


def group_members(store: Store, project_id: str) -> list[GroupMember]:
    rows = store.db.execute("SELECT id, name, role, from_date, to_date, household_id, helper_id FROM group_member"
                            " WHERE project_id = ? AND deleted = 0 ORDER BY from_date, name", [project_id]).fetchall()
    return [GroupMember(*r) for r in rows]


# ---- meetings ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Meeting:
    id: str
    project_id: str
    kind: str
    starts_at: str
    ends_at: str
    place: str
    topic: str
    agenda: list
    minutes: str
    decisions: str
    chair: str = ""
    recorder: str = ""

    @property
    def kind_label(self) -> str:
        return label(MEETING_KINDS, self.kind)


@dataclass(frozen=True)
class Attendee:
    id: str
    household_id: str | None
    helper_id: str | None
    name: str
    role: str
    room: str | None


@dataclass(frozen=True)
class Followup:
    id: str
    meeting_id: str | None
    project_id: str
    text: str
    owner: str
    due_date: str
    done_on: str | None


def _check_household(store: Store, unit_id: str, household_id: str) -> None:
    row = store.db.execute("SELECT unit_id FROM household WHERE id = ? AND deleted = 0", [household_id]).fetchone()
    if row is None or row[0] != unit_id:
        raise ValidationError("attendee.other_project")


def add_meeting(store: Store, project_id: str, kind: str, starts_at: str, ends_at: str, place: str = "",
                topic: str = "", agenda: list[str] | None = None, minutes: str = "", decisions: str = "",
                chair: str = "", recorder: str = "") -> str:
    project_unit(store, project_id)
    if kind not in MEETING_KINDS:
        raise ValidationError("meeting.kind", value=kind)
    start, end = _moment(starts_at), _moment(ends_at)
    if end <= start:
        raise ValidationError("meeting.ends_before_start", start=start.replace("T", " "), end=end.replace("T", " "))
    return records.insert(store, "meeting", {
        "project_id": project_id, "kind": kind, "starts_at": start, "ends_at": end, "place": place.strip(),
        "topic": topic.strip(), "agenda": json.dumps([a.strip() for a in agenda or [] if a.strip()], ensure_ascii=False),
        "minutes": minutes.strip(), "decisions": decisions.strip(), "chair": (chair or "").strip(),
        "recorder": (recorder or "").strip()})


def update_meeting(store: Store, meeting_id: str, **fields: str) -> None:
    """Place, topic, minutes, decisions, chair and recorder are editable attributes (logged field by field)."""
    allowed = {"place", "topic", "minutes", "decisions", "chair", "recorder"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValidationError("record.no_field", field=", ".join(sorted(unknown)))
    records.update(store, "meeting", meeting_id, {k: (v or "").strip() for k, v in fields.items()})


def get_meeting(store: Store, meeting_id: str) -> Meeting:
    row = records.get(store, "meeting", meeting_id)
    return Meeting(row["id"], row["project_id"], row["kind"], row["starts_at"], row["ends_at"], row["place"],
                   row["topic"], json.loads(row["agenda"] or "[]"), row["minutes"], row["decisions"],
                   row.get("chair", ""), row.get("recorder", ""))


def meetings(store: Store, project_id: str) -> list[Meeting]:
    ids = [r[0] for r in store.db.execute("SELECT id FROM meeting WHERE project_id = ? AND deleted = 0"
                                          " ORDER BY starts_at", [project_id])]
    return [get_meeting(store, i) for i in ids]


def add_attendee(store: Store, meeting_id: str, role: str, household_id: str | None = None,
                 helper_id: str | None = None, name: str = "") -> str:
    """Attendance is an append-only fact. A household must belong to the meeting's project."""
    meeting = get_meeting(store, meeting_id)
    if role not in ATTENDEE_ROLES:
        raise ValidationError("attendee.role", value=role)
    if household_id:
        _check_household(store, project_unit(store, meeting.project_id), household_id)
    elif not (name or "").strip() and not helper_id:
        raise ValidationError("attendee.nobody")
    return records.insert(store, "attendance", {"meeting_id": meeting_id, "household_id": household_id,
                                                "helper_id": helper_id, "name": (name or "").strip(), "role": role})


def attendees(store: Store, meeting_id: str) -> list[Attendee]:
    rows = store.db.execute(
        """SELECT a.id, a.household_id, a.helper_id,
                  CASE WHEN a.name != '' THEN a.name
                       WHEN a.role != 'owner' AND a.helper_id IS NULL THEN ''
                       ELSE coalesce(
                      (SELECT p.name FROM ownership o JOIN person p ON p.id = o.person_id
                       WHERE o.household_id = a.household_id AND o.deleted = 0 ORDER BY o.signer DESC LIMIT 1),
                      (SELECT name FROM helper WHERE id = a.helper_id), '') END,
                  a.role, h.room
           FROM attendance a LEFT JOIN household h ON h.id = a.household_id
           WHERE a.meeting_id = ? AND a.deleted = 0 ORDER BY h.floor IS NULL, h.floor, h.room, a.name""", [meeting_id]).fetchall()
    return [Attendee(*r) for r in rows]


def add_followup(store: Store, meeting_id: str, text: str, owner: str, due_date: str) -> str:
    meeting = get_meeting(store, meeting_id)
    if not (text or "").strip():
        raise ValidationError("followup.empty")
    due = any_day(due_date)
    if due < meeting.starts_at[:10]:
        raise ValidationError("followup.before_meeting", due=due, meeting=meeting.starts_at[:10])
    return records.insert(store, "followup", {"meeting_id": meeting_id, "project_id": meeting.project_id,
                                              "text": text.strip(), "owner": (owner or "").strip(), "due_date": due})


def complete_followup(store: Store, followup_id: str, on_date: str | None = None) -> None:
    """Tick a follow-up done (today unless a date is given), one named undo step."""
    row = records.get(store, "followup", followup_id)
    with actions.action(store, "action.followup_done", unit_id=project_unit(store, row["project_id"]),
                        text=row["text"][:20]):
        records.update(store, "followup", followup_id, {"done_on": past_day(on_date or date.today().isoformat())})


def followups(store: Store, project_id: str) -> list[Followup]:
    rows = store.db.execute("SELECT id, meeting_id, project_id, text, owner, due_date, done_on FROM followup"
                            " WHERE project_id = ? AND deleted = 0 ORDER BY due_date", [project_id]).fetchall()
    return [Followup(*r) for r in rows]


# ---- editing what was saved (every edit logged; each public edit is one named undo step) -------

def update_member(store: Store, member_id: str, name: str, role: str, from_date: str,
                  to_date: str | None = None) -> None:
    """A group member's name, role and term (an end date closes the term; the member is kept)."""
    if not (name or "").strip():
        raise ValidationError("name.empty", what=t("kind.member"))
    start = past_day(from_date)
    end = any_day(to_date) if to_date else None
    if end is not None and end < start:
        raise ValidationError("period.reversed", start=start, end=end)
    project_id = records.get(store, "group_member", member_id)["project_id"]
    with actions.action(store, "action.edit_member", unit_id=project_unit(store, project_id), name=name.strip()):
        records.update(store, "group_member", member_id, {"name": name.strip(),
                                                          "role": (role or "").strip() or "成员",
                                                          "from_date": start, "to_date": end})


def delete_member(store: Store, member_id: str) -> None:
    """Remove a member entered by mistake (a tombstone; ending a term is `update_member`)."""
    row = records.get(store, "group_member", member_id)
    with actions.action(store, "action.delete_member", unit_id=project_unit(store, row["project_id"]),
                        name=row["name"]):
        records.set_deleted(store, "group_member", member_id, True)


def edit_meeting(store: Store, meeting_id: str, *, kind: str | None = None, starts_at: str | None = None,
                 ends_at: str | None = None, agenda: list[str] | None = None, **fields: str) -> None:
    """All of a meeting's attributes, validated like a new one: minutes added afterwards, a
    corrected time or place."""
    meeting = get_meeting(store, meeting_id)
    changes: dict = {}
    if kind is not None:
        if kind not in MEETING_KINDS:
            raise ValidationError("meeting.kind", value=kind)
        changes["kind"] = kind
    start = _moment(starts_at) if starts_at is not None else meeting.starts_at
    end = _moment(ends_at) if ends_at is not None else meeting.ends_at
    if end <= start:
        raise ValidationError("meeting.ends_before_start", start=start.replace("T", " "), end=end.replace("T", " "))
    changes.update(starts_at=start, ends_at=end)
    if agenda is not None:
        changes["agenda"] = json.dumps([a.strip() for a in agenda if a.strip()], ensure_ascii=False)
    with store.db.atomic():
        records.update(store, "meeting", meeting_id, changes)
        if fields:
            update_meeting(store, meeting_id, **fields)


def delete_meeting(store: Store, meeting_id: str) -> None:
    """A meeting entered by mistake: a tombstone (its attendance and follow-ups go with it from
    every list, since they are read through the meeting). One named undo step."""
    meeting = get_meeting(store, meeting_id)
    with actions.action(store, "action.delete_meeting", unit_id=project_unit(store, meeting.project_id),
                        topic=meeting.topic or meeting.kind_label):
        records.set_deleted(store, "meeting", meeting_id, True)
        for (fid,) in store.db.execute("SELECT id FROM followup WHERE meeting_id = ? AND deleted = 0",
                                       [meeting_id]).fetchall():
            records.set_deleted(store, "followup", fid, True)


def save_meeting(store: Store, project_id: str, meeting_id: str | None, *, kind: str, starts_at: str,
                 ends_at: str, place: str = "", topic: str = "", agenda: list[str] | None = None,
                 minutes: str = "", decisions: str = "", chair: str = "", recorder: str = "",
                 attendees: list[tuple[str, str, str]] = (), others: list[str] = (),
                 followups: list[tuple[str, str, str]] = ()) -> str:
    """The meeting dialog's Save as one named undo step: a new meeting (`meeting_id` None) or an
    edited one, with its attending households ((id, role, own name or "")), other attendees by
    name, and new follow-ups ((text, owner, due date); blank texts skipped). Returns its id."""
    key = "action.edit_meeting" if meeting_id else "action.add_meeting"
    with actions.action(store, key, unit_id=project_unit(store, project_id), topic=(topic or "").strip()):
        if meeting_id:
            edit_meeting(store, meeting_id, kind=kind, starts_at=starts_at, ends_at=ends_at, agenda=agenda or [],
                         place=place, topic=topic, minutes=minutes, decisions=decisions, chair=chair,
                         recorder=recorder)
            set_household_attendance(store, meeting_id, {h: role for h, role, _ in attendees}, list(others),
                                     names={h: name for h, _, name in attendees})
        else:
            meeting_id = add_meeting(store, project_id, kind, starts_at, ends_at, place, topic, agenda or [],
                                     minutes, decisions, chair=chair, recorder=recorder)
            for household_id, role, name in attendees:
                add_attendee(store, meeting_id, role, household_id=household_id, name=name)
            for name in others:
                if name.strip():
                    add_attendee(store, meeting_id, "other", name=name)
        for text, owner, due in followups:
            if (text or "").strip():
                add_followup(store, meeting_id, text, owner, due)
    return meeting_id


def set_household_attendance(store: Store, meeting_id: str, present: dict[str, str], others: list[str],
                             names: dict[str, str] | None = None) -> None:
    """Make a saved meeting's attendance what the user ticked: households (id → role), the own
    name of whoever came for a household (id → name: a tenant or proxy is that person; None
    keeps the names recorded) and other attendees by name. Attendance is append-only: a removed,
    re-roled or renamed attendee is retracted and, if still present, recorded anew."""
    from liftdesk.history.retractions import retract

    current = attendees(store, meeting_id)
    wanted_names = [n.strip() for n in others if n.strip()]
    with store.db.atomic():
        kept_households, kept_names = set(), []
        own = {r[0]: r[1] for r in store.db.execute(
            "SELECT id, name FROM attendance WHERE meeting_id = ? AND deleted = 0", [meeting_id])}
        for a in current:
            if a.household_id:
                same_name = names is None or own.get(a.id, "") == _own_name(a.role, names.get(a.household_id, ""))
                if present.get(a.household_id) == a.role and same_name and a.household_id not in kept_households:
                    kept_households.add(a.household_id)
                    continue
            elif a.helper_id is None and a.role == "other" and a.name in wanted_names \
                    and kept_names.count(a.name) < wanted_names.count(a.name):
                kept_names.append(a.name)
                continue
            elif a.helper_id is not None or a.role != "other":
                continue  # helpers and named non-household attendees of other roles stay
            retract(store, "attendance", a.id, reason="edited")
        for household_id, role in present.items():
            if household_id not in kept_households:
                add_attendee(store, meeting_id, role, household_id=household_id,
                             name=_own_name(role, (names or {}).get(household_id, "")))
        for name in wanted_names:
            if name in kept_names:
                kept_names.remove(name)
            else:
                add_attendee(store, meeting_id, "other", name=name)


def _own_name(role: str, name: str) -> str:
    """An owner attends under the register's name; anyone else who came for a household under their own."""
    return "" if role == "owner" else (name or "").strip()


def set_followup_done(store: Store, followup_id: str, done: bool, on_date: str | None = None) -> None:
    """Tick a follow-up done (today unless a date is given) or open it again."""
    if done:
        complete_followup(store, followup_id, on_date)
    else:
        records.update(store, "followup", followup_id, {"done_on": None})
