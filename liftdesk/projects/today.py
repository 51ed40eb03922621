"""Today, across the station: follow-ups overdue and due soon, meetings this week, projects with
no activity for a while, projects waiting on a stage longer than usual, what handed-over lifts
need (inspection, maintenance, insurance, unpaid running costs) and public notices with their
open objections."""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field
from datetime import date, timedelta

from liftdesk.i18n import t
from liftdesk.places.places import UNIT_PATH_SQL
from liftdesk.projects import objections
from liftdesk.projects.stages import ORDER
from liftdesk.store import Store
from liftdesk.upkeep import due as upkeep_due

FINISHED = ("handover", "maintenance", "stopped")
SOON_DAYS = 7


@dataclass(frozen=True)
class TodayItem:
    project_id: str
    project: str
    address: str
    on_date: str
    text: str
    ref: str = ""
    days: int = 0


@dataclass
class Today:
    overdue: list[TodayItem] = field(default_factory=list)
    upcoming: list[TodayItem] = field(default_factory=list)
    meetings: list[TodayItem] = field(default_factory=list)
    idle: list[TodayItem] = field(default_factory=list)
    waiting: list[TodayItem] = field(default_factory=list)
    upkeep: list[TodayItem] = field(default_factory=list)  # ref: the kind (inspection, visit, insurance, bill)
    notice: list[TodayItem] = field(default_factory=list)  # ref: 'notice', or an open objection's id


_PROJECT_ADDRESS = f"""SELECT p.id AS pid, p.name AS pname,
        s.name || '/' || c.name || '/' || e.name || '/' || b.name || '/' || u.name AS address
    {UNIT_PATH_SQL} JOIN project p ON p.unit_id = u.id AND p.deleted = 0 WHERE u.deleted = 0"""


def compute(store: Store, today: date | None = None, inactive_days: int = 30) -> Today:
    today = today or date.today()
    iso = today.isoformat()
    soon = (today + timedelta(days=SOON_DAYS)).isoformat()
    week_start = today - timedelta(days=today.weekday())
    week_end = week_start + timedelta(days=7)
    result = Today()
    for fid, pid, pname, address, text, owner, due in store.db.execute(
            f"""WITH pa AS ({_PROJECT_ADDRESS})
                SELECT f.id, f.project_id, pa.pname, pa.address, f.text, f.owner, f.due_date FROM followup f
                JOIN pa ON pa.pid = f.project_id
                WHERE f.deleted = 0 AND f.done_on IS NULL AND f.due_date <= ? ORDER BY f.due_date""", [soon]):
        item = TodayItem(pid, pname, address, due, f"{text}（{owner}）" if owner else text, fid,
                         (today - date.fromisoformat(due)).days)
        (result.overdue if due < iso else result.upcoming).append(item)
    for mid, pid, pname, address, starts, topic in store.db.execute(
            f"""WITH pa AS ({_PROJECT_ADDRESS})
                SELECT m.id, m.project_id, pa.pname, pa.address, m.starts_at, m.topic FROM meeting m
                JOIN pa ON pa.pid = m.project_id
                WHERE m.deleted = 0 AND m.starts_at >= ? AND m.starts_at < ? ORDER BY m.starts_at""",
            [week_start.isoformat(), week_end.isoformat()]):
        result.meetings.append(TodayItem(pid, pname, address, starts.replace("T", " "), topic, mid))
    stage_rows = store.db.execute(
        "SELECT project_id, stage, on_date FROM stage_event WHERE deleted = 0 ORDER BY project_id, on_date, hlc"
    ).fetchall()
    current: dict[str, tuple[str, str]] = {}
    durations: dict[str, list[int]] = {}
    previous: tuple[str, str, str] | None = None
    for pid, stage, day in stage_rows:
        if previous and previous[0] == pid:
            durations.setdefault(previous[1], []).append(
                (date.fromisoformat(day) - date.fromisoformat(previous[2])).days)
        current[pid] = (stage, day)
        previous = (pid, stage, day)
    usual = {stage: statistics.median(d) for stage, d in durations.items() if len(d) >= 3}
    last_activity = dict(store.db.execute(
        f"""WITH pa AS ({_PROJECT_ADDRESS}), acts(pid, day) AS (
                SELECT project_id, max(on_date) FROM stage_event WHERE deleted = 0 GROUP BY project_id
                UNION ALL SELECT project_id, max(substr(starts_at, 1, 10)) FROM meeting WHERE deleted = 0
                    AND starts_at < ? GROUP BY project_id
                UNION ALL SELECT project_id, max(on_date) FROM diary_entry WHERE deleted = 0 GROUP BY project_id
                UNION ALL SELECT project_id, max(done_on) FROM followup WHERE deleted = 0 GROUP BY project_id
                UNION ALL SELECT p.id, max(pos.on_date) FROM project p JOIN household h ON h.unit_id = p.unit_id
                    JOIN position pos ON pos.household_id = h.id AND pos.deleted = 0 GROUP BY p.id)
            SELECT pa.pid, max(acts.day) FROM pa LEFT JOIN acts ON acts.pid = pa.pid GROUP BY pa.pid""",
        [iso]).fetchall())  # a meeting still ahead is not activity yet
    names = {r[0]: (r[1], r[2]) for r in store.db.execute(_PROJECT_ADDRESS)}
    for pid, (pname, address) in names.items():
        stage, since = current.get(pid, (None, None))
        if stage in FINISHED:
            continue
        last = last_activity.get(pid)
        idle_days = (today - date.fromisoformat(last)).days if last else None
        if idle_days is None or idle_days > inactive_days:
            result.idle.append(TodayItem(pid, pname, address, last or "", stage or "", days=idle_days or 0))
        if stage and stage in usual and stage not in ("paused",):
            waited = (today - date.fromisoformat(since)).days
            if waited > max(30, 1.5 * usual[stage]):
                result.waiting.append(TodayItem(pid, pname, address, since, stage, days=waited))
    result.idle.sort(key=lambda i: -i.days)
    result.waiting.sort(key=lambda i: (ORDER.get(i.text, 0), -i.days))
    for d in upkeep_due.compute(store, today):
        if d.project_id in names:
            pname, address = names[d.project_id]
            result.upkeep.append(TodayItem(d.project_id, pname, address, d.on_date, d.text, d.kind, d.days))
    _notices(store, today, current, names, result)
    return result


def _notices(store: Store, today: date, current: dict[str, tuple[str, str]], names: dict, result: Today) -> None:
    """Projects in their public notice (with its last day) and every open objection."""
    for pid, details, since in store.db.execute(
            "SELECT project_id, details, max(on_date) FROM stage_event WHERE deleted = 0 AND stage = 'notice'"
            " GROUP BY project_id"):
        if current.get(pid, ("",))[0] == "notice" and pid in names:
            end = objections.notice_end(since, json.loads(details or "{}"))
            result.notice.append(TodayItem(pid, *names[pid], end, t("today.notice_end", date=end), "notice",
                                           (today - date.fromisoformat(end)).days))
    for o in objections.all_open(store):
        if o.project_id in names:
            result.notice.append(TodayItem(o.project_id, *names[o.project_id], o.received_on,
                                           t("today.objection", who=o.who, content=o.content[:40]), o.id,
                                           (today - date.fromisoformat(o.received_on)).days))
    result.notice.sort(key=lambda i: (i.project, i.ref != "notice", i.on_date))
