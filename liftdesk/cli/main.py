"""The CLI face: parse arguments, open the database as the command needs it, hand over to the
command's module, print what went wrong in the user's language. No business rules here; each
domain's commands live in a module of their own (database, places, consent, people, projects,
print, reports, money, history, sync)."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from liftdesk.common.logs import setup_logging
from liftdesk.common.paths import default_db_path
from liftdesk.errors import LiftDeskError
from liftdesk.i18n import set_language, t
from liftdesk.people.privacy import restrict_new_files
from liftdesk.common.outputs import write_error
from liftdesk.store import open_store
from liftdesk.store.connection import damaged_error, translate
from liftdesk.store.sqlite_file import is_busy, on_wait

from . import consent, database, history, money, people, places, print as print_cli, projects, reports, sync, upkeep
from . import login, usage
from . import settings as settings_cli
from .common import emit, print_error

# In the order `--help` lists them.
PARTS = (database, places, consent, people, projects, print_cli, reports, money, history, sync, upkeep)
PARTS += (settings_cli,)
HANDLERS = {name: handler for part in PARTS for name, handler in part.HANDLERS.items()}
# Commands that only read: they open the file with mode=ro and never write to it.
READ_ONLY = set().union(*(getattr(part, "READ_ONLY", set()) for part in PARTS))
# Commands that make a new database when the file is not there yet (a new station or district too).
CREATES = {"init", "demo", "station-init", "district-init"}


def build_parser() -> argparse.ArgumentParser:
    usage.install()
    parser = usage.Parser(prog="main.py", description=t("cli.description"), epilog=t("cli.gui_options"))
    parser.add_argument("--db", help="database file / 数据库文件")
    parser.add_argument("--lang", choices=("zh", "en"), help="界面语言 / language")
    login.add_arguments(parser)  # #19: the station lock's login
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for part in PARTS:
        part.add_parsers(sub)
    return parser


def _creates(args: argparse.Namespace, default_path: bool) -> bool:
    """A new database only when asked for: `init`, `demo`, `station-init`/`district-init` (a new
    station or district), `import-roster --create`, or the default database on first start. A
    mistyped --db path is an error, not a new file."""
    return args.command in CREATES or people.creates(args) or default_path


def run(args: argparse.Namespace, db_path: Path, default_path: bool = False) -> int:
    """The command, with what the OS or SQLite refuses (a full disk, a folder we may not write)
    told in words, exit 2, and on --json as {"error": ...}: never a traceback."""
    try:
        return _run(args, db_path, default_path)
    except sqlite3.OperationalError as exc:
        error = translate(exc, db_path)
        if error is exc:
            raise
    except OSError as exc:
        where = Path(exc.filename).parent if getattr(exc, "filename", None) else db_path.resolve().parent
        error = write_error(exc, where, 0)
    print_error(error)
    _json_error(args, str(error))
    return 2


def _run(args: argparse.Namespace, db_path: Path, default_path: bool = False) -> int:
    try:
        credentials = login.unlock(args, db_path)  # #19: an encrypted file opens after a login
    except LiftDeskError as exc:
        print_error(exc)
        _json_error(args, str(exc))
        return 2
    if args.command in database.FILE_COMMANDS:
        try:
            return database.FILE_COMMANDS[args.command](db_path, args)
        except LiftDeskError as exc:
            print_error(exc)
            _json_error(args, str(exc))
            return 2
    readonly = args.command in READ_ONLY or people.read_only(args)
    if args.command == "init" and db_path.exists() and not db_path.is_dir() and db_path.stat().st_size > 0:
        print_error(t("db.exists", path=db_path))
        return 2
    existed = db_path.exists()
    try:
        store = open_store(db_path, actor="cli", create=_creates(args, default_path), readonly=readonly,
                           adopt_empty=args.command == "init", defer_check=print_cli.defer_check(args))
    except LiftDeskError as exc:
        print_error(exc)
        _json_error(args, str(exc))
        return 2
    if not existed or args.command == "init":
        print(t("db.created", path=db_path), file=sys.stderr)
    args.db_path = db_path
    try:
        login.after_open(store, args, credentials)
        return HANDLERS[args.command](store, args)
    except LiftDeskError as exc:
        print_error(exc)
        _json_error(args, str(exc))
        return 2
    except sqlite3.DatabaseError as exc:
        if store.readonly and store.path is not None and not is_busy(exc):
            # a read-only command runs no check first: a damaged page it meets is the same refusal
            error = damaged_error(store.path)
            print_error(error)
            _json_error(args, str(error))
            return 2
        if store.db.pending_check is None:
            raise
        try:  # a damaged page met before the background check finished: its refusal, not a traceback
            store.db.confirm_sound()
        except LiftDeskError as exc:
            print_error(exc)
            _json_error(args, str(exc))
            return 2
        raise
    finally:
        store.close()


def _json_error(args: argparse.Namespace | None, message: str) -> None:
    """A command asked for --json: a script still gets one JSON object on stdout."""
    if args is not None and getattr(args, "json", False):
        emit({"error": message})


def _parse(raw: list[str]) -> argparse.Namespace:
    """argparse's errors come out in the user's language (see usage.py), exit code 2; with
    --json the error is also printed as {"error": ...} on stdout."""
    usage.Parser.last_error, usage.Parser.raw, usage.Parser.commands = None, raw, tuple(HANDLERS) + tuple(
        database.FILE_COMMANDS)
    try:
        return build_parser().parse_args(raw)
    except SystemExit as exc:
        if exc.code not in (0, None) and "--json" in raw and usage.Parser.last_error:
            emit({"error": usage.Parser.last_error})
        raise


def _say_waiting_once():
    """A writer waiting for another's lock says so once on stderr, then waits (up to 2 minutes)."""
    said = []

    def hook(waited: float | None) -> None:
        if waited is not None and not said:
            said.append(True)
            print(t("db.waiting"), file=sys.stderr, flush=True)
    return hook


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
    stop_listening = on_wait(_say_waiting_once())
    try:
        if args.command is None:  # main.py starts the GUI when no command is given; here one is needed
            build_parser().print_help(sys.stderr)
            return 2
        return run(args, Path(args.db) if args.db else default_db_path(), default_path=not args.db)
    except KeyboardInterrupt:  # Ctrl+C: every write is one transaction, so what is kept is whole
        print(t("cli.interrupted"), file=sys.stderr)
        return 130
    finally:
        stop_listening()
