"""会议签到表: the unit's households pre-filled, rows tall enough to sign (≥ 10 mm), a wide signature
column, a column for the attendee's own name (a proxy or tenant signs as themselves), and blank rows
for walk-ins; the header repeats on a second page when the rows run over."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from liftdesk.projects import meetings, projects
from ..store import Store
from .context import Document, unit_context
from .grid import Column, FormGrid, Group
from .template import paragraph, styles

ROLES = ("业主", "代理人", "租户", "社工", "志愿者")
MIN_BLANK_ROWS = 8

COLUMNS = [Column("房号", 12 * mm), Column("产权人", 24 * mm, size=10),
           Column("到会人姓名\n（代理人、租户\n写本人姓名）", 32 * mm, "blank"),
           Column("身份（勾选）", 58 * mm, "roles", labels=ROLES), Column("签名", 52 * mm, "blank")]


def build(store: Store, meeting_id: str) -> Document:
    meeting = meetings.get_meeting(store, meeting_id)
    unit_id = projects.project_unit(store, meeting.project_id)
    ctx = unit_context(store, unit_id, "signin", need_households=False)
    s = styles()
    story = [paragraph(f"{meeting.kind_label} 签到表", s["title"]),
             paragraph(f"会议：{meeting.topic or meeting.kind_label}", s["body"]),
             paragraph(f"时间：{meeting.starts_at.replace('T', ' ')} — {meeting.ends_at[11:]}　地点：{meeting.place}",
                       s["body"]),
             Spacer(1, 2 * mm)]
    groups = [Group({0: h.room, 1: h.owners}) for h in ctx.households]
    groups += [Group({}, blank=True) for _ in range(max(MIN_BLANK_ROWS, len(ctx.households) // 2))]
    story.append(FormGrid(COLUMNS, groups, row_min=11 * mm))
    story += [Spacer(1, 2 * mm), paragraph("代理人到会请出示授权委托书；租户、家属到会的意见不计入业主表决。", s["small"])]
    content = {"meeting": meeting_id, "rows": [h.room for h in ctx.households]}
    texts = ctx.texts() + [(f"{ctx.short} {meeting.kind_label}", x) for x in (meeting.topic, meeting.place)]
    return Document("signin", "会议签到表", ctx.project_line, story, texts, content, unit_id=unit_id,
                    project_id=meeting.project_id, meeting_id=meeting_id, household_ids=[h.id for h in ctx.households])
