"""费用分摊协议: the plan and its version, the budget and its sources, every household's coefficient and
amount (with the rounding rule), the account and schedule, running costs, the manager, compensation,
late joiners, disputes, and a signature row per owner (co-owners each). Printing it keeps a snapshot
of the scheme and amounts, so a later change of preset never changes what was signed."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak, Paragraph, Spacer

from liftdesk.money import funding
from liftdesk.projects import liftplan
from liftdesk.money.costshare import ShareTable
from liftdesk.errors import LiftDeskError
from liftdesk.i18n import t
from ..store import Store
from liftdesk.common.units import format_fen
from .context import Document, unit_context
from .capitals import capitals
from .masking import capped
from .template import FillLine, esc, grid_table, paragraph, styles, styles_no_keep


def _owners(store: Store, household_id: str) -> list[str]:
    rows = store.db.execute("SELECT p.name FROM ownership o JOIN person p ON p.id = o.person_id"
                            " WHERE o.household_id = ? AND o.deleted = 0 ORDER BY o.signer DESC, o.role DESC, p.name",
                            [household_id]).fetchall()
    return [r[0] for r in rows] or [""]


PLAN_LIMIT = 160  # characters of the plan in the agreement's first section; the annex has it all


def _money(fen: int) -> str:
    """A figure not yet set is 待定, never ¥0.00."""
    return format_fen(fen) if fen else "待定"


def _source(fen: int) -> str:
    """A source of money the plan does not use is 无."""
    return format_fen(fen) if fen else "无"


def _subsidy_clause(plan) -> str:
    """What happens when a subsidy the plan counts on does not come, or comes short."""
    if not plan.subsidy_fen:
        return "本项目未计入政府补贴；日后获得补贴的，按各户已缴金额的比例退还或冲抵。"
    pending = "" if plan.subsidy_status == "credited" else \
        f"上述补贴尚{t('funding.status.' + plan.subsidy_status)}，业主承担合计已按预计补贴扣减。"
    return (pending + "补贴未获批准、未到账或少于预计的，差额由签约各户按附件分摊比例补足；"
            "多于预计的，按同一比例退还或冲抵。")


def _annex(table: ShareTable, s, full_plan: str = "") -> list:
    """附件《费用分摊方案》: the method, each household's coefficient and amount, in figures and capitals."""
    cell = s["cell"]
    status = f"（{table.scheme.status_label}）" if table.scheme.status_label else ""
    story = [PageBreak(), paragraph("附件：费用分摊方案", s["title"]),
             paragraph(f"分摊方案：{table.scheme.name}{status}——{table.scheme.summary}", s["body"])]
    if table.scheme.source:
        story.append(paragraph(f"依据：{table.scheme.source_text}", s["small"]))
    rows = [[Paragraph(h, cell) for h in ("房号", "楼层", "系数", "应分摊金额", "计算说明")]]
    for share in table.shares:
        rows.append([Paragraph(esc(share.flat.room), cell), str(share.flat.floor),
                     "" if share.coefficient is None else str(share.coefficient),
                     Paragraph(esc(f"{format_fen(share.amount_fen)}\n{capitals(share.amount_fen)}").replace("\n", "<br/>"),
                               s["small"]),
                     Paragraph(esc(share.explanation), s["small"])])
    rows.append([Paragraph("合计", cell), "", "",
                 Paragraph(esc(f"{format_fen(table.sum_fen)}\n{capitals(table.sum_fen)}").replace("\n", "<br/>"),
                           s["small"]), ""])
    story.append(grid_table(rows, [16 * mm, 12 * mm, 14 * mm, 58 * mm, 78 * mm], padding=2))
    story.append(paragraph(f"取整规则：{t('share.tie_break')}", s["small"]))
    if full_plan:
        story += [paragraph("加梯方案全文", s["heading"]), paragraph(full_plan, s["body"])]
    return story


