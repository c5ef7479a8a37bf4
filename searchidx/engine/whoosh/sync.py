"""Writing a Whoosh index: one writer's session under the folder lock.

The index layer decides which files a sync looks at (`searchidx.index.core`); a session writes them: in
worker processes, each into segments of its own that the session names at commit (`workers`), or in this
process while a worker loads the next files (`searchidx.load.parallel`). A release is one file record and
its paragraphs, once per content hash however many files hold it.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from typing import TYPE_CHECKING, Any

from whoosh import query as Q
from whoosh.index import LockError

from searchidx.engine.whoosh import checksums
from searchidx.engine.whoosh.documents import file_term, release_from, write_release
from searchidx.engine.whoosh.schema import analyse_paragraphs
from searchidx.engine.whoosh.store import INDEXNAME, SessionWriter, clean_orphans, grouped, merge_tail
from searchidx.engine.whoosh.workers import (
    Written,
    merge_groups,
    merge_segments,
    segment_chunk,
    segment_processes,
    write_segments,
)
from searchidx.errors import IndexLockedError, LoadError, SearchidxError
from searchidx.index.failed import FileMemory

# Not the loader itself (load.core): a search never needs it, and its libraries make every process that
# imports it bigger and slower to collect.
from searchidx.load.limits import EMPTY
from searchidx.load.parallel import Loaded, load_files, load_one
from searchidx.load.problems import LoadWarning, release_warnings
from searchidx.safefiles import FILE_MODE

if TYPE_CHECKING:
    from searchidx.index.core import Index, Progress, SyncReport
    from searchidx.index.store import FolderLock


class WhooshSession:
    """One writer's turn, under the folder lock: what is indexed, and a Whoosh writer opened on demand
    (a sync that changes nothing commits nothing), committed every ``commit_every`` changes (`IndexOptions`)."""

    def __init__(self, index: Index, info: dict[str, Any], lock: FolderLock, *, mode: int = FILE_MODE) -> None:
        self.index = index
        #: The index's file mode (`searchidx.safefiles.check_mode`): every file this session writes gets it.
        self.mode = mode
        self.options = index.options
        self.info = info
        self.lock = lock
        cached = index._known
        if cached and cached[:2] == (index.generation, index._ix.latest_generation()):
            self.known = cached[2]
        else:
            self.known = index._files()
        index._known = None  # until this session ends well
        #: Files that failed to load, content ids replaced (searchidx's records, not Whoosh's: kept beside).
        self.memory = FileMemory(index.path, mode=mode)
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
        if self._writer is None:
            try:
                # Compound segments (Whoosh's default) are kept although whoosh3 copies their parts into
                # memory when a searcher opens them: separate segment files are
                # opened lazily, and a searcher open across a merge then meets deleted files.
                # We hold the folder lock, so Whoosh's own is free unless a searchidx from before the
                # folder lock is writing: wait for it as long as we would have for the folder lock.
                self.index._ix.storage.file_mode = self.mode  # `mapped.create_nofollow` creates with it
                self._writer = SessionWriter(self.index._ix, timeout=max(self.lock.timeout, 1.0), delay=0.05,
                                             **self.options.writer_options)
            except LockError:
                raise IndexLockedError(f"another process is writing to the index at {self.index.path}; "
                                       f"try again later") from None
        return self._writer

    def changed(self) -> None:
        self._pending += 1
        if self._pending >= self.options.commit_every:
            self.commit()

    def commit(self, *, optimize: bool = False, merge: bool = True, mergetype: Any = None) -> None:
        if self.attached and self._writer is None:
            self.writer()
        committed = False
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
            committed = True
        self._pending = 0
        self.index._ix = self.index._ix.refresh()
        if committed:
            checksums.after_commit(self.index._ix, self.mode)

    def cancel(self) -> None:
        self.attached = []  # orphans now: the next writer removes their files
        if self._writer is not None:
            writer, self._writer = self._writer, None
            with contextlib.suppress(Exception):
                writer.cancel()

    def write(self, files: list[str], gone: list[str], report: SyncReport, progress: Progress | None) -> None:
        """Index ``files`` (resolved paths: new ones added, changed ones re-indexed, unchanged ones left), then
        remove ``gone`` (indexed paths that no longer exist)."""
        total = len(files) + len(gone)
        done = 0
        resolved = files
        hashes = {p: rec["hash"] for p, rec in self.known.items()}
        # A known-bad file whose content is the same is not parsed again (the loader calls it unchanged).
        hashes.update(self.memory.hashes())
        procs = segment_processes(self.options.processes)
        in_workers = procs > 0 and len(resolved) >= self.options.min_parallel
        if in_workers:
            # Worker processes load, parse, attribute and write whole releases into segments of their own;
            # this one decides what they mean and names them in the table of contents at commit.
            self.parallel = True
            wrote = False
            # Segments of at most SEGMENT_FILES files, in even rounds, each committed as it comes: a killed
            # sync keeps the segments finished before.
            chunk = segment_chunk(len(resolved), procs, self.options.segment_files)
            waiting = None
            if progress:
                def waiting(written: int) -> None:  # files written in segments not handed back yet
                    progress(written, total, "")
            for segment, items in write_segments(str(self.index._ix.storage.folder), INDEXNAME, resolved, hashes,
                                                 procs=procs, chunk=chunk, waiting=waiting,
                                                 options=self.options.worker_writer_options):
                changed = self._take_segment(segment, items, report)
                for item in items:
                    done += 1
                    if progress:
                        progress(done, total, item.path)
                if changed or self.attached:
                    self.commit()  # each segment is committed as it comes
                    wrote = True
        else:
            # Parsing and attribution run in a worker process while this one writes (see bench/run.py).
            for loaded in load_files(resolved, hashes, procs=self.options.processes, min_parallel=self.options.min_parallel,
                                     analyse=analyse_paragraphs):
                self._index_loaded(loaded, report)
                done += 1
                if progress:
                    progress(done, total, loaded.path)
        for path in gone:
            self.delete_file(path)
            report.removed.append(path)
            self.changed()
            done += 1
            if progress:
                progress(done, total, path)
        if in_workers:
            self._merge_in_workers(procs, merge=wrote)  # a sync that wrote nothing merges nothing

    def _take_segment(self, segment: Any, items: list[Written],
                      report: SyncReport) -> int:
        """Account for a worker's segment, then have the next commit name it. What the segment holds is
        decided before it is named: its paragraphs of a release the index already holds (a copy) are
        marked deleted, so a release keeps one set of paragraphs."""
        fresh = [w for w in items if isinstance(w.release, tuple)]
        # The old versions of updated files go first (from older segments: this segment is not the main
        # writer's), so that a release they held counts only the holders that remain.
        updated = set()
        for w in fresh:
            old = self.known.get(w.path)
            if old and old["hash"] != w.digest:
                self.memory.replaced(old, w.path)
                self.delete_file(w.path)
                updated.add(w.path)
        changed = 0
        for w in items:
            old = self.known.get(w.path)
            if self.memory.settle(w.path, w.digest, w.release, report):
                if isinstance(w.release, LoadError):
                    self._forget_emptied(w.path, w.release, report)
                continue
            if w.release is None or (old and old["hash"] == w.digest):
                if segment is not None and w.span:  # parsed after all: its documents are not needed
                    for docnum in range(*w.span):
                        segment.delete_document(docnum)
                report.unchanged.append(w.path)
                continue
            rid, count = w.release
            if self.holders[rid] > 0 and segment is not None and w.span:
                for docnum in range(w.span[0] + 1, w.span[1]):
                    segment.delete_document(docnum)
            self.written.add(rid)
            self.add_file(w.path, {"hash": w.digest, "releases": [rid]})
            report.paragraphs += count
            (report.updated if w.path in updated else report.added).append(w.path)
            report.warnings.extend(LoadWarning(w.path, reason) for reason in w.warnings)
            changed += 1
        if segment is not None and segment.deleted_count() < segment.doc_count_all():
            self.attached.append(segment)
        return changed

    def _merge_in_workers(self, procs: int, *, merge: bool = True) -> None:
        """The end of a batch written by workers: commit, then merge its small segments (with the index's
        other small ones) in worker processes, so searches do not open dozens of segments. Big ones are left
        alone (a merge costs about as much as writing): `merge(optimize=True)` makes one."""
        self.commit()
        groups = merge_groups(self.index._ix._segments(), procs) if merge else []
        if groups:
            self._replace_segments(groups, processes=procs)
        self.parallel = False
        clean_orphans(self.index._ix)  # the batch's commits left older tables of contents; no worker is at work

    def _replace_segments(self, groups: list[list[Any]], *, processes: int) -> None:
        """Worker processes merge each group of committed segments into one new segment; one commit then
        names the new ones instead of the groups'."""
        merged = merge_segments(str(self.index._ix.storage.folder), INDEXNAME, groups, procs=processes,
                                options=self.options.worker_writer_options)
        gone = {s.segment_id() for g in groups for s in g}
        self.attached.extend(s for s in merged if s is not None)
        self.writer()
        self.parallel = False
        self.commit(mergetype=lambda writer, segments: [s for s in segments if s.segment_id() not in gone])

    def _index_file(self, path: str, report: SyncReport) -> None:
        hashes = {path: self.known[path]["hash"]} if path in self.known else {}
        self._index_loaded(load_one(path, hashes.get(path)), report)

    def _index_loaded(self, loaded: Loaded, report: SyncReport) -> None:
        path, digest, release = loaded.path, loaded.digest, loaded.release
        old = self.known.get(path)
        if self.memory.settle(path, digest, release, report):
            # The file is bad now; what was indexed from it before stays until it is mended or deleted,
            # unless it was emptied.
            if isinstance(release, LoadError):
                self._forget_emptied(path, release, report)
            return
        if old and old["hash"] == digest:
            report.unchanged.append(path)
            return
        if release is None:  # the loader took it for unchanged, but the index says otherwise now
            return self._index_file(path, report)
        if old:
            self.memory.replaced(old, path)
            self.delete_file(path)
        # Identical content at another path (a copy, or a rename seen before the old name's removal)
        # shares that release's paragraphs: only the file record is new.
        shared = self.holders[release.id] > 0
        write_release(self.writer(), path, digest, release, paragraphs=not shared,
                      analysed=loaded.analysed)
        self.written.add(release.id)
        self.add_file(path, {"hash": digest, "releases": [release.id]})
        report.paragraphs += len(release.paragraphs)
        (report.updated if old else report.added).append(path)
        report.warnings.extend(release_warnings(release))
        self.changed()

    def _forget_emptied(self, path: str, error: LoadError, report: SyncReport) -> None:
        """An indexed file that is now empty says nothing any more: its release goes (else its old text
        would stay searchable, and `check` would call it changed for ever)."""
        if error.reason == EMPTY and path in self.known:
            self.delete_file(path)
            report.removed.append(path)
            self.changed()

    def delete_file(self, path: str) -> None:
        record = self.drop_file(path)
        writer = self.writer()
        writer.delete_by_term("doc", file_term(path))
        if not record:
            return
        for rid in record["releases"]:
            if not self.holders[rid]:
                if rid in self.written:
                    # Whoosh's delete_by_term does not reach what the same writer added (a regroup of this
                    # release earlier in the session): commit to make those documents deletable.
                    self.commit()
                    writer = self.writer()
                writer.delete_by_term("release", rid)
            else:  # copies elsewhere keep the paragraphs, which may have followed this file's record
                self._regroup(rid, path)

    def _regroup(self, rid: str, gone: str) -> None:
        """Write a release's file records again, without ``gone``'s, its paragraphs after the first."""
        if rid in self.written:
            self.commit()  # written in this session: commit to read it back
        with self.index._ix.searcher() as s:
            records = [d for d in s.documents(doctype="file", release=rid) if d["path"] != gone]
            paras = sorted(s.documents(doctype="para", release=rid), key=lambda d: d["n"])
        writer = self.writer()
        writer.delete_by_term("release", rid)
        for i, rec in enumerate(records):
            write_release(writer, rec["path"], rec["hash"], release_from(rec, paras), paragraphs=i == 0)
        self.written.add(rid)

    def merge(self, *, optimize: bool = False) -> int:
        """Merge the small segments into one, or all into one with ``optimize``; the segments left."""
        if not optimize:
            self.writer()
            self.commit(mergetype=merge_tail)
        elif len(segments := self.index._ix._segments()) > 1 or any(s.has_deletions() for s in segments):
            # In a worker process, streamed (segments.py): Whoosh's own merge took twice as long.
            self._replace_segments([segments], processes=1)
        return len(self.index._ix._segments())


