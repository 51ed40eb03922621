"""The CLI's view of consent: `consent` (a unit's verdict, and whom to visit)."""

from __future__ import annotations

from liftdesk.consent import evaluation
from liftdesk.consent.rules import available_rules
from liftdesk.i18n import t
from liftdesk.places import places

from .common import emit


def add_parsers(sub) -> None:
    p = sub.add_parser("consent", help="consent verdict of a unit / 单元同意比例")
    p.add_argument("address", metavar="ADDRESS", help="街道/社区/小区/幢/单元")
    p.add_argument("--rule", choices=available_rules(), help="rule preset (default: the district's)")
    p.add_argument("--forecast", action="store_true", help="count intentions too / 按意向预测")
    p.add_argument("--json", action="store_true")


def _consent(store, args) -> int:
    unit_id = places.resolve_unit(store, args.address)
    verdict = evaluation.unit_verdict(store, unit_id, args.rule, evaluation.FORECAST if args.forecast else evaluation.LEGAL)
    data = {"address": str(places.unit_address(store, unit_id)),
            "scope": evaluation.district_rule(store).scope} | verdict.as_json()
    if args.json:
        emit(data)
        return 0
    print(f"{data['address']}  {verdict.rule.name}（{t('cli.consent.' + verdict.mode)}）")
    for c in verdict.criteria:
        print(f"  {t('criterion.' + c.key)}: {c.fraction} ≥ {c.threshold_text}  {'✓' if c.met else '✗'}")
    print(f"  {verdict.shortfall_text}")
    for conflict in data["conflicts"]:
        print(f"  ! {conflict['text']}")
    if data["depends_on_conditional"]:
        print(f"  ! {t('consent.depends_on_conditional')}")
    if verdict.visits and not verdict.passed:
        print(f"  {t('cli.consent.visit')}:")
        for visit in data["visits"]:
            who = " ".join(x for x in ("、".join(visit["rooms"]), "、".join(visit["owners"]), visit["phone"]) if x)
            print(f"    {who}  {visit['position']}  {visit['reason']}")
    return 0


HANDLERS = {"consent": _consent}
READ_ONLY = {"consent"}
