"""What a search returns: hits, facet values, the results page; speakers and stats.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Context:
    """A paragraph shown around a hit (``-C N``)."""

    n: int
    kind: str
    speaker: str | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Hit:
    """One matching paragraph, with the fields of `search --json`."""

    id: str
    path: str
    n: int
    kind: str
    speaker: str | None
    speaker_role: str | None
    title: str | None
    date: str | None
    source: str | None
    location: str | None
    url: str | None
    score: float
    text: str
    #: [start, end) character offsets of the matched words in ``text``.
    highlights: list[tuple[int, int]] = field(default_factory=list)
    #: The folded full name that identifies the speaker across releases.
    speaker_key: str | None = None
    #: Ids of the other matching paragraphs with the same normalised text (syndicated copies).
    duplicates: list[str] = field(default_factory=list)
    #: The releases of those copies: {"id", "title", "date", "source"}.
    duplicate_releases: list[dict[str, Any]] = field(default_factory=list)
    context_before: list[Context] = field(default_factory=list)
    context_after: list[Context] = field(default_factory=list)
    #: The release's content id (the hash of its file's bytes): changes when the file does.
    content_id: str | None = None

    @property
    def release(self) -> str:
        """The release's stable id (the part of ``id`` before ``#``)."""
        return self.id.split("#", 1)[0]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["highlights"] = [list(h) for h in self.highlights]
        return d


@dataclass
class FacetValue:
    value: str | int
    label: str
    count: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SearchResults:
    query: str
    #: Matching paragraphs (before duplicates are collapsed).
    total: int
    page: int
    limit: int
    hits: list[Hit]
    #: Always true: every match is counted (kept for callers of versions that gave a bound above 250,000).
    total_exact: bool = True
    #: A corrected query when some words are not in the index (or much rarer than a close one).
    suggestion: str | None = None
    #: facet name → values, most matches first.
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    #: ("YYYY-MM", matching paragraphs) for every month from the first match to the last.
    timeline: list[tuple[str, int]] = field(default_factory=list)

    def __iter__(self) -> Iterator[Hit]:
        """The hits of this page (``for hit in results``)."""
        return iter(self.hits)

    def __len__(self) -> int:
        """Hits on this page; ``total`` counts every matching paragraph."""
        return len(self.hits)

    def __bool__(self) -> bool:
        # Always true, as before results had a len(): `if results:` means "a search was made" to callers
        # (templates) that predate len(); `results.total` says whether anything matched.
        return True

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "total": self.total, "total_exact": self.total_exact, "page": self.page, "limit": self.limit,
                "suggestion": self.suggestion, "hits": [h.to_dict() for h in self.hits],
                "facets": {k: [v.to_dict() for v in vs] for k, vs in self.facets.items()},
                "timeline": [list(t) for t in self.timeline]}


@dataclass
class SpeakerSummary:
    """A person who speaks in the index, once: ``key`` is the folded full name (`speaker_key`), ``name`` as
    first given, ``roles`` most given first, ``aliases`` the other forms of the name the releases write
    ("Ms Roe", "Roe")."""

    name: str
    key: str
    roles: list[str]
    paragraphs: int
    releases: int
    aliases: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Stats:
    releases: int
    paragraphs: int
    speakers: int
    first_date: str | None
    last_date: str | None
    size_bytes: int
    last_update: str | None
    #: Files that failed to load and have not changed since: {"path", "reason"} (`Index.failed`).
    known_bad: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ReleaseMatch:
    """A release with matching paragraphs (`Index.search_releases`, ``search --releases``)."""

    #: The release's stable id (as in a hit's ``id`` before ``#``).
    id: str
    content_id: str
    title: str | None
    date: str | None
    source: str | None
    path: str | None
    url: str | None
    #: Matching paragraphs of this release (of every query, with ``also``).
    paragraphs: int
    #: The speakers of those paragraphs, as first given, most paragraphs first.
    speakers: list[str]
    #: The best score of its paragraphs for the main query.
    score: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ReleaseResults:
    """Releases matching a query: ``total`` of them, this ``page`` of them in ``releases``."""

    query: str
    total: int
    page: int
    limit: int
    releases: list[ReleaseMatch]

    def __iter__(self) -> Iterator[ReleaseMatch]:
        return iter(self.releases)

    def __len__(self) -> int:
        return len(self.releases)

    def __bool__(self) -> bool:
        return True  # as SearchResults: ``total`` says whether anything matched
