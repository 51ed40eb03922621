"""How a record's stamps are kept (migration 0151_compact_stamps).

Every record carries when it was made (`created_at`), when it last changed (`updated_at`), which
station changed it last (`station_id`) and the change's HLC stamp (`hlc`). As text they were 80
of a typical record's 150 bytes, and the HLC already holds the time of the last change. Now the
file keeps `created_ms` (milliseconds), `hlc_n` (the stamp's milliseconds << 16 | counter, as
the change log keeps it) and `hlc_station` (only when the stamp's station is not `station_id`);
`created_at`, `updated_at` and `hlc` are generated columns that read exactly as before, so every
query, index and sync file still sees the text. Only writers see the difference: they write the
stored columns, through `stored()`.

Most records are never changed after they are made, and then their creation time is their
stamp's: `created_ms` is left NULL, and the first change that moves the stamp keeps the old time
(`KEEP_CREATED`, in every statement that writes `hlc_n`).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from .clock import parse_hlc

COUNTER_BITS = 16
# What a record's stamps are called in queries, sync files and the change log.
COMMON_FIELDS = ("id", "created_at", "updated_at", "station_id", "hlc", "deleted")
# What the file stores instead (never written by a change or carried by sync).
STORED_FIELDS = ("created_ms", "hlc_n", "hlc_station")

_ISO = "strftime('%Y-%m-%dT%H:%M:%S', ({ms}) / 1000, 'unixepoch') || printf('.%03dZ', ({ms}) % 1000)"
GENERATED = {
    "created_at": _ISO.format(ms="coalesce(created_ms, hlc_n >> 16)"),
    "updated_at": _ISO.format(ms="hlc_n >> 16"),
    "hlc": "printf('%013d-%04x-%s', hlc_n >> 16, hlc_n & 65535, coalesce(hlc_station, station_id))",
}


# Set with every new stamp: a record that had none of its own keeps its creation time.
KEEP_CREATED = "created_ms = coalesce(created_ms, hlc_n >> 16)"


def moment_ms(text: str) -> int:
    """An ISO 8601 moment (as Clock.now_iso writes it, or with an offset; naive means UTC) in ms."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    delta = moment - datetime(1970, 1, 1, tzinfo=timezone.utc)
    return (delta.days * 86_400 + delta.seconds) * 1000 + delta.microseconds // 1000


def hlc_int(stamp: str) -> int:
    ms, counter, _ = parse_hlc(stamp)
    return ms << COUNTER_BITS | counter


def hlc_station(stamp: str, station_id: str) -> str | None:
    """The stamp's station where it is not the record's `station_id` (almost never)."""
    station = parse_hlc(stamp)[2]
    return None if station == station_id else station


def is_compact(columns: dict) -> bool:
    """Whether a table (its columns as PRAGMA table_info lists them) keeps the compact stamps."""
    return "hlc_n" in columns


def stored(values: dict[str, Any], compact: bool = True) -> dict[str, Any]:
    """A row to write, its text stamps turned into the stored columns (a copy; `updated_at` is the
    stamp's time and is dropped). A table not yet upgraded gets the row as it is."""
    if not compact:
        return values
    row = {k: v for k, v in values.items() if k not in ("created_at", "updated_at", "hlc")}
    if "created_at" in values:
        row["created_ms"] = moment_ms(values["created_at"])
        if "hlc" in values and row["created_ms"] == parse_hlc(values["hlc"])[0]:
            row["created_ms"] = None
    if "hlc" in values:
        row["hlc_n"] = hlc_int(values["hlc"])
        row["hlc_station"] = hlc_station(values["hlc"], values.get("station_id", ""))
    return row


def stamp_time(stamp: str) -> str:
    """The time of an HLC stamp, as Clock.now_iso writes times."""
    ms = parse_hlc(stamp)[0]
    return datetime.fromtimestamp(ms // 1000, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S") + f".{ms % 1000:03d}Z"
