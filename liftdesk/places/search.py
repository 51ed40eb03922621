"""Finding households across the whole database as helpers type: by address text ("城北小区 1幢
201"), room, owner name, phone, or the pinyin of a name ("hqc" or "huangqicai" for 黄杞财).

Every word must match the household, each in any of these ways. People are found through an
index (migration 0120_search_index: one document per person in `search_doc`, FTS5 trigram and
short-piece indexes over it), so a query at 1.3 M people is a few lookups, not a pass over all.
Triggers drop a changed person's document and mark it stale in the same transaction; stale
documents (their pinyin needs Python) are written before a search or by a background task.
Addresses are matched against every unit's address, held in memory until a place changes.

Only a page is wanted, in the tree's order, so each query takes the cheapest of three ways (their
costs estimated from the index's counts, which read index pages only): the index's documents
(few matches), a walk down the tree until the page is full (dense matches: "王", "zh", "1幢 301"),
or, for several words, the households of the rarest word checked for the others ("王 1801")."""

from __future__ import annotations

import logging
import re
import sqlite3
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from liftdesk.errors import LiftDeskError
from liftdesk.places.places import UNIT_PATH_SQL, Address, _name_order
from liftdesk.store import Store

log = logging.getLogger(__name__)
LIMIT = 200
_SPLIT = re.compile(r"[\s/，,、]+")
_ROOM = re.compile(r"^(?=.*[0-9])[0-9A-Za-z-]{1,8}$")  # 201, 1201, A301, 2-101
_PLACE_END = tuple("街道社区小区苑坊村园里巷弄路楼幢栋单元号")
# where a glued address ("城北小区1幢201") breaks into words: after a place word, unless the next
# character continues it ("2号楼", "1单元")
_GLUE = re.compile(r"(街道|社区|小区|单元|[苑坊村园里巷弄路楼幢栋号])(?=[^楼幢栋号单元\s])")


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


# ---- pinyin keys ------------------------------------------------------------------------------

@lru_cache(maxsize=20000)
def _readings(char: str, heteronyms: bool) -> tuple[str, ...]:
    from pypinyin import Style, pinyin

    if not ("\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"):
        return (char.lower(),) if char.isascii() and char.isalnum() else ("",)
    readings = pinyin(char, style=Style.NORMAL, heteronym=heteronyms, errors="ignore")
    found = tuple(dict.fromkeys(r for r in (readings[0] if readings else []) if r))
    return (found if heteronyms else found[:1]) or ("",)


def pinyin_keys(name: str) -> tuple[str, str]:
    """(initials, full pinyin) of a name, e.g. 黄杞财 → ("hqc", "huangqicai"). A surname with
    several readings (单 dan/shan, 曾 zeng/ceng) gives every reading, joined by "|"."""
    chars = [c for c in name if not c.isspace()]
    if not chars:
        return "", ""
    firsts = _readings(chars[0], True)[:4]
    rest = [_readings(c, False)[0] for c in chars[1:]]
    full = "|".join(first + "".join(rest) for first in firsts)
    initials = "|".join((first[:1] if first else "") + "".join(r[:1] for r in rest) for first in firsts)
    return initials, full


def grams(*texts: str) -> str:
    """The one- and two-character pieces of a person's texts, as words: what `search_gram` finds
    for a query shorter than a trigram ("王", "芳", "wf"). Alternatives ("hqc|hqc") are pieced apart."""
    pieces: dict[str, None] = {}
    for text in texts:
        for part in text.split("|"):
            for i in range(len(part)):
                pieces[part[i]] = None
                if i + 1 < len(part):
                    pieces[part[i:i + 2]] = None
    return " ".join(pieces)


BATCH = 5000


