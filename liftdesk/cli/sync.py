"""The sync commands of the CLI (argument parsing and printing only)."""

from __future__ import annotations

import sys

from liftdesk.common.dates import local_in_zone, station_zone
from liftdesk.errors import LiftDeskError
from liftdesk.i18n import t
from liftdesk.sync import conflicts, enrol, exchange, held, ledger, receipts, status

from .common import add_force, emit, output_file


def add_parsers(sub) -> None:
    p = sub.add_parser("district-init", help="create the district key pair / 生成区密钥")
    p.add_argument("--passphrase-file", metavar="F", help="default: asked at a prompt / 默认在提示符输入")
    p.add_argument("--public-key-out", required=True, metavar="KEYFILE")
    p.add_argument("--recovery-sheet", metavar="OUT.pdf", help="default: KEYFILE + .recovery.pdf")
    add_force(p)
    p = sub.add_parser("district-recover", help="reinstall the district key from a recovery code / 用恢复码恢复区密钥")
    p.add_argument("code_file", metavar="CODEFILE")
    p.add_argument("--passphrase-file", metavar="F", help="default: asked at a prompt / 默认在提示符输入")
    p.add_argument("--replace", action="store_true", help="replace a different district key / 替换另一把区密钥")
    p = sub.add_parser("station-init", help="enrol this database as a station / 登记工作站")
    p.add_argument("--name", required=True)
    p.add_argument("--district-key", required=True, metavar="KEYFILE")
    p.add_argument("--scope", default="", metavar="ADDRESS", help="街道[/社区]")
    p = sub.add_parser("export", help="export changes for the district / 导出同步文件")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--all", action="store_true", help="everything, not only what is unacknowledged")
    p.add_argument("--plaintext", action="store_true", help="no encryption (debugging only)")
    add_force(p)
    p = sub.add_parser("import", help="import a station's file / 导入工作站文件")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--passphrase-file", metavar="F", help="default: asked at a prompt / 默认在提示符输入")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("receipt", help="write a receipt for a station / 生成回执")
    p.add_argument("--station", required=True, metavar="ID")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    add_force(p)
    p = sub.add_parser("apply-receipt", help="apply the district's receipt / 应用回执")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("conflicts", help="open sync conflicts / 未解决的冲突")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("resolve", help="settle a conflict / 解决冲突")
    p.add_argument("conflict_id", metavar="CONFLICT_ID")
    p.add_argument("--keep", required=True, metavar="district|station|VALUE",
                   help="VALUE as written in the GUI: an area in m² (61.5) / 面积按平方米填写")
    p = sub.add_parser("stations", help="stations and their files / 工作站")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("held", help="rows held for review (outside a station's scope) / 待审记录")
    p.add_argument("--json", action="store_true")
    p.add_argument("--all", action="store_true", help="rejected rows too / 含已拒绝的")
    p = sub.add_parser("release-held", help="apply rows held for review / 采纳待审记录")
    p.add_argument("station_id", metavar="STATION_ID")
    p.add_argument("--seq", type=int, action="append", help="only these rows (repeatable)")
    p = sub.add_parser("reject-held", help="drop rows held for review, keeping the decision / 拒绝待审记录")
    p.add_argument("station_id", metavar="STATION_ID")
    rows = p.add_mutually_exclusive_group(required=True)
    rows.add_argument("--seq", type=int, action="append", help="only these rows (repeatable)")
    rows.add_argument("--all", action="store_true", help="every held row of the station / 该站全部")
    p = sub.add_parser("revoke-station", help="refuse a station's files from now on / 撤销工作站")
    p.add_argument("station_id", metavar="ID")
    p = sub.add_parser("accept-station", help="accept a new station after comparing its fingerprint / 确认新工作站")
    p.add_argument("station_id", metavar="STATION_ID")
    p.add_argument("--fingerprint", required=True, metavar="XXXX…")
    p.add_argument("--passphrase-file", metavar="F", help="default: asked at a prompt / 默认在提示符输入")
    p = sub.add_parser("station-scope", help="set what a station answers for / 指定工作站范围")
    p.add_argument("station_id", metavar="STATION_ID")
    p.add_argument("addresses", nargs="+", metavar="ADDRESS", help="街道[/社区/…]")


