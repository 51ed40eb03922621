"""Files that appear under their final name only after their record is committed.

A document is written to a hidden `.NAME~SERIAL~PID.part` beside its target, the printed-document
record is committed, and only then is the file renamed into place: a PDF a person can see always
has its serial in the database. A run that fails before the commit removes its hidden files; one
that is killed leaves them, and the next run in that folder sweeps them (a file whose serial was
committed is put in place, any other removed) — never a file of a run still alive."""

from __future__ import annotations

import logging
import os
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from liftdesk.common.processes import process_alive
from liftdesk.common.outputs import write_error

log = logging.getLogger(__name__)

_PART = re.compile(r"\.(?P<name>.+)~(?P<serial>[A-Z0-9-]*)~(?P<pid>\d+)~[0-9a-f]+\.part$")
_OLD_PART = re.compile(r"\..+-[a-z0-9_]+\.part$")  # write_atomic's leftovers (no pid): removed when old
OLD_AGE_S = 3600


@dataclass(frozen=True)
class Staged:
    tmp: Path
    target: Path


def stage(target: Path, data: bytes, serial: str = "", sync: bool = False) -> Staged:
    """Write DATA to a hidden file beside TARGET (made durable with SYNC); nothing visible yet."""
    target = Path(target)
    tmp = target.with_name(f".{target.name}~{serial}~{os.getpid()}~{secrets.token_hex(3)}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "xb") as fh:
            fh.write(data)
            if sync:
                fh.flush()
                os.fsync(fh.fileno())
    except OSError as exc:
        _remove(tmp)
        raise write_error(exc, target.parent, len(data)) from None
    return Staged(tmp, target)


def publish(staged: Staged) -> Path:
    """Rename into place (after the record is committed)."""
    try:
        os.replace(staged.tmp, staged.target)
    except OSError as exc:
        raise write_error(exc, staged.target.parent, 0) from None
    return staged.target


def discard(items: list[Staged]) -> int:
    """Remove hidden files whose records were never committed; how many there were."""
    for staged in items:
        _remove(staged.tmp)
    return len(items)


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        log.warning("could not remove a half-written file")


def sweep(folder: Path, recorded: Callable[[str], bool]) -> tuple[int, int]:
    """Leftovers of killed runs in FOLDER: a hidden file whose serial is RECORDED is put in place,
    any other removed. Returns (put in place, removed)."""
    placed = removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0, 0
    for name in names:
        path = Path(folder) / name
        m = _PART.fullmatch(name)
        if m:
            if process_alive(int(m.group("pid"))):
                continue
            target = path.with_name(m.group("name"))
            if m.group("serial") and recorded(m.group("serial")) and not target.exists():
                try:
                    os.replace(path, target)
                    placed += 1
                    continue
                except OSError:
                    pass
            _remove(path)
            removed += 1
        elif _OLD_PART.fullmatch(name):
            try:
                if time.time() - path.stat().st_mtime > OLD_AGE_S:
                    _remove(path)
                    removed += 1
            except OSError:
                pass
    return placed, removed
