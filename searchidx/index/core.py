"""The searchable index: `Index.open(path)`, then `sync`, `add`, `remove`, `rebuild`, `check`, `search`.

One Whoosh document per paragraph, carrying its release's metadata, and one "file" document per
indexed file (its content hash and the release metadata paragraphs do not carry). File documents are
committed with the paragraphs, so what the index says it holds and what it holds never disagree.
A release (one content hash) has its paragraphs once, however many files hold that content.

Layout of an index folder::

    searchidx.json   the manifest: schema and searchidx versions, sources, and the current generation
    searchidx.lock   the writers' lock (fcntl; a dead writer's lock goes with its process)
    gen-3/           the current generation: Whoosh's own files
    gen-2/           the previous one, kept so readers that opened it before a rebuild can finish

The manifest is the pointer: it is only ever replaced whole (``os.replace``), so a reader that opens the
index sees one generation, old or new, never a mix. `rebuild` writes a new generation beside the current
one and switches the manifest to it. Indexes from before generations (Whoosh's files directly in the
folder, a manifest without ``generation``) open and sync as they are; their first rebuild moves them over.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import os
import re
import shutil
import socket
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from searchidx import __version__
from searchidx.engine.whoosh.documents import release_from, write_release
from searchidx.engine.whoosh.engine import WhooshEngine
from searchidx.engine.whoosh.schema import SCHEMA_VERSION, schema
from searchidx.errors import IndexLockedError, IndexNotFoundError, IndexVersionError, LoadError, SearchidxError
from searchidx.index import parallel
from searchidx.index.parallel import Loaded, load_files, load_one
from searchidx.model import Release
from searchidx.search.core import search, speakers, stats
from searchidx.search.results import SearchResults, SpeakerSummary, Stats

#: The index's own record of what it is, what it indexes and which generation is current.
MANIFEST = "searchidx.json"
#: The writers' lock file, beside the manifest.
LOCK = "searchidx.lock"
#: Generation folders are named gen-1, gen-2, …
GEN_PREFIX = "gen-"
#: The generation name of an index from before generations: Whoosh's files in the folder itself.
LEGACY_GENERATION = "."
#: How long a writer waits for another one to finish, by default.
LOCK_TIMEOUT = 60.0
#: A long sync in this process commits every this many changed files, so a killed build keeps what it did
#: (worker processes commit each segment: `parallel.SEGMENT_FILES`).
COMMIT_EVERY = 1000
#: Options for Whoosh's writer. limitmb: the postings pool held in memory before a sorted run goes to disk;
#: bench/run.py --variants limitmbN measures other sizes.
WRITER_OPTIONS: dict[str, Any] = {"limitmb": 256}
#: File descriptors of the folder locks this process holds: a forked worker closes its copies, so that the
#: lock goes the moment its holder dies (an fcntl lock lasts while any descriptor of it is open).
HELD_LOCKS: set[int] = set()
#: Whoosh's index name inside a generation folder.
_INDEXNAME = "MAIN"

Progress = Callable[[int, int, str], None]


@dataclass
class SyncReport:
    """What a sync did. ``skipped`` holds one `LoadError` per file that could not be indexed."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[LoadError] = field(default_factory=list)
    paragraphs: int = 0

    @property
    def ok(self) -> bool:
        return not self.skipped

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def summary(self) -> str:
        return (f"{len(self.added)} added, {len(self.updated)} updated, {len(self.removed)} removed, "
                f"{len(self.unchanged)} unchanged, {len(self.skipped)} skipped")


