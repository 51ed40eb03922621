"""The CLI's commands for the database file itself: `init`, `demo`, `info`, `backup`, `restore`."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from liftdesk.demo import demo
from liftdesk.i18n import t
from liftdesk.places import places
from liftdesk.store import backup, open_store, purpose
from liftdesk.store.connection import inspect_file

from .common import add_force, emit, output_file


def add_parsers(sub) -> None:
    p = sub.add_parser("demo", help="fill an empty database with the demo district / 生成演示数据")
    p.add_argument("--seed", type=int, default=2023)
    sub.add_parser("init", help="create a new empty database / 新建空数据库")
    p = sub.add_parser("backup", help="copy the database to a file / 备份数据库")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    add_force(p)
    p = sub.add_parser("restore", help="replace the database with a backup / 从备份恢复")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="only show what the backup holds / 只查看备份内容")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("info", help="counts and schema version / 统计")
    p.add_argument("--json", action="store_true")


def _init(store, args) -> int:
    return 0


def _demo(store, args) -> int:
    started = time.perf_counter()
    demo.generate(store, seed=args.seed)
    c = places.counts(store)
    print(t("cli.demo.done", streets=c["streets"], units=c["units"], projects=c["lift_projects"],
            households=c["households"], seconds=time.perf_counter() - started))
    return 0


def _info(store, args) -> int:
    counts = places.counts(store)
    if args.json:
        emit(dict(counts, schema_version=store.schema_version, demo=purpose.is_demo(store)))
        return 0
    print(t("cli.info.header", path=args.db_path, version=store.schema_version))
    for key, value in counts.items():
        print(f"  {t('count.' + key)}: {value:,}")
    return 0


def _backup(db_path: Path, args) -> int:
    """FILE.zst: compressed like the automatic backups; any other name: a plain database copy. The
    full check runs only when the file was not checked since its last write."""
    target = output_file(db_path, args.output, (".db", ".sqlite", ".sqlite3", ".bak", ".zst"), args.force)
    open_store(db_path, readonly=True, create=False).close()  # the same refusals as any command
    inspect_file(db_path, check=False)  # newer or foreign files; damage is the full check's
    backup.check_source(db_path)
    if backup.is_compressed(target):
        made = backup.write_backup(db_path, target, verify=True)
    else:
        made = backup.copy_database(db_path, target, check=False)
    print(t("backup.done", path=made))
    return 0


def _restore(db_path: Path, args) -> int:
    source = Path(args.file)
    backup.check_backup(source)
    info = backup.preview(source)
    line = t("restore.preview", taken_at=info["taken_at_local"], newest_change=info["newest_change_local"] or "—",
             households=info["counts"].get("household", 0), units=info["counts"].get("unit", 0),
             projects=info["counts"].get("project", 0), changes=info["changes"])
    if args.json:
        emit(info)
    else:
        print(line)
    if args.dry_run:
        return 0
    done = backup.restore(db_path, source)
    print(t("restore.done", backup=done["restored"], kept=done["kept"] or "—"),
          file=sys.stderr if args.json else sys.stdout)
    return 0


HANDLERS = {"init": _init, "demo": _demo, "info": _info}
# Commands on the file itself: they get its path, not an open store.
FILE_COMMANDS = {"backup": _backup, "restore": _restore}
READ_ONLY = {"info"}
