"""What a database knows of the exchange: its stations, the files that came and went, how fresh
each street's data is (the rows held for review: held.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from liftdesk.i18n import language

from ..store import Store
from .enrol import role, station_identity
from liftdesk.places.addresses import scope_parts

from . import ledger


# What a file held, as people read it (history of files).
LABELS = {
    "new": ("新增", "new"), "updated": ("更新", "updated"), "conflicts": ("冲突", "conflicts"),
    "held": ("待审", "held"), "rejected": ("拒绝", "rejected"),
    "district": ("区", "district"), "street": ("街道", "streets"), "community": ("社区", "communities"),
    "estate": ("小区", "estates"), "building": ("楼栋", "buildings"), "unit": ("单元", "units"),
    "household": ("住户", "households"), "person": ("业主", "people"), "ownership": ("产权", "ownerships"),
    "project": ("项目", "projects"), "stage_event": ("阶段", "stage events"), "team": ("帮帮团", "teams"),
    "helper": ("成员", "helpers"), "position": ("意见", "positions"), "group_member": ("筹备组", "group members"),
    "meeting": ("会议", "meetings"), "attendance": ("签到", "attendance"), "followup": ("待办", "follow-ups"),
    "diary_entry": ("日记", "diary entries"), "printed_document": ("文书", "printed documents"),
    "payment": ("缴款", "payments"), "retraction": ("撤回", "retractions"),
    "upkeep_party": ("管理与维保单位", "managers and companies"), "upkeep_visit": ("维保", "maintenance visits"),
    "upkeep_inspection": ("年检", "inspections"), "upkeep_insurance": ("保险", "insurance terms"),
    "upkeep_fault": ("故障", "faults"), "running_cost": ("运行费用", "running costs"),
    "running_bill": ("运行费账单", "running-cost bills"), "running_payment": ("运行费缴款", "running-cost payments"),
    "objection": ("异议", "objections"), "objection_step": ("异议处理", "objection handling"),
    "project_unit": ("项目单元", "project units"), "street_target": ("年度目标", "yearly targets"),
}


def counts_text(counts: dict) -> str:
    en = language() == "en"
    parts = []
    for key, n in counts.items():
        if n:
            zh_label, en_label = LABELS.get(key, (key, key))
            parts.append(f"{en_label} {n}" if en else f"{zh_label} {n}")
    return ", ".join(parts) if en else "，".join(parts)


def stations(store: Store) -> list[dict]:
    out = []
    for sid, name, scope, fp, pinned_at, revoked, accepted in store.db.execute(
            "SELECT station_id, name, scope, fingerprint, pinned_at, revoked, accepted FROM sync_station ORDER BY name"):
        # last_file: the highest file number received (late files never make it go backwards);
        # last_arrived_file: the one that came in most recently, whatever its number.
        highest = store.db.execute("SELECT max(file_no), max(at) FROM sync_file WHERE direction = 'in'"
                                   " AND kind = 'bundle' AND station_id = ?", [sid]).fetchone()
        latest = store.db.execute("SELECT file_no FROM sync_file WHERE direction = 'in' AND kind = 'bundle'"
                                  " AND station_id = ? ORDER BY at DESC, id DESC LIMIT 1", [sid]).fetchone()
        files = store.db.execute("SELECT count(DISTINCT file_no) FROM sync_file WHERE direction = 'in'"
                                 " AND kind = 'bundle' AND station_id = ?", [sid]).fetchone()[0]
        held = store.db.execute("SELECT count(*) FROM sync_held WHERE station_id = ? AND decided = ''", [sid]).fetchone()[0]
        out.append({"station_id": sid, "name": name, "scope": scope, "fingerprint": fp, "pinned_at": pinned_at,
                    "revoked": bool(revoked), "files_received": files,
                    "last_file": highest[0], "last_received_at": highest[1],
                    "last_arrived_file": latest[0] if latest else None,
                    "acknowledged_seq": ledger.covered_upto(ledger.covered(store, sid)), "gaps": ledger.gaps(store, sid), "held": held,
                    "accepted": bool(accepted), "pending": store.db.execute(
                        "SELECT count(*) FROM sync_pending WHERE station_id = ?", [sid]).fetchone()[0]})
    return out


def history(store: Store, limit: int = 500) -> list[dict]:
    names = {r[0]: r[1] for r in store.db.execute("SELECT station_id, name FROM sync_station")}
    if role(store) == "station":
        me = station_identity(store)
        names[store.station_id] = me.name
        names[me.district.station_id] = me.district.name or "区加梯办"
    rows = store.db.execute("SELECT direction, kind, station_id, file_no, seq_after, seq_upto, at, counts, name"
                            " FROM sync_file ORDER BY id DESC LIMIT ?", [limit]).fetchall()
    return [{"direction": d, "kind": k, "station_id": s, "station": names.get(s, s), "file_no": n, "seq_after": a,
             "seq_upto": u, "at": at, "counts": json.loads(c), "name": nm} for d, k, s, n, a, u, at, c, nm in rows]


STALE_DAYS = 14


@dataclass(frozen=True)
class Freshness:
    street: str
    stations: str
    last_received_at: str | None
    days: int | None
    stale: bool


def freshness(store: Store, now_iso: str | None = None) -> list[Freshness]:
    """Per street: when a file last arrived from a station whose scope lies in it; a street not
    heard from in 14 days (or never) is stale."""
    from datetime import datetime
    now = datetime.fromisoformat((now_iso or store.clock.now_iso()).replace("Z", "+00:00"))
    last: dict[str, tuple[str | None, list[str]]] = {}
    for s in stations(store):
        if s["revoked"]:
            continue
        street = scope_parts(s["scope"])[0] if s["scope"] else ""
        at, names = last.get(street, (None, []))
        got = s["last_received_at"]
        last[street] = (max(filter(None, (at, got)), default=None), names + [s["name"]])
    out = []
    for (name,) in store.db.execute("SELECT name FROM street WHERE deleted = 0 ORDER BY seq, name"):
        at, names = last.get(name, (None, []))
        days = None if at is None else max(0, (now - datetime.fromisoformat(at.replace("Z", "+00:00"))).days)
        out.append(Freshness(name, "、".join(names), at, days, bool(names) and (days is None or days >= STALE_DAYS)))
    return out
