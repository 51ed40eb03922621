"""The CLI's view of a project's money: `shares`, `plan`, `payments`. Printing only."""

from __future__ import annotations

import argparse

from liftdesk.money import costshare, funding, payments
from liftdesk.projects import liftplan
from liftdesk.places import places
from liftdesk.projects import projects
from liftdesk.i18n import t
from liftdesk.errors import ValidationError
from liftdesk.common.units import format_fen, parse_yuan

from .common import emit, project_at


def add_parsers(sub) -> None:
    p = sub.add_parser("shares", help="cost shares of a project / 费用分摊")
    p.add_argument("address", metavar="ADDRESS", help="街道/社区/小区/幢/单元")
    p.add_argument("--scheme", choices=costshare.available_schemes(), help="sharing scheme (default: the plan's)")
    p.add_argument("--total", metavar="YUAN", help="estimated total in yuan (default: the funding plan's)")
    p.add_argument("--subsidy", metavar="YUAN", help="government subsidy in yuan (default: the funding plan's)")
    p.add_argument("--json", action="store_true")
    for name, text in (("plan", "lift plan versions and funding plan / 加梯方案与资金"),
                       ("payments", "payments into the collective account / 集体账户缴费")):
        p = sub.add_parser(name, help=text)
        p.add_argument("address", metavar="ADDRESS", help="街道/社区/小区/幢/单元")
        p.add_argument("--json", action="store_true")


def _trial(store, args: argparse.Namespace):
    """The project's shares; with --total and no project yet, an estimate over the unit's flats."""
    total = parse_yuan(args.total) if args.total is not None else None
    subsidy = parse_yuan(args.subsidy) if args.subsidy is not None else None
    unit_id = places.resolve_unit(store, args.address)
    if total is not None and projects.project_of_unit(store, unit_id) is None:
        return unit_id, funding.estimate_shares(store, unit_id, total, subsidy or 0, args.scheme)
    unit_id, project_id = project_at(store, args.address)
    return unit_id, funding.trial_shares(store, project_id, args.scheme, total, subsidy)


def _shares(store, args: argparse.Namespace) -> int:
    unit_id, trial = _trial(store, args)
    table, part = trial.table, trial.owners_part_fen
    data = {"address": str(places.unit_address(store, unit_id)), "scheme": table.scheme.id,
            "scheme_status": table.scheme.status, "scheme_source": dict(table.scheme.source),
            "estimate": trial.estimate, "label": t("share.estimate") if trial.estimate else "",
            "total_fen": trial.total_fen, "subsidy_fen": trial.subsidy_fen, "other_sources_fen": trial.other_sources_fen,
            "owners_part_fen": part,
            "households": [{"room": s.flat.room, "floor": s.flat.floor,
                            "coefficient": None if s.coefficient is None else str(s.coefficient),
                            "share_fen": s.amount_fen, "explanation": s.explanation} for s in table.shares],
            "by_floor": {str(k): v for k, v in sorted(table.by_floor.items())},
            "sum_fen": table.sum_fen, "tie_break": table.as_json()["tie_break"]}
    if args.json:
        emit(data)
        return 0
    status = f"（{table.scheme.status_label}）" if table.scheme.status_label else ""
    label = f"【{t('share.estimate')}】" if trial.estimate else ""
    print(f"{label}{data['address']}  {table.scheme.name}{status}  {format_fen(part)}")
    for s in table.shares:
        print(f"  {format_fen(s.amount_fen):>14}  {s.explanation}")
    print(f"  {format_fen(table.sum_fen):>14}")
    return 0


def _plan(store, args: argparse.Namespace) -> int:
    unit_id, project_id = project_at(store, args.address)
    versions = liftplan.versions(store, project_id)
    plan = funding.funding_plan(store, project_id)
    data = {"address": str(places.unit_address(store, unit_id)),
            "current_version": versions[-1].version if versions else None,
            "valid_from_version": liftplan.valid_from(store, project_id),
            "versions": [v.as_json() for v in versions],
            "funding": plan.as_json() if plan.id else None}
    if args.json:
        emit(data)
        return 0
    print(data["address"])
    for v in versions:
        print(f"  {v.label}  {v.on_date}  {v.line}{'  ' + v.change_note if v.change_note else ''}")
    if plan.id:
        print(f"  {format_fen(plan.total_fen)} - {format_fen(plan.subsidy_fen)} … = {format_fen(plan.owners_part_fen)}")
    return 0


def _payments(store, args: argparse.Namespace) -> int:
    unit_id, project_id = project_at(store, args.address)
    if funding.funding_plan(store, project_id).id is None:
        raise ValidationError("funding.none")
    rows = payments.list_payments(store, project_id)
    totals = payments.reconcile(store, project_id)
    data = {"address": str(places.unit_address(store, unit_id)), "payments": [p.as_json() for p in rows],
            "balances": [b.as_json() for b in payments.balances(store, project_id)], "totals": totals.as_json()}
    if args.json:
        emit(data)
        return 0
    print(data["address"])
    for b in payments.balances(store, project_id):
        print(f"  {b.room:>6}  {format_fen(b.due_fen):>14}  {format_fen(b.paid_fen):>14}  {format_fen(b.outstanding_fen):>14}")
    return 0


HANDLERS = {"shares": _shares, "plan": _plan, "payments": _payments}
