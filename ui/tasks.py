"""The one way to run work off the UI thread. The operation gets the database path (it opens its
own connection: sqlite3 connections belong to their thread), a progress callback and a
cancelled() check; success and failure come back on the main thread as signals."""

from __future__ import annotations

import gc
import logging
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from liftdesk.errors import LiftDeskError

log = logging.getLogger(__name__)


class Cancelled(Exception):
    pass


class Task(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, fn: Callable[..., Any], *args: Any):
        super().__init__()
        self._fn, self._args = fn, args
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def cancelled(self) -> bool:
        return self._cancelled

    def _report(self, done: int, total: int) -> None:
        if self._cancelled:
            raise Cancelled()
        self.progress.emit(done, total)

    def _done(self) -> None:
        _running.discard(self)
        if not _running:
            gc.enable()
            gc.collect()

    def run(self) -> None:
        try:
            result = self._fn(*self._args, progress=self._report, cancelled=self.cancelled)
        except Cancelled:
            self.failed.emit("")
        except LiftDeskError as exc:
            self.failed.emit(str(exc))
        except Exception:  # unexpected: keep the report, tell the user
            log.error("background task failed:\n%s", traceback.format_exc())
            self.failed.emit(traceback.format_exc())
        else:
            self.succeeded.emit(result)
        finally:
            self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, task: Task):
        super().__init__()
        self.task = task

    def run(self) -> None:
        self.task.run()


_running: set[Task] = set()


def start(task: Task, pool: QThreadPool | None = None, priority: int = 0) -> Task:
    """Run TASK on the pool. While any task runs, Python's cycle collector is off: it would run in
    whichever thread allocates, and a worker that collects the GUI's Qt objects crashes the app.
    It runs again, on the main thread, when the last task has finished."""
    if not _running:
        gc.collect()
        gc.disable()
    _running.add(task)
    task.finished.connect(task._done)  # a method of the task, which lives on the main thread: queued there
    (pool or QThreadPool.globalInstance()).start(_Runnable(task), priority)
    return task
