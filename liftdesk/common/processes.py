"""Whether a process still runs: leftovers (open markers, half-written backups, staged documents)
name the pid that wrote them, and only a dead writer's leftovers may be swept."""

from __future__ import annotations

import os


def process_alive(pid: int) -> bool:
    """True unless the process is known to be gone (one we may not signal still runs)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