def refresh_keys(store: Store, progress: Callable[[int, int], None] | None = None, most: int | None = None) -> int:
    """Write the search documents of persons added or changed since the last search (their pinyin
    keys need Python), in batches, each its own transaction; progress(done, total) after each.
    `most`: stop after about this many (a background task does the rest in steps)."""
    try:
        total = store.db.execute("SELECT count(*) FROM person_search_stale").fetchone()[0]
        done = 0
        while total and (most is None or done < most):
            with store.db.atomic():  # read and write in one transaction: no rename slips between
                stale = store.db.execute("SELECT s.person_id, p.name, p.phone FROM person_search_stale s"
                                         " LEFT JOIN person p ON p.id = s.person_id LIMIT ?", [BATCH]).fetchall()
                if not stale:
                    break
                docs = []
                for pid, name, phone in stale:
                    if name is not None:
                        initials, full = pinyin_keys(name)
                        docs.append((pid, name, phone or "", initials, full, grams(name, initials, full)))
                ids = [(r[0],) for r in stale]
                conn = store.db.conn  # not REPLACE: without recursive triggers it would skip the index's delete
                conn.executemany("DELETE FROM search_doc WHERE person_id = ?", ids)
                conn.executemany("INSERT INTO search_doc (person_id, name, phone, initials, full, grams)"
                                 " VALUES (?, ?, ?, ?, ?, ?)", docs)
                conn.executemany("DELETE FROM person_search_stale WHERE person_id = ?", ids)
            done += len(stale)
            if progress:
                progress(min(done, total), total)
        return done
    except (sqlite3.OperationalError, LiftDeskError):  # read-only or busy: search on with the keys it has
        log.warning("search index not updated: database not writable")
        return 0


def many_stale(store: Store) -> bool:
    """More stale search documents than one search writes first (a migration, a large import)."""
    return store.db.execute("SELECT count(*) FROM (SELECT 1 FROM person_search_stale LIMIT ?)",
                            [BATCH + 1]).fetchone()[0] > BATCH


def forget_erased(store: Store) -> None:
    """After an erasure: merge the indexes' segments, so a deleted document's words leave the file
    too (FTS5 keeps them, marked deleted, until a merge; with secure_delete the freed pages are zeroed)."""
    for table in ("search_fts", "search_gram"):
        store.db.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")


# ---- places -----------------------------------------------------------------------------------

@dataclass
class _Units:
    signature: int
    ids: list[str]
    addresses: list[Address]
    rank: dict[str, int]
    names: dict[str, list[int]]  # every place name → the units (by rank) with a place so called
    text: str  # every unit's address, one a line, for finding a part of an address at C speed
    starts: list[int]  # where each unit's line starts in `text`
    memo: dict[str, frozenset[int]] = field(default_factory=dict)

    def matching(self, word: str) -> frozenset[int]:
        """Units (by rank) whose address matches a word: a place name exactly when some place is
        called that ("1幢" is not "11幢"), otherwise any part of the address text. Remembered: a
        query asks for each word more than once, and typing repeats the words."""
        found = self.memo.get(word)
        if found is None:
            if word in self.names:
                found = frozenset(self.names[word])
            else:  # a word never holds a line break: a match never spans two units
                found = frozenset(bisect_right(self.starts, m.start()) - 1
                                  for m in re.finditer(re.escape(word), self.text))
            if len(self.memo) >= 512:
                self.memo.clear()
            self.memo[word] = found
        return found


# One entry: the store it was read from (held, so that its id() cannot be reused by a later store
# while the entry stands) and its units.
_cache: dict[int, tuple[Store, _Units]] = {}


def _units(store: Store) -> _Units:
    """Every unit's address in the tree's order, cached until a place changes (in any connection)."""
    conn = store.db.conn
    signature = conn.execute("SELECT n FROM search_place_stamp").fetchone()[0]  # bumped by any place's write
    entry = _cache.get(id(store))
    if entry is not None and entry[0] is store and entry[1].signature == signature:
        return entry[1]
    rows = conn.execute(f"SELECT u.id, s.seq, s.name, c.name, e.name, b.name, u.name {UNIT_PATH_SQL}"
                        " WHERE u.deleted = 0").fetchall()
    rows.sort(key=lambda r: (r[1], _name_order(r[3]), _name_order(r[4]), _name_order(r[5]), _name_order(r[6])))
    ids = [r[0] for r in rows]
    addresses = [Address(*r[2:7]) for r in rows]
    names: dict[str, list[int]] = {}
    starts, at = [], 0
    for n, row in enumerate(rows):
        for name in dict.fromkeys(row[2:7]):
            names.setdefault(name, []).append(n)
        starts.append(at)
        at += sum(map(len, row[2:7])) + 1
    text = "".join("".join(row[2:7]) + "\n" for row in rows)
    cached = _Units(signature, ids, addresses, {u: n for n, u in enumerate(ids)}, names, text, starts)
    _cache.clear()
    _cache[id(store)] = (store, cached)
    return cached


# ---- search -----------------------------------------------------------------------------------

def _is_pinyin(word: str) -> bool:
    return word.isascii() and word.isalpha()


