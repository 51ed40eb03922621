"""Finding households across the whole database by room, owner name or phone."""

from __future__ import annotations

from dataclasses import dataclass

from .places import UNIT_PATH_SQL, Address
from .store import Store

LIMIT = 200


@dataclass(frozen=True)
class SearchHit:
    household_id: str
    unit_id: str
    address: Address
    room: str
    owners: str
    phones: str

    @property
    def text(self) -> str:
        return f"{self.address} {self.room} {self.owners} {self.phones}"


_OWNERS = """(SELECT group_concat({col}, '、') FROM (
                 SELECT p.{col} FROM ownership o JOIN person p ON p.id = o.person_id
                 WHERE o.household_id = h.id AND o.deleted = 0 AND p.{col} != ''
                 ORDER BY o.signer DESC, o.role DESC))"""


def _candidates_sql(first: str) -> str:
    """Households the first word can mean: a room (exactly), part of a phone (digits), part of a name.
    CROSS JOIN keeps SQLite scanning people first, not every ownership row."""
    sql = "SELECT id FROM household WHERE room = :first AND deleted = 0"
    column = "phone" if first.isdigit() else "name"
    if column == "name" or len(first) >= 3:
        sql += (" UNION SELECT o.household_id FROM person p CROSS JOIN ownership o ON o.person_id = p.id"
                f" AND o.deleted = 0 WHERE p.deleted = 0 AND instr(p.{column}, :first) > 0")
    return sql


def search_households(store: Store, query: str, limit: int = LIMIT) -> list[SearchHit]:
    """Every word must match: the first finds candidates (room exactly, or part of an owner's
    name or phone), the rest narrow them by address, room, name or phone."""
    words = query.split()
    if not words:
        return []
    candidates = _candidates_sql(words[0])
    owners, phones = _OWNERS.format(col="name"), _OWNERS.format(col="phone")
    # Owners are looked up only for the rows shown, or for a narrowing word the address does not match.
    address = "s.name || '/' || c.name || '/' || e.name || '/' || b.name || '/' || u.name || ' ' || h.room"
    people = f"coalesce({owners}, '') || ' ' || coalesce({phones}, '')"
    narrow = "".join(f" AND (instr({address}, :w{n}) > 0 OR instr({people}, :w{n}) > 0)"
                     for n in range(len(words) - 1))
    params = {"first": words[0], "limit": limit} | {f"w{n}": w for n, w in enumerate(words[1:])}
    rows = store.db.execute(
        f"""WITH hits(household_id) AS ({candidates}),
            found AS (
                SELECT h.id AS hid, u.id AS unit_id, s.name AS s, c.name AS c, e.name AS e, b.name AS b,
                       u.name AS u, h.room
                FROM hits JOIN household h ON h.id = hits.household_id AND h.deleted = 0
                JOIN unit u ON u.id = h.unit_id AND u.deleted = 0
                {UNIT_PATH_SQL.split('FROM unit u', 1)[1]}
                WHERE 1 {narrow}
                ORDER BY s.seq, c.name, e.name, b.seq, u.seq, h.floor, h.room LIMIT :limit)
            SELECT hid, unit_id, s, c, e, b, u, room, {owners.replace('h.id', 'hid')}, {phones.replace('h.id', 'hid')}
            FROM found""",
        params).fetchall()
    return [SearchHit(r[0], r[1], Address(*r[2:7]), r[7], r[8] or "", r[9] or "") for r in rows]
