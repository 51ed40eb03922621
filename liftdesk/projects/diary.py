"""The diary (电梯日记) of a project: hand-written entries merged with what the records already
say — stage changes, meetings, position changes, documents printed — into one dated story."""

from __future__ import annotations

from dataclasses import dataclass

from liftdesk.errors import ValidationError
from liftdesk.history import actions
from liftdesk.i18n import language
from liftdesk.projects.meetings import MEETING_KINDS, label as meeting_label
from liftdesk.consent.positions import METHODS, POSITIONS, RESPONDENTS, label as position_label
from liftdesk.common.dates import past_day
from liftdesk.common.document_kinds import KIND_NAMES
from liftdesk.projects.projects import project_unit
from liftdesk.projects.stages import stage_label
from liftdesk.store import Store, records

_RANK = {"entry": 0, "meeting": 1, "position": 2, "stage": 3, "document": 4}  # within one day
KINDS = {"entry": ("日记", "diary"), "stage": ("阶段", "stage"), "meeting": ("会议", "meeting"),
         "position": ("意见", "position"), "document": ("文书", "document")}


def kind_label(kind: str) -> str:
    zh, en = KINDS[kind]
    return en if language() == "en" else zh


@dataclass(frozen=True)
class DiaryItem:
    on_date: str
    kind: str
    text: str
    author: str
    ref: str  # the id of the record behind it
    order: str  # id or start time: same-day items of one kind in the order they were made (ids are
    #             time-ordered and, unlike the last change's HLC, survive an undo and a redo)

    def as_json(self) -> dict:
        return {"date": self.on_date, "kind": self.kind, "text": self.text, "author": self.author, "id": self.ref}


def add_entry(store: Store, project_id: str, on_date: str, text: str, author: str = "") -> str:
    """A hand-written entry, one named undo step."""
    unit_id = project_unit(store, project_id)
    if not (text or "").strip():
        raise ValidationError("diary.empty")
    with actions.action(store, "action.add_diary", unit_id=unit_id):
        return records.insert(store, "diary_entry", {"project_id": project_id, "on_date": past_day(on_date),
                                                     "text": text.strip(), "author": (author or "").strip()})


def timeline(store: Store, project_id: str, kinds: set[str] | None = None, start: str | None = None,
             end: str | None = None) -> list[DiaryItem]:
    """Oldest first; `kinds` and the period [start, end] filter it."""
    unit_id = project_unit(store, project_id)
    wanted = kinds or set(KINDS)
    items: list[DiaryItem] = []
    if "entry" in wanted:
        for rid, day, text, author in store.db.execute(
                "SELECT id, on_date, text, author FROM diary_entry WHERE project_id = ? AND deleted = 0",
                [project_id]):
            items.append(DiaryItem(day, "entry", text, author, rid, rid))
    if "stage" in wanted:
        for rid, stage, day, note, by in store.db.execute(
                "SELECT id, stage, on_date, note, coalesce(recorded_by, '') FROM stage_event"
                " WHERE project_id = ? AND deleted = 0", [project_id]):
            text = stage_label(stage) + (f"（{note}）" if note else "")
            items.append(DiaryItem(day, "stage", text, by, rid, rid))
    if "meeting" in wanted:
        for rid, kind, starts, place, topic, decisions, n in store.db.execute(
                """SELECT m.id, m.kind, m.starts_at, m.place, m.topic, m.decisions,
                          (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.deleted = 0)
                   FROM meeting m WHERE m.project_id = ? AND m.deleted = 0""", [project_id]):
            text = f"{meeting_label(MEETING_KINDS, kind)}：{topic}" + (f"，{place}" if place else "")
            text += ("，" if language() == "zh" else ", ") + (f"{n} 人参加" if language() == "zh" else f"{n} attended")
            if decisions:
                text += f"。{decisions}"
            items.append(DiaryItem(starts[:10], "meeting", text, "", rid, starts))
    if "position" in wanted:
        for rid, day, position, method, written, room, by, respondent, who, proxy_ref in store.db.execute(
                """SELECT p.id, p.on_date, p.position, p.method, p.written, h.room, p.recorded_by, p.respondent,
                          p.respondent_name, p.proxy_ref
                   FROM position p JOIN household h ON h.id = p.household_id
                   WHERE h.unit_id = ? AND p.deleted = 0""", [unit_id]):
            zh = language() == "zh"
            sep = "，" if zh else ", "
            notes = [position_label(METHODS, method)]
            if written and method != "written":
                notes.append("书面" if zh else "written")
            if respondent != "owner":  # who said it: a tenant's word or a proxy's vote is not the owner's
                notes.append(" ".join(x for x in (position_label(RESPONDENTS, respondent), who) if x))
            if proxy_ref:
                notes.append(("委托书 " if zh else "proxy form ") + proxy_ref)
            opening, closing = ("（", "）") if zh else (" (", ")")
            text = f"{room} {position_label(POSITIONS, position)}{opening}{sep.join(notes)}{closing}"
            items.append(DiaryItem(day, "position", text, by, rid, rid))
    if "document" in wanted and "printed_document" in store.db.table_names():
        items += _print_runs(store, project_id)
    if start:
        items = [i for i in items if i.on_date >= start]
    if end:
        items = [i for i in items if i.on_date <= end]
    items.sort(key=lambda i: (i.on_date, _RANK[i.kind], i.order))
    return items


def _print_runs(store: Store, project_id: str) -> list[DiaryItem]:
    """One line per print run: the letters of a unit printed together (one serial each) are one
    event, "书面同意书 14 份（TY-…-0001 至 TY-…-0014）", not fourteen."""
    runs: dict[tuple, list] = {}
    for rid, at, kind, serial, by in store.db.execute(
            "SELECT id, created_at, kind, serial, printed_by FROM printed_document"
            " WHERE project_id = ? AND deleted = 0 ORDER BY created_at, serial", [project_id]):
        runs.setdefault((at[:16], kind, by), []).append((rid, serial))  # same minute, kind and person
    items = []
    zh = language() == "zh"
    for (at, kind, by), docs in runs.items():
        name = KIND_NAMES.get(kind, kind)
        if len(docs) == 1:
            text = f"{name} {docs[0][1]}"
        elif zh:
            text = f"{name} {len(docs)} 份（{docs[0][1]} 至 {docs[-1][1]}）"
        else:
            text = f"{name} × {len(docs)} ({docs[0][1]} to {docs[-1][1]})"
        items.append(DiaryItem(at[:10], "document", text, by, docs[0][0], docs[0][0]))
    return items


def replace_entry(store: Store, entry_id: str, on_date: str, text: str, author: str = "") -> str:
    """Correct a hand-written entry: entries are append-only facts, so the old one is retracted
    and a new one written, as one named undo step. Returns the new entry's id."""
    from liftdesk.history.retractions import retract

    old = records.get(store, "diary_entry", entry_id)
    with actions.action(store, "action.edit_diary", unit_id=project_unit(store, old["project_id"])):
        new_id = add_entry(store, old["project_id"], on_date, text, author)
        retract(store, "diary_entry", entry_id, reason="corrected")
    return new_id


def withdraw_entry(store: Store, entry_id: str) -> None:
    """Take back a hand-written entry (a retraction; the entry itself stays in the record), one
    named undo step."""
    from liftdesk.history.retractions import retract

    project_id = records.get(store, "diary_entry", entry_id)["project_id"]
    with actions.action(store, "action.delete_diary", unit_id=project_unit(store, project_id)):
        retract(store, "diary_entry", entry_id, reason="withdrawn")
