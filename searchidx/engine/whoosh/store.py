"""Whoosh's files in a generation folder: opening and creating the index, the session's writer, orphan
files, and the merge policy of the end of a write."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.index import TOC, FileIndex, clean_files
from whoosh.reading import SegmentReader

from searchidx.engine.whoosh.mapped import MappedStorage
from searchidx.engine.whoosh.safepickle import UnsafePickleError
from searchidx.engine.whoosh.schema import schema
from searchidx.engine.whoosh.segments import LengthsInMemoryWriter

#: Whoosh's index name inside a generation folder.
INDEXNAME = "MAIN"


class RetryingFileIndex(FileIndex):
    """A Whoosh index whose every reading of the table of contents (opening, ``schema``, segments) is
    retried: Whoosh lists the folder for the latest one, then opens it, and a writer committing in between
    deletes it. Only Whoosh's reader() retried this; opening an index or asking its schema did not."""

    def _read_toc(self) -> Any:
        gen_dir = Path(self.storage.folder)
        for _ in range(50):
            try:
                return naming_toc(gen_dir, super()._read_toc)
            except FileNotFoundError:
                time.sleep(0.02)
        return naming_toc(gen_dir, super()._read_toc)


def open_whoosh(gen_dir: Path) -> Any:
    """The Whoosh index in a generation folder, read through mapped files (`mapped.MappedStorage`)."""
    for _ in range(50):
        try:
            return naming_toc(gen_dir, lambda: RetryingFileIndex(MappedStorage(str(gen_dir)), indexname=INDEXNAME))
        except FileNotFoundError:
            time.sleep(0.02)
    return naming_toc(gen_dir, lambda: RetryingFileIndex(MappedStorage(str(gen_dir)), indexname=INDEXNAME))


def naming_toc(gen_dir: Path, read: Callable[[], Any]) -> Any:
    """``read()``; a pickle the table of contents may not hold is reported with the file's name."""
    try:
        return read()
    except UnsafePickleError as exc:
        tocs = sorted(gen_dir.glob(f"_{INDEXNAME}_*.toc"), key=lambda p: p.stat().st_mtime)
        where = tocs[-1] if tocs else gen_dir
        raise UnsafePickleError(f"{where}: {exc}; an index folder from elsewhere may be crafted: rebuild it "
                                f"from the sources with: searchidx build --rebuild PATH... --index "
                                f"{gen_dir.parent}") from None


def create_whoosh(gen_dir: Path) -> Any:
    """An empty Whoosh index with searchidx's schema in a (new, empty) generation folder."""
    return whoosh_index.create_in(str(gen_dir), schema(), indexname=INDEXNAME)


def generation_exists(gen_dir: Path) -> bool:
    """Whether a generation folder has a table of contents (a committed Whoosh index)."""
    try:
        return any(re.fullmatch(rf"_{INDEXNAME}_\d+\.toc", name) for name in os.listdir(gen_dir))
    except OSError:
        return False


def remove_legacy_files(folder: Path) -> None:
    """Whoosh's files of an index from before generations, directly in the folder: MAIN_<n>.toc,
    MAIN_<seg>.seg, _MAIN_…"""
    for entry in os.listdir(folder):
        if re.match(rf"_?{INDEXNAME}[_.]", entry) and (folder / entry).is_file():
            with contextlib.suppress(OSError):
                (folder / entry).unlink()


class SessionWriter(LengthsInMemoryWriter):
    """The session's writer, whose commit also names the segments that worker processes wrote
    (``attached``, after its own), and removes unnamed segment files only when ``clean``."""

    attached: list[Any] = []
    clean = True

    def _commit_toc(self, segments: list[Any]) -> None:
        segments = list(segments) + list(self.attached)
        TOC(self.schema, segments, self.generation).write(self.storage, self.indexname)
        if self.clean:
            clean_files(self.storage, self.indexname, self.generation, segments)


def merge_tail(writer: Any, segments: list[Any]) -> list[Any]:
    """A Whoosh merge policy: merge every small segment (under 5 % of the documents, or 2000) into one.
    Whoosh's MERGE_SMALL leaves up to about six small segments; this leaves none, and costs little
    because the big segments of a build are left alone."""
    total = sum(s.doc_count_all() for s in segments)
    small = [s for s in segments if s.doc_count_all() < max(total // 20, 2000)]
    if len(small) < 2:
        return segments
    for seg in small:
        reader = SegmentReader(writer.storage, writer.schema, seg)
        writer.add_reader(reader)
        reader.close()
    return [s for s in segments if s not in small]


def orphans(ix: Any) -> list[str]:
    """Files in the generation folder that its last commit does not use: debris of a writer that died."""
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


def clean_orphans(ix: Any) -> None:
    folder = Path(ix.storage.folder)
    for name in orphans(ix):
        path = folder / name
        with contextlib.suppress(OSError):
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def grouped(reader: Any, paras: set[int], records: set[int]) -> bool:
    """Whether a release's paragraphs follow one of its file records with nothing live between them."""
    first, last = min(paras), max(paras)
    before = first - 1
    while before >= 0 and reader.is_deleted(before):
        before -= 1
    return before in records and all(d in paras or reader.is_deleted(d) for d in range(first, last + 1))
