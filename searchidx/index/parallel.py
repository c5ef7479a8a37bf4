"""Build on every core: worker processes that write Whoosh segments (`write_segments`), or that load
releases while the index writer works (`load_files(paths, known)`).

Whoosh is pure Python and its writer is single-threaded. A big batch is written by worker processes, each
into segments of its own (see "worker segments" below; `searchidx.index.core` decides what they mean and commits
them). Otherwise a build can read, hash, parse and attribute files in a worker process while the main
process feeds the writer (`load_files`). Results come back in the order of ``paths``, one `Loaded` per
path; a file that cannot be read or parsed comes back as a `LoadError` (never raised), exactly as
sequential loading would report it. Few files (or one core) are loaded in-process: starting a worker costs
more than it saves.

At most ``window`` chunks are in flight, so a writer slower than the loader never has the whole archive's
releases waiting in memory.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, NamedTuple

from searchidx.errors import LoadError, SearchidxError
from searchidx.model import Release

#: Below this many files, load in-process.
MIN_PARALLEL = 24
#: Files per task sent to a worker.
CHUNK = 16
#: Worker processes when the caller does not say (None: cores - 1; 0: load in-process).
PROCESSES: int | None = None


class Loaded(NamedTuple):
    """One file's outcome: ``release`` is a `Release`, a `LoadError`, or None when the file's content hash
    equals the one given in ``known`` (unchanged: not parsed). ``digest`` is None when it could not be read."""

    path: str
    digest: str | None
    release: Release | LoadError | None
    #: With ``analyse``: the postings of each paragraph's text (`searchidx.engine.whoosh.schema.analyse_paragraphs`).
    analysed: list | None = None


def load_one(path: str, known_hash: str | None = None) -> Loaded:
    """Read, hash and (unless the hash is ``known_hash``) parse one file; errors are returned, not raised."""
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


def _load_chunk(items: list[tuple[str, str | None]], analyse: bool) -> list[tuple]:
    out = []
    for path, known in items:
        loaded = load_one(path, known)
        release = loaded.release
        analysed = None
        if analyse and isinstance(release, Release):
            from searchidx.engine.whoosh.schema import analyse_paragraphs

            analysed = analyse_paragraphs(release)
        # A LoadError does not survive pickling (its args are not its constructor's): send its parts.
        out.append((path, loaded.digest, ("error", release.path, release.reason)
                    if isinstance(release, LoadError) else release, analysed))
    return out


def _unpack(item: tuple) -> Loaded:
    path, digest, release, analysed = item
    if isinstance(release, tuple):
        return Loaded(path, digest, LoadError(release[1], release[2]))
    return Loaded(path, digest, release, analysed)


def default_processes() -> int:
    """Worker processes for a build: one less than the usable cores (the main process writes), at least 1."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, cores - 1) if cores > 1 else 0


def load_files(paths: Iterable[str], known: Mapping[str, str] | None = None, *, processes: int | None = None,
               min_parallel: int | None = None, chunk: int = CHUNK, window: int | None = None,
               analyse: bool = False) -> Iterator[Loaded]:
    """`Loaded` for each path, in order. ``known`` maps a path to the content hash already indexed (such a
    file, if unchanged, is not parsed). ``processes``: worker processes (default: cores - 1; 0 = in-process).
    ``analyse``: worker processes also analyse the paragraphs' text for the index, the writer's heaviest
    work (loading in-process never does: the writer would do the same work either way)."""
    paths = [str(p) for p in paths]
    known = known or {}
    if processes is None:
        processes = PROCESSES
    procs = default_processes() if processes is None else processes
    if procs < 1 or len(paths) < (MIN_PARALLEL if min_parallel is None else min_parallel):
        for path in paths:
            yield load_one(path, known.get(path))
        return
    yield from _pooled(paths, known, procs, chunk, window or 4 * procs, analyse)


def _pooled(paths: list[str], known: Mapping[str, str], procs: int, chunk: int, window: int,
            analyse: bool) -> Iterator[Loaded]:
    chunks = [[(p, known.get(p)) for p in paths[i:i + chunk]] for i in range(0, len(paths), chunk)]
    pool = _pool(procs)
    try:
        pending: deque = deque()
        todo = iter(chunks)
        for part in todo:
            pending.append(pool.apply_async(_load_chunk, (part, analyse)))
            if len(pending) >= window:
                break
        while pending:
            done = _wait(pool, pending.popleft())
            nxt = next(todo, None)
            if nxt is not None:
                pending.append(pool.apply_async(_load_chunk, (nxt, analyse)))
            for item in done:
                yield _unpack(item)
        pool.close()
    finally:
        _close(pool)


# -- worker segments ---------------------------------------------------------------------------------
#
# A big batch of files is written by worker processes, each into Whoosh segments of its own in the index's
# generation folder (as whoosh.multiproc does with ``multisegment=True``). A worker loads, parses, attributes
# and writes whole releases (file record, then its paragraphs); the main process, which holds the folder
# lock and the session's writer, decides what each segment's documents mean (an unchanged file, a copy
# whose paragraphs the index already holds, an update) and names the segments in the table of contents at
# commit. A segment no table of contents names is an orphan, removed at the next write.

