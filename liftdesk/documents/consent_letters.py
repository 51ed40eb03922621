"""书面同意书: one page per household of a unit (a batch), to be signed and handed back."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from ..store import Store
from ..units import format_area
from .context import Document, today_text, unit_context
from .template import CheckBoxes, grid_table, paragraph, styles


def build(store: Store, unit_id: str) -> Document:
    ctx = unit_context(store, unit_id, "consent-letters")
    s = styles()
    story: list = []
    for n, h in enumerate(ctx.households):
        if n:
            story.append(PageBreak())
        story += [paragraph("加装电梯书面同意书", s["title"]),
                  paragraph(f"{ctx.address.estate}{ctx.address.building}{ctx.address.unit} {h.room} 室", s["heading"]),
                  Spacer(1, 2 * mm),
                  grid_table([["产权人/共有人", h.owners or "＿＿＿＿＿＿"],
                              ["身份证件（后四位）", (ctx.id_refs.get(h.id) or "")[-4:] or "＿＿＿＿"],
                              ["专有部分面积", f"{format_area(h.area_x100)} m²　第 {h.floor} 层"],
                              ["所同意的方案", ctx.plan or f"{ctx.project_name}（方案版本：＿＿＿＿）"]],
                             [45 * mm, 130 * mm], header_rows=0, zebra=False),
                  Spacer(1, 5 * mm),
                  paragraph(f"本人系上述房屋的产权人（或共有人、受托人），已知悉{ctx.project_name}的加装方案、"
                            f"费用预算与分摊办法，经慎重考虑，意见如下：", s["body"]),
                  CheckBoxes(["同意加装电梯", "不同意", "弃权"], size=12, box=4.2 * mm),
                  Spacer(1, 4 * mm),
                  paragraph("理由或条件：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿", s["body"]),
                  Spacer(1, 10 * mm),
                  paragraph("产权人（签名）：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日", s["body"]),
                  Spacer(1, 6 * mm),
                  CheckBoxes(["由受托人代签（须附授权委托书，编号：＿＿＿＿＿＿）"], size=11),
                  Spacer(1, 8 * mm),
                  paragraph(f"本同意书一式两份。打印日期：{today_text()}", s["small"])]
    content = {"unit": str(ctx.address), "households": [(h.room, h.owners) for h in ctx.households]}
    return Document("consent-letters", "书面同意书", ctx.project_line, story, ctx.texts(), content,
                    unit_id=unit_id, project_id=ctx.project_id, household_ids=[h.id for h in ctx.households])
