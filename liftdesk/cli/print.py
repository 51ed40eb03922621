"""The CLI's `print`: one document of a unit or meeting, or a batch for every unit under a place."""

from __future__ import annotations

import sys

from liftdesk.documents import generate
from liftdesk.documents.generate import KINDS
from liftdesk.errors import LiftDeskError
from liftdesk.i18n import t

from .common import add_force, output_file, output_folder

PDF = (".pdf",)


def add_parsers(sub) -> None:
    p = sub.add_parser("print", help="make a document as PDF / 打印文书")
    p.add_argument("kind", choices=KINDS, metavar="KIND", help=" | ".join(KINDS))
    p.add_argument("target", nargs="?", metavar="TARGET", help="街道/社区/小区/幢/单元, or a meeting id")
    p.add_argument("--all", metavar="ADDRESS", help="every unit under a street or community (a folder of PDFs)")
    p.add_argument("-o", "--output", metavar="OUT.pdf|FOLDER")
    p.add_argument("--combined", metavar="OUT.pdf", help="with --all: one PDF for one trip to the printer / 合并为一个文件")
    p.add_argument("--by", default="", help="printed by / 打印人")
    add_force(p)


def _print(store, args) -> int:
    if args.all:
        if not args.output and not args.combined:
            raise LiftDeskError("document.no_output")
        db_path = getattr(args, "db_path", None)
        combined = output_file(db_path, args.combined, PDF, args.force) if args.combined else None
        folder = output_folder(db_path, args.output, PDF) if args.output and not combined else None
        result = generate.print_batch(store, args.kind, args.all, folder, args.by, combined=combined,
                                      replace=args.force)
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
    out = output_file(getattr(args, "db_path", None), args.output, PDF, args.force)
    done = generate.print_document(store, args.kind, args.target, out, args.by)
    print(t("document.saved", path=done.path, pages=done.pages, serial=done.serial))
    return 0


HANDLERS = {"print": _print}


def defer_check(args) -> bool:
    """A batch reads and renders while the file's integrity check runs beside it."""
    return args.command == "print" and bool(args.all)
