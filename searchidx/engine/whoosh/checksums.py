"""Checksums of a generation's files, written at commit and verified by `check`, and their modes.

Whoosh has no checksums: a damaged segment reads as different postings or stored fields, or as nothing
(a search then silently finds less). Each commit records the sha256 of the files its table of contents
uses; a segment file never changes once written, so a commit hashes only the files it wrote.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path
from typing import Any

from whoosh.index import TOC

from searchidx.safefiles import FILE_MODE, FOLDER_MODE, read_text_nofollow, write_atomically

#: The checksums of a generation's files, beside them: name → [size, mtime_ns, sha256].
CHECKSUMS = "searchidx-checksums.json"


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _read_checksums(gen_dir: Path) -> dict[str, list[Any]] | None:
    try:
        data = json.loads(read_text_nofollow(gen_dir / CHECKSUMS))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def record_checksums(gen_dir: Path, names: list[str]) -> None:
    """Write the checksums of ``names`` (the files a commit's table of contents uses). Segment files never
    change once written, so a file with the size and time already recorded keeps its checksum: a commit
    hashes what it wrote."""
    old = _read_checksums(gen_dir) or {}
    new: dict[str, list[Any]] = {}
    for name in names:
        try:
            st = os.stat(gen_dir / name)
        except FileNotFoundError:
            continue
        entry = old.get(name)
        if isinstance(entry, list) and len(entry) == 3 and entry[:2] == [st.st_size, st.st_mtime_ns]:
            new[name] = entry
        else:
            new[name] = [st.st_size, st.st_mtime_ns, _sha256(gen_dir / name)]
    # Not synced: an fsync at every commit stalls searchers under a stream of small writes, and after a
    # power cut a lost or empty checksums file reads as checksums not recorded (a note), never as damage.
    write_atomically(gen_dir / CHECKSUMS, json.dumps(new, indent=0, sort_keys=True), durable=False)


def verify_checksums(gen_dir: Path, names: list[str]) -> tuple[list[str], list[str]]:
    """(damaged, unrecorded): files among ``names`` whose size or checksum differs from the recorded one
    (or that are missing), and files with no checksum recorded."""
    recorded = _read_checksums(gen_dir)
    if recorded is None:
        return [], list(names)
    damaged, unrecorded = [], []
    for name in names:
        entry = recorded.get(name)
        if not (isinstance(entry, list) and len(entry) == 3):
            unrecorded.append(name)
            continue
        try:
            if os.path.getsize(gen_dir / name) != entry[0] or _sha256(gen_dir / name) != entry[2]:
                damaged.append(name)
        except OSError:
            damaged.append(name)
    return damaged, unrecorded



def tighten(folder: Path) -> None:
    """Make the index folder and everything searchidx wrote in it readable by the owner only."""
    _chmod(folder, FOLDER_MODE)
    for root, dirs, files in os.walk(folder):
        for d in dirs:
            _chmod(Path(root) / d, FOLDER_MODE)
        for f in files:
            _chmod(Path(root) / f, FILE_MODE)


def _chmod(path: Path, mode: int) -> None:
    try:
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode) or stat.S_IMODE(st.st_mode) & ~mode == 0:
            return
        os.chmod(path, stat.S_IMODE(st.st_mode) & mode)
    except OSError:
        pass  # a file a writer removed meanwhile, or a file system without modes




def committed_files(ix: Any) -> list[str]:
    """The files the last commit's table of contents uses: itself and its segments' files."""
    toc = ix._read_toc()
    current = {s.segment_id() for s in toc.segments}
    segpattern = TOC._segment_pattern(ix.indexname)
    return [TOC._filename(ix.indexname, toc.generation)] + sorted(
        name for name in ix.storage.list() if (m := segpattern.match(name)) and m.group(1) in current)


def after_commit(ix: Any) -> None:
    """What every commit does last: the generation's files made the owner's only (Whoosh assembles
    segments with the umask's mode) and the checksums of what the commit uses recorded."""
    gen_dir = Path(ix.storage.folder)
    tighten(gen_dir)
    record_checksums(gen_dir, committed_files(ix))


def check_files(ix: Any, *, everything: bool) -> tuple[list[str], list[str]]:
    """(damaged, unrecorded) among the table of contents (``everything``: and every segment file), with
    the generation folder's path."""
    gen_dir = Path(ix.storage.folder)
    names = committed_files(ix)
    damaged, unrecorded = verify_checksums(gen_dir, names if everything else names[:1])
    return [str(gen_dir / n) for n in damaged], [str(gen_dir / n) for n in unrecorded]
