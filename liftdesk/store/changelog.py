"""The change log as it is kept on disk (migration 0110): compact rows in `change_entry`, read
through the view `change_log`, which shows every column the log always had.

What is stored, and why it is enough:
  - an insert keeps no copy of the record's content: the record itself is the content. What the
    insert wrote is the record now, with every field a later change touched set back to that
    change's `old` value (`insert_contents`). A file migrated from the old layout keeps a
    content only where that reconstruction would not give it back exactly;
  - the HLC is one integer, milliseconds << 16 | counter (`hlc_int`), the station a small integer
    into `log_station`; the text stamp of the old layout is shown by the view;
  - there is no `at` column: the time shown is the HLC's (the tick of the change).
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Iterable

from .clock import parse_hlc
from .stamps import STORED_FIELDS
from .validation import stored_value

COUNTER_BITS = 16

# The first layout (migration 0110), kept as 0110 wrote it: 0153 turns it into the one below.
# The view: the old columns (and `hlc_n`, the integer stamp, for readers that need its index).
# Stations are scalar subqueries, not joins, so `max(seq)` and `count(*)` stay single-table.
VIEW_SQL_V1 = """CREATE VIEW change_log AS SELECT
    c.seq AS seq, c.tbl AS tbl, c.record_id AS record_id, c.op AS op, c.field AS field, c.old AS old, c.new AS new,
    strftime('%Y-%m-%dT%H:%M:%S', (c.hlc >> 16) / 1000, 'unixepoch') || printf('.%03dZ', (c.hlc >> 16) % 1000) AS at,
    printf('%013d-%04x-%s', c.hlc >> 16, c.hlc & 65535,
           (SELECT s.station_id FROM log_station s WHERE s.n = coalesce(c.hlc_station, c.station))) AS hlc,
    (SELECT s.station_id FROM log_station s WHERE s.n = c.station) AS station_id,
    c.actor AS actor, c.action_id AS action_id, c.hlc AS hlc_n
FROM change_entry c"""

TABLE_SQL_V1 = """CREATE TABLE change_entry (
    seq INTEGER PRIMARY KEY,
    tbl TEXT NOT NULL,
    record_id TEXT NOT NULL,
    op TEXT NOT NULL,
    field TEXT,
    old TEXT,
    new TEXT,
    hlc INTEGER NOT NULL,
    station INTEGER NOT NULL REFERENCES log_station(n),
    hlc_station INTEGER REFERENCES log_station(n),
    actor TEXT NOT NULL DEFAULT '',
    action_id TEXT
)"""

STATION_SQL = "CREATE TABLE log_station (n INTEGER PRIMARY KEY, station_id TEXT NOT NULL UNIQUE)"

INDEX_SQL_V1 = (
    # ids are unique across tables (UUIDs): the table name need not be repeated in the index
    "CREATE INDEX idx_change_entry_record ON change_entry(record_id)",
    "CREATE INDEX idx_change_entry_hlc ON change_entry(hlc)",
    "CREATE INDEX idx_change_entry_action ON change_entry(action_id) WHERE action_id IS NOT NULL",
)

# Since 0153 a record's rows are found by the last KEY_LEN characters of its id (the random end of
# either id form; 7 bytes an entry instead of 17): a query names `record_key` (use `key()`), and
# `+record_id` to drop the rare other record with the same tail (the `+`: SQLite would otherwise
# put the id into the key's expression, which then no longer matches the index).
KEY_LEN = 6
INDEX_SQL = (
    f"CREATE INDEX idx_change_entry_record ON change_entry(substr(record_id, -{KEY_LEN}))",
    "CREATE INDEX idx_change_entry_hlc ON change_entry(hlc)",
    "CREATE INDEX idx_change_entry_action ON change_entry(action_id) WHERE action_id IS NOT NULL",
)

COLUMNS_V1 = "tbl, record_id, op, field, old, new, hlc, station, hlc_station, actor, action_id"


# Since 0153: a row's table, operation and actor are small integers into `log_name` (they were a
# tenth of every row as text); the view shows the text as before.
NAME_SQL = "CREATE TABLE log_name (n INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"

_NAME = "(SELECT x.name FROM log_name x WHERE x.n = c.{0})"
VIEW_SQL = f"""CREATE VIEW change_log AS SELECT
    c.seq AS seq, {_NAME.format('tbl')} AS tbl, c.record_id AS record_id, {_NAME.format('op')} AS op,
    c.field AS field, c.old AS old, c.new AS new,
    strftime('%Y-%m-%dT%H:%M:%S', (c.hlc >> 16) / 1000, 'unixepoch') || printf('.%03dZ', (c.hlc >> 16) % 1000) AS at,
    printf('%013d-%04x-%s', c.hlc >> 16, c.hlc & 65535,
           (SELECT s.station_id FROM log_station s WHERE s.n = coalesce(c.hlc_station, c.station))) AS hlc,
    (SELECT s.station_id FROM log_station s WHERE s.n = c.station) AS station_id,
    coalesce({_NAME.format('actor')}, '') AS actor, c.action_id AS action_id, c.hlc AS hlc_n,
    substr(c.record_id, -{KEY_LEN}) AS record_key, c.station AS station_n
