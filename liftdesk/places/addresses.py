"""Where a record hangs: the names of the places above any row (street, community, estate,
building, unit), found by following the schema's own foreign keys. A station's scope, the district's
holding of rows outside it and the held rows' addresses all ask this one walk."""

from __future__ import annotations

from liftdesk.store import Store
from liftdesk.store.schema import foreign_keys

NAMED_PLACES = ("street", "community", "estate", "building", "unit")


def scope_parts(scope: str) -> tuple[str, ...]:
    return tuple(p for p in (scope or "").split("/") if p)


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


def in_scope(names: tuple[str, ...] | None, scope: tuple[str, ...]) -> bool:
    return not scope or names is None or names[:len(scope)] == scope
