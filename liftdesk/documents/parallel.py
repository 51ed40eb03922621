"""Rendering a batch on every core. reportlab is pure Python, so one process draws one page at a
time; a street's batch is hundreds of independent PDFs, so on Linux it is split over forked worker
processes. The parent keeps everything that touches the database or the disk (preparing each
unit's story and serials, writing files, recording them); a worker only turns prepared stories
into PDF bytes and sends them back through a pipe. A fork inherits the stories as they are (no
pickling of flowables), and a worker whose parent dies ends at its next send.

Elsewhere (no fork, e.g. Windows) and for a handful of units the batch renders in this process.
`LIFTDESK_PRINT_WORKERS=1` forces that too (for comparison or debugging)."""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import traceback
import warnings
from multiprocessing.connection import wait
from typing import Callable, Iterable, Iterator

from liftdesk.errors import LiftDeskError

MIN_UNITS = 12         # below this a fork costs more than it saves
FIRST_ROUND = 16       # units per worker in the first round: workers start while the rest is prepared
LATER_ROUND = 64       # units per worker later on: few forks, bounded memory


class WorkerCrash(RuntimeError):
    """A bug inside a worker: its traceback, raised in the parent."""


def worker_count(units: int) -> int:
    """How many processes render a batch of UNITS."""
    setting = os.environ.get("LIFTDESK_PRINT_WORKERS", "").strip()
    if setting.isdigit():
        wanted = int(setting)
    else:
        wanted = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if units < MIN_UNITS or not sys.platform.startswith("linux"):
        return 1
    return max(1, min(wanted, 8, units // (MIN_UNITS // 2)))


def _work(jobs: list, mine: range, render: Callable, conn, inherited: list) -> None:
    """In the worker: render each of MINE, send (index, bytes, pages, None) or (index, None, None,
    error). A LiftDeskError travels as its key and parameters; anything else as a traceback.
    Ctrl+C is the parent's to handle: it stops the workers. The parent's read ends a fork copied
    in (its own pipe's and the workers' before it) are closed first: while a worker held one, a
    worker whose parent had died waited for ever on a full pipe instead of ending."""
    for end in inherited:
        end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for i in mine:
        key, sections = jobs[i]
        try:
            data, pages = render(sections)
            conn.send((key, data, pages, None))
        except LiftDeskError as exc:
            conn.send((key, None, None, ("error", exc.key, exc.params)))
        except (BrokenPipeError, EOFError):
            return  # the parent is gone: stop
        except Exception:
            conn.send((key, None, None, ("crash", traceback.format_exc())))
            return
    conn.close()


def _outcome(message: tuple) -> tuple:
    key, data, pages, error = message
    if error is None:
        return key, data, pages, None
    if error[0] == "crash":
        raise WorkerCrash(error[1])
    return key, None, None, LiftDeskError(error[1], **error[2])


def _fork_round(jobs: list, workers: int, render: Callable):
    """Start WORKERS processes over JOBS (interleaved, so each gets a fair share of big units)."""
    context = multiprocessing.get_context("fork")
    running = []
    gc.freeze()  # the collector in a worker would touch every inherited object and copy its page
    try:
        with warnings.catch_warnings():  # 3.12+ warns on fork in a threaded process; a worker only renders
            warnings.simplefilter("ignore", DeprecationWarning)
            for w in range(min(workers, len(jobs))):
                receive, send = context.Pipe(duplex=False)
                inherited = [r for _, r in running] + [receive]
                process = context.Process(target=_work, args=(jobs, range(w, len(jobs), workers), render, send,
                                                              inherited), daemon=True, name=f"liftdesk-print-{w}")
                process.start()
                send.close()
                running.append((process, receive))
    finally:
        gc.unfreeze()
    return running


def _stop(running) -> None:
    for process, receive in running:
        receive.close()
        if process.is_alive():
            process.terminate()
        process.join()


def _here(render: Callable, key: object, sections: list) -> tuple:
    """Render in this process: (key, data, pages, None), or (key, None, None, the refusal)."""
    try:
        data, pages = render(sections)
    except LiftDeskError as exc:
        return key, None, None, exc
    return key, data, pages, None


def render_many(jobs: Iterable[tuple[object, list]], render: Callable[[list], tuple[bytes, list[int]]],
                workers: int) -> Iterator[tuple[object, bytes | None, list[int] | None, LiftDeskError | None]]:
    """Render each (key, sections) of JOBS with RENDER; yield (key, data, pages, error) as each is
    done, not in order. JOBS is consumed lazily, in this process, so preparing the next units
    overlaps the workers' rendering. Closing the iterator early (a cancel) stops the workers."""
    if workers <= 1:
        for key, sections in jobs:
            yield _here(render, key, sections)
        return
    source = iter(jobs)
    for key, sections in source:  # the first here: it warms the caches every worker then inherits
        outcome = _here(render, key, sections)
        yield outcome
        if outcome[3] is None:
            break
    batch = [job for _, job in zip(range(FIRST_ROUND * workers), source)]
    running: list = []
    try:
        while batch:
            running = _fork_round(batch, workers, render)
            size = LATER_ROUND * workers
            upcoming: list = []
            exhausted = False
            expected, received = len(batch), 0
            while running:
                # prepare the next round between results; block only when nothing is left to prepare
                if not exhausted and len(upcoming) < size:
                    job = next(source, None)
                    if job is None:
                        exhausted = True
                    else:
                        upcoming.append(job)
                    ready = wait([r for _, r in running], timeout=0)
                else:
                    ready = wait([r for _, r in running])
                for receive in ready:
                    try:
                        message = receive.recv()
                    except EOFError:
                        process = next(p for p, r in running if r is receive)
                        process.join()
                        receive.close()
                        running = [(p, r) for p, r in running if r is not receive]
                        continue
                    received += 1
                    yield _outcome(message)
            if received < expected:  # a worker was killed (out of memory, a signal): never pass over it
                raise WorkerCrash(f"{expected - received} of {expected} documents were not rendered")
            batch = upcoming
    finally:
        _stop(running)