def build(store: Store, unit_id: str) -> Document:
    ctx = unit_context(store, unit_id, "cost-agreement")
    if ctx.project_id is None:
        raise LiftDeskError("project.none", address=str(ctx.address))
    plan = funding.funding_plan(store, ctx.project_id)
    if plan.id is None:
        raise LiftDeskError("funding.none")
    version = liftplan.current(store, ctx.project_id)
    table: ShareTable = funding.shares(store, ctx.project_id)
    running = funding.running_costs(store, ctx.project_id)
    s = styles()
    cell = s["cell"]
    place = f"{ctx.address.estate}{ctx.address.building}{ctx.address.unit}"
    story: list = [paragraph("加装电梯费用分摊协议", s["title"]),
                   paragraph(f"项目：{ctx.project_name}（{ctx.address.street}{ctx.address.community}"
                             f"{place}）", s["body"])]
    story.append(paragraph("一、加梯方案", s["heading"]))
    if version:
        story.append(paragraph(f"{version.label}（{version.on_date}）：{capped(version.line, PLAN_LIMIT, '……（全文见附件）')}"
                               + (f"；设计单位：{version.design_firm}" if version.design_firm else "")
                               + (f"；电梯厂家：{version.maker}" if version.maker else ""), s["body"]))
    else:
        story.append(paragraph(t("plan.none"), s["body"]))
    story.append(paragraph("二、费用预算与资金来源", s["heading"]))
    subsidy = "无" if not plan.subsidy_fen else f"{format_fen(plan.subsidy_fen)}（{t('funding.status.' + plan.subsidy_status)}" \
        + (f"，{plan.subsidy_credited_on}" if plan.subsidy_credited_on else "") + "）"
    money_rows = [[Paragraph("项目", cell), Paragraph("金额", cell)],
                  ["工程总价（估算）", _money(plan.total_fen)], ["政府补贴", Paragraph(esc(subsidy), cell)],
                  ["专项维修资金", _source(plan.maintenance_fund_fen)],
                  ["公积金提取", _source(plan.provident_fund_fen)],
                  [Paragraph(esc("其他来源" + (f"（{plan.other_note}）" if plan.other_note else "")), cell),
                   _source(plan.other_fen)],
                  ["业主承担合计", Paragraph(esc(f"{format_fen(plan.owners_part_fen)}（{capitals(plan.owners_part_fen)}）"),
                                           cell)]]
    story.append(grid_table(money_rows, [60 * mm, 118 * mm], zebra=False))
    story.append(paragraph(_subsidy_clause(plan), s["body"]))
    story.append(paragraph("三、各户分摊", s["heading"]))
    status = f"（{table.scheme.status_label}）" if table.scheme.status_label else ""
    story.append(paragraph(f"分摊方案：{table.scheme.name}{status}——{table.scheme.summary}"
                           + (f"来源：{table.scheme.source_text}。" if table.scheme.source else "")
                           + ("该方案的系数为参考值，非官方标准，以全体签约业主的约定为准。"
                              if table.scheme.status == "reference" else "")
                           + "各户应分摊金额见附件《费用分摊方案》，附件是本协议的组成部分。", s["body"]))
    compensation = [sh for sh in table.shares if sh.override is not None]
    story.append(paragraph("四、缴款与集体账户", s["heading"]))
    account = "、".join(x for x in (plan.account_name, plan.account_bank, plan.account_no) if x) or "待定"
    schedule = plan.schedule or "待定（由筹备组另行书面通知，并经业主确认）"
    story.append(paragraph(f"各户应将分摊款存入本项目集体账户：{account}。缴款时间与方式：{schedule}。"
                           "补贴到账后亦存入该账户，专款专用，收支向全体业主公开。", s["body"]))
    story.append(paragraph("五、维保费与电费", s["heading"]))
    story.append(paragraph(
        f"电梯交付使用后，每年维保费约 {_money(plan.yearly_maintenance_fen)}、电费约 "
        f"{_money(plan.yearly_electricity_fen)}，分摊方案：{running['maintenance'].scheme.name}。"
        f"使用管理人{plan.manager or '待定'}负责日常管理、维保合同与年检，并每年公布收支。", s["body"]))
    story.append(paragraph("六、补偿、后加入与争议", s["heading"]))
    if compensation:
        text = "；".join(f"{sh.flat.room}：{format_fen(sh.override.amount_fen)}（{sh.override.reason}）"
                         for sh in compensation)
        story.append(paragraph(f"约定金额：{text}。", s["body"]))
    story.append(paragraph("本协议签订时未参加的业主，日后申请使用电梯的，应按本协议所附分摊方案补缴其应分摊金额"
                           "（由筹备组按本协议快照重新计算），补缴款按原分摊比例退还已缴业主。"
                           "因本协议发生争议的，由各方协商；协商不成的，可请社区、街道调解，或依法向人民法院起诉。", s["body"]))
    story.append(paragraph("七、业主代表、生效与份数", s["heading"]))
    copies = len(table.shares) + 2
    story.append(paragraph(f"全体签约业主推举下列业主代表（加装申请人）办理加装申请、签订施工合同和管理集体账户，"
                           f"代表全体签约业主对外联系。本协议自全体签约业主签字（或盖章）之日起生效。"
                           f"本协议一式 {copies} 份，签约各户各执一份，筹备组、社区各执一份，"
                           f"另将复印件随加装申请材料报送；附件《费用分摊方案》与本协议具有同等效力。", s["body"]))
    story.append(FillLine(["业主代表（加装申请人）（签字）：", 50 * mm, "房号：", 20 * mm], size=11.5, leading=10 * mm))
    story.append(FillLine(["联系电话：", 45 * mm, "推举日期：", 40 * mm], size=11.5, leading=10 * mm))
    # a long signature table may run over pages: it starts here when a few rows fit, its header repeats
    story += [CondPageBreak(45 * mm), Paragraph("八、签署", styles_no_keep(s["heading"]))]
    sign_rows = [[Paragraph(h, cell) for h in ("房号", "产权人/共有人", "应分摊金额", "签字（或盖章）", "日期")]]
    spans = []
    for share in table.shares:
        names = _owners(store, share.flat.id)
        first = len(sign_rows)
        for n, name in enumerate(names):
            amount = Paragraph(esc(f"{format_fen(share.amount_fen)}\n{capitals(share.amount_fen)}").replace("\n", "<br/>"),
                               s["small"]) if n == 0 else ""
            sign_rows.append([Paragraph(esc(share.flat.room), cell), Paragraph(esc(name), cell), amount, "", ""])
        if len(names) > 1:
            spans += [("SPAN", (0, first), (0, first + len(names) - 1)), ("SPAN", (2, first), (2, first + len(names) - 1))]
    signatures = grid_table(sign_rows, [16 * mm, 32 * mm, 58 * mm, 44 * mm, 28 * mm], zebra=False)
    signatures.setStyle([("ROWBACKGROUNDS", (0, 1), (-1, -1), [None]),
                         ("BOTTOMPADDING", (0, 1), (-1, -1), 10), ("TOPPADDING", (0, 1), (-1, -1), 10)] + spans)
    story += [signatures, Spacer(1, 4 * mm),
              paragraph(f"签约业主合计应分摊：{format_fen(table.sum_fen)}（{capitals(table.sum_fen)}）。", s["small"])]
    story += _annex(table, s, version.line if version and len(version.line) > PLAN_LIMIT else "")
    texts = ctx.texts() + [table.scheme.name, table.scheme.source_text, plan.account_name, plan.account_bank, plan.account_no, plan.manager,
                           plan.schedule, plan.other_note] + [sh.explanation for sh in table.shares]
    if version:
        texts += [version.line, version.design_firm, version.maker]
    content = {"unit": str(ctx.address), "plan_version": version.version if version else None,
               "scheme": table.scheme.as_json(), "shares": [(sh.flat.room, sh.amount_fen) for sh in table.shares],
               "capitals": {sh.flat.room: capitals(sh.amount_fen) for sh in table.shares}}
    project_id = ctx.project_id
    return Document("cost-agreement", "加装电梯费用分摊协议", ctx.project_line, story, texts, content,
                    unit_id=unit_id, project_id=project_id, household_ids=[sh.flat.id for sh in table.shares],
                    on_recorded=lambda st, serial: funding.snapshot_agreement(st, project_id, serial))