JSON_COMMANDS = ("import", "apply-receipt", "conflicts", "stations", "held")


def _passphrase(path: str | None, confirm: bool = False) -> str:
    """From a file only its owner can read, or typed at a prompt that does not echo."""
    if path is None:
        import getpass
        typed = getpass.getpass(t("sync.passphrase_prompt"))
        if confirm and getpass.getpass(t("sync.passphrase_again")) != typed:
            raise LiftDeskError("sync.passphrase_differs")
        return typed
    from liftdesk.common.paths import read_private_text
    return read_private_text(path, "sync.passphrase_file_open", "sync.passphrase_file")


def _district_init(store, args) -> int:
    keyfile = output_file(args.db_path, args.public_key_out, (), args.force)  # checked before the keys are made
    sheet = output_file(args.db_path, args.recovery_sheet or f"{keyfile}.recovery.pdf", (".pdf",), args.force)
    public, code = enrol.district_init(store, _passphrase(args.passphrase_file, confirm=True))
    keyfile = enrol.write_keyfile(public, keyfile)
    from liftdesk.sync.recovery_sheet import write_sheet
    write_sheet(public, code, sheet)
    print(t("sync.district_ready", keyfile=keyfile, sheet=sheet, fingerprint=public.fingerprint))
    return 0


def _district_recover(store, args) -> int:
    code = ledger.read_file(args.code_file).decode("utf-8", "replace")
    def warn(old: str, new: str) -> None:
        print(t("sync.recover_replacing", old=old, new=new), file=sys.stderr)
    public = enrol.district_recover(store, code, _passphrase(args.passphrase_file), replace=args.replace, warn=warn)
    print(public.fingerprint)
    return 0


def _station_init(store, args) -> int:
    me = enrol.station_init(store, args.name, enrol.read_keyfile(args.district_key), args.scope)
    print(t("sync.station_ready", name=me.name, station=me.station_id, fingerprint=me.keys.fingerprint))
    if me.scope and not enrol.has_places(store):
        print(t("sync.scope_later", scope=me.scope))
    return 0


def _export(store, args) -> int:
    if args.plaintext:
        print(t("sync.plaintext_warning"), file=sys.stderr)
    out = output_file(args.db_path, args.output, (".liftsync",), args.force)
    done = exchange.export_bundle(store, out, all_changes=args.all, plaintext=args.plaintext)
    print(t("sync.exported", file_no=done.manifest["file_no"], path=done.path, changes=done.manifest["changes"],
            size=len(done.data)))
    return 0


def _import(store, args) -> int:
    keys = enrol.district_keys(store, _passphrase(args.passphrase_file))
    result = exchange.import_bundle(store, ledger.read_file(args.file), keys, dry_run=args.dry_run)
    d = result.details()
    out = sys.stderr if args.json else sys.stdout
    key = ("sync.new_station_preview" if args.dry_run else "sync.new_station") if result.new_station \
        else "sync.from_station"
    if result.pending and not args.dry_run:
        key = "sync.new_station_pending"
    print(t(key, name=d["name"], station=d["station"], fingerprint=d["fingerprint"], file_no=d["file_no"]), file=out)
    if result.plaintext:
        print(t("sync.plaintext_received"), file=out)
    for warning in result.warnings:
        print(warning, file=out)
    for n in result.gaps:
        print(t("sync.gap", n=n), file=out)
    line = t("sync.preview", **result.as_json())
    print(line + (" " + t("sync.dry_run") if args.dry_run else ""), file=out)
    if args.json:
        emit(result.as_json())
    return 0


def _receipt(store, args) -> int:
    out = output_file(args.db_path, args.output, (".liftsync",), args.force)
    _, manifest = receipts.make_receipt(store, args.station, out)
    print(t("sync.receipt_written", path=out, ack=manifest["ack_seq"], changes=manifest["changes"]))
    return 0