class RemoveReport(list):
    """The paths `Index.remove` removed (a list, as before), and ``missing``: targets that matched nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.missing: list[str] = []


@dataclass
class Problem:
    """One thing `Index.check` found wrong, and what to do about it."""

    message: str
    advice: str

    def __str__(self) -> str:
        return f"{self.message} ({self.advice})"


@dataclass
class CheckReport:
    """What `Index.check` found. ``ok`` when nothing is wrong; ``notes`` are facts that are not problems."""

    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    files: int = 0
    releases: int = 0
    paragraphs: int = 0
    segments: int = 0
    generation: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    def problem(self, message: str, advice: str) -> None:
        self.problems.append(Problem(message, advice))


class Index:
    """A searchidx index in a folder. Open with `Index.open(path, create=True)`.

    Writers (`sync`, `add`, `remove`, `rebuild`) take the folder's lock, waiting up to ``lock_timeout``
    seconds for another writer, then raise `IndexLockedError`. Readers never wait: they see the last commit.
    """

    def __init__(self, path: Path, ix: Any, generation: str = LEGACY_GENERATION, *,
                 problem: str | None = None) -> None:
        self.path = path
        self._ix = ix
        self.generation = generation
        self._problem = problem  # why this index cannot be used (an incompatible version), if it cannot
        self._stamp = _stamp(path)
        #: (generation, Whoosh TOC generation, files) after this object's last write: a writer that
        #: finds the index as it left it (watch mode) need not read every file record again.
        self._known: tuple[str, int, dict[str, dict[str, Any]]] | None = None
        self._engine: WhooshEngine | None = None

    # -- opening -----------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = False, strict: bool = True) -> Index:
        """Open the index at ``path`` (create an empty one there if ``create``).

        An index written by an incompatible searchidx raises `IndexVersionError`, unless ``strict`` is
        false: then it opens for `rebuild` and `check` only (the rest raise `IndexVersionError`)."""
        folder = Path(path)
        info = _read_manifest(folder)
        if info is None or not _generation_exists(folder, info):
            if not create:
                raise IndexNotFoundError(f"no index at {folder} (build one with: searchidx build PATH --index {folder})")
            folder.mkdir(parents=True, exist_ok=True)
            with _FolderLock(folder, LOCK_TIMEOUT):
                info = _read_manifest(folder)  # another process may have created it meanwhile
                if info is None or not _generation_exists(folder, info):
                    info = _create(folder, (info or {}).get("sources", []))
        return cls._from_info(folder, info, strict)

    @classmethod
    def _from_info(cls, folder: Path, info: dict[str, Any], strict: bool) -> Index:
        generation = info.get("generation", LEGACY_GENERATION)
        problem = None
        if info.get("schema_version") != SCHEMA_VERSION:
            problem = (f"the index at {folder} was written by searchidx {info.get('searchidx_version', '?')} "
                       f"(schema {info.get('schema_version')}); this is searchidx {__version__} (schema "
                       f"{SCHEMA_VERSION}): rebuild it with: searchidx build --rebuild --index {folder}")
            if strict:
                raise IndexVersionError(problem)
        try:
            ix = _open_whoosh(folder / generation)
        except Exception as exc:  # whoosh raises assorted errors for damaged files
            if problem:
                ix = None
            else:
                raise SearchidxError(f"the index at {folder} cannot be opened ({type(exc).__name__}: {exc}); "
                                     f"rebuild it with: searchidx build --rebuild --index {folder}") from None
        return cls(folder, ix, generation, problem=problem)

    @property
    def sources(self) -> list[str]:
        return list((_read_manifest(self.path) or {}).get("sources", []))

    def _fresh(self) -> Any:
        """The Whoosh index of the current generation: reopened if a rebuild switched generations."""
        stamp = _stamp(self.path)
        if stamp != self._stamp:
            info = _read_manifest(self.path)
            if info is not None and info.get("generation", LEGACY_GENERATION) != self.generation:
                fresh = Index._from_info(self.path, info, strict=False)
                self._ix, self.generation, self._problem = fresh._ix, fresh.generation, fresh._problem
            self._stamp = stamp
        if self._problem:
            raise IndexVersionError(self._problem)
        return self._ix

    # -- writing -----------------------------------------------------------------------------
    def sync(self, paths: Iterable[str | os.PathLike[str]] | None = None, *, progress: Progress | None = None,
             lock_timeout: float = LOCK_TIMEOUT) -> SyncReport:
        """Make the index match ``paths`` (files and folders; default: the sources remembered from
        the last sync): new files added, changed ones (by content hash) re-indexed, vanished ones removed.

        ``progress(done, total, path)`` is called after each file. When worker processes write the files,
        it is also called every half second with ``path`` empty and ``done`` the files they have written,
        which runs ahead of the files handed back so far. A source that is missing altogether
        is reported in ``skipped`` and its releases are kept (an unmounted disk does not empty the index)."""
        report = SyncReport()
        with self._session(lock_timeout) as session:
            known_sources = list(session.info.get("sources", []))
            roots = [str(Path(p).resolve()) for p in paths] if paths is not None else known_sources
            # A path that does not exist is reported (skipped) and not remembered: a typo is not a source.
            merged = list(dict.fromkeys(known_sources + [r for r in roots if os.path.exists(r)]))
            if merged != known_sources:
                # Written before any document: after a crash the manifest may name a source too many (the
                # next sync looks at it again), never one too few (whose files no sync would look at again).
                _update_manifest(self.path, sources=merged)
            self._apply(session, roots, report, progress, delete=True)
            session.commit()
        return report

    def add(self, paths: Iterable[str | os.PathLike[str]], *, progress: Progress | None = None,
            lock_timeout: float = LOCK_TIMEOUT) -> SyncReport:
        """Index these files (or re-index them if they changed), leaving everything else alone."""
        report = SyncReport()
        with self._session(lock_timeout) as session:
            self._apply(session, list(paths), report, progress, delete=False)
            session.commit()
        return report

    def update(self, paths: Iterable[str | os.PathLike[str]], *, merge: bool = True,
               lock_timeout: float = LOCK_TIMEOUT) -> SyncReport:
        """Bring these paths up to date, whatever happened to them: files (and folders) that exist are
        indexed or re-indexed, indexed files at or under paths that no longer exist are removed.
        ``merge=False`` commits without merging segments (quicker; call `merge` later)."""
        report = SyncReport()
        with self._session(lock_timeout) as session:
            existing = [str(p) for p in paths if os.path.exists(p)]
            gone = [str(Path(p).absolute()) for p in paths if not os.path.exists(p)]
            if existing:
                self._apply(session, existing, report, None, delete=False)
            for path in [p for p in list(session.known) if _under(p, gone)]:
                self._delete_file(session, path)
                report.removed.append(path)
                session.changed()
            session.commit(merge=merge)
        return report

    def remove(self, targets: Iterable[str], *, lock_timeout: float = LOCK_TIMEOUT) -> RemoveReport:
        """Remove releases by file path, folder or release id. Returns the paths removed (``.missing``: the
        targets that matched nothing). A file still under a source comes back at the next sync."""
        removed = RemoveReport()
        with self._session(lock_timeout) as session:
            for target in targets:
                resolved = str(Path(target).resolve())
                if resolved in session.known:
                    matches = [resolved]
                else:  # a release id, or a folder: everything indexed under it
                    matches = [p for p, rec in session.known.items()
                               if target in rec["releases"] or _under(p, [resolved])]
                if not matches:
                    removed.missing.append(target)
                for path in matches:
                    self._delete_file(session, path)
                    removed.append(path)
                    session.changed()
            session.commit()
        return removed

    def rebuild(self, paths: Iterable[str | os.PathLike[str]] | None = None, *, progress: Progress | None = None,
                lock_timeout: float = LOCK_TIMEOUT) -> SyncReport:
        """Index ``paths`` (default: the remembered sources) from scratch into a new generation, then
        switch to it in one step. Searches meanwhile use the old generation; later ones the new. Other
        writers wait for the rebuild (it holds the writers' lock). A missing source is an error here: a
        rebuild without it would drop its releases."""
        from whoosh import index as whoosh_index

        report = SyncReport()
        with _FolderLock(self.path, lock_timeout) as lock:
            info = _read_manifest(self.path) or {}
            old = info.get("generation", LEGACY_GENERATION)
            roots = [str(Path(p).resolve()) for p in paths] if paths is not None else list(info.get("sources", []))
            if not roots:
                raise SearchidxError(f"nothing to rebuild the index at {self.path} from: name the files and folders")
            missing = [r for r in roots if not os.path.exists(r)]
            if missing:
                raise SearchidxError(f"cannot rebuild: source {missing[0]} is missing and its releases would be "
                                     f"lost; restore it, or name the sources to keep")
            _clean_generations(self.path, keep={old, info.get("previous")})
            name = _new_generation(self.path)
            ix = whoosh_index.create_in(str(self.path / name), schema(), indexname=_INDEXNAME)
            building = Index(self.path, ix, name)
            session = _Session(building, info, lock)
            try:
                building._apply(session, roots, report, progress, delete=False)
                session.commit()
            except BaseException:
                session.cancel()
                shutil.rmtree(self.path / name, ignore_errors=True)
                raise
            _fsync_tree(self.path / name)  # on disk before the manifest names it (a power cut, not just a kill)
            # The switch: one atomic replace of the manifest, naming the new generation.
            _write_manifest(self.path, {"generation": name, "previous": old, "sources": roots})
            # Readers that opened the old generation before the switch may still be reading it: it stays
            # (as "previous") until the next rebuild. Older ones go now.
            _clean_generations(self.path, keep={name, old})
        self._ix, self.generation, self._problem, self._stamp = _open_whoosh(self.path / name), name, None, \
            _stamp(self.path)
        return report

    def merge(self, *, optimize: bool = False, lock_timeout: float = LOCK_TIMEOUT) -> int:
        """Merge the small segments that frequent small commits leave into one, or all segments into one
        with ``optimize`` (takes a while on a big index). Returns the number of segments left."""
        with self._session(lock_timeout) as session:
            if not optimize:
                session.writer()
                session.commit(mergetype=_merge_tail)
            elif len(segments := self._ix._segments()) > 1 or any(s.has_deletions() for s in segments):
                # In a worker process, streamed (segments.py): Whoosh's own merge took twice as long.
                self._replace_segments(session, [segments], processes=1)
        return len(self._ix._segments())

    # -- the parts of writing ----------------------------------------------------------------------
    @contextlib.contextmanager
    def _session(self, timeout: float) -> Iterator[_Session]:
        with _FolderLock(self.path, timeout) as lock:
            info = _read_manifest(self.path)
            if info is None:
                raise IndexNotFoundError(f"the index at {self.path} is gone")
            self._stamp = None  # re-read the manifest: a rebuild may have switched generations
            self._fresh()
            # We hold the lock, so no writer is at work: whatever the last commit does not name is debris
            # of a writer that died (Whoosh only cleans up at its next commit).
            _clean_orphans(self._ix)
            _clean_generations(self.path, keep={info.get("generation", LEGACY_GENERATION), info.get("previous")})
            session = _Session(self, info, lock)
            try:
                yield session
            except BaseException:
                session.cancel()
                self._known = None
                raise
            self._known = (self.generation, self._ix.latest_generation(), session.known)

    def _apply(self, session: _Session, paths: list[Any], report: SyncReport, progress: Progress | None, *,
               delete: bool) -> None:
        from searchidx.load.core import discover  # the loader is imported by writers only: a search never needs it

        files, problems = discover(paths)
        report.skipped.extend(problems)
        gone: list[str] = []
        if delete:
            roots = [str(Path(p).resolve()) for p in paths]
            present = {str(p.resolve()) for p in files}
            missing_roots = [r for r in roots if not os.path.exists(r)]
            gone = [p for p in session.known if p not in present and _under(p, roots)
                    and not _under(p, missing_roots) and not os.path.exists(p)]
        total = len(files) + len(gone)
        done = 0
        resolved = [str(p.resolve()) for p in files]
        hashes = {p: rec["hash"] for p, rec in session.known.items()}
        procs = parallel.segment_processes()
        in_workers = procs > 0 and len(resolved) >= parallel.MIN_PARALLEL
        if in_workers:
            # Worker processes load, parse, attribute and write whole releases into segments of their own;
            # this one decides what they mean and names them in the table of contents at commit.
            session.parallel = True
            wrote = False
            # Segments of at most SEGMENT_FILES files, in even rounds, each committed as it comes: a killed
            # sync keeps the segments finished before.
            chunk = parallel.segment_chunk(len(resolved), procs, parallel.SEGMENT_FILES)
            waiting = None
            if progress:
                def waiting(written: int) -> None:  # files written in segments not handed back yet
                    progress(written, total, "")
            for segment, items in parallel.write_segments(str(self._ix.storage.folder), _INDEXNAME, resolved,
                                                          hashes, processes=procs, chunk=chunk,
                                                          waiting=waiting):
                changed = self._take_segment(session, segment, items, report)
                for item in items:
                    done += 1
                    if progress:
                        progress(done, total, item.path)
                if changed or session.attached:
                    session.commit()  # each segment is committed as it comes
                    wrote = True
        else:
            # Parsing and attribution run in a worker process while this one writes (see bench/run.py).
            for loaded in load_files(resolved, hashes, analyse=True):
                self._index_loaded(session, loaded, report)
                done += 1
                if progress:
                    progress(done, total, loaded.path)
        for path in gone:
            self._delete_file(session, path)
            report.removed.append(path)
            session.changed()
            done += 1
            if progress:
                progress(done, total, path)
        if in_workers:
            self._merge_in_workers(session, procs, merge=wrote)  # a sync that wrote nothing merges nothing

    def _take_segment(self, session: _Session, segment: Any, items: list[parallel.Written],
                      report: SyncReport) -> int:
        """Account for a worker's segment, then have the next commit name it. What the segment holds is
        decided before it is named: its paragraphs of a release the index already holds (a copy) are
        marked deleted, so a release keeps one set of paragraphs."""
        fresh = [w for w in items if isinstance(w.release, tuple)]
        # The old versions of updated files go first (from older segments: this segment is not the main
        # writer's), so that a release they held counts only the holders that remain.
        updated = set()
        for w in fresh:
            old = session.known.get(w.path)
            if old and old["hash"] != w.digest:
                self._delete_file(session, w.path)
                updated.add(w.path)
        changed = 0
        for w in items:
            old = session.known.get(w.path)
            if isinstance(w.release, LoadError):
                report.skipped.append(w.release)
                continue
            if w.release is None or (old and old["hash"] == w.digest):
                if segment is not None and w.span:  # parsed after all: its documents are not needed
                    for docnum in range(*w.span):
                        segment.delete_document(docnum)
                report.unchanged.append(w.path)
                continue
            rid, count = w.release
            if session.holders[rid] > 0 and segment is not None and w.span:
                for docnum in range(w.span[0] + 1, w.span[1]):
                    segment.delete_document(docnum)
            session.written.add(rid)
            session.add_file(w.path, {"hash": w.digest, "releases": [rid]})
            report.paragraphs += count
            (report.updated if w.path in updated else report.added).append(w.path)
            changed += 1
        if segment is not None and segment.deleted_count() < segment.doc_count_all():
            session.attached.append(segment)
        return changed

    def _merge_in_workers(self, session: _Session, procs: int, *, merge: bool = True) -> None:
        """The end of a batch written by workers: commit, then merge its small segments (with the index's
        other small ones) in worker processes, so searches do not open dozens of segments. Big ones are left
        alone (a merge costs about as much as writing): `merge(optimize=True)` makes one."""
        session.commit()
        groups = parallel.merge_groups(self._ix._segments(), procs) if merge else []
        if groups:
            self._replace_segments(session, groups, processes=procs)
        session.parallel = False
        _clean_orphans(self._ix)  # the batch's commits left older tables of contents; no worker is at work

    def _replace_segments(self, session: _Session, groups: list[list[Any]], *, processes: int) -> None:
        """Worker processes merge each group of committed segments into one new segment; one commit then
        names the new ones instead of the groups'."""
        merged = parallel.merge_segments(str(self._ix.storage.folder), _INDEXNAME, groups, processes=processes)
        gone = {s.segment_id() for g in groups for s in g}
        session.attached.extend(s for s in merged if s is not None)
        session.writer()
        session.parallel = False
        session.commit(mergetype=lambda writer, segments: [s for s in segments if s.segment_id() not in gone])

    def _index_file(self, session: _Session, path: str, report: SyncReport) -> None:
        hashes = {path: session.known[path]["hash"]} if path in session.known else {}
        self._index_loaded(session, load_one(path, hashes.get(path)), report)

    def _index_loaded(self, session: _Session, loaded: Loaded, report: SyncReport) -> None:
        path, digest, release = loaded.path, loaded.digest, loaded.release
        old = session.known.get(path)
        if isinstance(release, LoadError):
            # The file is bad now; what was indexed from it before stays until it is mended or deleted.
            report.skipped.append(release)
            return
        if old and old["hash"] == digest:
            report.unchanged.append(path)
            return
        if release is None:  # the loader took it for unchanged, but the index says otherwise now
            return self._index_file(session, path, report)
        if old:
            self._delete_file(session, path)
        # Identical content at another path (a copy, or a rename seen before the old name's removal)
        # shares that release's paragraphs: only the file record is new.
        shared = session.holders[release.id] > 0
        write_release(session.writer(), path, digest, release, paragraphs=not shared,
                      analysed=loaded.analysed)
        session.written.add(release.id)
        session.add_file(path, {"hash": digest, "releases": [release.id]})
        report.paragraphs += len(release.paragraphs)
        (report.updated if old else report.added).append(path)
        session.changed()

    def _delete_file(self, session: _Session, path: str) -> None:
        record = session.drop_file(path)
        writer = session.writer()
        writer.delete_by_term("doc", f"file:{path}")
        if not record:
            return
        for rid in record["releases"]:
            if not session.holders[rid]:
                if rid in session.written:
                    # Whoosh's delete_by_term does not reach what the same writer added (a regroup of this
                    # release earlier in the session): commit to make those documents deletable.
                    session.commit()
                    writer = session.writer()
                writer.delete_by_term("release", rid)
            else:  # copies elsewhere keep the paragraphs, which may have followed this file's record
                self._regroup(session, rid, path)

    def _regroup(self, session: _Session, rid: str, gone: str) -> None:
        """Write a release's file records again, without ``gone``'s, its paragraphs after the first."""
        if rid in session.written:
            session.commit()  # written in this session: commit to read it back
        with self._ix.searcher() as s:
            records = [d for d in s.documents(doctype="file", release=rid) if d["path"] != gone]
            paras = sorted(s.documents(doctype="para", release=rid), key=lambda d: d["n"])
        writer = session.writer()
        writer.delete_by_term("release", rid)
        for i, rec in enumerate(records):
            write_release(writer, rec["path"], rec["hash"], release_from(rec, paras), paragraphs=i == 0)
        session.written.add(rid)

    # -- reading -----------------------------------------------------------------------------
    @property
    def engine(self) -> WhooshEngine:
        """The search engine under this index (the Whoosh engine: its ``whoosh`` and ``searcher()`` reach
        Whoosh itself, for embedders who need to)."""
        if self._engine is None:
            self._engine = WhooshEngine(self)
        return self._engine

    def _files(self) -> dict[str, dict[str, Any]]:
        """Every indexed file: path → {"hash", "releases"}."""
        return self.engine.files()

    def files(self) -> dict[str, str]:
        """Indexed file paths and their release ids."""
        return {p: rec["releases"][0] for p, rec in self._files().items()}

    def release(self, release_id: str) -> Release:
        """A whole release as indexed, paragraphs in order."""
        return self.engine.release(release_id)

    def search(self, query: str, *, speaker: str | None = None, since: dt.date | str | None = None,
               until: dt.date | str | None = None, source: str | None = None,
               kinds: tuple[str, ...] | None = ("body",), quotes_only: bool = False, limit: int = 10,
               page: int = 1, sort: str = "score", facets: tuple[str, ...] | list[str] = (),
               timeline: bool = False, context: int = 0, collapse: bool = True, suggest: bool = True,
               exact_total: bool | None = None, facet_limit: int | None = 10) -> SearchResults:
        """Ranked paragraphs matching ``query`` (see docs/searching.md for the query language), narrowed by
        the filters. Raises `QueryError` (with a ``hint``) for a query or option it cannot run.

        ``speaker``: every word of it in the speaker's name. ``since``/``until``: a date, or YYYY, YYYY-MM or
        YYYY-MM-DD (inclusive). ``source``: every word of it in the wire or site. ``kinds``: paragraph kinds
        searched (None: all; a ``kind:`` in the query also lifts the default). ``quotes_only``: paragraphs
        attributed to a speaker. ``limit``/``page``: hits per page (0: counts, facets and timeline only) and
        which page. ``sort``: "score" or "date" (newest first, undated last). ``facets``: any of speaker,
        source, year, location; ``facet_limit`` values each (None: all). ``timeline``: matches per month.
        ``context``: paragraphs before and after each hit. ``collapse``: fold syndicated copies into one hit.
        ``suggest``: a corrected query when words are unknown. ``exact_total``: ignored (every total is
        counted), kept for callers of earlier versions."""
        return search(self, query, speaker=speaker, since=since, until=until, source=source, kinds=kinds,
                      quotes_only=quotes_only, limit=limit, page=page, sort=sort, facets=facets,
                      timeline=timeline, context=context, collapse=collapse, suggest=suggest,
                      exact_total=exact_total, facet_limit=facet_limit)

    def speakers(self) -> list[SpeakerSummary]:
        """Every speaker: name as first given, roles, paragraphs and releases, most paragraphs first."""
        return speakers(self)

    def stats(self) -> Stats:
        """Releases, paragraphs, speakers, date span, size on disk and last update."""
        return stats(self)

    # -- checking ----------------------------------------------------------------------------
    def check(self, *, contents: bool = True) -> CheckReport:
        """Check the index against itself and its sources: it opens; every file record has its release's
        paragraphs and every release's paragraphs have a file record; no orphan segment files; sources
        exist; (with ``contents``) no indexed file changed or vanished, no new file left unindexed."""
        from whoosh import query as Q

        report = CheckReport(generation=self.generation)
        rebuild = f"rebuild: searchidx build --rebuild --index {self.path}"
        if self._problem:
            report.problem(self._problem.split(": rebuild")[0], rebuild)
            return report
        info = _read_manifest(self.path) or {}
        try:
            ix = self._fresh()
            with ix.searcher() as s:
                reader = s.reader()
                report.segments = len(ix._segments()) if hasattr(ix, "_segments") else 0
                file_docs = set(s.docs_for_query(Q.Term("doctype", "file")))
                para_docs = set(s.docs_for_query(Q.Term("doctype", "para")))
                report.paragraphs = len(para_docs)
                counts = {d["release"]: (d.get("meta") or {}).get("paragraph_count")
                          for d in s.documents(doctype="file")}
                no_paras, no_file, apart = [], [], []
                for raw in reader.lexicon("release"):
                    rid = raw.decode("utf-8") if isinstance(raw, bytes) else raw
                    docs = set(s.docs_for_query(Q.Term("release", rid)))
                    if not docs:
                        continue  # a term left by deleted documents until their segment is merged
                    report.releases += 1
                    if docs & file_docs and not docs & para_docs and counts.get(rid) != 0:
                        no_paras.append(rid)
                    if docs & para_docs and not docs & file_docs:
                        no_file.append(rid)
                    elif docs & para_docs and not _grouped(reader, docs & para_docs, docs & file_docs):
                        apart.append(rid)
            known = self._files()
        except SearchidxError:
            raise
        except Exception as exc:  # whoosh raises assorted errors for damaged files
            report.problem(f"the index cannot be read ({type(exc).__name__}: {exc})", rebuild)
            return report
        report.files = len(known)
        if no_paras:
            report.problem(f"{len(no_paras)} release(s) have a file record but no paragraphs "
                           f"(e.g. {no_paras[0]})", rebuild)
        if no_file:
            report.problem(f"{len(no_file)} release(s) have paragraphs but no file record "
                           f"(e.g. {no_file[0]})", rebuild)
        if apart:
            report.problem(f"{len(apart)} release(s) have paragraphs that do not follow their file record, "
                           f"so searches on the title miss them (e.g. {apart[0]})", rebuild)
        try:
            with _FolderLock(self.path, 0):
                orphans = _orphans(ix)
        except IndexLockedError:
            orphans = []
            report.notes.append("a writer is at work: orphan segment files not checked")
        if orphans:
            report.problem(f"{len(orphans)} orphan segment file(s) left by a writer that died "
                           f"(e.g. {orphans[0]})", "any write removes them: searchidx build")
        sources = list(info.get("sources", []))
        for src in sources:
            if not os.path.exists(src):
                held = sum(_under(p, [src]) for p in known)
                report.problem(f"source {src} is missing ({held} indexed files are under it)",
                               "restore it, or remove its releases: searchidx remove PATH...")
        if contents:
            self._check_contents(report, known, [s for s in sources if os.path.exists(s)])
        return report

    def _check_contents(self, report: CheckReport, known: dict[str, dict[str, Any]], sources: list[str]) -> None:
        from searchidx.load.core import discover, load_bytes, read_bytes

        changed, vanished = [], []
        for path, rec in known.items():
            try:
                data = read_bytes(path)
            except LoadError:
                if not os.path.exists(path):
                    vanished.append(path)
                continue
            if hashlib.sha256(data).hexdigest() != rec["hash"]:
                changed.append(path)
        files, _ = discover(sources)
        new, unloadable = [], []
        for path in files:
            resolved = str(path.resolve())
            if resolved in known:
                continue
            try:
                load_bytes(read_bytes(resolved), resolved)
                new.append(resolved)
            except LoadError:
                unloadable.append(resolved)
        sync = "sync: searchidx build"
        if changed:
            report.problem(f"{len(changed)} file(s) changed since indexed (e.g. {changed[0]})", sync)
        if vanished:
            report.problem(f"{len(vanished)} indexed file(s) no longer exist (e.g. {vanished[0]})", sync)
        if new:
            report.problem(f"{len(new)} file(s) under the sources are not indexed yet (e.g. {new[0]})", sync)
        if unloadable:
            report.notes.append(f"{len(unloadable)} file(s) under the sources cannot be loaded and are not "
                                f"indexed (searchidx build names them and says why)")



def _grouped(reader: Any, paras: set[int], records: set[int]) -> bool:
    """Whether a release's paragraphs follow one of its file records with nothing live between them."""
    first, last = min(paras), max(paras)
    before = first - 1
    while before >= 0 and reader.is_deleted(before):
        before -= 1
    return before in records and all(d in paras or reader.is_deleted(d) for d in range(first, last + 1))



class _Session:
    """One writer's turn, under the folder lock: what is indexed, and a Whoosh writer opened on demand
    (a sync that changes nothing commits nothing), committed every `COMMIT_EVERY` changes."""

    def __init__(self, index: Index, info: dict[str, Any], lock: _FolderLock) -> None:
        self.index = index
        self.info = info
        self.lock = lock
        cached = index._known
        if cached and cached[:2] == (index.generation, index._ix.latest_generation()):
            self.known = cached[2]
        else:
            self.known = index._files()
        index._known = None  # until this session ends well
        #: Releases written since the last commit.
        self.written: set[str] = set()
        #: release id → how many indexed files hold it (copies share one set of paragraphs).
        self.holders: Counter[str] = Counter(rid for rec in self.known.values() for rid in rec["releases"])
        self._writer: Any = None
        self._pending = 0
        #: Segments written by worker processes, named in the table of contents at the next commit.
        self.attached: list[Any] = []
        #: While workers write segments that no table of contents names yet: commits neither merge nor
        #: remove files they do not know (Whoosh's commit removes every segment file its TOC does not name).
        self.parallel = False

    def add_file(self, path: str, record: dict[str, Any]) -> None:
        self.known[path] = record
        self.holders.update(record["releases"])

    def drop_file(self, path: str) -> dict[str, Any] | None:
        record = self.known.pop(path, None)
        if record:
            self.holders.subtract(record["releases"])
        return record

    def writer(self) -> Any:
        from whoosh.index import LockError

        if self._writer is None:
            try:
                # Compound segments (Whoosh's default) are kept although whoosh3 copies their parts into
                # memory when a searcher opens them (~0.3 s on a 240 MB index): separate segment files are
                # opened lazily, and a searcher open across a merge then meets deleted files.
                # We hold the folder lock, so Whoosh's own is free unless a searchidx from before the
                # folder lock is writing: wait for it as long as we would have for the folder lock.
                self._writer = _writer_class()(self.index._ix, timeout=max(self.lock.timeout, 1.0), delay=0.05,
                                               **WRITER_OPTIONS)
            except LockError:
                raise IndexLockedError(f"another process is writing to the index at {self.index.path}; "
                                       f"try again later") from None
        return self._writer

    def changed(self) -> None:
        self._pending += 1
        if self._pending >= COMMIT_EVERY:
            self.commit()

    def commit(self, *, optimize: bool = False, merge: bool = True, mergetype: Any = None) -> None:
        if self.attached and self._writer is None:
            self.writer()
        if self._writer is not None:
            writer, self._writer = self._writer, None
            writer.attached, self.attached = self.attached, []
            writer.clean = not self.parallel
            if self.parallel:
                # The batch's segments are merged in worker processes at its end, not by this one.
                optimize, merge = False, False
            # Whoosh's default merge policy (MERGE_SMALL) merges the small segments of frequent small
            # commits into bigger ones as they pile up, so `add` does not pile up segments. Watch mode
            # commits without merging (a merge can take seconds) and merges when nothing is arriving.
            writer.commit(optimize=optimize, merge=merge, mergetype=mergetype)
            self.written.clear()
        self._pending = 0
        self.index._ix = self.index._ix.refresh()

    def cancel(self) -> None:
        self.attached = []  # orphans now: the next writer removes their files
        if self._writer is not None:
            writer, self._writer = self._writer, None
            with contextlib.suppress(Exception):
                writer.cancel()


@functools.cache
def _writer_class() -> Any:
    """Whoosh's SegmentWriter, whose commit also names the segments that worker processes wrote
    (``attached``, after its own), and removes unnamed segment files only when ``clean``."""
    from whoosh.index import TOC, clean_files

    from searchidx.engine.whoosh.segments import segment_writer

    class SessionWriter(segment_writer()):
        attached: list[Any] = []
        clean = True

        def _commit_toc(self, segments: list[Any]) -> None:
            segments = list(segments) + list(self.attached)
            TOC(self.schema, segments, self.generation).write(self.storage, self.indexname)
            if self.clean:
                clean_files(self.storage, self.indexname, self.generation, segments)

    return SessionWriter


class _FolderLock:
    """An exclusive fcntl lock on ``searchidx.lock``: held while one process writes. The kernel drops it
    when its holder dies, however it dies, so a killed writer never leaves a stale lock behind. The file
    names the holder (pid, host, since) for the message of whoever waits for it."""

    def __init__(self, folder: Path, timeout: float) -> None:
        self.folder = folder
        self.timeout = timeout
        self.fd: int | None = None

    def __enter__(self) -> _FolderLock:
        import fcntl

        path = self.folder / LOCK
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:  # held by another process (any other error: no locking here at all)
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
                    os.close(fd)
                    raise IndexLockedError(
                        f"another process is writing to the index at {self.folder}"
                        f"{f' ({holder})' if holder else ''} and did not finish within {self.timeout:g} s; "
                        f"try again later") from None
                time.sleep(0.05)
            except OSError as exc:
                os.close(fd)
                raise SearchidxError(f"cannot lock {path} ({exc.strerror or exc}): the index needs a file "
                                     f"system with file locks") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()} since "
                      f"{dt.datetime.now().isoformat(timespec='seconds')}".encode(), 0)
        self.fd = fd
        HELD_LOCKS.add(fd)
        return self

    def __exit__(self, *exc: object) -> None:
        import fcntl

        if self.fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self.fd, 0)
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            HELD_LOCKS.discard(self.fd)
            self.fd = None


