"""Per-file time limit: checked between loading stages in any thread, and inside a stage by a timer
signal where one can be used (a process's main thread: the CLI, and build's worker processes)."""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Iterator

from searchidx.errors import LoadError

#: The reason a file with nothing in it (or only spaces) is not a release.
EMPTY = "empty file"
#: Longest time one file may take to load, by default (a release takes milliseconds; a big page < 1 s).
MAX_SECONDS = 10.0
#: Longest block handed to the text stages (regexes, attribution); longer runs are split at spaces so
#: that no stage sees an unbounded string.
MAX_BLOCK_CHARS = 20_000


class Deadline:
    """Raises `LoadError` from `check` once ``max_seconds`` have passed since it was made."""

    def __init__(self, path: object, max_seconds: float | None = MAX_SECONDS) -> None:
        self.path = path
        self.max_seconds = max_seconds
        self.start = time.perf_counter()

    def remaining(self) -> float | None:
        if self.max_seconds is None:
            return None
        return self.max_seconds - (time.perf_counter() - self.start)

    def check(self, stage: str) -> None:
        if self.max_seconds is None:
            return
        elapsed = time.perf_counter() - self.start
        if elapsed > self.max_seconds:
            raise LoadError(self.path, f"took too long ({elapsed:.1f} s at {stage}; the limit is {self.max_seconds:g} s)")


def split_long(text: str, limit: int = MAX_BLOCK_CHARS) -> list[str]:
    """``text`` in pieces of at most about ``limit`` characters, cut at spaces where there are any."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    while len(text) > limit:
        cut = text.rfind(" ", limit // 2, limit)
        cut = cut if cut > 0 else limit
        pieces.append(text[:cut].strip())
        text = text[cut:]
    if text.strip():
        pieces.append(text.strip())
    return pieces


class Stopped(BaseException):
    """Raised inside a stage by the timer: a BaseException, so that no ``except Exception`` in a parsing
    library swallows it and carries on."""


@contextlib.contextmanager
def stop_at(deadline: Deadline) -> Iterator[None]:
    """Within the block, raise `Stopped` wherever the work is once ``deadline`` passes (SIGALRM), when this
    runs in a process's main thread and nothing else uses the timer; else the stages' checks alone."""
    remaining = deadline.remaining()
    if remaining is None or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    if signal.getsignal(signal.SIGALRM) not in (signal.SIG_DFL, None) or signal.getitimer(signal.ITIMER_REAL)[0]:
        yield  # someone else's timer: leave it alone
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise Stopped

    signal.signal(signal.SIGALRM, on_alarm)
    # Again every tenth of a second once the deadline has passed: a library that catches BaseException and goes
    # on, or a raise lost inside a garbage-collector callback, is stopped at the next one.
    signal.setitimer(signal.ITIMER_REAL, max(remaining, 0.001), 0.1)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
