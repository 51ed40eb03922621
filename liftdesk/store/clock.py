"""Wall-clock times (ISO 8601 UTC) and hybrid logical clock stamps.

An HLC stamp orders changes across stations even when their clocks disagree: it never goes
backwards on one station and moves past any stamp it has seen from another. Stamps are text that
sorts correctly: 13-digit milliseconds, 4-hex counter, station id.
"""

from __future__ import annotations

import threading
import time
from datetime import datetime, timezone
from typing import Callable


def utc_now_iso(now_ms: int | None = None) -> str:
    ms = time.time_ns() // 1_000_000 if now_ms is None else now_ms
    return datetime.fromtimestamp(ms / 1000, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def parse_hlc(stamp: str) -> tuple[int, int, str]:
    ms, counter, station = stamp.split("-", 2)
    return int(ms), int(counter, 16), station


class Clock:
    def __init__(self, station_id: str, now_ms: Callable[[], int] | None = None, last_stamp: str | None = None):
        self.station_id = station_id
        self._now_ms = now_ms or (lambda: time.time_ns() // 1_000_000)
        self._ms, self._counter = 0, 0
        self._lock = threading.Lock()
        if last_stamp:
            self.observe(last_stamp)

    def now_ms(self) -> int:
        return self._now_ms()

    def now_iso(self) -> str:
        return utc_now_iso(self._now_ms())

    def tick(self) -> str:
        with self._lock:
            wall = self._now_ms()
            if wall > self._ms:
                self._ms, self._counter = wall, 0
            else:
                self._counter += 1
                if self._counter > 0xFFFF:
                    self._ms, self._counter = self._ms + 1, 0
            return f"{self._ms:013d}-{self._counter:04x}-{self.station_id}"

    def observe(self, stamp: str) -> None:
        """Move past a stamp seen elsewhere (another station, or this file's own history)."""
        ms, counter, _ = parse_hlc(stamp)
        with self._lock:
            if (ms, counter) > (self._ms, self._counter):
                self._ms, self._counter = ms, counter