def _maybe_person(word: str, places: set[int]) -> bool:
    """Could the word be part of a name, a phone or a spelling? Not "城北小区" or "1幢" when a place
    is called that: those are address words, and skipping them saves a pass over every person."""
    if not places:
        return True
    return not (any(c.isdigit() for c in word) and not word.isdigit()) and not word.endswith(_PLACE_END)


def _fts_phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _index_sql(word: str, columns: tuple[str, ...]) -> tuple[str, list, bool] | None:
    """SQL giving the docids an index finds for a word, and whether that is exactly the documents
    whose columns contain it: a trigram phrase for 3+ characters (case-sensitive trigrams match
    exactly, as instr()); the short-pieces index for a shorter word (a superset: its pieces come
    from every column); None for a word the pieces index cannot spell."""
    if len(word) >= 3:
        return ("SELECT rowid FROM search_fts WHERE search_fts MATCH ?",
                ["{" + " ".join(columns) + "}: " + _fts_phrase(word)], True)
    if word.isalnum():
        return "SELECT rowid FROM search_gram WHERE search_gram MATCH ?", [_fts_phrase(word)], False
    return None


def _word_docs(word: str, columns: tuple[str, ...], bit: int) -> tuple[str, list]:
    """SQL giving (person id, bit) of the persons whose columns contain the word, exactly as
    instr(): the index's answer, narrowed by instr where it is a superset; a word no index
    spells is scanned. Each matching document's row is read once."""
    contains = " OR ".join(f"instr(d.{c}, ?) > 0" for c in columns)
    found = _index_sql(word, columns)
    if found is None:
        return f"SELECT d.person_id, {bit} FROM search_doc d WHERE {contains}", [word] * len(columns)
    sql, params, exact = found
    if exact:
        return (f"SELECT d.person_id, {bit} FROM search_fts f JOIN search_doc d ON d.docid = f.rowid"
                " WHERE search_fts MATCH ?", params)
    return (f"SELECT d.person_id, {bit} FROM search_gram g JOIN search_doc d ON d.docid = g.rowid"
            f" WHERE search_gram MATCH ? AND ({contains})", [*params, *[word] * len(columns)])


def _index_count(store: Store, word: str, columns: tuple[str, ...], cap: int) -> int:
    """How many documents the index finds for a word (at most `cap`): index pages only, no rows."""
    found = _index_sql(word, columns)
    if found is None:
        return cap
    sql, params, _exact = found
    return store.db.execute(f"SELECT count(*) FROM ({sql} LIMIT ?)", [*params, cap]).fetchone()[0]


def _person_words(words: list[str], skip: set[int]) -> list[tuple[int, str, tuple[str, ...]]]:
    """(word's number, the word as matched, the document columns it is looked for in)."""
    found = []
    for n, w in enumerate(words):
        if n in skip:
            continue
        if _is_pinyin(w):
            found.append((n, w.lower(), ("initials", "full")))
        elif w.isascii() and w.isdigit():
            if len(w) >= 4:
                found.append((n, w, ("phone",)))
        else:
            found.append((n, w, ("name",)))
    return found


def _matches_sql(person_words) -> tuple[str, list]:
    """SQL giving (person id, bit) for every person document that a word matches."""
    parts, params = [], []
    for n, w, columns in person_words:
        sql, args = _word_docs(w, columns, 1 << n)
        parts.append(sql)
        params += args
    return " UNION ALL ".join(parts), params


def _person_matches(store: Store, person_words) -> dict[str, list]:
    """Household id → [unit id, floor, room, bit mask of words its owners match], from the search
    index: each word one lookup, never a pass over every person. A deleted person's document
    may count here (reading every person costs a fifth of the time): `_living` checks the page."""
    if not person_words:
        return {}
    sql, params = _matches_sql(person_words)
    rows = store.db.execute(
        f"""WITH m(person_id, mask) AS ({sql})
            SELECT o.household_id, h.unit_id, h.floor, h.room, m.mask
            FROM m CROSS JOIN ownership o ON o.person_id = m.person_id AND o.deleted = 0
            JOIN household h ON h.id = o.household_id AND h.deleted = 0""", params).fetchall()
    found: dict[str, list] = {}
    for household, unit, floor, room, mask in rows:
        entry = found.setdefault(household, [unit, floor, room, 0])
        entry[3] |= mask
    return found


