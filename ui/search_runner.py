"""Search off the UI thread: queries run one at a time on a thread of their own, with a connection
of their own; a newer query makes the older ones stale (skipped if not started, interrupted if
running, their results dropped if they arrive anyway), so typing never waits and only the latest
query's results are shown. The same thread writes the search documents of new or changed people
in the background, in steps, between queries (after a sync import a street's worth)."""

from __future__ import annotations

import logging
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from liftdesk.errors import LiftDeskError
from liftdesk.places import search
from liftdesk.store import Store, open_store

from . import tasks

log = logging.getLogger(__name__)
STEP = 20_000  # persons per background step: about a second, then waiting queries go first
QUERY, KEYS = 1, 0  # pool priorities


@dataclass(frozen=True)
class SearchResult:
    generation: int
    query: str
    offset: int
    hits: list


class _Connection:
    """The search thread's store, opened there on first use (sqlite3 connections stay in their
    thread); interrupt() may be called from the UI thread."""

    def __init__(self, path: Path):
        self.path = path
        self._store: Store | None = None
        self._lock = threading.Lock()

    def store(self) -> Store:
        if self._store is None:
            store = open_store(self.path, defer_check=True)  # reads start at once; writes wait for the check
            with self._lock:
                self._store = store
        return self._store

    def interrupt(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.db.conn.interrupt()

    def close(self) -> None:
        with self._lock:
            store, self._store = self._store, None
        if store is not None:
            store.close()


def _search(connection: _Connection, generation: int, latest, query: str, offset: int, limit: int,
            *, progress, cancelled) -> SearchResult | None:
    if latest() != generation:
        return None  # typed over before it started
    store = connection.store()
    try:
        if not search.many_stale(store):  # people added a moment ago are found too (a mass is the
            search.refresh_keys(store)    # background steps' work); waits for the file's check
        hits = search.search_households(store, query, limit=limit, offset=offset, refresh=False)
    except sqlite3.OperationalError as exc:
        if latest() != generation:
            return None  # interrupted by a newer query
        raise LiftDeskError("db.cannot_open", path=str(connection.path), reason=str(exc)) from None
    return SearchResult(generation, query, offset, hits)


def _refresh_step(connection: _Connection, *, progress, cancelled) -> int:
    """One step of writing stale search documents; how many are left (-1: not yet writable)."""
    store = connection.store()
    if not store.db.sound_yet():
        return -1
    search.refresh_keys(store, progress=progress, most=STEP)
    return store.db.execute("SELECT count(*) FROM person_search_stale").fetchone()[0]


class SearchRunner(QObject):
    found = Signal(object)          # a SearchResult: the latest query's, never an older one's
    failed = Signal(str)
    keys_progress = Signal(int)     # search documents still to write (0: done)

    def __init__(self, path: str | Path, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one connection, one query at a time: the newest waits least
        self._pool.setExpiryTimeout(-1)  # the thread (and its connection) lives as long as the runner
        self._connection = _Connection(Path(path))
        self._latest = 0
        self._refreshing = False

    def submit(self, query: str, offset: int = 0, limit: int | None = None) -> int:
        """Search in the background; returns the query's generation. Older queries become stale."""
        self._latest += 1
        generation = self._latest
        self._connection.interrupt()  # a running older query stops where it is
        task = tasks.Task(_search, self._connection, generation, lambda: self._latest, query, offset,
                          limit or search.LIMIT)
        task.succeeded.connect(self._deliver)
        task.failed.connect(lambda text, g=generation: self.failed.emit(text) if text and g == self._latest else None)
        tasks.start(task, self._pool, QUERY)
        return generation

    def latest(self) -> int:
        return self._latest

    def _deliver(self, result: SearchResult | None) -> None:
        if result is None or result.generation != self._latest:
            return  # stale: a newer query is on its way
        self.found.emit(result)

    def refresh_keys(self) -> None:
        """Write every stale search document in the background, a step at a time (queries go between)."""
        if self._refreshing:
            return
        self._refreshing = True
        task = tasks.Task(_refresh_step, self._connection)
        task.succeeded.connect(self._refreshed)
        task.failed.connect(lambda _text: setattr(self, "_refreshing", False))
        tasks.start(task, self._pool, KEYS)

    def _refreshed(self, left: int) -> None:
        self._refreshing = False
        if left < 0:  # the file's check has not finished: writes wait for it, so try again soon
            QTimer.singleShot(500, self.refresh_keys)
            return
        self.keys_progress.emit(left)
        if left:
            self.refresh_keys()

    def close(self) -> None:
        """Stop: pending queries are dropped, the running one is interrupted, the connection closed
        (on the search thread, where it was opened)."""
        self._latest += 1
        self._pool.clear()
        self._connection.interrupt()
        self._pool.start(_Closer(self._connection))
        self._pool.waitForDone()


class _Closer(QRunnable):
    def __init__(self, connection: _Connection):
        super().__init__()
        self.connection = connection

    def run(self) -> None:
        self.connection.close()
