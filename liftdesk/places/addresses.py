"""Where a record hangs: the names of the places above any row (street, community, estate,
building, unit), found by following the schema's own foreign keys. A station's scope, the district's
holding of rows outside it and the held rows' addresses all ask this one walk."""

from __future__ import annotations

from liftdesk.store import Store
from liftdesk.store.schema import foreign_keys

NAMED_PLACES = ("street", "community", "estate", "building", "unit")


def scope_parts(scope: str) -> tuple[str, ...]:
    """The first address of a scope as its names (街道, 社区 …)."""
    return tuple(p for p in (scope or "").split("\n")[0].split("/") if p)


def scope_list(scope: str) -> list[tuple[str, ...]]:
    """A scope is one or more addresses, one a line (a place name never holds a line break)."""
    return [parts for line in (scope or "").split("\n") if (parts := tuple(p for p in line.split("/") if p))]


def scope_text(scopes: list[tuple[str, ...]]) -> str:
    return "\n".join("/".join(parts) for parts in scopes)


class Places:
    """Walks a record up to the names of its places (street, community …), reading a file's
    own inserts first; None when the record hangs under no place (a person)."""

    def __init__(self, store: Store, inserts: dict[tuple[str, str], dict] | None = None):
        self.store, self.inserts = store, inserts or {}
        self.memo: dict[tuple[str, str], tuple[str, ...] | None] = {}

    def names(self, tbl: str, rid: str) -> tuple[str, ...] | None:
        key = (tbl, rid)
        if key in self.memo:
            return self.memo[key]
        self.memo[key] = None  # a cycle ends here
        fks = foreign_keys(tbl)
        values = self.inserts.get(key)
        if values is None:
            cols = [c for c, _ in fks] + (["name"] if tbl in NAMED_PLACES else [])
            row = self.store.db.execute(f"SELECT {', '.join(cols)} FROM {tbl} WHERE id = ?", [rid]).fetchone() \
                if cols else None
            values = dict(zip(cols, row)) if row else None
        result = None
        if tbl == "district":
            result = ()
        elif values is not None:
            for col, target in fks:
                if values.get(col):
                    parent = self.names(target, values[col])
                    if parent is not None:
                        result = parent + ((str(values.get("name") or ""),) if tbl in NAMED_PLACES else ())
                    break
        self.memo[key] = result
        return result


    def owned(self, person_id: str) -> list[str]:
        """The households a person owns (or owned): in the database and in the file's own inserts."""
        homes = [r[0] for r in self.store.db.execute("SELECT household_id FROM ownership WHERE person_id = ?",
                                                     [person_id])]
        homes += [v.get("household_id") for (tbl, _), v in self.inserts.items()
                  if tbl == "ownership" and v.get("person_id") == person_id and v.get("household_id")]
        return homes


def _matches(names: tuple[str, ...], scopes: list[tuple[str, ...]]) -> bool:
    return any(names[:len(s)] == s for s in scopes)


def within(places: Places, tbl: str, rid: str, scopes: list[tuple[str, ...]] | tuple[str, ...]) -> bool:
    """Whether a record lies in a station's scope, judged by where it lives: a place-bound record by
    its place, a person by the households they own (at least one inside; a person who owns nothing
    yet is bound to no place). Records bound to no place at all pass."""
    if scopes and isinstance(scopes[0], str):
        scopes = [tuple(scopes)]
    if not scopes:
        return True
    if tbl == "person":
        homes = places.owned(rid)
        return not homes or any(within(places, "household", h, scopes) for h in homes)
    names = places.names(tbl, rid)
    return names is None or _matches(names, scopes)


def in_scope(names: tuple[str, ...] | None, scope: tuple[str, ...] | list[tuple[str, ...]]) -> bool:
    if scope and isinstance(scope[0], str):
        scope = [tuple(scope)]
    return not scope or names is None or _matches(names, scope)
