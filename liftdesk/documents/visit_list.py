"""走访清单: whom to visit, for helpers to carry — one unit, or every unit of a place (a community,
a street …) that is 差 1–2 户. Names and phones are printed in full: it is for the helpers, never
posted."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from liftdesk.consent import evaluation
from liftdesk.places import places
from liftdesk.errors import LiftDeskError
from ..store import Store
from .context import Document
from .template import CheckBoxes, esc, grid_table, paragraph, styles

TITLE = "加装电梯走访清单"
OUTCOMES = ["已签", "未签", "再约"]


def build(store: Store, target: str) -> Document:
    """TARGET: a unit's address (or id), or any place above it (then only its units 差 1–2 户)."""
    if store.db.execute("SELECT 1 FROM unit WHERE id = ? AND deleted = 0", [target]).fetchone():
        kind, place_id = "unit", target  # a batch passes unit ids
    else:
        kind, place_id = places.resolve(store, target)
    if kind == "unit":
        units = [place_id]
    else:
        units = [u.unit_id for u in evaluation.verdicts_under(store, target) if u.status == "close"]
        if not units:
            raise LiftDeskError("visit_list.none", address=target.strip().strip("/"))
    s = styles()
    story = [paragraph(TITLE, s["title"])]
    texts, content, household_ids = [TITLE], [], []
    rule = None
    for n, unit_id in enumerate(units):
        address = places.unit_address(store, unit_id)
        verdict = evaluation.unit_verdict(store, unit_id)
        rule = verdict.rule
        block = [paragraph(f"{esc(address.street)}{esc(address.community)} {esc(address.estate)}"
                           f"{esc(address.building)}{esc(address.unit)}", s["heading"]),
                 paragraph(esc(verdict.shortfall_text), s["body"])]
        for c in verdict.criteria:
            block.append(paragraph(esc(c.words), s["small"]))  # the words say met or short
        for conflict in verdict.conflicts:
            block.append(paragraph("！" + esc(verdict.conflict_text(conflict)), s["small"]))
        visits = [] if verdict.passed else verdict.visits
        if visits:
            header = [Paragraph(h, s["cell"]) for h in ("序", "房号", "业主", "电话", "现状", "为何走访", "结果")]
            rows = [header]
            for k, visit in enumerate(visits, start=1):
                rooms = "、".join(b.label for b in visit.flats)
                owners = "、".join(verdict.names(visit.voter)) or "＿＿＿"
                phone = verdict.phone(visit.voter)
                position, reason = verdict.position_text(visit.voter), verdict.reason(visit)
                rows.append([Paragraph(str(k), s["cell"]), Paragraph(esc(rooms), s["cell"]),
                             Paragraph(esc(owners), s["cell"]), Paragraph(esc(phone), s["cell"]),
                             Paragraph(esc(position), s["cell"]), Paragraph(esc(reason), s["cell"]),
                             CheckBoxes(OUTCOMES, size=9)])
                texts += [rooms, owners, phone, position, reason]
                household_ids += [b.household_id for b in visit.flats]
                content.append((str(address), rooms, owners, phone, position, reason))
            block.append(grid_table(rows, [8 * mm, 17 * mm, 24 * mm, 30 * mm, 28 * mm, 50 * mm, 20 * mm]))
        else:
            block.append(paragraph("已达到同意比例，无需走访。" if verdict.passed else "无需走访。", s["small"]))
        texts += [str(address), verdict.shortfall_text] + [c.words for c in verdict.criteria]
        story.append(KeepTogether(block))
        story.append(Spacer(1, 5 * mm))
    story.append(paragraph(f"适用规则：{esc(rule.name)}。只计签字的书面意见；名单为达标所需的最少业主，"
                           "最可能签字的在前，按楼层从高到低排列，便于一次走完。走访后请在“结果”栏勾选，"
                           "拿到签字的书面意见后及时录入（单元页选中该户按 Shift+数字，再输入表格编号）。", s["small"]))
    first = places.unit_address(store, units[0])
    line = str(first) if len(units) == 1 else target.strip().strip("/")
    return Document("visit-list", TITLE, line, story, texts, {"units": content}, unit_id=units[0] if len(units) == 1
                    else None, household_ids=household_ids)
