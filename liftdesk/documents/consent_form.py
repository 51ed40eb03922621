"""加装电梯业主意见征询表: one table row per household, with drawn boxes to tick."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from ..store import Store
from ..units import format_area
from .context import Document, unit_context
from .template import CheckBoxes, esc, grid_table, paragraph, styles

CHOICES = ["同意", "不同意", "弃权"]


def build(store: Store, unit_id: str) -> Document:
    ctx = unit_context(store, unit_id, "consent-form")
    s = styles()
    story = [paragraph("加装电梯业主意见征询表", s["title"]),
             paragraph(f"地址：{ctx.address.street}{ctx.address.community}{ctx.address.estate}"
                       f"{ctx.address.building}{ctx.address.unit}", s["body"]),
             paragraph(f"项目：{ctx.project_name}", s["body"]),
             paragraph(f"方案概要：{ctx.plan or '＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿（位置、载重、平层或半层入户）'}", s["body"]),
             paragraph(f"适用规则：{ctx.rule_name}——{ctx.rule_summary}", s["small"]),
             Spacer(1, 3 * mm)]
    header = [Paragraph(h, s["cell"]) for h in ("房号", "楼层", "产权人/共有人", "专有面积(m²)", "意见", "理由",
                                                   "签名", "日期", "代签")]
    rows = [header]
    for h in ctx.households:
        rows.append([Paragraph(esc(h.room), s["cell"]), Paragraph(str(h.floor), s["cell"]),
                     Paragraph(esc(h.owners) or "＿＿＿", s["cell"]), Paragraph(format_area(h.area_x100), s["cell"]),
                     CheckBoxes(CHOICES, size=9.5), "", "", "", CheckBoxes(["是"], size=9.5)])
    story.append(grid_table(rows, [13 * mm, 10 * mm, 30 * mm, 18 * mm, 22 * mm, 26 * mm, 22 * mm, 20 * mm, 12 * mm]))
    story += [Spacer(1, 4 * mm),
              paragraph("说明：请在“意见”栏勾选一项并签名。代他人签署的，请勾选“代签”并附授权委托书。"
                        "本表由筹备组收回后录入 LiftDesk，以表上编号为准。", s["small"])]
    content = {"unit": str(ctx.address), "rows": [(h.room, h.owners, h.area_x100) for h in ctx.households]}
    return Document("consent-form", "加装电梯业主意见征询表", ctx.project_line, story, ctx.texts(), content,
                    unit_id=unit_id, project_id=ctx.project_id, household_ids=[h.id for h in ctx.households])
