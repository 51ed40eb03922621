"""Reading a database file's bytes without releasing SQLite's locks on it.

POSIX record locks belong to a process and a file, not to a descriptor: closing ANY descriptor of a
file releases every lock the process holds on it, SQLite's included (sqlite.org/howtocorrupt.html,
2.2). A header read with open()/close() while this process has a connection to the database drops
that connection's SHARED lock without SQLite knowing. Another process closing its last connection
then gets the EXCLUSIVE lock, believes itself alone, checkpoints past our readers and deletes the
WAL under them: a backup's snapshot torn ("disk I/O error", or a backup that fails its check), and
writes of ours made into a WAL nobody reads any more.

So a file this process already holds a descriptor of is read through that descriptor (`pread`,
which moves no file offset, and never closed here); only a file the process has no descriptor of,
and therefore no lock on, is opened and closed.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_FD_DIRS = ("/proc/self/fd", "/dev/fd")  # Linux; macOS and the BSDs


def read_head(path: str | Path, size: int) -> bytes:
    """The first SIZE bytes of PATH (fewer when it is shorter). Raises OSError like open()."""
    return read_at(path, 0, size)


def read_at(path: str | Path, offset: int, size: int) -> bytes:
    """SIZE bytes of PATH from OFFSET, without closing a descriptor of a file this process holds."""
    st = os.stat(path)
    if os.name == "posix" and stat.S_ISREG(st.st_mode):
        for fd in held_descriptors(st):
            data = _pread_same(fd, st, offset, size)
            if data is not None:
                return data
    with open(path, "rb") as fh:  # no descriptor of ours: no lock of ours that closing could release
        fh.seek(offset)
        return fh.read(size)


def held_descriptors(st: os.stat_result) -> list[int]:
    """This process's open descriptors of the file ST describes (none known where the system does
    not list them: then there is no such trouble to avoid, as on Windows)."""
    for folder in _FD_DIRS:
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        found = []
        for name in names:
            try:
                fd = int(name)
                other = os.fstat(fd)
            except (ValueError, OSError):
                continue  # the listing's own descriptor, or one closed since
            if other.st_ino == st.st_ino and other.st_dev == st.st_dev:
                found.append(fd)
        return found
    return []


def _pread_same(fd: int, st: os.stat_result, offset: int, size: int) -> bytes | None:
    """Read through FD unless it is write-only or was closed (and perhaps reused for another
    file) by another thread meanwhile; None then."""
    try:
        data = os.pread(fd, size, offset)
        after = os.fstat(fd)
    except OSError:
        return None
    return data if (after.st_ino, after.st_dev) == (st.st_ino, st.st_dev) else None


class HeldFile:
    """A file read only through a descriptor this process already holds (a connection's to the
    database being read), never opening or closing one: for reading a live database's bytes while
    SQLite's locks on it must stay. Each read makes sure the descriptor still is that file."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.stat = os.stat(path)
        self.fd: int | None = None
        if os.name != "posix" or not held_descriptors(self.stat):
            raise OSError(errno.EBADF, "this process holds no descriptor of the file", str(path))

    def read_at(self, offset: int, size: int) -> bytes:
        if self.fd is not None:
            data = _pread_same(self.fd, self.stat, offset, size)
            if data is not None:
                return data
        for fd in held_descriptors(self.stat):
            data = _pread_same(fd, self.stat, offset, size)
            if data is not None:
                self.fd = fd
                return data
        raise OSError(errno.EBADF, "no descriptor of the file is held any more", str(self.path))