def _apply_receipt(store, args) -> int:
    result = receipts.apply_receipt(store, ledger.read_file(args.file))
    if args.json:
        emit(result.as_json())
    else:
        print(t("sync.receipt_applied", ack=result.ack_seq, **{k: v for k, v in result.counts.as_json().items()
                                                                 if k in ("new", "updated", "conflicts")}))
        if result.settled_conflicts:
            print(t("sync.receipt_settled", n=result.settled_conflicts))
        for n in result.gaps:
            print(t("sync.gap", n=n))
    return 0


def _conflicts(store, args) -> int:
    items = conflicts.open_conflicts(store)
    if args.json:
        emit([c.as_json() for c in items])
    else:
        for c in items:
            print(f"{c.id}  {c.where}  {c.field_label}：{c.shown(c.district_value)} ↔ {c.shown(c.station_value)}")
    return 0


def _resolve(store, args) -> int:
    c = conflicts.get(store, args.conflict_id)
    value = conflicts.resolve_typed(store, args.conflict_id, args.keep)
    print(t("sync.resolved", id=args.conflict_id, value=c.shown(value)))
    return 0


def _stations(store, args) -> int:
    items = status.stations(store)
    if args.json:
        emit(items)
    else:
        for s in items:
            gaps = "，".join(t("sync.gap", n=n) for n in s["gaps"])
            when = local_in_zone(s["last_received_at"], station_zone(store), named=True)  # stored UTC, shown local
            print(f"{s['station_id']}  {s['name']}  {s['scope']}  #{s['last_file']}  {when}  {gaps}")
    return 0


def _held(store, args) -> int:
    items = held.list_held(store, include_decided=args.all)
    if args.json:
        emit(items)
    else:
        for h in items:
            decided = f"  [{h['decided']} {h['decided_at']}]" if h["decided"] else ""
            print(f"{h['station']}  #{h['seq']}  {h['address']}  {h['description']}  {h['reason_text']}{decided}")
    return 0


def _release(store, args) -> int:
    counts = held.release_held(store, held.station_keys(store, args.station_id, args.seq))
    print(t("sync.released", counts=t("sync.preview", **counts.as_json())))
    return 0


def _reject(store, args) -> int:
    n = held.reject_held(store, held.station_keys(store, args.station_id, None if args.all else args.seq))
    print(t("sync.held_rejected", n=n))
    return 0


def _revoke(store, args) -> int:
    enrol.revoke(store, args.station_id)
    print(t("sync.revoked", station=args.station_id))
    return 0


def _accept_station(store, args) -> int:
    known = enrol.pinned(store, args.station_id)
    pending = store.db.execute("SELECT count(*) FROM sync_pending WHERE station_id = ?",
                               [args.station_id]).fetchone()[0] if known else 0
    keys = enrol.district_keys(store, _passphrase(args.passphrase_file)) if pending else None
    results = exchange.accept_station(store, args.station_id, args.fingerprint, keys)
    known = enrol.pinned(store, args.station_id)
    print(t("sync.station_accepted", station=args.station_id, scope="、".join(known.scope.split("\n")), n=len(results)))
    for r in results:
        print(t("sync.preview", **r.as_json()))
    return 0


def _station_scope(store, args) -> int:
    scope = enrol.set_scope(store, args.station_id, args.addresses)
    print(t("sync.scope_set", station=args.station_id, scope="、".join(scope.split("\n"))))
    return 0


HANDLERS = {"station-scope": _station_scope, "accept-station": _accept_station,"district-init": _district_init, "district-recover": _district_recover, "station-init": _station_init,
            "export": _export, "import": _import, "receipt": _receipt, "apply-receipt": _apply_receipt,
            "conflicts": _conflicts, "resolve": _resolve, "stations": _stations, "held": _held, "release-held": _release, "reject-held": _reject,
            "revoke-station": _revoke}