DENSE = 3000  # documents a query's person words find, from which the walk down the tree is tried first
SET_MAX = 60_000  # a word finding more is checked on each walked owner's text, not against its documents
TEXT_COST = 13  # gathering a docid, against reading a walked owner's text instead (see _gathered)
WALK_MIN = 4000  # rows the walk reads at least before it gives up for the index (when hits are sparse)
WALK_COST = 3  # rows the walk reads for the cost of one document the index hands over
WALK_UNITS = 48  # units read by the walk's first step (the next ones as many as the hits say)
_DOC = ("name", "phone", "initials", "full")


@dataclass(frozen=True)
class _Test:
    """How the walk tells that an owner matches a person word: by the docids the index found for
    it (`exact`: no text check needed), or, for a word found in too many documents, by its text."""
    bit: int
    word: str
    columns: tuple[str, ...]
    docids: frozenset[int] | None
    exact: bool


def _gathered(count: int, people: int, wanted: int) -> bool:
    """Whether a word's docids are worth gathering for the walk: the walk reads about
    wanted * people / count owners, each of whose text would otherwise be read."""
    return count <= SET_MAX and count * count <= TEXT_COST * wanted * people


def _tests(store: Store, person_words, counts: list[int], wanted: int) -> list[_Test]:
    """Each person word's test: its docids (index pages only) unless reading the walked owners'
    texts costs less than gathering them (a dense word)."""
    people = _people(store)
    tests = []
    for (n, word, columns), count in zip(person_words, counts):
        found = _index_sql(word, columns) if _gathered(count, people, wanted) else None
        docids = frozenset(r[0] for r in store.db.execute(found[0], found[1])) if found else None
        tests.append(_Test(1 << n, word, columns, docids, bool(found and found[2])))
    return tests


def _verify(store: Store, candidates: dict[str, list], tests: list[_Test]) -> None:
    """The owners' bits of candidate households, checked on their documents: a deleted person
    matches nothing, and a short word found through its pieces must be in the text itself."""
    docids = {docid for entry in candidates.values() for docid, _bits in entry[4]}
    if not docids:
        return
    texts = {r[0]: r[1:] for r in store.db.execute(
        "SELECT d.docid, d.name, d.phone, d.initials, d.full FROM search_doc d"
        " JOIN person p ON p.id = d.person_id AND p.deleted = 0"
        " WHERE d.docid IN (SELECT value FROM json_each(?))", [_json(sorted(docids))])}
    for entry in candidates.values():
        mask = 0
        for docid, bits in entry[4]:
            found = texts.get(docid)
            if found is not None:
                mask |= sum(t.bit for t in tests
                            if bits & t.bit and (t.exact or any(t.word in found[_DOC.index(c)] for c in t.columns)))
        entry[3] = mask


def _walk(store: Store, units: _Units, ranks: list[int], rooms: list[str] | None, tests: list[_Test],
          is_hit, wanted: int, budget: int | None, by_place: bool = True) -> dict[str, tuple] | None:
    """Households of the given units (by rank, in the tree's order), in growing steps, until
    `wanted` hits: cheap when hits are dense ("王", "zh", "1幢 301"), where the index would hand
    over a tenth of the city. Owners are matched by docid against each word's documents (read
    from covering indexes only; the candidates' texts are checked after) or, for a word in too
    many documents, by their texts. `rooms`: only households with one of these rooms can be hits;
    `by_place`: whether a household can be a hit with no owner matching (else only owners'
    matches are looked at). None when more than `budget` rows were read (hits are sparse: the
    index is then the better way)."""
    columns = "h.id, h.unit_id, h.floor, h.room"
    joins = ""
    if tests:
        texts = any(t.docids is None for t in tests)
        columns += ", d.docid" + (", d.name, d.phone, d.initials, d.full" if texts else "")
        joins = (" LEFT JOIN ownership o ON o.household_id = h.id AND o.deleted = 0"
                 " LEFT JOIN search_doc d ON d.person_id = o.person_id")
    sql = f"SELECT {columns} FROM household h{joins} WHERE h.deleted = 0" \
          " AND h.unit_id IN (SELECT value FROM json_each(?))"
    if rooms is not None:  # +: the units lead, not the index on room
        sql += f" AND +h.room IN ({', '.join('?' * len(rooms))})"
    sets = [(t.bit, t.docids) for t in tests if t.docids is not None]
    texts = [(t.bit, t.word, [1 + _DOC.index(c) for c in t.columns]) for t in tests if t.docids is None]
    hits: dict[str, tuple] = {}
    read, start, step = 0, 0, WALK_UNITS
    while start < len(ranks):
        chunk = ranks[start:start + step]
        start += step
        households: dict[str, list] = {}  # id → [unit, floor, room, mask, [(docid, bits)]]
        rows = store.db.execute(sql, [_json(units.ids[r] for r in chunk), *(rooms or ())]).fetchall()
        read += len(rows) + len(chunk)
        for hid, unit, floor, room, *doc in rows:
            bits = 0
            if doc and doc[0] is not None:
                docid = doc[0]
                for bit, docids in sets:
                    if docid in docids:
                        bits |= bit
                for bit, word, places in texts:
                    if any(word in doc[i] for i in places):
                        bits |= bit
            if bits:
                entry = households.setdefault(hid, [unit, floor, room, 0, []])
                entry[3] |= bits
                entry[4].append((docid, bits))
            elif by_place and hid not in households:
                households[hid] = [unit, floor, room, 0, []]
        candidates = {hid: e for hid, e in households.items() if is_hit(units.rank[e[0]], e[2], e[3])}
        _verify(store, candidates, tests)
        for hid, (unit, floor, room, mask, _owners) in candidates.items():
            rank = units.rank[unit]
            if is_hit(rank, room, mask):
                hits[hid] = (rank, floor, len(room), room, hid)
        if len(hits) >= wanted:
            return hits
        # the next step: as many units as the hits so far say are still needed (a little more)
        step = min(4096, int((wanted - len(hits)) * start / len(hits) * 1.2) + 8 if hits else step * 2)
        if budget is not None and read > budget:
            return None
    return hits


