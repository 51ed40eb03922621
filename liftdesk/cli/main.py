"""The CLI face: parse arguments, call the core, print. No business rules here."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sqlite3
import sys
import time
from pathlib import Path

from liftdesk.history import actions, undo
from liftdesk.cli import money
from liftdesk.consent import evaluation
from liftdesk.demo import demo
from liftdesk.projects import diary, projects
from liftdesk.people import persons
from liftdesk.places import places, registry
from liftdesk.reports import stats
from liftdesk.errors import LiftDeskError
from liftdesk.i18n import set_language, t
from liftdesk.documents import generate
from liftdesk.documents.generate import KINDS
from liftdesk.reports import report
from liftdesk.io import roster
from liftdesk.common.logs import setup_logging
from liftdesk.people.privacy import restrict_new_files
from liftdesk.consent.rules import available_rules
from liftdesk.store import open_store
from liftdesk.cli import sync as sync_cli

COMMANDS = ("demo", "info", "units")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description=t("cli.description"), epilog=t("cli.gui_options"))
    parser.add_argument("--db", help="database file / 数据库文件")
    parser.add_argument("--lang", choices=("zh", "en"), help="界面语言 / language")
    sub = parser.add_subparsers(dest="command")
    p = sub.add_parser("demo", help="fill an empty database with the demo district / 生成演示数据")
    p.add_argument("--seed", type=int, default=2023)
    sub.add_parser("init", help="create a new empty database / 新建空数据库")
    p = sub.add_parser("backup", help="copy the database to a file / 备份数据库")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p = sub.add_parser("restore", help="replace the database with a backup / 从备份恢复")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="only show what the backup holds / 只查看备份内容")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("info", help="counts and schema version / 统计")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("units", help="list units / 列出单元")
    p.add_argument("--under", metavar="ADDRESS", help="街道[/社区[/小区[/幢]]]")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("consent", help="consent verdict of a unit / 单元同意比例")
    p.add_argument("address", metavar="ADDRESS", help="街道/社区/小区/幢/单元")
    p.add_argument("--rule", choices=available_rules(), help="rule preset (default: the district's)")
    p.add_argument("--forecast", action="store_true", help="count intentions too / 按意向预测")
    p.add_argument("--json", action="store_true")
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
    p = sub.add_parser("stage", help="a unit's project stage and history / 项目阶段")
    p.add_argument("address", metavar="ADDRESS", help="街道/社区/小区/幢/单元")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("diary", help="a project's diary, oldest first / 电梯日记")
    p.add_argument("address", metavar="ADDRESS", help="街道/社区/小区/幢/单元")
    p.add_argument("--kind", action="append", choices=sorted(diary.KINDS), help="only these kinds (repeatable)")
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("print", help="make a document as PDF / 打印文书")
    p.add_argument("kind", choices=KINDS, metavar="KIND", help=" | ".join(KINDS))
    p.add_argument("target", nargs="?", metavar="TARGET", help="街道/社区/小区/幢/单元, or a meeting id")
    p.add_argument("--all", metavar="ADDRESS", help="every unit under a street or community (a folder of PDFs)")
    p.add_argument("-o", "--output", metavar="OUT.pdf|FOLDER")
    p.add_argument("--combined", metavar="OUT.pdf", help="with --all: one PDF for one trip to the printer / 合并为一个文件")
    p.add_argument("--by", default="", help="printed by / 打印人")
    p = sub.add_parser("report", help="district report / 区级统计")
    p.add_argument("scope", choices=("district",))
    p.add_argument("--by", choices=stats.BY, default="handover", help="count by handover (default) or start year")
    p.add_argument("--json", action="store_true")
    p.add_argument("-o", "--output", metavar="OUT.xlsx|OUT.csv|OUT.pdf")
    money.add_parsers(sub)
    sub.add_parser("undo", help="undo this station's last action / 撤销上一次操作")
    sub.add_parser("redo", help="redo the action undone last / 重做")
    sync_cli.add_parsers(sub)
    return parser


def _emit(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


# Commands that only read: they open the file with mode=ro and never write to it.
READ_ONLY = {"info", "units", "consent", "stage", "diary", "report"}


def _creates(args: argparse.Namespace, default_path: bool) -> bool:
    """A new database only when asked for: `init`, `demo`, `station-init`/`district-init` (a new
    station or district), `import-roster --create`, or the default database on first start. A
    mistyped --db path is an error, not a new file."""
    return (args.command in ("init", "demo", "station-init", "district-init")
            or (args.command == "import-roster" and args.create)
            or default_path)


def run(args: argparse.Namespace, db_path: Path, default_path: bool = False) -> int:
    if args.command in ("backup", "restore"):
        return _guarded(lambda: FILE_COMMANDS[args.command](db_path, args))
    readonly = args.command in READ_ONLY or (args.command == "import-roster" and args.dry_run)
    if args.command == "init" and db_path.exists() and not db_path.is_dir() and db_path.stat().st_size > 0:
        print(t("cli.error", message=t("db.exists", path=db_path)), file=sys.stderr)
        return 2
    existed = db_path.exists()
    try:
        store = open_store(db_path, actor="cli", create=_creates(args, default_path), readonly=readonly,
                           adopt_empty=args.command == "init",
                           defer_check=args.command == "print" and bool(args.all))  # a batch reads first
    except LiftDeskError as exc:
        print(t("cli.error", message=exc), file=sys.stderr)
        _json_error(args, str(exc))
        return 2
    if not existed or args.command == "init":
        print(t("db.created", path=db_path), file=sys.stderr)
    try:
        if args.command == "init":
            pass
        elif args.command == "demo":
            started = time.perf_counter()
            demo.generate(store, seed=args.seed)
            c = places.counts(store)
            print(t("cli.demo.done", streets=c["streets"], units=c["units"], projects=c["lift_projects"],
                    households=c["households"], seconds=time.perf_counter() - started))
        elif args.command == "info":
            data = dict(places.counts(store), schema_version=store.schema_version)
            if args.json:
                _emit(data)
            else:
                print(t("cli.info.header", path=db_path, version=store.schema_version))
                for key, value in places.counts(store).items():
                    print(f"  {t('count.' + key)}: {value:,}")
        elif args.command == "units":
            units = places.list_units(store, args.under)
            if args.json:
                _emit([u.as_json() for u in units])
            elif not units:
                print(t("cli.units.none"))
            else:
                for u in units:
                    project = f"  {u.project}（{places.stage_label(u.stage)}）" if u.project else ""
                    print(f"{u.address}  {u.households}户{project}")
        else:
            return HANDLERS[args.command](store, args)
        return 0
    except LiftDeskError as exc:
        print(t("cli.error", message=exc), file=sys.stderr)
        _json_error(args, str(exc))
        return 2
    except sqlite3.DatabaseError:
        if store.db.pending_check is None:
            raise
        try:  # a damaged page met before the background check finished: its refusal, not a traceback
            store.db.confirm_sound()
        except LiftDeskError as exc:
            print(t("cli.error", message=exc), file=sys.stderr)
            _json_error(args, str(exc))
            return 2
        raise
    finally:
        store.close()


def _consent(store, args) -> int:
    unit_id = places.resolve_unit(store, args.address)
    verdict = evaluation.unit_verdict(store, unit_id, args.rule, evaluation.FORECAST if args.forecast else evaluation.LEGAL)
    data = {"address": str(places.unit_address(store, unit_id)),
            "scope": evaluation.district_rule(store).scope} | verdict.as_json()
    if args.json:
        _emit(data)
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
    with actions.action(store, "action.import_roster", file=Path(args.file).name) as act:
        result = roster.apply_import(store, plan, args.unit, create=args.create, skip_bad=args.skip_bad,
                                     merge=args.merge)
        act.unit_id = result.unit_id
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
            _emit({"name": args.name, "merged": merged})
        else:
            print(t("import.merged", n=merged))
        return 0
    found = persons.lookalikes(store, args.address)
    if args.json:
        _emit([x.as_json() for x in found])
    elif not found:
        print(t("persons.no_lookalikes"))
    else:
        for x in found:
            print(t("persons.lookalike", name=x.name, places=x.places, n=len({o.person_id for o in x.owners})))
    return 0


def _project_at(store, address: str) -> tuple[str, str]:
    unit_id = places.resolve_unit(store, address)
    project_id = projects.project_of_unit(store, unit_id)
    if project_id is None:
        raise LiftDeskError("project.none", address=address)
    return unit_id, project_id


def _stage(store, args) -> int:
    unit_id, project_id = _project_at(store, args.address)
    events = projects.history(store, project_id)
    current = events[-1] if events else None
    data = {"address": str(places.unit_address(store, unit_id)), "project": places.unit_project(store, unit_id)[0],
            "stage": current.stage if current else None, "stage_label": current.label if current else None,
            "since": current.on_date if current else None,
            "history": [{"date": e.on_date, "stage": e.stage, "stage_label": e.label, "reason": e.note,
                         "details": e.details, "recorded_by": e.recorded_by} for e in events]}
    if args.json:
        _emit(data)
    else:
        print(f"{data['address']}  {data['project']}：{data['stage_label'] or '—'}（{data['since'] or ''}）")
        for e in events:
            print(f"  {e.on_date}  {e.label}{'  ' + e.note if e.note else ''}")
    return 0


def _diary(store, args) -> int:
    _, project_id = _project_at(store, args.address)
    items = diary.timeline(store, project_id, set(args.kind) if args.kind else None, args.start, args.end)
    if args.json:
        _emit([i.as_json() for i in items])
    else:
        for i in items:
            print(f"{i.on_date}  [{diary.kind_label(i.kind)}] {i.text}")
    return 0


def _print(store, args) -> int:
    if args.all:
        if not args.output and not args.combined:
            raise LiftDeskError("document.no_output")
        result = generate.print_batch(store, args.kind, args.all, args.output, args.by, combined=args.combined)
        for path in result.skipped:
            print(t("document.no_households", address=path, document=args.kind), file=sys.stderr)
        if result.combined:
            print(t("document.saved", path=result.combined, pages=result.pages, serial=result.printed[0].serial))
        print(result.summary())
        return 1 if result.failed else 0
    if not args.target:
        raise LiftDeskError("address.invalid", address="")
    if not args.output:
        raise LiftDeskError("document.no_output")
    done = generate.print_document(store, args.kind, args.target, args.output, args.by)
    print(t("document.saved", path=done.path, pages=done.pages, serial=done.serial))
    return 0


def _report(store, args) -> int:
    table = stats.yearly_table(store, args.by)
    if args.output:
        district = store.db.execute("SELECT name FROM district WHERE deleted = 0 ORDER BY id LIMIT 1").fetchone()
        path = report.export(table, stats.funnel(store), district[0] if district else "", args.output)
        print(t("report.saved", path=path), file=sys.stderr if args.json else sys.stdout)
    if args.json:
        _emit(table.as_json())
    elif not args.output:
        years = "  ".join(str(y) for y in table.years)
        print(f"{'街道':<8}  {years}  在建  合计")
        for r in table.rows + [table.totals]:
            cells = "  ".join(f"{r.by_year[y]:>4}" for y in table.years)
            print(f"{r.street:<8}  {cells}  {r.under_construction:>4}  {r.total:>4}  {r.note}")
    return 0


def _undo(store, args) -> int:
    act = undo.undo(store) if args.command == "undo" else undo.redo(store)
    print(t("undo.done" if args.command == "undo" else "redo.done", what=undo.describe(store, act)))
    return 0


def _guarded(action) -> int:
    try:
        return action()
    except LiftDeskError as exc:
        print(t("cli.error", message=exc), file=sys.stderr)
        return 2


def _backup(db_path: Path, args) -> int:
    from liftdesk.store import backup
    from liftdesk.store.connection import inspect_file

    target = Path(args.output)
    if target.is_dir():
        raise LiftDeskError("db.is_dir", path=str(target))
    if target.exists():
        raise LiftDeskError("backup.exists", path=str(target))
    open_store(db_path, readonly=True, create=False).close()  # the same refusals as any command
    inspect_file(db_path, full_check=True)
    print(t("backup.done", path=backup.copy_database(db_path, target, check=False)))
    return 0


def _restore(db_path: Path, args) -> int:
    from liftdesk.store import backup

    source = Path(args.file)
    backup.check_backup(source)
    info = backup.preview(source)
    line = t("restore.preview", taken_at=info["taken_at"], newest_change=info["newest_change"] or "—",
             households=info["counts"].get("household", 0), units=info["counts"].get("unit", 0),
             projects=info["counts"].get("project", 0), changes=info["changes"])
    if args.json:
        _emit(info)
    else:
        print(line)
    if args.dry_run:
        return 0
    done = backup.restore(db_path, source)
    print(t("restore.done", backup=done["restored"], kept=done["kept"] or "—"),
          file=sys.stderr if args.json else sys.stdout)
    return 0


FILE_COMMANDS = {"backup": _backup, "restore": _restore}

HANDLERS = {"undo": _undo, "redo": _undo, "consent": _consent, "import-roster": _import_roster, "stage": _stage,
            "diary": _diary, "print": _print, "report": _report, **money.HANDLERS, **sync_cli.HANDLERS}
HANDLERS["merge-owners"] = _merge_owners


def _json_error(args: argparse.Namespace | None, message: str) -> None:
    """A sync command asked for --json: a script still gets one JSON object on stdout."""
    if args is not None and getattr(args, "json", False) and args.command in sync_cli.JSON_COMMANDS:
        _emit({"error": message})


def _parse(raw: list[str]) -> argparse.Namespace:
    """argparse's own errors stay in English on stderr; for a sync command with --json the
    error is also printed as {"error": ...} on stdout (the exit code stays 2)."""
    command = next((a for a in raw if a in sync_cli.JSON_COMMANDS), None)
    if command is None or "--json" not in raw:
        return build_parser().parse_args(raw)
    captured = io.StringIO()
    try:
        with contextlib.redirect_stderr(captured):
            return build_parser().parse_args(raw)
    except SystemExit as exc:
        sys.stderr.write(captured.getvalue())
        if exc.code not in (0, None):
            lines = [ln for ln in captured.getvalue().splitlines() if ln.strip()]
            message = lines[-1].split(": error: ", 1)[-1] if lines else "invalid arguments"
            _emit({"error": message})
        raise


def main(argv: list[str] | None = None) -> int:
    # Language must be known before --help text is built.
    raw = sys.argv[1:] if argv is None else argv
    if "--lang" in raw and raw.index("--lang") + 1 < len(raw):
        set_language(raw[raw.index("--lang") + 1])
    args = _parse(raw)
    if args.lang:
        set_language(args.lang)
    restrict_new_files()  # databases, backups, exports and logs: readable by the owner only
    setup_logging()
    if args.command is None:  # main.py starts the GUI when no command is given; here one is needed
        build_parser().print_help(sys.stderr)
        return 2
    from liftdesk.common.paths import default_db_path

    try:
        return run(args, Path(args.db) if args.db else default_db_path(), default_path=not args.db)
    except KeyboardInterrupt:  # Ctrl+C: every write is one transaction, so what is kept is whole
        print(t("cli.interrupted"), file=sys.stderr)
        return 130
