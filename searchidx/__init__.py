"""searchidx: a speaker-aware full-text search index for press releases.

    >>> from searchidx import Index, load_release
    >>> index = Index.open("index", create=True)
    >>> index.sync(["seeds"])
    >>> for hit in index.search("accountability", speaker="Sadat").hits: ...
"""

from __future__ import annotations

__version__ = "0.1.0"

from searchidx.errors import (  # noqa: E402
    IndexLockedError,
    IndexNotFoundError,
    IndexVersionError,
    LoadError,
    QueryError,
    SearchidxError,
)
from searchidx.index.core import Index, SyncReport  # noqa: E402
from searchidx.model import Contact, Paragraph, Release  # noqa: E402


def __getattr__(name: str):
    # The loader and attribution (and their compiled patterns) are imported on first use: `searchidx
    # search` never needs them.
    if name in ("load_release", "load_text"):
        from searchidx.load import core as loader

        return getattr(loader, name)
    if name == "speaker_key":
        from searchidx.attribution.rules import speaker_key

        return speaker_key
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Contact",
    "Index",
    "IndexLockedError",
    "IndexNotFoundError",
    "IndexVersionError",
    "LoadError",
    "Paragraph",
    "QueryError",
    "Release",
    "SearchidxError",
    "SyncReport",
    "__version__",
    "load_release",
    "load_text",
    "speaker_key",
]
