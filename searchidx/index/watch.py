"""Follow folders: index releases as they arrive, change or disappear (``searchidx watch``).

Built on watchfiles (Rust ``notify``: inotify / FSEvents / ReadDirectoryChanges, with batching built in).
A file is read only once it has stopped changing for ``settle`` seconds (a release still being copied is
not indexed half-written), and everything that settled together goes into one commit.
"""

from __future__ import annotations

import os
import stat
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from searchidx.errors import IndexLockedError, SearchidxError
from searchidx.index.core import Index, SyncReport
from searchidx.index.store import LOCK_TIMEOUT
from searchidx.index.store import under as _under
from searchidx.load.core import _SKIP_NAMES
from searchidx.load.selection import excluded


@dataclass
class Batch:
    """What one round of watching did: a `SyncReport`, or the error that stopped it (to be retried)."""

    report: SyncReport = field(default_factory=SyncReport)
    error: SearchidxError | None = None
    #: The first batch: the catch-up sync of everything that changed while nobody was watching.
    initial: bool = False
    roots: list[str] = field(default_factory=list)


def watch(index: Index, paths: list[str | os.PathLike[str]] | None = None, *, settle: float = 0.3,
          lock_timeout: float = LOCK_TIMEOUT, stop_event: threading.Event | None = None,
          tick: float = 0.1, merge_idle: float = 2.0, merge_every: int = 20) -> Iterator[Batch]:
    """Sync ``paths`` (default: the index's sources) once, then yield a `Batch` for every group of changes
    until ``stop_event`` is set or KeyboardInterrupt (which propagates). Folders only are watched; the
    index folder itself is never indexed even when it lies under a watched folder.

    Each batch is committed without merging segments, so a new release is searchable at once; segments
    are merged once nothing has arrived for ``merge_idle`` seconds, or after ``merge_every`` commits."""
    from watchfiles import watch as fs_watch  # only `watch` needs it: not imported with the index

    roots = [str(Path(p).resolve()) for p in (paths if paths is not None else index.sources)]
    if not roots:
        raise SearchidxError("nothing to watch: name a folder, or build the index from one first")
    missing = [r for r in roots if not os.path.isdir(r)]
    if missing:
        raise SearchidxError(f"cannot watch {missing[0]}: not a folder")
    own = [str(index.path.resolve())] if index.path is not None else []  # an index on a cluster: no folder

    globs = index.excludes

    def wanted(change: object, path: str) -> bool:
        name = os.path.basename(path)
        if name.startswith(".") or name in _SKIP_NAMES or _under(path, own):
            return False
        try:  # FIFOs, devices and sockets are never releases (reading a FIFO waits for a writer)
            mode = os.lstat(path).st_mode
        except OSError:
            mode = None  # gone: its release goes too
        if mode is not None and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISLNK(mode)):
            return False
        root = next((r for r in roots if _under(path, [r])), None)
        return root is None or not excluded(Path(path), Path(root), globs, is_dir=os.path.isdir(path))

    synced = False
    #: path → (its last seen size and mtime, or None when it is gone; when that was first seen).
    pending: dict[str, tuple[tuple[int, int] | None, float]] = {}
    unmerged, last_commit = 0, time.monotonic()
    # rust_timeout + yield_on_timeout: wake up every `tick` even when nothing happens, to see which
    # pending files have settled. step: how long the filesystem must be quiet before a batch is yielded.
    for changes in fs_watch(*roots, watch_filter=wanted, debounce=1000, step=50, rust_timeout=int(tick * 1000),
                            yield_on_timeout=True, stop_event=stop_event, raise_interrupt=True):
        if not synced:
            # The catch-up sync runs once the watcher is running (it is by its first yield), so nothing that
            # changes between the two is missed; what changes during the sync is looked at again after it.
            synced = True
            yield Batch(report=index.sync(roots, lock_timeout=lock_timeout), initial=True, roots=roots)
        now = time.monotonic()
        for _change, path in changes:
            pending[path] = (_signature(path), now)
        ready = []
        for path, (seen, since) in list(pending.items()):
            current = _signature(path)
            if current != seen:
                pending[path] = (current, now)  # still growing (or changing): wait for it to settle
            elif now - since >= settle:
                ready.append(path)
                del pending[path]
        if not ready:
            if unmerged and not pending and (now - last_commit >= merge_idle or unmerged >= merge_every):
                try:
                    index.merge(lock_timeout=lock_timeout)
                    unmerged = 0
                except IndexLockedError as exc:
                    yield Batch(error=exc)
            continue
        try:
            report = index.update(ready, merge=False, lock_timeout=lock_timeout)
        except IndexLockedError as exc:
            for path in ready:  # another writer held the index for long: try these again
                pending.setdefault(path, (_signature(path), now))
            yield Batch(error=exc)
            continue
        if report.changed:
            unmerged, last_commit = unmerged + 1, time.monotonic()
        if report.changed or report.skipped:
            yield Batch(report=report)


def _signature(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)
