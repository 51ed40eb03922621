"""A backup (or a check) made while this process has the database open must not release that
connection's SQLite locks. POSIX locks belong to the process: closing ANY descriptor of the file
(a header read with open()/close()) releases them all. Another process closing its last connection
then took the EXCLUSIVE lock, checkpointed past our readers and deleted the WAL: the flaky
concurrent-import test's backup failed its check ("不是完好的 LiftDesk 数据库") or hit "disk I/O
error", and a write made afterwards went into a WAL nobody else reads."""

import os
import sqlite3
import subprocess
import sys

import pytest

from liftdesk.store import backup, checks, locksafe

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX record locks (Windows locks are per handle)")
SHARED_FIRST, SHARED_SIZE = 0x40000000 + 2, 510  # SQLite's lock bytes (os_unix.c)

# In another process: could it lock the SHARED range for writing, i.e. does nobody hold SHARED?
PROBE = f"""
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR)
try:
    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, {SHARED_SIZE}, {SHARED_FIRST}, os.SEEK_SET)
    print("free")
except OSError:
    print("held")
"""

# In another process: open, read and close, as a CLI command does (the last one out checkpoints
# and deletes the WAL when it gets the EXCLUSIVE lock), then what it sees of the meta row.
LAST_OUT = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("SELECT count(*) FROM liftdesk_meta").fetchone()
conn.close()
conn = sqlite3.connect(sys.argv[1])
print(conn.execute("SELECT value FROM liftdesk_meta WHERE key = 'probe'").fetchone())
conn.close()
"""


def _shared_lock(db_path) -> str:
    return subprocess.run([sys.executable, "-c", PROBE, str(db_path)], capture_output=True, text=True,
                          check=True).stdout.strip()


def test_a_backup_made_while_the_store_is_open_keeps_its_lock(store, unit, db_path):
    assert _shared_lock(db_path) == "held"  # the open store's WAL-mode SHARED lock
    backup.make_backup(db_path, "import", second=False)  # check, snapshot, compress, verify, thin
    assert _shared_lock(db_path) == "held"
    checks.run_check(db_path, full=False)  # the background open check reads the file the same way
    assert _shared_lock(db_path) == "held"


def test_a_write_after_a_backup_is_seen_by_the_next_program(unit, db_path, tmp_path):
    held = sqlite3.connect(db_path, isolation_level=None)  # a program's connection, open all along
    try:
        held.execute("SELECT count(*) FROM liftdesk_meta").fetchone()
        backup.make_backup(db_path, "import", second=False)
        subprocess.run([sys.executable, "-c", LAST_OUT, str(db_path)], check=True, capture_output=True)
        held.execute("INSERT OR REPLACE INTO liftdesk_meta (key, value) VALUES ('probe', 'written')")
        seen = subprocess.run([sys.executable, "-c", LAST_OUT, str(db_path)], capture_output=True, text=True,
                              check=True).stdout.strip()
    finally:
        held.close()
    assert seen == "('written',)"  # the write is in the WAL everyone reads, not in a deleted one


def test_a_header_is_read_through_the_descriptor_sqlite_holds(tmp_path):
    path = tmp_path / "x.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    held = locksafe.held_descriptors(os.stat(path))
    assert held  # SQLite's own
    assert locksafe.read_head(path, 16) == b"SQLite format 3\x00"
    assert locksafe.read_at(path, 16, 2) == (4096).to_bytes(2, "big")  # the page size, at offset 16
    assert locksafe.held_descriptors(os.stat(path)) == held  # nothing opened or closed beside them
    conn.close()
    assert locksafe.held_descriptors(os.stat(path)) == []
    assert locksafe.read_head(path, 6) == b"SQLite"  # no descriptor: a plain open and close