def _unglued(word: str, units: _Units) -> list[str]:
    """An address typed without spaces ("城北小区1幢201") as its words ("城北小区", "1幢", "201").
    Only a word with a digit that no address contains is broken: names have no digits."""
    if not any(c.isdigit() for c in word) or units.matching(word):
        return [word]
    return [part for part in _GLUE.sub(r"\1 ", word).split() if part]


def _room_of(word: str) -> str:
    return word[:-1] if word[-1:] in ("室", "号") and len(word) > 1 else word


def search_households(store: Store, query: str, limit: int = LIMIT, offset: int = 0,
                      refresh: bool = True) -> list[SearchHit]:
    """Every word must match: part of the address (or a place's exact name), the room, part of
    an owner's name or phone (4+ digits), or the pinyin initials or spelling of an owner's name.
    One page of the hits in the tree's order: `limit` of them after the first `offset`.
    refresh: first write every stale search document (off for a caller that refreshes in steps)."""
    words = [w for w in _SPLIT.split(query.strip()) if w]
    if not words:
        return []
    if refresh:
        refresh_keys(store)
    units = _units(store)
    words = [part for w in words for part in _unglued(w, units)][:8]
    by_word = [units.matching(w) for w in words]
    rooms = {n: _room_of(w) for n, w in enumerate(words) if _ROOM.match(_room_of(w))}
    everything = (1 << len(words)) - 1
    wanted = offset + limit

    def satisfied(rank: int, room: str, mask: int) -> bool:
        return all(mask >> n & 1 or rank in by_word[n] or rooms.get(n) == room for n in range(len(words)))

    skip = {n for n, w in enumerate(words) if not _maybe_person(w, by_word[n])}
    person_words = _person_words(words, skip)
    place_words = [n for n in range(len(words)) if n not in rooms]
    allowed = frozenset.intersection(*(by_word[n] for n in place_words)) if place_words else None
    room_values = set(rooms.values())

    def by_place(rank: int, room: str) -> bool:
        """Matched by place and room alone: the unit matches every non-room word."""
        return (allowed is None or rank in allowed) and (not rooms or room in room_values) \
            and satisfied(rank, room, 0)

    def is_hit(rank: int, room: str, mask: int) -> bool:
        """Matched through an owner (and every other word somehow), or by place and room alone."""
        return bool(mask) and satisfied(rank, room, mask) or by_place(rank, room)

    if person_words:
        counts = [_index_count(store, w, columns, SET_MAX + 1) for _n, w, columns in person_words]
        index_cost = WALK_COST * sum(counts)  # in rows the walk would read in the same time
        if sum(counts) >= DENSE and _walk_rows(store, counts, wanted) < index_cost:
            walked = _walk(store, units, *_walk_scope(units, words, by_word, rooms, person_words),
                           _tests(store, person_words, counts, wanted), is_hit, wanted,
                           max(WALK_MIN, index_cost), allowed is None or bool(allowed))
            if walked is not None:
                return _hits(store, units, [k[-1] for k in sorted(walked.values())[offset:wanted]])
        if len(words) > 1:  # "王 1801": the rare word's households, the others checked on them
            driven = _driven(store, units, words, by_word, rooms, person_words, counts, is_hit, index_cost)
            if driven is not None:
                return _hits(store, units, [k[-1] for k in sorted(driven.values())[offset:wanted]])

    hits: dict[str, tuple] = {}  # household id → sort key (tree order, floor, room)
    for household, (unit, floor, room, mask) in _person_matches(store, person_words).items():
        rank = units.rank.get(unit)
        if rank is not None and (mask == everything or satisfied(rank, room, mask)):
            hits[household] = (rank, floor, len(room), room, household)
    owned = set(hits)  # found through an owner: checked again on the page
    if allowed is None or allowed:
        for household, key in _place_hits(store, units, allowed, sorted(room_values), by_place, wanted).items():
            hits.setdefault(household, key)
    chosen = _living(store, sorted(hits.values()), owned, person_words, is_hit, wanted)
    return _hits(store, units, [k[-1] for k in chosen[offset:wanted]])


