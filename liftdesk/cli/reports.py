"""The CLI's `report`: the district's yearly table of lifts, printed, as JSON, or as a file."""

from __future__ import annotations

import sys

from liftdesk.i18n import t
from liftdesk.places import places
from liftdesk.reports import report, stats, targets

from .common import add_force, emit, output_file


def add_parsers(sub) -> None:
    p = sub.add_parser("report", help="district report / 区级统计")
    p.add_argument("scope", choices=("district",))
    p.add_argument("--by", choices=stats.BY, default="handover", help="count by handover (default) or start year")
    p.add_argument("--json", action="store_true")
    p.add_argument("-o", "--output", metavar="OUT.xlsx|OUT.csv|OUT.pdf")
    add_force(p)


def _report(store, args) -> int:
    out = output_file(args.db_path, args.output, (".xlsx", ".csv", ".pdf"), args.force) if args.output else None
    table = stats.yearly_table(store, args.by)
    if out:
        path = report.export(table, stats.funnel(store), places.district_name(store), out,
                             targets.every_year(store))
        print(t("report.saved", path=path), file=sys.stderr if args.json else sys.stdout)
    if args.json:
        goals = targets.every_year(store)
        emit({**table.as_json(), **({"targets": [r.as_json() for r in goals]} if goals else {})})
    elif not args.output:
        years = "  ".join(str(y) for y in table.years)
        print(f"{'街道':<8}  {years}  在建  合计")
        for r in table.rows + [table.totals]:
            cells = "  ".join(f"{r.by_year[y]:>4}" for y in table.years)
            print(f"{r.street:<8}  {cells}  {r.under_construction:>4}  {r.total:>4}  {r.note}")
    return 0


HANDLERS = {"report": _report}
READ_ONLY = {"report"}
