"""费用分摊协议: the plan and its version, the budget and its sources, every household's coefficient and
amount (with the rounding rule), the account and schedule, running costs, the manager, compensation,
late joiners, disputes, and a signature row per owner (co-owners each). Printing it keeps a snapshot
of the scheme and amounts, so a later change of preset never changes what was signed."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from liftdesk.money import funding
from liftdesk.projects import liftplan
from liftdesk.money.costshare import ShareTable
from liftdesk.errors import LiftDeskError
from liftdesk.i18n import t
from ..store import Store
from liftdesk.common.units import format_fen
from .context import Document, unit_context
from .template import esc, grid_table, paragraph, styles


def _owners(store: Store, household_id: str) -> list[str]:
    rows = store.db.execute("SELECT p.name FROM ownership o JOIN person p ON p.id = o.person_id"
                            " WHERE o.household_id = ? AND o.deleted = 0 ORDER BY o.signer DESC, o.role DESC, p.name",
                            [household_id]).fetchall()
    return [r[0] for r in rows] or [""]


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
        story.append(paragraph(f"{version.label}（{version.on_date}）：{version.line}"
                               + (f"；设计单位：{version.design_firm}" if version.design_firm else "")
                               + (f"；电梯厂家：{version.maker}" if version.maker else ""), s["body"]))
    else:
        story.append(paragraph(t("plan.none"), s["body"]))
    story.append(paragraph("二、费用预算与资金来源", s["heading"]))
    subsidy = f"{format_fen(plan.subsidy_fen)}（{t('funding.status.' + plan.subsidy_status)}" \
              + (f"，{plan.subsidy_credited_on}" if plan.subsidy_credited_on else "") + "）"
    money_rows = [[Paragraph("项目", cell), Paragraph("金额", cell)],
                  ["工程总价（估算）", format_fen(plan.total_fen)], ["政府补贴", Paragraph(esc(subsidy), cell)],
                  ["专项维修资金", format_fen(plan.maintenance_fund_fen)],
                  ["公积金提取", format_fen(plan.provident_fund_fen)],
                  [Paragraph(esc("其他来源" + (f"（{plan.other_note}）" if plan.other_note else "")), cell),
                   format_fen(plan.other_fen)],
                  ["业主承担合计", format_fen(plan.owners_part_fen)]]
    story.append(grid_table(money_rows, [90 * mm, 88 * mm], zebra=False))
    story.append(paragraph("三、各户分摊", s["heading"]))
    story.append(paragraph(f"分摊方案：{table.scheme.name}——{table.scheme.summary}", s["body"]))
    rows = [[Paragraph(h, cell) for h in ("房号", "楼层", "系数", "应分摊金额", "计算说明")]]
    for share in table.shares:
        rows.append([Paragraph(esc(share.flat.room), cell), str(share.flat.floor),
                     "" if share.coefficient is None else str(share.coefficient),
                     Paragraph(format_fen(share.amount_fen), cell), Paragraph(esc(share.explanation), s["small"])])
    rows.append([Paragraph("合计", cell), "", "", Paragraph(format_fen(table.sum_fen), cell), ""])
    story.append(grid_table(rows, [16 * mm, 12 * mm, 14 * mm, 30 * mm, 106 * mm]))
    story.append(paragraph(f"取整规则：{t('share.tie_break')}", s["small"]))
    compensation = [sh for sh in table.shares if sh.override is not None]
    story.append(paragraph("四、缴款与集体账户", s["heading"]))
    account = "、".join(x for x in (plan.account_name, plan.account_bank, plan.account_no) if x) or "（待定）"
    story.append(paragraph(f"各户应将分摊款存入本项目集体账户：{account}。缴款安排：{plan.schedule or '签订本协议后 30 日内一次缴清'}。"
                           "补贴到账后亦存入该账户，专款专用，收支向全体业主公开。", s["body"]))
    story.append(paragraph("五、维保费与电费", s["heading"]))
    story.append(paragraph(
        f"电梯交付使用后，每年维保费约 {format_fen(plan.yearly_maintenance_fen)}、电费约 "
        f"{format_fen(plan.yearly_electricity_fen)}，分摊方案：{running['maintenance'].scheme.name}。"
        f"使用管理人{plan.manager or '（待定）'}负责日常管理、维保合同与年检，并每年公布收支。", s["body"]))
    story.append(paragraph("六、补偿、后加入与争议", s["heading"]))
    if compensation:
        text = "；".join(f"{sh.flat.room}：{format_fen(sh.override.amount_fen)}（{sh.override.reason}）"
                         for sh in compensation)
        story.append(paragraph(f"约定金额：{text}。", s["body"]))
    story.append(paragraph("本协议签订时未参加的业主，日后申请使用电梯的，应按本协议所附分摊方案补缴其应分摊金额"
                           "（由筹备组按本协议快照重新计算），补缴款按原分摊比例退还已缴业主。"
                           "因本协议发生争议的，由各方协商；协商不成的，可请社区、街道调解，或依法向人民法院起诉。", s["body"]))
    story.append(paragraph("七、签署", s["heading"]))
    sign_rows = [[Paragraph(h, cell) for h in ("房号", "产权人/共有人", "签名", "日期")]]
    for share in table.shares:
        for name in _owners(store, share.flat.id):
            sign_rows.append([Paragraph(esc(share.flat.room), cell), Paragraph(esc(name), cell), "", ""])
    signatures = grid_table(sign_rows, [18 * mm, 50 * mm, 70 * mm, 40 * mm], zebra=False)
    signatures.setStyle([("ROWBACKGROUNDS", (0, 1), (-1, -1), [None]),
                         ("BOTTOMPADDING", (0, 1), (-1, -1), 12), ("TOPPADDING", (0, 1), (-1, -1), 12)])
    story += [signatures, Spacer(1, 4 * mm),
              paragraph("本协议一式三份，筹备组、社区各执一份，一份随加装申请材料报送。", s["small"])]
    texts = ctx.texts() + [table.scheme.name, plan.account_name, plan.account_bank, plan.account_no, plan.manager,
                           plan.schedule, plan.other_note] + [sh.explanation for sh in table.shares]
    if version:
        texts += [version.line, version.design_firm, version.maker]
    content = {"unit": str(ctx.address), "plan_version": version.version if version else None,
               "scheme": table.scheme.as_json(), "shares": [(sh.flat.room, sh.amount_fen) for sh in table.shares]}
    project_id = ctx.project_id
    return Document("cost-agreement", "加装电梯费用分摊协议", ctx.project_line, story, texts, content,
                    unit_id=unit_id, project_id=project_id, household_ids=[sh.flat.id for sh in table.shares],
                    on_recorded=lambda st, serial: funding.snapshot_agreement(st, project_id, serial))
