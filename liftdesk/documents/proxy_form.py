"""授权委托书: a power of attorney, one page per household (or for one household). Every cell is
labelled; the fields to write in are white; each co-owner has a principal row of their own."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from ..store import Store
from .context import Document, Part, unit_context
from .template import CheckBoxes, FillLine, grid_table, paragraph, styles

DATE = ["", 16 * mm, "年", 10 * mm, "月", 10 * mm, "日"]
SHORT_DATE = [13 * mm, "年", 8 * mm, "月", 8 * mm, "日"]  # beside a signature and its fingerprint


def _form(ctx, h, s) -> list:
    owners = ctx.owners.get(h.id, []) or [None]
    principals = [["委托人（产权人/共有人）", "身份证件号", "联系电话"]]
    principals += [[o.name if o else "", "", ""] for o in owners]
    place = f"{ctx.address.estate}{ctx.address.building}{ctx.address.unit} {h.room} 室"
    story = [paragraph("授权委托书", s["title"]), Spacer(1, 2 * mm),
             grid_table([["房屋", place]], [38 * mm, 140 * mm], header_rows=0, label_cols=(0,)),
             Spacer(1, 3 * mm),
             grid_table(principals, [58 * mm, 70 * mm, 50 * mm], padding=8),
             Spacer(1, 3 * mm),
             grid_table([["受托人姓名", "", "身份证件号", ""], ["与委托人关系", "", "联系电话", ""]],
                        [30 * mm, 50 * mm, 28 * mm, 70 * mm], header_rows=0, label_cols=(0, 2), padding=8),
             Spacer(1, 5 * mm),
             paragraph(f"委托人因故不能亲自参加{ctx.project_name}的意见征询与表决，特委托上述受托人代为办理：",
                       s["body"]),
             CheckBoxes(["参加业主会议", "代为表决并签署意见", "签订加装协议"], size=11.5),
             FillLine(["其他事项：", None], size=11.5, leading=9 * mm),
             FillLine(["委托期限：自"] + DATE[1:] + ["至"] + DATE[1:] + ["。"], size=11.5, leading=10 * mm),
             Spacer(1, 2 * mm),
             paragraph("受托人在委托范围内所为之行为，委托人均予承认。委托人、受托人身份证复印件附后。", s["body"]),
             Spacer(1, 4 * mm)]
    for o in owners:
        label = f"委托人 {o.name}（签名并按手印）：" if o and len(owners) > 1 else "委托人（签名并按手印）："
        story.append(FillLine([label, 30 * mm, "日期："] + SHORT_DATE, size=11.5, leading=12 * mm))
    story.append(FillLine(["受托人（签名并按手印）：", 30 * mm, "日期："] + SHORT_DATE, size=11.5, leading=12 * mm))
    story += [Spacer(1, 3 * mm), paragraph("附：委托人身份证复印件、受托人身份证复印件（正反面）。", s["small"])]
    return story


def build(store: Store, unit_id: str, household_id: str | None = None) -> Document:
    ctx = unit_context(store, unit_id, "proxy-form")
    s = styles()
    households = [h for h in ctx.households if household_id in (None, h.id)]
    story: list = []
    parts = [Part(_form(ctx, h, s), [h.id], {"unit": str(ctx.address), "household": h.id, "room": h.room})
             for h in households]
    for p in parts:
        story += p.story
    content = {"unit": str(ctx.address), "households": [h.room for h in households]}
    return Document("proxy-form", "授权委托书", ctx.project_line, story, ctx.texts(), content,
                    unit_id=unit_id, project_id=ctx.project_id, household_ids=[h.id for h in households], parts=parts)
