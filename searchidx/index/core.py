"""The searchable index: `Index.open(path)`, then `sync`, `add`, `remove`, `rebuild`, `check`, `search`.

One document per paragraph, carrying its release's metadata, and one "file" record per indexed file (its
content hash and the release metadata paragraphs do not carry). File records are committed with the
paragraphs, so what the index says it holds and what it holds never disagree. A release (one content hash)
has its paragraphs once, however many files hold that content.

This layer decides what a write means (which files a sync looks at, which are gone, what a rebuild
replaces) and keeps the folder (`searchidx.index.store`: manifest, lock, generations); the engine stores and
searches (`searchidx.engine`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from searchidx import __version__, safefiles
from searchidx.budget import QUERY_SECONDS
from searchidx.engine.whoosh import (
    DEFAULT_SEGMENT_FILES,
    SCHEMA_VERSION,
    SEGMENT_WRITER_OPTIONS,
    WhooshEngine,
    WhooshSession,
    after_commit,
    apply_mode,
    check_documents,
    check_files,
    clean_orphans,
    create_whoosh,
    open_whoosh,
    orphans,
)
from searchidx.errors import (
    IndexLockedError,
    IndexNotFoundError,
    IndexVersionError,
    LoadError,
    ReleaseNotFoundError,
    SearchidxError,
)
from searchidx.index import failed as failed_files
from searchidx.index.failed import FileMemory
from searchidx.index.ids import StableIds, read_history
from searchidx.index.store import (
    LEGACY_GENERATION,
    LOCK_TIMEOUT,
    MANIFEST,
    FolderLock,
    clean_generations,
    fsync_tree,
    generation_committed,
    manifest_mode,
    new_generation,
    read_manifest,
    stamp,
    under,
    update_manifest,
    write_manifest,
)
from searchidx.load.parallel import MIN_PARALLEL
from searchidx.load.problems import LoadWarning
from searchidx.model import Release
from searchidx.safefiles import DamagedIndexError
from searchidx.search.core import iter_search, search, search_releases, speakers, stats
from searchidx.search.results import Hit, ReleaseResults, SearchResults, SpeakerSummary, Stats


@dataclass(frozen=True)
class IndexOptions:
    """How an `Index` writes (`Index.open`'s keyword arguments)."""

    #: Worker processes that load and write (None: every core; 0: all in this process).
    processes: int | None = None
    #: Files per segment a worker writes, at most (a killed build keeps every segment finished before).
    segment_files: int = DEFAULT_SEGMENT_FILES
    #: Below this many files a write loads and writes in this process.
    min_parallel: int = MIN_PARALLEL
    #: A long write in this process commits every this many changed files, so a killed build keeps what it did.
    commit_every: int = 1000
    #: Options for Whoosh's writer in this process. limitmb: the postings pool held in memory before a sorted
    #: run goes to disk (bench/run.py --variants limitmbN measures other sizes).
    writer_options: dict[str, Any] = field(default_factory=lambda: {"limitmb": 256})
    #: Options for the workers' Whoosh writers: their postings pool is bounded by limitmb, per worker.
    worker_writer_options: dict[str, Any] = field(default_factory=lambda: dict(SEGMENT_WRITER_OPTIONS))
    #: Follow links in a source folder that lead out of it (not followed by default).
    follow_links: bool = False
    #: The mode of the index's files (folders: the same, searchable), stored in the manifest by the next
    #: write and kept by later ones (None: keep the stored one; an index without one: 0o600).
    mode: int | None = None


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
    #: Files indexed with a problem worth saying (a release with no body paragraph).
    warnings: list[LoadWarning] = field(default_factory=list)
    #: Files that failed to load before and have not changed since: neither parsed nor reported again.
    known_bad: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.skipped

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def summary(self) -> str:
        warned = f", {len(self.warnings)} with warnings" if self.warnings else ""
        known_bad = f", {len(self.known_bad)} known bad" if self.known_bad else ""
        return (f"{len(self.added)} added, {len(self.updated)} updated, {len(self.removed)} removed, "
                f"{len(self.unchanged)} unchanged, {len(self.skipped)} skipped{warned}{known_bad}")


class RemoveReport(list):
    """The paths `Index.remove` removed (a list, as before), and ``missing``: targets that matched nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.missing: list[str] = []
        #: Sources that a sync without paths no longer looks at.
        self.sources: list[str] = []


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
    #: Files under the sources that could not be loaded, and have not changed since: path → reason.
    failed: dict[str, str] = field(default_factory=dict)

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
                 problem: str | None = None, options: IndexOptions | None = None) -> None:
        self.path = path
        self.options = options or IndexOptions()
        self._ix = ix
        self.generation = generation
        self._problem = problem  # why this index cannot be used (an incompatible version), if it cannot
        self._stamp = stamp(path)
        #: (generation, Whoosh TOC generation, files) after this object's last write: a writer that
        #: finds the index as it left it (watch mode) need not read every file record again.
        self._known: tuple[str, int, dict[str, dict[str, Any]]] | None = None
        self._engine: WhooshEngine | None = None
        self._sources: tuple[Any, list[str]] | None = None

    # -- opening -----------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = False, strict: bool = True,
             processes: int | None = None, segment_files: int = DEFAULT_SEGMENT_FILES,
             min_parallel: int = MIN_PARALLEL, commit_every: int = 1000,
             writer_options: dict[str, Any] | None = None, follow_links: bool = False,
             mode: int | str | None = None) -> Index:
        """Open the index at ``path`` (create an empty one there if ``create``): a folder, or
        ``opensearch://HOST:PORT/NAME`` for an index on an OpenSearch cluster (`EngineIndex`, docs/opensearch.md).

        An index written by an incompatible searchidx raises `IndexVersionError`, and a damaged one
        `SearchidxError`, unless ``strict`` is false: then it opens for `rebuild` and `check` only (the rest
        raise `IndexVersionError`). A folder that holds an index but no manifest is never taken for an empty
        one: only a rebuild (``create`` and not ``strict``) starts it afresh.

        How it writes: ``processes`` worker processes (None: every core; 0: all in this process), each
        writing segments of at most ``segment_files`` files; under ``min_parallel`` files a write stays in
        this process, committing every ``commit_every`` changed files; ``writer_options`` for Whoosh's writer
        in this process (e.g. ``{"limitmb": 256}``). ``follow_links``: follow links in a source folder that
        lead out of it (by default they are reported and skipped).

        ``mode``: who may read the index, as the mode of its files (``0o640`` or ``"0640"``: the owner's
        group reads; folders get the matching search bits, ``0o750``). The owner must read and write; no
        execute, setuid or world-write bits (`SearchidxError` says why). Stored in the manifest by this
        object's next write (or at creation) and applied to every file and folder of the index, whatever
        the umask; later writes keep it. None: the stored mode, or ``0o600`` (the owner's only)."""
        options = IndexOptions(processes=processes, segment_files=segment_files, min_parallel=min_parallel,
                               commit_every=commit_every,
                               writer_options=dict(writer_options) if writer_options else {"limitmb": 256},
                               follow_links=follow_links,
                               mode=None if mode is None else safefiles.check_mode(mode))
        if is_engine_url(path):
            if mode is not None:
                raise SearchidxError(f"{path}: a file mode applies to an index folder, not to an index on a cluster")
            return EngineIndex.open_url(str(path), create=create, strict=strict, options=options)
        folder = Path(path)
        try:
            info = read_manifest(folder)
        except DamagedIndexError as exc:
            if strict:
                raise
            return cls(folder, None, LEGACY_GENERATION, problem=str(exc), options=options)
        if info is None and (strict or not create) and (leftover := safefiles.has_index_data(folder)):
            raise DamagedIndexError(
                f"{folder / MANIFEST} is missing, but {folder} holds an index ({leftover}); rebuild it from its "
                f"sources with: searchidx build --rebuild PATH... --index {folder}")
        if info is not None and info.get("generation") and strict and not generation_committed(folder, info):
            raise DamagedIndexError(
                f"{folder / info['generation']} (the manifest's generation) has no table of contents; rebuild "
                f"the index from its sources with: searchidx build --rebuild PATH... --index {folder}")
        if info is None or not generation_committed(folder, info):
            if not create:
                raise IndexNotFoundError(f"no index at {folder} (build one with: searchidx build PATH --index {folder})")
            new_mode = options.mode if options.mode is not None else safefiles.FILE_MODE
            if not folder.is_dir():
                folder.mkdir(parents=True, exist_ok=True, mode=safefiles.FOLDER_MODE)
                os.chmod(folder, safefiles.folder_mode(new_mode))  # mkdir's mode goes through the umask
            with FolderLock(folder, LOCK_TIMEOUT):
                info = read_manifest(folder)  # another process may have created it meanwhile
                if info is None or not generation_committed(folder, info):
                    info = _create(folder, (info or {}).get("sources", []), new_mode)
        return cls._from_info(folder, info, strict, options)

    @classmethod
    def _from_info(cls, folder: Path, info: dict[str, Any], strict: bool,
                   options: IndexOptions | None = None) -> Index:
        generation = info.get("generation", LEGACY_GENERATION)
        problem = None
        if info.get("schema_version") != SCHEMA_VERSION:
            problem = (f"the index at {folder} was written by searchidx {info.get('searchidx_version', '?')} "
                       f"(schema {info.get('schema_version')}); this is searchidx {__version__} (schema "
                       f"{SCHEMA_VERSION}): rebuild it with: searchidx build --rebuild --index {folder}")
            if strict:
                raise IndexVersionError(problem)
        try:
            ix = open_whoosh(folder / generation)
        except Exception as exc:  # whoosh raises assorted errors for damaged files
            ix = None
            if not problem:
                # A SearchidxError is already one line that names the file.
                problem = str(exc) if isinstance(exc, SearchidxError) else (
                    f"the index at {folder} cannot be opened ({type(exc).__name__}: {exc}); rebuild it from "
                    f"its sources with: searchidx build --rebuild PATH... --index {folder}")
                if strict:
                    raise (exc if isinstance(exc, SearchidxError) else SearchidxError(problem)) from None
        return cls(folder, ix, generation, problem=problem, options=options)

    @property
    def sources(self) -> list[str]:
        """The files and folders a sync without paths looks at."""
        # Every search asks (stable ids, paths): the manifest is read again only when it was replaced.
        now = stamp(self.path)
        if self._sources is None or self._sources[0] != now or now is None:
            try:
                self._sources = (now, list((read_manifest(self.path) or {}).get("sources", [])))
            except DamagedIndexError:
                return []
        return list(self._sources[1])

    @property
    def excludes(self) -> list[str]:
        """Globs excluded under every source (`searchidx.load.selection`), as remembered by `sync`."""
        return list((read_manifest(self.path) or {}).get("excludes", []))

    def set_sources(self, *, add: Iterable[str | os.PathLike[str]] = (), remove: Iterable[str | os.PathLike[str]] = (),
                    exclude: Iterable[str] = (), include: Iterable[str] = (),
                    lock_timeout: float = LOCK_TIMEOUT) -> None:
        """Change what a sync without paths looks at: ``add``/``remove`` sources (a removed source's
        releases stay until `remove` takes them out), ``exclude`` globs or stop excluding them (``include``)."""
        with FolderLock(self.path, lock_timeout):
            info = read_manifest(self.path) or {}
            gone = {str(Path(p).resolve()) for p in remove}
            sources = [s for s in info.get("sources", []) if s not in gone]
            sources = list(dict.fromkeys(sources + [str(Path(p).resolve()) for p in add]))
            dropped = set(include)
            excludes = [g for g in dict.fromkeys([*info.get("excludes", []), *exclude]) if g not in dropped]
            mode = self._write_mode(info)
            update_manifest(self.path, sources=sources, excludes=excludes, mode=f"{mode:04o}")
            apply_mode(self.path, mode)

    def _write_mode(self, info: dict[str, Any]) -> int:
        """The file mode a write gives the index: the one asked for (`Index.open`), else the stored one."""
        return self.options.mode if self.options.mode is not None else manifest_mode(info)

    def failed(self) -> dict[str, str]:
        """Files that could not be loaded and have not changed since: path → reason."""
        return {p: rec.get("reason", "") for p, rec in self._failed_records().items()}

    def _failed_records(self) -> dict[str, dict[str, Any]]:
        return failed_files.read(self.path)

    @property
    def location(self) -> str:
        """Where the index is: its folder, or its engine URL."""
        return str(self.path)

    def _remember_sources(self, sources: list[str], excludes: list[str]) -> None:
        update_manifest(self.path, sources=sources, excludes=excludes)

    def _fresh(self) -> Any:
        """The Whoosh index of the current generation: reopened if a rebuild switched generations."""
        now = stamp(self.path)
        if now != self._stamp:
            info = read_manifest(self.path)
            if info is not None and info.get("generation", LEGACY_GENERATION) != self.generation:
                fresh = Index._from_info(self.path, info, strict=False, options=self.options)
                self._ix, self.generation, self._problem = fresh._ix, fresh.generation, fresh._problem
            self._stamp = now
        if self._problem:
            raise IndexVersionError(self._problem)
        return self._ix

    # -- writing -----------------------------------------------------------------------------
    def sync(self, paths: Iterable[str | os.PathLike[str]] | None = None, *, progress: Progress | None = None,
             lock_timeout: float = LOCK_TIMEOUT, exclude: Iterable[str] = ()) -> SyncReport:
        """Make the index match ``paths`` (files and folders; default: the sources remembered from
        the last sync): new files added, changed ones (by content hash) re-indexed, vanished ones removed.

        ``progress(done, total, path)`` is called after each file. When worker processes write the files,
        it is also called every half second with ``path`` empty and ``done`` the files they have written,
        which runs ahead of the files handed back so far. A source that is missing altogether
        is reported in ``skipped`` and its releases are kept (an unmounted disk does not empty the index).
        ``exclude``: globs to leave out under every source, remembered with the sources; indexed files they
        match are removed. Files that failed to load and have not changed since are counted in
        ``known_bad``, not parsed or reported again (`searchidx.index.failed`)."""
        report = SyncReport()
        with self._session(lock_timeout) as session:
            known_sources = list(session.info.get("sources", []))
            known_excludes = list(session.info.get("excludes", []))
            roots = [str(Path(p).resolve()) for p in paths] if paths is not None else known_sources
            # A path that does not exist is reported (skipped) and not remembered: a typo is not a source.
            merged = list(dict.fromkeys(known_sources + [r for r in roots if os.path.exists(r)]))
            excludes = list(dict.fromkeys(known_excludes + list(exclude)))
            if merged != known_sources or excludes != known_excludes:
                # Written before any document: after a crash the manifest may name a source too many (the
                # next sync looks at it again), never one too few (whose files no sync would look at again).
                self._remember_sources(merged, excludes)
                session.info["excludes"] = excludes
            self._apply(session, roots, report, progress, delete=True)
            session.commit()
        return report

    def add(self, paths: Iterable[str | os.PathLike[str]], *, progress: Progress | None = None,
            lock_timeout: float = LOCK_TIMEOUT, exclude: Iterable[str] = ()) -> SyncReport:
        """Index these files (or re-index them if they changed), leaving everything else alone; in folders,
        not what ``exclude`` globs (or the remembered ones) match."""
        report = SyncReport()
        with self._session(lock_timeout) as session:
            session.info["excludes"] = [*session.info.get("excludes", []), *exclude]
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
            for path in [p for p in list(session.known) if under(p, gone)]:
                session.delete_file(path)
                report.removed.append(path)
                session.changed()
            session.commit(merge=merge)
        return report

    def remove(self, targets: Iterable[str], *, lock_timeout: float = LOCK_TIMEOUT) -> RemoveReport:
        """Remove releases by file path, folder or release id. Returns the paths removed (``.missing``: the
        targets that matched nothing). A file still under a source comes back at the next sync."""
        removed = RemoveReport()
        with self._session(lock_timeout) as session:
            ids = StableIds(session.info.get("sources", []))
            for target in targets:
                resolved = str(Path(target).resolve())
                if resolved in session.known:
                    matches = [resolved]
                else:  # a release id, or a folder: everything indexed under it
                    matches = [p for p, rec in session.known.items()
                               if target in rec["releases"] or under(p, [resolved]) or ids(p) == target]
                sources = session.info.get("sources", [])
                unsourced = [s for s in sources if under(s, [resolved])]
                if unsourced:  # a source named (or a folder holding sources): a later sync leaves it alone
                    session.info["sources"] = [s for s in sources if s not in unsourced]
                    self._remember_sources(session.info["sources"], session.info.get("excludes", []))
                    removed.sources.extend(unsourced)
                if not matches and not unsourced:
                    removed.missing.append(target)
                for path in matches:
                    session.delete_file(path)
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
        report = SyncReport()
        with FolderLock(self.path, lock_timeout) as lock:
            try:
                info = read_manifest(self.path) or {}
            except DamagedIndexError:  # a rebuild starts afresh from the sources it is given
                info = {}
            old = info.get("generation", LEGACY_GENERATION)
            roots = [str(Path(p).resolve()) for p in paths] if paths is not None else list(info.get("sources", []))
            if not roots:
                raise SearchidxError(f"nothing to rebuild the index at {self.path} from: name the files and folders")
            missing = [r for r in roots if not os.path.exists(r)]
            if missing:
                raise SearchidxError(f"cannot rebuild: source {missing[0]} is missing and its releases would be "
                                     f"lost; restore it, or name the sources to keep")
            clean_generations(self.path, keep={old, info.get("previous")})
            mode = self._write_mode(info)
            name = new_generation(self.path)
            ix = create_whoosh(self.path / name)
            building = Index(self.path, ix, name, options=self.options)
            session = WhooshSession(building, info, lock, mode=mode)
            # From scratch: every file is tried again.
            session.memory = FileMemory(self.path, fresh=True, mode=mode)
            try:
                building._apply(session, roots, report, progress, delete=False)
                session.commit()
            except BaseException:
                session.cancel()
                shutil.rmtree(self.path / name, ignore_errors=True)
                raise
            fsync_tree(self.path / name)  # on disk before the manifest names it (a power cut, not just a kill)
            # The switch: one atomic replace of the manifest, naming the new generation.
            write_manifest(self.path, {"generation": name, "previous": old, "sources": roots,
                                       "excludes": info.get("excludes", []), "mode": f"{mode:04o}"})
            apply_mode(self.path, mode)
            # Readers that opened the old generation before the switch may still be reading it: it stays
            # (as "previous") until the next rebuild. Older ones go now.
            clean_generations(self.path, keep={name, old})
        self._ix, self.generation, self._problem, self._stamp = open_whoosh(self.path / name), name, None, \
            stamp(self.path)
        return report

    def merge(self, *, optimize: bool = False, lock_timeout: float = LOCK_TIMEOUT) -> int:
        """Merge the small segments that frequent small commits leave into one, or all segments into one
        with ``optimize`` (takes a while on a big index). Returns the number of segments left."""
        with self._session(lock_timeout) as session:
            return session.merge(optimize=optimize)

    # -- the parts of writing ----------------------------------------------------------------------
    @contextlib.contextmanager
    def _session(self, timeout: float) -> Iterator[WhooshSession]:
        if not self.path.is_dir():  # deleted, or unmounted, under a long-running writer (watch)
            raise IndexNotFoundError(f"the index at {self.path} is gone (its folder no longer exists)")
        with FolderLock(self.path, timeout) as lock:
            info = read_manifest(self.path)
            if info is None:
                raise IndexNotFoundError(f"the index at {self.path} is gone")
            self._stamp = None  # re-read the manifest: a rebuild may have switched generations
            self._fresh()
            # We hold the lock, so no writer is at work: whatever the last commit does not name is debris
            # of a writer that died (Whoosh only cleans up at its next commit).
            clean_orphans(self._ix)
            clean_generations(self.path, keep={info.get("generation", LEGACY_GENERATION), info.get("previous")})
            mode = self._write_mode(info)
            if info.get("mode") != f"{mode:04o}":  # stored before anything is written with it
                update_manifest(self.path, mode=f"{mode:04o}")
                info["mode"] = f"{mode:04o}"
            session = WhooshSession(self, info, lock, mode=mode)
            try:
                yield session
            except BaseException:
                session.cancel()
                self._known = None
                raise
            finally:
                apply_mode(self.path, mode)  # the lock and manifest too, and a changed mode everywhere
            self._known = (self.generation, self._ix.latest_generation(), session.known)

    def _apply(self, session: WhooshSession, paths: list[Any], report: SyncReport, progress: Progress | None, *,
               delete: bool) -> None:
        """Which files a write looks at (``paths``' files), and with ``delete`` which indexed ones are gone;
        the session writes them."""
        # The loader is imported by writers only: a search never needs it (a quicker start).
        from searchidx.load.core import discover

        files, problems = discover(paths, exclude=session.info.get("excludes", []),
                                   follow_links=self.options.follow_links)
        report.skipped.extend(problems)
        gone: list[str] = []
        if delete:
            roots = [str(Path(p).resolve()) for p in paths]
            present = {str(p.resolve()) for p in files}
            # Under a root, an indexed file that was not found is gone, or excluded now; unless its folder
            # could not be read, or the root is missing altogether (an unmounted disk).
            kept = [r for r in roots if not os.path.exists(r)] + [str(Path(e.path).absolute()) for e in problems]
            gone = [p for p in session.known if p not in present and under(p, roots) and not under(p, kept)]
            for p in [p for p in session.memory.failed if p not in present and under(p, roots)]:
                session.memory.forget(p)
        session.write([str(p.resolve()) for p in files], gone, report, progress)
        session.memory.save()

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
        """A whole release as indexed, paragraphs in order, by its stable id (`searchidx.index.ids`) or its
        content id. `ReleaseNotFoundError` if there is none; for a content id whose file changed since, it
        says so and gives the release's id now."""
        try:
            return self.engine.release(release_id)
        except ReleaseNotFoundError:
            pass
        ids = StableIds(self.sources)
        for path in self.engine.paths():
            if ids(path) == release_id and (content := self.engine.release_at(path)) is not None:
                return self.engine.release(content)
        path = self._history().get(release_id)
        if path is None:
            raise ReleaseNotFoundError(f"no release {release_id!r} in the index")
        if self.engine.release_at(path) is not None:
            raise ReleaseNotFoundError(f"release {release_id} changed since that id was given: its file {path} is "
                                       f"release {ids(path)} now (searchidx show {ids(path)})")
        raise ReleaseNotFoundError(f"release {release_id} changed since that id was given, and its file {path} is "
                                   f"no longer in the index")

    def _history(self) -> dict[str, str]:
        """The content ids that changes replaced: old id → the file it came from."""
        return read_history(self.path)

    def search(self, query: str, *, speaker: str | None = None, since: dt.date | str | None = None,
               until: dt.date | str | None = None, source: str | None = None,
               languages: tuple[str, ...] | list[str] | None = None,
               kinds: tuple[str, ...] | None = ("body",), quotes_only: bool = False, in_quotes: bool = False,
               limit: int = 10, page: int = 1, sort: str = "score", facets: tuple[str, ...] | list[str] = (),
               timeline: bool = False, context: int = 0, collapse: bool = True, suggest: bool = True,
               exact_total: bool | None = None, facet_limit: int | None = 10,
               path: str | list[str] | None = None,
               max_seconds: float | None = QUERY_SECONDS) -> SearchResults:
        """Ranked paragraphs matching ``query`` (see docs/searching.md for the query language), narrowed by
        the filters. Raises `QueryError` (with a ``hint``) for a query or option it cannot run.

        ``speaker``: every word of it in the speaker's name (or a form of it their release writes).
        ``since``/``until``: a date, or YYYY, YYYY-MM or YYYY-MM-DD (inclusive). ``source``: every word of it in the wire or site. ``languages``: ISO 639-1
        codes: only paragraphs in these, their words analysed for these (docs/languages.md). ``kinds``: paragraph kinds
        searched (None: all; a ``kind:`` in the query also lifts the default). ``quotes_only``: paragraphs
        with a speaker's words in quotation marks (`Paragraph.has_direct_quote`). ``in_quotes``: the
        query's text words match only inside those quotation marks, and are highlighted there (with
        ``speaker``: what that speaker said about them); implies ``quotes_only``. ``limit``/``page``: hits per page (0: counts, facets and timeline only) and
        which page. ``sort``: "score", "date" (newest first) or "oldest"; undated last. ``facets``: any of speaker,
        source, year, location, language; ``facet_limit`` values each (None: all). ``timeline``: matches per month.
        ``context``: paragraphs before and after each hit. ``collapse``: fold syndicated copies into one hit.
        ``suggest``: a corrected query when words are unknown. ``exact_total``: ignored (every total is
        counted), kept for callers of earlier versions. ``path``: a glob (or several) the file's path must
        match, relative to its source folder or whole; ``path:GLOB`` in the query does the same.
        ``max_seconds``: the search's time budget; past it, `QueryError` (None: no limit)."""
        return search(self, query, speaker=speaker, since=since, until=until, source=source,
                      languages=languages, kinds=kinds,
                      quotes_only=quotes_only, in_quotes=in_quotes, limit=limit, page=page, sort=sort, facets=facets,
                      timeline=timeline, context=context, collapse=collapse, suggest=suggest,
                      exact_total=exact_total, facet_limit=facet_limit, path=path, max_seconds=max_seconds)

    def search_releases(self, query: str, *, also: tuple[str, ...] | list[str] = (), speaker: str | None = None,
                        since: dt.date | str | None = None, until: dt.date | str | None = None,
                        source: str | None = None, kinds: tuple[str, ...] | None = ("body",),
                        quotes_only: bool = False, in_quotes: bool = False, limit: int = 10, page: int = 1,
                        sort: str = "score", path: str | list[str] | None = None,
                        max_seconds: float | None = QUERY_SECONDS) -> ReleaseResults:
        """Releases with a paragraph matching ``query`` and, for each query in ``also``, a paragraph matching
        it too (another paragraph or the same: ``also=["speaker:harris"]`` with ``"speaker:biden"`` finds
        releases quoting both), with the filters of `search`. Each `ReleaseMatch` counts its matching
        paragraphs and names their speakers; ``total`` counts every release. ``max_seconds``: the time budget
        of the whole search, ``also`` included; past it, `QueryError` (None: no limit)."""
        return search_releases(self, query, also=also, speaker=speaker, since=since, until=until, source=source,
                               kinds=kinds, quotes_only=quotes_only, in_quotes=in_quotes, limit=limit, page=page,
                               sort=sort, path=path, max_seconds=max_seconds)

    def iter_search(self, query: str, *, speaker: str | None = None, since: dt.date | str | None = None,
                    until: dt.date | str | None = None, source: str | None = None,
                    kinds: tuple[str, ...] | None = ("body",), quotes_only: bool = False, in_quotes: bool = False,
                    sort: str = "score", context: int = 0, path: str | list[str] | None = None,
                    max_seconds: float | None = QUERY_SECONDS) -> Iterator[Hit]:
        """Every hit of ``query`` in order, without pages: the filters of `search`, made one at a time as
        they are asked for, from one state of the index. Syndicated copies are hits of their own.
        ``max_seconds``: the time budget of each step (the first: matching and ranking every hit; then each
        hit made), not of the whole iteration, which lasts as long as the caller takes hits; past it,
        `QueryError` (None: no limit)."""
        return iter_search(self, query, speaker=speaker, since=since, until=until, source=source, kinds=kinds,
                           quotes_only=quotes_only, in_quotes=in_quotes, sort=sort, context=context, path=path,
                           max_seconds=max_seconds)

    def speakers(self) -> list[SpeakerSummary]:
        """Every speaker: name as first given, roles, paragraphs and releases, most paragraphs first."""
        return speakers(self)

    # -- closing -----------------------------------------------------------------------------
    def close(self) -> None:
        """Close what this object keeps open between searches (searchers, mapped files). Later calls
        reopen what they need."""
        if self._engine is not None:
            self._engine.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def stats(self) -> Stats:
        """Releases, paragraphs, speakers, date span, size on disk, last update, and the files known bad."""
        st = stats(self)
        st.known_bad = [{"path": p, "reason": r} for p, r in self.failed().items()]
        return st

    # -- checking ----------------------------------------------------------------------------
    def check(self, *, contents: bool = True) -> CheckReport:
        """Check the index against itself and its sources: it opens; every file record has its release's
        paragraphs and every release's paragraphs have a file record; no orphan segment files; sources
        exist; (with ``contents``) no indexed file changed or vanished, no new file left unindexed."""
        report = CheckReport(generation=self.generation)
        rebuild = f"rebuild: searchidx build --rebuild --index {self.path}"
        if self._problem:
            report.problem(re.split(r"[:;] rebuild", self._problem)[0], rebuild)
            return report
        info = read_manifest(self.path) or {}
        known = check_documents(self, report)
        if known is None:
            # Unreadable: the recorded checksums can still name the damaged file, when the table of
            # contents reads. Best effort: whatever else is broken was reported just now.
            with contextlib.suppress(Exception):
                with FolderLock(self.path, 0, readonly=True):
                    self._check_checksums(report, info, everything=True)
            return report
        report.files = len(known)
        try:
            with FolderLock(self.path, 0, readonly=True):
                debris = orphans(self._fresh())
                self._check_checksums(report, info, everything=contents)
        except IndexLockedError:
            debris = []
            report.notes.append("a writer is at work: orphan segment files and checksums not checked")
        if debris:
            report.problem(f"{len(debris)} orphan segment file(s) left by a writer that died "
                           f"(e.g. {debris[0]})", "any write removes them: searchidx build")
        sources = list(info.get("sources", []))
        for src in sources:
            if not os.path.exists(src):
                held = sum(under(p, [src]) for p in known)
                report.problem(f"source {src} is missing ({held} indexed files are under it)",
                               "restore it, or remove its releases: searchidx remove PATH...")
        if contents:
            self._check_contents(report, known, [s for s in sources if os.path.exists(s)], info.get("excludes", []))
        else:
            report.failed = self.failed()
        return report

    def _check_checksums(self, report: CheckReport, info: dict[str, Any], *, everything: bool) -> None:
        """The manifest's checksum, and the recorded checksums of the table of contents (``everything``:
        and of every segment file)."""
        rebuild = f"rebuild it from its sources: searchidx build --rebuild PATH... --index {self.path}"
        if "checksum" in info and info["checksum"] != safefiles.manifest_checksum(info):
            report.problem(f"{self.path / MANIFEST} was changed after searchidx wrote it (its checksum differs)",
                           rebuild)
        damaged, unrecorded = check_files(self._fresh(), everything=everything)
        if damaged:
            report.problem(f"{len(damaged)} index file(s) are damaged: their checksum differs from the one "
                           f"written at commit (e.g. {damaged[0]})", rebuild)
        if unrecorded:
            report.notes.append(f"{len(unrecorded)} index file(s) have no checksum (written by an earlier "
                                f"searchidx; a rebuild records them)")

    def _check_contents(self, report: CheckReport, known: dict[str, dict[str, Any]], sources: list[str],
                        excludes: list[str]) -> None:
        from searchidx.load.core import discover, load_bytes, read_bytes  # writers' and check's only

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
        files, _ = discover(sources, exclude=excludes, follow_links=self.options.follow_links)
        new, unloadable = [], []
        failed = self._failed_records()
        for path in files:
            resolved = str(path.resolve())
            if resolved in known:
                continue
            try:
                data = read_bytes(resolved)
                bad = failed.get(resolved)
                if bad and hashlib.sha256(data).hexdigest() == bad["hash"]:
                    report.failed[resolved] = bad.get("reason", "")
                    continue
                load_bytes(data, resolved)
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
        if report.failed:
            report.notes.append(f"{len(report.failed)} file(s) known bad: they failed to load and have not changed "
                                f"since (listed below); a sync tries them again when they change")





def is_engine_url(location: object) -> bool:
    """Whether ``location`` names an index on a search cluster (``opensearch://...``), not a folder."""
    return isinstance(location, str) and location.split("://", 1)[0] in ENGINE_SCHEMES and "://" in location


ENGINE_SCHEMES = ("opensearch", "opensearch+http", "opensearch+https")


class EngineIndex(Index):
    """An index on an OpenSearch cluster (`Index.open("opensearch://HOST:PORT/NAME")`): the same writes and
    reads as a folder's, the sync state (manifest, file records, writers' lock) kept in the cluster itself so
    that any machine can sync it (`searchidx.engine.opensearch`). Shards and replicas: ``?shards=N&replicas=N``
    in the URL (default 1 shard, 1 replica where a second node can hold it)."""

    def __init__(self, store: Any, info: dict[str, Any], options: IndexOptions) -> None:
        # The OpenSearch engine (and its client) is imported by an index on a cluster only.
        from searchidx.engine.opensearch import OpenSearchEngine

        self.path = None  # type: ignore[assignment]
        self.store = store
        self.options = options
        self.generation = str(info.get("generation", ""))
        self._problem = None
        self._known = None
        self._engine = OpenSearchEngine(store)  # type: ignore[assignment]

    @classmethod
    def open_url(cls, url: str, *, create: bool = False, strict: bool = True,
                 options: IndexOptions | None = None) -> EngineIndex:

        try:
            # Imported for a cluster only: a folder's index never loads the OpenSearch client.
            from searchidx.engine.opensearch import MAPPING_VERSION, Store, parse_url
        except ImportError:
            raise SearchidxError(f"{url}: the OpenSearch engine needs its client: pip install "
                                 f"'searchidx[opensearch]'") from None
        query = parse_qs(urlsplit(url).query)
        try:
            shards = int(query.get("shards", ["1"])[0])
            replicas = int(query["replicas"][0]) if "replicas" in query else None
        except ValueError:
            raise SearchidxError(f"{url}: shards and replicas are numbers (?shards=2&replicas=1)") from None
        store = Store(parse_url(url.split("?", 1)[0]), shards=shards, replicas=replicas)
        info = store.manifest()
        if info is None:
            if not create:
                raise IndexNotFoundError(f"no index at {store.url} (build one with: searchidx build PATH "
                                         f"--engine {store.url})")
            info = store.create()
        if strict and info.get("mapping_version") != MAPPING_VERSION:
            raise IndexVersionError(f"the index at {store.url} was written with mapping {info.get('mapping_version')}; "
                                    f"this searchidx writes mapping {MAPPING_VERSION}: rebuild it with: searchidx "
                                    f"build --rebuild --engine {store.url}")
        return cls(store, info, options or IndexOptions())

    @property
    def location(self) -> str:
        return self.store.url

    @property
    def sources(self) -> list[str]:
        return list((self.store.manifest() or {}).get("sources", []))

    def _remember_sources(self, sources: list[str], excludes: list[str]) -> None:
        self.store.write_manifest(sources=sources, excludes=excludes)

    @property
    def excludes(self) -> list[str]:
        return list((self.store.manifest() or {}).get("excludes", []))

    def set_sources(self, *, add: Iterable[str | os.PathLike[str]] = (), remove: Iterable[str | os.PathLike[str]] = (),
                    exclude: Iterable[str] = (), include: Iterable[str] = (),
                    lock_timeout: float = LOCK_TIMEOUT) -> None:
        with self.store.lock(lock_timeout):
            info = self.store.manifest() or {}
            gone = {str(Path(p).resolve()) for p in remove}
            sources = [s for s in info.get("sources", []) if s not in gone]
            sources = list(dict.fromkeys(sources + [str(Path(p).resolve()) for p in add]))
            dropped = set(include)
            excludes = [g for g in dict.fromkeys([*info.get("excludes", []), *exclude]) if g not in dropped]
            self._remember_sources(sources, excludes)

    def _failed_records(self) -> dict[str, dict[str, Any]]:
        return _failed_of(self.store.manifest() or {})

    def _history(self) -> dict[str, str]:
        """As `Index._history`, remembered in the manifest."""
        return _history_of(self.store.manifest() or {})

    def version(self) -> tuple[Any, ...]:
        """Changes whenever the index does (a commit, a rebuild's switch): for caches of its answers."""
        info = self.store.manifest() or {}
        return (info.get("generation"), info.get("updated"))

    def _fresh(self) -> Any:
        return None

    @contextlib.contextmanager
    def _session(self, timeout: float) -> Iterator[Any]:
        from searchidx.engine.opensearch import OpenSearchSession  # a cluster's writers only

        with self.store.lock(timeout) as lock:
            info = self.store.manifest()
            if info is None:
                raise IndexNotFoundError(f"the index at {self.store.url} is gone")
            self.generation = str(info.get("generation", ""))
            session = OpenSearchSession(self.store, self.generation, info, lock, processes=self.options.processes,
                                        min_parallel=self.options.min_parallel,
                                        commit_every=self.options.commit_every,
                                        known=self._engine.file_records(),  # type: ignore[union-attr]
                                        memory=ManifestMemory(self.store, info))
            try:
                yield session
            except BaseException:
                session.cancel()
                raise
            finally:
                session.close()

    def rebuild(self, paths: Iterable[str | os.PathLike[str]] | None = None, *, progress: Progress | None = None,
                lock_timeout: float = LOCK_TIMEOUT) -> SyncReport:
        """Index ``paths`` into a new generation (a new OpenSearch index), then point the alias at it in one
        step; searches meanwhile use the old one, which goes at the next rebuild."""
        from searchidx.engine.opensearch import MAPPING_VERSION, OpenSearchSession  # a cluster's writers only

        report = SyncReport()
        store = self.store
        with store.lock(lock_timeout) as lock:
            info = store.manifest() or {}
            old = info.get("generation")
            roots = [str(Path(p).resolve()) for p in paths] if paths is not None else list(info.get("sources", []))
            if not roots:
                raise SearchidxError(f"nothing to rebuild the index at {store.url} from: name the files and folders")
            missing = [r for r in roots if not os.path.exists(r)]
            if missing:
                raise SearchidxError(f"cannot rebuild: source {missing[0]} is missing and its releases would be "
                                     f"lost; restore it, or name the sources to keep")
            previous = info.get("previous")
            if previous and previous != old:
                store.drop_generation(previous)
            name = store.new_generation()
            session = OpenSearchSession(store, name, info, lock, processes=self.options.processes,
                                        min_parallel=self.options.min_parallel,
                                        commit_every=self.options.commit_every, known={},
                                        memory=ManifestMemory(store, info, fresh=True))
            try:
                self._apply(session, roots, report, progress, delete=False)
                session.commit()
            except BaseException:
                session.cancel()
                store.drop_generation(name)
                raise
            finally:
                session.close()
            store.switch(old, name)
            store.write_manifest(generation=name, previous=old, sources=roots, mapping_version=MAPPING_VERSION,
                                 excludes=info.get("excludes", []), languages=sorted(session.languages))
        self.generation = name
        return report

    def check(self, *, contents: bool = True) -> CheckReport:
        """The cluster answers; every file record has all its release's paragraphs and every paragraph a
        file record; sources exist; (with ``contents``) the files are as indexed."""
        report = CheckReport(generation=self.generation)
        rebuild = f"rebuild: searchidx build --rebuild --engine {self.store.url}"
        known = self._engine.file_records()  # type: ignore[union-attr]
        report.files = len(known)
        expected = {rid: len(rec.get("ns") or []) for rec in known.values() for rid in rec["releases"]}
        counts = self.engine.paragraph_counts()
        report.releases = len(set(expected) | set(counts))
        report.paragraphs = sum(counts.values())
        report.segments = self._engine.segments()  # type: ignore[union-attr]
        short = [rid for rid, n in expected.items() if counts.get(rid, 0) < n]
        orphans = [rid for rid in counts if rid not in expected]
        if short:
            report.problem(f"{len(short)} release(s) miss paragraphs their file record lists (e.g. {short[0]})",
                           rebuild)
        if orphans:
            report.problem(f"{len(orphans)} release(s) have paragraphs but no file record (e.g. {orphans[0]})",
                           "sync: searchidx build")
        sources = self.sources
        for src in sources:
            if not os.path.exists(src):
                held = sum(under(p, [src]) for p in known)
                report.problem(f"source {src} is missing ({held} indexed files are under it)",
                               "restore it, or remove its releases: searchidx remove PATH...")
        if contents:
            self._check_contents(report, known, [s for s in sources if os.path.exists(s)], self.excludes)
        return report


class ManifestMemory(failed_files.FileMemory):
    """`FileMemory` of an index on a cluster: the files that failed and the replaced content ids are kept in
    its manifest, where any machine's sync finds them."""

    def __init__(self, store: Any, info: dict[str, Any], *, fresh: bool = False) -> None:
        self.store = store
        self.failed = {} if fresh else _failed_of(info)
        self.failed_changed = fresh
        self.history: dict[str, str] = {}
        self._known_history = _history_of(info)

    def save(self) -> None:
        fields: dict[str, Any] = {}
        # Lists, not objects: a partial update merges objects, and a file no longer failing must go.
        if self.failed_changed:
            fields["failed"] = [{"path": p, **rec} for p, rec in self.failed.items()]
            self.failed_changed = False
        if self.history:
            self._known_history.update(self.history)
            fields["history"] = [[rid, path] for rid, path in self._known_history.items()]
            self.history = {}
        if fields:
            self.store.write_manifest(**fields)


def _failed_of(info: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["path"]: {k: v for k, v in r.items() if k != "path"} for r in info.get("failed") or []
            if isinstance(r, dict) and "path" in r and "hash" in r}


def _history_of(info: dict[str, Any]) -> dict[str, str]:
    return {pair[0]: pair[1] for pair in info.get("history") or [] if isinstance(pair, list) and len(pair) == 2}


def _create(folder: Path, sources: list[str], mode: int) -> dict[str, Any]:
    """A new empty index in ``folder`` with file mode ``mode`` (the caller holds the folder lock)."""
    clean_generations(folder, keep=set())
    name = new_generation(folder)
    after_commit(create_whoosh(folder / name), mode)
    info = {"generation": name, "sources": sources, "mode": f"{mode:04o}"}
    write_manifest(folder, info)  # last: until the manifest names it, the generation does not exist
    apply_mode(folder, mode)  # the lock too
    return read_manifest(folder) or info