def _living(store: Store, ordered: list[tuple], owned: set[str], person_words, is_hit, wanted: int) -> list[tuple]:
    """The first `wanted` of the ordered hits that stay hits when those found through an owner are
    checked on their living owners' texts (a deleted person's document matches nothing)."""
    chosen: list[tuple] = []
    start = 0
    while len(chosen) < wanted and start < len(ordered):
        batch = ordered[start:start + wanted - len(chosen)]
        start += len(batch)
        masks = _owner_masks(store, [k[-1] for k in batch if k[-1] in owned], person_words)
        chosen += [k for k in batch if k[-1] not in owned or is_hit(k[0], k[3], masks.get(k[-1], 0))]
    return chosen


def _people(store: Store) -> int:
    """About how many search documents there are (their docids are dense): one index read."""
    return store.db.execute("SELECT max(docid) FROM search_doc").fetchone()[0] or 1


def _walk_rows(store: Store, counts: list[int], wanted: int) -> float:
    """About how many rows the walk reads before `wanted` households match every person word
    (as if the words were independent and their matches spread evenly down the tree)."""
    people = _people(store)
    density = 1.0
    for count in counts:
        density *= min(1.0, count / people)
    return wanted / density if density else float("inf")


def _driven(store: Store, units: _Units, words, by_word, rooms, person_words, counts, is_hit,
            index_cost: float) -> dict[str, tuple] | None:
    """Every hit of a query of several words, from the households that its rarest word matches
    (through an owner, a room or a place), each then checked for every word on its owners' texts.
    None when no word is rare enough for that to beat the index's answer for every word."""
    found = {n: count for (n, _w, _c), count in zip(person_words, counts)}
    per_unit = 14  # households a unit has, about
    best, best_cost = None, index_cost / 2
    for n in range(len(words)):
        cost = WALK_COST * found.get(n, 0) + 2 * per_unit * len(by_word[n])
        if cost < best_cost and n in rooms:
            cost += 2 * store.db.execute("SELECT count(*) FROM (SELECT 1 FROM household WHERE room = ? LIMIT ?)",
                                         [rooms[n], int(best_cost)]).fetchone()[0]
        if cost < best_cost and (n in found or n in rooms or by_word[n]):
            best, best_cost = n, cost
    if best is None:
        return None
    candidates: dict[str, list] = {}  # household id → [unit, floor, room]
    if best in found:
        word = next(w for w in person_words if w[0] == best)
        for household, (unit, floor, room, _mask) in _person_matches(store, [word]).items():
            candidates[household] = [unit, floor, room]
    sources = []
    if best in rooms:  # +deleted: the index on room leads
        sources.append(("SELECT id, unit_id, floor, room FROM household WHERE +deleted = 0 AND room = ?", rooms[best]))
    if by_word[best]:
        sources.append(("SELECT id, unit_id, floor, room FROM household WHERE deleted = 0"
                        " AND unit_id IN (SELECT value FROM json_each(?))", _json(units.ids[r] for r in by_word[best])))
    for sql, param in sources:
        for household, unit, floor, room in store.db.execute(sql, [param]):
            candidates.setdefault(household, [unit, floor, room])
    masks = _owner_masks(store, list(candidates), person_words)
    hits = {}
    for household, (unit, floor, room) in candidates.items():
        rank = units.rank.get(unit)
        if rank is not None and is_hit(rank, room, masks.get(household, 0)):
            hits[household] = (rank, floor, len(room), room, household)
    return hits


