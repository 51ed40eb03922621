"""argparse in the user's language. argparse asks gettext for each of its texts (`argparse._`,
`argparse.ngettext`); here they are answered from our catalogue (the "argparse.*" entries, whose
English is argparse's own message id), and a usage error is one line in words — what is wrong,
the valid choices when there are some, and where to find the usage — instead of a usage dump."""

from __future__ import annotations

import argparse
import sys

from liftdesk.i18n import MESSAGES, t

_BY_ID = {entry["en"]: key for key, entry in MESSAGES.items() if key.startswith("argparse.")}
GLOBAL_OPTIONS = ("--db", "--lang")


def _gettext(message: str) -> str:
    key = _BY_ID.get(message)
    return t(key) if key else message


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


def install() -> None:
    """Answer argparse's texts from the catalogue, in whichever language is set when it asks."""
    argparse._ = _gettext
    argparse.ngettext = _ngettext


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line in the user's language, exit code 2. The last
    error is kept for a script that asked for --json (see cli.main)."""

    last_error: str | None = None
    commands: tuple[str, ...] = ()  # the command words, to name the one typed in a hint
    raw: list[str] = []             # the command line being parsed

    def error(self, message: str) -> None:  # type: ignore[override]
        command = next((word for word in Parser.raw if word in Parser.commands), "")
        if command and any(f"{option} " in message or message.endswith(option) for option in GLOBAL_OPTIONS):
            message += t("cli.global_after_command", command=command)
        Parser.last_error = message
        print(t("cli.usage_error", message=message), file=sys.stderr)
        print(t("cli.usage_hint", prog=self.prog), file=sys.stderr)
        self.exit(2)