def _under(path: str, roots: list[str]) -> bool:
    return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def _stamp(folder: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(folder / MANIFEST)
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns)


def _read_manifest(folder: Path) -> dict[str, Any] | None:
    """The manifest, or None when there is none. It is only ever replaced whole, so it is never half-written."""
    try:
        text = (folder / MANIFEST).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SearchidxError(f"cannot read {folder / MANIFEST}: {exc.strerror or exc}") from None
    try:
        data = json.loads(text)
    except ValueError:
        raise SearchidxError(f"{folder / MANIFEST} is damaged (not JSON); rebuild the index with: "
                             f"searchidx build --rebuild PATH... --index {folder}") from None
    return data if isinstance(data, dict) else {}


def _write_manifest(folder: Path, data: dict[str, Any]) -> None:
    data = {"schema_version": SCHEMA_VERSION, "searchidx_version": __version__, **data}
    tmp = folder / f".{MANIFEST}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(data, indent=1))
        fh.flush()
        os.fsync(fh.fileno())  # the data is on disk before the name points at it
    os.replace(tmp, folder / MANIFEST)


def _update_manifest(folder: Path, **changes: Any) -> None:
    """Change some keys of the manifest (the caller holds the folder lock); its schema_version stays."""
    _write_manifest(folder, {**(_read_manifest(folder) or {}), **changes})


