"""加装电梯业主意见征询表: one row group per household, a sub-row (name, signature, date, 代签) per
co-owner, 同意/不同意/弃权 as three tick-box columns. Up to 14 households (7 floors × 2) fit one A4
page; a longer unit continues with the header repeated."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from ..store import Store
from liftdesk.common.units import format_area
from .context import Document, unit_context
from .grid import Column, FormGrid, Group
from .masking import capped
from .template import FillLine, paragraph, styles

COLUMNS = [
    Column("房号", 13 * mm), Column("产权人/\n共有人", 20 * mm, per_owner=True, size=10),
    Column("专有面积\n(m²)", 13 * mm, size=9.5), Column("同意", 9 * mm, "box"), Column("不同意", 10 * mm, "box"),
    Column("弃权", 9 * mm, "box"), Column("理由", 18 * mm, "blank"),
    Column("签名\n（按手印）", 26 * mm, "blank", per_owner=True), Column("日期", 13 * mm, "blank", per_owner=True),
    Column("代签", 47 * mm, "proxy", per_owner=True),  # room to write a 19-character proxy-form number
]
PLAN_LIMIT = 90  # characters of the plan summary on the form; the rest goes on an annex page


def groups(ctx) -> list[Group]:
    out = []
    for h in ctx.households:
        names = [o.name for o in ctx.owners.get(h.id, [])] or [""]
        out.append(Group({0: f"{h.room}\n{h.floor}层", 1: names, 2: format_area(h.area_x100)}, subrows=len(names)))
    return out


def build(store: Store, unit_id: str) -> Document:
    ctx = unit_context(store, unit_id, "consent-form")
    s = styles()
    a = ctx.address
    story = [paragraph("加装电梯业主意见征询表", s["title"]),
             paragraph(f"地址：{a.street}{a.community}{a.estate}{a.building}{a.unit}　　项目：{ctx.project_name}",
                       s["cell"])]
    if ctx.plan:
        story.append(paragraph(f"方案概要：{capped(ctx.plan, PLAN_LIMIT, '……（全文见附页）')}", s["cell"]))
    else:
        story.append(FillLine(["方案概要（位置、载重、平层或半层入户）：", None], size=10.5, leading=7 * mm))
    story += [paragraph(f"适用规则：{ctx.rule_name}——{ctx.rule_summary}", s["cell"]),
              Spacer(1, 2 * mm),
              FormGrid(COLUMNS, groups(ctx)),
              Spacer(1, 2 * mm),
              paragraph("说明：每户在“同意”“不同意”“弃权”中勾选一项；共有人各自签名。由他人代签的，勾选“代签”，"
                        "写明代签人姓名和授权委托书编号，并附委托书。本表收回后按表上编号录入。", s["small"]),
              FillLine(["请于", 14 * mm, "年", 8 * mm, "月", 8 * mm, "日前交回筹备组；联系人：", 26 * mm, "电话：", None],
                       size=10, leading=7 * mm)]
    if ctx.plan and len(ctx.plan) > PLAN_LIMIT:
        story += [PageBreak(), paragraph("附页：加梯方案全文", s["heading"]), paragraph(ctx.plan, s["body"])]
    content = {"unit": str(a), "rows": [(h.room, h.owners, h.area_x100) for h in ctx.households]}
    return Document("consent-form", "加装电梯业主意见征询表", ctx.project_line, story, ctx.texts(), content,
                    unit_id=unit_id, project_id=ctx.project_id, household_ids=[h.id for h in ctx.households])
