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


def search_households(store: Store, query: str, limit: int = LIMIT) -> list[SearchHit]:
    """Every word must match: the first finds candidates (room exactly, or part of an owner's
    name or phone), the rest narrow them by address, name or phone."""
    words = query.split()
    if not words:
        return []
    first, rest = words[0], words[1:]
    like = f"%{first}%"
    rows = store.db.execute(
        f"""WITH hits AS (
                SELECT id AS household_id FROM household WHERE room = ? AND deleted = 0
                UNION
                SELECT o.household_id FROM person p
                JOIN ownership o ON o.person_id = p.id AND o.deleted = 0
                WHERE p.deleted = 0 AND (p.name LIKE ? OR (length(?) >= 3 AND p.phone LIKE ?)))
            SELECT h.id, u.id, s.name, c.name, e.name, b.name, u.name, h.room,
                   (SELECT group_concat(p.name, '、') FROM ownership o JOIN person p ON p.id = o.person_id
                    WHERE o.household_id = h.id AND o.deleted = 0),
                   (SELECT group_concat(nullif(p.phone, ''), '、') FROM ownership o JOIN person p ON p.id = o.person_id
                    WHERE o.household_id = h.id AND o.deleted = 0)
            FROM hits JOIN household h ON h.id = hits.household_id AND h.deleted = 0
            JOIN unit u ON u.id = h.unit_id AND u.deleted = 0
            {UNIT_PATH_SQL.split('FROM unit u', 1)[1]}
            ORDER BY s.seq, c.name, e.name, b.seq, u.seq, h.floor, h.room""",
        [first, like, first, like]).fetchall()
    hits = []
    for r in rows:
        hit = SearchHit(r[0], r[1], Address(*r[2:7]), r[7], r[8] or "", r[9] or "")
        if all(word in hit.text for word in rest):
            hits.append(hit)
            if len(hits) >= limit:
                break
    return hits
