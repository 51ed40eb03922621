"""The CLI's view of a lift project: `stage` (where it stands, and how it got there) and `diary`."""

from __future__ import annotations

from liftdesk.places import places
from liftdesk.projects import diary, projects

from .common import emit, project_at


def add_parsers(sub) -> None:
    p = sub.add_parser("stage", help="a unit's project stage and history / 项目阶段")
    p.add_argument("address", metavar="ADDRESS", help="街道/社区/小区/幢/单元")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("diary", help="a project's diary, oldest first / 电梯日记")
    p.add_argument("address", metavar="ADDRESS", help="街道/社区/小区/幢/单元")
    p.add_argument("--kind", action="append", choices=sorted(diary.KINDS), help="only these kinds (repeatable)")
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD")
    p.add_argument("--json", action="store_true")


def _stage(store, args) -> int:
    unit_id, project_id = project_at(store, args.address)
    events = projects.history(store, project_id)
    current = events[-1] if events else None
    data = {"address": str(places.unit_address(store, unit_id)), "project": places.unit_project(store, unit_id)[0],
            "stage": current.stage if current else None, "stage_label": current.label if current else None,
            "since": current.on_date if current else None,
            "history": [{"date": e.on_date, "stage": e.stage, "stage_label": e.label, "reason": e.note,
                         "details": e.details, "recorded_by": e.recorded_by} for e in events]}
    if args.json:
        emit(data)
    else:
        print(f"{data['address']}  {data['project']}：{data['stage_label'] or '—'}（{data['since'] or ''}）")
        for e in events:
            print(f"  {e.on_date}  {e.label}{'  ' + e.note if e.note else ''}")
    return 0


def _diary(store, args) -> int:
    _, project_id = project_at(store, args.address)
    items = diary.timeline(store, project_id, set(args.kind) if args.kind else None, args.start, args.end)
    if args.json:
        emit([i.as_json() for i in items])
    else:
        for i in items:
            print(f"{i.on_date}  [{diary.kind_label(i.kind)}] {i.text}")
    return 0


HANDLERS = {"stage": _stage, "diary": _diary}
READ_ONLY = {"stage", "diary"}
