"""Globally unique, time-ordered text ids (UUIDv7 layout): stations create records offline and
the district merges them, so ids can never be integers handed out by one database."""

from __future__ import annotations

import random
import threading
import time
from typing import Callable

_RAND_BITS = 74
_RAND_MASK = (1 << _RAND_BITS) - 1


class IdFactory:
    """Makes UUIDv7 strings that sort in creation order, even within one millisecond.

    `now_ms` and `rng` are injectable so the demo district is reproducible for a seed.
    """

    def __init__(self, now_ms: Callable[[], int] | None = None, rng: random.Random | None = None):
        self._now_ms = now_ms or (lambda: time.time_ns() // 1_000_000)
        self._rng = rng or random.SystemRandom()
        self._last = 0
        self._lock = threading.Lock()

    def new(self) -> str:
        with self._lock:
            value = (self._now_ms() << _RAND_BITS) | self._rng.getrandbits(_RAND_BITS)
            if value <= self._last:
                value = self._last + 1
            self._last = value
        ms, rand = value >> _RAND_BITS, value & _RAND_MASK
        n = (ms << 80) | (0x7 << 76) | ((rand >> 62) << 64) | (0b10 << 62) | (rand & ((1 << 62) - 1))
        h = f"{n:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def id_time_ms(record_id: str) -> int:
    return int(record_id.replace("-", "")[:12], 16)