def check_documents(index: Index, report: Any) -> dict[str, dict[str, Any]] | None:
    """The engine's part of `Index.check`: every file record has its release's paragraphs, every release's
    paragraphs have a file record and follow it. Returns the indexed files, or None (a problem reported)
    when the index cannot be read."""
    rebuild = f"rebuild: searchidx build --rebuild --index {index.path}"
    try:
        ix = index._fresh()
        with ix.searcher() as s:
            reader = s.reader()
            segments = len(ix._segments()) if hasattr(ix, "_segments") else 0
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
                elif docs & para_docs and not grouped(reader, docs & para_docs, docs & file_docs):
                    apart.append(rid)
        known = index._files()
    except SearchidxError:
        raise
    except Exception as exc:  # whoosh raises assorted errors for damaged files
        report.problem(f"the index cannot be read ({type(exc).__name__}: {exc})", rebuild)
        return None
    report.segments = segments
    if no_paras:
        report.problem(f"{len(no_paras)} release(s) have a file record but no paragraphs "
                       f"(e.g. {no_paras[0]})", rebuild)
    if no_file:
        report.problem(f"{len(no_file)} release(s) have paragraphs but no file record "
                       f"(e.g. {no_file[0]})", rebuild)
    if apart:
        report.problem(f"{len(apart)} release(s) have paragraphs that do not follow their file record, "
                       f"so searches on the title miss them (e.g. {apart[0]})", rebuild)
    return known
