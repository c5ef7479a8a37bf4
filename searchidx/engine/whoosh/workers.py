"""Worker segments: a big batch of files written by worker processes, each into Whoosh segments of its own
in the index's generation folder (as whoosh.multiproc does with ``multisegment=True``).

A worker loads, parses, attributes and writes whole releases (file record, then its paragraphs); the main
process, which holds the folder lock and the session's writer, decides what each segment's documents mean
(an unchanged file, a copy whose paragraphs the index already holds, an update) and names the segments in
the table of contents at commit (`searchidx.engine.whoosh.sync`). A segment no table of contents names is
an orphan, removed at the next write.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from whoosh.reading import SegmentReader
from whoosh.util import random_name

from searchidx import processes
from searchidx.engine.whoosh.documents import write_release
from searchidx.engine.whoosh.readahead import WindowedStorage
from searchidx.engine.whoosh.segments import LengthsInMemoryWriter, add_segments
from searchidx.engine.whoosh.store import open_whoosh
from searchidx.errors import LoadError
from searchidx.load.parallel import load_one
from searchidx.load.problems import release_warnings
from searchidx.model import Release

#: Files per worker segment, at most (the main process commits each segment as it comes, so a killed build
#: keeps every segment finished before). Big: each segment repeats its term dictionary and posting headers,
#: a search looks every word up in every segment, and merging them costs about as much as writing them.
#: Workers keep a segment's postings in memory (`segments._TermPool`): 6,000 releases of the corpora take
#: about 300 MB.
DEFAULT_SEGMENT_FILES = 6000
#: Options of a worker's Whoosh writer: its postings pool is bounded by limitmb, per worker (past it,
#: Whoosh's pool takes over and sorts runs on disk, which is slower).
SEGMENT_WRITER_OPTIONS: dict = {"limitmb": 320}
#: A merge at the end of a batch makes at most one segment per this many documents (and per worker).
MERGE_MIN_DOCS = 20000
#: Segments under this many documents (about 250 files) are merged at the end of a batch. Not more: a merge
#: costs about as much as writing, and merging every segment under 5 % of the documents (the rule of
#: `Index.merge`) at the end of every batch would write a big build's releases several times.
SMALL_DOCS = 2000


class Written(NamedTuple):
    """One file's outcome in a worker segment: ``release`` is (release id, paragraph count) when the file
    was written, a `LoadError`, or None when unchanged (not parsed). ``span``: the segment's document
    numbers of the file record (``span[0]``) and its paragraphs (``span[0] + 1`` … ``span[1] - 1``)."""

    path: str
    digest: str | None
    release: tuple[str, int] | LoadError | None
    span: tuple[int, int] | None = None
    #: Reasons of the release's `LoadWarning`s (strings: they come back from a worker process).
    warnings: tuple[str, ...] = ()


def segment_processes(procs: int | None = None) -> int:
    """Worker processes that write segments: ``procs`` if given, else every usable core (the main process
    only decides and commits); 0 (in-process writing) with one core."""
    if procs is not None:
        return procs
    default = processes.default_processes()
    return default + 1 if default else 0


def segment_chunk(files: int, procs: int, most: int) -> int:
    """Files per segment: at most ``most``, and even rounds (every worker busy until the end)."""
    rounds = -(-files // max(1, procs * most))
    return max(1, -(-files // max(1, rounds * procs)))


class WorkerStorage(WindowedStorage):
    """A worker's storage: without mmap, through a read-ahead window (see readahead), and one temporary
    folder per writer: the writer removes it when it finishes, so its per-document writer, which asks for
    the writer's folder by Whoosh's shared name, must get the same one, not a new one left behind."""

    def __init__(self, folder: str, indexname: str) -> None:
        super().__init__(folder)
        self.indexname = indexname
        self.tempname: str | None = None

    def temp_storage(self, name: str | None = None) -> Any:
        if self.tempname is None:
            self.tempname = f"{self.indexname}-{random_name()}.tmp"
        return super().temp_storage(self.tempname)


def _worker_index(folder: str, indexname: str) -> Any:
    """The generation's Whoosh index, whose writers keep their temporary files in a folder of their own
    (Whoosh's default, ``<indexname>.tmp``, is shared, and each writer removes it when it finishes)."""
    ix = open_whoosh(Path(folder))
    ix.storage = WorkerStorage(folder, indexname)
    return ix


def _finish(writer):
    """Finalise a worker writer's segment; None if it holds no documents."""
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
    writer = LengthsInMemoryWriter(_worker_index(folder, indexname), _lk=False, **options)
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
                out.append((path, loaded.digest, (release.id, len(release.paragraphs)), (first, writer.docnum),
                            tuple(w.reason for w in release_warnings(release))))
            elif isinstance(release, LoadError):
                out.append((path, loaded.digest, ("error", release.path, release.reason), None, ()))
            else:
                out.append((path, loaded.digest, None, None, ()))
            processes.count_file()
    except BaseException:
        _finish_quietly(writer)
        raise
    return _finish(writer), out


def _finish_quietly(writer) -> None:
    with contextlib.suppress(Exception):
        writer._close_segment()
    with contextlib.suppress(Exception):
        writer._tempstorage.destroy()


def _written(item: tuple) -> Written:
    path, digest, release, span, warnings = item
    if isinstance(release, tuple) and release and release[0] == "error":
        return Written(path, digest, LoadError(release[1], release[2]))
    return Written(path, digest, release, span, warnings)


def write_segments(folder: str, indexname: str, paths: list[str], known: Mapping[str, str], *, procs: int,
                   chunk: int = DEFAULT_SEGMENT_FILES, window: int | None = None,
                   waiting: Callable[[int], None] | None = None, options: dict | None = None) -> Iterator[tuple]:
    """Worker processes write ``paths`` into new segments of the Whoosh index in ``folder``, ``chunk`` files
    a segment: yields (segment or None, [`Written`, …]) per chunk, in the order of ``paths``. The segments
    are in no table of contents: the caller names them in one at commit (or they are orphans). While it
    waits for a segment, ``waiting(files)`` is told every half second how many files are written so far."""
    options = SEGMENT_WRITER_OPTIONS if options is None else options
    chunks = [[(p, known.get(p)) for p in paths[i:i + chunk]] for i in range(0, len(paths), chunk)]
    window = window or 2 * procs
    pool = processes.pool(procs)
    try:
        pending: deque = deque()
        todo = iter(chunks)
        for part in todo:
            pending.append(pool.apply_async(_write_chunk, (folder, indexname, part, options)))
            if len(pending) >= window:
                break
        while pending:
            segment, items = processes.wait(pool, pending.popleft(), waiting)
            nxt = next(todo, None)
            if nxt is not None:
                pending.append(pool.apply_async(_write_chunk, (folder, indexname, nxt, options)))
            yield segment, [_written(item) for item in items]
        pool.close()
    finally:
        processes.close(pool)


def _merge_group(folder: str, indexname: str, segments: list, options: dict):
    writer = LengthsInMemoryWriter(_worker_index(folder, indexname), _lk=False, **options)
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


def merge_groups(segments: list, procs: int) -> list[list]:
    """Which segments to merge, in groups (one new segment each): the small ones (under `SMALL_DOCS`); at
    most one group per worker and per `MERGE_MIN_DOCS`."""
    small = [s for s in segments if s.doc_count_all() < SMALL_DOCS]
    if len(small) < 2:
        return []
    docs = sum(s.doc_count_all() for s in small)
    k = max(1, min(procs, len(small) // 2, docs // MERGE_MIN_DOCS))
    groups: list[list] = [[]]
    for s in small:
        if sum(x.doc_count_all() for x in groups[-1]) >= docs / k and len(groups) < k:
            groups.append([])
        groups[-1].append(s)
    return [g for g in groups if g]


def merge_segments(folder: str, indexname: str, groups: list[list], *, procs: int,
                   options: dict | None = None) -> list:
    """Worker processes merge each group of segments into one new segment (deleted documents dropped);
    returns the new segments (None for a group with no live document), in the order of ``groups``."""
    pool = processes.pool(max(1, min(procs, len(groups))))
    try:
        options = SEGMENT_WRITER_OPTIONS if options is None else options
        results = [pool.apply_async(_merge_group, (folder, indexname, g, options)) for g in groups]
        merged = [processes.wait(pool, r) for r in results]
        pool.close()
        return merged
    finally:
        processes.close(pool)
