"""书面同意书: one letter per household of a unit, each with its own serial, QR code and page count,
so a returned letter is entered by its own serial (录入回执 then opens just that household). Every
co-owner signs on their own line and gives their own ID reference."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from ..store import Store
from liftdesk.common.units import format_area
from .context import Document, Part, today_text, unit_context
from .template import CheckBoxes, FillLine, grid_table, paragraph, styles


def _letter(ctx, h, s) -> list:
    owners = ctx.owners.get(h.id, [])
    place = f"{ctx.address.estate}{ctx.address.building}{ctx.address.unit} {h.room} 室"
    rows = [["房屋", place], ["专有部分面积", f"{format_area(h.area_x100)} m²　第 {h.floor} 层"]]
    if ctx.plan:
        rows.append(["所同意的方案", ctx.plan])
    story = [paragraph("加装电梯书面同意书", s["title"]), Spacer(1, 2 * mm),
             grid_table(rows, [38 * mm, 140 * mm], header_rows=0, label_cols=(0,))]
    if not ctx.plan:
        story.append(FillLine(["所同意的方案（名称及版本）：", None], size=11.5, leading=9 * mm))
    story += [Spacer(1, 4 * mm),
              paragraph(f"本人系上述房屋的产权人（或共有人、受托人），已知悉{ctx.project_name}的加装方案、"
                        f"费用预算与分摊办法，经慎重考虑，意见如下：", s["body"]),
              CheckBoxes(["同意加装电梯", "不同意", "弃权"], size=12.5, box=4.6 * mm),
              FillLine(["理由或条件：", None, None], size=12, leading=9 * mm),
              Spacer(1, 4 * mm),
              paragraph("产权人及共有人（各自签名，并填写本人身份证件号后四位）：", s["body"])]
    sign = [["产权人/共有人", "身份证件号（后四位）", "签名", "日期"]]
    for o in owners or [None]:
        sign.append([o.name if o else "", (o.id_ref[-4:] if o and o.id_ref else ""), "", ""])
    table = grid_table(sign, [45 * mm, 40 * mm, 55 * mm, 38 * mm], padding=9)
    story += [table, Spacer(1, 5 * mm),
              CheckBoxes(["由受托人代签（须附授权委托书）"], size=11.5),
              FillLine(["受托人姓名：", 45 * mm, "授权委托书编号：", 50 * mm], size=11.5, leading=10 * mm),
              Spacer(1, 5 * mm),
              paragraph(f"本同意书一式两份，每户一份，按页眉编号录入。打印日期：{today_text()}", s["small"])]
    return story


def build(store: Store, unit_id: str) -> Document:
    ctx = unit_context(store, unit_id, "consent-letters")
    s = styles()
    parts = [Part(_letter(ctx, h, s), [h.id], {"unit": str(ctx.address), "household": h.id, "room": h.room,
                                                "owners": h.owners}) for h in ctx.households]
    content = {"unit": str(ctx.address), "households": [(h.room, h.owners) for h in ctx.households]}
    return Document("consent-letters", "书面同意书", ctx.project_line, [], ctx.texts(), content,
                    unit_id=unit_id, project_id=ctx.project_id, household_ids=[h.id for h in ctx.households],
                    parts=parts)
