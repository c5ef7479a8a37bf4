"""Per-file time limit that works in any thread: checked between loading stages, not by a signal."""

from __future__ import annotations

import time

from searchidx.errors import LoadError

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
