"""公示: the consent statistics of a unit for public display. Names and phones are masked."""

from __future__ import annotations

from datetime import date, timedelta

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from .. import consent, positions
from ..i18n import t
from ..store import Store
from .context import Document, unit_context
from .masking import mask_names, mask_phone
from .template import grid_table, paragraph, styles

WORKING_DAYS = 10


def working_days_after(start: date, days: int) -> date:
    day, left = start, days
    while left:
        day += timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day


def build(store: Store, unit_id: str, start: date | None = None, days: int = WORKING_DAYS) -> Document:
    ctx = unit_context(store, unit_id, "notice")
    s = styles()
    verdict = consent.unit_verdict(store, unit_id)
    current = {b.household_id: b.position for b in consent.load_ballots(
        store, "h.unit_id = ?", [unit_id], consent.LEGAL, consent.district_rule(store).written_only).get(unit_id, [])}
    start = start or date.today()
    end = working_days_after(start, days)
    a = ctx.address
    story = [paragraph(f"关于{a.estate}{a.building}{a.unit}加装电梯的公示", s["title"]),
             paragraph(f"根据《民法典》第二百七十八条及本市既有住宅加装电梯有关规定，{a.estate}{a.building}{a.unit}"
                       f"业主拟加装电梯。现将有关情况公示如下：", s["body"]),
             paragraph(f"一、项目：{ctx.project_name}。方案概要：{ctx.plan or '详见楼道张贴的设计方案图'}。", s["body"]),
             paragraph(f"二、业主意见征询结果（按{ctx.rule_name}统计，仅计签字书面意见）：", s["body"])]
    rows = [["统计项", "数值", "要求", "是否达到"]]
    for c in verdict.criteria:
        unit = " m²" if c.measures_area else " 人"
        rows.append([t(f"criterion.{c.key}"), f"{c.fraction}{unit}", f"≥ {c.threshold_text}", "是" if c.met else "否"])
    story += [grid_table(rows, [60 * mm, 55 * mm, 30 * mm, 30 * mm]), Spacer(1, 3 * mm),
              paragraph(f"结论：{'已达到' if verdict.passed else '未达到'}法定同意比例。", s["body"]),
              paragraph("三、各户意见（姓名、电话已作隐私处理）：", s["body"])]
    rows = [["房号", "业主", "联系电话", "意见"]]
    for h in ctx.households:
        rows.append([h.room, mask_names(h.owners), mask_phone(h.phones.split("、")[0]) if h.phones else "",
                     positions.label(positions.POSITIONS, current.get(h.id, "none"))])
    story += [grid_table(rows, [25 * mm, 55 * mm, 50 * mm, 45 * mm]), Spacer(1, 4 * mm),
              paragraph(f"四、公示期：{start.isoformat()} 至 {end.isoformat()}（{days} 个工作日）。", s["body"]),
              paragraph(f"五、如有异议，请在公示期内以书面形式向{a.community}居民委员会（社区办公室）提出，"
                        f"由街道、社区组织协调处理。", s["body"]),
              Spacer(1, 8 * mm),
              paragraph(f"{a.street}{a.community}居民委员会　　{a.estate}{a.building}{a.unit}加装电梯筹备组", s["body"]),
              paragraph(f"{start.isoformat()}", s["body"])]
    texts = [str(a), ctx.project_name, ctx.plan] + [mask_names(h.owners) for h in ctx.households]
    content = {"unit": str(a), "period": [start.isoformat(), end.isoformat()], "verdict": verdict.as_json()}
    return Document("notice", "加装电梯公示", ctx.project_line, story, texts, content,
                    unit_id=unit_id, project_id=ctx.project_id, household_ids=[h.id for h in ctx.households])
