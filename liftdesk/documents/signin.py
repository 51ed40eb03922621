"""会议签到表: the unit's households pre-filled, with blank rows for others who come."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from .. import meetings, projects
from ..store import Store
from .context import Document, unit_context
from .template import CheckBoxes, esc, grid_table, paragraph, styles

ROLES = ["业主", "代理人", "租户", "社工", "志愿者"]
BLANK_ROWS = 6


def build(store: Store, meeting_id: str) -> Document:
    meeting = meetings.get_meeting(store, meeting_id)
    unit_id = projects.project_unit(store, meeting.project_id)
    ctx = unit_context(store, unit_id, "signin", need_households=False)
    s = styles()
    story = [paragraph(f"{meeting.kind_label}签到表", s["title"]),
             paragraph(f"会议：{meeting.topic or meeting.kind_label}", s["body"]),
             paragraph(f"时间：{meeting.starts_at.replace('T', ' ')} — {meeting.ends_at[11:]}　地点：{meeting.place}", s["body"]),
             Spacer(1, 3 * mm)]
    rows = [[Paragraph(h, s["cell"]) for h in ("房号", "姓名", "身份", "签名")]]
    for h in ctx.households:
        rows.append([Paragraph(esc(h.room), s["cell"]), Paragraph(esc(h.owners), s["cell"]), CheckBoxes(ROLES, size=9), ""])
    for _ in range(BLANK_ROWS):
        rows.append(["", "", CheckBoxes(ROLES, size=9), ""])
    story.append(grid_table(rows, [16 * mm, 38 * mm, 86 * mm, 35 * mm]))
    content = {"meeting": meeting_id, "rows": [h.room for h in ctx.households]}
    return Document("signin", "会议签到表", ctx.project_line, story, ctx.texts() + [meeting.topic, meeting.place],
                    content, unit_id=unit_id, project_id=meeting.project_id, meeting_id=meeting_id,
                    household_ids=[h.id for h in ctx.households])
