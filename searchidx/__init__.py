"""searchidx: a speaker-aware full-text search index for press releases.

    >>> from searchidx import Index, load_release
    >>> index = Index.open("index", create=True)
    >>> index.sync(["seeds"])
    >>> for hit in index.search("accountability", speaker="Sadat").hits: ...

`__all__` is the public API; everything else (the packages `load`, `attribution`, `index`, `search`,
`engine`, `cli`) may change between versions.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

from typing import Any  # noqa: E402

from searchidx.errors import (  # noqa: E402
    IndexDamagedError,
    IndexLockedError,
    IndexNotFoundError,
    IndexVersionError,
    LoadError,
    QueryError,
    ReleaseNotFoundError,
    SearchidxError,
)
from searchidx.index.core import CheckReport, Index, IndexOptions, RemoveReport, SyncReport  # noqa: E402
from searchidx.model import Contact, Paragraph, Release  # noqa: E402
from searchidx.search.results import Context, FacetValue, Hit, SearchResults, SpeakerSummary, Stats  # noqa: E402

#: Loaded on first use: the loader and attribution (and their compiled patterns) take a third of a second
#: to import, and `searchidx search` never needs them.
_LAZY = {"load_release": "searchidx.load.core", "load_releases": "searchidx.load.core",
         "load_text": "searchidx.load.core", "speaker_key": "searchidx.attribution.rules"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CheckReport",
    "Contact",
    "Context",
    "FacetValue",
    "Hit",
    "Index",
    "IndexDamagedError",
    "IndexLockedError",
    "IndexNotFoundError",
    "IndexOptions",
    "IndexVersionError",
    "LoadError",
    "Paragraph",
    "QueryError",
    "Release",
    "ReleaseNotFoundError",
    "RemoveReport",
    "SearchResults",
    "SearchidxError",
    "SpeakerSummary",
    "Stats",
    "SyncReport",
    "__version__",
    "load_release",
    "load_releases",
    "load_text",
    "speaker_key",
]
