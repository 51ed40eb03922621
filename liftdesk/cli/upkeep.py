"""The CLI's view of what comes after handover and before approval: `upkeep` (a lift's logbook,
running costs, bills and what is due) and `objections` (the project's objection register)."""

from __future__ import annotations

from liftdesk.common.units import format_fen
from liftdesk.i18n import t
from liftdesk.places import places
from liftdesk.projects import objections
from liftdesk.upkeep import due, logbook, running

from .common import emit, project_at


def add_parsers(sub) -> None:
    p = sub.add_parser("upkeep", help="a handed-over lift's upkeep, running costs and what is due / 使用与维保")
    p.add_argument("address", metavar="ADDRESS", help="街道/社区/小区/幢/单元")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("objections", help="a project's objection register during the public notice / 异议登记")
    p.add_argument("address", metavar="ADDRESS", help="街道/社区/小区/幢/单元")
    p.add_argument("--json", action="store_true")


def upkeep_data(store, unit_id: str, project_id: str) -> dict:
    return {
        "address": str(places.unit_address(store, unit_id)), "project": places.unit_project(store, unit_id)[0],
        "parties": [p.as_json() for p in logbook.parties(store, project_id)],
        "visits": [v.as_json() for v in logbook.visits(store, project_id)],
        "inspections": [i.as_json() for i in logbook.inspections(store, project_id)],
        "insurance": [i.as_json() for i in logbook.insurances(store, project_id)],
        "faults": [f.as_json() for f in logbook.faults(store, project_id)],
        "running_costs": [c.as_json() for c in running.costs(store, project_id)],
        "years": [y.as_json() for y in running.summary(store, project_id)],
        "bills": [a.as_json() for a in running.accounts(store, project_id)],
        "due": [d.as_json() for d in due.compute(store, project_id=project_id)],
    }


def _upkeep(store, args) -> int:
    unit_id, project_id = project_at(store, args.address)
    data = upkeep_data(store, unit_id, project_id)
    if args.json:
        emit(data)
        return 0
    print(f"{data['address']}  {data['project']}")
    for d in due.compute(store, project_id=project_id):
        print(f"  ! {d.text}")
    for y in running.summary(store, project_id):
        print("  " + t("cli.upkeep.year", year=y.year, costs=format_fen(y.costs_fen), owed=format_fen(y.owed_fen),
                        n=y.households_owing))
    return 0


def _objections(store, args) -> int:
    unit_id, project_id = project_at(store, args.address)
    register = objections.register_of(store, project_id)
    data = {"address": str(places.unit_address(store, unit_id)), "project": places.unit_project(store, unit_id)[0],
            "open": sum(1 for o in register if o.is_open), "objections": [o.as_json() for o in register]}
    if args.json:
        emit(data)
        return 0
    print(f"{data['address']}  {data['project']}")
    for o in register:
        print(f"  {o.received_on}  {o.who}：{o.content}  [{objections.outcome_label(o.outcome) or '—'}]")
    return 0


HANDLERS = {"upkeep": _upkeep, "objections": _objections}
READ_ONLY = {"upkeep", "objections"}
