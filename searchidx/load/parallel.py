"""Loading in worker processes: releases read, hashed, parsed and attributed while the index writer works.

Results come back in the order of ``paths``, one `Loaded` per path; a file that cannot be read or parsed
comes back as a `LoadError` (never raised), exactly as sequential loading would report it. Few files (or
one core) are loaded in-process: starting a worker costs more than it saves. At most ``window`` chunks are
in flight, so a writer slower than the loader never has the whole archive's releases waiting in memory.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, NamedTuple

from searchidx import processes
from searchidx.errors import LoadError
from searchidx.model import Release

#: Below this many files, load in-process.
MIN_PARALLEL = 24
#: Files per task sent to a worker.
CHUNK = 16

#: Turns a release into what the index's writer wants precomputed (its paragraphs' postings), in a worker.
Analyse = Callable[[Release], Any]


class Loaded(NamedTuple):
    """One file's outcome: ``release`` is a `Release`, a `LoadError`, or None when the file's content hash
    equals the one given in ``known`` (unchanged: not parsed). ``digest`` is None when it could not be read."""

    path: str
    digest: str | None
    release: Release | LoadError | None
    #: With ``analyse``: what it made of the release.
    analysed: Any = None


def load_one(path: str, known_hash: str | None = None) -> Loaded:
    """Read, hash and (unless the hash is ``known_hash``) parse one file; errors are returned, not raised."""
    # Imported here: the index imports this module, and a search never needs the loader (a third of a
    # second of start-up).
    from searchidx.load.core import load_bytes, read_bytes

    try:
        data = read_bytes(path)
    except LoadError as exc:
        return Loaded(path, None, exc)
    digest = hashlib.sha256(data).hexdigest()
    if known_hash is not None and digest == known_hash:
        return Loaded(path, digest, None)
    try:
        return Loaded(path, digest, load_bytes(data, path))
    except LoadError as exc:
        return Loaded(path, digest, exc)
    except Exception as exc:  # noqa: BLE001 - a loader bug on one file must not stop a build
        return Loaded(path, digest, LoadError(path, f"cannot be loaded ({type(exc).__name__}: {exc})"))


def _load_chunk(items: list[tuple[str, str | None]], analyse: Analyse | None) -> list[tuple]:
    out = []
    for path, known in items:
        loaded = load_one(path, known)
        release = loaded.release
        analysed = None
        if analyse is not None and isinstance(release, Release):
            analysed = analyse(release)
        # A LoadError does not survive pickling (its args are not its constructor's): send its parts.
        out.append((path, loaded.digest, ("error", release.path, release.reason)
                    if isinstance(release, LoadError) else release, analysed))
    return out


def _unpack(item: tuple) -> Loaded:
    path, digest, release, analysed = item
    if isinstance(release, tuple):
        return Loaded(path, digest, LoadError(release[1], release[2]))
    return Loaded(path, digest, release, analysed)


def load_files(paths: Iterable[str], known: Mapping[str, str] | None = None, *, procs: int | None = None,
               min_parallel: int | None = None, chunk: int = CHUNK, window: int | None = None,
               analyse: Analyse | None = None) -> Iterator[Loaded]:
    """`Loaded` for each path, in order. ``known`` maps a path to the content hash already indexed (such a
    file, if unchanged, is not parsed). ``procs``: worker processes (default: cores - 1; 0 = in-process).
    ``analyse``: worker processes also analyse the paragraphs' text for the index, the writer's heaviest
    work (loading in-process never does: the writer would do the same work either way)."""
    paths = [str(p) for p in paths]
    known = known or {}
    procs = processes.default_processes() if procs is None else procs
    if procs < 1 or len(paths) < (MIN_PARALLEL if min_parallel is None else min_parallel):
        for path in paths:
            yield load_one(path, known.get(path))
        return
    yield from _pooled(paths, known, procs, chunk, window or 4 * procs, analyse)


def _pooled(paths: list[str], known: Mapping[str, str], procs: int, chunk: int, window: int,
            analyse: Analyse | None) -> Iterator[Loaded]:
    chunks = [[(p, known.get(p)) for p in paths[i:i + chunk]] for i in range(0, len(paths), chunk)]
    pool = processes.pool(procs)
    try:
        pending: deque = deque()
        todo = iter(chunks)
        for part in todo:
            pending.append(pool.apply_async(_load_chunk, (part, analyse)))
            if len(pending) >= window:
                break
        while pending:
            done = processes.wait(pool, pending.popleft())
            nxt = next(todo, None)
            if nxt is not None:
                pending.append(pool.apply_async(_load_chunk, (nxt, analyse)))
            for item in done:
                yield _unpack(item)
        pool.close()
    finally:
        processes.close(pool)
