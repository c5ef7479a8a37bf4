"""Worker processes for builds: a pool whose workers die with the process that started them, and whose
loss of a worker is an error instead of a wait for ever.

A writer holds the index folder's lock (an fcntl lock lasts while any descriptor of it is open): a forked
worker closes its copies of the descriptors in `HELD_LOCKS`, so that the lock goes the moment its holder
dies, not when its workers do.

Why `multiprocessing.Pool` (and a few of its private fields) rather than
`concurrent.futures.ProcessPoolExecutor`: a file past its time limit, or a build stopped by Ctrl-C or a
full disk, must end its workers at once, and the executor can only wait for them before Python 3.14
(`terminate_workers`/`kill_workers`).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from multiprocessing.pool import TERMINATE
from typing import Any

from searchidx.errors import SearchidxError

#: File descriptors of the folder locks this process holds (see the module's docstring).
HELD_LOCKS: set[int] = set()

#: In a worker process: the pool's count of files its workers have written (`pool`).
_files_written: Any = None


def default_processes() -> int:
    """Worker processes for a build: one less than the usable cores (the main process writes), at least 1;
    0 (in-process) with one core."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, cores - 1) if cores > 1 else 0


def count_file() -> None:
    """In a worker: one more file written, for the progress of the process that waits (`wait`)."""
    if _files_written is not None:
        with _files_written.get_lock():
            _files_written.value += 1


def _quiet_full_disk(unraisable: Any) -> None:
    """In a worker: a file that cannot be flushed as it is closed, on a full disk (or past a size limit),
    is the error the failed task already carries back to the parent, which reports it in one line; said
    again by Python on the worker's stderr, it would be a traceback beside that line."""
    exc = unraisable.exc_value
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return
    sys.__unraisablehook__(unraisable)


def _worker_init(parent: int, files_written: Any = None) -> None:
    """A worker dies with the process that started it (Linux): a writer killed with kill -9 must not
    leave workers writing segment files into the folder after the next writer cleaned it."""
    global _files_written
    _files_written = files_written
    sys.unraisablehook = _quiet_full_disk

    with contextlib.suppress(Exception):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(1)
    for fd in HELD_LOCKS:  # the parent's folder lock: it must go with the parent, not wait for us
        with contextlib.suppress(OSError):
            os.close(fd)


def pool(procs: int) -> Any:
    """A pool of ``procs`` workers (fork where there is fork: it starts in milliseconds and shares the
    imported modules; elsewhere the platform's default)."""
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    files_written = ctx.Value("q", 0)
    made = ctx.Pool(procs, initializer=_worker_init, initargs=(os.getpid(), files_written))
    made.searchidx_pids = _pids(made)
    made.searchidx_files_written = files_written
    return made


def _abandon(pool) -> None:
    """Stop a pool that lost a worker: its terminate() can block for ever on a queue lock the dead worker
    held, so the workers are killed, the pool stops starting new ones, and it is not joined."""
    pool.searchidx_abandoned = True
    with contextlib.suppress(Exception):
        pool._terminate.cancel()  # its finalizer would block the same way at exit
    with contextlib.suppress(Exception):
        # Its three threads end: no new workers, and a sentinel each (none waits for the dead one's lock).
        threads = (pool._worker_handler, pool._task_handler, pool._result_handler)
        for thread in threads:
            thread._state = TERMINATE
        pool._taskqueue.put(None)
        for thread in threads:
            thread.join(timeout=2)
        pool._state = TERMINATE
        pool._change_notifier = None  # nothing listens any more (Pool.__del__ would write to it)
    for process in list(getattr(pool, "_pool", ())):
        with contextlib.suppress(Exception):
            process.kill()


def close(pool) -> None:
    if not getattr(pool, "searchidx_abandoned", False):
        pool.terminate()
        pool.join()


def _pids(pool) -> set:
    return {p.pid for p in getattr(pool, "_pool", ())}


def wait(pool, result, waiting: Callable[[int], None] | None = None):
    """``result.get()``, unless a worker dies (killed, out of memory): multiprocessing's pool then starts
    another and waits for the lost task for ever, with the index's lock held. ``waiting(files)`` is called
    every half second meanwhile, with the number of files the pool's workers have written."""
    while True:
        try:
            return result.get(timeout=0.5)
        except multiprocessing.TimeoutError:
            if waiting is not None:
                waiting(pool.searchidx_files_written.value)
            if _pids(pool) != pool.searchidx_pids:
                _abandon(pool)
                raise SearchidxError("a worker process died (killed, or out of memory?) while building; what "
                                     "was committed before is kept: run the build again") from None