def _generation_exists(folder: Path, info: dict[str, Any]) -> bool:
    """Whether the manifest's generation has a table of contents (a committed Whoosh index)."""
    gen_dir = folder / info.get("generation", LEGACY_GENERATION)
    try:
        return any(re.fullmatch(rf"_{_INDEXNAME}_\d+\.toc", name) for name in os.listdir(gen_dir))
    except OSError:
        return False


def _open_whoosh(gen_dir: Path) -> Any:
    """A Whoosh index whose every reading of the table of contents (opening, ``schema``, segments) is
    retried: Whoosh lists the folder for the latest one, then opens it, and a writer committing in between
    deletes it. Only Whoosh's reader() retried this; opening an index or asking its schema did not."""
    from whoosh.index import FileIndex

    from searchidx.engine.whoosh.mapped import MappedStorage

    class RetryingFileIndex(FileIndex):
        def _read_toc(self) -> Any:
            for _ in range(50):
                try:
                    return super()._read_toc()
                except FileNotFoundError:
                    time.sleep(0.02)
            return super()._read_toc()

    for _ in range(50):
        try:
            return RetryingFileIndex(MappedStorage(str(gen_dir)), indexname=_INDEXNAME)
        except FileNotFoundError:
            time.sleep(0.02)
    return RetryingFileIndex(MappedStorage(str(gen_dir)), indexname=_INDEXNAME)