#: Files per worker segment, at most (the main process commits each segment as it comes, so a killed build
#: keeps every segment finished before). Big: each segment repeats its term dictionary and posting headers,
#: a search looks every word up in every segment, and merging them costs about as much as writing them.
#: Workers keep a segment's postings in memory (`segments._TermPool`): 6,000 releases of the corpora take
#: about 300 MB.
SEGMENT_FILES = 6000
#: Options of a worker's Whoosh writer: its postings pool is bounded by limitmb, per worker (past it,
#: Whoosh's pool takes over and sorts runs on disk, which is slower).
SEGMENT_WRITER_OPTIONS: dict = {"limitmb": 320}
#: A merge at the end of a batch makes at most one segment per this many documents (and per worker).
MERGE_MIN_DOCS = 20000
#: Segments under this many documents (about 250 files) are merged at the end of a batch. Not more: Whoosh's
#: merge costs about as much as writing (311k paragraphs built in 322 s when the end of a batch also merged
#: every segment under 5 % of the documents, the rule of `Index.merge`).
SMALL_DOCS = 2000


class Written(NamedTuple):
    """One file's outcome in a worker segment: ``release`` is (release id, paragraph count) when the file
    was written, a `LoadError`, or None when unchanged (not parsed). ``span``: the segment's document
    numbers of the file record (``span[0]``) and its paragraphs (``span[0] + 1`` … ``span[1] - 1``)."""

    path: str
    digest: str | None
    release: tuple[str, int] | LoadError | None
    span: tuple[int, int] | None = None


def segment_processes() -> int:
    """Worker processes that write segments: every usable core (the main process only decides and
    commits); 0 (in-process writing) with one core, or when `PROCESSES` is 0."""
    if PROCESSES is not None:
        return PROCESSES
    procs = default_processes()
    return procs + 1 if procs else 0


