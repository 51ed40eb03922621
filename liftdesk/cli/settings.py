"""The CLI's `settings`: the district's own settings (rule, scope, 公示 period, office, cost preset).
`settings` lists them, `settings KEY` shows one, `settings KEY VALUE` changes it (one undo step);
with --json a script gets {"settings": …} or {"key", "value"}, and {"error"} on a refusal."""

from __future__ import annotations

from liftdesk.errors import LiftDeskError
from liftdesk.i18n import t
from liftdesk.places import district_settings

from .common import emit, print_error


def add_parsers(sub) -> None:
    p = sub.add_parser("settings", help="district settings / 本区设置（规则、公示期、社区地址电话、费用方案）")
    p.add_argument("key", metavar="KEY", nargs="?", help="、".join(district_settings.KEYS))
    p.add_argument("value", metavar="VALUE", nargs="?", help="new value / 新值")
    p.add_argument("--json", action="store_true")


def _settings(store, args) -> int:
    try:
        if args.value is not None:
            current = district_settings.update(store, {args.key: args.value}).as_json()
        else:
            current = district_settings.read(store).as_json()
            if args.key is not None:
                district_settings.check(args.key, current.get(args.key, ""))  # an unknown key is refused
    except LiftDeskError as exc:
        print_error(exc)
        if args.json:
            emit({"error": str(exc)})
        return 2
    if args.key is None:
        if args.json:
            emit({"settings": current})
        else:
            for key in district_settings.KEYS:
                print(f"{key}  {t('setting.label.' + key)}：{current[key]}")
        return 0
    if args.json:
        emit({"key": args.key, "value": current[args.key]})
    else:
        print(f"{args.key}  {t('setting.label.' + args.key)}：{current[args.key]}")
    return 0


HANDLERS = {"settings": _settings}