def _create(folder: Path, sources: list[str]) -> dict[str, Any]:
    from whoosh import index as whoosh_index

    _clean_generations(folder, keep=set())
    name = _new_generation(folder)
    whoosh_index.create_in(str(folder / name), schema(), indexname=_INDEXNAME)
    info = {"generation": name, "sources": sources}
    _write_manifest(folder, info)  # last: until the manifest names it, the generation does not exist
    return _read_manifest(folder) or info


def _new_generation(folder: Path) -> str:
    numbers = [int(m.group(1)) for e in os.listdir(folder) if (m := re.fullmatch(rf"{GEN_PREFIX}(\d+)", e))]
    name = f"{GEN_PREFIX}{max(numbers, default=0) + 1}"
    (folder / name).mkdir()
    return name


def _clean_generations(folder: Path, keep: set[Any]) -> None:
    """Remove generations neither current nor previous (in ``keep``): left by a rebuild that died, or old."""
    for entry in os.listdir(folder):
        if re.fullmatch(rf"{GEN_PREFIX}\d+", entry) and entry not in keep:
            _remove_generation(folder, entry)
    if LEGACY_GENERATION not in keep:
        _remove_generation(folder, LEGACY_GENERATION)


def _remove_generation(folder: Path, name: str) -> None:
    if name == LEGACY_GENERATION:
        # Whoosh's files of a legacy index, directly in the folder: MAIN_<n>.toc, MAIN_<seg>.seg, _MAIN_…
        for entry in os.listdir(folder):
            if re.match(rf"_?{_INDEXNAME}[_.]", entry) and (folder / entry).is_file():
                with contextlib.suppress(OSError):
                    (folder / entry).unlink()
    else:
        shutil.rmtree(folder / name, ignore_errors=True)


