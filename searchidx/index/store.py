"""An index folder on disk: the manifest, the writers' lock and the generations.

Layout of an index folder::

    searchidx.json   the manifest: schema and searchidx versions, sources, and the current generation
    searchidx.lock   the writers' lock (fcntl; a dead writer's lock goes with its process)
    gen-3/           the current generation: the engine's own files
    gen-2/           the previous one, kept so readers that opened it before a rebuild can finish

The manifest is the pointer: it is only ever replaced whole (``os.replace``), so a reader that opens the
index sees one generation, old or new, never a mix. A rebuild writes a new generation beside the current
one and switches the manifest to it. Indexes from before generations (Whoosh's files directly in the
folder, a manifest without ``generation``) open and sync as they are; their first rebuild moves them over.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import re
import shutil
import socket
import time
from pathlib import Path
from typing import Any

from searchidx import __version__, safefiles
from searchidx.engine.whoosh import SCHEMA_VERSION, generation_exists, remove_legacy_files
from searchidx.errors import IndexLockedError, SearchidxError
from searchidx.processes import HELD_LOCKS
from searchidx.safefiles import DamagedIndexError

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


class FolderLock:
    """An exclusive fcntl lock on ``searchidx.lock``: held while one process writes. The kernel drops it
    when its holder dies, however it dies, so a killed writer never leaves a stale lock behind. The file
    names the holder (pid, host, since) for the message of whoever waits for it."""

    def __init__(self, folder: Path, timeout: float, *, readonly: bool = False) -> None:
        self.folder = folder
        self.timeout = timeout
        #: Only make sure no writer is at work: the lock file is neither created nor written.
        self.readonly = readonly
        self.fd: int | None = None

    def __enter__(self) -> FolderLock:
        path = self.folder / LOCK
        if self.readonly:
            fd = safefiles.open_lock_readonly(path)
            if fd is None:  # no writer ever worked here
                return self
        else:
            fd = safefiles.open_lock(path)
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
        if self.readonly:
            self.fd = fd
            return self
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()} since "
                      f"{dt.datetime.now().isoformat(timespec='seconds')}".encode(), 0)
        self.fd = fd
        HELD_LOCKS.add(fd)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            if not self.readonly:
                with contextlib.suppress(OSError):
                    os.ftruncate(self.fd, 0)
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            HELD_LOCKS.discard(self.fd)
            self.fd = None


def under(path: str, roots: list[str]) -> bool:
    return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def stamp(folder: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(folder / MANIFEST)
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns)


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The manifest, or None when there is none. It is only ever replaced whole, so it is never half-written."""
    try:
        text = safefiles.read_text_nofollow(folder / MANIFEST)
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        text = ""
    except OSError as exc:
        raise SearchidxError(f"cannot read {folder / MANIFEST}: {safefiles.why(exc)}") from None
    try:
        data = json.loads(text)
    except ValueError:
        raise DamagedIndexError(f"{folder / MANIFEST} is damaged (not JSON); rebuild the index from its "
                                f"sources with: searchidx build --rebuild PATH... --index {folder}") from None
    return safefiles.validate_manifest(folder, data)


def write_manifest(folder: Path, data: dict[str, Any]) -> None:
    data = {"schema_version": SCHEMA_VERSION, "searchidx_version": __version__, **data}
    data["checksum"] = safefiles.manifest_checksum(data)  # `check` finds a manifest changed by hand or damage
    safefiles.write_atomically(folder / MANIFEST, json.dumps(data, indent=1), mode=manifest_mode(data))


def manifest_mode(info: dict[str, Any]) -> int:
    """The index's file mode, as its manifest records it (an index without one: the owner's only)."""
    return int(info.get("mode", "0600"), 8)  # checked when the manifest was read (validate_manifest)


def update_manifest(folder: Path, **changes: Any) -> None:
    """Change some keys of the manifest (the caller holds the folder lock); its schema_version stays."""
    write_manifest(folder, {**(read_manifest(folder) or {}), **changes})


def generation_committed(folder: Path, info: dict[str, Any]) -> bool:
    """Whether the manifest's generation is a committed index."""
    return generation_exists(folder / info.get("generation", LEGACY_GENERATION))


def new_generation(folder: Path) -> str:
    """A new, empty generation folder, the owner's only until its first commit gives it the index's mode."""
    numbers = [int(m.group(1)) for e in os.listdir(folder) if (m := re.fullmatch(rf"{GEN_PREFIX}(\d+)", e))]
    name = f"{GEN_PREFIX}{max(numbers, default=0) + 1}"
    (folder / name).mkdir(mode=safefiles.FOLDER_MODE)
    return name


def clean_generations(folder: Path, keep: set[Any]) -> None:
    """Remove generations neither current nor previous (in ``keep``): left by a rebuild that died, or old."""
    for entry in os.listdir(folder):
        if re.fullmatch(rf"{GEN_PREFIX}\d+", entry) and entry not in keep:
            remove_generation(folder, entry)
    if LEGACY_GENERATION not in keep:
        remove_generation(folder, LEGACY_GENERATION)


def remove_generation(folder: Path, name: str) -> None:
    if name == LEGACY_GENERATION:
        remove_legacy_files(folder)
    else:
        shutil.rmtree(folder / name, ignore_errors=True)


def fsync_tree(folder: Path) -> None:
    for entry in os.scandir(folder):
        if entry.is_file():
            fd = os.open(entry.path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
