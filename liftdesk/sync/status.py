"""What a database knows of the exchange: its stations, the files that came and went, how fresh
each street's data is, and rows held for review."""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..store import Store
from .enrol import role, station_identity
from .exchange import _covered, gaps, scope_parts
from .receipts import covered_upto


def stations(store: Store) -> list[dict]:
    out = []
    for sid, name, scope, fp, pinned_at, revoked in store.db.execute(
            "SELECT station_id, name, scope, fingerprint, pinned_at, revoked FROM sync_station ORDER BY name"):
        last = store.db.execute("SELECT file_no, at, seq_upto FROM sync_file WHERE direction = 'in' AND kind = 'bundle'"
                                " AND station_id = ? ORDER BY at DESC, id DESC LIMIT 1", [sid]).fetchone()
        files = store.db.execute("SELECT count(DISTINCT file_no) FROM sync_file WHERE direction = 'in'"
                                 " AND kind = 'bundle' AND station_id = ?", [sid]).fetchone()[0]
        held = store.db.execute("SELECT count(*) FROM sync_held WHERE station_id = ?", [sid]).fetchone()[0]
        out.append({"station_id": sid, "name": name, "scope": scope, "fingerprint": fp, "pinned_at": pinned_at,
                    "revoked": bool(revoked), "files_received": files,
                    "last_file": last[0] if last else None, "last_received_at": last[1] if last else None,
                    "acknowledged_seq": covered_upto(_covered(store, sid)), "gaps": gaps(store, sid), "held": held})
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


def held_rows(store: Store) -> list[dict]:
    """Rows received but not applied (outside the station's scope, or an id collision), for review."""
    names = {r[0]: r[1] for r in store.db.execute("SELECT station_id, name FROM sync_station")}
    out = []
    for sid, seq, reason, change, at in store.db.execute(
            "SELECT station_id, seq, reason, change, at FROM sync_held ORDER BY at, station_id, seq"):
        row = json.loads(change)
        out.append({"station_id": sid, "station": names.get(sid, sid), "seq": seq, "reason": reason,
                    "table": row[1], "record_id": row[2], "op": row[3], "field": row[4], "received_at": at})
    return out
