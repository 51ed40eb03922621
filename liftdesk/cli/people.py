"""The CLI's commands for households' owners: `import-roster` (a roster into a unit) and
`merge-owners` (look-alike owners listed, or merged as one person)."""

from __future__ import annotations

from liftdesk.errors import LiftDeskError
from liftdesk.i18n import t
from liftdesk.io import roster
from liftdesk.people import persons
from liftdesk.places import places, registry

from .common import emit


def add_parsers(sub) -> None:
    p = sub.add_parser("import-roster", help="import a roster (.xlsx/.csv) into a unit / 导入住户名册")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--unit", required=True, metavar="ADDRESS", help="街道/社区/小区/幢/单元")
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
    try:
        unit_id = roster.resolve_unit_strict(store, args.unit)
        floors = registry.building_floors_of_unit(store, unit_id)
    except LiftDeskError:
        if not args.create:
            raise
        floors = None
    plan = roster.plan_import(args.file, max_floors=floors)
    for line in plan.report():
        print(line)
    if args.dry_run:
        print(t("import.dry_run"))
        return 1 if plan.bad else 0
    result = roster.apply_import(store, plan, args.unit, create=args.create, skip_bad=args.skip_bad,
                                 merge=args.merge)  # one undo step, named by the import itself
    print(t("import.done", address=places.unit_address(store, result.unit_id), created=result.created,
            updated=result.changed, positions=result.positions))
    print(result.summary())
    if result.merged:
        print(t("import.merged", n=result.merged))
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
