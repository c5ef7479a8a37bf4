"""Time budgets for work that one input can make unbounded: a query's, checked where it loops.

A budget is per thread (a context variable): the search that sets it and the engine code it calls check it
at the places where a short query can make long work (expanding prefixes and fuzzy words, scoring every
posting list), and `QueryError` ends the search there. Checks are cheap (a clock read) and spaced out.
Every search a query string drives sets one: `Index.search` (facets and timeline included),
`Index.search_releases`, and each step of `Index.iter_search` (`budgeted`).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from typing import TypeVar

from searchidx.errors import QueryError

#: Longest a search may take, by default.
QUERY_SECONDS = 5.0
#: Longest query string, and longest word in it: Whoosh's query parser is quadratic in a word's length.
MAX_QUERY_CHARS = 2000
MAX_WORD_CHARS = 100
#: Largest edit distance of a fuzzy word (word~N): the automaton grows exponentially with it.
MAX_FUZZY = 2

_deadline: ContextVar[tuple[float, float] | None] = ContextVar("searchidx_deadline", default=None)
T = TypeVar("T")


@contextlib.contextmanager
def query_budget(seconds: float | None = QUERY_SECONDS) -> Iterator[None]:
    """Within the block, `check` raises `QueryError` once ``seconds`` have passed (None: no limit)."""
    token = _deadline.set((time.monotonic() + seconds, seconds) if seconds is not None else None)
    try:
        yield
    finally:
        _deadline.reset(token)


def check(stage: str = "searching") -> None:
    """Raise `QueryError` if the current budget is spent."""
    budget = _deadline.get()
    if budget is not None and time.monotonic() > budget[0]:
        raise QueryError(f"the query took too long (over {budget[1]:g} s, {stage}); it was stopped",
                         hint="make it narrower: longer prefixes, fewer fuzzy words, a filter")


def checked(items: Iterable[T], stage: str, every: int = 512) -> Iterator[T]:
    """``items``, checking the budget every ``every`` of them."""
    for i, item in enumerate(items):
        if not i % every:
            check(stage)
        yield item


def budgeted(items: Iterator[T], seconds: float | None = QUERY_SECONDS) -> Iterator[T]:
    """``items`` with a budget of ``seconds`` per step: the first step (matching, scoring and ranking
    everything) and then each item made. Per step, not over the whole iteration: a caller that takes a
    million hits one at a time (an export) may take as long as it likes, but no query makes one step long.
    The budget is set only while ``items`` works, never while the caller holds an item."""
    try:
        while True:
            with query_budget(seconds):
                try:
                    item = next(items)
                except StopIteration:
                    return
            yield item
    finally:
        close = getattr(items, "close", None)
        if close is not None:
            close()


def check_query_size(text: str) -> None:
    """Raise `QueryError` for a query or a word too long to parse quickly."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is too long ({len(text):,} characters; the limit is {MAX_QUERY_CHARS:,})",
                         hint="shorten it")
    longest = max(text.split(), key=len, default="")
    if len(longest) > MAX_WORD_CHARS:
        raise QueryError(f"a word of the query is too long ({len(longest):,} characters; the limit is "
                         f"{MAX_WORD_CHARS})", hint="shorten it, or search for a part of it")
