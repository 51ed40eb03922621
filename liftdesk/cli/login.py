"""The CLI's login on a station with the lock on (#19): an encrypted database opens only after a
helper's name and password unwrap its key. Typed at a prompt that does not echo (in a terminal),
or `--user NAME --password-file F` for scripts (the file readable by its owner only, like the
district's passphrase files); anything else is refused before the file is touched."""

from __future__ import annotations

import sys
from pathlib import Path

from liftdesk.common.paths import read_private_text
from liftdesk.errors import LiftDeskError
from liftdesk.i18n import t
from liftdesk.people import accounts
from liftdesk.store import cipher


def add_arguments(parser) -> None:
    parser.add_argument("--user", metavar="NAME", help="login name when the station lock is on / 站点锁登录名")
    parser.add_argument("--password-file", metavar="F",
                        help="file holding the password (chmod 600); default: asked at a prompt / 密码文件")


def _read_password_file(path: str) -> str:
    return read_private_text(path, "cli.password_file_open", "cli.password_file")


def credentials(args, db_path: Path) -> tuple[str, str]:
    """The login name and password: from the options, or typed (no echo) when stdin is a terminal."""
    name, password_file = getattr(args, "user", None), getattr(args, "password_file", None)
    if password_file is not None:
        if not name:
            raise LiftDeskError("cli.login_needed", path=str(db_path))
        return name, _read_password_file(password_file)
    if not sys.stdin.isatty():
        raise LiftDeskError("cli.login_needed", path=str(db_path))
    import getpass

    if not name:
        print(t("cli.user_prompt"), end="", file=sys.stderr, flush=True)
        name = sys.stdin.readline().strip()
    return name, getpass.getpass(t("cli.password_prompt"))


def unlock(args, db_path: Path) -> tuple[str, str] | None:
    """Before the file is opened: an encrypted database's key, unwrapped by a login. Returns the
    login to check again once the store is open (None for a plain file)."""
    if not cipher.is_encrypted(db_path):
        return None
    login = credentials(args, db_path)
    cipher.unlock(db_path, *login)
    return login


def after_open(store, args, login: tuple[str, str] | None) -> None:
    """With the lock on (also a plain file from before the lock encrypted), the change log's actor
    is the helper who logged in; a wrong login is refused like in the app."""
    if login is None and not accounts.lock_settings(store).enabled:
        return
    if login is None:
        login = credentials(args, store.path)
    accounts.login(store, *login)