FROM change_entry c"""

TABLE_SQL = """CREATE TABLE change_entry (
    seq INTEGER PRIMARY KEY,
    tbl INTEGER NOT NULL REFERENCES log_name(n),
    record_id TEXT NOT NULL,
    op INTEGER NOT NULL REFERENCES log_name(n),
    field TEXT,
    old TEXT,
    new TEXT,
    hlc INTEGER NOT NULL,
    station INTEGER NOT NULL REFERENCES log_station(n),
    hlc_station INTEGER REFERENCES log_station(n),
    actor INTEGER REFERENCES log_name(n),
    action_id TEXT
)"""

COLUMNS = "tbl, record_id, op, field, old, new, hlc, station, hlc_station, actor, action_id"


def hlc_int(stamp: str) -> int:
    """A text stamp's order as one integer (the station part is kept apart)."""
    ms, counter, _ = parse_hlc(stamp)
    return ms << COUNTER_BITS | counter


def hlc_floor(stamp: str | None) -> int:
    """The integer below which no stamp sorts after `stamp` ("" and "0" mean: everything)."""
    try:
        return hlc_int(stamp or "")
    except ValueError:
        return 0


def hlc_text(value: int, station_id: str) -> str:
    return f"{value >> COUNTER_BITS:013d}-{value & 0xFFFF:04x}-{station_id}"