def _merge_tail(writer: Any, segments: list[Any]) -> list[Any]:
    """A Whoosh merge policy: merge every small segment (under 5 % of the documents, or 2000) into one.
    Whoosh's MERGE_SMALL leaves up to about six small segments; this leaves none, and costs little
    because the big segments of a build are left alone."""
    from whoosh.reading import SegmentReader

    total = sum(s.doc_count_all() for s in segments)
    small = [s for s in segments if s.doc_count_all() < max(total // 20, 2000)]
    if len(small) < 2:
        return segments
    for seg in small:
        reader = SegmentReader(writer.storage, writer.schema, seg)
        writer.add_reader(reader)
        reader.close()
    return [s for s in segments if s not in small]


def _fsync_tree(folder: Path) -> None:
    for entry in os.scandir(folder):
        if entry.is_file():
            fd = os.open(entry.path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def _orphans(ix: Any) -> list[str]:
    """Files in the generation folder that its last commit does not use: debris of a writer that died."""
    from whoosh.index import TOC

    toc = ix._read_toc()
    current = {s.segment_id() for s in toc.segments}
    tocpattern = TOC._pattern(ix.indexname)
    segpattern = TOC._segment_pattern(ix.indexname)
    found = []
    for name in ix.storage.list():
        if (m := tocpattern.match(name)) and int(m.group(1)) != toc.generation:
            found.append(name)
        elif (m := segpattern.match(name)) and m.group(1) not in current:
            found.append(name)
        elif name.endswith(".tmp") and name != f"{ix.indexname}_WRITELOCK":
            found.append(name)
    return sorted(found)


def _clean_orphans(ix: Any) -> None:
    folder = Path(ix.storage.folder)
    for name in _orphans(ix):
        path = folder / name
        with contextlib.suppress(OSError):
            shutil.rmtree(path) if path.is_dir() else path.unlink()
