"""授权委托书: a blank power of attorney, one page per household (or for one household)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from ..store import Store
from .context import Document, unit_context
from .template import CheckBoxes, grid_table, paragraph, styles


def build(store: Store, unit_id: str, household_id: str | None = None) -> Document:
    ctx = unit_context(store, unit_id, "proxy-form")
    s = styles()
    households = [h for h in ctx.households if household_id in (None, h.id)]
    story: list = []
    for n, h in enumerate(households):
        if n:
            story.append(PageBreak())
        story += [paragraph("授权委托书", s["title"]), Spacer(1, 3 * mm),
                  grid_table([["委托人（产权人）", h.owners or "", "身份证件号", ctx.id_refs.get(h.id, "")],
                              ["房屋", f"{ctx.address.estate}{ctx.address.building}{ctx.address.unit} {h.room} 室", "", ""],
                              ["受托人", "", "身份证件号", ""],
                              ["与委托人关系", "", "联系电话", ""]],
                             [32 * mm, 60 * mm, 25 * mm, 58 * mm], header_rows=0, zebra=False),
                  Spacer(1, 5 * mm),
                  paragraph(f"委托人因故不能亲自参加{ctx.project_name}的意见征询与表决，特委托上述受托人代为办理：",
                            s["body"]),
                  CheckBoxes(["参加业主会议", "代为表决并签署意见", "签订加装协议", "其他：＿＿＿＿＿＿"], size=11.5),
                  Spacer(1, 3 * mm),
                  paragraph("委托期限：自＿＿＿＿年＿＿月＿＿日至＿＿＿＿年＿＿月＿＿日。受托人在委托范围内所为之行为，"
                            "委托人均予承认。", s["body"]),
                  Spacer(1, 12 * mm),
                  paragraph("委托人（签名）：＿＿＿＿＿＿＿＿　　受托人（签名）：＿＿＿＿＿＿＿＿", s["body"]),
                  Spacer(1, 6 * mm),
                  paragraph("日期：＿＿＿＿年＿＿月＿＿日", s["body"])]
    content = {"unit": str(ctx.address), "households": [h.room for h in households]}
    return Document("proxy-form", "授权委托书", ctx.project_line, story, ctx.texts(), content,
                    unit_id=unit_id, project_id=ctx.project_id, household_ids=[h.id for h in households])
