"""Values computed once per Whoosh reader: a reader sees one state of the index, and its entries go with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from searchidx.index.core import Index
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager

_PER_READER: Any = None


def _per_reader(reader: Any, key: Any, make: Any) -> Any:
    """``make()``, computed once per Whoosh reader and ``key``: a reader sees one state of the index, and
    its entries go with it (Whoosh matches segment by segment, each with its own reader)."""
    global _PER_READER
    if _PER_READER is None:
        _PER_READER = weakref.WeakKeyDictionary()
    table = _PER_READER.setdefault(reader, {})
    if key not in table:
        table[key] = make()
    return table[key]


_SEARCHERS: Any = None


@contextmanager
def _searcher(index: Index) -> Iterator[Any]:
    """A searcher kept open between searches on the same `Index` (per thread), reopened when the index
    has changed: opening one reads the term and column headers, which is most of a warm query's time."""

    global _SEARCHERS
    if _SEARCHERS is None:
        _SEARCHERS = weakref.WeakKeyDictionary()
    per_thread = _SEARCHERS.setdefault(index, {})
    key = threading.get_ident()
    ix = index._fresh()  # follows a rebuild's switch to a new generation
    ix_was, s = per_thread.get(key, (None, None))
    if s is None or ix_was is not ix or not s.up_to_date():
        if s is not None:
            s.close()
        s = ix.searcher()
        per_thread[key] = (ix, s)
    yield s


def close_searchers(index: Index) -> None:
    """Close the searchers kept open for ``index`` (every thread's): they hold its files mapped."""
    kept = (_SEARCHERS or {}).pop(index, None) or {}
    for _ix, searcher in kept.values():
        searcher.close()
