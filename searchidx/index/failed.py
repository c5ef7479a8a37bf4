"""Files that could not be loaded, remembered with their content hash (``searchidx.failed.json`` in the
index folder), so that a sync neither parses nor reports them again until their content changes.

The record is dropped when the file loads, changes, disappears or is excluded, and as a whole when another
version of searchidx reads it (its loader may read those files now). Written whole, under the writers' lock.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from searchidx import __version__
from searchidx.errors import LoadError
from searchidx.index.ids import read_history, write_history

#: The file beside the manifest.
FAILED = "searchidx.failed.json"


def read(folder: Path) -> dict[str, dict[str, Any]]:
    """path → {"hash", "reason"}; empty when there is no record, or one from another searchidx version."""
    try:
        data = json.loads((folder / FAILED).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("searchidx_version") != __version__:
        return {}
    files = data.get("files")
    return {p: r for p, r in files.items() if isinstance(r, dict) and "hash" in r} if isinstance(files, dict) else {}


def write(folder: Path, files: dict[str, dict[str, Any]]) -> None:
    if not files:
        try:
            (folder / FAILED).unlink()
        except FileNotFoundError:
            pass
        return
    tmp = folder / f".{FAILED}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps({"searchidx_version": __version__, "files": dict(sorted(files.items()))}, indent=1),
                   encoding="utf-8")
    os.replace(tmp, folder / FAILED)


class FileMemory:
    """What a writer's session remembers about files beyond the index: those that failed to load (with
    their hash) and the content ids that changes replaced (`searchidx.index.ids`). Read when a session
    starts, saved (`save`) when its files are written."""

    def __init__(self, folder: Path, *, fresh: bool = False) -> None:
        self.folder = folder
        #: path → {"hash", "reason"}; a rebuild (``fresh``) starts from nothing: every file is tried again.
        self.failed: dict[str, dict[str, Any]] = {} if fresh else read(folder)
        self.failed_changed = fresh
        #: Content ids replaced in this session → their file.
        self.history: dict[str, str] = {}

    def hashes(self) -> dict[str, str]:
        """The hashes a known-bad file had: handed to the loader as "known", so it is not parsed again."""
        return {p: rec["hash"] for p, rec in self.failed.items()}

    def settle(self, path: str, digest: str | None, release: Any, report: Any) -> bool:
        """Whether a loaded file is done with: bad (reported in ``skipped`` and remembered with its hash)
        or known bad (the same content as when it failed: counted in ``known_bad``, not reported). A file
        that loads, or changed, is forgotten as bad."""
        if isinstance(release, LoadError):
            report.skipped.append(release)
            if digest is not None:  # unreadable files have no hash to remember: they are tried every time
                self.failed[path] = {"hash": digest, "reason": release.reason}
                self.failed_changed = True
            return True
        bad = self.failed.get(path)
        if bad is not None:
            if release is None and digest == bad["hash"]:
                report.known_bad.append(path)
                return True
            self.forget(path)
        return False

    def forget(self, path: str) -> None:
        if self.failed.pop(path, None) is not None:
            self.failed_changed = True

    def replaced(self, old: dict[str, Any], path: str) -> None:
        """A file's content changed: its old content ids are remembered with its path."""
        for rid in old["releases"]:
            self.history[rid] = path

    def save(self) -> None:
        if self.failed_changed:
            write(self.folder, self.failed)
            self.failed_changed = False
        if self.history:
            write_history(self.folder, {**read_history(self.folder), **self.history})
            self.history = {}
