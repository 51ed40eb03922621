"""What a station answers for. A station enrolled with a scope (街道[/社区…]) sends the district its
changes; the district holds any row whose place lies outside that scope for a person to review,
and it is never counted. So a station refuses such a write where it is made, with the same rule
the district applies (`places.addresses.in_scope`): every insert and edit through `records` (a place
made, renamed or moved is checked where it ends up). A person is judged by the households they own;
rows that hang under no place pass."""

from __future__ import annotations

from typing import Any

from liftdesk.errors import ValidationError
from liftdesk.places.addresses import Places, scope_list, within
from liftdesk.store import Store, records


def station_scope(store: Store) -> tuple[str, ...]:
    """The scope's (first address's) names; empty outside an enrolled station or for a station without a scope."""
    return scope_list(store.meta("sync.scope", "") or "")[0] if station_scopes(store) else ()


def station_scopes(store: Store) -> list[tuple[str, ...]]:
    """Every address of the scope the district gave this station (none: not a station, or no scope)."""
    if not store.scope.names(store):
        return []
    return scope_list(store.meta("sync.scope", "") or "")


def refuse_outside(store, names: tuple[str, ...] | None) -> None:
    scopes = station_scopes(store)
    if scopes and names is not None and not any(names[:len(s)] == s for s in scopes):
        raise ValidationError("place.outside_scope", address="/".join(names), scope="、".join("/".join(s) for s in scopes))


def covers(store, kind: str, place_id: str) -> bool:
    """Whether a station may change this place (and what lies under it): always, off a station."""
    scopes = station_scopes(store)
    if not scopes:
        return True
    names = Places(store).names(kind, place_id) or ()
    return any(names[:len(s)] == s for s in scopes)


def check_write(store, table: str, record_id: str, values: dict[str, Any] | None = None) -> None:
    """Refuse a write to TABLE's RECORD_ID (an insert's VALUES, or the stored row) outside the scope."""
    if not station_scope(store):
        return
    if table == "retraction":  # a retraction belongs where the record it withdraws belongs
        if values is None:
            row = store.db.execute("SELECT target_tbl, target_id FROM retraction WHERE id = ?", [record_id]).fetchone()
            values = {"target_tbl": row[0], "target_id": row[1]} if row else None
        if not values:
            return
        table, record_id, values = values["target_tbl"], values["target_id"], None
    places = Places(store, {(table, record_id): values} if values is not None else None)
    if table == "person":   # a person belongs where their homes are
        if not within(places, "person", record_id, station_scopes(store)):
            home = places.names("household", places.owned(record_id)[0]) or ()
            refuse_outside(store, home)
        return
    refuse_outside(store, places.names(table, record_id))


records.install_scope_check(check_write)
