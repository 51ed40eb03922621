"""LiftDesk (加梯工作台): the one place that chooses the face. With a command (`main.py --db FILE
units`), the CLI; with none, the desktop app. The GUI's options that take a value are listed here
so that their values are never mistaken for a command, and the CLI never has to load Qt."""

import sys

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


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if wants_cli(argv):
        from liftdesk.cli.main import main as cli_main

        return cli_main(argv)
    from ui.app import main as gui_main

    return gui_main(argv)


if __name__ == "__main__":
    sys.exit(main())