def segment_chunk(files: int, processes: int, most: int) -> int:
    """Files per segment: at most ``most``, and even rounds (every worker busy until the end)."""
    rounds = -(-files // max(1, processes * most))
    return max(1, -(-files // max(1, rounds * processes)))


#: In a worker process: the pool's count of files its workers have written (`_pool`).
_files_written: Any = None


def _worker_init(parent: int, files_written: Any = None) -> None:
    """A worker dies with the process that started it (Linux): a writer killed with kill -9 must not
    leave workers writing segment files into the folder after the next writer cleaned it."""
    import contextlib

    global _files_written
    _files_written = files_written

    with contextlib.suppress(Exception):
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(1)
    from searchidx.index.core import HELD_LOCKS

    for fd in HELD_LOCKS:  # the parent's folder lock: it must go with the parent, not wait for us
        with contextlib.suppress(OSError):
            os.close(fd)


def _worker_index(folder: str, indexname: str):
    """The generation's Whoosh index, whose writers keep their temporary files in a folder of their own
    (Whoosh's default, ``<indexname>.tmp``, is shared, and each writer removes it when it finishes)."""
    from pathlib import Path

    from whoosh.util import random_name

    from searchidx.engine.whoosh.readahead import WindowedStorage
    from searchidx.index.core import _open_whoosh

    class WorkerStorage(WindowedStorage):
        # One folder per writer: the writer removes it when it finishes, so its per-document writer, which
        # asks for the writer's folder by Whoosh's shared name, must get the same one, not a new one left.
        tempname: str | None = None

        def temp_storage(self, name=None):
            if self.tempname is None:
                self.tempname = f"{indexname}-{random_name()}.tmp"
            return super().temp_storage(self.tempname)

    ix = _open_whoosh(Path(folder))
    ix.storage = WorkerStorage(folder)  # without mmap, through a read-ahead window (see readahead)
    return ix


def _finish(writer):
    """Finalise a worker writer's segment; None if it holds no documents."""
    import contextlib

    try:
        if writer.docnum:
            return writer._finalize_segment()
        writer._close_segment()
        return None
    except BaseException:
        with contextlib.suppress(Exception):
            writer._close_segment()
        raise
    finally:
        with contextlib.suppress(Exception):
            writer._tempstorage.destroy()


def _write_chunk(folder: str, indexname: str, items: list[tuple[str, str | None]], options: dict) -> tuple:
    from searchidx.engine.whoosh.segments import segment_writer
    from searchidx.index.core import write_release

    writer = segment_writer()(_worker_index(folder, indexname), _lk=False, **options)
    out = []
    written: set[str] = set()
    try:
        for path, known in items:
            loaded = load_one(path, known)
            release = loaded.release
            if isinstance(release, Release):
                first = writer.docnum
                # A copy of a release this segment holds already gets its file record only: written again,
                # its paragraphs would be marked deleted (`Index._take_segment`), and a segment with
                # deletions filters every posting a search reads (the corpora's copies did that to one of
                # a first sync's two segments).
                write_release(writer, path, loaded.digest, release, paragraphs=release.id not in written)
                written.add(release.id)
                out.append((path, loaded.digest, (release.id, len(release.paragraphs)), (first, writer.docnum)))
            elif isinstance(release, LoadError):
                out.append((path, loaded.digest, ("error", release.path, release.reason), None))
            else:
                out.append((path, loaded.digest, None, None))
            if _files_written is not None:
                with _files_written.get_lock():
                    _files_written.value += 1
    except BaseException:
        _finish_quietly(writer)
        raise
    return _finish(writer), out


def _finish_quietly(writer) -> None:
    import contextlib

    with contextlib.suppress(Exception):
        writer._close_segment()
    with contextlib.suppress(Exception):
        writer._tempstorage.destroy()


def _written(item: tuple) -> Written:
    path, digest, release, span = item
    if isinstance(release, tuple) and release and release[0] == "error":
        return Written(path, digest, LoadError(release[1], release[2]))
    return Written(path, digest, release, span)


def _pool(procs: int):
    # fork starts in milliseconds and shares the imported modules; elsewhere the platform's default.
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    files_written = ctx.Value("q", 0)
    pool = ctx.Pool(procs, initializer=_worker_init, initargs=(os.getpid(), files_written))
    pool.searchidx_pids = _pids(pool)
    pool.searchidx_files_written = files_written
    return pool


def _abandon(pool) -> None:
    """Stop a pool that lost a worker: its terminate() can block for ever on a queue lock the dead worker
    held, so the workers are killed, the pool stops starting new ones, and it is not joined."""
    import contextlib
    from multiprocessing.pool import TERMINATE

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


def _close(pool) -> None:
    if not getattr(pool, "searchidx_abandoned", False):
        pool.terminate()
        pool.join()


def _pids(pool) -> set:
    return {p.pid for p in getattr(pool, "_pool", ())}


def _wait(pool, result, waiting: Callable[[int], None] | None = None):
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


def write_segments(folder: str, indexname: str, paths: list[str], known: Mapping[str, str], *, processes: int,
                   chunk: int = SEGMENT_FILES, window: int | None = None,
                   waiting: Callable[[int], None] | None = None) -> Iterator[tuple]:
    """Worker processes write ``paths`` into new segments of the Whoosh index in ``folder``, ``chunk`` files
    a segment: yields (segment or None, [`Written`, …]) per chunk, in the order of ``paths``. The segments
    are in no table of contents: the caller names them in one at commit (or they are orphans). While it
    waits for a segment, ``waiting(files)`` is told every half second how many files are written so far."""
    chunks = [[(p, known.get(p)) for p in paths[i:i + chunk]] for i in range(0, len(paths), chunk)]
    window = window or 2 * processes
    pool = _pool(processes)
    try:
        pending: deque = deque()
        todo = iter(chunks)
        for part in todo:
            pending.append(pool.apply_async(_write_chunk, (folder, indexname, part, SEGMENT_WRITER_OPTIONS)))
            if len(pending) >= window:
                break
        while pending:
            segment, items = _wait(pool, pending.popleft(), waiting)
            nxt = next(todo, None)
            if nxt is not None:
                pending.append(pool.apply_async(_write_chunk, (folder, indexname, nxt, SEGMENT_WRITER_OPTIONS)))
            yield segment, [_written(item) for item in items]
        pool.close()
    finally:
        _close(pool)


def _merge_group(folder: str, indexname: str, segments: list, options: dict):
    from whoosh.reading import SegmentReader

    from searchidx.engine.whoosh.segments import add_segments, segment_writer

    writer = segment_writer()(_worker_index(folder, indexname), _lk=False, **options)
    readers: list = []
    try:
        readers.extend(SegmentReader(writer.storage, writer.schema, segment) for segment in segments)
        add_segments(writer, readers)
        return _finish(writer)  # reads the postings from the readers
    except BaseException:
        _finish_quietly(writer)
        raise
    finally:
        for reader in readers:
            reader.close()


def merge_groups(segments: list, processes: int) -> list[list]:
    """Which segments to merge, in groups (one new segment each): the small ones (under `SMALL_DOCS`); at
    most one group per worker and per `MERGE_MIN_DOCS`."""
    small = [s for s in segments if s.doc_count_all() < SMALL_DOCS]
    if len(small) < 2:
        return []
    docs = sum(s.doc_count_all() for s in small)
    k = max(1, min(processes, len(small) // 2, docs // MERGE_MIN_DOCS))
    groups: list[list] = [[]]
    for s in small:
        if sum(x.doc_count_all() for x in groups[-1]) >= docs / k and len(groups) < k:
            groups.append([])
        groups[-1].append(s)
    return [g for g in groups if g]


def merge_segments(folder: str, indexname: str, groups: list[list], *, processes: int) -> list:
    """Worker processes merge each group of segments into one new segment (deleted documents dropped);
    returns the new segments (None for a group with no live document), in the order of ``groups``."""
    pool = _pool(max(1, min(processes, len(groups))))
    try:
        results = [pool.apply_async(_merge_group, (folder, indexname, g, SEGMENT_WRITER_OPTIONS)) for g in groups]
        merged = [_wait(pool, r) for r in results]
        pool.close()
        return merged
    finally:
        _close(pool)
