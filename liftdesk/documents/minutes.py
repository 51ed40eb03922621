"""会议纪要: date, place, attendees, agenda, discussion, decisions, votes recorded there, follow-ups."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from .. import meetings, positions, projects
from ..i18n import LiftDeskError
from ..store import Store
from .context import Document, unit_context
from .template import grid_table, paragraph, styles


def build(store: Store, meeting_id: str) -> Document:
    meeting = meetings.get_meeting(store, meeting_id)
    people = meetings.attendees(store, meeting_id)
    if not people:
        raise LiftDeskError("document.no_attendees")
    unit_id = projects.project_unit(store, meeting.project_id)
    ctx = unit_context(store, unit_id, "minutes", need_households=False)
    s = styles()
    votes = store.db.execute("SELECT position, count(*) FROM position WHERE meeting_id = ? AND deleted = 0"
                             " GROUP BY position", [meeting_id]).fetchall()
    follow = [f for f in meetings.followups(store, meeting.project_id) if f.meeting_id == meeting_id]
    attendee_text = "、".join(f"{a.room + ' ' if a.room else ''}{a.name}（{meetings.label(meetings.ATTENDEE_ROLES, a.role)}）"
                              for a in people)
    story = [paragraph(f"{meeting.kind_label}会议纪要", s["title"]),
             grid_table([["时间", f"{meeting.starts_at.replace('T', ' ')} — {meeting.ends_at[11:]}"],
                         ["地点", meeting.place], ["议题", meeting.topic],
                         ["主持人", "＿＿＿＿＿＿"], ["记录人", "＿＿＿＿＿＿"]],
                        [30 * mm, 145 * mm], header_rows=0, zebra=False),
             Spacer(1, 3 * mm),
             paragraph(f"出席（{len(people)} 人）：{attendee_text}", s["body"]),
             paragraph("议程：" + "；".join(f"{n}. {item}" for n, item in enumerate(meeting.agenda, 1)), s["body"]),
             paragraph("讨论情况：", s["heading"]), paragraph(meeting.minutes or "（无）", s["body"]),
             paragraph("决定事项：", s["heading"]), paragraph(meeting.decisions or "（无）", s["body"])]
    if votes:
        story.append(paragraph("会上表态：" + "，".join(f"{positions.label(positions.POSITIONS, p)} {n} 户"
                                                   for p, n in votes), s["body"]))
    if follow:
        story += [paragraph("会后待办：", s["heading"]),
                  grid_table([["事项", "负责人", "截止日期"]] + [[f.text, f.owner, f.due_date] for f in follow],
                             [100 * mm, 40 * mm, 35 * mm])]
    texts = ctx.texts() + [meeting.topic, meeting.place, meeting.minutes, meeting.decisions, attendee_text]
    texts += meeting.agenda + [f.text + f.owner for f in follow]
    content = {"meeting": meeting_id, "attendees": [a.id for a in people], "minutes": meeting.minutes}
    return Document("minutes", "会议纪要", ctx.project_line, story, texts, content, unit_id=unit_id,
                    project_id=meeting.project_id, meeting_id=meeting_id)
