"""The CLI's view of places: `units`."""

from __future__ import annotations

from liftdesk.i18n import t
from liftdesk.places import places

from .common import emit


def add_parsers(sub) -> None:
    p = sub.add_parser("units", help="list units / 列出单元")
    p.add_argument("--under", metavar="ADDRESS", help="街道[/社区[/小区[/幢]]]")
    p.add_argument("--json", action="store_true")


def _units(store, args) -> int:
    units = places.list_units(store, args.under)
    if args.json:
        emit([u.as_json() for u in units])
    elif not units:
        print(t("cli.units.none"))
    else:
        for u in units:
            project = f"  {u.project}（{places.stage_label(u.stage)}）" if u.project else ""
            print(f"{u.address}  {u.households}户{project}")
    return 0


HANDLERS = {"units": _units}
READ_ONLY = {"units"}
