"""书面同意书: one letter per household of a unit, each with its own serial, QR code and page count,
so a returned letter is entered by its own serial (录入回执 then opens just that household). Every
co-owner signs on their own line and gives their own ID reference."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from ..store import Store
from liftdesk.common.units import format_fen
from liftdesk.errors import LiftDeskError
from liftdesk.money import funding
from liftdesk.places import household_facts
from liftdesk.projects import liftplan
from .capitals import capitals
from .masking import capped
from liftdesk.common.units import format_area
from .context import Document, Part, today_text, unit_context
from .template import CheckBoxes, FillLine, grid_table, paragraph, styles


PLAN_LIMIT = 80  # characters of the plan on a letter; the drawing posted in the stairwell has the rest


def _letter(ctx, h, s, facts, share) -> list:
    owners = ctx.owners.get(h.id, [])
    place = f"{ctx.address.estate}{ctx.address.building}{ctx.address.unit} {h.room} 室"
    rows = [["房屋", place], ["专有部分面积", f"{format_area(h.area_x100)} m²　第 {h.floor} 层"],
            ["不动产权证号", facts.property_cert if facts else ""]]
    if ctx.plan:
        rows.append(["所同意的方案", capped(ctx.plan, PLAN_LIMIT, "……（全文见方案图）")])
    if share is not None:
        amount, label = share
        rows.append([label, f"{format_fen(amount)}（{capitals(amount)}）"])
    story = [paragraph("加装电梯书面同意书", s["title"]),
             grid_table(rows, [38 * mm, 140 * mm], header_rows=0, label_cols=(0,), padding=3)]
    if not ctx.plan:
        story.append(FillLine(["所同意的方案（名称及版本）：", None], size=11.5, leading=8 * mm))
    story += [FillLine(["方案图纸张贴于：", None], size=11, leading=8 * mm), Spacer(1, 2 * mm),
              paragraph(f"本人系上述房屋的产权人（或共有人、受托人），已知悉{ctx.project_name}的加装方案、"
                        f"费用预算与分摊办法，经慎重考虑，意见如下：", s["body"]),
              FillLine(["对加装电梯："], size=12, leading=6 * mm),
              CheckBoxes(["同意加装电梯", "不同意", "弃权"], size=12.5, box=4.6 * mm),
              FillLine(["对费用分摊方案："], size=12, leading=6 * mm),
              CheckBoxes(["同意按所附方案分摊", "不同意"], size=12.5, box=4.6 * mm),
              FillLine(["理由或条件：", None, None], size=12, leading=8 * mm),
              Spacer(1, 2 * mm),
              paragraph("产权人及共有人（各自签名并按手印，填写本人身份证件号后四位）：", s["body"])]
    sign = [["产权人/共有人", "身份证件号（后四位）", "签名（按手印）", "日期"]]
    for o in owners or [None]:
        sign.append([o.name if o else "", (o.id_ref[-4:] if o and o.id_ref else ""), "", ""])
    table = grid_table(sign, [45 * mm, 36 * mm, 59 * mm, 38 * mm], padding=8)
    story += [table, Spacer(1, 3 * mm),
              CheckBoxes(["由受托人代签（须附授权委托书）"], size=11.5),
              FillLine(["受托人姓名：", 40 * mm, "授权委托书编号：", 55 * mm], size=11.5, leading=9 * mm),
              FillLine(["请于", 14 * mm, "年", 8 * mm, "月", 8 * mm, "日前交回筹备组；联系人：", 28 * mm, "电话：", None],
                       size=11, leading=9 * mm),
              Spacer(1, 2 * mm),
              paragraph(f"本同意书一式两份，每户一份，按页眉编号录入。打印日期：{today_text()}", s["small"])]
    return story


def _shares(store: Store, ctx) -> dict:
    """Each household's share on its own letter: the funding plan's, or an estimate (估算) when the
    project has a total but no funding plan yet; none when nothing is known."""
    if ctx.project_id is None:
        return {}
    try:
        plan = funding.funding_plan(store, ctx.project_id)
        if plan.id is not None:
            table, label = funding.shares(store, ctx.project_id), "本户应分摊金额"
        else:
            version = liftplan.current(store, ctx.project_id)
            if version is None or not version.estimate_fen:
                return {}
            table = funding.estimate_shares(store, ctx.unit_id, version.estimate_fen).table
            label = "本户应分摊（估算）"
    except LiftDeskError:  # a scheme that cannot split this unit: the letter goes without the figure
        return {}
    return {sh.flat.id: (sh.amount_fen, label) for sh in table.shares}


def build(store: Store, unit_id: str) -> Document:
    ctx = unit_context(store, unit_id, "consent-letters")
    s = styles()
    facts = household_facts.unit_facts(store, unit_id)
    shares = _shares(store, ctx)
    parts = [Part(_letter(ctx, h, s, facts.get(h.id), shares.get(h.id)), [h.id], {"unit": str(ctx.address), "household": h.id, "room": h.room,
                                                "owners": h.owners}) for h in ctx.households]
    content = {"unit": str(ctx.address), "households": [(h.room, h.owners) for h in ctx.households]}
    return Document("consent-letters", "书面同意书", ctx.project_line, [], ctx.texts(), content,
                    unit_id=unit_id, project_id=ctx.project_id, household_ids=[h.id for h in ctx.households],
                    parts=parts)
