"""会议纪要: date, place, chair, recorder, attendees under their own names (a tenant or proxy who
came for a household is that person, never the owner), agenda, discussion, decisions, the tally of
positions stated at the meeting, follow-ups, and signature lines for chair and recorder."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from liftdesk.projects import meetings, projects
from liftdesk.consent import positions
from liftdesk.errors import LiftDeskError
from ..store import Store
from liftdesk.common.units import format_area
from .context import Document, unit_context
from .template import FillLine, grid_table, paragraph, styles

TALLY = ("support", "conditional", "oppose", "abstain")


def attendee_text(a: meetings.Attendee) -> str:
    role = meetings.label(meetings.ATTENDEE_ROLES, a.role)
    name = a.name or "姓名未登记"
    if a.room and a.role != "owner":
        return f"{name}（{a.room} {role}）"
    return f"{a.room + ' ' if a.room else ''}{name}（{role}）"


def build(store: Store, meeting_id: str) -> Document:
    meeting = meetings.get_meeting(store, meeting_id)
    people = meetings.attendees(store, meeting_id)
    if not people:
        raise LiftDeskError("document.no_attendees")
    unit_id = projects.project_unit(store, meeting.project_id)
    ctx = unit_context(store, unit_id, "minutes", need_households=False)
    s = styles()
    voting = ", ".join(f"'{r}'" for r in positions.VOTING_RESPONDENTS)
    votes = {p: (n, area) for p, n, area in store.db.execute(  # owners, co-owners and proxies only
        "SELECT last.position, count(*), sum(h.area_x100) FROM (SELECT p.household_id, p.position,"
        f" max(p.on_date || p.hlc) FROM position p WHERE p.meeting_id = ? AND p.deleted = 0 AND p.respondent IN ({voting})"
        " GROUP BY p.household_id) last JOIN household h ON h.id = last.household_id GROUP BY last.position",
        [meeting_id])}
    others = store.db.execute(  # a tenant's or family member's word: listed apart, never counted
        "SELECT h.room, p.respondent, p.respondent_name, p.position FROM position p JOIN household h"
        f" ON h.id = p.household_id WHERE p.meeting_id = ? AND p.deleted = 0 AND p.respondent NOT IN ({voting})"
        " ORDER BY h.floor, h.room, p.on_date", [meeting_id]).fetchall()
    follow = [f for f in meetings.followups(store, meeting.project_id) if f.meeting_id == meeting_id]
    names = "、".join(attendee_text(a) for a in people)
    info = [["时间", f"{meeting.starts_at.replace('T', ' ')} — {meeting.ends_at[11:]}"], ["地点", meeting.place],
            ["议题", meeting.topic], ["主持人", meeting.chair], ["记录人", meeting.recorder]]
    story = [paragraph(f"{meeting.kind_label} 会议纪要", s["title"]),
             grid_table(info, [30 * mm, 148 * mm], header_rows=0, label_cols=(0,)),
             Spacer(1, 3 * mm),
             paragraph(f"出席（{len(people)} 人）：{names}", s["body"]),
             paragraph("议程：" + "；".join(f"{n}. {item}" for n, item in enumerate(meeting.agenda, 1)), s["body"]),
             paragraph("讨论情况：", s["heading"]), paragraph(meeting.minutes or "（无）", s["body"]),
             paragraph("决定事项：", s["heading"]), paragraph(meeting.decisions or "（无）", s["body"])]
    if meeting.kind == "vote" or votes:
        total = len(ctx.households)
        rows = [["意见", "户数", "专有面积（m²）"]]
        for code in TALLY:
            n, area = votes.get(code, (0, 0))
            rows.append([positions.label(positions.POSITIONS, code), str(n), format_area(area or 0)])
        stated = sum(n for n, _ in votes.values())
        rows.append(["会上未表态", str(max(total - stated, 0)), ""])
        story += [paragraph(f"会上业主表态统计（本单元共 {total} 户，只计业主、共有人及受托人）：", s["heading"]),
                  grid_table(rows, [50 * mm, 30 * mm, 45 * mm])]
        if others:
            words = "；".join(f"{room} {positions.label(positions.RESPONDENTS, who)}"
                             f"{(' ' + name) if name else ''}：{positions.label(positions.POSITIONS, pos)}"
                             for room, who, name, pos in others)
            story.append(paragraph(f"租户、家属的意见（仅供参考，不计入上表）：{words}。", s["body"]))
        story.append(paragraph("注：会上表态须以业主签字的书面意见为准。", s["small"]))
    if follow:
        story += [paragraph("会后待办：", s["heading"]),
                  grid_table([["事项", "负责人", "截止日期"]] + [[f.text, f.owner, f.due_date] for f in follow],
                             [100 * mm, 40 * mm, 38 * mm])]
    story += [Spacer(1, 8 * mm),
              FillLine(["主持人（签名）：", 45 * mm, "记录人（签名）：", 45 * mm], size=12, leading=11 * mm),
              FillLine(["日期：", 40 * mm], size=12, leading=11 * mm)]
    where = f"{ctx.short} {meeting.kind_label}"
    texts = ctx.texts() + [(where, x) for x in [meeting.topic, meeting.place, meeting.minutes, meeting.decisions,
                                               meeting.chair, meeting.recorder] + meeting.agenda]
    texts += [(f"{ctx.short} {a.room or ''} {a.name}", a.name) for a in people]
    texts += [(where, f.text + f.owner) for f in follow]
    texts += [(where, name) for _, _, name, _ in others if name] if meeting.kind == "vote" or votes else []
    content = {"meeting": meeting_id, "attendees": [a.id for a in people], "minutes": meeting.minutes,
               "chair": meeting.chair, "recorder": meeting.recorder}
    return Document("minutes", "会议纪要", ctx.project_line, story, texts, content, unit_id=unit_id,
                    project_id=meeting.project_id, meeting_id=meeting_id)
