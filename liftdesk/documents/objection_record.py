"""异议处理记录: the project's objection register as it goes with the approval papers — the notice
period, each objection (objectors' names masked, as on every public paper), how it was handled,
the mediation meetings and the outcome, and any approval moved ahead over an open objection."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from liftdesk.errors import LiftDeskError
from liftdesk.projects import objections, projects

from ..store import Store
from .context import Document, unit_context
from .masking import mask_name
from .template import FillLine, grid_table, paragraph, styles


def build(store: Store, unit_id: str) -> Document:
    ctx = unit_context(store, unit_id, "objection-record", need_households=False)
    if ctx.project_id is None:
        raise LiftDeskError("project.none", address=str(ctx.address))
    register = objections.register_of(store, ctx.project_id)
    s = styles()
    notice = [e for e in projects.history(store, ctx.project_id) if e.stage == "notice"]
    period = (f"公示期：{notice[-1].on_date} 至 {objections.notice_end(notice[-1].on_date, notice[-1].details)}"
              if notice else "公示期：—")
    still_open = sum(1 for o in register if o.is_open)
    story = [paragraph("异议处理记录", s["title"]),
             paragraph(f"{ctx.project_name}　{str(ctx.address).replace('/', ' ')}", s["body"]),
             paragraph(f"{period}　共收到异议 {len(register)} 条，已办结 {len(register) - still_open} 条，"
                       f"未办结 {still_open} 条。", s["body"])]
    for n, o in enumerate(register, 1):
        who = f"{o.room} {mask_name(o.from_name)}".strip() if o.from_name else f"{o.room} 住户"
        story += [paragraph(f"{n}. {o.received_on} 收到　提出人：{who}", s["heading"]),
                  grid_table([["异议内容", o.content]], [30 * mm, 148 * mm], header_rows=0, label_cols=(0,)),
                  Spacer(1, 2 * mm),
                  grid_table([["日期", "处理经过", "调解会议", "结果"]]
                             + [[st.on_date, st.text, st.meeting, objections.outcome_label(st.outcome)]
                                for st in o.steps]
                             + ([] if o.steps else [["（尚未处理）", "", "", ""]]),
                             [24 * mm, 84 * mm, 44 * mm, 26 * mm]),
                  paragraph(f"状态：{'未办结' if o.is_open else '已办结'}"
                            f"{'（' + objections.outcome_label(o.outcome) + '）' if o.outcome else ''}", s["body"])]
    if not register:
        story.append(paragraph("公示期内未收到异议。", s["body"]))
    story += [Spacer(1, 8 * mm),
              FillLine(["社区（盖章）：", 40 * mm, "街道（盖章）：", 40 * mm], size=12, leading=11 * mm),
              FillLine(["日期：", 40 * mm], size=12, leading=11 * mm)]
    texts = ctx.texts() + [(ctx.short, x) for o in register
                           for x in [o.content, mask_name(o.from_name)] + [st.text + st.meeting for st in o.steps]]
    content = {"project": ctx.project_id, "objections": [o.id for o in register],
               "steps": [st.id for o in register for st in o.steps]}
    return Document("objection-record", "异议处理记录", ctx.project_line, story, texts, content, unit_id=unit_id,
                    project_id=ctx.project_id)