def _owner_masks(store: Store, households: list[str], person_words) -> dict[str, int]:
    """Household → the person words (as bits) that its living owners' texts contain (as instr)."""
    masks: dict[str, int] = {}
    for start in range(0, len(households), 20_000):
        for household, *texts in store.db.execute(
                "SELECT o.household_id, d.name, d.phone, d.initials, d.full FROM ownership o"
                " JOIN person p ON p.id = o.person_id AND p.deleted = 0 JOIN search_doc d ON d.person_id = p.id"
                " WHERE o.deleted = 0 AND o.household_id IN (SELECT value FROM json_each(?))",
                [_json(households[start:start + 20_000])]):
            bits = sum(1 << n for n, w, columns in person_words if any(w in texts[_DOC.index(c)] for c in columns))
            masks[household] = masks.get(household, 0) | bits
    return masks


def _walk_scope(units: _Units, words, by_word, rooms, person_words) -> tuple[list[int], list[str] | None]:
    """The units a walk must visit (those matching every word only a place can match) and the
    rooms a hit may have (when a word only a room can match; None: any)."""
    people = {n for n, _w, _c in person_words}
    places = [by_word[n] for n in range(len(words)) if n not in people and n not in rooms]
    ranks = sorted(frozenset.intersection(*places)) if places else list(range(len(units.ids)))
    only_rooms = [{room} for n, room in rooms.items() if n not in people and not by_word[n]]
    return ranks, sorted(set.intersection(*only_rooms)) if only_rooms else None


def _place_hits(store: Store, units: _Units, allowed: frozenset[int] | None, rooms: list[str],
                by_place, wanted: int) -> dict[str, tuple]:
    """At least the first `wanted` households matched by place and room alone (their unit matches
    every non-room word): a rare room straight from its index, otherwise a walk down the tree."""
    if allowed is None:  # room words only: a walk over every unit, unless the room is rare
        marks = ", ".join("?" * len(rooms))
        if store.db.execute(f"SELECT count(*) FROM (SELECT 1 FROM household WHERE room IN ({marks}) LIMIT ?)",
                            [*rooms, DENSE]).fetchone()[0] < DENSE:
            hits = {}  # +deleted: the index on room leads
            for household, unit, floor, room in store.db.execute(
                    f"SELECT id, unit_id, floor, room FROM household WHERE +deleted = 0 AND room IN ({marks})", rooms):
                rank = units.rank.get(unit)
                if rank is not None and by_place(rank, room):
                    hits[household] = (rank, floor, len(room), room, household)
            return hits
    ranks = sorted(allowed) if allowed is not None else list(range(len(units.ids)))
    return _walk(store, units, ranks, rooms or None, [], lambda rank, room, _mask: by_place(rank, room),
                 wanted, None) or {}


def _json(values) -> str:
    import json

    return json.dumps(list(values), ensure_ascii=False)


def _hits(store: Store, units: _Units, household_ids: list[str]) -> list[SearchHit]:
    if not household_ids:
        return []
    rows = store.db.execute(
        """SELECT h.id, h.unit_id, h.room,
                  (SELECT group_concat(name, '、') FROM (SELECT p.name FROM ownership o JOIN person p ON p.id = o.person_id
                    WHERE o.household_id = h.id AND o.deleted = 0 AND p.name != '' ORDER BY o.signer DESC, o.role DESC)),
                  (SELECT group_concat(phone, '、') FROM (SELECT p.phone FROM ownership o JOIN person p ON p.id = o.person_id
                    WHERE o.household_id = h.id AND o.deleted = 0 AND p.phone != '' ORDER BY o.signer DESC, o.role DESC))
           FROM household h WHERE h.id IN (SELECT value FROM json_each(?))""", [_json(household_ids)]).fetchall()
    by_id = {r[0]: r for r in rows}
    result = []
    for hid in household_ids:
        r = by_id[hid]
        result.append(SearchHit(hid, r[1], units.addresses[units.rank[r[1]]], r[2], r[3] or "", r[4] or ""))
    return result
