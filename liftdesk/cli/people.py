"""The CLI's commands for households' owners: `import-roster` (a roster into a unit) and
`merge-owners` (look-alike owners listed, or merged as one person)."""

from __future__ import annotations

from liftdesk.common import dates
from liftdesk.errors import LiftDeskError
from liftdesk.i18n import t
from liftdesk.io import roster
from liftdesk.people import persons
from liftdesk.places import places, registry

from .common import emit


def add_parsers(sub) -> None:
    p = sub.add_parser("import-roster", help="import a roster (.xlsx/.xls/.csv/.txt) into a unit / 导入住户名册")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--unit", required=True, metavar="ADDRESS",
                   help="街道/社区/小区/幢/单元, or a building (街道/社区/小区/幢) for a building roster")
    p.add_argument("--sheet", metavar="NAME", help="the workbook's sheet to import / 要导入的工作表")
    p.add_argument("--all-sheets", action="store_true",
                   help="import each sheet into the unit it names / 每个工作表导入同名单元")
    p.add_argument("--include-hidden", action="store_true",
                   help="also import rows hidden or filtered out in Excel / 同时导入隐藏行")
    p.add_argument("--date", metavar="YYYY-MM-DD",
                   help="the roster's date: rows without a 日期 are as of this day / 名册日期")
    p.add_argument("--create", action="store_true", help="create missing places / 自动新建缺少的地址")
    p.add_argument("--dry-run", action="store_true", help="check only, write nothing / 只检查不写入")
    p.add_argument("--skip-bad", action="store_true", help="import only the good rows / 只导入正确的行")
    p.add_argument("--merge", action="append", default=[], metavar="NAME",
                   help="look-alike owners of this name are one person / 同名业主确为同一人（可重复）")
    p = sub.add_parser("merge-owners", help="list look-alike owners, or merge them / 同名业主：列出或合并")
    p.add_argument("address", metavar="ADDRESS", help="街道[/社区[/小区[/幢[/单元]]]]")
    p.add_argument("--name", metavar="NAME", help="merge the owners of this name into one person / 合并此姓名的业主")
    p.add_argument("--json", action="store_true")


def _import_roster(store, args) -> int:
    if args.all_sheets:
        return _import_all_sheets(store, args)
    target = roster.target_of(args.unit)
    floors = None
    try:
        if not target.is_building:
            floors = registry.building_floors_of_unit(store, roster.resolve_unit_strict(store, args.unit))
        else:
            floors = registry.building_floors(store, places.resolve(store, args.unit)[1])
    except LiftDeskError:
        if not args.create:
            raise
    plan = roster.plan_import(args.file, max_floors=floors, sheet=args.sheet, target=target,
                              include_hidden=args.include_hidden)
    return _import_plan(store, args, plan, args.unit)


def _import_plan(store, args, plan, address: str) -> int:
    day = dates.past_day(args.date) if args.date else None
    for line in plan.report():
        print(line)
    if args.dry_run:
        _print_preview(store, plan, address, day)
        return 1 if plan.bad else 0
    result = roster.apply_import(store, plan, address, create=args.create, skip_bad=args.skip_bad,
                                 merge=args.merge, on_date=day)  # one undo step, named by the import itself
    _print_result(store, result, address)
    return 0


def _print_preview(store, plan, address: str, day: str | None) -> None:
    print(t("import.preview_title"))
    for line in roster.preview(store, plan, address, day).lines(plan):
        print("  " + line)
    print(t("import.dry_run"))


def _print_result(store, result, address: str) -> None:
    shown = address if roster.target_of(address).is_building else places.unit_address(store, result.unit_id)
    print(t("import.done", address=shown, created=result.created,
            updated=result.changed, positions=result.positions))
    for line in result.lines():
        print(line)
    if result.merged:
        print(t("import.merged", n=result.merged))


def _import_all_sheets(store, args) -> int:
    """Each sheet of the workbook into the unit its name gives, under the building of --unit."""
    day = dates.past_day(args.date) if args.date else None
    plans = roster.plan_sheets(store, args.file, args.unit, args.include_hidden, args.create)
    for address, plan in plans:
        print(t("import.sheet_into", sheet=plan.sheet, unit=address.rsplit("/", 1)[1]))
        for line in plan.report():
            print(line)
        if args.dry_run:
            _print_preview(store, plan, address, day)
    if args.dry_run:
        return 1 if any(plan.bad for _, plan in plans) else 0
    for result in roster.apply_sheets(store, plans, create=args.create, skip_bad=args.skip_bad, on_date=day,
                                      merge=args.merge):
        _print_result(store, result, address)
    return 0


def _merge_owners(store, args) -> int:
    if args.name:
        merged = persons.merge_lookalike(store, args.address, args.name)
        if args.json:
            emit({"name": args.name, "merged": merged})
        else:
            print(t("import.merged", n=merged))
        return 0
    found = persons.lookalikes(store, args.address)
    if args.json:
        emit([x.as_json() for x in found])
    elif not found:
        print(t("persons.no_lookalikes"))
    else:
        for x in found:
            print(t("persons.lookalike", name=x.name, places=x.places, n=len({o.person_id for o in x.owners})))
    return 0


HANDLERS = {"import-roster": _import_roster, "merge-owners": _merge_owners}


def read_only(args) -> bool:
    return args.command == "import-roster" and args.dry_run


def creates(args) -> bool:
    """`import-roster --create` may make a new database, as it makes missing places."""
    return args.command == "import-roster" and args.create
