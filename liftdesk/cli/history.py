"""The CLI's `undo` and `redo`: the same steps, named by the core, that the GUI's Edit menu shows."""

from __future__ import annotations

from liftdesk.history import undo
from liftdesk.i18n import t


def add_parsers(sub) -> None:
    sub.add_parser("undo", help="undo this station's last action / 撤销上一次操作")
    sub.add_parser("redo", help="redo the action undone last / 重做")


def _undo(store, args) -> int:
    act = undo.undo(store) if args.command == "undo" else undo.redo(store)
    print(t("undo.done" if args.command == "undo" else "redo.done", what=undo.describe(store, act)))
    return 0


HANDLERS = {"undo": _undo, "redo": _undo}
