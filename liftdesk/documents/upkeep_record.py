"""年度维保记录: one lift's year after handover on paper — who manages and maintains it, its
insurance, the year's inspections, maintenance visits and faults, and its running costs with what
the households paid and still owe — for the lift's manager and the maintenance company to sign."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from liftdesk.common.units import format_fen
from liftdesk.errors import LiftDeskError
from liftdesk.upkeep import logbook, running

from ..store import Store
from .context import Document, unit_context
from .template import FillLine, grid_table, paragraph, styles


def record_year(store: Store, project_id: str) -> int:
    """The latest year with any entry in the lift's logbook or accounts (what the record covers)."""
    row = store.db.execute(
        """SELECT max(y) FROM (SELECT max(substr(on_date, 1, 4)) AS y FROM upkeep_visit WHERE project_id = ? AND deleted = 0
           UNION ALL SELECT max(substr(on_date, 1, 4)) FROM upkeep_inspection WHERE project_id = ? AND deleted = 0
           UNION ALL SELECT max(year) FROM running_cost WHERE project_id = ? AND deleted = 0)""",
        [project_id] * 3).fetchone()
    return int(row[0]) if row and row[0] else 0


def build(store: Store, unit_id: str, year: int | None = None) -> Document:
    ctx = unit_context(store, unit_id, "upkeep-record", need_households=False)
    if ctx.project_id is None:
        raise LiftDeskError("project.none", address=str(ctx.address))
    pid = ctx.project_id
    year = year or record_year(store, pid) or date.today().year  # nothing yet: this year's record, to fill in
    in_year = lambda day: day[:4] == str(year)
    s = styles()
    parties = logbook.parties(store, pid)
    insurances = [i for i in logbook.insurances(store, pid) if i.starts_on[:4] <= str(year) <= i.ends_on[:4]]
    inspections = [i for i in logbook.inspections(store, pid) if in_year(i.on_date)]
    visits = [v for v in logbook.visits(store, pid) if in_year(v.on_date)]
    faults = [f for f in logbook.faults(store, pid) if in_year(f.on_date)]
    costs = running.costs(store, pid, year)
    summary = next((y for y in running.summary(store, pid) if y.year == year), None)
    story = [paragraph(f"年度维保记录（{year} 年）", s["title"]),
             paragraph(f"{ctx.project_name}　{str(ctx.address).replace('/', ' ')}", s["body"]),
             paragraph("一、使用管理人与维保单位", s["heading"]),
             grid_table([["身份", "名称/姓名", "起", "合同截止", "合同编号"]]
                        + [[logbook.role_label(p.role), p.name, p.from_date, p.to_date or "—", p.contract_no or "—"]
                           for p in parties] or [["（未登记）", "", "", "", ""]],
                        [28 * mm, 62 * mm, 26 * mm, 26 * mm, 36 * mm]),
             paragraph("二、保险", s["heading"]),
             grid_table([["保险公司", "保障", "起保", "终止", "保单号"]]
                        + [[i.insurer, i.cover, i.starts_on, i.ends_on, i.policy_no] for i in insurances]
                        + ([] if insurances else [["（本年度无有效保险记录）", "", "", "", ""]]),
                        [46 * mm, 50 * mm, 24 * mm, 24 * mm, 34 * mm]),
             paragraph("三、年度检验", s["heading"]),
             grid_table([["检验日期", "结论", "下次检验", "合格证编号"]]
                        + [[i.on_date, logbook.result_label(i.result), i.next_due, i.certificate_no] for i in inspections]
                        + ([] if inspections else [["（本年度无检验记录）", "", "", ""]]),
                        [36 * mm, 30 * mm, 36 * mm, 76 * mm]),
             paragraph(f"四、维保记录（共 {len(visits)} 次）", s["heading"]),
             grid_table([["日期", "维保单位", "维保情况"]] + [[v.on_date, v.company, v.findings] for v in visits]
                        + ([] if visits else [["（无）", "", ""]]), [26 * mm, 62 * mm, 90 * mm], zebra=True),
             paragraph("五、故障与停梯", s["heading"]),
             grid_table([["日期", "停梯（小时）", "原因", "维修"]]
                        + [[f.on_date, str(f.stopped_hours), f.cause, f.repair] for f in faults]
                        + ([] if faults else [["（无）", "", "", ""]]), [26 * mm, 24 * mm, 64 * mm, 64 * mm]),
             paragraph("六、运行费用", s["heading"]),
             grid_table([["类别", "金额", "日期", "说明"]]
                        + [[running.kind_label(c.kind), format_fen(c.amount_fen), c.on_date, c.note] for c in costs]
                        + ([] if costs else [["（无）", "", "", ""]]), [36 * mm, 36 * mm, 30 * mm, 76 * mm])]
    if summary is not None:
        story.append(paragraph(f"合计 {format_fen(summary.costs_fen)}；已出账 {format_fen(summary.billed_fen)}，"
                               f"已缴 {format_fen(summary.paid_fen)}，未缴 {format_fen(summary.owed_fen)}"
                               f"（{summary.households_owing} 户）。", s["body"]))
    story += [Spacer(1, 8 * mm),
              FillLine(["使用管理人（签字）：", 40 * mm, "维保单位（盖章）：", 40 * mm], size=12, leading=11 * mm),
              FillLine(["日期：", 40 * mm], size=12, leading=11 * mm)]
    texts = ctx.texts() + [(ctx.short, x) for x in
                           [p.name for p in parties] + [i.insurer + i.cover + i.policy_no for i in insurances]
                           + [i.certificate_no for i in inspections] + [v.company + v.findings for v in visits]
                           + [f.cause + f.repair for f in faults] + [c.note for c in costs]]
    content = {"project": pid, "year": year, "visits": [v.id for v in visits], "inspections": [i.id for i in inspections],
               "faults": [f.id for f in faults], "costs": [c.id for c in costs]}
    return Document("upkeep-record", f"年度维保记录（{year}）", ctx.project_line, story, texts, content,
                    unit_id=unit_id, project_id=pid)
