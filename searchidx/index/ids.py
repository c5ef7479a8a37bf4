"""Release ids that survive edits: from the file's path relative to the source folder that holds it.

The content hash (`Release.id`, ``content_id`` in results) still decides whether a file changed and
which files are copies; the id users see, save and pass to `show` is the stable one. A file outside every
source is named by its absolute path. Moving or renaming a file (or its source folder within another
source) makes it another release, as for a sync.

Ids given out before (content hashes) keep working while the content is the same; once a file changes,
its old content id is remembered (``searchidx.history.json``), so `show` can say the release changed and
give its id now.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from searchidx import safefiles

#: Replaced content ids and the file that held them, beside the manifest.
HISTORY = "searchidx.history.json"
#: The most replaced content ids remembered (the oldest are forgotten first).
HISTORY_LIMIT = 200_000


def relative_path(path: str, sources: Iterable[str]) -> str | None:
    """``path`` relative to the deepest source holding it (its name when the source is the file itself),
    with ``/``; None outside every source."""
    rel = None
    best = -1
    for source in sources:
        if path == source:
            candidate = os.path.basename(path)
        elif path.startswith(source.rstrip(os.sep) + os.sep):
            candidate = Path(os.path.relpath(path, source)).as_posix()
        else:
            continue
        if len(source) > best:
            rel, best = candidate, len(source)
    return rel


def stable_id(path: str, sources: Iterable[str]) -> str:
    """16 hex digits from ``path`` relative to the deepest source holding it (its name when the source
    is the file itself), else from the absolute path."""
    rel = relative_path(path, sources)
    key = f"rel:{rel}" if rel is not None else f"abs:{Path(path).as_posix()}"
    # surrogateescape: a name that is not UTF-8 hashes as its bytes (no error, and no other name's id)
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:16]


class StableIds:
    """path → stable id for one state of the sources, memoised (a search names few files)."""

    def __init__(self, sources: Iterable[str]) -> None:
        self.sources = list(sources)
        self._memo: dict[str, str] = {}

    def __call__(self, path: str | None) -> str:
        if not path:
            return ""
        sid = self._memo.get(path)
        if sid is None:
            sid = self._memo[path] = stable_id(path, self.sources)
        return sid


def read_history(folder: Path) -> dict[str, str]:
    """Replaced content id → the path of the file that held it."""
    try:
        data = json.loads((folder / HISTORY).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}


def write_history(folder: Path, history: dict[str, str], *, mode: int = safefiles.FILE_MODE) -> None:
    if len(history) > HISTORY_LIMIT:
        history = dict(list(history.items())[-HISTORY_LIMIT:])
    safefiles.write_atomically(folder / HISTORY, json.dumps(history, indent=0), durable=False, mode=mode)
