"""LiftDesk (加梯工作台): the one place that chooses the face. With a command (`main.py --db FILE
units`), the CLI; with none, the desktop app. The GUI's options that take a value are listed here
so that their values are never mistaken for a command, and the CLI never has to load Qt.

A windowed Windows executable has no console: sys.stdout and sys.stderr are None there, and a
command's output goes to a file in the data folder instead (console_log_path) — never a crash."""

import contextlib
import os
import sys
from pathlib import Path

GUI_OPTIONS_WITH_VALUE = ("--db", "--lang", "--screenshot", "--page", "--size", "--font-size")


def wants_cli(argv: list[str]) -> bool:
    """A command word (or --help, which lists the commands) anywhere outside an option's value."""
    value_next = False
    for arg in argv:
        if value_next:
            value_next = False
        elif arg in ("-h", "--help"):
            return True
        elif arg in GUI_OPTIONS_WITH_VALUE:
            value_next = True
        elif not arg.startswith("-"):
            return True
    return False


CONSOLE_LOG = "命令输出.txt"


def console_log_path() -> Path:
    """Where a command writes when there is no console: the data folder, one file, the last command's output."""
    from liftdesk.common.paths import data_dir

    return data_dir() / CONSOLE_LOG


@contextlib.contextmanager
def output_somewhere():
    """Missing standard streams (a windowed app started with a command) become one file."""
    if sys.stdout is not None and sys.stderr is not None:
        yield
        return
    saved = sys.stdout, sys.stderr
    path = console_log_path()
    with open(path, "w", encoding="utf-8", buffering=1) as out:
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)  # a command's output may name residents: the owner's only
        sys.stdout = saved[0] or out
        sys.stderr = saved[1] or out
        try:
            yield
        finally:
            sys.stdout, sys.stderr = saved
            import logging  # configured by the command by now; the path names no resident

            logging.getLogger("liftdesk.main").info("no console: the command's output is in %s", path)


CLI_EXECUTABLE = "liftdesk-cli"  # the frozen build's console executable (packaging/liftdesk.spec)


def console_only() -> bool:
    """The frozen `liftdesk-cli` never opens the window: with no command it lists the commands."""
    return bool(getattr(sys, "frozen", False)) and Path(sys.executable).stem.lower() == CLI_EXECUTABLE


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if wants_cli(argv) or console_only():
        from liftdesk.cli.main import main as cli_main

        with output_somewhere():
            return cli_main(argv)
    from ui.app import main as gui_main

    return gui_main(argv)


if __name__ == "__main__":
    sys.exit(main())