def at_of(value: int) -> str:
    """The time a stamp shows (the view's `at`), in the format of Clock.now_iso."""
    ms = value >> COUNTER_BITS
    return datetime.fromtimestamp(ms // 1000, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S") + f".{ms % 1000:03d}Z"


def _refs(db, table: str, column: str, values: Iterable[str]) -> dict[str, int]:
    """The small integers standing for VALUES in TABLE (added on first use)."""
    wanted = sorted(set(values))
    refs: dict[str, int] = {}
    for attempt in range(2):
        for i in range(0, len(wanted), 900):
            chunk = wanted[i:i + 900]
            refs.update((s, n) for n, s in db.conn.execute(
                f"SELECT n, {column} FROM {table} WHERE {column} IN ({', '.join('?' for _ in chunk)})", chunk))
        missing = [s for s in wanted if s not in refs]
        if not missing:
            break
        db.conn.executemany(f"INSERT OR IGNORE INTO {table} ({column}) VALUES (?)", [(s,) for s in missing])
    return refs


def station_refs(db, station_ids: Iterable[str]) -> dict[str, int]:
    """The small integers standing for stations in the log."""
    return _refs(db, "log_station", "station_id", station_ids)


def name_refs(db, names: Iterable[str]) -> dict[str, int]:
    """The small integers standing for table names, operations and actors in the log."""
    return _refs(db, "log_name", "name", names)


def key(record_id: str) -> str:
    """What the log's record index holds of an id (`record_key` in the view)."""
    return record_id[-KEY_LEN:]


def append(db, rows: list[tuple]) -> None:
    """Write log rows given in the old shape (tbl, record_id, op, field, old, new, at, hlc,
    station_id, actor, action_id). `at` is not kept (the HLC's time is shown); an insert keeps no
    content (the record is the content)."""
    if not rows:
        return
    stamps = [parse_hlc(r[7]) for r in rows]
    refs = station_refs(db, [r[8] for r in rows] + [s for _, _, s in stamps])
    names = name_refs(db, [r[0] for r in rows] + [r[2] for r in rows] + [r[9] for r in rows if r[9]])
    out = []
    for r, (ms, counter, hlc_station) in zip(rows, stamps):
        tbl, rid, op, fld, old, new, _at, _hlc, station_id, actor, action_id = r
        out.append((names[tbl], rid, names[op], fld, old, None if op == "insert" else new,
                    ms << COUNTER_BITS | counter, refs[station_id],
                    None if hlc_station == station_id else refs[hlc_station], names[actor] if actor else None,
                    action_id))
    db.conn.executemany(f"INSERT INTO change_entry ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", out)
    top = max(zip(out, rows), key=lambda pair: (pair[0][6], pair[1][7]))[1][7]
    db.conn.execute("INSERT INTO liftdesk_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE"
                    " SET value = max(value, excluded.value)", [TOP_KEY, top])


# The highest stamp in the log, kept as the log grows (0155): the clock starts past it on every open,
# and an index over every row's stamp (a twentieth of the file) is not needed for that.
TOP_KEY = "log.top_hlc"

# A station's rows are found through `idx_change_entry_station` (0155): name `station_n`.
STATION_N = "station_n = (SELECT n FROM log_station WHERE station_id = ?)"


def latest_hlc(db, station_id: str | None = None, upto_seq: int | None = None) -> str | None:
    """The highest stamp in the log (of one station, up to a sequence number)."""
    if station_id is None and upto_seq is None:
        row = db.execute("SELECT value FROM liftdesk_meta WHERE key = ?", [TOP_KEY]).fetchone()
        if row is not None:
            return row[0] or None
    where, params = [], []
    if station_id is not None:
        where.append(STATION_N)
        params.append(station_id)
    if upto_seq is not None:
        where.append("seq <= ?")
        params.append(upto_seq)
    sql = "SELECT hlc FROM change_log" + (" WHERE " + " AND ".join(where) if where else "")
    row = db.execute(sql + " ORDER BY hlc_n DESC LIMIT 1", params).fetchone()
    return row[0] if row else None


def top_seq(db) -> int:
    return db.execute("SELECT coalesce(max(seq), 0) FROM change_entry").fetchone()[0]


# --- an insert's content ----------------------------------------------------------------------

# A record's stamps, shown or stored, are not its content.
COMMON_FIELDS = ("id", "created_at", "updated_at", "station_id", "hlc", "deleted", *STORED_FIELDS)


def _declared(db, table: str, cache: dict) -> dict[str, str]:
    if table not in cache:
        cache[table] = {r[1]: (r[2] or "").upper() for r in db.execute(f"PRAGMA table_info({table})")}
    return cache[table]


def insert_contents(db, table: str, inserts: list[tuple[str, int]]) -> dict[str, dict[str, Any]]:
    """What each insert (record id, its log seq) wrote: the record now, with every field a later
    logged change touched set back to the `old` of the first such change. A purge's rows keep no
    old value (erasure): the record's placeholder stands. Records missing here are left out."""
    cache: dict = {}
    declared = _declared(db, table, cache)
    # the log as migration 0110 reads it while it converts an older file has no `record_key` yet
    has_key = "record_key" in {r[1] for r in db.execute("PRAGMA table_info(change_log)")}
    out: dict[str, dict[str, Any]] = {}
    ids = [rid for rid, _ in inserts]
    after = dict(inserts)
    for i in range(0, len(ids), 900):
        chunk = ids[i:i + 900]
        marks = ", ".join("?" for _ in chunk)
        by_key = f"record_key IN ({marks}) AND +" if has_key else ""
        cur = db.execute(f"SELECT * FROM {table} WHERE id IN ({marks})", chunk)
        names = [d[0] for d in cur.description]
        kept, at_id = [(i, n) for i, n in enumerate(names) if n not in COMMON_FIELDS], names.index("id")
        for row in cur.fetchall():
            out[row[at_id]] = {n: row[i] for i, n in kept}
        seen: set[tuple[str, str]] = set()
        for rid, seq, op, fld, old in db.execute(
                f"SELECT record_id, seq, op, field, old FROM change_log WHERE tbl = ? AND {by_key}record_id IN ({marks})"
                " AND field IS NOT NULL ORDER BY seq", [table, *(map(key, chunk) if by_key else ()), *chunk]):
            if rid not in out or seq <= after[rid] or (rid, fld) in seen or fld in COMMON_FIELDS:
                continue
            seen.add((rid, fld))
            if op == "purge" and old is None:
                continue
            if fld in declared:
                out[rid][fld] = stored_value(old, declared[fld])
    return out


def content_text(values: dict[str, Any]) -> str:
    """An insert's content as the log and sync files have always written it."""
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


_NO_DEFAULT = object()


def _default(declared: str | None, notnull: int) -> Any:
    """A column's default as a value (what an INSERT that leaves the column out writes)."""
    if declared is None:
        return _NO_DEFAULT if notnull else None
    if len(declared) >= 2 and declared[0] == declared[-1] == "'":
        return declared[1:-1].replace("''", "'")
    try:
        return int(declared)
    except ValueError:
        return _NO_DEFAULT   # an expression: always written out


def defaults(db, table: str) -> dict[str, Any]:
    return {r[1]: _default(r[4], r[3]) for r in db.execute(f"PRAGMA table_info({table})")}


def without_defaults(values: dict[str, Any], table_defaults: dict[str, Any]) -> dict[str, Any]:
    """The values an insert has to name: a column left out takes its default on every station."""
    return {k: v for k, v in values.items()
            if not (k in table_defaults and type(v) is type(table_defaults[k]) and v == table_defaults[k])}


def fill_inserts(db, changes: list) -> None:
    """Give every insert read from the log its content (the `new` the old layout kept): the
    record's values at the insert, without those that equal the column's default."""
    by_table: dict[str, list] = {}
    for ch in changes:
        if ch.op == "insert" and ch.new is None:
            by_table.setdefault(ch.table, []).append(ch)
    for table, group in by_table.items():
        contents = insert_contents(db, table, [(ch.record_id, ch.seq) for ch in group])
        table_defaults = defaults(db, table)
        for ch in group:
            if ch.record_id in contents:
                ch.new = content_text(without_defaults(contents[ch.record_id], table_defaults))
                ch.parsed = None
